/* polc explain: a plain-language summary of a compiled policy that a
 * reviewer reads in a minute. Everything comes from the IR and the model:
 * what runs, grouped by systemd's syscall groups; argument conditions in the
 * author's words; what is denied on purpose; the lint findings; the
 * non-syscall sections; and what each back end enforces (explain_backends.c). */
#include <string.h>

#include "middle/accounts.h"
#include "review/explain.h"

static void section_findings(Ex *x)
{
    polc_ctx *ctx = x->ctx;
    LintFindings found = {0};
    review_lint(ctx, &found);
    ExSection *s = ex_section(&x->doc, "Review findings (polc lint)");
    size_t n = 0;
    for (size_t i = 0; i < found.len; i++) {
        const LintFinding *f = found.items[i];
        if (review_silenced_in_source(ctx, f->span, f->code))
            continue;
        const SourceFile *sf = span_valid(f->span) ? source_get(&ctx->sm, f->span.file) : NULL;
        unsigned line = 0, col;
        if (sf)
            source_linecol(sf, f->span.start, &line, &col);
        const char *base = sf ? strrchr(sf->name, '/') : NULL;
        const char *why = "";
        for (size_t k = 0; k < f->notes.len; k++)
            if (!span_valid(f->notes.items[k].span)) {
                why = arena_printf(&ctx->arena, ": %s", f->notes.items[k].msg);
                break;
            }
        ex_item(&x->doc, s, f->code, "%s:%u: %s%s", sf ? (base ? base + 1 : sf->name) : "?", line, f->msg, why);
        n++;
    }
    if (!n)
        ex_item(&x->doc, s, NULL, "none");
}

/* ---- capabilities, process, files, network ---- */

static void section_model(Ex *x)
{
    polc_ctx *ctx = x->ctx;
    ExSection *s = ex_section(&x->doc, "Container");
    StrBuf sb;
    sb_init(&sb);
    size_t n = 0;
    for (int c = 0; c < 64; c++)
        if (ctx->policy.caps.effective & (1ull << c))
            sb_printf(&sb, "%s%s", n++ ? ", " : "", cap_name(&ctx->policy, c));
    ex_item(&x->doc, s, "capabilities", "%s%s", n ? sb.data : "none",
            ctx->policy.caps.declared ? "" : " (no capabilities section: Docker's default set)");
    sb_free(&sb);
    if (ctx->policy.process.has_user)
        ex_item(&x->doc, s, "user", "%s%s", accounts_user_arg(&ctx->policy, ctx->policy.arena),
                accounts_runs_as_root(&ctx->policy) ? " (root)"
                : ctx->policy.process.user_name || ctx->policy.process.group_name ? " (names: the image's /etc/passwd and /etc/group decide the ids)"
                                                                                : "");
    else if (ctx->policy.process.has_gid && ctx->policy.process.group_name)
        ex_item(&x->doc, s, "user", "not set: the image's user, often root; group %s", ctx->policy.process.group_name);
    else if (ctx->policy.process.has_gid)
        ex_item(&x->doc, s, "user", "not set: the image's user, often root; group %u", ctx->policy.process.gid);
    else
        ex_item(&x->doc, s, "user", "not set: the image's user, often root");
    ex_item(&x->doc, s, "no-new-privileges", "%s", ctx->policy.process.no_new_privs ? "on" : "off");
    ex_item(&x->doc, s, "root file system", "%s", ctx->policy.fs.read_only_root ? "read-only" : "writable");
    if (ctx->policy.fs.confine_reads)
        ex_item(&x->doc, s, "reads", "confined: only the listed paths and the read baseline are readable");
    static const char *const access_names[] = {"", "read", "write", "append", "exec", "deny", "deny exec"};
    for (int acc = FS_READ; acc <= FS_DENY_EXEC; acc++) {
        sb_init(&sb);
        n = 0;
        for (size_t i = 0; i < ctx->policy.fs.rules.len; i++)
            if ((int)ctx->policy.fs.rules.items[i].access == acc)
                sb_printf(&sb, "%s%s", n++ ? ", " : "", ctx->policy.fs.rules.items[i].path);
        if (n)
            ex_item(&x->doc, s, arena_printf(&ctx->arena, "files: %s", access_names[acc]), "%s", sb.data);
        sb_free(&sb);
    }
    for (int deny = 0; deny < 2; deny++) {
        sb_init(&sb);
        n = 0;
        for (size_t i = 0; i < ctx->policy.net.rules.len; i++) {
            const NetRule *r = &ctx->policy.net.rules.items[i];
            if (r->deny != deny)
                continue;
            sb_printf(&sb, "%s%s%s%s", n++ ? ", " : "", r->family ? r->family : "", r->family && r->type ? " " : "",
                      r->type ? r->type : "");
        }
        if (n)
            ex_item(&x->doc, s, deny ? "network: deny" : "network: allow", "%s", sb.data);
        sb_free(&sb);
    }
    for (int connect = 0; connect < 2; connect++) {
        sb_init(&sb);
        n = 0;
        for (size_t i = 0; i < ctx->policy.net.tcp.len; i++) {
            const NetPort *np = &ctx->policy.net.tcp.items[i];
            if (np->connect == connect)
                sb_printf(&sb, np->lo == np->hi ? "%s%u" : "%s%u-%u", n++ ? ", " : "", np->lo, np->hi);
        }
        if (n)
            ex_item(&x->doc, s, connect ? "network: tcp connect" : "network: tcp bind",
                    "%s (only these ports; enforced by polc run, refused by the container outputs)", sb.data);
        sb_free(&sb);
    }
    if (ctx->policy.net.scope_abstract_unix)
        ex_item(&x->doc, s, "scope abstract-unix", "abstract unix sockets of the sandbox's own processes only "
                                                   "(enforced by polc run, refused by the container outputs)");
    if (ctx->policy.process.scope_signal)
        ex_item(&x->doc, s, "scope signal", "signals to the sandbox's own processes only "
                                            "(enforced by polc run, refused by the container outputs)");
    if (!ctx->policy.fs.rules.len && !ctx->policy.fs.read_only_root)
        ex_item(&x->doc, s, "files", "no filesystem rules");
    if (!ctx->policy.net.rules.len && !ctx->policy.net.tcp.len && !ctx->policy.net.scope_abstract_unix)
        ex_item(&x->doc, s, "network", "no network rules");
}

bool review_explain(polc_ctx *ctx, bool json, StrBuf *out)
{
    Ex x = {.ctx = ctx, .cc = {.arena = &ctx->arena}};
    x.doc.ctx = ctx;
    x.narches = review_arches(ctx, x.arches);
    ex_collect_calls(&x);
    const SourceFile *root = source_get(&ctx->sm, ctx->policy.root_file);
    x.doc.heading = arena_printf(&ctx->arena, "%s%s%s (%s)", ctx->policy.name ? ctx->policy.name : polc_policy_basename(ctx),
                                 ctx->policy.desc ? ": " : "", ctx->policy.desc ? ctx->policy.desc : "",
                                 root ? root->name : "?");

    ExSection *s = ex_section(&x.doc, "Syscalls");
    StrBuf sb;
    sb_init(&sb);
    for (size_t i = 0; i < x.narches; i++)
        sb_printf(&sb, "%s%s", i ? ", " : "", arch_info(x.arches[i])->name);
    ex_item(&x.doc, s, "arches", "%s; calls from any other ABI kill the process", sb.data);
    sb_free(&sb);
    if (review_action_allows(ctx->policy.ir->default_action))
        ex_item(&x.doc, s, "default", "%s: every syscall the policy does not deny runs (a deny list, not an "
                                      "allow list)", ex_verdict(ctx, ctx->policy.ir->default_action));
    else
        ex_item(&x.doc, s, "default", "%s for every syscall not allowed below", ex_verdict(ctx, ctx->policy.ir->default_action));
    if (ctx->policy.ir->has_unknown)
        ex_item(&x.doc, s, "unknown numbers", "%s", ex_verdict(ctx, ctx->policy.ir->unknown_action));
    if (ctx->policy.newer_rule)
        ex_item(&x.doc, s, "newer syscalls", "%s for syscalls newer than the version the policy names",
                ex_verdict(ctx, ctx->policy.newer_rule->action));

    ex_section_allowed(&x);
    ex_section_conditions(&x);
    ex_section_denied(&x);
    section_findings(&x);
    section_model(&x);
    explain_backends(&x.doc);
    if (json)
        ex_render_json(&x.doc, out);
    else
        ex_render_text(&x.doc, out);
    return true;
}

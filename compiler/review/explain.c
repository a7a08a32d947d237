/* polc explain: a plain-language summary of a compiled policy that a
 * reviewer reads in a minute. Everything comes from the IR and the model:
 * what runs, grouped by systemd's syscall groups; argument conditions in the
 * author's words; what is denied on purpose; the lint findings; the
 * non-syscall sections; and what each back end enforces (explain_backends.c). */
#include <json-c/json.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "explain.h"

ExSection *ex_section(ExDoc *doc, const char *title)
{
    ExSection *s = arena_alloc(&doc->ctx->arena, sizeof *s);
    s->title = title;
    VEC_PUSH(&doc->ctx->arena, doc->sections, s);
    return s;
}

void ex_item(ExDoc *doc, ExSection *s, const char *key, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    ExItem it = {key, arena_vprintf(&doc->ctx->arena, fmt, ap)};
    va_end(ap);
    VEC_PUSH(&doc->ctx->arena, s->items, it);
}

/* ---- per-syscall facts ---- */

typedef enum Status { ST_NONE, ST_ALL, ST_COND, ST_MIXED } Status;

typedef struct Call {
    const char *name;
    Status status;  /* over the target arches that have it */
    ArchId cond_arch; /* an arch where it is conditional */
    bool logged;    /* some arch allows it through `log` */
    bool listed;    /* already shown in the summary */
} Call;

typedef struct Ex {
    ExDoc doc;
    polc_ctx *ctx;
    CondCtx cc;
    ArchId arches[ARCH__COUNT];
    size_t narches;
    VEC(Call) calls; /* every syscall of the target arches, sorted by name */
} Ex;

static int cmp_call(const void *a, const void *b) { return strcmp(((const Call *)a)->name, ((const Call *)b)->name); }

static Call *find_call(Ex *x, const char *name)
{
    Call key = {.name = name};
    return bsearch(&key, x->calls.items, x->calls.len, sizeof key, cmp_call);
}

static void collect_calls(Ex *x)
{
    polc_ctx *ctx = x->ctx;
    StrMap seen = {0};
    for (size_t i = 0; i < x->narches; i++) {
        const ArchTable *t = &ctx->db.arch[x->arches[i]];
        for (size_t k = 0; k < t->len; k++)
            if (!strmap_get(&seen, t->entries[k].name)) {
                strmap_put(&seen, &ctx->arena, t->entries[k].name, (void *)1);
                Call c = {.name = t->entries[k].name};
                VEC_PUSH(&ctx->arena, x->calls, c);
            }
    }
    qsort(x->calls.items, x->calls.len, sizeof(Call), cmp_call);
    for (size_t i = 0; i < x->calls.len; i++) {
        Call *c = &x->calls.items[i];
        bool any_all = false, any_none = false, any_cond = false;
        for (size_t a = 0; a < x->narches; a++) {
            Allowed al = review_allowed(ctx, &x->cc, x->arches[a], c->name);
            if (!al.exists)
                continue;
            if (dnf_is_true(al.region))
                any_all = true;
            else if (dnf_is_false(al.region))
                any_none = true;
            else if (!any_cond) {
                any_cond = true;
                c->cond_arch = x->arches[a];
            }
            if (al.rule >= 0 && ctx->rules.items[al.rule]->action.kind == ACT_LOG)
                c->logged = true;
        }
        c->status = any_cond ? ST_COND : any_all && any_none ? ST_MIXED : any_all ? ST_ALL : ST_NONE;
    }
}

/* ---- the syscall groups of stdlib/groups/ ---- */

typedef struct Group {
    const SetDef *set;
    size_t members, allowed;
} Group;

static int cmp_group(const void *a, const void *b)
{
    const SetDef *x = ((const Group *)a)->set, *y = ((const Group *)b)->set;
    return x->span.start < y->span.start ? -1 : x->span.start > y->span.start;
}

/* Leaf groups (no @references) of the stdlib's group files, in file order. */
static size_t collect_groups(Ex *x, Group **out)
{
    polc_ctx *ctx = x->ctx;
    VEC(Group) gs = {0};
    for (size_t i = 0; i < ctx->sets.cap; i++) {
        const SetDef *sd = ctx->sets.slots[i].value;
        if (!ctx->sets.slots[i].key || !sd->from_stdlib)
            continue;
        const SourceFile *f = source_get(&ctx->sm, sd->span.file);
        if (!f || !strstr(f->path ? f->path : f->name, "groups/"))
            continue;
        bool leaf = true;
        for (size_t k = 0; k < sd->targets.len; k++)
            leaf &= !sd->targets.items[k].is_group;
        if (!leaf)
            continue;
        Group g = {.set = sd};
        for (size_t k = 0; k < sd->targets.len; k++) {
            Call *c = find_call(x, sd->targets.items[k].name);
            if (!c)
                continue;
            g.members++;
            g.allowed += c->status == ST_ALL;
        }
        if (g.members)
            VEC_PUSH(&ctx->arena, gs, g);
    }
    if (gs.len)
        qsort(gs.items, gs.len, sizeof(Group), cmp_group);
    *out = gs.items;
    return gs.len;
}

static void list_names(StrBuf *sb, const char *const *names, size_t n)
{
    for (size_t i = 0; i < n; i++)
        sb_printf(sb, "%s%s", i ? ", " : "", names[i]);
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* Members of a group with (or without) status ST_ALL, not yet listed, sorted. */
static size_t group_names(Ex *x, const SetDef *sd, bool allowed, bool unlisted_only, const char **out)
{
    size_t n = 0;
    for (size_t k = 0; k < sd->targets.len; k++) {
        Call *c = find_call(x, sd->targets.items[k].name);
        if (!c || (c->status == ST_ALL) != allowed || (unlisted_only && c->listed))
            continue;
        bool dup = false;
        for (size_t j = 0; j < n; j++)
            dup |= strcmp(out[j], c->name) == 0;
        if (!dup)
            out[n++] = c->name;
    }
    qsort(out, n, sizeof *out, cmp_str);
    return n;
}

static void mark(Ex *x, const SetDef *sd)
{
    for (size_t k = 0; k < sd->targets.len; k++) {
        Call *c = find_call(x, sd->targets.items[k].name);
        if (c && c->status == ST_ALL)
            c->listed = true;
    }
}

static void section_allowed(Ex *x)
{
    polc_ctx *ctx = x->ctx;
    size_t total = 0;
    for (size_t i = 0; i < x->calls.len; i++)
        total += x->calls.items[i].status == ST_ALL;
    ExSection *s = ex_section(&x->doc, arena_printf(&ctx->arena, "Allowed without conditions (%zu syscalls)", total));
    if (!total) {
        ex_item(&x->doc, s, NULL, "none");
        return;
    }
    Group *gs;
    size_t ng = collect_groups(x, &gs);
    const char **names = arena_alloc(&ctx->arena, (x->calls.len + 1) * sizeof *names);
    /* whole groups first: a reviewer knows what @basic-io means */
    for (size_t i = 0; i < ng; i++)
        if (gs[i].allowed == gs[i].members) {
            ex_item(&x->doc, s, arena_printf(&ctx->arena, "@%s", gs[i].set->name), "all %zu", gs[i].members);
            mark(x, gs[i].set);
        }
    /* then groups mostly allowed ("all but ..."), then the rest by group */
    for (size_t i = 0; i < ng; i++) {
        if (gs[i].allowed == gs[i].members || gs[i].allowed == 0)
            continue;
        StrBuf sb;
        sb_init(&sb);
        size_t n;
        if (gs[i].allowed * 2 > gs[i].members) {
            n = group_names(x, gs[i].set, false, false, names);
            sb_printf(&sb, "%zu of %zu, all but ", gs[i].allowed, gs[i].members);
            list_names(&sb, names, n);
            mark(x, gs[i].set);
        } else {
            n = group_names(x, gs[i].set, true, true, names);
            if (!n) {
                sb_free(&sb);
                continue;
            }
            list_names(&sb, names, n);
            sb_printf(&sb, " (%zu of %zu", gs[i].allowed, gs[i].members);
            if (gs[i].allowed > n)
                sb_printf(&sb, "; %zu more listed above", gs[i].allowed - n);
            sb_putc(&sb, ')');
            mark(x, gs[i].set);
        }
        ex_item(&x->doc, s, arena_printf(&ctx->arena, "@%s", gs[i].set->name), "%s", sb.data);
        sb_free(&sb);
    }
    size_t n = 0;
    for (size_t i = 0; i < x->calls.len; i++)
        if (x->calls.items[i].status == ST_ALL && !x->calls.items[i].listed)
            names[n++] = x->calls.items[i].name;
    if (n) {
        StrBuf sb;
        sb_init(&sb);
        list_names(&sb, names, n);
        ex_item(&x->doc, s, "in no group", "%s", sb.data);
        sb_free(&sb);
    }
    n = 0;
    for (size_t i = 0; i < x->calls.len; i++)
        if (x->calls.items[i].status == ST_ALL && x->calls.items[i].logged)
            names[n++] = x->calls.items[i].name;
    if (n) {
        StrBuf sb;
        sb_init(&sb);
        list_names(&sb, names, n);
        ex_item(&x->doc, s, "logged", "%s (allowed, and each call is written to the audit log)", sb.data);
        sb_free(&sb);
    }
}

/* ---- argument conditions, in the author's words ---- */

static const char *source_text(const polc_ctx *ctx, Span sp)
{
    const SourceFile *f = span_valid(sp) ? source_get(&ctx->sm, sp.file) : NULL;
    if (!f || sp.end > f->len || sp.end < sp.start)
        return "?";
    StrBuf sb;
    sb_init(&sb);
    bool space = false;
    for (uint32_t i = sp.start; i < sp.end; i++) {
        char c = f->text[i];
        if (c == '#') { /* a comment inside a multi-line condition */
            while (i < sp.end && f->text[i] != '\n')
                i++;
            space = true;
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = true;
            continue;
        }
        if (space && sb.len)
            sb_putc(&sb, ' ');
        space = false;
        sb_putc(&sb, c);
    }
    const char *r = arena_strdup((Arena *)&ctx->arena, sb.data ? sb.data : "");
    sb_free(&sb);
    return r;
}

static const char *rule_loc(const polc_ctx *ctx, const Rule *r)
{
    const SourceFile *f = source_get(&ctx->sm, r->span.file);
    unsigned line, col;
    if (!f)
        return "?";
    source_linecol(f, r->span.start, &line, &col);
    const char *base = strrchr(f->name, '/');
    return arena_printf((Arena *)&ctx->arena, "%s:%u", base ? base + 1 : f->name, line);
}

/* Arguments the cases test that are pointers: a condition compares the
 * address, never the memory behind it. */
static void pointer_args(const polc_ctx *ctx, const IrDecision *d, const char *name, ArchId arch, StrBuf *sb)
{
    const Signature *sig = syscalldb_signature_on(&ctx->db, name, arch);
    unsigned tested = ir_args_tested(d);
    for (int i = 0; sig && i < sig->nargs; i++)
        if ((tested & (1u << i)) && sig->arg_types[i] == AT_PTR)
            sb_printf(sb, "; `%s` is a pointer: the condition compares its address, not what it points to",
                      sig->arg_names[i] ? sig->arg_names[i] : "?");
}

static const char *verdict_word(const polc_ctx *ctx, Action a)
{
    if (a.kind == ACT_ALLOW)
        return "allowed";
    if (a.kind == ACT_LOG)
        return "allowed and logged";
    return action_str(ctx, (Arena *)&ctx->arena, a);
}

static bool targets_name(const Rule *r, const char *name)
{
    for (size_t i = 0; i < r->targets.len; i++)
        if (strcmp(r->targets.items[i].name, name) == 0)
            return true;
    return false;
}

/* Conditional rules on this syscall stricter than `act`: what carves inputs
 * out of an unconditional rule (even when their action is the default's and
 * the optimizer dropped their case). */
static bool shown_in(const IrDecision *d, size_t upto, int rule)
{
    for (size_t i = 0; i < upto; i++)
        for (size_t k = 0; k < d->cases.items[i].rules.len; k++)
            if (d->cases.items[i].rules.items[k] == rule)
                return true;
    return false;
}

static bool carve_outs(Ex *x, const IrSyscall *s, const IrDecision *d, size_t ci, ArchId arch, Action act,
                       StrBuf *sb)
{
    polc_ctx *ctx = x->ctx;
    bool any = false;
    for (size_t i = 0; i < ctx->rules.len; i++) {
        const Rule *r = ctx->rules.items[i];
        if (!r->cond || shown_in(d, ci, (int)i) || !(r->arch_mask & (1u << arch)) || action_cmp(r->action, act) >= 0 ||
            !targets_name(r, s->name))
            continue;
        sb_printf(sb, "%s%s (%s, %s)", any ? " or " : " except when ", source_text(ctx, r->cond->span),
                  rule_loc(ctx, r), verdict_word(ctx, r->action));
        any = true;
    }
    return any;
}

static void describe_decision(Ex *x, const IrSyscall *s, const IrDecision *d, ArchId arch, StrBuf *sb)
{
    polc_ctx *ctx = x->ctx;
    if (!d->cases.len) {
        sb_printf(sb, "%s (the default)", verdict_word(ctx, ctx->ir->default_action));
        return;
    }
    Dnf covered = dnf_false();
    for (size_t i = 0; i < d->cases.len; i++) {
        const IrCase *c = &d->cases.items[i];
        covered = dnf_or(&x->cc, covered, c->cond);
        if (i)
            sb_puts(sb, "; ");
        sb_printf(sb, "%s", verdict_word(ctx, c->action));
        bool any_cond = false;
        for (size_t k = 0; k < c->rules.len; k++) {
            const Rule *r = ctx->rules.items[c->rules.items[k]];
            if (!r->cond)
                continue;
            sb_printf(sb, "%s%s (%s)", any_cond ? " or " : " when ", source_text(ctx, r->cond->span),
                      rule_loc(ctx, r));
            any_cond = true;
        }
        if (!any_cond && !dnf_is_true(c->cond) && !carve_outs(x, s, d, i, arch, c->action, sb))
            sb_puts(sb, " otherwise");
    }
    if (!dnf_is_false(dnf_not(&x->cc, covered)))
        sb_printf(sb, "; otherwise %s (the default)", verdict_word(ctx, ctx->ir->default_action));
    pointer_args(ctx, d, s->name, arch, sb);
}

static void section_conditions(Ex *x)
{
    polc_ctx *ctx = x->ctx;
    ExSection *s = NULL;
    for (size_t i = 0; i < x->calls.len; i++) {
        Call *c = &x->calls.items[i];
        if (c->status != ST_COND)
            continue;
        const SyscallEntry *e = syscalldb_lookup(&ctx->db, c->cond_arch, c->name);
        const IrSyscall *is = e ? ir_syscall(ir_arch(ctx->ir, c->cond_arch), e->nr) : NULL;
        if (!is)
            continue;
        if (!s)
            s = ex_section(&x->doc, "Allowed only under conditions");
        StrBuf sb;
        sb_init(&sb);
        describe_decision(x, is, ir_scenario(is, ctx->effective_caps), c->cond_arch, &sb);
        ex_item(&x->doc, s, c->name, "%s", sb.data);
        sb_free(&sb);
    }
    /* capability-dependent decisions: the policy's set decides */
    ExSection *cs = NULL;
    for (size_t i = 0; i < x->calls.len; i++) {
        Call *c = &x->calls.items[i];
        for (size_t a = 0; a < x->narches; a++) {
            const SyscallEntry *e = syscalldb_lookup(&ctx->db, x->arches[a], c->name);
            const IrSyscall *is = e ? ir_syscall(ir_arch(ctx->ir, x->arches[a]), e->nr) : NULL;
            if (!is || !is->ncaps)
                continue;
            if (!cs)
                cs = ex_section(&x->doc, "Decided by capabilities");
            StrBuf sb;
            sb_init(&sb);
            for (int k = 0; k < is->ncaps; k++) {
                bool has = ctx->effective_caps & (1ull << is->caps[k]);
                sb_printf(&sb, "%swith %s (the container %s it): ", k ? "; " : "", cap_name(ctx, is->caps[k]),
                          has ? "has" : "does not have");
                describe_decision(x, is, &is->scenarios[1u << k], x->arches[a], &sb);
            }
            sb_puts(&sb, "; without: ");
            describe_decision(x, is, &is->scenarios[0], x->arches[a], &sb);
            ex_item(&x->doc, cs, c->name, "%s", sb.data);
            sb_free(&sb);
            break;
        }
    }
    ExSection *as = NULL;
    for (size_t i = 0; i < x->calls.len; i++) {
        Call *c = &x->calls.items[i];
        if (c->status != ST_MIXED)
            continue;
        if (!as)
            as = ex_section(&x->doc, "Allowed on some arches only");
        StrBuf sb;
        sb_init(&sb);
        size_t n = 0;
        for (size_t a = 0; a < x->narches; a++) {
            Allowed al = review_allowed(ctx, &x->cc, x->arches[a], c->name);
            if (al.exists && dnf_is_true(al.region))
                sb_printf(&sb, "%s%s", n++ ? ", " : "", arch_info(x->arches[a])->name);
        }
        ex_item(&x->doc, as, c->name, "allowed on %s only", sb.data);
        sb_free(&sb);
    }
}

/* ---- denied on purpose ---- */

static void section_denied(Ex *x)
{
    polc_ctx *ctx = x->ctx;
    typedef struct {
        const char *action;
        StrBuf names;
    } ByAction;
    VEC(ByAction) by = {0};
    for (size_t i = 0; i < x->calls.len; i++) {
        Call *c = &x->calls.items[i];
        if (c->status != ST_NONE)
            continue;
        const Rule *r = NULL;
        for (size_t a = 0; a < x->narches && !r; a++)
            r = review_explicit_deny(ctx, x->arches[a], c->name);
        if (!r || r->from_stdlib)
            continue;
        const char *act = action_str(ctx, &ctx->arena, r->action);
        size_t k = 0;
        while (k < by.len && strcmp(by.items[k].action, act) != 0)
            k++;
        if (k == by.len) {
            ByAction b = {act, {0}};
            sb_init(&b.names);
            VEC_PUSH(&ctx->arena, by, b);
        }
        sb_printf(&by.items[k].names, "%s%s", by.items[k].names.len ? ", " : "", c->name);
    }
    if (!by.len)
        return;
    ExSection *s = ex_section(&x->doc, "Denied by name (everything else not allowed gets the default)");
    for (size_t k = 0; k < by.len; k++) {
        ex_item(&x->doc, s, by.items[k].action, "%s", by.items[k].names.data);
        sb_free(&by.items[k].names);
    }
}

/* ---- lint findings ---- */

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
        if (ctx->effective_caps & (1ull << c))
            sb_printf(&sb, "%s%s", n++ ? ", " : "", cap_name(ctx, c));
    ex_item(&x->doc, s, "capabilities", "%s%s", n ? sb.data : "none",
            ctx->caps_declared ? "" : " (no capabilities section: Docker's default set)");
    sb_free(&sb);
    if (ctx->has_user)
        ex_item(&x->doc, s, "user", "%u:%u%s", ctx->uid, ctx->has_gid ? ctx->gid : ctx->uid,
                ctx->uid == 0 ? " (root)" : "");
    else
        ex_item(&x->doc, s, "user", "not set: the image's user, often root");
    ex_item(&x->doc, s, "no-new-privileges", "%s", ctx->no_new_privs ? "on" : "off");
    ex_item(&x->doc, s, "root file system", "%s", ctx->read_only_root ? "read-only" : "writable");
    static const char *const access_names[] = {"", "read", "write", "append", "exec", "deny", "deny exec"};
    for (int acc = FS_READ; acc <= FS_DENY_EXEC; acc++) {
        sb_init(&sb);
        n = 0;
        for (size_t i = 0; i < ctx->fs_rules.len; i++)
            if ((int)ctx->fs_rules.items[i].access == acc)
                sb_printf(&sb, "%s%s", n++ ? ", " : "", ctx->fs_rules.items[i].path);
        if (n)
            ex_item(&x->doc, s, arena_printf(&ctx->arena, "files: %s", access_names[acc]), "%s", sb.data);
        sb_free(&sb);
    }
    for (int deny = 0; deny < 2; deny++) {
        sb_init(&sb);
        n = 0;
        for (size_t i = 0; i < ctx->net_rules.len; i++) {
            const NetRule *r = &ctx->net_rules.items[i];
            if (r->deny != deny)
                continue;
            sb_printf(&sb, "%s%s%s%s", n++ ? ", " : "", r->family ? r->family : "", r->family && r->type ? " " : "",
                      r->type ? r->type : "");
        }
        if (n)
            ex_item(&x->doc, s, deny ? "network: deny" : "network: allow", "%s", sb.data);
        sb_free(&sb);
    }
    if (!ctx->fs_rules.len && !ctx->read_only_root)
        ex_item(&x->doc, s, "files", "no filesystem rules");
    if (!ctx->net_rules.len)
        ex_item(&x->doc, s, "network", "no network rules");
}

/* ---- rendering ---- */

static void render_text(const ExDoc *doc, StrBuf *out)
{
    sb_printf(out, "%s\n", doc->heading);
    for (size_t i = 0; i < doc->sections.len; i++) {
        const ExSection *s = doc->sections.items[i];
        size_t w = 0;
        for (size_t k = 0; k < s->items.len; k++)
            if (s->items.items[k].key && strlen(s->items.items[k].key) > w)
                w = strlen(s->items.items[k].key);
        if (w > 22)
            w = 22;
        sb_printf(out, "\n%s:\n", s->title);
        for (size_t k = 0; k < s->items.len; k++) {
            const ExItem *it = &s->items.items[k];
            if (it->key)
                sb_printf(out, "  %-*s  %s\n", (int)w, it->key, it->text);
            else
                sb_printf(out, "  %s\n", it->text);
        }
    }
}

static void render_json(const ExDoc *doc, StrBuf *out)
{
    json_object *root = json_object_new_object();
    json_object_object_add(root, "policy", json_object_new_string(doc->heading));
    json_object *secs = json_object_new_array();
    for (size_t i = 0; i < doc->sections.len; i++) {
        const ExSection *s = doc->sections.items[i];
        json_object *so = json_object_new_object();
        json_object_object_add(so, "title", json_object_new_string(s->title));
        json_object *items = json_object_new_array();
        for (size_t k = 0; k < s->items.len; k++) {
            json_object *io = json_object_new_object();
            json_object_object_add(io, "key", s->items.items[k].key ? json_object_new_string(s->items.items[k].key)
                                                                   : NULL);
            json_object_object_add(io, "text", json_object_new_string(s->items.items[k].text));
            json_object_array_add(items, io);
        }
        json_object_object_add(so, "items", items);
        json_object_array_add(secs, so);
    }
    json_object_object_add(root, "sections", secs);
    sb_puts(out, json_object_to_json_string_ext(root, JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_NOSLASHESCAPE));
    sb_putc(out, '\n');
    json_object_put(root);
}

bool review_explain(polc_ctx *ctx, bool json, StrBuf *out)
{
    Ex x = {.ctx = ctx, .cc = {.arena = &ctx->arena}};
    x.doc.ctx = ctx;
    x.narches = review_arches(ctx, x.arches);
    collect_calls(&x);
    const SourceFile *root = source_get(&ctx->sm, ctx->root_file);
    x.doc.heading = arena_printf(&ctx->arena, "%s%s%s (%s)", ctx->policy_name ? ctx->policy_name : polc_policy_basename(ctx),
                                 ctx->policy_desc ? ": " : "", ctx->policy_desc ? ctx->policy_desc : "",
                                 root ? root->name : "?");

    ExSection *s = ex_section(&x.doc, "Syscalls");
    StrBuf sb;
    sb_init(&sb);
    for (size_t i = 0; i < x.narches; i++)
        sb_printf(&sb, "%s%s", i ? ", " : "", arch_info(x.arches[i])->name);
    ex_item(&x.doc, s, "arches", "%s; calls from any other ABI kill the process", sb.data);
    sb_free(&sb);
    if (review_action_allows(ctx->ir->default_action))
        ex_item(&x.doc, s, "default", "%s: every syscall the policy does not deny runs (a deny list, not an "
                                      "allow list)", verdict_word(ctx, ctx->ir->default_action));
    else
        ex_item(&x.doc, s, "default", "%s for every syscall not allowed below", verdict_word(ctx, ctx->ir->default_action));
    if (ctx->ir->has_unknown)
        ex_item(&x.doc, s, "unknown numbers", "%s", verdict_word(ctx, ctx->ir->unknown_action));
    if (ctx->newer_rule)
        ex_item(&x.doc, s, "newer syscalls", "%s for syscalls newer than the version the policy names",
                verdict_word(ctx, ctx->newer_rule->action));

    section_allowed(&x);
    section_conditions(&x);
    section_denied(&x);
    section_findings(&x);
    section_model(&x);
    explain_backends(&x.doc);
    if (json)
        render_json(&x.doc, out);
    else
        render_text(&x.doc, out);
    return true;
}

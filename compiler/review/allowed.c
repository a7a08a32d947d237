/* What a compiled policy lets one syscall do: the set of inputs that run,
 * read from the IR, so sets, constants, includes and "the most restrictive
 * rule wins" are all already applied. */
#include <string.h>

#include "review/lint.h"

bool review_action_allows(Action a) { return a.kind == ACT_ALLOW || a.kind == ACT_LOG; }

Allowed review_allowed(polc_ctx *ctx, CondCtx *cc, ArchId arch, const char *name)
{
    Allowed r = {.region = dnf_false(), .rule = IR_RULE_DEFAULT};
    const SyscallEntry *e = syscalldb_lookup(&ctx->policy.db, arch, name);
    const IrArch *ia = ir_arch(ctx->policy.ir, arch);
    if (!e || !ia)
        return r;
    r.exists = true;
    bool dflt = review_action_allows(ctx->policy.ir->default_action);
    const IrSyscall *s = ir_syscall(ia, e->nr);
    if (!s) {
        if (dflt) {
            r.region = dnf_true(cc);
            r.by_default = true;
        }
        return r;
    }
    const IrDecision *d = ir_scenario(s, ctx->policy.caps.effective);
    Dnf covered = dnf_false();
    for (size_t i = 0; i < d->cases.len; i++) {
        const IrCase *c = &d->cases.items[i];
        covered = dnf_or(cc, covered, c->cond);
        if (review_action_allows(c->action)) {
            r.region = dnf_or(cc, r.region, c->cond);
            if (r.rule == IR_RULE_DEFAULT && c->rules.len)
                r.rule = c->rules.items[0];
        }
    }
    if (dflt) {
        Dnf rest = dnf_not(cc, covered);
        if (!dnf_is_false(rest)) {
            r.by_default = true;
            r.region = dnf_or(cc, r.region, rest);
        }
    }
    return r;
}

static bool names(const Rule *r, const char *name)
{
    for (size_t i = 0; i < r->targets.len; i++)
        if (strcmp(r->targets.items[i].name, name) == 0)
            return true;
    return false;
}

const Rule *review_explicit_deny(const polc_ctx *ctx, ArchId arch, const char *name)
{
    for (size_t i = 0; i < ctx->policy.rules.len; i++) {
        const Rule *r = ctx->policy.rules.items[i];
        if (r->cond || r->cap_req || r->is_default_refinement || review_action_allows(r->action) ||
            !(r->arch_mask & (1u << arch)) || !names(r, name))
            continue;
        return r;
    }
    return NULL;
}

int review_arg_index(const polc_ctx *ctx, const char *sysname, ArchId arch, const char *argname)
{
    const Signature *sig = syscalldb_signature_on(&ctx->policy.db, sysname, arch);
    if (!sig)
        return -1;
    for (int i = 0; i < sig->nargs; i++)
        if (sig->arg_names[i] && strcmp(sig->arg_names[i], argname) == 0)
            return i;
    return -1;
}

static const Stmt *find_stmt(const StmtList *l, uint32_t file, StmtKind kind)
{
    for (size_t i = 0; i < l->len; i++) {
        const Stmt *s = l->items[i];
        if (s->file == file && s->kind == kind)
            return s;
    }
    return NULL;
}

Span review_anchor(const polc_ctx *ctx, StmtKind section)
{
    const Stmt *s = find_stmt(&ctx->front.stmts, ctx->policy.root_file, section);
    if (!s)
        s = find_stmt(&ctx->front.stmts, ctx->policy.root_file, ST_POLICY);
    if (s) {
        /* the first line of a section is enough to point at */
        const SourceFile *f = source_get(&ctx->sm, s->span.file);
        Span sp = s->span;
        for (uint32_t i = sp.start; f && i < sp.end; i++)
            if (f->text[i] == '\n') {
                sp.end = i;
                break;
            }
        while (sp.end > sp.start && f && (f->text[sp.end - 1] == ' ' || f->text[sp.end - 1] == '{'))
            sp.end--;
        return sp;
    }
    for (size_t i = 0; i < ctx->front.stmts.len; i++)
        if (ctx->front.stmts.items[i]->file == ctx->policy.root_file)
            return ctx->front.stmts.items[i]->span;
    return (Span){ctx->policy.root_file, 0, 0};
}

size_t review_arches(const polc_ctx *ctx, ArchId out[ARCH__COUNT])
{
    size_t n = 0;
    for (size_t i = 0; i < ctx->policy.ir->arches.len; i++)
        out[n++] = ctx->policy.ir->arches.items[i].arch;
    return n;
}

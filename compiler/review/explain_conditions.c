/* polc explain: decisions that depend on arguments, capabilities or the
 * arch, in the policy author's own words (the source text of each rule's
 * condition, with file:line), and what the policy denies by name. */
#include <stdlib.h>
#include <string.h>

#include "review/explain.h"
#include "review/rule_text.h"

/* Arguments the cases test that are pointers: a condition compares the
 * address, never the memory behind it. */
static void pointer_args(const polc_ctx *ctx, const IrDecision *d, const char *name, ArchId arch, StrBuf *sb)
{
    const Signature *sig = syscalldb_signature_on(&ctx->policy.db, name, arch);
    unsigned tested = ir_args_tested(d);
    for (int i = 0; sig && i < sig->nargs; i++)
        if ((tested & (1u << i)) && sig->arg_types[i] == AT_PTR)
            sb_printf(sb, "; `%s` is a pointer: the condition compares its address, not what it points to",
                      sig->arg_names[i] ? sig->arg_names[i] : "?");
}

const char *ex_verdict(const polc_ctx *ctx, Action a)
{
    if (a.kind == ACT_ALLOW)
        return "allowed";
    if (a.kind == ACT_LOG)
        return "allowed and logged";
    return action_str(&ctx->policy, (Arena *)&ctx->arena, a);
}

static bool targets_name(const Rule *r, const char *name)
{
    for (size_t i = 0; i < r->targets.len; i++)
        if (strcmp(r->targets.items[i].name, name) == 0)
            return true;
    return false;
}

/* The decision's cases with those the optimizer folded into the default
 * (`deny X if C` under that default: its rule still decides those calls),
 * most restrictive first: the order polc decides in, so that each case may
 * be said with its own rules' conditions. *n receives the count. */
static int cmp_case_ptr(const void *x, const void *y)
{
    const IrCase *a = *(const IrCase *const *)x, *b = *(const IrCase *const *)y;
    int c = action_cmp(a->action, b->action);
    return c ? c : a < b ? -1 : a > b;
}

static const IrCase **all_cases(Ex *x, const IrDecision *d, size_t *n)
{
    *n = d->cases.len + d->folded.len;
    const IrCase **cs = arena_alloc(&x->ctx->arena, (*n + 1) * sizeof *cs);
    for (size_t i = 0; i < d->cases.len; i++)
        cs[i] = &d->cases.items[i];
    for (size_t i = 0; i < d->folded.len; i++)
        cs[d->cases.len + i] = &d->folded.items[i];
    if (*n > 1)
        qsort(cs, *n, sizeof *cs, cmp_case_ptr);
    return cs;
}

/* Conditional rules on this syscall stricter than `act` that no earlier
 * case shows: what carves inputs out of an unconditional rule. */
static bool shown_in(const IrCase *const *cs, size_t upto, int rule)
{
    for (size_t i = 0; i < upto; i++)
        for (size_t k = 0; k < cs[i]->rules.len; k++)
            if (cs[i]->rules.items[k] == rule)
                return true;
    return false;
}

static bool carve_outs(Ex *x, const IrSyscall *s, const IrCase *const *cs, size_t ci, ArchId arch, Action act,
                       StrBuf *sb)
{
    polc_ctx *ctx = x->ctx;
    bool any = false;
    for (size_t i = 0; i < ctx->policy.rules.len; i++) {
        const Rule *r = ctx->policy.rules.items[i];
        if (!r->cond || shown_in(cs, ci, (int)i) || !(r->arch_mask & (1u << arch)) || action_cmp(r->action, act) >= 0 ||
            !targets_name(r, s->name))
            continue;
        sb_printf(sb, "%s%s (%s, %s)", any ? " or " : " except when ", review_rule_cond_text(ctx, r),
                  review_rule_loc(ctx, r), ex_verdict(ctx, r->action));
        any = true;
    }
    return any;
}

static void describe_decision(Ex *x, const IrSyscall *s, const IrDecision *d, ArchId arch, StrBuf *sb)
{
    polc_ctx *ctx = x->ctx;
    size_t n;
    const IrCase **cs = all_cases(x, d, &n);
    if (!n) {
        sb_printf(sb, "%s (the default)", ex_verdict(ctx, ctx->policy.ir->default_action));
        return;
    }
    Dnf covered = dnf_false();
    for (size_t i = 0; i < n; i++) {
        const IrCase *c = cs[i];
        covered = dnf_or(&x->cc, covered, c->cond);
        if (i)
            sb_puts(sb, "; ");
        sb_printf(sb, "%s", ex_verdict(ctx, c->action));
        bool any_cond = false;
        for (size_t k = 0; k < c->rules.len; k++) {
            const Rule *r = ctx->policy.rules.items[c->rules.items[k]];
            if (!r->cond)
                continue;
            sb_printf(sb, "%s%s (%s)", any_cond ? " or " : " when ", review_rule_cond_text(ctx, r),
                      review_rule_loc(ctx, r));
            any_cond = true;
        }
        if (!any_cond && !dnf_is_true(c->cond) && !carve_outs(x, s, cs, i, arch, c->action, sb))
            sb_puts(sb, " otherwise");
    }
    if (!dnf_is_false(dnf_not(&x->cc, covered)))
        sb_printf(sb, "; otherwise %s (the default)", ex_verdict(ctx, ctx->policy.ir->default_action));
    pointer_args(ctx, d, s->name, arch, sb);
}

void ex_section_conditions(Ex *x)
{
    polc_ctx *ctx = x->ctx;
    ExSection *s = NULL;
    for (size_t i = 0; i < x->calls.len; i++) {
        Call *c = &x->calls.items[i];
        if (c->status != CALL_COND)
            continue;
        const SyscallEntry *e = syscalldb_lookup(&ctx->policy.db, c->cond_arch, c->name);
        const IrSyscall *is = e ? ir_syscall(ir_arch(ctx->policy.ir, c->cond_arch), e->nr) : NULL;
        if (!is)
            continue;
        if (!s)
            s = ex_section(&x->doc, "Allowed only under conditions");
        StrBuf sb;
        sb_init(&sb);
        describe_decision(x, is, ir_scenario(is, ctx->policy.caps.effective), c->cond_arch, &sb);
        ex_item(&x->doc, s, c->name, "%s", sb.data);
        sb_free(&sb);
    }
    /* capability-dependent decisions: the policy's set decides */
    ExSection *cs = NULL;
    for (size_t i = 0; i < x->calls.len; i++) {
        Call *c = &x->calls.items[i];
        for (size_t a = 0; a < x->narches; a++) {
            const SyscallEntry *e = syscalldb_lookup(&ctx->policy.db, x->arches[a], c->name);
            const IrSyscall *is = e ? ir_syscall(ir_arch(ctx->policy.ir, x->arches[a]), e->nr) : NULL;
            if (!is || !is->ncaps)
                continue;
            if (!cs)
                cs = ex_section(&x->doc, "Decided by capabilities");
            StrBuf sb;
            sb_init(&sb);
            for (int k = 0; k < is->ncaps; k++) {
                bool has = ctx->policy.caps.effective & (1ull << is->caps[k]);
                sb_printf(&sb, "%swith %s (the container %s it): ", k ? "; " : "", cap_name(&ctx->policy, is->caps[k]),
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
        if (c->status != CALL_MIXED)
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

void ex_section_denied(Ex *x)
{
    polc_ctx *ctx = x->ctx;
    typedef struct {
        const char *action;
        StrBuf names;
    } ByAction;
    VEC(ByAction) by = {0};
    for (size_t i = 0; i < x->calls.len; i++) {
        Call *c = &x->calls.items[i];
        if (c->status != CALL_NONE)
            continue;
        const Rule *r = NULL;
        for (size_t a = 0; a < x->narches && !r; a++)
            r = review_explicit_deny(ctx, x->arches[a], c->name);
        if (!r || r->from_stdlib)
            continue;
        const char *act = action_str(&ctx->policy, &ctx->arena, r->action);
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

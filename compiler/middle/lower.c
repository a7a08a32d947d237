/* Lower stage: for every target arch and syscall number, turn the rules that
 * name it into disjoint (condition, action) cases per capability scenario,
 * so that the most restrictive matching rule wins whatever the rule order. */
#include <stdlib.h>
#include <string.h>

#include "facts/abi.h"
#include "front/check.h"
#include "middle/ir.h"

typedef struct Hit {
    uint32_t nr;
    const char *name;
    Rule *rule;
    Dnf cond;
    bool from_set;
    bool fills_rest; /* `default ... for newer-than` on a syscall rules name:
                        it decides only what no rule decides */
} Hit;

typedef struct Lower {
    polc_ctx *ctx;
    CondCtx cc;
    int *shadowed_by; /* per rule: a rule that decides all its inputs first, -1 none */
    /* per rule: for a conditional rule of the policy's own file(s), another
     * rule with its action that already covers every input it matches
     * (an allow cannot narrow an allow); -1 none */
    int *covered_by;
    StrMap reported;  /* "a:b" rule pairs already reported as contradictory */
} Lower;

static int hit_cmp(const void *a, const void *b)
{
    const Hit *x = a, *y = b;
    if (x->nr != y->nr)
        return x->nr < y->nr ? -1 : 1;
    return x->rule->id - y->rule->id;
}

static int hitp_action_cmp(const void *a, const void *b)
{
    const Hit *x = *(Hit *const *)a, *y = *(Hit *const *)b;
    int c = action_cmp(x->rule->action, y->rule->action);
    return c ? c : x->rule->id - y->rule->id;
}

static IrDecision decide_rules(Lower *lw, Hit **hits, size_t n);

/* What the stricter cases of a decision leave: not_covered once, when that
 * negation is small (outputs are pinned in the shape it gives); otherwise,
 * and when the product with it is too large, subtracted term by term
 * (dnf_and_not), which does not multiply terms that can never meet (the
 * disjoint entries of a Docker profile: polc's own JSON, imported). */
typedef struct Outside {
    Dnf covered, not_covered;
    bool negated;
} Outside;

static Outside outside_none(Lower *lw) { return (Outside){dnf_false(), dnf_true(&lw->cc), true}; }

static Outside outside_of(Lower *lw, Dnf covered)
{
    bool overflow = lw->cc.overflow;
    lw->cc.overflow = false;
    Outside o = {covered, dnf_not(&lw->cc, covered), true};
    if (lw->cc.overflow)
        o.negated = false;
    lw->cc.overflow = overflow;
    return o;
}

static Dnf outside(Lower *lw, const Outside *o, Dnf d)
{
    if (o->negated) {
        bool overflow = lw->cc.overflow;
        lw->cc.overflow = false;
        Dnf r = dnf_and(&lw->cc, d, o->not_covered);
        if (!lw->cc.overflow) {
            lw->cc.overflow = overflow;
            return r;
        }
        lw->cc.overflow = overflow;
    }
    return dnf_and_not(&lw->cc, d, o->covered);
}

/* The inputs no rule decides get the refined default of `for newer-than`,
 * not the plain default: its point is that libc falls back on ENOSYS, and a
 * rule that carves out some arguments must not take that away from the rest. */
static IrDecision decide(Lower *lw, Hit **hits, size_t n)
{
    Hit *rest = NULL;
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        if (hits[i]->fills_rest)
            rest = hits[i];
        else
            hits[m++] = hits[i];
    }
    IrDecision dec = decide_rules(lw, hits, m);
    if (!rest)
        return dec;
    Dnf *conds = malloc((dec.cases.len + 1) * sizeof *conds);
    if (!conds)
        abort();
    for (size_t i = 0; i < dec.cases.len; i++)
        conds[i] = dec.cases.items[i].cond;
    Dnf decided = dnf_or_n(&lw->cc, conds, dec.cases.len);
    free(conds);
    Dnf open = dnf_not(&lw->cc, decided);
    if (dnf_is_false(open))
        return dec;
    rest->rule->contributes = true;
    IrCase c = {rest->rule->action, open, {0}};
    VEC_PUSH(&lw->ctx->arena, c.rules, rest->rule->id);
    /* keep the cases sorted most restrictive first */
    VEC_PUSH(&lw->ctx->arena, dec.cases, c);
    size_t at = dec.cases.len - 1;
    while (at > 0 && action_cmp(dec.cases.items[at - 1].action, c.action) > 0) {
        dec.cases.items[at] = dec.cases.items[at - 1];
        at--;
    }
    dec.cases.items[at] = c;
    return dec;
}

/* Within one action's rules: a conditional rule of the user's whose every
 * input another of them already decides the same way (`allow socket if
 * domain in {...}` after an include that allows socket more widely) changes
 * nothing. Best effort: a condition too complex to subtract is not judged,
 * and never makes the lowering fail. */
static void find_covered(Lower *lw, Hit **hits, size_t n, const Outside *out)
{
    if (n > 8) { /* n subtractions of n-1 conditions each: not for a big group */
        for (size_t k = 0; k < n; k++)
            lw->covered_by[hits[k]->rule->id] = -2;
        return;
    }
    bool overflow = lw->cc.overflow;
    for (size_t k = 0; k < n; k++) {
        Rule *r = hits[k]->rule;
        if (!r->cond || r->from_stdlib || lw->covered_by[r->id] == -2)
            continue;
        Dnf others = dnf_false();
        int by = -1;
        for (size_t o = 0; o < n; o++)
            if (hits[o]->rule != r) {
                others = dnf_or(&lw->cc, others, hits[o]->cond);
                if (by < 0 && !dnf_is_false(dnf_and(&lw->cc, hits[o]->cond, hits[k]->cond)))
                    by = hits[o]->rule->id;
            }
        lw->cc.overflow = false;
        Dnf rest = dnf_and(&lw->cc, outside(lw, out, hits[k]->cond), dnf_not(&lw->cc, others));
        if (lw->cc.overflow || !dnf_is_false(rest) || by < 0)
            lw->covered_by[r->id] = -2; /* it decides something on its own here: never reported */
        else if (lw->covered_by[r->id] == -1)
            lw->covered_by[r->id] = by;
    }
    lw->cc.overflow = overflow;
}

static IrDecision decide_rules(Lower *lw, Hit **hits, size_t n)
{
    IrDecision dec = {0};
    if (n > 1)
        qsort(hits, n, sizeof *hits, hitp_action_cmp);
    Dnf covered = dnf_false();
    Outside out = outside_none(lw);
    int first_uncond = -1;
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && action_eq(hits[j]->rule->action, hits[i]->rule->action))
            j++;
        Dnf *conds = malloc((j - i) * sizeof *conds);
        if (!conds)
            abort();
        for (size_t k = i; k < j; k++)
            conds[k - i] = hits[k]->cond;
        Dnf group = dnf_or_n(&lw->cc, conds, j - i); /* one sort, not one per rule */
        free(conds);
        IrCase c = {hits[i]->rule->action, outside(lw, &out, group), {0}};
        /* an unconditional rule makes conditional ones with its action redundant */
        int uncond_here = -1;
        for (size_t k = i; k < j && uncond_here < 0; k++)
            if (dnf_is_true(hits[k]->cond))
                uncond_here = hits[k]->rule->id;
        if (j - i > 1)
            find_covered(lw, hits + i, j - i, &out);
        else
            lw->covered_by[hits[i]->rule->id] = -2; /* alone: it decides its inputs */
        for (size_t k = i; k < j; k++) {
            Rule *r = hits[k]->rule;
            Dnf mine = outside(lw, &out, hits[k]->cond);
            if (uncond_here >= 0 && !dnf_is_true(hits[k]->cond) && !dnf_is_false(mine)) {
                if (lw->shadowed_by[r->id] < 0)
                    lw->shadowed_by[r->id] = uncond_here;
                continue;
            }
            if (!dnf_is_false(mine)) {
                r->contributes = true;
                VEC_PUSH(&lw->ctx->arena, c.rules, r->id);
            } else if (lw->shadowed_by[r->id] < 0 && !dnf_is_false(hits[k]->cond)) {
                lw->shadowed_by[r->id] = first_uncond >= 0 ? first_uncond : hits[0]->rule->id;
            }
            if (first_uncond < 0 && dnf_is_true(hits[k]->cond))
                first_uncond = r->id;
        }
        if (!dnf_is_false(c.cond))
            VEC_PUSH(&lw->ctx->arena, dec.cases, c);
        if (j == n)
            break; /* what is covered matters only to a later group (and can be large) */
        covered = dnf_or(&lw->cc, covered, group);
        if (dnf_is_true(covered)) {
            for (size_t k = j; k < n; k++) {
                Rule *r = hits[k]->rule;
                if (lw->shadowed_by[r->id] < 0 && !r->contributes)
                    lw->shadowed_by[r->id] = first_uncond >= 0 ? first_uncond : hits[0]->rule->id;
            }
            break;
        }
        out = outside_of(lw, covered);
        i = j;
    }
    return dec;
}

/* Unconditional, not via a set: the rules check_contradictions compares. */
static bool plain_uncond(const Hit *h) { return !h->rule->cond && !h->from_set; }

static int plain_cmp(const void *a, const void *b)
{
    const Rule *x = (*(const Hit *const *)a)->rule, *y = (*(const Hit *const *)b)->rule;
    if (x->file != y->file)
        return x->file < y->file ? -1 : 1;
    if (x->cap_req != y->cap_req)
        return x->cap_req < y->cap_req ? -1 : 1;
    if (x->cap_forbid != y->cap_forbid)
        return x->cap_forbid < y->cap_forbid ? -1 : 1;
    return action_cmp(x->action, y->action);
}

/* Whether two plain rules of one file and capability context disagree: only
 * then is the pairwise loop below needed (it is quadratic in the rules of a
 * syscall, which a policy of many rules must not pay for nothing). */
static bool any_contradiction(Hit *hits, size_t n)
{
    Hit **p = malloc((n ? n : 1) * sizeof *p);
    if (!p)
        abort();
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (plain_uncond(&hits[i]))
            p[m++] = &hits[i];
    qsort(p, m, sizeof *p, plain_cmp);
    bool any = false;
    for (size_t i = 1; i < m && !any; i++) {
        const Rule *x = p[i - 1]->rule, *y = p[i]->rule;
        any = x->file == y->file && x->cap_req == y->cap_req && x->cap_forbid == y->cap_forbid &&
              !action_eq(x->action, y->action);
    }
    free(p);
    return any;
}

static void check_contradictions(Lower *lw, Hit *hits, size_t n)
{
    if (!any_contradiction(hits, n))
        return;
    for (size_t i = 0; i < n; i++) {
        Rule *a = hits[i].rule;
        if (!plain_uncond(&hits[i]))
            continue;
        /* beyond the errors shown, more pairs only cost time (quadratic) */
        if (lw->ctx->diag.nerrors > DIAG_MAX_ERRORS)
            return;
        for (size_t j = i + 1; j < n; j++) {
            Rule *b = hits[j].rule;
            if (!plain_uncond(&hits[j]) || a->file != b->file || a->cap_req != b->cap_req ||
                a->cap_forbid != b->cap_forbid || action_eq(a->action, b->action))
                continue;
            char *key = arena_printf(&lw->ctx->arena, "%d:%d", a->id, b->id);
            if (strmap_get(&lw->reported, key))
                continue;
            strmap_put(&lw->reported, &lw->ctx->arena, key, (void *)1);
            Rule *later = a->span.start > b->span.start ? a : b;
            Rule *earlier = later == a ? b : a;
            Diag *g = diag_error(&lw->ctx->diag, "E0301", later->span,
                                 "`%s` is both `%s` and `%s` unconditionally", hits[i].name,
                                 action_str(&lw->ctx->policy, &lw->ctx->arena, later->action),
                                 action_str(&lw->ctx->policy, &lw->ctx->arena, earlier->action));
            diag_note(&lw->ctx->diag, g, earlier->span, "the other rule is here");
            diag_help(&lw->ctx->diag, g, "the more restrictive rule would always win; remove one of them");
        }
    }
}

/* The network section's rules (lower_network.c) are a second layer over the
 * syscalls section, as the AppArmor profile is: a call must pass both. So
 * where no syscalls rule decides a call and the default is stricter than the
 * section's errno, the default still decides it: a network rule applies only
 * where some other rule matches. Returns the active hits, the network ones
 * narrowed into net[] (as many slots as hits). */
static size_t network_under_default(Lower *lw, Hit **active, size_t m, Hit *net)
{
    Dnf ruled = dnf_false();
    bool any = false;
    for (size_t i = 0; i < m; i++) {
        if (!active[i]->rule->from_network) {
            if (!active[i]->fills_rest)
                ruled = dnf_or(&lw->cc, ruled, active[i]->cond);
        } else if (action_cmp(lw->ctx->policy.default_action, active[i]->rule->action) < 0) {
            any = true;
        }
    }
    if (!any)
        return m;
    size_t k = 0;
    for (size_t i = 0; i < m; i++) {
        Hit *h = active[i];
        if (h->rule->from_network && action_cmp(lw->ctx->policy.default_action, h->rule->action) < 0) {
            net[i] = *h;
            net[i].cond = dnf_and(&lw->cc, h->cond, ruled);
            if (dnf_is_false(net[i].cond))
                continue;
            h = &net[i];
        }
        active[k++] = h;
    }
    return k;
}

static bool lower_syscall(Lower *lw, ArchId arch, Hit *hits, size_t n, IrSyscall *out)
{
    polc_ctx *ctx = lw->ctx;
    check_contradictions(lw, hits, n);
    uint64_t relevant = 0;
    for (size_t i = 0; i < n; i++)
        relevant |= hits[i].rule->cap_req | hits[i].rule->cap_forbid;
    int caps[64], k = 0;
    for (int c = 0; c < 64; c++)
        if (relevant & (1ull << c))
            caps[k++] = c;
    if (k > IR_MAX_CAPS_PER_SYSCALL) {
        char *key = arena_printf(&ctx->arena, "caps:%s", hits[0].name);
        if (strmap_get(&lw->reported, key))
            return false;
        strmap_put(&lw->reported, &ctx->arena, key, (void *)1);
        Diag *g = diag_error(&ctx->diag, "E0402", hits[0].rule->span,
                             "the rules for `%s` depend on %d capabilities; at most %d are supported",
                             hits[0].name, k, IR_MAX_CAPS_PER_SYSCALL);
        diag_help(&ctx->diag, g, "merge `when capability` blocks for this syscall");
        return false;
    }
    (void)arch;
    out->nr = hits[0].nr;
    out->name = hits[0].name;
    out->ncaps = k;
    memcpy(out->caps, caps, (size_t)k * sizeof(int));
    out->scenarios = arena_alloc(&ctx->arena, sizeof(IrDecision) << k);
    Hit **active = malloc(n * sizeof *active);
    Hit *net = malloc(n * sizeof *net);
    if (!active || !net)
        abort();
    for (unsigned s = 0; s < (1u << k); s++) {
        uint64_t present = 0;
        for (int b = 0; b < k; b++)
            if (s & (1u << b))
                present |= 1ull << caps[b];
        size_t m = 0;
        for (size_t i = 0; i < n; i++) {
            Rule *r = hits[i].rule;
            if ((r->cap_req & ~present) == 0 && (r->cap_forbid & present) == 0)
                active[m++] = &hits[i];
        }
        lw->cc.overflow = false;
        m = network_under_default(lw, active, m, net);
        out->scenarios[s] = decide(lw, active, m);
        if (lw->cc.overflow) {
            /* a case too complex to keep apart from the others: every back
             * end that reads the cases as disjoint (Docker's entries, diff)
             * would decide some calls by the wrong rule */
            free(active);
            free(net);
            char *key = arena_printf(&ctx->arena, "dnf:%s", hits[0].name);
            if (strmap_get(&lw->reported, key))
                return false;
            strmap_put(&lw->reported, &ctx->arena, key, (void *)1);
            Diag *g = diag_error(&ctx->diag, "E0408", hits[0].rule->span,
                                 "the rules for `%s` are too complex to combine exactly (over %d cases once each is "
                                 "kept apart from the stricter ones)",
                                 hits[0].name, DNF_MAX_TERMS);
            for (size_t i = 1; i < n && i < 4; i++)
                diag_note(&ctx->diag, g, hits[i].rule->span, "another rule for `%s`", hits[0].name);
            diag_help(&ctx->diag, g,
                      "test fewer bits per mask, or give rules with many conditions on one syscall fewer distinct "
                      "actions");
            return false;
        }
    }
    free(active);
    free(net);
    return true;
}

typedef VEC(Hit) HitVec;

/* `default ACTION for newer-than X.Y`: every syscall of the arch added after
 * X.Y gets the refined default for what no rule decides: all of it where no
 * rule names the syscall, the rest of it where one does (decide). */
static void add_newer_hits(Lower *lw, ArchId arch, void *vhits)
{
    HitVec *hits = vhits;
    polc_ctx *ctx = lw->ctx;
    const ArchTable *t = &ctx->policy.db.arch[arch];
    StrMap named = {0};
    for (size_t i = 0; i < hits->len; i++)
        strmap_put(&named, &ctx->arena, hits->items[i].name, (void *)1);
    for (size_t i = 0; i < t->len; i++) {
        const SyscallEntry *e = &t->entries[i];
        if (syscalldb_version(&ctx->policy.db, e->name, arch) <= ctx->policy.newer_than)
            continue;
        Hit h = {e->nr, e->name, ctx->policy.newer_rule, dnf_true(&lw->cc), true, strmap_get(&named, e->name) != NULL};
        VEC_PUSH(&ctx->arena, *hits, h);
    }
}

bool lower_policy(polc_ctx *ctx)
{
    size_t before = ctx->diag.nerrors;
    Lower lw = {ctx, {&ctx->arena, false}, NULL, NULL, {0}};
    lw.shadowed_by = malloc((ctx->policy.rules.len + 1) * sizeof(int));
    lw.covered_by = malloc((ctx->policy.rules.len + 1) * sizeof(int));
    if (!lw.shadowed_by || !lw.covered_by)
        abort();
    for (size_t i = 0; i < ctx->policy.rules.len; i++)
        lw.shadowed_by[i] = lw.covered_by[i] = -1;
    Ir *ir = arena_alloc(&ctx->arena, sizeof *ir);
    ir->default_action = ctx->policy.default_action;
    ir->has_unknown = ctx->policy.have_unknown;
    ir->unknown_action = ctx->policy.unknown_action;
    bool *always_false = calloc(ctx->policy.rules.len + 1, sizeof(bool));
    bool *sometimes_true = calloc(ctx->policy.rules.len + 1, sizeof(bool));
    if (!always_false || !sometimes_true)
        abort();
    for (int a = 0; a < ARCH__COUNT; a++) {
        if (!(ctx->policy.arch_mask & (1u << a)))
            continue;
        VEC(Hit) hits = {0};
        for (size_t i = 0; i < ctx->policy.rules.len; i++) {
            Rule *r = ctx->policy.rules.items[i];
            if (!(r->arch_mask & (1u << a)))
                continue;
            for (size_t t = 0; t < r->targets.len; t++) {
                const char *muxer;
                uint32_t call;
                /* On multiplexing arches the rule also decides muxer(SYS_X, ...),
                 * as libseccomp does; conditions were rejected by check. */
                if (!r->cond && muxed_call(r->targets.items[t].name, &muxer, &call) &&
                    arch_has_muxer(&ctx->policy.db, (ArchId)a, muxer)) {
                    const SyscallEntry *m = syscalldb_lookup(&ctx->policy.db, (ArchId)a, muxer);
                    Hit h = {m->nr, m->name, r, dnf_atom(&lw.cc, (Atom){0, A_EQ, call, 0, true}), true, false};
                    sometimes_true[r->id] = true;
                    VEC_PUSH(&ctx->arena, hits, h);
                }
                const SyscallEntry *e = syscalldb_lookup(&ctx->policy.db, (ArchId)a, r->targets.items[t].name);
                if (!e)
                    continue;
                Hit h = {e->nr, e->name, r, dnf_false(), r->targets.items[t].from_set, false};
                if (!rule_cond_dnf(ctx, &lw.cc, r, e->name, (ArchId)a, false, &h.cond))
                    continue;
                if (dnf_is_false(h.cond))
                    always_false[r->id] = true;
                else
                    sometimes_true[r->id] = true;
                VEC_PUSH(&ctx->arena, hits, h);
            }
        }
        if (ctx->policy.newer_rule)
            add_newer_hits(&lw, (ArchId)a, (void *)&hits);
        if (hits.len > 1)
            qsort(hits.items, hits.len, sizeof *hits.items, hit_cmp);
        IrArch ia = {.arch = (ArchId)a};
        for (size_t i = 0; i < hits.len;) {
            size_t j = i;
            while (j < hits.len && hits.items[j].nr == hits.items[i].nr)
                j++;
            /* the same rule naming one syscall twice (directly and via a group) counts once */
            size_t k = i;
            for (size_t x = i; x < j; x++) {
                /* sorted by rule within a number: a rule's hits are adjacent */
                bool dup = false;
                for (size_t y = k; y > i && hits.items[y - 1].rule == hits.items[x].rule && !dup; y--)
                    dup = dnf_eq(hits.items[y - 1].cond, hits.items[x].cond);
                if (!dup)
                    hits.items[k++] = hits.items[x];
            }
            IrSyscall is = {0};
            if (lower_syscall(&lw, (ArchId)a, hits.items + i, k - i, &is))
                VEC_PUSH(&ctx->arena, ia.syscalls, is);
            i = j;
        }
        VEC_PUSH(&ctx->arena, ir->arches, ia);
    }
    ctx->policy.ir = ir;
    for (size_t i = 0; i < ctx->policy.rules.len && ctx->diag.nerrors == before; i++) {
        Rule *r = ctx->policy.rules.items[i];
        if (r->from_stdlib || !r->is_used_somewhere)
            continue;
        if (always_false[r->id] && !sometimes_true[r->id]) {
            Diag *g = diag_warning(&ctx->diag, "W0005", r->cond ? r->cond->span : r->span,
                                   "this condition is never true");
            diag_note(&ctx->diag, g, SPAN_NONE, "the rule has no effect");
            continue;
        }
        /* about the author's own rules: a profile diff or verify imported is
         * not source anyone edits (polc_ctx.artifact) */
        if (r->contributes && lw.covered_by[r->id] >= 0 && r->action.kind == ACT_ALLOW && !ctx->artifact) {
            Rule *by = ctx->policy.rules.items[lw.covered_by[r->id]];
            Diag *g = diag_warning(&ctx->diag, "W0006", r->span,
                                   "this rule changes nothing: other rules already allow every call it matches");
            diag_note(&ctx->diag, g, by->span, "for example this rule");
            diag_help(&ctx->diag, g, "an allow cannot narrow another allow (the most restrictive matching rule "
                                     "wins): to allow only these calls, deny the others, e.g. `deny X if not (...)`");
            continue;
        }
        if (!r->contributes && lw.shadowed_by[r->id] >= 0) {
            Rule *by = ctx->policy.rules.items[lw.shadowed_by[r->id]];
            if (action_eq(by->action, r->action)) {
                Diag *g = diag_warning(&ctx->diag, "W0004", r->span,
                                       "this rule has no effect: another rule already does `%s` for every call it names",
                                       action_str(&ctx->policy, &ctx->arena, r->action));
                diag_note(&ctx->diag, g, by->span, "for example this unconditional rule");
                diag_help(&ctx->diag, g, "to narrow a group, subtract with a more restrictive rule, e.g. `deny X if ...`");
            } else {
                Diag *g = diag_warning(&ctx->diag, "W0002", r->span,
                                       "this rule never applies: a more restrictive rule decides every call it matches");
                diag_note(&ctx->diag, g, by->span, "for example this `%s` rule",
                          action_str(&ctx->policy, &ctx->arena, by->action));
                diag_help(&ctx->diag, g, "the most restrictive matching rule wins, whatever the order; remove or narrow one of them");
            }
        }
    }
    free(always_false);
    free(sometimes_true);
    free(lw.shadowed_by);
    free(lw.covered_by);
    return ctx->diag.nerrors == before;
}

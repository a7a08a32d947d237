/* polc diff, syscall decisions: for every target arch, every syscall number
 * either policy decides and every capability scenario of either, the pairs
 * (OLD case, NEW case) with different actions whose conditions overlap. The
 * cases of a decision are disjoint and complete up to the default (ir.h), so
 * these overlaps are exactly the argument regions that change. */
#include <stdlib.h>
#include <string.h>

#include "review/region.h"
#include "review/review.h"

int diff_action_tier(Action a)
{
    if (a.kind <= ACT_ERRNO)
        return 0;
    return a.kind <= ACT_TRACE ? 1 : 2;
}

DiffClass diff_classify(Action from, Action to)
{
    int f = diff_action_tier(from), t = diff_action_tier(to);
    return t > f ? DIFF_WIDENED : t < f ? DIFF_NARROWED : DIFF_OTHER;
}

const char *diff_class_name(DiffClass c)
{
    static const char *const n[] = {"widened", "narrowed", "other"};
    return n[c];
}

/* One side of a scenario: its cases, then the default on what they leave. */
typedef struct Side {
    const IrDecision *d; /* NULL: the syscall is undecided, all default */
    Action dflt;
    /* the cases folded into the default (IrDecision.folded): of d, or of the
     * syscall the optimizer removed (IrArch.folded); NULL: none */
    const IrDecision *fold;
} Side;

static size_t side_cases(const Side *s) { return s->d ? s->d->cases.len : 0; }

static size_t side_count(const Side *s) { return side_cases(s) + 1; }

static Action side_action(const Side *s, size_t i)
{
    return i < side_cases(s) ? s->d->cases.items[i].action : s->dflt;
}

/* d without every case of s: what s leaves to its default within d. Case by
 * case and term by term (dnf_and_not), never the negation of all the cases
 * at once, which for a Docker profile's many disjoint entries on one
 * syscall would multiply out past any bound. */
static Dnf minus_cases(CondCtx *cc, Dnf d, const Side *s)
{
    for (size_t k = 0; k < side_cases(s) && !dnf_is_false(d); k++)
        d = dnf_and_not(cc, d, s->d->cases.items[k].cond);
    return d;
}

/* a and b one term of a at a time: only the pairs of terms that can hold
 * together survive, so the result, not the product, is what must fit. */
static Dnf meet(CondCtx *cc, Dnf a, Dnf b)
{
    Dnf r = dnf_false();
    for (size_t i = 0; i < a.n && !cc->overflow; i++)
        r = dnf_or(cc, r, dnf_and(cc, (Dnf){1, &a.terms[i]}, b));
    return r;
}

/* The calls that case i of o and case j of n (side_cases: the default)
 * both decide. */
static Dnf pair_region(CondCtx *cc, const Side *o, size_t i, const Side *n, size_t j)
{
    bool oc = i < side_cases(o), nc = j < side_cases(n);
    if (oc && nc)
        return meet(cc, o->d->cases.items[i].cond, n->d->cases.items[j].cond);
    if (oc)
        return minus_cases(cc, o->d->cases.items[i].cond, n);
    if (nc)
        return minus_cases(cc, n->d->cases.items[j].cond, o);
    return minus_cases(cc, minus_cases(cc, dnf_true(cc), o), n);
}

typedef VEC(int) IdVec;

/* Adds rule id (or IR_RULE_DEFAULT) once, kept sorted: the same rules give
 * the same text. */
static void id_add(Arena *A, IdVec *v, int id)
{
    size_t k = 0;
    while (k < v->len && v->items[k] < id)
        k++;
    if (k < v->len && v->items[k] == id)
        return;
    VEC_PUSH(A, *v, id);
    memmove(v->items + k + 1, v->items + k, (v->len - 1 - k) * sizeof *v->items);
    v->items[k] = id;
}

/* One change of one syscall, before scenarios are merged. */
typedef struct Delta {
    Action from, to;
    const char *region; /* NULL: every call */
    Dnf cond;           /* the region of the first scenario recorded */
    uint8_t *scenarios; /* 1 << ncaps flags */
    IdVec old_by, new_by; /* the deciding rules on each side */
} Delta;

typedef VEC(Delta) DeltaVec;

typedef struct SysCmp {
    polc_ctx *nctx;
    Arena *A;
    CondCtx cc;
    RegionOf rof;
    int caps[2 * IR_MAX_CAPS_PER_SYSCALL];
    int ncaps;
    DeltaVec deltas;
} SysCmp;

static void add_cap(SysCmp *c, const IrSyscall *s)
{
    for (int i = 0; s && i < s->ncaps; i++) {
        bool have = false;
        for (int k = 0; k < c->ncaps && !have; k++)
            have = c->caps[k] == s->caps[i];
        if (!have)
            c->caps[c->ncaps++] = s->caps[i];
    }
}

static int int_cmp(const void *a, const void *b) { return *(const int *)a - *(const int *)b; }

static void ids_merge(Arena *A, IdVec *into, const IdVec *from)
{
    for (size_t i = 0; i < from->len; i++)
        id_add(A, into, from->items[i]);
}

static void record(SysCmp *c, unsigned sc, Action from, Action to, const char *region, Dnf cond,
                   const IdVec *old_by, const IdVec *new_by)
{
    for (size_t i = 0; i < c->deltas.len; i++) {
        Delta *d = &c->deltas.items[i];
        if (action_eq(d->from, from) && action_eq(d->to, to) &&
            ((!d->region && !region) || (d->region && region && !strcmp(d->region, region)))) {
            d->scenarios[sc] = 1;
            ids_merge(c->A, &d->old_by, old_by);
            ids_merge(c->A, &d->new_by, new_by);
            return;
        }
    }
    Delta d = {from, to, region, cond, arena_alloc(c->A, (size_t)1 << c->ncaps), {0}, {0}};
    memset(d.scenarios, 0, (size_t)1 << c->ncaps);
    d.scenarios[sc] = 1;
    ids_merge(c->A, &d.old_by, old_by);
    ids_merge(c->A, &d.new_by, new_by);
    VEC_PUSH(c->A, c->deltas, d);
}

/* The rules of side s that decide calls of region r in its case i: the
 * case's rules, or for the default the folded rules (a `deny` with the
 * default's action) whose calls meet r, else the default itself. */
static void side_rules(SysCmp *c, const Side *s, size_t i, Dnf r, IdVec *out)
{
    if (i < side_cases(s)) {
        const IrCase *k = &s->d->cases.items[i];
        for (size_t n = 0; n < k->rules.len; n++)
            id_add(c->A, out, k->rules.items[n]);
        if (!k->rules.len)
            id_add(c->A, out, IR_RULE_DEFAULT);
        return;
    }
    bool any = false;
    for (size_t f = 0; s->fold && f < s->fold->folded.len; f++) {
        const IrCase *k = &s->fold->folded.items[f];
        Dnf m = region_feasible(&c->rof, c->A, meet(&c->cc, r, k->cond));
        if (c->cc.overflow) {
            c->cc.overflow = false; /* naming is best effort; the region was exact */
            continue;
        }
        if (dnf_is_false(m))
            continue;
        for (size_t n = 0; n < k->rules.len; n++)
            id_add(c->A, out, k->rules.items[n]);
        any = any || k->rules.len;
    }
    if (!any)
        id_add(c->A, out, IR_RULE_DEFAULT);
}

/* Compare one capability scenario; false on a region too large to hold. */
static bool compare_scenario(SysCmp *c, unsigned sc, Side *o, Side *n)
{
    /* the changes of this scenario, merged per (from, to) */
    typedef struct Acc { Action from, to; Dnf region; IdVec old_by, new_by; } Acc;
    VEC(Acc) acc = {0};
    for (size_t i = 0; i < side_count(o); i++)
        for (size_t j = 0; j < side_count(n); j++) {
            Action from = side_action(o, i), to = side_action(n, j);
            if (action_eq(from, to))
                continue;
            Dnf r = pair_region(&c->cc, o, i, n, j);
            if (c->cc.overflow)
                return false;
            r = region_feasible(&c->rof, c->A, r);
            if (dnf_is_false(r))
                continue;
            size_t k = 0;
            while (k < acc.len && !(action_eq(acc.items[k].from, from) && action_eq(acc.items[k].to, to)))
                k++;
            if (k == acc.len) {
                Acc a = {from, to, r, {0}, {0}};
                VEC_PUSH(c->A, acc, a);
            } else {
                acc.items[k].region = dnf_or(&c->cc, acc.items[k].region, r);
            }
            if (c->cc.overflow)
                return false;
            side_rules(c, o, i, r, &acc.items[k].old_by);
            side_rules(c, n, j, r, &acc.items[k].new_by);
        }
    if (c->cc.overflow)
        return false;
    for (size_t k = 0; k < acc.len; k++) {
        const char *region = NULL;
        if (!region_is_everything(&c->rof, acc.items[k].region)) {
            StrBuf sb;
            sb_init(&sb);
            region_format(&c->rof, acc.items[k].region, &sb);
            char *t = sb_take(&sb);
            region = arena_strdup(c->A, t);
            free(t);
        }
        record(c, sc, acc.items[k].from, acc.items[k].to, region, acc.items[k].region, &acc.items[k].old_by,
               &acc.items[k].new_by);
    }
    return true;
}

/* The scenarios of a delta as text (scenarios.c); NULL when all. */
static const char *scenario_text(SysCmp *c, const uint8_t *in)
{
    char *t = diff_scenario_text(c->nctx, c->caps, c->ncaps, in);
    if (!t)
        return NULL;
    const char *r = arena_strdup(c->A, t);
    free(t);
    return r;
}

static const IrDecision *decision_for(const IrSyscall *s, const SysCmp *c, unsigned sc)
{
    if (!s)
        return NULL;
    uint64_t caps = 0;
    for (int b = 0; b < c->ncaps; b++)
        if (sc & (1u << b))
            caps |= 1ull << c->caps[b];
    return ir_scenario(s, caps);
}

/* Whether scenario sc is the capability set caps. */
static bool scenario_in(const SysCmp *c, unsigned sc, uint64_t caps)
{
    for (int b = 0; b < c->ncaps; b++)
        if (!(sc & (1u << b)) != !(caps & (1ull << c->caps[b])))
            return false;
    return true;
}

static bool same_everywhere(const IrSyscall *o, const IrSyscall *n)
{
    if (!o || !n || o->ncaps != n->ncaps)
        return false;
    for (int b = 0; b < o->ncaps; b++)
        if (o->caps[b] != n->caps[b])
            return false;
    for (unsigned sc = 0; sc < (1u << o->ncaps); sc++)
        if (!ir_decision_eq(&o->scenarios[sc], &n->scenarios[sc]))
            return false;
    return true;
}

/* The syscall the optimizer removed from ctx's IR because each of its rules
 * does what the default does (IrArch.folded); NULL: none. */
static const IrSyscall *folded_syscall(const polc_ctx *ctx, ArchId arch, uint32_t nr)
{
    const IrArch *ia = ir_arch(ctx->policy.ir, arch);
    for (size_t i = 0; ia && i < ia->folded.len; i++)
        if (ia->folded.items[i].nr == nr)
            return &ia->folded.items[i];
    return NULL;
}

static bool compare_syscall(PolicyDiff *out, polc_ctx *octx, polc_ctx *nctx, ArchId arch, uint32_t nr,
                            const IrSyscall *os, const IrSyscall *ns)
{
    Action odef = octx->policy.ir->default_action, ndef = nctx->policy.ir->default_action;
    if (same_everywhere(os, ns) && action_eq(odef, ndef))
        return true;
    SysCmp c;
    memset(&c, 0, sizeof c);
    c.nctx = nctx;
    c.A = &nctx->arena;
    c.cc.arena = c.A;
    const char *name = ns ? ns->name : os->name;
    c.rof = (RegionOf){nctx, name, arch};
    add_cap(&c, os);
    add_cap(&c, ns);
    qsort(c.caps, (size_t)c.ncaps, sizeof c.caps[0], int_cmp);
    const IrSyscall *ofs = os ? os : folded_syscall(octx, arch, nr);
    const IrSyscall *nfs = ns ? ns : folded_syscall(nctx, arch, nr);
    for (unsigned sc = 0; sc < (1u << c.ncaps); sc++) {
        if (out->fixed_caps && !scenario_in(&c, sc, out->caps))
            continue;
        Side o = {decision_for(os, &c, sc), odef, decision_for(ofs, &c, sc)};
        Side n = {decision_for(ns, &c, sc), ndef, decision_for(nfs, &c, sc)};
        if (!compare_scenario(&c, sc, &o, &n)) {
            Diag *g = diag_error(&nctx->diag, "E1001", SPAN_NONE,
                                 "polc diff: the argument regions of `%s` on %s have more than %d terms", name,
                                 arch_info(arch)->name, DNF_MAX_TERMS);
            diag_help(&nctx->diag, g, "compare the policies with fewer conditions on this syscall");
            return false;
        }
    }
    int *caps = arena_alloc(c.A, sizeof c.caps);
    memcpy(caps, c.caps, sizeof c.caps);
    for (size_t i = 0; i < c.deltas.len; i++) {
        const Delta *d = &c.deltas.items[i];
        SyscallChange ch = {arch, name, nr, d->from, d->to, scenario_text(&c, d->scenarios), d->region,
                            diff_classify(d->from, d->to), d->cond, caps, c.ncaps, d->scenarios,
                            diff_rule_refs(octx, arch, name, d->from, d->old_by.items, d->old_by.len, &c.rof,
                                           d->region ? d->cond : dnf_false()),
                            diff_rule_refs(nctx, arch, name, d->to, d->new_by.items, d->new_by.len, &c.rof,
                                           d->region ? d->cond : dnf_false()),
                            NULL, NULL};
        VEC_PUSH(c.A, out->syscalls, ch);
    }
    return true;
}

/* An arch a policy does not target has every call killed: adding one widens
 * when the policy lets some call of it run or reach a supervisor. */
static DiffClass arch_class(const polc_ctx *ctx, const IrArch *ia, bool added)
{
    int best = diff_action_tier(ctx->policy.ir->default_action);
    for (size_t i = 0; i < ia->syscalls.len; i++) {
        const IrSyscall *s = &ia->syscalls.items[i];
        for (unsigned sc = 0; sc < (1u << s->ncaps); sc++)
            for (size_t k = 0; k < s->scenarios[sc].cases.len; k++) {
                Action a = s->scenarios[sc].cases.items[k].action;
                if (diff_action_tier(a) > best)
                    best = diff_action_tier(a);
            }
    }
    if (best == 0)
        return DIFF_OTHER;
    return added ? DIFF_WIDENED : DIFF_NARROWED;
}

static int change_cmp(const void *pa, const void *pb)
{
    const SyscallChange *a = pa, *b = pb;
    if (a->arch != b->arch)
        return a->arch < b->arch ? -1 : 1;
    if (a->cls != b->cls)
        return a->cls < b->cls ? -1 : 1;
    int c = strcmp(a->name, b->name);
    if (c)
        return c;
    if (!a->region != !b->region)
        return a->region ? 1 : -1;
    if (a->region && (c = strcmp(a->region, b->region)))
        return c;
    if (!a->when != !b->when)
        return a->when ? 1 : -1;
    if (a->when && (c = strcmp(a->when, b->when)))
        return c;
    if ((c = action_cmp(a->from, b->from)))
        return c;
    return action_cmp(a->to, b->to);
}

static Action unknown_action(const polc_ctx *ctx)
{
    return ctx->policy.ir->has_unknown ? ctx->policy.ir->unknown_action : ctx->policy.ir->default_action;
}

bool diff_policies(polc_ctx *octx, polc_ctx *nctx, PolicyDiff *out)
{
    Arena *A = &nctx->arena;
    out->old_ctx = octx;
    out->new_ctx = nctx;
    /* A deployed artifact states only what seccomp enforces: the other
     * sections are not compared (a profile does not drop capabilities, the
     * runtime's flags do). A BPF program was built for one capability set:
     * the policy's effective one is what it is compared under. */
    const polc_ctx *art = octx->artifact ? octx : nctx->artifact ? nctx : NULL;
    if (art) {
        out->not_compared = "capabilities, filesystem, network, process";
        out->artifact_note = arena_printf(A, "%s is a %s%s", art == octx ? "OLD" : "NEW", art->artifact,
                                          octx->artifact && nctx->artifact ? " and so is the other" : "");
        const polc_ctx *bpf = octx->artifact && !strcmp(octx->artifact, "BPF program") ? octx
                              : nctx->artifact && !strcmp(nctx->artifact, "BPF program") ? nctx : NULL;
        if (bpf) {
            out->fixed_caps = true;
            out->caps = (bpf == octx ? nctx : octx)->policy.caps.effective;
        }
    }
    if (!action_eq(octx->policy.ir->default_action, nctx->policy.ir->default_action)) {
        out->default_changed = true;
        out->default_from = octx->policy.ir->default_action;
        out->default_to = nctx->policy.ir->default_action;
        out->counts[diff_classify(out->default_from, out->default_to)]++;
        static const int dflt[] = {IR_RULE_DEFAULT};
        out->default_old_by = diff_rule_refs(octx, ARCH__COUNT, "", out->default_from, dflt, 1, NULL, dnf_false());
        out->default_new_by = diff_rule_refs(nctx, ARCH__COUNT, "", out->default_to, dflt, 1, NULL, dnf_false());
    }
    if (!action_eq(unknown_action(octx), unknown_action(nctx)) &&
        (octx->policy.ir->has_unknown || nctx->policy.ir->has_unknown)) {
        out->unknown_changed = true;
        out->unknown_from = unknown_action(octx);
        out->unknown_to = unknown_action(nctx);
        out->counts[diff_classify(out->unknown_from, out->unknown_to)]++;
    }
    for (int a = 0; a < ARCH__COUNT; a++) {
        const IrArch *oa = ir_arch(octx->policy.ir, (ArchId)a), *na = ir_arch(nctx->policy.ir, (ArchId)a);
        if (!oa && !na)
            continue;
        if (!oa || !na) {
            ArchChange ac = {(ArchId)a, na != NULL, arch_class(na ? nctx : octx, na ? na : oa, na != NULL)};
            VEC_PUSH(A, out->arches, ac);
            out->counts[ac.cls]++;
            continue;
        }
        size_t i = 0, j = 0;
        while (i < oa->syscalls.len || j < na->syscalls.len) {
            const IrSyscall *os = i < oa->syscalls.len ? &oa->syscalls.items[i] : NULL;
            const IrSyscall *ns = j < na->syscalls.len ? &na->syscalls.items[j] : NULL;
            if (os && ns && os->nr != ns->nr) {
                if (os->nr < ns->nr)
                    ns = NULL;
                else
                    os = NULL;
            }
            uint32_t nr = os ? os->nr : ns->nr;
            if (!compare_syscall(out, octx, nctx, (ArchId)a, nr, os, ns))
                return false;
            i += os != NULL;
            j += ns != NULL;
        }
    }
    if (out->syscalls.len)
        qsort(out->syscalls.items, out->syscalls.len, sizeof *out->syscalls.items, change_cmp);
    for (size_t i = 0; i < out->syscalls.len; i++)
        out->counts[out->syscalls.items[i].cls]++;
    diff_group_changes(out);
    if (!art)
        diff_model(octx, nctx, out);
    return true;
}

/* polc graph's review view: the typed result (graph.h) from the Policy and
 * its IR. Syscalls one action decides without a condition are counted per
 * decision and grouped by the stdlib group the policy named them through,
 * or else the most specific stdlib group that holds them; the others become
 * trees of capability tests and argument checks whose conditions are the
 * rules' own text, and syscalls with the same tree share it. */
#include <stdlib.h>
#include <string.h>

#include "front/stdlib_view.h"
#include "review/graph.h"
#include "review/lint.h"
#include "review/region.h"
#include "review/rule_text.h"

typedef struct Build {
    polc_ctx *ctx;
    CondCtx cc;
    StrMap specific; /* syscall name -> "@group": the smallest stdlib group holding it */
    ArchId arch;
    GraphArch *ga;
    StrMap cond_of;  /* tree key -> index + 1 in ga->conds */
} Build;

bool graph_pick_arch(polc_ctx *ctx, const char *arch, ArchId *only)
{
    *only = ARCH__COUNT;
    if (!arch)
        return true;
    ArchId a;
    if (arch_from_name(arch, &a) && ir_arch(ctx->policy.ir, a)) {
        *only = a;
        return true;
    }
    Diag *g = diag_error(&ctx->diag, "E1002", SPAN_NONE, "polc graph: `%s` is not an arch this policy targets", arch);
    StrBuf have;
    sb_init(&have);
    for (size_t i = 0; i < ctx->policy.ir->arches.len; i++)
        sb_printf(&have, "%s%s", i ? ", " : "", arch_info(ctx->policy.ir->arches.items[i].arch)->name);
    char *h = sb_take(&have);
    diag_help(&ctx->diag, g, "the policy targets: %s", h);
    free(h);
    return false;
}

/* The groups of stdlib/groups/ the compilation read; for each syscall the
 * one with the fewest members (ties: the first name), so that `read` is
 * @basic-io and not @system-service. */
static void most_specific_groups(Build *b)
{
    StdlibView *std = stdlib_view_of(b->ctx);
    size_t n = 0;
    const StdlibGroup *gs = std ? stdlib_view_groups(std, &n) : NULL;
    StrMap best = {0}; /* name -> const StdlibGroup * */
    for (size_t i = 0; i < n; i++) {
        if (!strstr(gs[i].file, "groups/"))
            continue;
        for (size_t k = 0; k < gs[i].nmembers; k++) {
            const StdlibGroup *cur = strmap_get(&best, gs[i].members[k]);
            if (!cur || gs[i].nmembers < cur->nmembers ||
                (gs[i].nmembers == cur->nmembers && strcmp(gs[i].name, cur->name) < 0))
                strmap_put(&best, &b->ctx->arena, gs[i].members[k], (void *)&gs[i]);
        }
    }
    for (size_t i = 0; i < best.cap; i++)
        if (best.slots[i].key) {
            const StdlibGroup *g = best.slots[i].value;
            strmap_put(&b->specific, &b->ctx->arena, arena_strdup(&b->ctx->arena, best.slots[i].key),
                       (void *)arena_printf(&b->ctx->arena, "@%s", g->name));
        }
    stdlib_view_free(std);
}

/* The group a deciding rule named the syscall through (`allow @file-system`),
 * else the most specific one; NULL: in no group. */
static const char *group_of(Build *b, const IrCase *c, const char *name)
{
    for (size_t k = 0; k < c->rules.len; k++) {
        const Rule *r = b->ctx->policy.rules.items[c->rules.items[k]];
        for (size_t t = 0; t < r->targets.len; t++) {
            const RuleTarget *rt = &r->targets.items[t];
            if (!rt->from_set || strcmp(rt->name, name) != 0)
                continue;
            const char *text = review_source_text(b->ctx, rt->span);
            if (text[0] == '@')
                return text;
        }
    }
    return strmap_get(&b->specific, name);
}

static GraphDecision *decision(Build *b, Action a)
{
    GraphArch *ga = b->ga;
    for (size_t i = 0; i < ga->decisions.len; i++)
        if (action_eq(ga->decisions.items[i].action, a))
            return &ga->decisions.items[i];
    GraphDecision d = {.action = a, .is_default = action_eq(a, b->ctx->policy.ir->default_action)};
    VEC_PUSH(&b->ctx->arena, ga->decisions, d);
    return &ga->decisions.items[ga->decisions.len - 1];
}

static void add_decided(Build *b, Action a, const char *group, const char *name)
{
    GraphDecision *d = decision(b, a);
    d->count++;
    if (review_dangerous_syscall(name)) {
        VEC_PUSH(&b->ctx->arena, d->dangerous, name);
        return;
    }
    for (size_t i = 0; i < d->groups.len; i++) {
        GraphGroup *g = &d->groups.items[i];
        if ((!g->name && !group) || (g->name && group && strcmp(g->name, group) == 0)) {
            VEC_PUSH(&b->ctx->arena, g->names, name);
            return;
        }
    }
    GraphGroup g = {.name = group};
    VEC_PUSH(&b->ctx->arena, g.names, name);
    VEC_PUSH(&b->ctx->arena, d->groups, g);
}

/* ---- trees ---- */

static int cmp_case_ptr(const void *x, const void *y)
{
    const IrCase *a = *(const IrCase *const *)x, *b = *(const IrCase *const *)y;
    int c = action_cmp(a->action, b->action);
    return c ? c : a < b ? -1 : a > b;
}

/* Whether `item` is already one of the ", "-joined items of sb. */
static bool listed(const StrBuf *sb, const char *item)
{
    size_t n = strlen(item);
    for (const char *p = sb->data; p && (p = strstr(p, item)); p += n)
        if ((p == sb->data || p[-1] == ' ') && (p[n] == ',' || p[n] == '\0'))
            return true;
    return false;
}

static void push_case(Build *b, GraphTree *t, const char *when, const char *rules, Action a, bool by_default)
{
    GraphCase c = {when, rules, a, by_default};
    VEC_PUSH(&b->ctx->arena, t->cases, c);
}

/* The cases of one decision, with those the optimizer folded into the
 * default (`deny X if C` under that default: its rule still decides), most
 * restrictive first: the order polc decides in, so each check may say just
 * its rules' conditions. A case an unconditional rule decides is the rest. */
static GraphTree *chain(Build *b, const IrSyscall *s, const IrDecision *d)
{
    polc_ctx *ctx = b->ctx;
    Action dflt = ctx->policy.ir->default_action;
    GraphTree *t = arena_alloc(&ctx->arena, sizeof *t);
    memset(t, 0, sizeof *t);
    t->cap = -1;
    size_t n = d->cases.len + d->folded.len;
    const IrCase **cs = arena_alloc(&ctx->arena, (n + 1) * sizeof *cs);
    for (size_t i = 0; i < d->cases.len; i++)
        cs[i] = &d->cases.items[i];
    for (size_t i = 0; i < d->folded.len; i++)
        cs[d->cases.len + i] = &d->folded.items[i];
    qsort(cs, n, sizeof *cs, cmp_case_ptr);
    RegionOf rof = {ctx, s->name, b->arch};
    b->cc.overflow = false; /* each chain judges its own completeness */
    Dnf all = dnf_false();
    for (size_t i = 0; i < n; i++)
        all = dnf_or(&b->cc, all, cs[i]->cond);
    bool complete = n && !b->cc.overflow && dnf_is_false(region_feasible(&rof, &ctx->arena, dnf_not(&b->cc, all)));
    for (size_t i = 0; i < n; i++) {
        StrBuf when, rules;
        sb_init(&when);
        sb_init(&rules);
        bool rest = false;
        for (size_t k = 0; k < cs[i]->rules.len; k++) {
            const Rule *r = ctx->policy.rules.items[cs[i]->rules.items[k]];
            const char *loc = review_rule_loc(ctx, r);
            if (!listed(&rules, loc))
                sb_printf(&rules, "%s%s", rules.len ? ", " : "", loc);
            if (r->cond)
                sb_printf(&when, "%s%s", when.len ? " or " : "", review_rule_cond_text(ctx, r));
            else
                rest = true;
        }
        if (!when.len && !rest) /* no rule says it: the compiled region */
            region_format(&rof, region_feasible(&rof, &ctx->arena, cs[i]->cond), &when);
        rest = rest || (complete && i + 1 == n);
        push_case(b, t, rest ? NULL : arena_strdup(&ctx->arena, when.data),
                  rules.len ? arena_strdup(&ctx->arena, rules.data) : NULL, cs[i]->action, false);
        sb_free(&when);
        sb_free(&rules);
        if (rest)
            return t;
    }
    push_case(b, t, NULL, NULL, dflt, true);
    return t;
}

/* Whether capability `bit` changes nothing below this point of the tree
 * (the bits above it fixed as in sc). */
static bool cap_irrelevant(const IrSyscall *s, int bit, unsigned sc)
{
    unsigned below = 1u << s->ncaps;
    for (unsigned r = 0; r < below; r++) {
        if (r & ((2u << bit) - 1))
            continue; /* only the bits after `bit` vary */
        if (!ir_decision_eq(&s->scenarios[sc | r], &s->scenarios[sc | r | (1u << bit)]))
            return false;
    }
    return true;
}

static GraphTree *tree(Build *b, const IrSyscall *s, int bit, unsigned sc)
{
    if (bit == s->ncaps)
        return chain(b, s, &s->scenarios[sc]);
    if (cap_irrelevant(s, bit, sc))
        return tree(b, s, bit + 1, sc);
    GraphTree *t = arena_alloc(&b->ctx->arena, sizeof *t);
    memset(t, 0, sizeof *t);
    t->cap = s->caps[bit];
    const Policy *p = &b->ctx->policy;
    t->held = p->caps.declared ? (p->caps.effective >> t->cap & 1) != 0 : -1;
    t->with = tree(b, s, bit + 1, sc | (1u << bit));
    t->without = tree(b, s, bit + 1, sc);
    return t;
}

/* The tree as text, to find syscalls that share it; also whether it tests
 * a capability and whether some leaf lets the call run. */
static void tree_key(const GraphTree *t, StrBuf *sb, bool *caps, bool *runs)
{
    if (t->cap >= 0) {
        *caps = true;
        sb_printf(sb, "cap %d %d (", t->cap, t->held);
        tree_key(t->with, sb, caps, runs);
        sb_puts(sb, ") (");
        tree_key(t->without, sb, caps, runs);
        sb_putc(sb, ')');
        return;
    }
    for (size_t i = 0; i < t->cases.len; i++) {
        const GraphCase *c = &t->cases.items[i];
        *runs = *runs || review_action_allows(c->action);
        sb_printf(sb, "[%s\x1f%s\x1f%d:%u:%d]", c->when ? c->when : "", c->rules ? c->rules : "", (int)c->action.kind,
                  c->action.data, c->by_default);
    }
}

static void add_conditional(Build *b, const IrSyscall *s, const char *name)
{
    polc_ctx *ctx = b->ctx;
    GraphTree *t = tree(b, s, 0, 0);
    StrBuf key;
    sb_init(&key);
    bool caps = false, runs = false;
    tree_key(t, &key, &caps, &runs);
    size_t at = (size_t)strmap_get(&b->cond_of, key.data);
    if (!at) {
        GraphCond c = {.by_caps = caps, .key = arena_strdup(&ctx->arena, key.data), .tree = t, .may_run = runs};
        VEC_PUSH(&ctx->arena, b->ga->conds, c);
        at = b->ga->conds.len;
        strmap_put(&b->cond_of, &ctx->arena, c.key, (void *)at);
    }
    sb_free(&key);
    GraphCond *c = &b->ga->conds.items[at - 1];
    VEC_PUSH(&ctx->arena, c->names, name);
    if (review_dangerous_syscall(name))
        VEC_PUSH(&ctx->arena, c->dangerous, name);
}

static void leaf_decisions(Build *b, const GraphTree *t)
{
    if (t->cap >= 0) {
        leaf_decisions(b, t->with);
        leaf_decisions(b, t->without);
        return;
    }
    for (size_t i = 0; i < t->cases.len; i++)
        (void)decision(b, t->cases.items[i].action);
}

/* ---- one arch ---- */

static const IrSyscall *folded_syscall(const IrArch *ia, uint32_t nr)
{
    for (size_t i = 0; i < ia->folded.len; i++)
        if (ia->folded.items[i].nr == nr)
            return &ia->folded.items[i];
    return NULL;
}

/* The single case deciding every call, NULL when arguments or capabilities
 * matter. */
static const IrCase *only_case(const IrSyscall *s, bool folded)
{
    if (s->ncaps)
        return NULL;
    const IrDecision *d = &s->scenarios[0];
    const IrCase *c = folded ? d->folded.items : d->cases.items;
    size_t n = folded ? d->folded.len : d->cases.len;
    if (n != 1 || (!folded && d->folded.len) || !dnf_is_true(c->cond))
        return NULL;
    return c;
}

static int cmp_name(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static int cmp_group(const void *x, const void *y)
{
    const GraphGroup *a = x, *b = y;
    if (!a->name || !b->name)
        return !a->name - !b->name;
    return strcmp(a->name, b->name);
}

static int cmp_decision(const void *x, const void *y)
{
    return -action_cmp(((const GraphDecision *)x)->action, ((const GraphDecision *)y)->action);
}

static int cmp_cond(const void *x, const void *y)
{
    const GraphCond *a = x, *b = y;
    if (a->by_caps != b->by_caps)
        return a->by_caps - b->by_caps;
    return strcmp(a->names.items[0], b->names.items[0]);
}

#define SORT_NAMES(v)                                                                                                  \
    do {                                                                                                               \
        if ((v).len > 1)                                                                                               \
            qsort((v).items, (v).len, sizeof *(v).items, cmp_name);                                                    \
    } while (0)

static void build_arch(Build *b, const IrArch *ia)
{
    polc_ctx *ctx = b->ctx;
    const ArchTable *tab = &ctx->policy.db.arch[ia->arch];
    b->arch = ia->arch;
    b->cond_of = (StrMap){0};
    GraphArch *ga = b->ga;
    ga->arch = ia->arch;
    ga->has_unknown = ctx->policy.ir->has_unknown;
    ga->unknown = ctx->policy.ir->unknown_action;
    Action dflt = ctx->policy.ir->default_action;
    (void)decision(b, dflt); /* every-other-syscall's, even when rules name every syscall */
    for (size_t i = 0; i < tab->len; i++) {
        const SyscallEntry *e = &tab->entries[i];
        if (i && tab->entries[i - 1].nr == e->nr)
            continue; /* a second name for the same number */
        const IrSyscall *s = ir_syscall(ia, e->nr);
        const IrCase *c;
        if (s && (c = only_case(s, false)))
            add_decided(b, c->action, group_of(b, c, e->name), e->name);
        else if (s)
            add_conditional(b, s, e->name);
        else if ((s = folded_syscall(ia, e->nr)) && (c = only_case(s, true)))
            add_decided(b, dflt, group_of(b, c, e->name), e->name);
        else
            VEC_PUSH(&ctx->arena, decision(b, dflt)->by_default, e->name);
    }
    for (size_t i = 0; i < ga->conds.len; i++) /* a decision for every action a check leads to */
        leaf_decisions(b, ga->conds.items[i].tree);
    if (ga->has_unknown)
        (void)decision(b, ga->unknown);
    for (size_t i = 0; i < ga->decisions.len; i++) {
        GraphDecision *d = &ga->decisions.items[i];
        for (size_t k = 0; k < d->groups.len; k++)
            SORT_NAMES(d->groups.items[k].names);
        if (d->groups.len > 1)
            qsort(d->groups.items, d->groups.len, sizeof *d->groups.items, cmp_group);
        SORT_NAMES(d->dangerous);
        SORT_NAMES(d->by_default);
    }
    if (ga->decisions.len > 1)
        qsort(ga->decisions.items, ga->decisions.len, sizeof *ga->decisions.items, cmp_decision);
    for (size_t i = 0; i < ga->conds.len; i++) {
        SORT_NAMES(ga->conds.items[i].names);
        SORT_NAMES(ga->conds.items[i].dangerous);
    }
    if (ga->conds.len > 1)
        qsort(ga->conds.items, ga->conds.len, sizeof *ga->conds.items, cmp_cond);
}

bool graph_build(polc_ctx *ctx, const char *arch, GraphView *out)
{
    ArchId only;
    if (!graph_pick_arch(ctx, arch, &only))
        return false;
    memset(out, 0, sizeof *out);
    out->policy = ctx->policy.name ? ctx->policy.name : "policy";
    out->dflt = ctx->policy.ir->default_action;
    Build b = {.ctx = ctx, .cc = {&ctx->arena, false}};
    most_specific_groups(&b);
    for (size_t i = 0; i < ctx->policy.ir->arches.len; i++) {
        const IrArch *ia = &ctx->policy.ir->arches.items[i];
        if (only != ARCH__COUNT && ia->arch != only)
            continue;
        GraphArch ga = {0};
        VEC_PUSH(&ctx->arena, out->arches, ga);
        b.ga = &out->arches.items[out->arches.len - 1];
        build_arch(&b, ia);
    }
    return true;
}

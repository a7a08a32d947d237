/* polc graph --view ranges: the compiled decision structure as Graphviz dot,
 * by syscall number.
 *
 *   arch -> syscall ranges -> [capability?] -> [argument check?] -> action
 *
 * Consecutive syscall numbers with the same unconditional decision share one
 * box listing their names; every syscall the policy leaves to the default is
 * in one "every other number" box; a syscall with capability or argument
 * conditions gets its own box followed by diamonds (capability present?,
 * then its cases in order: condition true?). Actions are coloured leaves, one
 * per action and arch. Node ids are numbered in this walk, which follows the
 * IR's sorted order, so the same policy always gives the same file. */
#include <stdlib.h>
#include <string.h>

#include "review/graph.h"
#include "review/region.h"

#define NAMES_PER_LINE 4
#define MAX_NAMES 16

typedef struct Graph {
    polc_ctx *ctx;
    StrBuf *sb;
    ArchId arch;
    unsigned next_id;
    Action leaves[64];
    unsigned leaf_ids[64];
    size_t nleaves;
} Graph;

static unsigned leaf(Graph *g, Action a)
{
    for (size_t i = 0; i < g->nleaves; i++)
        if (action_eq(g->leaves[i], a))
            return g->leaf_ids[i];
    unsigned id = g->next_id++;
    if (g->nleaves < 64) {
        g->leaves[g->nleaves] = a;
        g->leaf_ids[g->nleaves++] = id;
    }
    sb_printf(g->sb, "    n%u [shape=ellipse, style=filled, fillcolor=\"%s\", label=", id, graph_action_fill(a));
    graph_dot_string(g->sb, action_str(&g->ctx->policy, &g->ctx->arena, a));
    sb_puts(g->sb, "];\n");
    return id;
}

static void edge(Graph *g, unsigned from, unsigned to, const char *label)
{
    sb_printf(g->sb, "    n%u -> n%u", from, to);
    if (label)
        sb_printf(g->sb, " [label=\"%s\"]", label);
    sb_puts(g->sb, ";\n");
}

/* The cases of one decision as a chain of condition diamonds; returns the
 * node the chain starts at. */
static unsigned decision_chain(Graph *g, const IrSyscall *s, const IrDecision *d)
{
    Action dflt = g->ctx->policy.ir->default_action;
    if (d->cases.len == 0)
        return leaf(g, dflt);
    if (d->cases.len == 1 && dnf_is_true(d->cases.items[0].cond))
        return leaf(g, d->cases.items[0].action);
    RegionOf rof = {g->ctx, s->name, g->arch};
    /* cases that leave nothing to the default: the last needs no diamond */
    CondCtx cc = {&g->ctx->arena, false};
    Dnf all = dnf_false();
    for (size_t i = 0; i < d->cases.len; i++)
        all = dnf_or(&cc, all, d->cases.items[i].cond);
    Dnf rest = dnf_not(&cc, all);
    bool complete = !cc.overflow && dnf_is_false(region_feasible(&rof, &g->ctx->arena, rest));
    unsigned first = 0, prev = 0;
    for (size_t i = 0; i < d->cases.len; i++) {
        const IrCase *c = &d->cases.items[i];
        if (complete && i + 1 == d->cases.len) {
            if (i == 0) /* one case covering every call */
                return leaf(g, c->action);
            edge(g, prev, leaf(g, c->action), "no");
            return first;
        }
        unsigned id = g->next_id++;
        StrBuf text;
        sb_init(&text);
        region_format(&rof, c->cond, &text);
        char *t = sb_take(&text);
        sb_printf(g->sb, "    n%u [shape=diamond, label=", id);
        graph_dot_string(g->sb, t);
        sb_puts(g->sb, "];\n");
        free(t);
        edge(g, id, leaf(g, c->action), "yes");
        if (i)
            edge(g, prev, id, "no");
        else
            first = id;
        prev = id;
    }
    edge(g, prev, leaf(g, dflt), "no");
    return first;
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

/* Capability diamonds over the syscall's capabilities, then the chains; a
 * capability that decides nothing on a branch gets no diamond there. */
static unsigned scenario_tree(Graph *g, const IrSyscall *s, int bit, unsigned sc)
{
    if (bit == s->ncaps)
        return decision_chain(g, s, &s->scenarios[sc]);
    if (cap_irrelevant(s, bit, sc))
        return scenario_tree(g, s, bit + 1, sc);
    unsigned id = g->next_id++;
    const char *name = cap_name(&g->ctx->policy, s->caps[bit]);
    sb_printf(g->sb, "    n%u [shape=diamond, label=\"capability %s?\"];\n", id, name ? name : "?");
    unsigned yes = scenario_tree(g, s, bit + 1, sc | (1u << bit));
    unsigned no = scenario_tree(g, s, bit + 1, sc);
    edge(g, id, yes, "yes");
    edge(g, id, no, "no");
    return id;
}

static bool unconditional(const IrSyscall *s, Action *out)
{
    if (s->ncaps || s->scenarios[0].cases.len != 1 || !dnf_is_true(s->scenarios[0].cases.items[0].cond))
        return false;
    *out = s->scenarios[0].cases.items[0].action;
    return true;
}

static void range_node(Graph *g, unsigned arch_id, unsigned id, uint32_t lo, uint32_t hi, const char **names,
                       size_t n)
{
    StrBuf l;
    sb_init(&l);
    if (lo == hi)
        sb_printf(&l, "%u", lo);
    else
        sb_printf(&l, "%u-%u", lo, hi);
    for (size_t i = 0; i < n && i < MAX_NAMES; i++)
        sb_printf(&l, "%s%s", i % NAMES_PER_LINE == 0 ? "\n" : ", ", names[i]);
    if (n > MAX_NAMES)
        sb_printf(&l, "\n(+%zu more)", n - MAX_NAMES);
    char *t = sb_take(&l);
    sb_printf(g->sb, "    n%u [shape=box, label=", id);
    graph_dot_string(g->sb, t);
    sb_puts(g->sb, "];\n");
    free(t);
    edge(g, arch_id, id, NULL);
}

static void graph_arch(Graph *g, const IrArch *ia)
{
    polc_ctx *ctx = g->ctx;
    const ArchTable *tab = &ctx->policy.db.arch[ia->arch];
    g->arch = ia->arch;
    g->nleaves = 0;
    const char *an = arch_info(ia->arch)->name;
    sb_printf(g->sb, "  subgraph \"cluster_%s\" {\n    label=\"arch %s\";\n", an, an);
    unsigned arch_id = g->next_id++;
    sb_printf(g->sb, "    n%u [shape=box, style=bold, label=\"%s\"];\n", arch_id, an);
    const char **names = malloc((tab->len + 1) * sizeof *names);
    size_t nnames = 0, ndefault = 0;
    uint32_t lo = 0, last = 0;
    Action run = {ACT_ALLOW, 0}; /* the action of the pending run of names */
    bool have_prev = false;
    for (size_t i = 0; i <= tab->len; i++) {
        const SyscallEntry *e = i < tab->len ? &tab->entries[i] : NULL;
        if (e && have_prev && e->nr == last)
            continue; /* a second name for the same number */
        const IrSyscall *s = e ? ir_syscall(ia, e->nr) : NULL;
        Action a;
        bool uncond = s && unconditional(s, &a);
        bool extend = nnames && uncond && e->nr == last + 1 && action_eq(a, run);
        if (nnames && !extend) {
            unsigned id = g->next_id++;
            range_node(g, arch_id, id, lo, last, names, nnames);
            edge(g, id, leaf(g, run), NULL);
            nnames = 0;
        }
        if (!e)
            break;
        have_prev = true;
        last = e->nr;
        if (!s) {
            ndefault++;
        } else if (uncond) {
            if (!nnames)
                lo = e->nr, run = a;
            names[nnames++] = e->name;
        } else {
            unsigned id = g->next_id++;
            const char *one[1] = {e->name};
            range_node(g, arch_id, id, e->nr, e->nr, one, 1);
            edge(g, id, scenario_tree(g, s, 0, 0), NULL);
        }
    }
    free(names);
    unsigned rest = g->next_id++;
    sb_printf(g->sb, "    n%u [shape=box, style=dashed, label=\"every other number\\n(%zu named syscalls)\"];\n", rest,
              ndefault);
    edge(g, arch_id, rest, NULL);
    edge(g, rest, leaf(g, ctx->policy.ir->default_action), NULL);
    if (ctx->policy.ir->has_unknown) {
        unsigned unk = g->next_id++;
        sb_printf(g->sb, "    n%u [shape=box, style=dashed, label=\"numbers polc's tables do not know\"];\n", unk);
        edge(g, arch_id, unk, NULL);
        edge(g, unk, leaf(g, ctx->policy.ir->unknown_action), NULL);
    }
    sb_puts(g->sb, "  }\n");
}

bool graph_ranges_dot(polc_ctx *ctx, const char *arch, StrBuf *sb)
{
    ArchId only;
    if (!graph_pick_arch(ctx, arch, &only))
        return false;
    Graph g = {ctx, sb, ARCH_X86_64, 0, {{0, 0}}, {0}, 0};
    sb_puts(sb, "digraph ");
    graph_dot_string(sb, arena_printf(&ctx->arena, "polc %s", ctx->policy.name ? ctx->policy.name : "policy"));
    sb_puts(sb, " {\n  graph [rankdir=LR, fontname=\"Helvetica\", labelloc=t, label=");
    graph_dot_string(sb, arena_printf(&ctx->arena, "policy %s: the most restrictive matching rule, decided",
                               ctx->policy.name ? ctx->policy.name : "policy"));
    sb_puts(sb, "];\n  node [fontname=\"Helvetica\", fontsize=10];\n  edge [fontname=\"Helvetica\", fontsize=9];\n");
    for (size_t i = 0; i < ctx->policy.ir->arches.len; i++)
        if (only == ARCH__COUNT || ctx->policy.ir->arches.items[i].arch == only)
            graph_arch(&g, &ctx->policy.ir->arches.items[i]);
    sb_puts(sb, "}\n");
    return true;
}

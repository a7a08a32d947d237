/* polc graph's review view as Graphviz dot (docs/diff.md, "polc graph").
 *
 * One cluster per target arch; inside it one cluster per decision (allow
 * first, the most restrictive last) holding the action's ellipse and a box
 * per group of the syscalls it decides without conditions; the dangerous
 * calls in a box of their own, red where they may run. Then the syscalls
 * whose decision depends on arguments or capabilities, each tree's box
 * leading through diamonds (capability held? the rules' condition as
 * written?) to the decisions' ellipses. Long lists show a few names and
 * the count (all of them with --verbose, and always in the tooltip). Node
 * ids are numbered in this walk over the sorted view, so one policy always
 * gives the same file. */
#include <stdlib.h>
#include <string.h>

#include "review/graph.h"
#include "review/lint.h"

#define NAMES_SHOWN 6 /* a group's names in a label, unless verbose */
#define NAMES_PER_LINE 3
#define WRAP 44       /* a condition's line length in a diamond */

typedef struct Dot {
    const polc_ctx *ctx;
    StrBuf *sb;
    bool verbose;
    unsigned next_id;
    const char *arch; /* the cluster's arch name, for cluster names */
    const GraphArch *ga;
    unsigned *leaf;   /* per ga->decisions: its ellipse */
    const char *indent; /* of a statement: deeper inside a decision's cluster */
} Dot;

void graph_dot_string(StrBuf *sb, const char *s)
{
    sb_putc(sb, '"');
    for (; *s; s++) {
        if (*s == '\n')
            sb_puts(sb, "\\n");
        else if (*s == '"' || *s == '\\')
            sb_printf(sb, "\\%c", *s);
        else
            sb_putc(sb, *s);
    }
    sb_putc(sb, '"');
}

const char *graph_action_fill(Action a)
{
    switch (a.kind) {
    case ACT_ALLOW: return "#9be39b";
    case ACT_LOG: return "#d4f0a0";
    case ACT_NOTIFY:
    case ACT_TRACE: return "#fff2a8";
    case ACT_ERRNO: return "#ffc58a";
    case ACT_TRAP: return "#ffa8a8";
    default: return "#ff6b6b";
    }
}

static const char *act(const Dot *d, Action a) { return action_str(&d->ctx->policy, (Arena *)&d->ctx->arena, a); }

static const char *plural(size_t n) { return n == 1 ? "" : "s"; }

/* `names` after the title lines: all of them (verbose), or the first few
 * and how many more. */
static void name_lines(const Dot *d, StrBuf *l, const char *const *names, size_t n, size_t shown)
{
    size_t show = d->verbose || n <= shown + 1 ? n : shown;
    for (size_t i = 0; i < show; i++)
        sb_printf(l, "%s%s", i % NAMES_PER_LINE == 0 ? "\n" : ", ", names[i]);
    if (show < n)
        sb_printf(l, "\n+%zu more", n - show);
}

static void tooltip_list(StrBuf *t, const char *const *names, size_t n)
{
    for (size_t i = 0; i < n; i++)
        sb_printf(t, "%s%s", i ? ", " : "", names[i]);
}

/* One node: its attributes, then label and tooltip (either may be NULL). */
static unsigned node(Dot *d, const char *attrs, const char *label, const char *tooltip)
{
    unsigned id = d->next_id++;
    sb_printf(d->sb, "%sn%u [%s, label=", d->indent, id, attrs);
    graph_dot_string(d->sb, label);
    if (tooltip) {
        sb_puts(d->sb, ", tooltip=");
        graph_dot_string(d->sb, tooltip);
    }
    sb_puts(d->sb, "];\n");
    return id;
}

static void edge(Dot *d, unsigned from, unsigned to, const char *label)
{
    sb_printf(d->sb, "%sn%u -> n%u", d->indent, from, to);
    if (label && *label) {
        sb_puts(d->sb, " [label=");
        graph_dot_string(d->sb, label);
        sb_putc(d->sb, ']');
    }
    sb_puts(d->sb, ";\n");
}

static unsigned leaf_of(const Dot *d, Action a)
{
    for (size_t i = 0; i < d->ga->decisions.len; i++)
        if (action_eq(d->ga->decisions.items[i].action, a))
            return d->leaf[i];
    return 0; /* graph_build made a decision for every action a tree reaches */
}

static char *take(StrBuf *sb) { return sb_take(sb); }

static void dangerous_tooltip(StrBuf *t, const NameVec *v, const char *suffix)
{
    for (size_t i = 0; i < v->len; i++) {
        const DangerousSyscall *ds = review_dangerous_syscall(v->items[i]);
        sb_printf(t, "%s%s%s: %s", t->len ? "\n" : "", v->items[i], suffix, ds ? ds->reason : "");
    }
}

/* ---- decisions ---- */

static void render_decision(Dot *d, size_t index)
{
    const GraphDecision *dc = &d->ga->decisions.items[index];
    Arena *a = (Arena *)&d->ctx->arena;
    bool runs = review_action_allows(dc->action);
    size_t dangerous_by_default = 0;
    for (size_t i = 0; i < dc->by_default.len; i++)
        dangerous_by_default += review_dangerous_syscall(dc->by_default.items[i]) != NULL;
    const char *title;
    if (dc->is_default && dc->count)
        title = arena_printf(a, "%s, the default: %zu syscall%s by rule, %zu by no rule", act(d, dc->action), dc->count,
                             plural(dc->count), dc->by_default.len);
    else if (dc->is_default)
        title = arena_printf(a, "%s, the default: %zu syscall%s no rule names", act(d, dc->action),
                             dc->by_default.len, plural(dc->by_default.len));
    else if (dc->count)
        title = arena_printf(a, "%s: %zu syscall%s", act(d, dc->action), dc->count, plural(dc->count));
    else
        title = arena_printf(a, "%s: only under conditions", act(d, dc->action));
    sb_printf(d->sb, "    subgraph \"cluster_%s_%zu\" {\n      label=", d->arch, index);
    graph_dot_string(d->sb, title);
    sb_printf(d->sb, ";\n      style=rounded; color=\"%s\"; penwidth=2;\n", graph_action_fill(dc->action));
    d->indent = "      ";
    d->leaf[index] = node(d,
                          arena_printf(a, "shape=ellipse, style=filled, fillcolor=\"%s\"", graph_action_fill(dc->action)),
                          dc->is_default ? arena_printf(a, "%s\nthe default", act(d, dc->action)) : act(d, dc->action),
                          NULL);
    if (dc->dangerous.len) {
        StrBuf l, t;
        sb_init(&l);
        sb_init(&t);
        sb_printf(&l, "dangerous%s (%zu)", runs ? ", may run" : "", dc->dangerous.len);
        for (size_t i = 0; i < dc->dangerous.len; i++)
            sb_printf(&l, "\n%s", dc->dangerous.items[i]);
        dangerous_tooltip(&t, &dc->dangerous, "");
        char *ls = take(&l), *ts = take(&t);
        unsigned id = node(d,
                           runs ? "shape=box, style=\"filled,bold\", color=\"#c00000\", fillcolor=\"#ffd6d6\", "
                                  "fontcolor=\"#c00000\", penwidth=2"
                                : "shape=box, style=bold",
                           ls, ts);
        free(ls);
        free(ts);
        edge(d, id, d->leaf[index], NULL);
    }
    for (size_t g = 0; g < dc->groups.len; g++) {
        const GraphGroup *gr = &dc->groups.items[g];
        const char *name = gr->name ? gr->name : "in no group";
        StrBuf l, t;
        sb_init(&l);
        sb_init(&t);
        sb_printf(&l, "%s (%zu)", name, gr->names.len);
        name_lines(d, &l, gr->names.items, gr->names.len, NAMES_SHOWN);
        sb_printf(&t, "%s: ", name);
        tooltip_list(&t, gr->names.items, gr->names.len);
        char *ls = take(&l), *ts = take(&t);
        unsigned id = node(d, "shape=box", ls, ts);
        free(ls);
        free(ts);
        edge(d, id, d->leaf[index], NULL);
    }
    if (dc->is_default) {
        /* every dangerous one by name, then a few of the others */
        const char **others = arena_alloc(a, (dc->by_default.len + 1) * sizeof *others);
        size_t nothers = 0;
        StrBuf l, t;
        sb_init(&l);
        sb_init(&t);
        sb_printf(&l, "named by no rule (%zu)", dc->by_default.len);
        const char **dangerous = arena_alloc(a, (dangerous_by_default + 1) * sizeof *dangerous);
        size_t ndangerous = 0;
        for (size_t i = 0; i < dc->by_default.len; i++) {
            if (review_dangerous_syscall(dc->by_default.items[i]))
                dangerous[ndangerous++] = dc->by_default.items[i];
            else
                others[nothers++] = dc->by_default.items[i];
        }
        /* a few names of each kind (the tooltip has them all), but every
         * dangerous one when the default lets them run */
        if (ndangerous) {
            sb_printf(&l, "\ndangerous%s (%zu):", runs ? ", may run" : "", ndangerous);
            name_lines(d, &l, dangerous, ndangerous, runs ? ndangerous : NAMES_SHOWN);
            sb_printf(&l, "\nothers (%zu):", nothers);
        }
        name_lines(d, &l, others, nothers, NAMES_SHOWN);
        sb_puts(&t, "named by no rule: ");
        tooltip_list(&t, dc->by_default.items, dc->by_default.len);
        char *ls = take(&l), *ts = take(&t);
        unsigned id = node(d,
                           runs && ndangerous ? "shape=box, style=\"dashed,filled,bold\", color=\"#c00000\", "
                                                "fillcolor=\"#ffd6d6\", fontcolor=\"#c00000\", penwidth=2"
                                              : "shape=box, style=dashed",
                           ls, ts);
        free(ls);
        free(ts);
        edge(d, id, d->leaf[index], NULL);
    }
    sb_puts(d->sb, "    }\n");
    d->indent = "    ";
}

/* ---- trees ---- */

/* A condition broken into lines at spaces, none (much) longer than WRAP. */
static void wrapped(StrBuf *l, const char *s)
{
    size_t col = 0;
    while (*s) {
        const char *sp = strchr(s, ' ');
        size_t w = sp ? (size_t)(sp - s) : strlen(s);
        if (col && col + 1 + w > WRAP) {
            sb_putc(l, '\n');
            col = 0;
        } else if (col) {
            sb_putc(l, ' ');
            col++;
        }
        sb_printf(l, "%.*s", (int)w, s);
        col += w;
        s += w;
        while (*s == ' ')
            s++;
    }
}

/* The note on an edge straight to an action: which rule, or the default. */
static const char *case_note(const Dot *d, const GraphCase *c, const char *prefix)
{
    Arena *a = (Arena *)&d->ctx->arena;
    if (c->by_default)
        return arena_printf(a, "%s%sthe default", prefix, *prefix ? ": " : "");
    if (c->rules)
        return arena_printf(a, "%s%s%s", prefix, *prefix ? ": " : "", c->rules);
    return prefix;
}

/* Draws the tree; returns its first node and, when that is an action's
 * ellipse, the note for the edge into it (*note). */
static unsigned render_tree(Dot *d, const GraphTree *t, const char *prefix, const char **note)
{
    Arena *a = (Arena *)&d->ctx->arena;
    if (t->cap >= 0) {
        const char *cn = cap_name(&d->ctx->policy, t->cap);
        const char *held = t->held < 0 ? "" : t->held ? "\n(the policy's set has it)" : "\n(not in the policy's set)";
        unsigned id = node(d, "shape=diamond", arena_printf(a, "capability %s?%s", cn ? cn : "?", held), NULL);
        const char *n1, *n2;
        unsigned yes = render_tree(d, t->with, "yes", &n1);
        unsigned no = render_tree(d, t->without, "no", &n2);
        edge(d, id, yes, n1);
        edge(d, id, no, n2);
        *note = prefix;
        return id;
    }
    const GraphCase *first = &t->cases.items[0];
    if (!first->when) {
        *note = case_note(d, first, prefix);
        return leaf_of(d, first->action);
    }
    unsigned start = 0, prev = 0;
    for (size_t i = 0; i < t->cases.len; i++) {
        const GraphCase *c = &t->cases.items[i];
        if (!c->when) {
            edge(d, prev, leaf_of(d, c->action), case_note(d, c, "no"));
            break;
        }
        StrBuf l;
        sb_init(&l);
        wrapped(&l, c->when);
        sb_printf(&l, "?\n%s", c->rules ? c->rules : "");
        char *ls = take(&l);
        unsigned id = node(d, "shape=diamond", ls, NULL);
        free(ls);
        edge(d, id, leaf_of(d, c->action), "yes");
        if (i)
            edge(d, prev, id, "no");
        else
            start = id;
        prev = id;
    }
    *note = prefix;
    return start;
}

static void render_conds(Dot *d, bool by_caps, unsigned *boxes)
{
    const GraphArch *ga = d->ga;
    Arena *a = (Arena *)&d->ctx->arena;
    size_t n = 0;
    for (size_t i = 0; i < ga->conds.len; i++)
        if (ga->conds.items[i].by_caps == by_caps)
            n += ga->conds.items[i].names.len;
    if (!n)
        return;
    sb_printf(d->sb, "    subgraph \"cluster_%s_%s\" {\n      label=", d->arch, by_caps ? "caps" : "args");
    graph_dot_string(d->sb, arena_printf(a, "decided by %s: %zu syscall%s", by_caps ? "capabilities" : "arguments", n,
                                         plural(n)));
    sb_puts(d->sb, ";\n      style=dashed;\n");
    d->indent = "      ";
    for (size_t i = 0; i < ga->conds.len; i++) {
        const GraphCond *c = &ga->conds.items[i];
        if (c->by_caps != by_caps)
            continue;
        StrBuf l, t;
        sb_init(&l);
        sb_init(&t);
        const char **others = arena_alloc(a, (c->names.len + 1) * sizeof *others);
        size_t nothers = 0;
        for (size_t k = 0; k < c->names.len; k++)
            if (!review_dangerous_syscall(c->names.items[k]))
                others[nothers++] = c->names.items[k];
        if (c->names.len == 1) {
            sb_puts(&l, c->names.items[0]);
        } else {
            sb_printf(&l, "%zu syscalls", c->names.len);
            if (c->dangerous.len) {
                sb_puts(&l, "\ndangerous:");
                name_lines(d, &l, c->dangerous.items, c->dangerous.len, c->dangerous.len);
                if (nothers)
                    sb_puts(&l, "\nothers:");
            }
            name_lines(d, &l, others, nothers, NAMES_SHOWN);
        }
        if (c->dangerous.len)
            dangerous_tooltip(&t, &c->dangerous, "");
        if (nothers) {
            sb_puts(&t, t.len ? "\n" : "");
            tooltip_list(&t, others, nothers);
        }
        bool red = c->dangerous.len && c->may_run;
        char *ls = take(&l), *ts = take(&t);
        boxes[i] = node(d,
                        red ? "shape=box, style=\"rounded,filled,bold\", color=\"#c00000\", fillcolor=\"#ffd6d6\", "
                              "fontcolor=\"#c00000\", penwidth=2"
                            : "shape=box, style=rounded",
                        ls, ts);
        free(ls);
        free(ts);
    }
    sb_puts(d->sb, "    }\n");
    d->indent = "    ";
}

static void render_arch(Dot *d, const GraphArch *ga)
{
    Arena *a = (Arena *)&d->ctx->arena;
    d->ga = ga;
    d->arch = arch_info(ga->arch)->name;
    d->leaf = arena_alloc(a, (ga->decisions.len + 1) * sizeof *d->leaf);
    sb_printf(d->sb, "  subgraph \"cluster_%s\" {\n    label=\"arch %s\";\n", d->arch, d->arch);
    for (size_t i = 0; i < ga->decisions.len; i++)
        render_decision(d, i);
    unsigned *boxes = arena_alloc(a, (ga->conds.len + 1) * sizeof *boxes);
    render_conds(d, false, boxes);
    render_conds(d, true, boxes);
    for (size_t i = 0; i < ga->conds.len; i++) {
        const char *note;
        unsigned first = render_tree(d, ga->conds.items[i].tree, "", &note);
        edge(d, boxes[i], first, note);
    }
    if (ga->has_unknown) {
        unsigned id = node(d, "shape=box, style=dashed", "numbers polc's tables do not know", NULL);
        edge(d, id, leaf_of(d, ga->unknown), NULL);
    }
    sb_puts(d->sb, "  }\n");
}

void graph_render_dot(const polc_ctx *ctx, const GraphView *g, bool verbose, StrBuf *sb)
{
    Dot d = {.ctx = ctx, .sb = sb, .verbose = verbose, .indent = "    "};
    Arena *a = (Arena *)&ctx->arena;
    sb_puts(sb, "digraph ");
    graph_dot_string(sb, arena_printf(a, "polc %s", g->policy));
    sb_puts(sb, " {\n  graph [rankdir=LR, fontname=\"Helvetica\", labelloc=t, label=");
    graph_dot_string(sb, arena_printf(a, "policy %s: what each syscall gets, by decision and group", g->policy));
    sb_puts(sb, "];\n  node [fontname=\"Helvetica\", fontsize=10];\n  edge [fontname=\"Helvetica\", fontsize=9];\n");
    for (size_t i = 0; i < g->arches.len; i++)
        render_arch(&d, &g->arches.items[i]);
    sb_puts(sb, "}\n");
}

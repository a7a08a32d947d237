/* polc graph's review view (docs/diff.md, "polc graph"): per arch, what each
 * decision gets, by stdlib group; the decisions that depend on arguments or
 * capabilities as trees in the author's words. graph_model.c builds it from
 * the Policy and its IR; graph_dot.c and graph_json.c render it. The range
 * view (graph_ranges.c) renders the IR directly. */
#ifndef POLC_REVIEW_GRAPH_H
#define POLC_REVIEW_GRAPH_H
#include <stdbool.h>

#include "compile.h"
#include "middle/ir.h"

typedef VEC(const char *) NameVec;

/* One step of a chain of argument checks, tried in order (the most
 * restrictive action first, as polc decides). when NULL: every call that
 * reaches it (the rest); rules NULL with by_default: the default decides. */
typedef struct GraphCase {
    const char *when;  /* the rules' conditions as written, " or "-joined */
    const char *rules; /* "nginx.pol:27, nginx.pol:30" */
    Action action;
    bool by_default;
} GraphCase;

typedef struct GraphTree GraphTree;
struct GraphTree {
    int cap;          /* >= 0: a capability test (number); -1: a chain of cases */
    int held;         /* the policy's capability set: 1 has it, 0 not, -1 not declared */
    GraphTree *with, *without;
    VEC(GraphCase) cases; /* cap < 0: the chain; the last has when == NULL */
};

/* Syscalls of one decision that one group holds. */
typedef struct GraphGroup {
    const char *name; /* "@file-system" (as the policy named it, or the most
                         specific stdlib group), NULL: in no group */
    NameVec names;    /* sorted */
} GraphGroup;

/* Every syscall one action decides without a condition. */
typedef struct GraphDecision {
    Action action;
    bool is_default;     /* the policy's default action */
    size_t count;        /* syscalls rules decide */
    VEC(GraphGroup) groups; /* by group name, "in no group" last */
    NameVec dangerous;   /* the lint table's dangerous calls among them, sorted */
    NameVec by_default;  /* is_default: the table's syscalls no rule names, sorted */
} GraphDecision;

/* Syscalls whose decision depends on arguments or capabilities, one tree. */
typedef struct GraphCond {
    bool by_caps;      /* a capability test (else only arguments) */
    const char *key;   /* the tree as text: equal keys share one GraphCond */
    NameVec names;     /* sorted */
    NameVec dangerous; /* sorted */
    GraphTree *tree;
    bool may_run;      /* some leaf allows or logs */
} GraphCond;

typedef struct GraphArch {
    ArchId arch;
    VEC(GraphDecision) decisions; /* the most permissive action first */
    VEC(GraphCond) conds;         /* by capabilities last, then by first name */
    bool has_unknown;             /* `default ... for unknown` */
    Action unknown;
} GraphArch;

typedef struct GraphView {
    const char *policy;
    Action dflt;
    VEC(GraphArch) arches;
} GraphView;

/* graph_model.c: arch NULL = every target arch; false (E1002) when arch is
 * not a target. Everything lives in ctx's arena. */
bool graph_build(polc_ctx *ctx, const char *arch, GraphView *out);
/* graph_dot.c: verbose lists every name in the labels (else a few, and all in the tooltip). */
void graph_render_dot(const polc_ctx *ctx, const GraphView *g, bool verbose, StrBuf *sb);
/* a dot string: quotes and backslashes escaped, "\n" kept as a line break */
void graph_dot_string(StrBuf *sb, const char *s);
/* the fill colour of an action's node: allow green ... kill red */
const char *graph_action_fill(Action a);
/* graph_json.c: the schema polc-graph/1 (docs/diff.md). */
void graph_render_json(const polc_ctx *ctx, const GraphView *g, StrBuf *sb);
/* graph_ranges.c: the range view: arch -> syscall-number ranges -> checks -> action. */
bool graph_ranges_dot(polc_ctx *ctx, const char *arch, StrBuf *sb);
/* the E1002 check both views share; false when arch names no target arch */
bool graph_pick_arch(polc_ctx *ctx, const char *arch, ArchId *only);

#endif

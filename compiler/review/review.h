/* polc diff and polc graph: tools for reviewers, over the lowered IR.
 *
 *   region.c      which argument values a condition covers, and its text
 *   diff.c        syscall decisions: per arch, syscall, capability scenario
 *                 and argument region, what OLD and NEW decide differently
 *   scenarios.c   a set of capability scenarios as short text
 *   diff_rules.c  the rules behind a change, as file:line or profile entry
 *   diff_groups.c where a change is shown: dangerous calls, stdlib groups
 *   diff_model.c  capabilities, filesystem, network, process
 *   diff_resources.c the resources section's limits
 *   diff_render.c the diff as text or JSON (docs/diff.md)
 *   graph*.c      polc graph (graph.h)
 * Internal to libpolc; the API is polc_diff and polc_graph in polc.h. */
#ifndef POLC_REVIEW_H
#define POLC_REVIEW_H
#include <stdbool.h>

#include "compile.h"
#include "middle/ir.h"

/* How a change moves permissions (docs/diff.md, "More permissive"). */
typedef enum DiffClass { DIFF_WIDENED, DIFF_NARROWED, DIFF_OTHER } DiffClass;

/* 0: the call never runs (kill-process, kill, trap, errno); 1: a supervisor
 * or tracer decides (notify, trace); 2: the call runs (log, allow). */
int diff_action_tier(Action a);
DiffClass diff_classify(Action from, Action to);
const char *diff_class_name(DiffClass c);

/* What decided one side of a change (docs/diff.md, "Which rules"). */
typedef struct DiffRuleRef {
    const char *kind; /* "rule", "default", "profile-entry", "profile-default" */
    const char *at;   /* "new.pol:7", "moby.json: syscalls[12]", "the default (old.pol:3)" */
    const char *text; /* the rule's source line, trimmed; NULL for the others */
} DiffRuleRef;

typedef struct DiffRules {
    const DiffRuleRef *items;
    size_t len;
} DiffRules;

typedef struct SyscallChange {
    ArchId arch;
    const char *name;
    uint32_t nr;
    Action from, to;
    const char *when;   /* capability scenario, e.g. "with SYS_ADMIN"; NULL: any */
    const char *region; /* the argument region, e.g. "domain == AF_INET6"; NULL: every call */
    DiffClass cls;
    /* the same exactly, for tests: the region (feasible terms only) in each
     * scenario over caps[] (bit i = caps[i] present) where scenarios[] is 1 */
    Dnf cond;
    const int *caps;
    int ncaps;
    const uint8_t *scenarios;
    DiffRules old_by, new_by; /* the rules that decide the region on each side */
    const char *danger;       /* why the call is dangerous (lint's table), NULL: not */
    const char *group;        /* the stdlib group it is shown under, "other": none */
} SyscallChange;

typedef struct ArchChange {
    ArchId arch;
    bool added; /* else removed: its calls are killed now */
    DiffClass cls;
} ArchChange;

/* A change outside the syscall decisions: a capability, a filesystem or
 * network rule, a process setting. from/to NULL: absent on that side. */
typedef struct ItemChange {
    const char *section; /* "capabilities", "filesystem", "network", "process" */
    const char *item;    /* "NET_ADMIN", "write /tmp/x", "inet6 stream", "user" */
    const char *from, *to;
    DiffClass cls;
    const char *at; /* the statement behind it (file:line), filesystem only; NULL: none */
} ItemChange;

typedef struct PolicyDiff {
    const polc_ctx *old_ctx, *new_ctx;
    const char *old_label, *new_label;
    bool default_changed;
    Action default_from, default_to;
    DiffRules default_old_by, default_new_by; /* the `default` statements */
    bool unknown_changed; /* numbers polc's tables do not know */
    Action unknown_from, unknown_to;
    VEC(ArchChange) arches;
    VEC(SyscallChange) syscalls; /* by arch, then class, name, region, scenario */
    VEC(ItemChange) items;       /* by section, then as each section orders them */
    size_t counts[3];            /* per DiffClass, over everything above */
    /* set when a side is a deployed artifact (polc_ctx.artifact): the text
     * says what was left out and under which capabilities */
    const char *not_compared;    /* "capabilities, filesystem, network, process", or NULL */
    const char *artifact_note;   /* e.g. "NEW is a BPF program" */
    bool fixed_caps;             /* a BPF program: one capability set */
    bool exact;                  /* polc verify: every change is a SARIF result */
    bool verbose;                /* text: every change of a group, not the first DIFF_GROUP_SHOWN */
    uint64_t caps;               /* that set (the policy side's effective set) */
} PolicyDiff;

/* diff.c: the whole comparison; false (with a diagnostic on new_ctx) when a
 * region grows past what conditions can hold. */
bool diff_policies(polc_ctx *old_ctx, polc_ctx *new_ctx, PolicyDiff *out);
/* scenarios.c: the scenarios (bit i = caps[i] present) where in[] is 1, as
 * "with A, without B" alternatives (malloc'd); NULL when in[] is all ones. */
char *diff_scenario_text(const polc_ctx *ctx, const int *caps, int ncaps, const uint8_t *in);
/* diff_rules.c: rule ids (or IR_RULE_DEFAULT) of ctx deciding the calls of
 * sys in region (false: every call) on arch with action act, as the
 * reviewer reads them. */
struct RegionOf;
DiffRules diff_rule_refs(const polc_ctx *ctx, ArchId arch, const char *sys, Action act, const int *ids, size_t n,
                         const struct RegionOf *rof, Dnf region);
/* diff_groups.c: where a change is shown: danger (c->danger) and group */
void diff_group_changes(PolicyDiff *d);
/* the fixed order of the groups (docs/diff.md), NULL-terminated, "other" last */
extern const char *const diff_group_order[];
#define DIFF_GROUP_SHOWN 8
/* diff_model.c */
void diff_model(polc_ctx *old_ctx, polc_ctx *new_ctx, PolicyDiff *out);
/* diff_resources.c */
void diff_resources(const Policy *o, const Policy *n, PolicyDiff *d, Arena *a);
void diff_add_item(PolicyDiff *d, Arena *a, const char *section, const char *item, const char *from,
                   const char *to, DiffClass cls);
/* diff_render.c */
void diff_render_text(const PolicyDiff *d, bool color, StrBuf *sb);
void diff_render_json(const PolicyDiff *d, StrBuf *sb);
struct SarifLog;
/* each widened change as a result W1010 about d->new_label (docs/sarif.md) */
void diff_render_sarif(const PolicyDiff *d, struct SarifLog *log);

#endif

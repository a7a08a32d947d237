/* The state of one compilation (polc_ctx) and the resolved policy model that
 * the stages pass along: parse -> resolve -> check -> lower -> optimize. */
#ifndef POLC_COMPILE_H
#define POLC_COMPILE_H
#include <stdbool.h>
#include <stdint.h>

#include "polc/polc.h"

#include "util/arena.h"
#include "front/ast.h"
#include "util/diag.h"
#include "util/source.h"
#include "util/strmap.h"
#include "facts/syscall_table.h"

typedef struct Action {
    ActKind kind;
    uint32_t data; /* errno, trap or trace value */
} Action;

/* Total order used to pick the winner: restrictiveness, then the smaller value. */
int action_cmp(Action a, Action b);
bool action_eq(Action a, Action b);
/* "errno(EPERM)" style, using the errno names the policy loaded when known. */
const char *action_str(const struct polc_ctx *ctx, Arena *a, Action act);

typedef struct RuleTarget {
    const char *name;
    Span span;
    bool via_group; /* came from a stdlib @group: unknown names are skipped quietly */
    bool from_set;  /* came from any @set: `allow @set` + `deny x` is the way to subtract */
} RuleTarget;

typedef struct Rule {
    int id;
    Span span;
    Span action_span;
    Action action;
    uint64_t cap_req;    /* capabilities that must be present (when capability) */
    uint64_t cap_forbid; /* capabilities that must be absent (when not capability) */
    uint32_t arch_mask;  /* arches the rule applies to (when arch) */
    VEC(RuleTarget) targets;
    Expr *cond;          /* NULL: unconditional */
    uint32_t file;
    bool from_stdlib;
    bool contributes;    /* set by lowering: decides some input */
    bool is_used_somewhere; /* some target resolved on some arch */
    bool is_default_refinement; /* synthetic: `default ... for newer-than` */
    const char *loc;     /* "file.pol:LINE" for comments in outputs */
} Rule;

typedef struct ConstDef {
    const char *name;
    Span span;
    Expr *expr;
    uint64_t value;
    int state; /* 0 new, 1 evaluating, 2 done, 3 failed */
    bool is_errno;
} ConstDef;

typedef struct CapDef {
    const char *name;
    int num;
    Span span;
} CapDef;

typedef struct SetDef {
    const char *name;
    Span span;
    TargetList targets;
    uint32_t file;
    bool from_stdlib;
    bool used;
    int state; /* 0 new, 1 expanding, 2 done */
    bool cycle_reported;
    VEC(RuleTarget) expanded;
} SetDef;

typedef struct CapRef {
    int num;
    const char *name;
    Span span;
} CapRef;

typedef struct FsRule {
    FsAccess access;
    const char *path;
    Span span;
} FsRule;

typedef struct NetRule {
    bool deny;
    const char *family; /* NULL: any */
    const char *type;   /* NULL: any */
    Span span;
} NetRule;

typedef struct Ir Ir;

struct polc_ctx {
    Arena arena;
    SourceMap sm;
    DiagEngine diag;
    VEC(const char *) include_dirs;
    VEC(const char *) env_dirs;
    VEC(const char *) stdlib_dirs;
    bool no_prelude;
    const char *arch_override;
    const char *basename;

    /* parse */
    uint32_t root_file;
    StmtList stmts; /* the prelude, then the root file; ST_INCLUDE bodies hold included files */
    VEC(const char *) include_stack; /* real paths of files being expanded */
    VEC(const char *) include_names; /* and their shown names */
    bool install_error;              /* the stdlib is missing: a usage error, not the policy's */
    int def_depth;                   /* constants/sets being evaluated (POLC_MAX_DEFINITION_DEPTH) */
    size_t expanded_names;           /* POLC_MAX_EXPANDED_NAMES */
    bool limit_reported;             /* the rule or name limit was reported */
    bool depth_reported;             /* POLC_MAX_DEFINITION_DEPTH was reported */
    StrMap included;                 /* real path -> file id (include once) */

    /* resolve */
    SyscallDb db;
    StrMap consts, caps, sets;
    const char *policy_name, *policy_desc;
    bool have_default;
    Action default_action;
    Span default_span;
    /* `default ACTION for newer-than X.Y`: a synthetic rule on every syscall
     * added after X.Y that no rule names; `default ACTION for unknown`: numbers
     * missing from polc's tables */
    Rule *newer_rule;
    uint32_t newer_than;
    bool have_unknown;
    Action unknown_action;
    Span unknown_span;
    uint32_t arch_mask;
    VEC(Rule *) rules;
    /* non-seccomp intents, kept for the AppArmor and Kubernetes back ends */
    bool caps_declared, caps_drop_all, caps_add_all;
    VEC(CapRef) cap_drops;
    VEC(CapRef) cap_adds;
    uint64_t effective_caps;
    bool read_only_root;
    VEC(FsRule) fs_rules;
    VEC(NetRule) net_rules;
    bool has_user, has_gid, no_new_privs;
    uint32_t uid, gid;
    Span user_span;
    bool aa_complain;        /* `mode complain`: the AppArmor profile only logs */
    Span aa_mode_span;
    const char *aa_features; /* --apparmor-features FILE|DIR; NULL: stdlib's abi 3.0 set */

    StrMap frequency;       /* --frequency: syscall name -> count, weights the BPF dispatch */
    bool have_frequency;
    bool strict_int_args;   /* --strict-int-args: junk in a 32-bit argument's high half is refused */
    /* tests only (tests/validate): corrupts an output after its back end and
     * before translation validation, which must then refuse it */
    void (*tamper)(struct polc_ctx *ctx, unsigned target, StrBuf *out);
    bool skip_libseccomp_validation;
    bool internal_error;    /* an E0499 was reported: exit status 2, not 1 */ /* --no-verify-libseccomp (unsafe): the Docker profile is checked
                                        without building it with libseccomp */
    uint64_t caps_override; /* --caps: the set BPF resolves capability rules with */
    bool caps_override_set;
    const char *caps_override_text; /* resolved against the policy's capability names */

    Ir *ir;
    bool compiled;

    /* Kubernetes back end (polc_set_k8s_option) */
    int k8s_form;                /* 0 snippet, 1 pod, 2 spo */
    const char *k8s_profile_dir; /* directory of localhostProfile; NULL or "": none */
    const char *k8s_image;       /* NULL: a placeholder */
    const char *k8s_namespace;   /* NULL: "default" */
    int docker_state;            /* Docker back end: 0 not run, 1 wrote a profile, 2 refused */
};

/* The network section's families and types (NULL terminated). */
extern const char *const net_families[];
extern const char *const net_types[];

/* The capability set Docker grants a container by default. */
extern const char *const docker_default_caps[];

/* The whole front and middle end on `text`, as if it were the file `path`
 * (includes relative to it); text must live in ctx's arena. */
polc_status compile_pipeline(polc_ctx *ctx, const char *path, const char *display, const char *text, size_t len);

/* Stage entry points; each returns false when it reported errors. */
bool load_policy(polc_ctx *ctx, const char *path, const char *display_name, const char *text,
                 size_t len);
bool resolve_policy(polc_ctx *ctx);
bool check_policy(polc_ctx *ctx);
bool lower_policy(polc_ctx *ctx);
void optimize_ir(polc_ctx *ctx);

const char *stdlib_locate(void *ctx, const char *relpath);
/* names.c (as are action_cmp, action_eq, action_str and ast.h's act_kind_name) */
const char *cap_name(const polc_ctx *ctx, int num);
const char *errno_name(const polc_ctx *ctx, uint32_t value);
/* "did you mean" over candidates; NULL when nothing is close. */
const char *closest_name(const char *name, const char *const *cands, size_t n);

#endif

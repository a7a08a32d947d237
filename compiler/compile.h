/* One compilation (polc_ctx): the user's options, the front end's scratch
 * state, and the Policy it produces (middle/policy.h). The stages run
 * parse -> resolve -> check -> lower -> optimize (driver.c); back ends and
 * validation read only the Policy and their options. */
#ifndef POLC_COMPILE_H
#define POLC_COMPILE_H
#include <stdbool.h>
#include <stdint.h>

#include "polc/polc.h"

#include "backend/backend.h"
#include "front/ast.h"
#include "middle/policy.h"
#include "util/arena.h"
#include "util/diag.h"
#include "util/source.h"
#include "util/strmap.h"

/* Definitions as resolve finds them (front end only). */
typedef enum DefState { DEF_NEW, DEF_BUSY, DEF_DONE, DEF_FAILED } DefState;

typedef struct ConstDef {
    const char *name;
    Span span;
    Expr *expr;
    uint64_t value;    /* once DEF_DONE */
    DefState state;    /* DEF_BUSY: being evaluated (a cycle when met again) */
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
    DefState state;    /* DEF_BUSY: being expanded */
    bool cycle_reported;
    VEC(RuleTarget) expanded;
} SetDef;

/* What the user asked for, before anything is read. */
typedef struct PolcOptions {
    VEC(const char *) include_dirs;
    VEC(const char *) env_dirs;
    VEC(const char *) stdlib_dirs;
    bool no_prelude;
    const char *arch_override;
    BackendOptions backend;
} PolcOptions;

/* The front end's working state: the syntax tree and the definitions. */
typedef struct FrontState {
    uint32_t root_file;
    StmtList stmts; /* the prelude, then the root file; ST_INCLUDE bodies hold included files */
    VEC(const char *) include_stack; /* real paths of files being expanded */
    VEC(const char *) include_names; /* and their shown names */
    bool install_error;              /* the stdlib is missing: a usage error, not the policy's */
    size_t syntax_errors;            /* recovered syntax errors of all files */
    bool syntax_unsafe;              /* a parse gave up or dropped a statement that may define a name */
    bool recovered_tree;             /* read_sources failed on recovered syntax errors alone: the
                                        statements kept can be resolved and checked (driver.c) */
    int def_depth;                   /* constants/sets being evaluated (POLC_MAX_DEFINITION_DEPTH) */
    size_t expanded_names;           /* POLC_MAX_EXPANDED_NAMES */
    bool limit_reported;             /* the rule or name limit was reported */
    bool depth_reported;             /* POLC_MAX_DEFINITION_DEPTH was reported */
    StrMap included;                 /* real path -> file id (include once) */
    StrMap consts, caps, sets;       /* name -> ConstDef / CapDef / SetDef */
} FrontState;

/* One syscalls[] entry of an imported profile (see polc_ctx.profile_entries). */
typedef struct ProfileEntry {
    size_t index;              /* in the profile's syscalls[] */
    const char *const *names;  /* the syscall names it lists */
    size_t nnames;
    Action action;
    uint32_t arch_mask;        /* the target arches it applies to */
    const struct ImpCond *conds; /* its args conditions (import/import.h) */
    size_t nconds;
    bool conds_or;             /* runc: each condition is its own rule */
} ProfileEntry;

struct polc_ctx {
    Arena arena;
    SourceMap sm;
    DiagEngine diag;
    PolcOptions opt;
    FrontState front;
    Policy policy;
    bool compiled;
    /* polc_compile_any read a deployed artifact, not a policy: "seccomp profile"
     * or "BPF program". It states only the syscalls section, so diff and
     * verify leave the other sections out (docs/diff.md). NULL: a policy. */
    const char *artifact;
    /* A seccomp profile read by polc_compile_any: its file name and its
     * syscalls[] entries as import kept them, so that diff names the entry
     * behind a decision (`moby.json: syscalls[12]`) rather than a line of
     * the generated policy. */
    const char *profile_name;
    VEC(ProfileEntry) profile_entries;
    /* The Docker profile, built and validated once: the Docker target writes
     * it and the Kubernetes target refers to it or embeds it (driver.c). */
    struct {
        enum { DOCKER_NOT_BUILT, DOCKER_UNCHECKED, DOCKER_BUILT, DOCKER_REFUSED } state;
        DockerProfile profile; /* once built (DOCKER_UNCHECKED: not validated yet, which only --check allows) */
        const char *json;      /* its rendered, validated text */
    } docker;
    /* Does the AppArmor back end write this policy (the runtime outputs
     * refer to its profile)? 0: not asked yet, 1: yes, 2: it refuses. */
    int apparmor_state;
    /* tests only (tests/validate): corrupts an output after its back end and
     * before translation validation, which must then refuse it */
    void (*tamper)(struct polc_ctx *ctx, unsigned target, StrBuf *out);
};

/* A new compilation that finds files as `like` does: its -I directories,
 * POLC_PATH and stdlib directories (NULL when out of memory). */
polc_ctx *compile_new_like(const polc_ctx *like);

/* A back end run on this compilation's Policy and options. */
static inline BackendRun compile_backend_run(polc_ctx *ctx)
{
    return (BackendRun){&ctx->policy, &ctx->opt.backend, &ctx->diag, &ctx->arena};
}

/* polc_emit, reporting the back ends' diagnostics into `diag` (polc explain
 * lists them from an engine of its own without failing). */
polc_status compile_emit(polc_ctx *ctx, polc_target target, DiagEngine *diag, char **out, size_t *len);
/* The Kubernetes back end's manifest for this compilation, built but not
 * rendered, its diagnostics (and the Docker profile's, when built now)
 * reported into `diag`. false when it refuses the policy. */
bool compile_k8s_manifest(polc_ctx *ctx, DiagEngine *diag, K8sManifest *out);

/* The whole front and middle end on `text`, as if it were the file `path`
 * (includes relative to it); text must live in ctx's arena. */
polc_status compile_pipeline(polc_ctx *ctx, const char *path, const char *display, const char *text, size_t len);

/* Stage entry points; each returns false when it reported errors. */
bool read_sources(polc_ctx *ctx, const char *path, const char *display_name, const char *text, size_t len);
bool resolve_policy(polc_ctx *ctx);
bool check_policy(polc_ctx *ctx);
bool lower_policy(polc_ctx *ctx);
/* The network section's families and types as rules on socket() and
 * socketpair() (middle/lower_network.c), added after resolve. */
bool lower_network(polc_ctx *ctx);
void optimize_ir(polc_ctx *ctx);

const char *stdlib_locate(void *ctx, const char *relpath);

#endif

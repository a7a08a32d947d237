/* The Policy: what a policy file means once resolved and lowered. The seccomp
 * rules and their IR, the capability, filesystem, network and process intents,
 * the AppArmor mode, and the spans diagnostics point at. resolve and lower
 * build it; back ends, review tools, import and learn read it. It holds no
 * syntax tree: a rule's condition is an opaque pointer only lower reads. */
#ifndef POLC_POLICY_H
#define POLC_POLICY_H
#include <stdbool.h>
#include <stdint.h>

#include "facts/kinds.h"
#include "facts/syscall_table.h"
#include "util/arena.h"
#include "util/closest.h"
#include "util/source.h"
#include "util/strmap.h"

typedef struct Action {
    ActKind kind;
    uint32_t data; /* errno, trap or trace value */
} Action;

/* Total order used to pick the winner: restrictiveness, then the smaller value. */
int action_cmp(Action a, Action b);
bool action_eq(Action a, Action b);

typedef struct RuleTarget {
    const char *name;
    Span span;
    bool via_group; /* came from a stdlib @group: unknown names are skipped quietly */
    bool from_set;  /* came from any @set: `allow @set` + `deny x` is the way to subtract */
} RuleTarget;

struct Expr; /* the condition as written (front/ast.h); lower turns it into the IR's Dnf */

typedef struct Rule {
    int id;
    Span span;
    Span action_span;
    Action action;
    uint64_t cap_req;    /* capabilities that must be present (when capability) */
    uint64_t cap_forbid; /* capabilities that must be absent (when not capability) */
    uint32_t arch_mask;  /* arches the rule applies to (when arch) */
    VEC(RuleTarget) targets;
    struct Expr *cond;   /* NULL: unconditional */
    Span cond_span;      /* the condition's span (cond != NULL) */
    uint32_t file;
    bool from_stdlib;
    bool contributes;    /* set by lowering: decides some input */
    bool is_used_somewhere; /* some target resolved on some arch */
    bool is_default_refinement; /* synthetic: `default ... for newer-than` */
    bool from_network;   /* synthetic: a network entry's socket()/socketpair() rule (lower_network.c) */
    const char *loc;     /* "file.pol:LINE" for comments in outputs */
} Rule;

/* An evaluated constant of the policy or the stdlib (errno names, flags). */
typedef struct NamedConst {
    const char *name;
    uint64_t value;
    Span span;       /* its definition: which stdlib file, in what order */
    bool is_errno;
} NamedConst;

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

/* `allow tcp bind|connect PORTS`: one port or an inclusive range. Any entry
 * of a kind confines that kind of TCP socket operation to the listed ports. */
typedef struct NetPort {
    bool connect; /* false: bind */
    uint16_t lo, hi;
    Span span;    /* the whole entry (`tcp bind 8080, 8443`) */
} NetPort;

/* A limit of `resources { ... }` (docs/language.md, "Resources"); `set`
 * false: the policy says nothing and every output leaves the runtime's own. */
typedef struct ResourceLimit {
    bool set;
    uint64_t value;
    Span span; /* the whole entry, e.g. `memory 512MiB` */
} ResourceLimit;

/* An rlimit entry (`nofile 1024:4096`): soft and hard; `nofile N` sets both. */
typedef struct RlimitPair {
    bool set;
    uint64_t soft, hard;
    Span span;
} RlimitPair;

typedef struct Ir Ir;

#define POLICY_MAX_CAPS 64

typedef struct Policy {
    Arena *arena;          /* the compilation's: back ends build their results here */
    const SourceMap *sm;   /* the files spans point into */
    SyscallDb db;          /* the target arches' syscall tables */
    const char *name, *desc;
    Span name_span;        /* the effective `policy` statement; invalid when none */
    uint32_t root_file;    /* the policy file's id in sm */

    /* seccomp */
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
    Span arch_span;        /* the effective `arch` statement; invalid when none (or --arch) */
    VEC(Rule *) rules;
    Ir *ir;                /* lower's result, optimized */
    /* --strict-int-args: an input whose 32-bit argument has junk in its high
     * half is refused, not read as its low half */
    bool strict_int_args;

    /* names: constants (name -> const NamedConst *) and capabilities */
    StrMap constants;
    const char *cap_names[POLICY_MAX_CAPS]; /* NULL: not declared */

    struct {
        bool declared, drop_all, add_all;
        Span add_all_span;
        VEC(CapRef) drops;
        VEC(CapRef) adds;
        uint64_t effective;  /* the set the container holds */
    } caps;
    struct {
        bool read_only_root;
        Span read_only_root_span; /* the statement (polc run --complain points at it) */
        /* only the listed paths (and the documented baseline) are readable;
         * false: everything stays readable, `read P` means read-only */
        bool confine_reads;
        Span confine_reads_span;
        /* `landlock-abi N`: the least Landlock ABI polc run needs (0: none stated) */
        int landlock_abi;
        Span landlock_abi_span;
        VEC(FsRule) rules;
    } fs;
    struct {
        VEC(NetRule) rules;
        VEC(NetPort) tcp; /* enforced by polc run (Landlock); the other outputs refuse them */
        /* `scope abstract-unix`: abstract unix sockets only of the sandbox
         * itself (polc run: Landlock ABI 6; the other outputs refuse it) */
        bool scope_abstract_unix;
        Span scope_abstract_unix_span;
    } net;
    struct {
        bool has_user, has_gid, no_new_privs;
        /* `user NAME` / `group NAME`: the account's name, resolved by the
         * runtime in the image's /etc/passwd and /etc/group (polc run: the
         * host's). While a name is set its id is unknown: uid/gid hold
         * nothing, and an output that needs the number refuses unless
         * --image-root resolved it (ids_known). `root` is always 0. */
        const char *user_name, *group_name;
        bool uid_known, gid_known;
        uint32_t uid, gid;
        Span user_span;
        /* `scope signal`: signals only to processes of the sandbox itself
         * (polc run: Landlock ABI 6; the other outputs refuse it) */
        bool scope_signal;
        Span scope_signal_span;
    } process;
    /* `resources { ... }`: limits of the whole process tree. pids, memory
     * and cpus are cgroup limits (polc run: a cgroup it creates), nofile and
     * nproc are rlimits of the command. */
    struct {
        bool declared;
        Span span;               /* the section */
        ResourceLimit pids;      /* tasks (processes and threads) */
        ResourceLimit memory;    /* bytes of memory */
        ResourceLimit memory_swap; /* bytes of memory plus swap, as Docker's --memory-swap */
        ResourceLimit cpus;      /* thousandths of a CPU: `cpus 1.5` is 1500 */
        RlimitPair nofile, nproc;
    } resources;
    struct {
        bool complain;       /* `mode complain`: the AppArmor profile only logs */
        Span span;
    } mode;
} Policy;

/* Names of the model's values (middle/names.c). */
/* "errno(EPERM)" style, with the errno names the policy loaded when known. */
const char *action_str(const Policy *p, Arena *a, Action act);
const char *cap_name(const Policy *p, int num);
/* The number of a declared capability; -1 when none has that name. */
int cap_num(const Policy *p, const char *name);
const char *errno_name(const Policy *p, uint32_t value);

/* The network section's families and types (NULL terminated). */
extern const char *const net_families[];
extern const char *const net_types[];
/* The capability set Docker grants a container by default. */
extern const char *const docker_default_caps[];

#endif

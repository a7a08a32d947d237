/* polc run: enforce a compiled Policy on one process tree, then exec CMD.
 * The launcher reads the Policy (never the syntax tree) and the BPF program
 * the driver produced for it (the bytes of out/NAME.bpf). Everything that can
 * be decided before forking (the Landlock mapping and its refusals, the
 * Landlock ABI, the host arch, what is not yet enforced) is decided in the
 * parent, with diagnostics pointing at the policy; the child only makes the
 * kernel calls, in the order of docs/run.md, and reports a failing one back
 * through a pipe before exiting without running CMD. */
#ifndef POLC_RUN_H
#define POLC_RUN_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "middle/policy.h"
#include "util/diag.h"

struct BackendOptions;
struct ComplainOptions;
struct SuperviseHooks;

typedef struct RunOptions {
    int landlock_abi;        /* --landlock-abi N: the least ABI the run needs (0: none stated) */
    const char *write_bpf;   /* --write-bpf FILE: the bytes about to be loaded (test hook) */
    /* --accept-widening FILE:LINE: the globs of that policy line become the
     * hierarchy around them, with a W0011 naming what becomes allowed */
    const char *const *accept_widening;
    size_t naccept_widening;
    bool color;              /* warnings printed before CMD starts */
    /* --complain (or `mode complain`): report, deny nothing (complain.h);
     * NULL: enforce */
    struct ComplainOptions *complain;
    const struct BackendOptions *backend; /* the compilation's (the complain filter is built with them) */
    /* polc learn --run: every syscall notifies and goes to these hooks
     * (complain.h); nothing is judged or reported */
    const struct SuperviseHooks *record;
    /* set by run_launch: a launcher can put CMD in a cgroup of its own;
     * polc_apply_self cannot, and refuses a resources section (E1110) */
    bool launcher;
} RunOptions;

/* One Landlock rule: a path opened O_PATH in the parent, and its rights.
 * fd -1: opened by the child (paths under /proc/self name CMD's process). */
typedef struct LlRule {
    int fd;
    uint64_t access;
    const char *path;
} LlRule;

/* One Landlock TCP port rule (landlock_net.c). */
typedef struct LlPort {
    uint16_t port;
    uint64_t access;         /* LANDLOCK_ACCESS_NET_BIND_TCP / _CONNECT_TCP */
} LlPort;

/* Landlock (landlock.c). */
/* Landlock's scopes (ABI 6, Linux 6.12; newer than Debian 12's headers) */
#define LL_SCOPE_ABSTRACT_UNIX_SOCKET (1ULL << 0)
#define LL_SCOPE_SIGNAL (1ULL << 1)

typedef struct LlPlan {
    bool used;               /* a ruleset is built */
    uint64_t handled;        /* handled_access_fs */
    int abi_needed, abi_host;
    LlRule *rules;
    size_t nrules;
    uint64_t handled_net;    /* handled_access_net */
    uint64_t scoped;         /* scoped (ABI 6): LL_SCOPE_* */
    LlPort *ports;
    size_t nports;
} LlPlan;

/* The host's Landlock ABI: 0 when Landlock is missing or disabled. */
int landlock_host_abi(void);
/* The ruleset the policy's filesystem section becomes, or false with a
 * diagnostic (E1101 a rule Landlock cannot express, E1102 the ABI, E1103 a
 * path that does not exist). */
bool landlock_plan(const Policy *p, const RunOptions *opt, DiagEngine *diag, LlPlan *out);
/* In the child: build and enforce the ruleset. 0, or an errno value. */
int landlock_apply(const LlPlan *plan);
/* The network section's TCP ports (landlock_net.c): the plan's network part,
 * returning the ABI it needs (0: none); the ruleset with the plan's handled
 * rights (fd, or -1 with errno); its port rules (0, or an errno value). */
int landlock_net_plan(const Policy *p, LlPlan *out);
/* The scopes: the plan's scoped rights, returning the ABI they need (0: none). */
int landlock_scope_plan(const Policy *p, LlPlan *out);
int landlock_create_ruleset(const LlPlan *plan);
int landlock_net_add_rules(const LlPlan *plan, int ruleset);

/* What went wrong in the child: sent to the parent, which reports it. */
typedef struct RunFailure {
    char code[8];
    char msg[512];
    char help[256];
} RunFailure;

/* Capabilities (caps.c, libcap): in the child. false with *f filled in. */
bool caps_drop_bounding(const Policy *p, uint64_t keep, RunFailure *f);
bool caps_set_all(const Policy *p, uint64_t caps, RunFailure *f);
bool caps_have_effective(int cap);
/* In the parent: the policy keeps no capability and the invoker cannot empty
 * its bounding set (no CAP_SETPCAP), so the child enters a user namespace. */
bool caps_need_userns(uint64_t keep);
/* In the child: a new user namespace mapping the invoker's uid and gid. */
bool caps_enter_userns(RunFailure *f);

/* The resources section's cgroup limits (cgroup.c). One directory per
 * hierarchy the limits need: the cgroup polc runs in (parent) and the one
 * it creates for CMD (path, empty until created). */
typedef struct CgDir {
    char parent[4096];
    char path[4160];
    bool v2;
    char what[64];  /* the entries it enforces, for messages: `pids`, `memory, cpus` */
    Span span;      /* the first of them */
} CgDir;

typedef struct CgPlan {
    bool used;
    size_t ndirs;
    CgDir dirs[3];
    int pids, memory, cpu; /* the slot of dirs each controller is in; -1: not used */
} CgPlan;

/* In the parent: where pids, memory, memory-swap and cpus go on this host
 * (v1 or v2, read at run time), or false with E1110 naming each entry that
 * cannot be enforced. Creates nothing. */
bool cgroup_plan(const Policy *p, DiagEngine *diag, CgPlan *out);
/* In the parent, just before forking: create the cgroups and write the
 * limits; false with E1110 (and nothing left behind). */
bool cgroup_create(CgPlan *plan, const Policy *p, DiagEngine *diag);
/* In the child: move into them. 0, or an errno value. */
int cgroup_join(const CgPlan *plan);
/* Once CMD has exited: kill what is left in the cgroups, remove them. */
void cgroup_remove(CgPlan *plan);

/* The resources section's rlimits (rlimits.c): nofile and nproc. In the
 * parent, whether the invoker may set them and the kernel will apply them
 * (E1111; userns: CMD runs in a user namespace of its own); in the child,
 * set them. */
bool rlimits_check(const Policy *p, DiagEngine *diag, bool userns);
bool rlimits_apply(const Policy *p, RunFailure *f);

/* User and group (ids.c). ids_resolve, in the parent: the ids to change
 * to, names looked up on the host (E1112). ids_change, in the child:
 * setgroups, then gid, then uid. */
typedef struct RunIds {
    bool set_user, set_group;
    uid_t uid;
    gid_t gid;
    int ngroups;        /* supplementary groups (a named user's), else none */
    gid_t groups[256];
} RunIds;
bool ids_resolve(const Policy *p, DiagEngine *diag, RunIds *out);
bool ids_change(const RunIds *ids, RunFailure *f);

/* What the calling process is about to be confined by (enforce.c). */
typedef struct EnforcePlan {
    const Policy *p;
    LlPlan ll;                 /* from landlock_plan */
    bool nnp;                  /* set no_new_privs (run_needs_nnp) */
    const void *bpf;           /* the policy's BPF program (the bytes of NAME.bpf) */
    size_t bpf_len;
    bool userns;               /* enter a user namespace first (caps_need_userns) */
    /* complain mode: the filter is loaded with SECCOMP_FILTER_FLAG_NEW_LISTENER
     * (its USER_NOTIF actions go to polc's supervisor, supervise.c) */
    bool notify_listener;
    CgPlan cg;                 /* the resources section's cgroup (polc run only) */
    RunIds ids;                /* the user and group to change to */
} EnforcePlan;

/* no_new_privs is set: the policy says so, or CMD keeps no CAP_SYS_ADMIN to
 * load a filter without it. */
bool run_needs_nnp(const Policy *p);
/* Decide everything that can be decided before confining: refuse what polc
 * run does not enforce (E1105), a policy without the host's arch
 * (E1100), and plan the Landlock ruleset (E1101-E1103). false with
 * diagnostics; *out is the plan otherwise. */
bool run_prepare(const Policy *p, const RunOptions *opt, DiagEngine *diag, const void *bpf, size_t bpf_len,
                 EnforcePlan *out);
/* Apply the plan to the calling process in the order of docs/run.md:
 * Landlock, bounding set, ids, the other capability sets, no_new_privs, the
 * seccomp filter. false with *f filled in at the first step that fails. */
bool run_enforce(const EnforcePlan *ep, RunFailure *f);

/* The whole run (launch.c): CMD's exit status (128+N when killed by signal
 * N), or -1 when polc refused or failed before CMD started (diagnostics in
 * diag; CMD never ran). */
int run_launch(const Policy *p, const RunOptions *opt, DiagEngine *diag, const void *bpf, size_t bpf_len,
               char *const *argv);

#endif

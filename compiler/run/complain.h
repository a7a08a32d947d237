/* polc run --complain: nothing is denied; every call the policy would deny
 * is reported once per (syscall, deciding rule, arguments), with the file:line
 * of the deciding rule (docs/run.md, "Complain mode").
 *
 *   complain_filter.c  the policy's IR with every non-allow action turned into
 *                      USER_NOTIF (plus the path-taking calls the filesystem
 *                      section could deny), through polc's optimizer and BPF
 *                      back end
 *   supervise.c        the parent's seccomp user-notification supervisor
 *                      (generic: complain mode and polc learn --run use it)
 *   complain_judge.c   one notification: the IR evaluator's verdict, the
 *                      filesystem judgment, the findings
 *   complain_fs.c      a path against the filesystem section, as Landlock
 *                      would enforce it
 *   complain_net.c     bind()/connect() against the network section's TCP
 *                      ports, as Landlock would enforce them
 *   complain_report.c  the findings as text or JSON, and as a trace for
 *                      polc learn --merge (the suggestions) */
#ifndef POLC_COMPLAIN_H
#define POLC_COMPLAIN_H
#include <linux/seccomp.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "run/run.h"
#include "util/arena.h"

typedef struct ComplainOptions {
    const char *report_path; /* --report FILE; NULL: the text report on stderr only */
    bool json;               /* --diagnostics-format json: the report file is JSON */
    /* filled by the run, for --suggest (cmd_run.c hands them to polc learn) */
    char *trace;             /* the seccomp findings as strace lines (malloc'd) */
    char *fs_rules;          /* filesystem rules that would allow the fs findings */
    size_t nfindings;
} ComplainOptions;

/* ---- the filter (complain_filter.c) ---- */

typedef enum NotifyScope {
    NOTIFY_WOULD_DENY, /* complain: what the policy would not allow, plus path calls */
    NOTIFY_EVERYTHING, /* polc learn --run: every syscall */
} NotifyScope;

/* The BPF program for the scope, in the Policy's arena. judged: the Landlock
 * plan complain mode judges instead of applying; the calls it would check
 * notify on every input (path-taking calls when the filesystem section
 * handles some right, bind/connect with TCP ports, the signalling calls
 * under `scope signal`, connect/sendto/sendmsg under `scope abstract-unix`).
 * false with a diagnostic when the back end refuses (it should not). */
bool complain_filter(const Policy *p, const struct BackendOptions *opt, DiagEngine *diag, NotifyScope scope,
                     const LlPlan *judged, char **bpf, size_t *len);
/* The calls each part of the plan is judged on. */
extern const char *const complain_fs_syscalls[];
extern const char *const complain_net_syscalls[];
extern const char *const complain_signal_syscalls[];
extern const char *const complain_unix_syscalls[];

/* ---- the supervisor (supervise.c) ---- */

typedef struct SuperviseHooks {
    /* One notification; the supervisor answers CONTINUE after it returns. */
    void (*on_call)(void *ctx, int listener, const struct seccomp_notif *req);
    void *ctx;
} SuperviseHooks;

/* The parent's side of a run whose child loads the filter with a listener:
 * takes the listener from the child (pidfd_getfd), serves notifications until
 * CMD (the child) exits. Returns CMD's wait status in *status and 0; 1 with *f
 * when the child reported a failing step (CMD never ran); -1 with *f when the
 * supervisor failed (the child is killed: never left running unsupervised). */
int supervise(pid_t child, int failure_fd, const SuperviseHooks *h, RunFailure *f, int *status);

/* Reads a NUL-terminated string (at most n-1 bytes) or n bytes of memory of
 * the notifying task; then checks the notification is still valid (the task
 * may have died, and its pid been reused). false: nothing trustworthy read. */
bool supervise_read_string(int listener, const struct seccomp_notif *req, uint64_t addr, char *buf, size_t n);
bool supervise_read_mem(int listener, const struct seccomp_notif *req, uint64_t addr, void *buf, size_t n);

/* ---- judging (complain_judge.c, complain_fs.c) ---- */

typedef enum FindingKind { FIND_SECCOMP, FIND_FS, FIND_NET, FIND_SCOPE } FindingKind;

typedef struct Finding {
    FindingKind kind;
    ArchId arch;
    uint32_t nr;
    const char *sys;       /* the syscall's name, or "syscall_N" */
    uint64_t raw[6];
    int nargs;
    const char *args;      /* decoded: `AT_FDCWD, "/etc/shadow", O_RDONLY` */
    int rule;              /* seccomp: the deciding rule id, IR_RULE_DEFAULT */
    Span span;             /* the deciding rule, the default, or the fs rule */
    const char *why;       /* `default errno(EPERM)`, `kill-process`, `read-only root (write /etc/x)` */
    const char *action;    /* the action (seccomp) or `landlock` (fs) */
    const char *fs_path;   /* FIND_FS: the resolved path judged; FIND_NET: the port */
    const char *fs_right;  /* FIND_FS: `write-file`, `execute`, `make-dir`, ...;
                              FIND_NET: `bind-tcp`, `connect-tcp`;
                              FIND_SCOPE: `signal`, `abstract-unix` */
    uint64_t count;
} Finding;

typedef struct ComplainState {
    const Policy *p;
    uint64_t caps;          /* the capability scenario the BPF program decides */
    const LlPlan *ll;       /* the filesystem section's plan (ll->used: judged) */
    const char **ll_real;   /* ll->rules[i].path, resolved (realpath) */
    pid_t supervisor;       /* polc: CMD's parent and its orphans' subreaper */
    VEC(Finding *) findings;
    StrMap seen;            /* dedup key -> Finding* */
    uint64_t calls;         /* notifications served */
} ComplainState;

void complain_init(ComplainState *cs, const Policy *p, uint64_t caps, const LlPlan *ll);
void complain_on_call(void *cs, int listener, const struct seccomp_notif *req);

/* The path the call's arguments name, judged against the filesystem section.
 * NULL when allowed; else the finding's why, with *span, *right and *resolved
 * set. */
const char *complain_fs_judge(ComplainState *cs, int listener, const struct seccomp_notif *req, const char *sys,
                              Span *span, const char **right, const char **resolved);

/* bind()/connect() judged against the network section's TCP ports. NULL
 * when allowed (or not a TCP socket); else the finding's why, with *span,
 * *right and *port set. */
const char *complain_net_judge(ComplainState *cs, int listener, const struct seccomp_notif *req, const char *sys,
                               Span *span, const char **right, const char **port);

/* A signal or an abstract unix socket address judged against the scopes:
 * NULL when the peer is inside the sandbox (CMD and its descendants) or the
 * call is not judged; else the finding's why, with *span, *right, *peer. */
const char *complain_scope_judge(ComplainState *cs, int listener, const struct seccomp_notif *req, const char *sys,
                                 Span *span, const char **right, const char **peer);

/* The arguments as the report shows them: constants by name, pointers as
 * NULL or <ptr>, path arguments read from the target when `paths`; without
 * `paths` (polc learn --run), pointers as numbers, nothing read. */
void complain_format_args(const Policy *p, int listener, const struct seccomp_notif *req, ArchId arch,
                          const char *sys, bool paths, StrBuf *sb);

/* ---- the report (complain_report.c) ---- */

/* Sorted by the deciding rule's position, then syscall and arguments. */
void complain_sort(ComplainState *cs);
void complain_text(const ComplainState *cs, StrBuf *out);
void complain_json(const ComplainState *cs, StrBuf *out);
/* The seccomp findings as strace lines polc learn reads (for --suggest), and
 * the filesystem rules that would allow the fs findings (polc text). */
void complain_trace(const ComplainState *cs, StrBuf *out);
void complain_fs_suggestions(const ComplainState *cs, StrBuf *out);

#endif

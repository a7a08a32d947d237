/* The complain filter: a transformation of the policy's decision, not a
 * hand-written program. The policy's IR is copied; every action that does not
 * let the call through (kill, trap, errno, trace, notify) becomes USER_NOTIF,
 * the default and the `unknown` default included; ALLOW and LOG stay. With a
 * judged filesystem section, the path-taking calls notify on every input too,
 * and execve/execveat always do: the parent takes the listener while the
 * child's execve waits for it (supervise.c). The copy then goes through the
 * optimize stage (cases equal to the default dropped, syscalls left
 * undecided removed) and the BPF back end, as NAME.bpf does. So an allowed
 * call costs what it costs in enforce mode. For polc learn --run every
 * syscall notifies: the default becomes USER_NOTIF and no syscall is decided
 * otherwise. Calls of an ABI the policy does not target are still killed
 * (the program's arch check is not part of the decision). */
#include <linux/filter.h>
#include <stdlib.h>
#include <string.h>

#include "backend/backend.h"
#include "middle/ir.h"
#include "run/complain.h"
#include "validate/validate.h"

const char *const complain_fs_syscalls[] = {
    "open",   "openat",   "openat2",   "creat",   "execve",   "execveat", "mkdir",   "mkdirat",
    "unlink", "unlinkat", "rmdir",     "rename",  "renameat", "renameat2", "truncate", "mknod",
    "mknodat", "symlink", "symlinkat", "link",    "linkat",   NULL,
};

static const char *const always_notified[] = {"execve", "execveat", NULL};

const char *const complain_signal_syscalls[] = {"kill", "tkill", "tgkill", "rt_sigqueueinfo", "rt_tgsigqueueinfo",
                                                "pidfd_send_signal", NULL};
const char *const complain_unix_syscalls[] = {"connect", "sendto", "sendmsg", NULL};

static Action notify_unless_allowed(Action a)
{
    if (a.kind == ACT_ALLOW || a.kind == ACT_LOG)
        return a;
    return (Action){ACT_NOTIFY, 0};
}

/* One decision, every input USER_NOTIF. */
static void notify_everything(Arena *a, IrSyscall *s)
{
    Term *t = arena_alloc(a, sizeof *t);
    memset(t, 0, sizeof *t); /* no atoms: true */
    IrDecision *d = arena_alloc(a, sizeof *d);
    memset(d, 0, sizeof *d);
    IrCase c;
    memset(&c, 0, sizeof c);
    c.action = (Action){ACT_NOTIFY, 0};
    c.cond = (Dnf){1, t};
    VEC_PUSH(a, d->cases, c);
    s->ncaps = 0;
    s->scenarios = d;
}

static IrSyscall copy_syscall(Arena *a, const IrSyscall *s)
{
    IrSyscall c = *s;
    unsigned n = 1u << s->ncaps;
    c.scenarios = arena_alloc(a, n * sizeof *c.scenarios);
    for (unsigned i = 0; i < n; i++) {
        IrDecision *d = &c.scenarios[i];
        memset(d, 0, sizeof *d);
        for (size_t k = 0; k < s->scenarios[i].cases.len; k++) {
            IrCase ic = s->scenarios[i].cases.items[k];
            ic.action = notify_unless_allowed(ic.action);
            VEC_PUSH(a, d->cases, ic);
        }
    }
    return c;
}

static int cmp_nr(const void *x, const void *y)
{
    uint32_t a = ((const IrSyscall *)x)->nr, b = ((const IrSyscall *)y)->nr;
    return a < b ? -1 : a > b;
}

/* The transformed IR of one arch. */
static void transform_arch(const Policy *p, Arena *a, const IrArch *src, IrArch *dst, NotifyScope scope,
                           const LlPlan *judged)
{
    memset(dst, 0, sizeof *dst);
    dst->arch = src->arch;
    if (scope == NOTIFY_EVERYTHING)
        return;
    for (size_t i = 0; i < src->syscalls.len; i++) {
        IrSyscall c = copy_syscall(a, &src->syscalls.items[i]);
        VEC_PUSH(a, dst->syscalls, c);
    }
    /* the calls that must notify on every input */
    const struct {
        const char *const *names;
        bool on;
    } lists[] = {
        {always_notified, true},
        {complain_fs_syscalls, judged->handled != 0},
        {complain_net_syscalls, judged->handled_net != 0},
        {complain_signal_syscalls, (judged->scoped & LL_SCOPE_SIGNAL) != 0},
        {complain_unix_syscalls, (judged->scoped & LL_SCOPE_ABSTRACT_UNIX_SOCKET) != 0},
    };
    for (size_t list = 0; list < sizeof lists / sizeof *lists; list++) {
        const char *const *names = lists[list].names;
        if (!lists[list].on)
            continue;
        for (size_t k = 0; names[k]; k++) {
            const SyscallEntry *e = syscalldb_lookup(&p->db, src->arch, names[k]);
            if (!e)
                continue;
            IrSyscall *found = NULL;
            for (size_t i = 0; i < dst->syscalls.len; i++)
                if (dst->syscalls.items[i].nr == e->nr)
                    found = &dst->syscalls.items[i];
            if (!found) {
                IrSyscall s;
                memset(&s, 0, sizeof s);
                s.nr = e->nr;
                s.name = e->name;
                VEC_PUSH(a, dst->syscalls, s);
                found = &dst->syscalls.items[dst->syscalls.len - 1];
            }
            notify_everything(a, found);
        }
    }
    qsort(dst->syscalls.items, dst->syscalls.len, sizeof *dst->syscalls.items, cmp_nr);
}

bool complain_filter(const Policy *p, const struct BackendOptions *opt, DiagEngine *diag, NotifyScope scope,
                     const LlPlan *judged, char **bpf, size_t *len)
{
    Arena *a = p->arena;
    Ir *ir = arena_alloc(a, sizeof *ir);
    memset(ir, 0, sizeof *ir);
    ir->default_action = notify_unless_allowed(p->ir->default_action);
    ir->has_unknown = p->ir->has_unknown;
    ir->unknown_action = notify_unless_allowed(p->ir->unknown_action);
    if (scope == NOTIFY_EVERYTHING) {
        ir->default_action = ir->unknown_action = (Action){ACT_NOTIFY, 0};
        ir->has_unknown = false;
    }
    for (size_t i = 0; i < p->ir->arches.len; i++) {
        IrArch ia;
        transform_arch(p, a, &p->ir->arches.items[i], &ia, scope, judged);
        VEC_PUSH(a, ir->arches, ia);
    }
    optimize_ir_decisions(ir);
    Policy copy = *p;
    copy.ir = ir;
    StrBuf sb;
    sb_init(&sb);
    if (!backend_bpf(&copy, (const BackendOptions *)opt, diag, &sb)) {
        sb_free(&sb);
        return false;
    }
    /* translation validation, as for NAME.bpf: the program against its IR */
    BackendRun run = {&copy, (const BackendOptions *)opt, diag, a};
    const char *why;
    if (!validate_bpf_program(&run, (const struct sock_filter *)(const void *)sb.data,
                              sb.len / sizeof(struct sock_filter), bpf_chosen_caps(&copy, run.opt, &why))) {
        sb_free(&sb);
        return false;
    }
    *len = sb.len;
    *bpf = arena_alloc(a, sb.len ? sb.len : 1);
    memcpy(*bpf, sb.data, sb.len);
    sb_free(&sb);
    return true;
}

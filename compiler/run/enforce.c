/* Confining the calling process by a compiled Policy. run_prepare decides
 * what can be decided first (refusals point at the policy's lines);
 * run_enforce applies the sequence of docs/run.md: polc run's child calls it
 * before execve(CMD), and libpolc's polc_apply_self in a program that
 * sandboxes itself. Each step that fails
 * fills *f and stops; nothing after it is applied, so the caller must not go
 * on to run anything (polc run's child exits without exec'ing CMD). */
#include <errno.h>
#include <linux/filter.h>
#include <linux/capability.h>
#include <linux/seccomp.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "run/run.h"

#define CAP_SYS_ADMIN_NUM 21

static bool kernel_fail(RunFailure *f, const char *what, int err)
{
    snprintf(f->code, sizeof f->code, "E1108");
    snprintf(f->msg, sizeof f->msg, "polc run: %s failed: %s", what, strerror(err));
    snprintf(f->help, sizeof f->help, "CMD was not started");
    return false;
}

static bool resources_limited(const Policy *p)
{
    return p->resources.pids.set || p->resources.memory.set || p->resources.memory_swap.set ||
           p->resources.cpus.set || p->resources.nofile.set || p->resources.nproc.set;
}

bool run_needs_nnp(const Policy *p)
{
    /* the kernel loads a filter only with no_new_privs or CAP_SYS_ADMIN */
    return p->process.no_new_privs || !(p->caps.effective >> CAP_SYS_ADMIN_NUM & 1);
}

bool run_prepare(const Policy *p, const RunOptions *opt, DiagEngine *diag, const void *bpf, size_t bpf_len,
                 EnforcePlan *out)
{
    size_t errs = diag->nerrors;
    *out = (EnforcePlan){.p = p, .bpf = bpf, .bpf_len = bpf_len};
    /* polc run complains through its supervisor (run/complain.h); a process
     * confining itself (polc_apply_self) has none */
    if (p->mode.complain && !opt->complain) {
        Diag *g = diag_error(diag, "E1105", p->mode.span,
                             "`mode complain` needs polc run's supervisor: a process confining itself cannot "
                             "complain, seccomp and Landlock would enforce");
        diag_help(diag, g, "run the program under `polc run` (complain mode), or remove `mode complain`");
    }
    ArchId host = arch_host();
    bool known = host != ARCH__COUNT;
    if (!known || !(p->arch_mask & (1u << host))) {
        Diag *g = diag_error(diag, "E1100", p->arch_span.file != UINT32_MAX ? p->arch_span : p->name_span,
                             "polc run: the policy does not target this host's arch (%s)",
                             known ? arch_info(host)->name : "unknown");
        diag_help(diag, g, "add it to the policy's `arch` line");
    }
    if (diag->nerrors == errs)
        (void)landlock_plan(p, opt, diag, &out->ll);
    if (resources_limited(p) && !opt->launcher) {
        Diag *g = diag_error(diag, "E1110", p->resources.span,
                             "the resources section needs polc run: a process confining itself cannot put itself "
                             "in a cgroup of its own");
        diag_help(diag, g, "run the program under `polc run`, or remove the resources section");
    } else if (resources_limited(p)) {
        (void)rlimits_check(p, diag, caps_need_userns(p->caps.effective));
        (void)cgroup_plan(p, diag, &out->cg);
    }
    (void)ids_resolve(p, diag, &out->ids);
    out->nnp = run_needs_nnp(p);
    out->userns = caps_need_userns(p->caps.effective);
    /* said in the parent, naming what the policy keeps: the child would
     * only see the first capability it cannot drop from the bounding set */
    if (diag->nerrors == errs && p->caps.effective && !caps_have_effective(CAP_SETPCAP)) {
        char names[512] = "";
        size_t n = 0;
        for (int c = 0; c < 64 && n < sizeof names - 40; c++)
            if (p->caps.effective >> c & 1)
                n += (size_t)snprintf(names + n, sizeof names - n, "%s%s", n ? ", " : "", cap_name(p, c));
        Diag *g = diag_error(diag, "E1106", p->caps.adds.len ? p->caps.adds.items[0].span : p->name_span,
                             "polc run: the policy keeps %s, which an unprivileged invoker cannot grant", names);
        diag_help(diag, g, "run `polc run` as root; unprivileged, only a policy that keeps no capability runs "
                           "(`capabilities { drop all }`, in a user namespace)");
    }
    return diag->nerrors == errs;
}

bool run_enforce(const EnforcePlan *ep, RunFailure *f)
{
    memset(f, 0, sizeof *f);
    bool nnp_set = false;
    /* first: it gives the child CAP_SETPCAP over its own namespace */
    if (ep->userns && !caps_enter_userns(f))
        return false;
    /* landlock_restrict_self needs no_new_privs without CAP_SYS_ADMIN */
    if (ep->ll.used && !caps_have_effective(CAP_SYS_ADMIN_NUM)) {
        if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0)
            return kernel_fail(f, "prctl(PR_SET_NO_NEW_PRIVS)", errno);
        nnp_set = true;
    }
    if (ep->ll.used) {
        int e = landlock_apply(&ep->ll);
        if (e)
            return kernel_fail(f, "enforcing the Landlock ruleset", e);
    }
    uint64_t caps = ep->p->caps.effective;
    if (!caps_drop_bounding(ep->p, caps, f) || !ids_change(&ep->ids, f) || !caps_set_all(ep->p, caps, f))
        return false;
    if (ep->nnp && !nnp_set && prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0)
        return kernel_fail(f, "prctl(PR_SET_NO_NEW_PRIVS)", errno);
    struct sock_fprog prog = {(unsigned short)(ep->bpf_len / sizeof(struct sock_filter)),
                              (struct sock_filter *)(uintptr_t)ep->bpf};
    unsigned flags = ep->notify_listener ? SECCOMP_FILTER_FLAG_NEW_LISTENER : 0;
    /* the listener (close-on-exec) is taken by the parent with pidfd_getfd */
    if (syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, flags, &prog) < 0)
        return kernel_fail(f, "loading the seccomp filter", errno);
    return true;
}

/* polc run's rlimits: nofile and nproc of the resources section become
 * RLIMIT_NOFILE and RLIMIT_NPROC of CMD, set in the child before anything
 * else changes its credentials (docs/run.md, "Resources"). Whether the
 * invoker may set them is decided in the parent, so a refusal names the
 * policy's entry and CMD never starts. */
#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "run/run.h"

#define CAP_SYS_ADMIN_NUM 21
#define CAP_SYS_RESOURCE_NUM 24

/* fs.nr_open: no process, root included, gets a hard nofile above it */
static unsigned long long nr_open(void)
{
    unsigned long long v = 1048576; /* the kernel's default */
    FILE *f = fopen("/proc/sys/fs/nr_open", "r");
    if (f) {
        if (fscanf(f, "%llu", &v) != 1)
            v = 1048576;
        fclose(f);
    }
    return v;
}

static void check_one(const Policy *p, DiagEngine *diag, const RlimitPair *r, int resource, const char *name)
{
    (void)p;
    if (!r->set)
        return;
    struct rlimit cur;
    if (getrlimit(resource, &cur) != 0)
        return;
    if (resource == RLIMIT_NOFILE && r->hard > nr_open()) {
        Diag *g = diag_error(diag, "E1111", r->span,
                             "polc run: cannot set `nofile` to a hard limit of %llu: the kernel's fs.nr_open is %llu",
                             (unsigned long long)r->hard, nr_open());
        diag_help(diag, g, "lower the hard limit, or raise fs.nr_open (sysctl)");
        return;
    }
    if (cur.rlim_max != RLIM_INFINITY && r->hard > cur.rlim_max && !caps_have_effective(CAP_SYS_RESOURCE_NUM)) {
        Diag *g = diag_error(diag, "E1111", r->span,
                             "polc run: cannot raise the hard `%s` limit from %llu to %llu without CAP_SYS_RESOURCE",
                             name, (unsigned long long)cur.rlim_max, (unsigned long long)r->hard);
        diag_help(diag, g, "lower the hard limit to at most %llu (`ulimit -H%s`), or run polc run as root",
                  (unsigned long long)cur.rlim_max, resource == RLIMIT_NOFILE ? "n" : "u");
    }
}

/* The kernel checks RLIMIT_NPROC at fork and execve except for uid 0 of the
 * initial user namespace and for holders of CAP_SYS_ADMIN or CAP_SYS_RESOURCE:
 * there the limit would be set and never apply. */
static void check_nproc_applies(const Policy *p, DiagEngine *diag, bool userns)
{
    const RlimitPair *r = &p->resources.nproc;
    if (!r->set)
        return;
    uid_t uid = p->process.has_user ? (uid_t)p->process.uid : getuid();
    if (p->process.user_name) {
        /* an unknown name is refused by ids_resolve (E1112) */
        const struct passwd *pw = getpwnam(p->process.user_name);
        uid = pw ? pw->pw_uid : (uid_t)-1;
    }
    const char *why = NULL;
    if (uid == 0 && !userns)
        why = "CMD runs as root, whose processes the kernel does not count against RLIMIT_NPROC";
    else if (p->caps.effective >> CAP_SYS_ADMIN_NUM & 1)
        why = "the policy keeps SYS_ADMIN, which the kernel exempts from RLIMIT_NPROC";
    else if (p->caps.effective >> CAP_SYS_RESOURCE_NUM & 1)
        why = "the policy keeps SYS_RESOURCE, which the kernel exempts from RLIMIT_NPROC";
    if (!why)
        return;
    Diag *g = diag_error(diag, "E1111", r->span, "polc run: `nproc` would not be enforced: %s", why);
    diag_help(diag, g, "run CMD as another user (`process { user UID }`) without those capabilities, or use "
                       "`pids` for a limit of the process tree");
}

bool rlimits_check(const Policy *p, DiagEngine *diag, bool userns)
{
    size_t errs = diag->nerrors;
    check_nproc_applies(p, diag, userns);
    check_one(p, diag, &p->resources.nofile, RLIMIT_NOFILE, "nofile");
    check_one(p, diag, &p->resources.nproc, RLIMIT_NPROC, "nproc");
    return diag->nerrors == errs;
}

bool rlimits_apply(const Policy *p, RunFailure *f)
{
    const struct {
        const RlimitPair *r;
        int resource;
        const char *name;
    } all[] = {{&p->resources.nofile, RLIMIT_NOFILE, "nofile"}, {&p->resources.nproc, RLIMIT_NPROC, "nproc"}};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
        if (!all[i].r->set)
            continue;
        struct rlimit rl = {(rlim_t)all[i].r->soft, (rlim_t)all[i].r->hard};
        if (setrlimit(all[i].resource, &rl) != 0) {
            int e = errno;
            snprintf(f->code, sizeof f->code, "E1111");
            snprintf(f->msg, sizeof f->msg, "polc run: setrlimit(%s, %llu:%llu) failed: %s", all[i].name,
                     (unsigned long long)all[i].r->soft, (unsigned long long)all[i].r->hard, strerror(e));
            snprintf(f->help, sizeof f->help, "CMD was not started");
            return false;
        }
    }
    return true;
}

/* The process section's user and group: supplementary groups cleared, then
 * the gid, then the uid (real, effective and saved alike), checked after. A
 * change the invoker is not allowed to make is refused: CMD never runs as
 * someone else than the policy says. */
#include <errno.h>
#include <grp.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "run/run.h"

static bool fail(RunFailure *f, const char *what, unsigned id, int err)
{
    snprintf(f->code, sizeof f->code, "E1107");
    /* EINVAL: the id has no mapping in the user namespace an unprivileged
     * run enters, where only the invoker's own ids exist */
    snprintf(f->msg, sizeof f->msg, "polc run: cannot change to %s %u: %s", what, id,
             err == EINVAL ? "not permitted (only the invoker's own ids exist in an unprivileged run)" : strerror(err));
    snprintf(f->help, sizeof f->help,
             "changing user or group needs CAP_SETUID and CAP_SETGID: run `polc run` as root, or as the "
             "policy's user");
    return false;
}

bool ids_change(const Policy *p, RunFailure *f)
{
    if (!p->process.has_user && !p->process.has_gid)
        return true;
    /* keep the permitted set across setuid: caps_set_all sets it afterwards */
    if (prctl(PR_SET_KEEPCAPS, 1, 0, 0, 0) != 0) {
        fail(f, "", 0, errno);
        snprintf(f->msg, sizeof f->msg, "polc run: prctl(PR_SET_KEEPCAPS): %s", strerror(errno));
        return false;
    }
    if (getgroups(0, NULL) != 0 && setgroups(0, NULL) != 0) {
        fail(f, "", 0, errno);
        snprintf(f->msg, sizeof f->msg, "polc run: cannot clear the supplementary groups: %s", strerror(errno));
        return false;
    }
    if (p->process.has_gid) {
        gid_t g = p->process.gid, r, e, s;
        if (setresgid(g, g, g) != 0)
            return fail(f, "group", g, errno);
        if (getresgid(&r, &e, &s) != 0 || r != g || e != g || s != g)
            return fail(f, "group", g, EPERM);
    }
    if (p->process.has_user) {
        uid_t u = p->process.uid, r, e, s;
        if (setresuid(u, u, u) != 0)
            return fail(f, "user", u, errno);
        if (getresuid(&r, &e, &s) != 0 || r != u || e != u || s != u)
            return fail(f, "user", u, EPERM);
    }
    (void)prctl(PR_SET_KEEPCAPS, 0, 0, 0, 0);
    return true;
}

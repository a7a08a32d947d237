/* The process section's user and group. Names are looked up on the host in
 * the parent (ids_resolve), as systemd's User= and a container engine's
 * --user look them up in the image (runc's GetExecUser): a named user
 * without a group gets its primary group and the supplementary groups
 * /etc/group lists it in; with a group, or a numeric user (group U, as
 * every other output applies `user U`), no supplementary groups.
 * In the child: supplementary groups, then the gid, then the uid (real,
 * effective and saved alike), checked after. A change the invoker is not
 * allowed to make is refused: CMD never runs as someone else than the
 * policy says. */
#include <errno.h>
#include <grp.h>
#include <pwd.h>
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

static void unknown(const Policy *p, DiagEngine *diag, const char *what, const char *name)
{
    Diag *g = diag_error(diag, "E1112", p->process.user_span, "polc run: this host has no %s `%s`", what, name);
    diag_note(diag, g, SPAN_NONE, "polc run looks names up on the host (getpwnam, getgrnam), as a container "
                                  "engine looks them up in the image");
    diag_help(diag, g, "create the account on the host, or write the ids: `user UID:GID`");
}

bool ids_resolve(const Policy *p, DiagEngine *diag, RunIds *out)
{
    *out = (RunIds){0};
    if (!p->process.has_user && !p->process.has_gid)
        return true;
    if (p->process.has_user) {
        out->set_user = out->set_group = true;
        out->uid = p->process.uid;
        out->gid = p->process.uid;
        if (p->process.user_name) {
            errno = 0;
            struct passwd *pw = getpwnam(p->process.user_name);
            if (!pw) {
                unknown(p, diag, "user", p->process.user_name);
                return false;
            }
            out->uid = pw->pw_uid;
            out->gid = pw->pw_gid;
            int n = (int)(sizeof out->groups / sizeof *out->groups);
            if (getgrouplist(p->process.user_name, pw->pw_gid, out->groups, &n) < 0) {
                Diag *g = diag_error(diag, "E1112", p->process.user_span,
                                     "polc run: user `%s` is in more than %zu groups", p->process.user_name,
                                     sizeof out->groups / sizeof *out->groups);
                diag_help(diag, g, "write the ids: `user UID:GID`");
                return false;
            }
            out->ngroups = n;
        }
    }
    if (p->process.group_name) {
        struct group *gr = getgrnam(p->process.group_name);
        if (!gr) {
            unknown(p, diag, "group", p->process.group_name);
            return false;
        }
        out->set_group = true, out->gid = gr->gr_gid, out->ngroups = 0;
    } else if (p->process.has_gid) {
        out->set_group = true, out->gid = p->process.gid, out->ngroups = 0;
    }
    return true;
}

bool ids_change(const RunIds *ids, RunFailure *f)
{
    if (!ids->set_user && !ids->set_group)
        return true;
    /* keep the permitted set across setuid: caps_set_all sets it afterwards */
    if (prctl(PR_SET_KEEPCAPS, 1, 0, 0, 0) != 0) {
        fail(f, "", 0, errno);
        snprintf(f->msg, sizeof f->msg, "polc run: prctl(PR_SET_KEEPCAPS): %s", strerror(errno));
        return false;
    }
    if ((ids->ngroups || getgroups(0, NULL) != 0) && setgroups((size_t)ids->ngroups, ids->groups) != 0) {
        fail(f, "", 0, errno);
        snprintf(f->msg, sizeof f->msg, "polc run: cannot set the supplementary groups: %s", strerror(errno));
        return false;
    }
    if (ids->set_group) {
        gid_t g = ids->gid, r, e, s;
        if (setresgid(g, g, g) != 0)
            return fail(f, "group", g, errno);
        if (getresgid(&r, &e, &s) != 0 || r != g || e != g || s != g)
            return fail(f, "group", g, EPERM);
    }
    if (ids->set_user) {
        uid_t u = ids->uid, r, e, s;
        if (setresuid(u, u, u) != 0)
            return fail(f, "user", u, errno);
        if (getresuid(&r, &e, &s) != 0 || r != u || e != u || s != u)
            return fail(f, "user", u, EPERM);
    }
    (void)prctl(PR_SET_KEEPCAPS, 0, 0, 0, 0);
    return true;
}

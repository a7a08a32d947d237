/* Capabilities of CMD, through libcap: the policy's effective set becomes the
 * bounding, permitted, effective, inheritable and ambient sets. Run in the
 * child: the bounding set first (it needs CAP_SETPCAP, which a later step may
 * drop), the other sets after the user change (setuid clears them).
 *
 * An unprivileged invoker cannot shrink the bounding set (no CAP_SETPCAP).
 * When the policy keeps no capability at all, the child first enters a user
 * namespace that maps the invoker's own uid and gid to themselves: there it
 * holds CAP_SETPCAP over its own namespace, so all five sets become empty
 * exactly as the policy says (docs/run.md, "Unprivileged runs"). */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <fcntl.h>
#include <sched.h>
#include <string.h>
#include <sys/capability.h>
#include <unistd.h>

#include "run/run.h"

/* "CHOWN", or the number where the policy's stdlib has no name for it */
static const char *cap_label(const Policy *p, int c, char *buf, size_t n)
{
    const char *name = cap_name(p, c);
    if (name)
        return name;
    snprintf(buf, n, "%d", c);
    return buf;
}

static void fail(RunFailure *f, const char *help, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void fail(RunFailure *f, const char *help, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    snprintf(f->code, sizeof f->code, "E1106");
    vsnprintf(f->msg, sizeof f->msg, fmt, ap);
    snprintf(f->help, sizeof f->help, "%s", help);
    va_end(ap);
}

bool caps_have_effective(int cap)
{
    cap_t c = cap_get_proc();
    cap_flag_value_t v = CAP_CLEAR;
    if (c)
        cap_get_flag(c, (cap_value_t)cap, CAP_EFFECTIVE, &v);
    cap_free(c);
    return v == CAP_SET;
}

bool caps_drop_bounding(const Policy *p, uint64_t keep, RunFailure *f)
{
    char num[16];
    int max = (int)cap_max_bits();
    for (int c = 0; c < max; c++) {
        if (c < 64 && (keep >> c & 1))
            continue;
        if (cap_get_bound((cap_value_t)c) != 1)
            continue;
        if (cap_drop_bound((cap_value_t)c) != 0) {
            fail(f,
                 "dropping from the bounding set needs CAP_SETPCAP: run `polc run` as root (unprivileged, only a "
                 "policy that keeps no capability runs: in a user namespace)",
                 "polc run: cannot drop CAP_%s from the bounding set: %s", cap_label(p, c, num, sizeof num), strerror(errno));
            return false;
        }
    }
    return true;
}

bool caps_set_all(const Policy *p, uint64_t caps, RunFailure *f)
{
    char num[16];
    cap_t c = cap_init();
    if (!c) {
        fail(f, "", "polc run: libcap: %s", strerror(errno));
        return false;
    }
    int max = (int)cap_max_bits();
    for (int i = 0; i < max && i < 64; i++)
        if (caps >> i & 1) {
            cap_value_t v = (cap_value_t)i;
            cap_set_flag(c, CAP_PERMITTED, 1, &v, CAP_SET);
            cap_set_flag(c, CAP_EFFECTIVE, 1, &v, CAP_SET);
            cap_set_flag(c, CAP_INHERITABLE, 1, &v, CAP_SET);
        }
    if (cap_set_proc(c) != 0) {
        int e = errno;
        cap_free(c);
        fail(f, "an unprivileged user cannot give CMD capabilities it does not hold: run `polc run` as root",
             "polc run: cannot set the permitted, effective and inheritable capability sets: %s", strerror(e));
        return false;
    }
    cap_free(c);
    if (cap_reset_ambient() != 0) {
        fail(f, "", "polc run: cannot clear the ambient capability set: %s", strerror(errno));
        return false;
    }
    for (int i = 0; i < max && i < 64; i++)
        if ((caps >> i & 1) && cap_set_ambient((cap_value_t)i, CAP_SET) != 0) {
            fail(f, "", "polc run: cannot raise CAP_%s in the ambient set: %s", cap_label(p, i, num, sizeof num), strerror(errno));
            return false;
        }
    return true;
}

bool caps_need_userns(uint64_t keep)
{
    if (keep != 0 || caps_have_effective(CAP_SETPCAP))
        return false;
    /* one uid and one gid map to themselves: real, effective and saved alike */
    uid_t ru, eu, su;
    gid_t rg, eg, sg;
    if (getresuid(&ru, &eu, &su) != 0 || getresgid(&rg, &eg, &sg) != 0 || ru != eu || eu != su || rg != eg ||
        eg != sg)
        return false;
    int max = (int)cap_max_bits();
    for (int c = 0; c < max; c++)
        if (cap_get_bound((cap_value_t)c) == 1)
            return true;
    return false;
}

static bool write_file(const char *path, const char *text)
{
    int fd = open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    size_t n = strlen(text);
    bool ok = write(fd, text, n) == (ssize_t)n;
    int e = errno;
    close(fd);
    errno = e;
    return ok;
}

bool caps_enter_userns(RunFailure *f)
{
    uid_t u = geteuid();
    gid_t g = getegid();
    char map[64];
    if (unshare(CLONE_NEWUSER) != 0) {
        fail(f,
             "unprivileged user namespaces are needed to empty the bounding set without CAP_SETPCAP "
             "(sysctl user.max_user_namespaces, kernel.unprivileged_userns_clone); or run `polc run` as root",
             "polc run: cannot enter a user namespace to drop the bounding set: %s", strerror(errno));
        return false;
    }
    /* an unprivileged process may map only its own ids, and its gid only
     * after giving up setgroups (the kernel's rule since Linux 3.19) */
    snprintf(map, sizeof map, "%u %u 1\n", (unsigned)u, (unsigned)u);
    bool ok = write_file("/proc/self/setgroups", "deny") && write_file("/proc/self/uid_map", map);
    snprintf(map, sizeof map, "%u %u 1\n", (unsigned)g, (unsigned)g);
    if (!ok || !write_file("/proc/self/gid_map", map)) {
        fail(f, "", "polc run: cannot map the invoker's uid and gid in the new user namespace: %s", strerror(errno));
        return false;
    }
    return true;
}

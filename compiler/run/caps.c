/* Capabilities of CMD, through libcap: the policy's effective set becomes the
 * bounding, permitted, effective, inheritable and ambient sets. Run in the
 * child: the bounding set first (it needs CAP_SETPCAP, which a later step may
 * drop), the other sets after the user change (setuid clears them). */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/capability.h>

#include "run/run.h"

static const char *const CAP_NAMES[] = {
    "CHOWN", "DAC_OVERRIDE", "DAC_READ_SEARCH", "FOWNER", "FSETID", "KILL", "SETGID", "SETUID", "SETPCAP",
    "LINUX_IMMUTABLE", "NET_BIND_SERVICE", "NET_BROADCAST", "NET_ADMIN", "NET_RAW", "IPC_LOCK", "IPC_OWNER",
    "SYS_MODULE", "SYS_RAWIO", "SYS_CHROOT", "SYS_PTRACE", "SYS_PACCT", "SYS_ADMIN", "SYS_BOOT", "SYS_NICE",
    "SYS_RESOURCE", "SYS_TIME", "SYS_TTY_CONFIG", "MKNOD", "LEASE", "AUDIT_WRITE", "AUDIT_CONTROL", "SETFCAP",
    "MAC_OVERRIDE", "MAC_ADMIN", "SYSLOG", "WAKE_ALARM", "BLOCK_SUSPEND", "AUDIT_READ", "PERFMON", "BPF",
    "CHECKPOINT_RESTORE"};

const char *caps_name(int c)
{
    static char buf[16];
    if (c >= 0 && (size_t)c < sizeof CAP_NAMES / sizeof *CAP_NAMES)
        return CAP_NAMES[c];
    snprintf(buf, sizeof buf, "%d", c);
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

bool caps_drop_bounding(uint64_t keep, RunFailure *f)
{
    int max = (int)cap_max_bits();
    for (int c = 0; c < max; c++) {
        if (c < 64 && (keep >> c & 1))
            continue;
        if (cap_get_bound((cap_value_t)c) != 1)
            continue;
        if (cap_drop_bound((cap_value_t)c) != 0) {
            fail(f, "dropping from the bounding set needs CAP_SETPCAP: run `polc run` as root",
                 "polc run: cannot drop CAP_%s from the bounding set: %s", caps_name(c), strerror(errno));
            return false;
        }
    }
    return true;
}

bool caps_set_all(uint64_t caps, RunFailure *f)
{
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
            fail(f, "", "polc run: cannot raise CAP_%s in the ambient set: %s", caps_name(i), strerror(errno));
            return false;
        }
    return true;
}

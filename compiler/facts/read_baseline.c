/* The read baseline (read_baseline.h). Measured on Debian 12 (x86_64) by
 * tests/run/measure_read_baseline.sh: strace -f of `busybox sh -c true`,
 * `ls -l`, `cat`, `date`, `python3 -S -c pass`, `perl -e 1` and a static Go
 * binary, keeping the files each opened for reading that are not its own
 * program or its own data (python3's /usr/lib/python3.11 is its own: a
 * policy lists it, or gets it through an `exec` rule on /usr/lib). The script
 * fails when a program opens something this table does not cover, and the
 * test run_read_baseline runs the same programs under `confine reads`.
 *
 * The library directories are whole trees, not the files measured: which
 * libraries a program loads (and its loader, gconv modules, locale archives)
 * depends on the program. readlink (/proc/self/exe) is not a read, for
 * neither Landlock nor AppArmor, so /proc/self is not in the table: a policy
 * that reads its own /proc files lists them. */
#include "facts/read_baseline.h"

const ReadBaseline read_baseline[] = {
    /* the loader and the libraries: every dynamic program */
    {"/etc/ld.so.cache", false, "the loader's cache (ld.so)"},
    {"/lib", true, "libraries (ld.so, libc; merged /usr: the same as /usr/lib)"},
    {"/lib32", true, "libraries"},
    {"/lib64", true, "libraries (the x86_64 loader's path)"},
    {"/libx32", true, "libraries"},
    {"/usr/lib", true, "libraries, locales (/usr/lib/locale), gconv modules"},
    {"/usr/lib32", true, "libraries"},
    {"/usr/lib64", true, "libraries"},
    {"/usr/libx32", true, "libraries"},
    {"/usr/local/lib", true, "libraries installed locally"},
    /* libc's locale, time zone and name service: ls, cat, date, perl, python3 */
    {"/usr/share/locale", true, "locale.alias and message catalogs (setlocale)"},
    /* Landlock checks the file a symbolic link resolves to: Debian's
     * /usr/share/locale/locale.alias is a link to it */
    {"/etc/locale.alias", false, "locale.alias (setlocale: python3, perl)"},
    {"/etc/localtime", false, "the time zone (date, ls -l, python3)"},
    {"/usr/share/zoneinfo", true, "the time zones /etc/localtime and TZ name"},
    {"/etc/nsswitch.conf", false, "the name service switch (ls -l)"},
    {"/etc/passwd", false, "user names (ls -l)"},
    {"/etc/group", false, "group names (ls -l)"},
    {"/proc/filesystems", false, "libselinux's probe (ls)"},
    /* the Go runtime */
    {"/sys/kernel/mm/transparent_hugepage/hpage_pmd_size", false, "the Go runtime's huge page size"},
    /* devices every program may open */
    {"/dev/null", false, "the null device (perl)"},
    {"/dev/zero", false, "the zero device"},
    {"/dev/full", false, "the full device"},
    {"/dev/random", false, "randomness"},
    {"/dev/urandom", false, "randomness (perl's hash seed)"},
    {"/dev/tty", false, "the controlling terminal"},
};

const size_t read_baseline_len = sizeof read_baseline / sizeof *read_baseline;

/* as BASELINE_DENY in backend/apparmor.c, its entries that deny `r` */
const char *const container_unreadable[] = {
    "/proc/kcore", "/proc/kmsg", "/proc/sysrq-trigger", "/sys/firmware", "/sys/kernel/security",
    "/sys/devices/virtual/powercap", NULL,
};

/* as BASELINE_DENY in backend/apparmor.c, its entries that deny `w`: /proc/sys
 * and /sys are read-only there but for kernel.shm* and /sys/fs/cgroup, which
 * polc run does not carve out (it refuses them too: stricter, never wider) */
const char *const container_unwritable[] = {
    "/proc/sys", "/sys", "/proc/kcore", "/proc/kmsg", "/proc/sysrq-trigger", NULL,
};

/* One confined operation, for the AppArmor VM test (run_vm.sh). Linked
 * statically: it runs in the guest's initramfs, where the only dynamic
 * loader is the one apparmor_parser needs, and a nested exec of it maps no
 * shared library.
 *
 *   aa_probe OP ARGS...
 *
 * prints "ok" when the operation succeeded, else the errno's name (EACCES,
 * EPERM, ...) or "exit N" / "signal N" for a child, and exits 0 in every case
 * but a usage error (exit 2): the caller compares the word with the expected
 * outcome. `label` is the one operation whose exit status matters: it is what
 * a nested exec runs, so `exec` reports whether the child stayed confined.
 *
 *   read PATH           open(O_RDONLY) and read(2) a byte
 *   write PATH          open(O_WRONLY|O_CREAT|O_TRUNC) and write(2)
 *   append PATH         open(O_WRONLY|O_APPEND) and write(2)
 *   append-open PATH    open(O_WRONLY|O_APPEND) only
 *   exec PATH ARGS...   fork, execve(PATH, [PATH, ARGS...]); ok if it exits 0
 *   socket FAM TYPE     socket(2): FAM unix|inet|inet6|netlink|packet,
 *                       TYPE stream|dgram|raw|seqpacket
 *   chown PATH UID      chown(PATH, UID, -1) (CAP_CHOWN unless UID is ours)
 *   sethostname NAME    sethostname(2) (CAP_SYS_ADMIN)
 *   mknod PATH          mknod(PATH, S_IFCHR, makedev(1, 3)) (CAP_MKNOD)
 *   mount DIR           mount("none", DIR, "tmpfs") (CAP_SYS_ADMIN, mount rules)
 *   label NAME MODE     exit 0 iff /proc/self/attr/current is "NAME (MODE)"
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

static const char *errname(int e) {
    switch (e) {
    case EACCES: return "EACCES";
    case EPERM: return "EPERM";
    case ENOENT: return "ENOENT";
    case EINVAL: return "EINVAL";
    case EEXIST: return "EEXIST";
    case EROFS: return "EROFS";
    case EAFNOSUPPORT: return "EAFNOSUPPORT";
    case EPROTONOSUPPORT: return "EPROTONOSUPPORT";
    case ESOCKTNOSUPPORT: return "ESOCKTNOSUPPORT";
    case ENOEXEC: return "ENOEXEC";
    case ENODEV: return "ENODEV";
    case EBUSY: return "EBUSY";
    default: {
        static char buf[32];
        snprintf(buf, sizeof buf, "errno%d", e);
        return buf;
    }
    }
}

static int report(int rc) {
    puts(rc < 0 ? errname(errno) : "ok");
    return 0;
}

static int do_io(const char *path, int flags) {
    int fd = open(path, flags, 0644);
    if (fd < 0) return -1;
    char c = 'x';
    ssize_t n = (flags & O_ACCMODE) == O_RDONLY ? read(fd, &c, 1) : write(fd, &c, 1);
    int e = errno;
    close(fd);
    errno = e;
    return n < 0 ? -1 : 0;
}

static int do_exec(char **argv) {
    int p[2];
    if (pipe2(p, O_CLOEXEC) < 0) return -1;
    pid_t pid = fork();
    if (pid < 0) return -1;
    if (pid == 0) {
        close(p[0]);
        execv(argv[0], argv);
        int e = errno;
        if (write(p[1], &e, sizeof e) < 0) _exit(126);
        _exit(127);
    }
    close(p[1]);
    int e = 0, st = 0;
    ssize_t n = read(p[0], &e, sizeof e);
    close(p[0]);
    if (waitpid(pid, &st, 0) < 0) return -1;
    if (n == (ssize_t)sizeof e) {
        puts(errname(e));
        return 0;
    }
    if (WIFEXITED(st) && WEXITSTATUS(st) == 0)
        puts("ok");
    else if (WIFEXITED(st))
        printf("exit %d\n", WEXITSTATUS(st));
    else
        printf("signal %d\n", WTERMSIG(st));
    return 0;
}

static int lookup(const char *s, const char *const names[], const int values[]) {
    for (int i = 0; names[i]; i++)
        if (strcmp(s, names[i]) == 0) return values[i];
    fprintf(stderr, "aa_probe: unknown name %s\n", s);
    exit(2);
}

static int do_socket(const char *fam, const char *type) {
    static const char *const fn[] = {"unix", "inet", "inet6", "netlink", "packet", NULL};
    static const int fv[] = {AF_UNIX, AF_INET, AF_INET6, AF_NETLINK, AF_PACKET};
    static const char *const tn[] = {"stream", "dgram", "raw", "seqpacket", NULL};
    static const int tv[] = {SOCK_STREAM, SOCK_DGRAM, SOCK_RAW, SOCK_SEQPACKET};
    int f = lookup(fam, fn, fv), t = lookup(type, tn, tv);
    /* protocol 0 but for raw IP sockets, which need one (ICMP) */
    int proto = (t == SOCK_RAW && (f == AF_INET || f == AF_INET6)) ? (f == AF_INET ? 1 : 58) : 0;
    int fd = socket(f, t, proto);
    if (fd >= 0) close(fd);
    return fd < 0 ? -1 : 0;
}

static int do_label(const char *name, const char *mode) {
    char buf[256] = {0}, want[256];
    int fd = open("/proc/self/attr/current", O_RDONLY);
    if (fd < 0) return 3;
    ssize_t n = read(fd, buf, sizeof buf - 1);
    close(fd);
    if (n <= 0) return 3;
    buf[strcspn(buf, "\n")] = 0;
    snprintf(want, sizeof want, "%s (%s)", name, mode);
    if (strcmp(buf, want) != 0) {
        fprintf(stderr, "aa_probe: label is \"%s\", expected \"%s\"\n", buf, want);
        return 1;
    }
    return 0;
}

int main(int argc, char **argv) {
    if (argc < 2) goto usage;
    const char *op = argv[1];
    setvbuf(stdout, NULL, _IONBF, 0);
    if (!strcmp(op, "read") && argc == 3) return report(do_io(argv[2], O_RDONLY));
    if (!strcmp(op, "write") && argc == 3) return report(do_io(argv[2], O_WRONLY | O_CREAT | O_TRUNC));
    if (!strcmp(op, "append") && argc == 3) return report(do_io(argv[2], O_WRONLY | O_APPEND));
    if (!strcmp(op, "append-open") && argc == 3) {
        int fd = open(argv[2], O_WRONLY | O_APPEND);
        if (fd >= 0) close(fd);
        return report(fd);
    }
    if (!strcmp(op, "exec") && argc >= 3) {
        if (do_exec(argv + 2) < 0) return report(-1);
        return 0;
    }
    if (!strcmp(op, "socket") && argc == 4) return report(do_socket(argv[2], argv[3]));
    if (!strcmp(op, "chown") && argc == 4) return report(chown(argv[2], (uid_t)atoi(argv[3]), (gid_t)-1));
    if (!strcmp(op, "sethostname") && argc == 3) return report(sethostname(argv[2], strlen(argv[2])));
    if (!strcmp(op, "mknod") && argc == 3) return report(mknod(argv[2], S_IFCHR | 0600, makedev(1, 3)));
    if (!strcmp(op, "mount") && argc == 3) {
        int rc = mount("none", argv[2], "tmpfs", 0, NULL);
        if (rc == 0) umount2(argv[2], MNT_DETACH);
        return report(rc);
    }
    if (!strcmp(op, "label") && argc == 4) return do_label(argv[2], argv[3]);
usage:
    fprintf(stderr, "usage: aa_probe read|write|append|append-open|exec|socket|chown|sethostname|mknod|mount|label ARGS\n");
    return 2;
}

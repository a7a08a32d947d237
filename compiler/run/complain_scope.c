/* Signals and abstract unix sockets against the scopes, as Landlock enforces
 * them (ABI 6): the sandbox is CMD's Landlock domain, CMD and every process
 * it starts. Complain mode applies no ruleset, so the supervisor judges here:
 * a peer is inside when it descends from polc, CMD's parent, which is also
 * the subreaper of CMD's orphans (launch.c), so a daemonized process stays
 * inside as it does for Landlock.
 *
 * `scope signal`: kill, tkill, tgkill, rt_sigqueueinfo, rt_tgsigqueueinfo
 * and pidfd_send_signal to a process outside. A process group (kill with a
 * pid of 0 or below) is not judged: Landlock checks each member.
 * `scope abstract-unix`: connect, sendto and sendmsg to an abstract address
 * whose socket is held only by processes outside (read from the caller's
 * network namespace, /proc/PID/net/unix, and /proc/PID/fd of every process). */
#include <dirent.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "run/complain.h"

static pid_t parent_of(pid_t pid)
{
    char path[64], buf[512];
    snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    /* pid (comm) state ppid: comm may hold spaces and parentheses */
    const char *close = strrchr(buf, ')');
    int ppid;
    if (!close || sscanf(close + 1, " %*c %d", &ppid) != 1)
        return -1;
    return (pid_t)ppid;
}

/* The number after `key` in one of /proc's "Key:\tvalue" files; -1. */
static pid_t proc_field(const char *path, const char *key)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    char line[256];
    size_t n = strlen(key);
    int v = -1;
    while (fgets(line, sizeof line, f))
        if (strncmp(line, key, n) == 0 && sscanf(line + n, "%d", &v) == 1)
            break;
    fclose(f);
    return (pid_t)v;
}

/* A thread id's process (tkill and tgkill name threads). */
static pid_t thread_group(pid_t tid)
{
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/status", (int)tid);
    return proc_field(path, "Tgid:");
}

static bool inside(const ComplainState *cs, pid_t pid)
{
    if (pid == cs->supervisor)
        return false;
    for (int depth = 0; pid > 1 && depth < 4096; depth++) {
        pid = parent_of(pid);
        if (pid == cs->supervisor)
            return true;
    }
    return false;
}

/* The pid a pidfd of the caller refers to (its fdinfo's Pid: line). */
static pid_t pidfd_target(pid_t caller, int fd)
{
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/fdinfo/%d", (int)caller, fd);
    return proc_field(path, "Pid:");
}

static const char *judge_signal(ComplainState *cs, const struct seccomp_notif *req, const char *sys, Span *span,
                                const char **right, const char **peer)
{
    const __u64 *a = req->data.args;
    pid_t target;
    if (strcmp(sys, "kill") == 0 || strcmp(sys, "rt_sigqueueinfo") == 0) {
        if ((int32_t)a[0] <= 0)
            return NULL; /* a process group, or every process: not judged */
        target = (pid_t)(int32_t)a[0];
    } else if (strcmp(sys, "tkill") == 0) {
        target = thread_group((pid_t)(int32_t)a[0]);
    } else if (strcmp(sys, "tgkill") == 0 || strcmp(sys, "rt_tgsigqueueinfo") == 0) {
        target = (pid_t)(int32_t)a[0];
    } else if (strcmp(sys, "pidfd_send_signal") == 0) {
        target = pidfd_target((pid_t)req->pid, (int)a[0]);
    } else {
        return NULL;
    }
    if (target <= 0 || target == thread_group((pid_t)req->pid) || inside(cs, target))
        return NULL; /* gone, the caller itself, or inside */
    *span = cs->p->process.scope_signal_span;
    *right = "signal";
    *peer = arena_printf(cs->p->arena, "%d", (int)target);
    return arena_printf(cs->p->arena, "scope signal (pid %d is outside the sandbox)", (int)target);
}

/* The inodes of the sockets bound to the abstract NAME in the caller's
 * network namespace; how many. */
static size_t abstract_inodes(pid_t caller, const char *name, unsigned long *out, size_t max)
{
    char path[64], line[512];
    snprintf(path, sizeof path, "/proc/%d/net/unix", (int)caller);
    FILE *f = fopen(path, "r");
    if (!f)
        return 0;
    size_t n = 0;
    if (!fgets(line, sizeof line, f)) { /* the header */
        fclose(f);
        return 0;
    }
    while (n < max && fgets(line, sizeof line, f)) {
        unsigned long inode;
        char p[300] = "";
        /* Num RefCount Protocol Flags Type St Inode Path */
        if (sscanf(line, "%*s %*s %*s %*s %*s %*s %lu %299s", &inode, p) == 2 && p[0] == '@' &&
            strcmp(p + 1, name) == 0)
            out[n++] = inode;
    }
    fclose(f);
    return n;
}

/* Some process inside the sandbox holds one of the sockets. */
static bool held_inside(const ComplainState *cs, const unsigned long *inodes, size_t n)
{
    DIR *proc = opendir("/proc");
    if (!proc)
        return false;
    bool found = false;
    struct dirent *e;
    while (!found && (e = readdir(proc))) {
        pid_t pid = (pid_t)atoi(e->d_name);
        if (pid <= 0 || !inside(cs, pid))
            continue;
        char dir[64];
        snprintf(dir, sizeof dir, "/proc/%d/fd", (int)pid);
        DIR *fds = opendir(dir);
        if (!fds)
            continue;
        struct dirent *fe;
        while (!found && (fe = readdir(fds))) {
            char link[128], target[64];
            snprintf(link, sizeof link, "%s/%.40s", dir, fe->d_name);
            ssize_t len = readlink(link, target, sizeof target - 1);
            if (len <= 0)
                continue;
            target[len] = '\0';
            unsigned long ino;
            if (sscanf(target, "socket:[%lu]", &ino) == 1)
                for (size_t i = 0; i < n; i++)
                    found |= ino == inodes[i];
        }
        closedir(fds);
    }
    closedir(proc);
    return found;
}

static const char *judge_abstract(ComplainState *cs, int listener, const struct seccomp_notif *req, const char *sys,
                                  Span *span, const char **right, const char **peer)
{
    uint64_t addr, len;
    if (strcmp(sys, "connect") == 0) {
        addr = req->data.args[1], len = req->data.args[2];
    } else if (strcmp(sys, "sendto") == 0) {
        addr = req->data.args[4], len = req->data.args[5];
    } else if (strcmp(sys, "sendmsg") == 0) {
        struct {
            uint64_t name;
            uint32_t namelen;
        } mh;
        if (!supervise_read_mem(listener, req, req->data.args[1], &mh, sizeof mh))
            return NULL;
        addr = mh.name, len = mh.namelen;
    } else {
        return NULL;
    }
    struct sockaddr_un sa;
    size_t head = offsetof(struct sockaddr_un, sun_path);
    if (!addr || len <= head + 1 || len > sizeof sa)
        return NULL; /* no address, an unnamed or pathname one, or EINVAL */
    memset(&sa, 0, sizeof sa);
    if (!supervise_read_mem(listener, req, addr, &sa, (size_t)len) || sa.sun_family != AF_UNIX ||
        sa.sun_path[0] != '\0')
        return NULL;
    /* /proc/net/unix shows the name's NUL bytes as '@' */
    char name[sizeof sa.sun_path + 1];
    size_t nlen = (size_t)len - head - 1;
    for (size_t i = 0; i < nlen; i++)
        name[i] = sa.sun_path[1 + i] ? sa.sun_path[1 + i] : '@';
    name[nlen] = '\0';
    unsigned long inodes[64];
    size_t n = abstract_inodes((pid_t)req->pid, name, inodes, 64);
    if (n == 0 || held_inside(cs, inodes, n))
        return NULL; /* nothing bound there (the kernel refuses it), or a socket of the sandbox */
    *span = cs->p->net.scope_abstract_unix_span;
    *right = "abstract-unix";
    *peer = arena_printf(cs->p->arena, "@%s", name);
    return arena_printf(cs->p->arena, "scope abstract-unix (@%s is bound outside the sandbox)", name);
}

const char *complain_scope_judge(ComplainState *cs, int listener, const struct seccomp_notif *req, const char *sys,
                                 Span *span, const char **right, const char **peer)
{
    const char *why = NULL;
    if (cs->ll->scoped & LL_SCOPE_SIGNAL)
        why = judge_signal(cs, req, sys, span, right, peer);
    if (!why && (cs->ll->scoped & LL_SCOPE_ABSTRACT_UNIX_SOCKET))
        why = judge_abstract(cs, listener, req, sys, span, right, peer);
    return why;
}

/* The seccomp user-notification supervisor (polc run --complain, polc learn
 * --run). The child loads the filter with SECCOMP_FILTER_FLAG_NEW_LISTENER and
 * goes straight on to execve, which the filter always notifies: the child
 * makes no other call the policy would have to allow (passing the listener
 * over a socket would be one: sendmsg). The parent finds the listener in
 * /proc/CHILD/fd (the link `anon_inode:seccomp notify`) and copies it with
 * pidfd_getfd while the child's execve waits for an answer.
 *
 * Then one loop: notifications from every thread and process of the tree (the
 * filter is inherited across fork and clone) are received one at a time,
 * judged by the hook, and answered SECCOMP_USER_NOTIF_FLAG_CONTINUE. Nothing
 * in the loop waits for the target: a task that dies mid-read only makes its
 * reads fail (the id is re-validated after reading) and its answer ENOENT.
 * The loop ends when CMD (the child) exits; descendants left running then see
 * ENOSYS for calls that would notify (no listener). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "run/complain.h"

#ifndef SECCOMP_USER_NOTIF_FLAG_CONTINUE
#define SECCOMP_USER_NOTIF_FLAG_CONTINUE (1UL << 0)
#endif

static void fail(RunFailure *f, const char *what, int err)
{
    snprintf(f->code, sizeof f->code, "E1120");
    snprintf(f->msg, sizeof f->msg, "polc run: the complain supervisor failed: %s: %s", what, strerror(err));
    snprintf(f->help, sizeof f->help, "CMD was stopped; nothing ran unsupervised");
}

/* The child's listener; -1 while it has none yet; -2 when it cannot be taken
 * (errno set). */
static int find_listener(pid_t child, int pidfd)
{
    char dir[64];
    snprintf(dir, sizeof dir, "/proc/%d/fd", (int)child);
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    int got = -1;
    for (struct dirent *e; got == -1 && (e = readdir(d));) {
        if (e->d_name[0] == '.')
            continue;
        char path[384], link[64];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        ssize_t n = readlink(path, link, sizeof link - 1);
        if (n <= 0)
            continue;
        link[n] = '\0';
        if (strcmp(link, "anon_inode:seccomp notify") == 0) {
            got = (int)syscall(SYS_pidfd_getfd, pidfd, atoi(e->d_name), 0);
            if (got < 0)
                got = -2;
        }
    }
    int err = errno;
    closedir(d);
    errno = err;
    return got;
}

/* A RunFailure from the pipe: 1 when one came, 0 at EOF (CMD was exec'd). */
static int read_failure(int fd, RunFailure *f)
{
    size_t got = 0;
    while (got < sizeof *f) {
        ssize_t n = read(fd, (char *)f + got, sizeof *f - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        got += (size_t)n;
    }
    return got == sizeof *f;
}

static void answer(int listener, const struct seccomp_notif *req)
{
    struct seccomp_notif_resp resp;
    memset(&resp, 0, sizeof resp);
    resp.id = req->id;
    resp.flags = SECCOMP_USER_NOTIF_FLAG_CONTINUE;
    /* ENOENT: the task died or its call was interrupted; nothing to answer */
    (void)ioctl(listener, SECCOMP_IOCTL_NOTIF_SEND, &resp);
}

static int stop_child(pid_t child, int *status)
{
    kill(child, SIGKILL);
    while (waitpid(child, status, 0) < 0 && errno == EINTR)
        ;
    return -1;
}

int supervise(pid_t child, int failure_fd, const SuperviseHooks *h, RunFailure *f, int *status)
{
    memset(f, 0, sizeof *f);
    int pidfd = (int)syscall(SYS_pidfd_open, child, 0);
    if (pidfd < 0) {
        fail(f, "pidfd_open", errno);
        return stop_child(child, status);
    }
    /* until the child has loaded the filter: a failing step before it, or the
     * listener */
    int listener = -1;
    for (;;) {
        listener = find_listener(child, pidfd);
        if (listener >= 0)
            break;
        if (listener == -2) {
            fail(f, "pidfd_getfd", errno);
            close(pidfd);
            return stop_child(child, status);
        }
        /* not loaded yet: wait a little, or for a failure */
        struct pollfd pf = {failure_fd, POLLIN, 0};
        int r = poll(&pf, 1, 1);
        if (r < 0 && errno != EINTR) {
            fail(f, "poll", errno);
            close(pidfd);
            return stop_child(child, status);
        }
        if (r > 0) {
            /* a failure (no filter loaded yet, or execve failed), or EOF
             * without the listener: the filter did not notify execve */
            int failed = read_failure(failure_fd, f);
            while (waitpid(child, status, 0) < 0 && errno == EINTR)
                ;
            close(pidfd);
            if (failed)
                return 1;
            fail(f, "the child ran CMD before its listener was taken", EPROTO);
            return -1;
        }
    }
    struct seccomp_notif_sizes sizes;
    if (syscall(SYS_seccomp, SECCOMP_GET_NOTIF_SIZES, 0, &sizes) != 0) {
        fail(f, "SECCOMP_GET_NOTIF_SIZES", errno);
        close(listener), close(pidfd);
        return stop_child(child, status);
    }
    size_t reqsize = sizes.seccomp_notif > sizeof(struct seccomp_notif) ? sizes.seccomp_notif
                                                                         : sizeof(struct seccomp_notif);
    struct seccomp_notif *req = malloc(reqsize);
    /* CMD's exit does not end the run while processes it started still use
     * the filter (a background job, a daemon): as `strace -f` does, their
     * calls are served until the last one is gone (the listener's POLLHUP),
     * instead of failing with ENOSYS for want of a listener */
    bool pipe_open = true, users = true, cmd_done = false;
    for (;;) {
        struct pollfd pf[3] = {{users ? listener : -1, POLLIN, 0},
                               {cmd_done ? -1 : pidfd, POLLIN, 0},
                               {pipe_open ? failure_fd : -1, POLLIN, 0}};
        int r = poll(pf, 3, -1);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            fail(f, "poll", errno);
            free(req), close(listener), close(pidfd);
            return stop_child(child, status);
        }
        if (pf[0].revents & POLLIN) {
            memset(req, 0, reqsize);
            if (ioctl(listener, SECCOMP_IOCTL_NOTIF_RECV, req) == 0) {
                h->on_call(h->ctx, listener, req);
                answer(listener, req);
            }
            continue; /* serve the queue before looking at exits */
        }
        if (pf[0].revents & (POLLHUP | POLLERR))
            users = false; /* no task uses the filter any more: CMD is exiting */
        if (pf[2].revents) {
            RunFailure rf;
            if (read_failure(failure_fd, &rf)) {
                /* execve of CMD failed after the filter was loaded */
                *f = rf;
                while (waitpid(child, status, 0) < 0 && errno == EINTR)
                    ;
                free(req), close(listener), close(pidfd);
                return 1;
            }
            pipe_open = false;
        }
        if ((pf[1].revents & POLLIN) && !cmd_done) {
            while (waitpid(child, status, 0) < 0 && errno == EINTR)
                ;
            cmd_done = true;
        }
        if (cmd_done && !users)
            break;
    }
    free(req);
    close(listener);
    close(pidfd);
    return 0;
}

bool supervise_read_mem(int listener, const struct seccomp_notif *req, uint64_t addr, void *buf, size_t n)
{
    char path[64];
    snprintf(path, sizeof path, "/proc/%u/mem", req->pid);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    ssize_t got = pread(fd, buf, n, (off_t)addr);
    close(fd);
    if (got != (ssize_t)n)
        return false;
    /* the task may have died and its pid been reused while we read */
    uint64_t id = req->id;
    return ioctl(listener, SECCOMP_IOCTL_NOTIF_ID_VALID, &id) == 0;
}

bool supervise_read_string(int listener, const struct seccomp_notif *req, uint64_t addr, char *buf, size_t n)
{
    char path[64];
    snprintf(path, sizeof path, "/proc/%u/mem", req->pid);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    /* page by page: a string near the end of a mapping must not fail for
     * the unmapped bytes after it */
    size_t got = 0;
    bool done = false;
    while (got + 1 < n && !done) {
        uint64_t at = addr + got;
        size_t chunk = 4096 - (size_t)(at & 4095);
        if (chunk > n - 1 - got)
            chunk = n - 1 - got;
        ssize_t r = pread(fd, buf + got, chunk, (off_t)at);
        if (r <= 0)
            break;
        void *nul = memchr(buf + got, '\0', (size_t)r);
        got += (size_t)r;
        done = nul != NULL;
    }
    close(fd);
    if (!done && got + 1 < n)
        return false;
    buf[got < n ? got : n - 1] = '\0';
    buf[n - 1] = '\0';
    uint64_t id = req->id;
    return ioctl(listener, SECCOMP_IOCTL_NOTIF_ID_VALID, &id) == 0;
}

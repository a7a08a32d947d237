/* run_under_filter: run a command under a Docker seccomp profile, loaded the
 * way runc loads it (tests/oracle: libseccomp + runc's -ENOSYS stub).
 *
 *   run_under_filter PROFILE.json -- CMD [ARG...]
 *   run_under_filter --check      exit 0 if seccomp filters can be loaded,
 *                                 77 if not (1 when CI=true)
 *
 * Forks; the child sets no_new_privs, loads the filter with seccomp(2) and
 * execs CMD (an absolute path: no PATH search under the filter). The exit
 * status is CMD's, or 128+N when a signal N ended it (SIGSYS: 159); 125
 * when the profile cannot be loaded, 77 when seccomp is unavailable. */
#include <errno.h>
#include <fcntl.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "oracle.h"

static int load(const struct sock_filter *prog, size_t len)
{
    struct sock_fprog fp = {(unsigned short)len, (struct sock_filter *)prog};
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0)
        return -1;
    return (int)syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &fp);
}

static int skip_or_fail(const char *why)
{
    const char *ci = getenv("CI");
    if (ci && strcmp(ci, "true") == 0) {
        fprintf(stderr, "run_under_filter: FAIL: seccomp unavailable (%s) and CI=true\n", why);
        return 1;
    }
    fprintf(stderr, "run_under_filter: SKIP: seccomp unavailable (%s)\n", why);
    return 77;
}

/* A trivial allow-all filter in a child: can this process use seccomp? */
static int seccomp_works(char *why, size_t n)
{
    pid_t pid = fork();
    if (pid < 0) {
        snprintf(why, n, "fork: %s", strerror(errno));
        return 0;
    }
    if (pid == 0) {
        const struct sock_filter allow[] = {{BPF_RET | BPF_K, 0, 0, SECCOMP_RET_ALLOW}};
        _exit(load(allow, 1) == 0 ? 0 : errno == 0 ? 99 : (errno & 0x7f));
    }
    int st;
    if (waitpid(pid, &st, 0) != pid || !WIFEXITED(st) || WEXITSTATUS(st) != 0) {
        snprintf(why, n, "seccomp(SECCOMP_SET_MODE_FILTER): %s",
                 WIFEXITED(st) ? strerror(WEXITSTATUS(st)) : "child died");
        return 0;
    }
    return 1;
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, len = 0;
    char *buf = malloc(cap);
    size_t r;
    while (buf && (r = fread(buf + len, 1, cap - len - 1, f)) > 0) {
        len += r;
        if (cap - len < 2) {
            char *nb = realloc(buf, cap *= 2);
            if (!nb) {
                free(buf);
                buf = NULL;
            }
            buf = nb;
        }
    }
    fclose(f);
    if (buf)
        buf[len] = '\0';
    return buf;
}

int main(int argc, char **argv)
{
    char why[256];
    if (argc == 2 && strcmp(argv[1], "--check") == 0)
        return seccomp_works(why, sizeof why) ? 0 : skip_or_fail(why);
    if (argc < 4 || strcmp(argv[2], "--") != 0) {
        fprintf(stderr, "usage: run_under_filter PROFILE.json -- CMD [ARG...]\n"
                        "       run_under_filter --check\n");
        return 2;
    }
    char *json = slurp(argv[1]);
    if (!json) {
        fprintf(stderr, "run_under_filter: cannot read %s: %s\n", argv[1], strerror(errno));
        return 125;
    }
    char err[512];
    OracleFilter *f = oracle_load_json(json, oracle_docker_default_caps, 0, err, sizeof err);
    free(json);
    if (!f) {
        fprintf(stderr, "run_under_filter: cannot load %s: %s\n", argv[1], err);
        return 125;
    }
    if (!seccomp_works(why, sizeof why)) {
        oracle_free(f);
        return skip_or_fail(why);
    }
    size_t len;
    const struct sock_filter *prog = oracle_bpf(f, &len);
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0) {
        perror("run_under_filter: fork");
        return 125;
    }
    if (pid == 0) {
        if (load(prog, len) != 0) {
            /* stderr may be denied now only if load succeeded, so this prints */
            fprintf(stderr, "run_under_filter: seccomp: %s\n", strerror(errno));
            _exit(125);
        }
        execv(argv[3], argv + 3);
        _exit(126); /* execve denied or missing: nothing else is safe to call */
    }
    oracle_free(f);
    int st;
    while (waitpid(pid, &st, 0) < 0)
        if (errno != EINTR) {
            perror("run_under_filter: waitpid");
            return 125;
        }
    if (WIFSIGNALED(st))
        return 128 + WTERMSIG(st);
    return WEXITSTATUS(st);
}

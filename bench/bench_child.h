/* A benchmark's child commands timed by CPU (user + sys), as bench_diff
 * and bench_examples measure polc against its references. */
#ifndef POLC_BENCH_CHILD_H
#define POLC_BENCH_CHILD_H
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench_stats.h"

static inline double children_cpu_ms(void)
{
    struct rusage ru;
    getrusage(RUSAGE_CHILDREN, &ru);
    return (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 + (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3;
}

/* Runs argv with stdout and stderr to /dev/null; its CPU time in ms, or -1
 * when it does not exit with status 0. */
static inline double run_cpu(char *const argv[])
{
    double before = children_cpu_ms();
    pid_t pid = fork();
    if (pid == 0) {
        int devnull = open("/dev/null", O_WRONLY);
        dup2(devnull, 1);
        dup2(devnull, 2);
        execv(argv[0], argv);
        _exit(127);
    }
    int st;
    if (pid < 0 || waitpid(pid, &st, 0) != pid)
        return -1;
    double cpu = children_cpu_ms() - before;
    return WIFEXITED(st) && WEXITSTATUS(st) == 0 ? cpu : -1;
}

/* The median CPU time of RUNS runs of argv, or -1 if one failed. */
static inline double median_cpu(char *const argv[], int runs, double *v)
{
    for (int r = 0; r < runs; r++)
        if ((v[r] = run_cpu(argv)) < 0)
            return -1;
    return median(v, runs);
}

#endif

/* Benchmark: `polc diff` of a policy against its own deployed artifacts,
 * with references measured in the same run.
 *
 *   bench_diff POLC_BINARY STDLIB_DIR RUNS FILE.pol
 *
 * Writes FILE's Docker JSON and BPF program once (`polc FILE -t docker -t
 * bpf -o DIR`), then reports the median over RUNS runs of the CPU time (user
 * + sys of the child: getrusage(RUSAGE_CHILDREN) before and after) of
 *   - `polc diff FILE NAME.seccomp.json` (the import, two compilations and
 *     the exact comparison);
 *   - `polc diff FILE NAME.bpf` (the BPF program lifted back instead);
 * next to
 *   - `polc --check FILE`: compiling the policy once, the unit of the ratios;
 *   - `polc FILE -t bpf -o DIR`: compiling it to the program.
 * Each diff must say "no changes" (exit 0), or the run fails. Not a test:
 * nothing here asserts a time. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench_stats.h"

static double children_cpu_ms(void)
{
    struct rusage ru;
    getrusage(RUSAGE_CHILDREN, &ru);
    return (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 + (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3;
}

/* Runs argv with stdout and stderr to /dev/null; its CPU time in ms, or -1
 * when it does not exit with status 0. */
static double run_cpu(char *const argv[])
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

static double median_cpu(char *const argv[], int runs, double *v)
{
    for (int r = 0; r < runs; r++)
        if ((v[r] = run_cpu(argv)) < 0)
            return -1;
    return median(v, runs);
}

int main(int argc, char **argv)
{
    if (argc != 5) {
        fprintf(stderr, "usage: bench_diff POLC_BINARY STDLIB_DIR RUNS FILE.pol\n");
        return 2;
    }
    char *polc = argv[1], *stdlib = argv[2], *file = argv[4];
    int runs = atoi(argv[3]);
    if (runs < 1)
        runs = 1;
    double *v = calloc((size_t)runs, sizeof *v);
    char dir[] = "/tmp/polc-bench-diff-XXXXXX";
    if (!v || !mkdtemp(dir))
        return 2;
    const char *base = strrchr(file, '/') ? strrchr(file, '/') + 1 : file;
    char json[4096], bpf[4096];
    snprintf(json, sizeof json, "%s/%.*s.seccomp.json", dir, (int)strcspn(base, "."), base);
    snprintf(bpf, sizeof bpf, "%s/%.*s.bpf", dir, (int)strcspn(base, "."), base);

    char *outputs[] = {polc, "-I", stdlib, file, "-t", "docker", "-t", "bpf", "-o", dir, NULL};
    char *check[] = {polc, "--check", "-I", stdlib, file, NULL};
    char *to_bpf[] = {polc, "-I", stdlib, file, "-t", "bpf", "-o", dir, NULL};
    char *diff_json[] = {polc, "diff", "-I", stdlib, file, json, NULL};
    char *diff_bpf[] = {polc, "diff", "-I", stdlib, file, bpf, NULL};
    int rc = 0;
    if (run_cpu(outputs) < 0) {
        fprintf(stderr, "%s: polc cannot write its outputs\n", file);
        rc = 1;
    } else {
        double m_check = median_cpu(check, runs, v);
        double m_bpf = median_cpu(to_bpf, runs, v);
        double m_dj = median_cpu(diff_json, runs, v);
        double m_db = median_cpu(diff_bpf, runs, v);
        if (m_check <= 0 || m_bpf < 0 || m_dj < 0 || m_db < 0) {
            fprintf(stderr, "%s: a run failed (a diff that finds changes fails too)\n", file);
            rc = 1;
        } else {
            printf("%s: %d runs each, median CPU time (user+sys)\n", file, runs);
            printf("  %-40s %8.1f ms  %5.2fx\n", "polc --check FILE (reference)", m_check, 1.0);
            printf("  %-40s %8.1f ms  %5.2fx\n", "polc FILE -t bpf -o DIR", m_bpf, m_bpf / m_check);
            printf("  %-40s %8.1f ms  %5.2fx\n", "polc diff FILE NAME.seccomp.json", m_dj, m_dj / m_check);
            printf("  %-40s %8.1f ms  %5.2fx\n", "polc diff FILE NAME.bpf", m_db, m_db / m_check);
        }
    }
    unlink(json);
    unlink(bpf);
    rmdir(dir);
    free(v);
    return rc;
}

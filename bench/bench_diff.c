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

#include "bench_child.h"

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

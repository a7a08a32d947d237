/* Benchmark: the CPU time of the polc CLI on each example policy, with
 * references measured in the same run.
 *
 *   bench_examples POLC_BINARY STDLIB_DIR RUNS FILE.pol...
 *
 * For each FILE, the median over RUNS runs of the CPU time (user + sys, of
 * the child and anything it waits for: getrusage(RUSAGE_CHILDREN) before and
 * after) of
 *   - `polc --check FILE` (the editor / CI path);
 *   - `polc FILE -o DIR` (a full compile: every back end, outputs written,
 *     the Docker profile built with libseccomp as runc does);
 * next to
 *   - `polc --version`: bare process start, the floor of any CLI call;
 *   - libseccomp building a filter from the Docker profile the full compile
 *     wrote, in this process, as runc does (tests/oracle): CPU of the calling
 *     thread (CLOCK_THREAD_CPUTIME_ID).
 * Not a test: nothing here asserts a time. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "util/file.h"
#include "validate/oracle.h"
#include "bench_child.h"

static double thread_cpu_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

int main(int argc, char **argv)
{
    if (argc < 5) {
        fprintf(stderr, "usage: bench_examples POLC_BINARY STDLIB_DIR RUNS FILE.pol...\n");
        return 2;
    }
    char *polc = argv[1], *stdlib = argv[2];
    int runs = atoi(argv[3]);
    if (runs < 1)
        runs = 1;
    double *v = calloc((size_t)runs, sizeof *v);
    char dir[] = "/tmp/polc-bench-examples-XXXXXX";
    if (!v || !mkdtemp(dir))
        return 2;

    char *version[] = {polc, "--version", NULL};
    double start = median_cpu(version, runs, v);
    printf("%d runs each, median CPU time (user+sys) in ms\n", runs);
    printf("reference: polc --version (process start)  %7.2f ms\n\n", start);
    printf("%-16s %8s %8s %10s %10s %10s %10s\n", "policy", "--check", "-o DIR", "libseccomp", "check/start",
           "full/start", "check/libs");
    int rc = 0;
    for (int a = 4; a < argc; a++) {
        const char *file = argv[a];
        const char *base = strrchr(file, '/') ? strrchr(file, '/') + 1 : file;
        char name[256];
        snprintf(name, sizeof name, "%.*s", (int)(strcspn(base, ".")), base);

        /* an example with `user NAME`: its image's accounts, which the
         * Kubernetes output needs (tests/golden/image-roots/NAME) */
        char ids[4096];
        snprintf(ids, sizeof ids, "%s/../tests/golden/image-roots/%s", stdlib, name);
        char *check[] = {polc, "--check", "-I", stdlib, (char *)file, NULL, NULL, NULL};
        char *full[] = {polc, "-I", stdlib, (char *)file, "-o", dir, NULL, NULL, NULL};
        if (access(ids, R_OK) == 0) {
            check[5] = full[6] = "--image-root";
            check[6] = full[7] = ids;
        }
        double m_check = median_cpu(check, runs, v);
        double m_full = median_cpu(full, runs, v);
        if (m_check < 0 || m_full < 0) {
            fprintf(stderr, "%s: polc failed\n", file);
            rc = 1;
            continue;
        }

        /* libseccomp on the profile the full compile wrote */
        char path[4096];
        snprintf(path, sizeof path, "%s/%s.seccomp.json", dir, name);
        Arena arena;
        arena_init(&arena);
        int err_no;
        size_t json_len;
        char *json = read_file_arena(&arena, path, &json_len, &err_no);
        double m_lib = -1;
        if (json) {
            for (int r = 0; r < runs; r++) {
                char err[256];
                OracleOptions o = {oracle_docker_default_caps, 0, 0, 0, 0};
                double t0 = thread_cpu_ms();
                OracleFilter *f = oracle_load_json_opts(json, &o, err, sizeof err);
                v[r] = thread_cpu_ms() - t0;
                if (!f) {
                    fprintf(stderr, "%s: libseccomp: %s\n", path, err);
                    m_lib = -2;
                    break;
                }
                oracle_free(f);
            }
            if (m_lib == -1)
                m_lib = median(v, runs);
            unlink(path);
        }
        arena_release(&arena);
        char lib[32] = "-", ratio[32] = "-";
        if (m_lib > 0) {
            snprintf(lib, sizeof lib, "%.2f", m_lib);
            snprintf(ratio, sizeof ratio, "%.2fx", m_check / m_lib);
        }
        printf("%-16s %8.2f %8.2f %10s %9.2fx %9.2fx %10s\n", name, m_check, m_full, lib, m_check / start,
               m_full / start, ratio);
        /* the other outputs of the full compile */
        static const char *const ext[] = {".bpf", ".apparmor", ".k8s.yaml", ".seccomp.json"};
        for (size_t e = 0; e < sizeof ext / sizeof *ext; e++) {
            snprintf(path, sizeof path, "%s/%s%s", dir, name, ext[e]);
            unlink(path);
        }
    }
    if (rmdir(dir) != 0 && errno != ENOENT)
        fprintf(stderr, "note: %s left behind (not empty)\n", dir);
    free(v);
    return rc;
}

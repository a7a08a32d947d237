/* Benchmark: `polc --check` on a generated 1,000-line policy, with
 * libseccomp measured in the same run as the reference point.
 *
 *   bench_check POLC_BINARY STDLIB_DIR [LINES] [RUNS]
 *
 * Prints, as medians over RUNS runs:
 *   - polc --check wall time (fork + exec of the CLI, as an editor calls it);
 *   - polc's front and middle end in process (parse .. optimize);
 *   - polc's Docker JSON back end in process;
 *   - libseccomp building and exporting a filter from that JSON the way runc
 *     does (tests/oracle), the reference for the ratios.
 * Not a test: nothing here asserts a time. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "oracle.h"
#include "polc/polc.h"
#include "compile.h"
#include "validate/validate.h"
#include "bench_stats.h"

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* A policy in the shape real ones have: constants, sets, allow lists,
 * conditional denials, capability blocks, on one 64-bit arch. */
static char *generate(const char *stdlib, int lines, int *out_lines)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/syscalls/x86_64.tbl", stdlib);
    FILE *t = fopen(path, "r");
    if (!t)
        return NULL;
    char names[512][64];
    int n = 0;
    char line[256];
    while (fgets(line, sizeof line, t) && n < 512) {
        unsigned nr;
        char name[64];
        if (line[0] != '#' && sscanf(line, "%u %63s", &nr, name) == 2)
            snprintf(names[n++], sizeof names[0], "%s", name);
    }
    fclose(t);
    size_t cap = (size_t)lines * 96 + 4096, len = 0;
    char *buf = malloc(cap);
    int count = 0;
#define EMIT(...) (len += (size_t)snprintf(buf + len, cap - len, __VA_ARGS__), count++)
    EMIT("policy generated \"benchmark policy, %d lines\"\n", lines);
    EMIT("arch x86_64\n");
    EMIT("default errno(EPERM)\n");
    int consts = lines / 10;
    for (int i = 0; i < consts; i++)
        EMIT("const BENCH_%d = 0x%x | (1 << %d)\n", i, i * 7, i % 31);
    int sets = lines / 50;
    for (int i = 0; i < sets; i++)
        EMIT("set @bench-%d = { %s, %s, %s }\n", i, names[(i * 3) % n], names[(i * 3 + 1) % n],
             names[(i * 3 + 2) % n]);
    EMIT("syscalls {\n");
    for (int i = 0; i < sets; i++)
        EMIT("  allow @bench-%d\n", i);
    /* Mostly allow lines, as in real policies; one line in five restricts a
     * call with a condition (denials, kills, capability-gated allows). The
     * conditions are on calls no allow line names: an exception carved out
     * of an allowed call on an int argument takes 32 masked entries in a
     * Docker profile, and a hundred of them make a program libseccomp
     * refuses to build (over 4096 instructions). */
    int k = 0, half = n / 2, third = (n - half) / 3;
    while (count < lines - 2) {
        const char *a = names[k % half], *b = names[(k + 7) % half];
        switch (k % 10) {
        case 7: EMIT("  when capability SYS_ADMIN { allow %s }\n", names[half + k % third]); break;
        case 8: EMIT("  deny %s if arg0 == BENCH_%d errno(EACCES)\n", names[half + third + k % third], k % consts); break;
        case 9: EMIT("  kill %s if arg1 in {%d, %d, %d}\n", names[half + 2 * third + k % third], k, k + 1, k + 2); break;
        default: EMIT("  allow %s, %s\n", a, b); break;
        }
        k++;
    }
    EMIT("}\n");
    *out_lines = count;
    return buf;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: bench_check POLC_BINARY STDLIB_DIR [LINES] [RUNS]\n");
        return 2;
    }
    const char *polc = argv[1], *stdlib = argv[2];
    int lines = argc > 3 ? atoi(argv[3]) : 1000;
    int runs = argc > 4 ? atoi(argv[4]) : 30;
    int got_lines;
    char *text = generate(stdlib, lines, &got_lines);
    if (!text) {
        fprintf(stderr, "cannot read %s/syscalls/x86_64.tbl\n", stdlib);
        return 2;
    }
    char tmp[] = "/tmp/polc-bench-XXXXXX.pol";
    int fd = mkstemps(tmp, 4);
    if (fd < 0 || write(fd, text, strlen(text)) != (ssize_t)strlen(text))
        return 2;
    close(fd);

    double *cli = calloc((size_t)runs, sizeof(double)), *fe = calloc((size_t)runs, sizeof(double));
    double *be = calloc((size_t)runs, sizeof(double)), *ls = calloc((size_t)runs, sizeof(double));
    double *lv = calloc((size_t)runs, sizeof(double));
    char *json = NULL;
    int rc = 0;
    for (int r = 0; r < runs; r++) {
        double t0 = now_ms();
        pid_t pid = fork();
        if (pid == 0) {
            int devnull = open("/dev/null", 1);
            if (getenv("BENCH_SHOW_DIAGNOSTICS") == NULL) dup2(devnull, 2);
            execl(polc, polc, "--check", "-I", stdlib, tmp, (char *)NULL);
            _exit(127);
        }
        int st;
        waitpid(pid, &st, 0);
        cli[r] = now_ms() - t0;
        if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
            fprintf(stderr, "polc --check %s failed (status %d)\n", tmp, st);
            rc = 1;
            break;
        }

        polc_ctx *ctx = polc_new();
        polc_add_stdlib_dir(ctx, stdlib);
        t0 = now_ms();
        polc_status s = polc_compile_buffer(ctx, "generated.pol", text, strlen(text));
        fe[r] = now_ms() - t0;
        char *out = NULL;
        size_t len;
        /* as --check does it: the profile checked as runc reads it, the
         * libseccomp build (done when writing outputs) timed apart */
        polc_set_verify_libseccomp(ctx, 0);
        t0 = now_ms();
        if (s == POLC_OK)
            s = polc_emit(ctx, POLC_TARGET_DOCKER, &out, &len);
        be[r] = now_ms() - t0;
        if (s == POLC_OK) {
            polc_set_verify_libseccomp(ctx, 1);
            t0 = now_ms();
            if (!validate_docker_profile(&(BackendRun){&ctx->policy, &ctx->opt.backend, &ctx->diag, &ctx->arena}, out))
                s = POLC_EINPUT;
            lv[r] = now_ms() - t0;
        }
        if (s != POLC_OK) {
            char *d = polc_render_diagnostics(ctx, POLC_DIAG_TEXT, 0);
            fprintf(stderr, "%s", d);
            free(d);
            rc = 1;
            polc_free(ctx);
            break;
        }
        polc_free(ctx);
        free(json);
        json = out;

        char err[256];
        OracleOptions o = {oracle_docker_default_caps, 0, 0, 0, 0};
        t0 = now_ms();
        OracleFilter *f = oracle_load_json_opts(json, &o, err, sizeof err);
        ls[r] = now_ms() - t0;
        if (!f) {
            fprintf(stderr, "libseccomp: %s\n", err);
            rc = 1;
            break;
        }
        oracle_free(f);
    }
    unlink(tmp);
    if (rc == 0) {
        double m_cli = median(cli, runs), m_fe = median(fe, runs), m_be = median(be, runs), m_ls = median(ls, runs), m_lv = median(lv, runs);
        size_t entries = 0;
        for (const char *p = json; (p = strstr(p, "\"names\"")); p++)
            entries++;
        printf("policy: %d lines; its Docker JSON: %zu entries, %zu bytes; %d runs, medians\n", got_lines, entries,
               strlen(json), runs);
        printf("%-58s %9.2f ms\n", "polc --check (whole CLI: exec, stdlib prelude, compile)", m_cli);
        printf("%-58s %9.2f ms\n", "polc front+middle end in process (parse..optimize)", m_fe);
        printf("%-58s %9.2f ms\n", "polc Docker JSON back end in process (checked as runc reads it)", m_be);
        printf("%-58s %9.2f ms\n", "  + libseccomp check when writing (wall; child process)", m_lv);
        printf("%-58s %9.2f ms\n", "libseccomp: that JSON -> filter -> BPF, as runc (reference)", m_ls);
        printf("ratio polc --check / libseccomp load:            %6.2fx\n", m_cli / m_ls);
        printf("ratio polc compile+emit in process / libseccomp:  %6.2fx\n", (m_fe + m_be) / m_ls);
        printf("target: polc --check under 50 ms -> %s\n", m_cli < 50 ? "met" : "NOT met");
    }
    free(json);
    free(text);
    return rc;
}

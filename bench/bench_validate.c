/* The cost of translation validation (docs/validation.md), per policy: CPU
 * time of the compile, of each back end, and of validating its output, the
 * libseccomp part (which runs in a child process) included. The reference is
 * the compile itself, measured in the same run: the ratio says what checking
 * every artifact adds to a compile.
 *
 * usage: bench_validate STDLIB_DIR RUNS POLICY.pol... */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "backend/backend.h"
#include "bpf/asm.h"
#include "compile.h"
#include "validate/validate.h"

/* CPU seconds of this process and of its waited-for children. */
static double cpu_now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    struct rusage ru;
    getrusage(RUSAGE_CHILDREN, &ru);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9 + (double)ru.ru_utime.tv_sec +
           (double)ru.ru_utime.tv_usec / 1e6 + (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
}

static int dbl_cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

enum { COMPILE, DOCKER, DOCKER_RULES, DOCKER_LIBSECCOMP, BPF, BPF_CHECK, NPHASES };
static const char *const PHASE[NPHASES] = {"compile", "docker", "check (a)", "check (a)+(b)", "bpf", "check bpf"};

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: bench_validate STDLIB_DIR RUNS POLICY.pol...\n");
        return 2;
    }
    int runs = atoi(argv[2]);
    if (runs < 1)
        runs = 1;
    printf("CPU ms per compile, median of %d runs (the libseccomp check's child process included)\n\n", runs);
    printf("| policy |");
    for (int p = 0; p < NPHASES; p++)
        printf(" %s |", PHASE[p]);
    printf(" all checks / compile |\n|---|");
    for (int p = 0; p <= NPHASES; p++)
        printf("---:|");
    printf("\n");
    double *t = malloc((size_t)runs * NPHASES * sizeof *t);
    for (int f = 3; f < argc; f++) {
        for (int r = 0; r < runs; r++) {
            polc_ctx *ctx = polc_new();
            polc_add_stdlib_dir(ctx, argv[1]);
            double a = cpu_now();
            if (polc_compile_file(ctx, argv[f], NULL) != POLC_OK) {
                char *d = polc_render_diagnostics(ctx, POLC_DIAG_TEXT, 0);
                fprintf(stderr, "%s", d);
                return 1;
            }
            double b = cpu_now();
            StrBuf sb;
            sb_init(&sb);
            bool ok = backend_docker_json(&ctx->policy, &ctx->opt.backend, &ctx->diag, &sb);
            double c = cpu_now();
            ctx->opt.backend.skip_libseccomp_validation = true;
            ok = ok && validate_docker_profile(&(BackendRun){&ctx->policy, &ctx->opt.backend, &ctx->diag, &ctx->arena}, sb.data);
            double d = cpu_now();
            ctx->opt.backend.skip_libseccomp_validation = false;
            ok = ok && validate_docker_profile(&(BackendRun){&ctx->policy, &ctx->opt.backend, &ctx->diag, &ctx->arena}, sb.data);
            double e = cpu_now();
            sb_free(&sb);
            BpfProgram prog;
            const char *why;
            uint64_t caps = bpf_chosen_caps(&ctx->policy, &ctx->opt.backend, &why);
            ok = ok && bpf_generate(&(BackendRun){&ctx->policy, &ctx->opt.backend, &ctx->diag, &ctx->arena}, caps, &prog);
            double g = cpu_now();
            ok = ok && validate_bpf_program(&(BackendRun){&ctx->policy, &ctx->opt.backend, &ctx->diag, &ctx->arena}, prog.insns, prog.len, caps);
            double h = cpu_now();
            if (!ok) {
                char *dg = polc_render_diagnostics(ctx, POLC_DIAG_TEXT, 0);
                fprintf(stderr, "%s: %s", argv[f], dg);
                return 1;
            }
            double ph[NPHASES] = {b - a, c - b, d - c, e - d, g - e, h - g};
            for (int p = 0; p < NPHASES; p++)
                t[p * runs + r] = ph[p] * 1e3;
            polc_free(ctx);
        }
        const char *name = strrchr(argv[f], '/');
        printf("| %s |", name ? name + 1 : argv[f]);
        double med[NPHASES];
        for (int p = 0; p < NPHASES; p++) {
            qsort(t + p * runs, (size_t)runs, sizeof *t, dbl_cmp);
            med[p] = t[p * runs + runs / 2];
            printf(" %.1f |", med[p]);
        }
        printf(" %.2f× |\n", (med[DOCKER_RULES] + med[DOCKER_LIBSECCOMP] + med[BPF_CHECK]) / med[COMPILE]);
    }
    free(t);
    return 0;
}

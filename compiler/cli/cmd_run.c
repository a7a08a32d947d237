/* polc run [options] POLICY.pol -- CMD [ARGS...]: compile the policy, then run
 * CMD under it (compiler/run/, docs/run.md). The exit status is CMD's; when
 * polc refuses or fails before CMD starts, 2 with a diagnostic. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/commands.h"
#include "compile.h"
#include "polc/polc.h"
#include "run/run.h"

static const char RUN_USAGE[] =
    "usage: polc run [options] POLICY.pol -- CMD [ARGS...]\n"
    "\n"
    "Compile POLICY and run CMD under it: Landlock for the filesystem section,\n"
    "the policy's capabilities, user and group, no_new_privs, and polc's seccomp\n"
    "program (the bytes of NAME.bpf), then exec CMD (docs/run.md). The exit\n"
    "status is CMD's; 2 when polc refuses or fails before CMD starts.\n"
    "\n"
    "options:\n"
    "  -I DIR              search DIR for include <...>\n"
    "      --landlock-abi N  the least Landlock ABI the run needs; below it polc\n"
    "                      refuses to run\n"
    "      --write-bpf FILE  write the seccomp program about to be loaded to FILE\n"
    "                      (for tests: it equals NAME.bpf)\n"
    "      --accept-widening FILE:LINE\n"
    "                      let the globs of that policy line become the directory\n"
    "                      hierarchy around them (Landlock's unit), with a warning\n"
    "                      naming what becomes allowed\n"
    "      --color auto|always|never\n"
    "  -h, --help          print this help\n";

static int finish(polc_ctx *ctx, int color, int status)
{
    char *d = polc_render_diagnostics(ctx, POLC_DIAG_TEXT, color);
    fputs(d, stderr);
    free(d);
    polc_free(ctx);
    return status;
}

int polc_cmd_run(int argc, char **argv)
{
    static const struct option opts[] = {{"landlock-abi", required_argument, NULL, 'L'},
                                         {"write-bpf", required_argument, NULL, 'W'},
                                         {"accept-widening", required_argument, NULL, 'A'},
                                         {"color", required_argument, NULL, 'c'},
                                         {"help", no_argument, NULL, 'h'},
                                         {NULL, 0, NULL, 0}};
    RunOptions ro = {0};
    const char *includes[64], *widenings[64];
    int ninc = 0, color = -1, c;
    optind = 1;
    /* `+`: options end at POLICY, so CMD's own options are never read */
    while ((c = getopt_long(argc, argv, "+I:h", opts, NULL)) != -1) {
        switch (c) {
        case 'L': {
            char *end;
            long v = strtol(optarg, &end, 10);
            if (*end || end == optarg || v < 1 || v > 1000) {
                fprintf(stderr, "polc: error: --landlock-abi takes a number from 1, not %s\n", optarg);
                return 2;
            }
            ro.landlock_abi = (int)v;
            break;
        }
        case 'W': ro.write_bpf = optarg; break;
        case 'A':
            if (ro.naccept_widening == 64) {
                fputs("polc: error: too many --accept-widening options\n", stderr);
                return 2;
            }
            widenings[ro.naccept_widening++] = optarg;
            ro.accept_widening = widenings;
            break;
        case 'c':
            color = cli_color_option(optarg);
            if (color == CLI_COLOR_BAD) {
                fprintf(stderr, "polc: error: --color takes auto, always or never, not %s\n", optarg);
                return 2;
            }
            break;
        case 'I':
            if (ninc == 64) {
                fputs("polc: error: too many -I options\n", stderr);
                return 2;
            }
            includes[ninc++] = optarg;
            break;
        case 'h': fputs(RUN_USAGE, stdout); return 0;
        default: fputs(RUN_USAGE, stderr); return 2;
        }
    }
    if (optind >= argc) {
        fputs(RUN_USAGE, stderr);
        return 2;
    }
    const char *policy = argv[optind++];
    if (optind < argc && strcmp(argv[optind], "--") == 0)
        optind++;
    if (optind >= argc) {
        fputs("polc: error: polc run: no command to run after the policy\n", stderr);
        fputs(RUN_USAGE, stderr);
        return 2;
    }
    if (color < 0)
        color = isatty(STDERR_FILENO) && getenv("NO_COLOR") == NULL;
    polc_ctx *ctx = cli_new_ctx(includes, ninc);
    if (!ctx)
        return 2;
    polc_set_verify_libseccomp(ctx, 0);
    ctx->opt.backend.tcp_ports_by_landlock = true; /* landlock_net.c enforces them */
    polc_status st = polc_compile_file(ctx, policy, NULL);
    char *bpf = NULL;
    size_t len = 0;
    if (st == POLC_OK)
        st = polc_emit(ctx, POLC_TARGET_BPF, &bpf, &len);
    if (st != POLC_OK) {
        free(bpf);
        return finish(ctx, color, 2);
    }
    /* the compilation's warnings, before CMD writes anything */
    char *d = polc_render_diagnostics(ctx, POLC_DIAG_TEXT, color);
    fputs(d, stderr);
    free(d);
    fflush(stderr);
    ro.color = color != 0;
    DiagEngine diag;
    diag_init(&diag, &ctx->arena, &ctx->sm);
    int status = run_launch(&ctx->policy, &ro, &diag, bpf, len, argv + optind);
    free(bpf);
    if (status < 0) {
        char *t = diag_render_text(&diag, color != 0);
        fputs(t, stderr);
        free(t);
        status = 2;
    }
    polc_free(ctx);
    return status;
}

/* polc eval POLICY [--arch ARCH] [--caps LIST] [-I DIR] 'call(args)'... */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/commands.h"
#include "polc/polc.h"

static const char EVAL_USAGE[] =
    "usage: polc eval POLICY.pol [--arch ARCH] [--caps LIST] [--frequency FILE] [--strict-int-args] [-I DIR] 'CALL'...\n"
    "\n"
    "What the policy does with each call, e.g. 'socket(AF_INET, SOCK_STREAM, 0)':\n"
    "the action, the rule (file:line) that decides it, and the BPF instructions\n"
    "executed for it. Arguments are numbers or constant names joined with `|`.\n";

int polc_cmd_eval(int argc, char **argv)
{
    const char *arch = NULL, *caps = NULL, *frequency = NULL;
    int strict_int = 0;
    const char *includes[64];
    int ninc = 0;
    static const struct option opts[] = {{"arch", required_argument, NULL, 'a'},
                                         {"caps", required_argument, NULL, 'c'},
                                         {"frequency", required_argument, NULL, 'f'},
                                         {"strict-int-args", no_argument, NULL, 's'},
                                         {"help", no_argument, NULL, 'h'},
                                         {NULL, 0, NULL, 0}};
    int c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "I:h", opts, NULL)) != -1) {
        switch (c) {
        case 'a': arch = optarg; break;
        case 'c': caps = optarg; break;
        case 'f': frequency = optarg; break;
        case 's': strict_int = 1; break;
        case 'I':
            if (ninc < 64)
                includes[ninc++] = optarg;
            break;
        case 'h': fputs(EVAL_USAGE, stdout); return 0;
        default: cli_option_error("polc eval", argv[optind - 1], optopt, "I:h", opts); return 2;
        }
    }
    if (argc - optind < 2) {
        fputs(EVAL_USAGE, stderr);
        return 2;
    }
    polc_ctx *ctx = cli_new_ctx(includes, ninc);
    if (caps)
        polc_set_caps(ctx, caps);
    polc_set_strict_int_args(ctx, strict_int);
    if (frequency && polc_set_frequency_profile(ctx, frequency) != POLC_OK) {
        char *d = polc_render_diagnostics(ctx, POLC_DIAG_TEXT, 0);
        fputs(d, stderr);
        free(d);
        polc_free(ctx);
        return 2;
    }
    polc_status st = polc_compile_file(ctx, argv[optind], NULL);
    int status = st == POLC_OK ? 0 : st == POLC_EINPUT ? 1 : 2;
    for (int i = optind + 1; st == POLC_OK && i < argc; i++) {
        char *report = NULL;
        polc_status es = polc_eval(ctx, arch, argv[i], &report);
        if (report) {
            fputs(report, stdout);
            free(report);
        }
        if (es != POLC_OK)
            status = es == POLC_EINPUT ? 1 : 2;
    }
    char *d = polc_render_diagnostics(ctx, POLC_DIAG_TEXT, isatty(2));
    fputs(d, stderr);
    free(d);
    polc_free(ctx);
    return status;
}

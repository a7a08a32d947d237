/* polc diff OLD NEW [--format text|json] [--diagnostics-format text|sarif]
 *           [--color auto|always|never] [--arch LIST] [-I DIR] */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/commands.h"
#include "polc/polc.h"
#include "util/sarif.h"

static const char DIFF_USAGE[] =
    "usage: polc diff OLD NEW [--format text|json] [--diagnostics-format text|sarif]\n"
    "                 [--color WHEN] [--arch LIST] [--verbose]\n"
    "\n"
    "What NEW decides differently from OLD, computed on both compiled policies:\n"
    "per arch, the syscalls and argument regions whose action changes (widened\n"
    "first, then narrowed, then other changes; in each, the dangerous calls\n"
    "first, then by stdlib group), each with the rules that decide it on both\n"
    "sides (file:line), then capabilities, filesystem and network rules,\n"
    "user, no-new-privileges, read-only root. OLD and NEW are\n"
    "policies (.pol) or any profile polc import reads (Docker/moby JSON, OCI,\n"
    "Security Profiles Operator) or a raw seccomp BPF program (NAME.bpf); with\n"
    "such an artifact only the syscalls are compared. See docs/diff.md.\n"
    "\n"
    "options:\n"
    "      --format text|json    output form (default text)\n"
    "      --diagnostics-format text|sarif\n"
    "                            sarif: instead of the report, one SARIF 2.1.0 log\n"
    "                            on stdout (docs/sarif.md) with each widened change\n"
    "                            as a result W1010 and the policies' diagnostics\n"
    "      --color auto|always|never\n"
    "                            colour the text form (auto: when stdout is a tty)\n"
    "      --arch LIST           compare these arches, e.g. x86_64,x32 (overrides\n"
    "                            both sides' `arch`)\n"
    "  -v, --verbose             list every change of a group (text form; without\n"
    "                            it, a group shows 8 and counts the rest)\n"
    "  -I DIR                    search DIR for include <...>\n"
    "  -h, --help                print this help\n"
    "\n"
    "exit status: 0 NEW allows nothing OLD did not (other changes allowed),\n"
    "1 NEW allows something OLD did not, 2 errors.\n";

enum { OPT_FORMAT = 256, OPT_COLOR, OPT_ARCH, OPT_DIAG_FMT };

/* The compiled OLD or NEW, or NULL (the reason said). With sarif, the
 * diagnostics are left in ctx for the log, and a failed compilation is
 * *failed with the ctx returned. */
static polc_ctx *load(const char *path, const char *arch, const char *const *includes, int nincludes, int sarif,
                      int *failed)
{
    polc_ctx *ctx = cli_new_ctx(includes, nincludes);
    if (!ctx)
        return NULL;
    polc_status st = arch ? polc_set_arches(ctx, arch) : POLC_OK;
    if (st == POLC_OK)
        st = polc_compile_any(ctx, path);
    *failed = st != POLC_OK || polc_error_count(ctx);
    if (sarif)
        return ctx;
    /* warnings too: an import that leaves out an arch (W0103) changes what is compared */
    char *d = polc_render_diagnostics(ctx, POLC_DIAG_TEXT, 0);
    fputs(d, stderr);
    free(d);
    if (*failed) {
        fprintf(stderr, "polc diff: cannot compile %s\n", path);
        polc_free(ctx);
        return NULL;
    }
    return ctx;
}

/* Adds ctx's diagnostics to the SARIF log. */
static void add_diags(SarifLog *log, polc_ctx *ctx)
{
    if (!ctx)
        return;
    char *d = polc_render_diagnostics(ctx, POLC_DIAG_SARIF, 0);
    sarif_add_log(log, d);
    free(d);
}

int polc_cmd_diff(int argc, char **argv)
{
    static const struct option LONG_OPTS[] = {
        {"format", required_argument, NULL, OPT_FORMAT},
        {"color", required_argument, NULL, OPT_COLOR},
        {"arch", required_argument, NULL, OPT_ARCH},
        {"diagnostics-format", required_argument, NULL, OPT_DIAG_FMT},
        {"verbose", no_argument, NULL, 'v'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    int json = 0, sarif = 0, color = -1, c, nincludes = 0, verbose = 0;
    const char *arch = NULL;
    const char *includes[64];
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "I:hv", LONG_OPTS, NULL)) != -1) {
        switch (c) {
        case OPT_FORMAT:
            if (strcmp(optarg, "json") == 0)
                json = 1;
            else if (strcmp(optarg, "text") != 0) {
                fprintf(stderr, "polc diff: error: --format takes text or json, not %s\n", optarg);
                return 2;
            }
            break;
        case OPT_COLOR:
            color = cli_color_option(optarg);
            if (color == CLI_COLOR_BAD) {
                fprintf(stderr, "polc diff: error: --color takes auto, always or never, not %s\n", optarg);
                return 2;
            }
            break;
        case OPT_ARCH: arch = optarg; break;
        case OPT_DIAG_FMT:
            if (strcmp(optarg, "sarif") == 0)
                sarif = 1;
            else if (strcmp(optarg, "text") == 0)
                sarif = 0;
            else {
                fprintf(stderr, "polc diff: error: --diagnostics-format takes text or sarif, not %s"
                                " (the JSON report is --format json)\n", optarg);
                return 2;
            }
            break;
        case 'I':
            if (nincludes == 64) {
                fputs("polc diff: error: too many -I options\n", stderr);
                return 2;
            }
            includes[nincludes++] = optarg;
            break;
        case 'v': verbose = 1; break;
        case 'h': fputs(DIFF_USAGE, stdout); return 0;
        default: cli_option_error("polc diff", argv[optind - 1], optopt, "I:hv", LONG_OPTS); return 2;
        }
    }
    if (argc - optind != 2) {
        fputs("polc diff: error: give OLD and NEW\ntry 'polc diff --help'\n", stderr);
        return 2;
    }
    if (sarif && json) {
        fputs("polc diff: error: --format json and --diagnostics-format sarif exclude each other\n", stderr);
        return 2;
    }
    if (color < 0)
        color = !json && !sarif && isatty(STDOUT_FILENO) && getenv("NO_COLOR") == NULL;
    const char *old_path = argv[optind], *new_path = argv[optind + 1];
    int old_failed = 0, new_failed = 0;
    polc_ctx *old_ctx = load(old_path, arch, includes, nincludes, sarif, &old_failed);
    polc_ctx *new_ctx = old_ctx && !old_failed ? load(new_path, arch, includes, nincludes, sarif, &new_failed) : NULL;
    SarifLog log;
    sarif_init(&log, NULL);
    if (!old_ctx || !new_ctx || old_failed || new_failed) {
        if (sarif) { /* the errors are results; exit status 2 as in text mode */
            add_diags(&log, old_ctx);
            add_diags(&log, new_ctx);
        }
        cli_sarif_print(&log, sarif, stdout);
        polc_free(old_ctx);
        polc_free(new_ctx);
        return 2;
    }
    polc_diff_options o = {json, color, old_path, new_path, sarif, 0, verbose};
    char *report = NULL;
    int wider = 0;
    polc_status st = polc_diff(old_ctx, new_ctx, &o, &report, &wider);
    int code = 2;
    if (sarif) {
        /* the policies' diagnostics (warnings, or E1001), then the widenings */
        add_diags(&log, old_ctx);
        add_diags(&log, new_ctx);
        if (st == POLC_OK)
            sarif_add_log(&log, report);
        cli_sarif_print(&log, 1, stdout);
        code = st == POLC_OK ? (wider ? 1 : 0) : 2;
    } else {
        cli_sarif_print(&log, 0, stdout);
        if (st == POLC_OK) {
            fputs(report, stdout);
            code = wider ? 1 : 0;
        } else {
            char *d = polc_render_diagnostics(new_ctx, POLC_DIAG_TEXT, 0);
            fputs(d, stderr);
            free(d);
        }
    }
    free(report);
    polc_free(old_ctx);
    polc_free(new_ctx);
    return code;
}

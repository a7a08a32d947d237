/* polc diff OLD NEW [--format text|json] [--color auto|always|never] [--arch LIST] [-I DIR] */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/commands.h"
#include "polc/polc.h"

static const char DIFF_USAGE[] =
    "usage: polc diff OLD NEW [--format text|json] [--color WHEN] [--arch LIST]\n"
    "\n"
    "What NEW decides differently from OLD, computed on both compiled policies:\n"
    "per arch, the syscalls and argument regions whose action changes (widened\n"
    "first, then narrowed, then other changes), capabilities, filesystem and\n"
    "network rules, user, no-new-privileges, read-only root. OLD and NEW are\n"
    "policies (.pol) or any profile polc import reads (Docker/moby JSON, OCI,\n"
    "Security Profiles Operator). See docs/diff.md.\n"
    "\n"
    "options:\n"
    "      --format text|json    output form (default text)\n"
    "      --color auto|always|never\n"
    "                            colour the text form (auto: when stdout is a tty)\n"
    "      --arch LIST           compare these arches, e.g. x86_64,x32 (overrides\n"
    "                            both sides' `arch`)\n"
    "  -I DIR                    search DIR for include <...>\n"
    "  -h, --help                print this help\n"
    "\n"
    "exit status: 0 NEW allows nothing OLD did not (other changes allowed),\n"
    "1 NEW allows something OLD did not, 2 errors.\n";

enum { OPT_FORMAT = 256, OPT_COLOR, OPT_ARCH };

static polc_ctx *load(const char *path, const char *arch, const char *const *includes, int nincludes)
{
    polc_ctx *ctx = cli_new_ctx(includes, nincludes);
    if (!ctx)
        return NULL;
    polc_status st = arch ? polc_set_arches(ctx, arch) : POLC_OK;
    if (st == POLC_OK)
        st = polc_compile_any(ctx, path);
    /* warnings too: an import that leaves out an arch (W0103) changes what is compared */
    char *d = polc_render_diagnostics(ctx, POLC_DIAG_TEXT, 0);
    fputs(d, stderr);
    free(d);
    if (st != POLC_OK || polc_error_count(ctx)) {
        fprintf(stderr, "polc diff: cannot compile %s\n", path);
        polc_free(ctx);
        return NULL;
    }
    return ctx;
}

int polc_cmd_diff(int argc, char **argv)
{
    static const struct option LONG_OPTS[] = {
        {"format", required_argument, NULL, OPT_FORMAT},
        {"color", required_argument, NULL, OPT_COLOR},
        {"arch", required_argument, NULL, OPT_ARCH},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    int json = 0, color = -1, c, nincludes = 0;
    const char *arch = NULL;
    const char *includes[64];
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "I:h", LONG_OPTS, NULL)) != -1) {
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
        case 'I':
            if (nincludes == 64) {
                fputs("polc diff: error: too many -I options\n", stderr);
                return 2;
            }
            includes[nincludes++] = optarg;
            break;
        case 'h': fputs(DIFF_USAGE, stdout); return 0;
        default: cli_option_error("polc diff", argv[optind - 1], optopt, "I:h", LONG_OPTS); return 2;
        }
    }
    if (argc - optind != 2) {
        fputs("polc diff: error: give OLD and NEW\ntry 'polc diff --help'\n", stderr);
        return 2;
    }
    if (color < 0)
        color = !json && isatty(STDOUT_FILENO) && getenv("NO_COLOR") == NULL;
    const char *old_path = argv[optind], *new_path = argv[optind + 1];
    polc_ctx *old_ctx = load(old_path, arch, includes, nincludes);
    polc_ctx *new_ctx = old_ctx ? load(new_path, arch, includes, nincludes) : NULL;
    if (!new_ctx) {
        polc_free(old_ctx);
        return 2;
    }
    polc_diff_options o = {json, color, old_path, new_path};
    char *report = NULL;
    int wider = 0;
    polc_status st = polc_diff(old_ctx, new_ctx, &o, &report, &wider);
    int code = 2;
    if (st == POLC_OK) {
        fputs(report, stdout);
        code = wider ? 1 : 0;
    } else {
        char *d = polc_render_diagnostics(new_ctx, POLC_DIAG_TEXT, 0);
        fputs(d, stderr);
        free(d);
    }
    free(report);
    polc_free(old_ctx);
    polc_free(new_ctx);
    return code;
}

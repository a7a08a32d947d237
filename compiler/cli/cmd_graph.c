/* polc graph POLICY [--view review|ranges] [--format dot|json] [--verbose] [--arch ARCH] [-o FILE] */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/commands.h"
#include "polc/polc.h"

static const char GRAPH_USAGE[] =
    "usage: polc graph POLICY [--view review|ranges] [--format dot|json] [--verbose]\n"
    "                  [--arch ARCH] [-o FILE]\n"
    "\n"
    "The compiled policy's decisions as a Graphviz graph for a reviewer. The\n"
    "review view (the default) has, per arch, one cluster per decision (allow,\n"
    "errno(EPERM), kill-process ...) with its syscalls by stdlib group, the\n"
    "dangerous ones by name (red where they may run), and the syscalls that\n"
    "depend on arguments or capabilities as checks in the rules' own words\n"
    "with their file:line. The range view is arch -> syscall-number ranges ->\n"
    "capability and argument checks -> action. Render the dot with\n"
    "`dot -Tsvg FILE.dot -o FILE.svg`. POLICY is a .pol file or any profile\n"
    "polc import reads.\n"
    "\n"
    "options:\n"
    "      --view review|ranges  by decision and group (default), or by syscall number\n"
    "      --format dot|json     Graphviz dot (default), or the review view's\n"
    "                            structure as JSON (schema polc-graph/1)\n"
    "  -v, --verbose             review view: every syscall in the labels, not a few\n"
    "                            and a count (all are in the tooltips anyway)\n"
    "      --arch ARCH           only this target arch (default: every target)\n"
    "  -o, --output FILE         write the graph to FILE (default: standard output)\n"
    "  -I DIR                    search DIR for include <...>\n"
    "  -h, --help                print this help\n"
    "\n"
    "exit status: 0 success, 1 errors in the policy, 2 usage or I/O error.\n";

enum { OPT_VIEW = 256, OPT_FORMAT };

int polc_cmd_graph(int argc, char **argv)
{
    static const struct option LONG_OPTS[] = {
        {"arch", required_argument, NULL, 'a'},
        {"view", required_argument, NULL, OPT_VIEW},
        {"format", required_argument, NULL, OPT_FORMAT},
        {"verbose", no_argument, NULL, 'v'},
        {"output", required_argument, NULL, 'o'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    polc_graph_options go = {NULL, POLC_GRAPH_REVIEW, 0, 0};
    const char *out = NULL;
    const char *includes[64];
    int nincludes = 0, c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "vo:I:h", LONG_OPTS, NULL)) != -1) {
        switch (c) {
        case 'a': go.arch = optarg; break;
        case OPT_VIEW:
            if (strcmp(optarg, "review") && strcmp(optarg, "ranges")) {
                fprintf(stderr, "polc graph: error: --view takes review or ranges, not %s\n", optarg);
                return 2;
            }
            go.view = strcmp(optarg, "ranges") == 0 ? POLC_GRAPH_RANGES : POLC_GRAPH_REVIEW;
            break;
        case OPT_FORMAT:
            if (strcmp(optarg, "dot") && strcmp(optarg, "json")) {
                fprintf(stderr, "polc graph: error: --format takes dot or json, not %s\n", optarg);
                return 2;
            }
            go.json = strcmp(optarg, "json") == 0;
            break;
        case 'v': go.verbose = 1; break;
        case 'o': out = optarg; break;
        case 'I':
            if (nincludes == 64) {
                fputs("polc graph: error: too many -I options\n", stderr);
                return 2;
            }
            includes[nincludes++] = optarg;
            break;
        case 'h': fputs(GRAPH_USAGE, stdout); return 0;
        default: cli_option_error("polc graph", argv[optind - 1], optopt, "vo:I:h", LONG_OPTS); return 2;
        }
    }
    if (argc - optind != 1) {
        fputs("polc graph: error: give one policy\ntry 'polc graph --help'\n", stderr);
        return 2;
    }
    if (go.json && go.view == POLC_GRAPH_RANGES) {
        fputs("polc graph: error: --format json is the review view's; the range view is dot only\n", stderr);
        return 2;
    }
    polc_ctx *ctx = cli_new_ctx(includes, nincludes);
    if (!ctx)
        return 2;
    char *text = NULL;
    polc_status st = polc_compile_any(ctx, argv[optind]);
    if (st == POLC_OK)
        st = polc_graph_with(ctx, &go, &text);
    int code = st == POLC_OK ? 0 : st == POLC_EINPUT ? 1 : 2;
    if (text) {
        FILE *f = out && strcmp(out, "-") ? fopen(out, "w") : stdout;
        if (!f || fputs(text, f) == EOF || (f != stdout && fclose(f) != 0)) {
            perror(out ? out : "stdout");
            code = 2;
        }
    }
    free(text);
    char *d = polc_render_diagnostics(ctx, POLC_DIAG_TEXT, 0);
    fputs(d, stderr);
    free(d);
    polc_free(ctx);
    return code;
}

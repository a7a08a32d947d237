/* polc graph POLICY [--arch ARCH] [-o FILE.dot] */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/commands.h"
#include "polc/polc.h"

static const char GRAPH_USAGE[] =
    "usage: polc graph POLICY [--arch ARCH] [-o FILE.dot]\n"
    "\n"
    "The compiled policy's decision structure as Graphviz dot: arch -> syscall\n"
    "ranges -> capability and argument checks -> action. Render it with\n"
    "`dot -Tsvg FILE.dot -o FILE.svg`. POLICY is a .pol file or any profile\n"
    "polc import reads.\n"
    "\n"
    "options:\n"
    "      --arch ARCH           only this target arch (default: every target)\n"
    "  -o, --output FILE         write the graph to FILE (default: standard output)\n"
    "  -I DIR                    search DIR for include <...>\n"
    "  -h, --help                print this help\n"
    "\n"
    "exit status: 0 success, 1 errors in the policy, 2 usage or I/O error.\n";

int polc_cmd_graph(int argc, char **argv)
{
    static const struct option LONG_OPTS[] = {
        {"arch", required_argument, NULL, 'a'},
        {"output", required_argument, NULL, 'o'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *arch = NULL, *out = NULL;
    const char *includes[64];
    int nincludes = 0, c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "o:I:h", LONG_OPTS, NULL)) != -1) {
        switch (c) {
        case 'a': arch = optarg; break;
        case 'o': out = optarg; break;
        case 'I':
            if (nincludes == 64) {
                fputs("polc graph: error: too many -I options\n", stderr);
                return 2;
            }
            includes[nincludes++] = optarg;
            break;
        case 'h': fputs(GRAPH_USAGE, stdout); return 0;
        default: cli_option_error("polc graph", argv[optind - 1], optopt, "o:I:h", LONG_OPTS); return 2;
        }
    }
    if (argc - optind != 1) {
        fputs("polc graph: error: give one policy\ntry 'polc graph --help'\n", stderr);
        return 2;
    }
    polc_ctx *ctx = cli_new_ctx(includes, nincludes);
    if (!ctx)
        return 2;
    char *dot = NULL;
    polc_status st = polc_compile_any(ctx, argv[optind]);
    if (st == POLC_OK)
        st = polc_graph(ctx, arch, &dot);
    int code = st == POLC_OK ? 0 : st == POLC_EINPUT ? 1 : 2;
    if (dot) {
        FILE *f = out && strcmp(out, "-") ? fopen(out, "w") : stdout;
        if (!f || fputs(dot, f) == EOF || (f != stdout && fclose(f) != 0)) {
            perror(out ? out : "stdout");
            code = 2;
        }
    }
    free(dot);
    char *d = polc_render_diagnostics(ctx, POLC_DIAG_TEXT, 0);
    fputs(d, stderr);
    free(d);
    polc_free(ctx);
    return code;
}

/* polc explain FILE [--format text|json]: a policy in plain language. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/commands.h"
#include "polc/lint.h"
#include "polc/polc.h"

static const char EXPLAIN_USAGE[] =
    "usage: polc explain [--format text|json] [--arch LIST] [-I DIR] FILE\n"
    "\n"
    "What the policy does, for a reviewer: the default, what is allowed (by\n"
    "systemd syscall group), argument conditions in the policy's own words, what\n"
    "is denied by name, polc lint's findings, capabilities, user, files and\n"
    "network, and per back end what its output enforces and what it cannot.\n"
    "\n"
    "exit status: 0 explained, 1 errors in the policy, 2 usage or I/O error.\n";

int polc_cmd_explain(int argc, char **argv)
{
    static const struct option opts[] = {{"format", required_argument, NULL, 'f'},
                                         {"arch", required_argument, NULL, 'a'},
                                         {"help", no_argument, NULL, 'h'},
                                         {NULL, 0, NULL, 0}};
    const char *includes[64], *arch = NULL;
    int ninc = 0, json = 0, c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "I:h", opts, NULL)) != -1) {
        switch (c) {
        case 'f':
            if (strcmp(optarg, "json") == 0)
                json = 1;
            else if (strcmp(optarg, "text") != 0) {
                fputs("polc explain: --format takes text or json\n", stderr);
                return 2;
            }
            break;
        case 'a': arch = optarg; break;
        case 'I':
            if (ninc < 64)
                includes[ninc++] = optarg;
            break;
        case 'h': fputs(EXPLAIN_USAGE, stdout); return 0;
        default: cli_option_error("polc explain", argv[optind - 1], optopt, "I:h", opts); return 2;
        }
    }
    if (argc - optind != 1) {
        fputs(EXPLAIN_USAGE, stderr);
        return 2;
    }
    polc_ctx *ctx = cli_new_ctx(includes, ninc);
    if (!ctx)
        return 2;
    polc_status st = arch ? polc_set_arches(ctx, arch) : POLC_OK;
    if (st == POLC_OK)
        st = polc_compile_file(ctx, argv[optind], NULL);
    if (st == POLC_OK) {
        char *text = NULL;
        st = polc_explain(ctx, json, &text);
        if (text)
            fputs(text, stdout);
        free(text);
    }
    char *d = polc_render_diagnostics(ctx, POLC_DIAG_TEXT, 0);
    fputs(d, stderr);
    free(d);
    polc_free(ctx);
    return st == POLC_OK ? 0 : st == POLC_EINPUT ? 1 : 2;
}

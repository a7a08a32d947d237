/* polc lsp [-I DIR]: the language server on standard input and output
 * (compiler/lsp/, docs/editors.md). */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/commands.h"
#include "lsp/lsp.h"

static const char LSP_USAGE[] =
    "usage: polc lsp [-I DIR]...\n"
    "\n"
    "A language server on standard input and output (LSP over JSON-RPC):\n"
    "diagnostics as `polc --check` reports them, hover, completion,\n"
    "go-to-definition, formatting and document symbols. Editors start it;\n"
    "see docs/editors.md.\n"
    "\n"
    "options:\n"
    "  -I DIR       search DIR for include <...>\n"
    "  -h, --help   print this help\n";

int polc_cmd_lsp(int argc, char **argv)
{
    static const struct option opts[] = {{"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0}};
    const char *includes[64];
    int ninc = 0, c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "I:h", opts, NULL)) != -1) {
        switch (c) {
        case 'I':
            if (ninc == 64) {
                fputs("polc: error: too many -I options\n", stderr);
                return 2;
            }
            includes[ninc++] = optarg;
            break;
        case 'h': fputs(LSP_USAGE, stdout); return 0;
        default: cli_option_error("polc lsp", argv[optind - 1], optopt, "I:h", opts); return 2;
        }
    }
    if (optind < argc) {
        fputs("polc: error: polc lsp takes no files: the editor sends them\n", stderr);
        return 2;
    }
    polc_ctx *like = cli_new_ctx(includes, ninc);
    if (!like)
        return 2;
    int status = lsp_serve(stdin, stdout, like);
    polc_free(like);
    return status;
}

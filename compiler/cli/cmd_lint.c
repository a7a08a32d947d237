/* polc lint FILE... [--allow CODE,...]: review warnings (L01xx), docs/lint.md. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/commands.h"
#include "util/sarif.h"
#include "polc/lint.h"
#include "polc/polc.h"

static const char LINT_USAGE[] =
    "usage: polc lint [options] FILE...\n"
    "\n"
    "Warnings about what each policy lets a container do that a reviewer should\n"
    "see (codes L01xx, docs/lint.md): dangerous syscalls or capabilities allowed,\n"
    "a denied syscall with an allowed twin, rt_sigreturn missing, writable and\n"
    "executable paths, a default of allow, root, no-new-privileges or read-only\n"
    "root off.\n"
    "\n"
    "options:\n"
    "      --allow CODE[,CODE]   do not report these codes (repeatable); a comment\n"
    "                            `# polc: allow CODE` on the reported line does the\n"
    "                            same for one finding\n"
    "      --arch LIST           override the policy's `arch`\n"
    "      --baseline OLD.pol    report only findings OLD.pol does not have too (the\n"
    "                            same code and message): a CI gate on a change\n"
    "      --min-severity low|medium|high\n"
    "                            report only findings of this severity or higher\n"
    "                            (docs/lint.md)\n"
    "  -I DIR                    search DIR for include <...>\n"
    "      --diagnostics-format text|json|sarif\n"
    "                            json: one array on stdout; sarif: one SARIF\n"
    "                            2.1.0 log on stdout (docs/sarif.md)\n"
    "      --stdin-name NAME     name used in messages when FILE is -\n"
    "      --color auto|always|never\n"
    "\n"
    "exit status: 0 no findings, 1 findings or errors in a policy, 2 usage or I/O error.\n";

enum { O_ALLOW = 256, O_ARCH, O_FMT, O_STDIN_NAME, O_COLOR, O_BASELINE, O_MIN_SEV };

int polc_cmd_lint(int argc, char **argv)
{
    static const struct option opts[] = {{"allow", required_argument, NULL, O_ALLOW},
                                         {"arch", required_argument, NULL, O_ARCH},
                                         {"diagnostics-format", required_argument, NULL, O_FMT},
                                         {"stdin-name", required_argument, NULL, O_STDIN_NAME},
                                         {"color", required_argument, NULL, O_COLOR},
                                         {"baseline", required_argument, NULL, O_BASELINE},
                                         {"min-severity", required_argument, NULL, O_MIN_SEV},
                                         {"help", no_argument, NULL, 'h'},
                                         {NULL, 0, NULL, 0}};
    const char *allow[256], *includes[64], *arch = NULL, *stdin_name = NULL, *baseline = NULL;
    size_t nallow = 0;
    int ninc = 0, color = -1, c, min_sev = 0;
    polc_diag_format fmt = POLC_DIAG_TEXT;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "I:h", opts, NULL)) != -1) {
        switch (c) {
        case O_ALLOW:
            for (char *save = NULL, *tok = strtok_r(optarg, ",", &save); tok; tok = strtok_r(NULL, ",", &save))
                if (nallow < 256)
                    allow[nallow++] = tok;
            break;
        case O_ARCH: arch = optarg; break;
        case O_FMT:
            if (strcmp(optarg, "json") == 0)
                fmt = POLC_DIAG_JSON;
            else if (strcmp(optarg, "sarif") == 0)
                fmt = POLC_DIAG_SARIF;
            else if (strcmp(optarg, "text") == 0)
                fmt = POLC_DIAG_TEXT;
            else {
                fputs("polc lint: --diagnostics-format takes text, json or sarif\n", stderr);
                return 2;
            }
            break;
        case O_STDIN_NAME: stdin_name = optarg; break;
        case O_BASELINE: baseline = optarg; break;
        case O_MIN_SEV:
            min_sev = strcmp(optarg, "low") == 0 ? 0 : strcmp(optarg, "medium") == 0 ? 1 : strcmp(optarg, "high") == 0 ? 2 : -1;
            if (min_sev < 0) {
                fputs("polc lint: --min-severity takes low, medium or high\n", stderr);
                return 2;
            }
            break;
        case O_COLOR:
            color = cli_color_option(optarg);
            if (color == CLI_COLOR_BAD) {
                fputs("polc lint: --color takes auto, always or never\n", stderr);
                return 2;
            }
            break;
        case 'I':
            if (ninc < 64)
                includes[ninc++] = optarg;
            break;
        case 'h': fputs(LINT_USAGE, stdout); return 0;
        default: cli_option_error("polc lint", argv[optind - 1], optopt, "I:h", opts); return 2;
        }
    }
    if (optind >= argc) {
        fputs(LINT_USAGE, stderr);
        return 2;
    }
    if (color < 0)
        color = fmt == POLC_DIAG_TEXT && isatty(STDERR_FILENO) && getenv("NO_COLOR") == NULL;
    /* the old policy, linted the same way: its findings are not new */
    polc_ctx *old = NULL;
    if (baseline) {
        old = cli_new_ctx(includes, ninc);
        if (!old)
            return 2;
        polc_status ost = arch ? polc_set_arches(old, arch) : POLC_OK;
        if (ost == POLC_OK)
            ost = polc_compile_file(old, baseline, NULL);
        if (ost != POLC_OK) {
            char *d = polc_render_diagnostics(old, POLC_DIAG_TEXT, color);
            fputs(d, stderr);
            free(d);
            fprintf(stderr, "polc lint: error: the baseline `%s` does not compile\n", baseline);
            polc_free(old);
            return 2;
        }
        (void)polc_lint(old, allow, nallow);
    }
    int status = 0;
    CliJsonArray json_all = {0};
    SarifLog sarif;
    sarif_init(&sarif, NULL);
    for (int i = optind; i < argc; i++) {
        polc_ctx *ctx = cli_new_ctx(includes, ninc);
        if (!ctx)
            return 2;
        polc_status st = arch ? polc_set_arches(ctx, arch) : POLC_OK;
        if (st == POLC_OK)
            st = polc_compile_file(ctx, argv[i], strcmp(argv[i], "-") == 0 ? stdin_name : NULL);
        int code = st == POLC_OK ? 0 : st == POLC_EINPUT ? 1 : 2;
        if (st == POLC_OK && (polc_lint(ctx, allow, nallow), polc_lint_gate(ctx, old, min_sev)) > 0)
            code = 1;
        char *d = polc_render_diagnostics(ctx, fmt, color);
        if (fmt == POLC_DIAG_JSON) {
            if (cli_json_merge(&json_all, d) != 0)
                return 2;
        } else if (fmt == POLC_DIAG_SARIF) {
            if (!sarif_add_log(&sarif, d))
                return 2;
        } else {
            fputs(d, stderr);
        }
        free(d);
        if (code > status)
            status = code;
        polc_free(ctx);
    }
    polc_free(old);
    if (fmt == POLC_DIAG_JSON)
        cli_json_print(&json_all, stdout);
    cli_sarif_print(&sarif, fmt == POLC_DIAG_SARIF, stdout);
    return status;
}

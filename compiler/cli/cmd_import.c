/* polc import PROFILE [-o NAME.pol] [--name NAME] [--arch LIST] */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/commands.h"
#include "polc/polc.h"

static const char IMPORT_USAGE[] =
    "usage: polc import PROFILE [-o NAME.pol] [--name NAME] [--arch LIST]\n"
    "\n"
    "Read a seccomp profile and write it as readable polc source: a Docker/moby\n"
    "profile (also containers/common's variant), an OCI linux.seccomp object or\n"
    "config.json, or a Security Profiles Operator SeccompProfile (YAML or JSON).\n"
    "The import keeps what runc and libseccomp make of the profile; anything\n"
    "polc cannot reproduce exactly is reported (see docs/import.md).\n"
    "\n"
    "options:\n"
    "  -o, --output FILE    write the policy to FILE (default: standard output)\n"
    "      --name NAME      the policy's name (default: from the profile's file name)\n"
    "      --arch LIST      target arches, e.g. x86_64,x32 (default: the profile's,\n"
    "                       without x86/ppc64le/s390x when it filters socket or IPC\n"
    "                       arguments)\n"
    "      --diagnostics-format text|json\n"
    "      --color auto|always|never\n"
    "  -h, --help           print this help\n"
    "\n"
    "exit status: 0 success (warnings allowed), 1 errors in the profile,\n"
    "2 usage or I/O error.\n";

enum { OPT_NAME = 256, OPT_ARCH, OPT_DIAG_FMT, OPT_COLOR };

int polc_cmd_import(int argc, char **argv)
{
    static const struct option LONG_OPTS[] = {
        {"output", required_argument, NULL, 'o'},
        {"name", required_argument, NULL, OPT_NAME},
        {"arch", required_argument, NULL, OPT_ARCH},
        {"diagnostics-format", required_argument, NULL, OPT_DIAG_FMT},
        {"color", required_argument, NULL, OPT_COLOR},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *out = NULL, *name = NULL, *arch = NULL;
    polc_diag_format fmt = POLC_DIAG_TEXT;
    int color = -1, c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "o:h", LONG_OPTS, NULL)) != -1) {
        switch (c) {
        case 'o': out = optarg; break;
        case OPT_NAME: name = optarg; break;
        case OPT_ARCH: arch = optarg; break;
        case OPT_DIAG_FMT:
            if (strcmp(optarg, "json") == 0)
                fmt = POLC_DIAG_JSON;
            else if (strcmp(optarg, "text") == 0)
                fmt = POLC_DIAG_TEXT;
            else {
                fprintf(stderr, "polc import: error: --diagnostics-format takes text or json, not %s\n", optarg);
                return 2;
            }
            break;
        case OPT_COLOR:
            color = cli_color_option(optarg);
            if (color == CLI_COLOR_BAD) {
                fprintf(stderr, "polc import: error: --color takes auto, always or never, not %s\n", optarg);
                return 2;
            }
            break;
        case 'h': fputs(IMPORT_USAGE, stdout); return 0;
        default: cli_option_error("polc import", argv[optind - 1], optopt, "o:h", LONG_OPTS); return 2;
        }
    }
    if (optind != argc - 1) {
        fprintf(stderr, "polc import: error: %s\ntry 'polc import --help'\n",
                optind >= argc ? "no profile given" : "give exactly one profile");
        return 2;
    }
    if (color < 0)
        color = fmt == POLC_DIAG_TEXT && isatty(STDERR_FILENO) && getenv("NO_COLOR") == NULL;
    polc_ctx *ctx = polc_new();
    if (!ctx)
        return 2;
    polc_use_env_path(ctx);
    cli_add_stdlib_dirs(ctx);
    polc_import_options opts = {name, arch};
    char *pol = NULL;
    polc_status st = polc_import_profile(ctx, argv[optind], &opts, &pol);
    int code = st == POLC_OK ? 0 : (st == POLC_EINPUT ? 1 : 2);
    if (st == POLC_OK && pol) {
        if (out && strcmp(out, "-") != 0) {
            int err = cli_write_text(out, pol);
            if (err) {
                fprintf(stderr, "%s: %s\n", out, strerror(err));
                code = 2;
            }
        } else {
            fputs(pol, stdout);
        }
    }
    free(pol);
    char *d = polc_render_diagnostics(ctx, fmt, color);
    if (fmt == POLC_DIAG_JSON)
        fputs(d, stdout);
    else
        fputs(d, stderr);
    free(d);
    polc_free(ctx);
    return code;
}

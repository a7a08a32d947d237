/* polc verify POLICY DEPLOYED... [--diagnostics-format text|sarif] [--arch LIST] [-I DIR]
 *
 * The CI check that what is deployed is what the policy says: each deployed
 * artifact is compared with POLICY by polc diff's machinery (docs/diff.md),
 * and any difference at all, wider or narrower, fails. */
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/commands.h"
#include "polc/polc.h"
#include "util/sarif.h"

static const char VERIFY_USAGE[] =
    "usage: polc verify POLICY DEPLOYED... [--diagnostics-format text|sarif]\n"
    "                   [--arch LIST] [-I DIR]\n"
    "\n"
    "Whether each DEPLOYED artifact decides exactly as POLICY: a Docker/moby\n"
    "seccomp JSON, an OCI config's linux.seccomp, a Security Profiles Operator\n"
    "SeccompProfile, or a raw seccomp BPF program (NAME.bpf, read back exactly,\n"
    "docs/diff.md). Artifacts state only the syscalls, so only they are\n"
    "compared; a BPF program under the policy's own capability set. AppArmor\n"
    "profiles and Kubernetes manifests without a SeccompProfile (polc's\n"
    "securityContext and Pod forms) are not read (E0721): verify the seccomp\n"
    "profile they refer to. See docs/diff.md (polc verify).\n"
    "\n"
    "options:\n"
    "      --diagnostics-format text|sarif\n"
    "                            sarif: one SARIF 2.1.0 log on stdout, each\n"
    "                            difference a result W1010 (docs/sarif.md)\n"
    "      --arch LIST           compare these arches (overrides both sides')\n"
    "  -I DIR                    search DIR for include <...>\n"
    "  -h, --help                print this help\n"
    "\n"
    "exit status: 0 every artifact decides exactly as POLICY, 1 some artifact\n"
    "differs (each difference printed: call, region, rules), 2 errors.\n";

enum { OPT_ARCH = 256, OPT_DIAG_FMT };

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* Whether a manifest holds a SeccompProfile document (polc's SPO form):
 * its profile is what verify reads; the import checks the rest. */
static bool holds_seccomp_profile(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return true; /* the import reports the missing file */
    char line[256];
    bool found = false;
    while (!found && fgets(line, sizeof line, f))
        found = strncmp(line, "kind: SeccompProfile", 20) == 0;
    fclose(f);
    return found;
}

/* AppArmor profiles and Pod manifests without a SeccompProfile: refused by
 * name, before any reading. */
static const char *unsupported_kind(const char *path)
{
    if (ends_with(path, ".apparmor"))
        return "an AppArmor profile";
    if (ends_with(path, ".k8s.yaml") && !holds_seccomp_profile(path))
        return "a Kubernetes manifest without a SeccompProfile";
    if (ends_with(path, ".pol"))
        return "a policy, not a deployed artifact (compare two policies with polc diff)";
    return NULL;
}

static polc_ctx *load(const char *path, const char *arch, const char *const *inc, int ninc, int sarif, SarifLog *log)
{
    polc_ctx *ctx = cli_new_ctx(inc, ninc);
    if (!ctx)
        return NULL;
    polc_status st = arch ? polc_set_arches(ctx, arch) : POLC_OK;
    if (st == POLC_OK)
        st = polc_compile_any(ctx, path);
    int failed = st != POLC_OK || polc_error_count(ctx);
    char *d = polc_render_diagnostics(ctx, sarif ? POLC_DIAG_SARIF : POLC_DIAG_TEXT, 0);
    if (sarif)
        sarif_add_log(log, d);
    else if (failed) /* an artifact's warnings are the import's business, not the check's */
        fputs(d, stderr);
    free(d);
    if (failed) {
        if (!sarif)
            fprintf(stderr, "polc verify: cannot read %s\n", path);
        polc_free(ctx);
        return NULL;
    }
    return ctx;
}

int polc_cmd_verify(int argc, char **argv)
{
    static const struct option LONG_OPTS[] = {
        {"arch", required_argument, NULL, OPT_ARCH},
        {"diagnostics-format", required_argument, NULL, OPT_DIAG_FMT},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    int sarif = 0, c, ninc = 0;
    const char *arch = NULL, *inc[64];
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "I:h", LONG_OPTS, NULL)) != -1) {
        switch (c) {
        case OPT_ARCH: arch = optarg; break;
        case OPT_DIAG_FMT:
            if (strcmp(optarg, "sarif") && strcmp(optarg, "text")) {
                fprintf(stderr, "polc verify: error: --diagnostics-format takes text or sarif, not %s\n", optarg);
                return 2;
            }
            sarif = !strcmp(optarg, "sarif");
            break;
        case 'I':
            if (ninc == 64) {
                fputs("polc verify: error: too many -I options\n", stderr);
                return 2;
            }
            inc[ninc++] = optarg;
            break;
        case 'h': fputs(VERIFY_USAGE, stdout); return 0;
        default: cli_option_error("polc verify", argv[optind - 1], optopt, "I:h", LONG_OPTS); return 2;
        }
    }
    if (argc - optind < 2) {
        fputs("polc verify: error: give POLICY and at least one DEPLOYED artifact\ntry 'polc verify --help'\n",
              stderr);
        return 2;
    }
    for (int i = optind + 1; i < argc; i++) {
        const char *why = unsupported_kind(argv[i]);
        if (why) {
            fprintf(stderr, "error[%s]: polc verify: %s is %s; verify reads seccomp profiles (JSON, OCI, SPO) "
                            "and BPF programs\n", "E0721", argv[i], why);
            return 2;
        }
    }
    SarifLog log;
    sarif_init(&log, NULL);
    const char *policy = argv[optind];
    polc_ctx *pctx = load(policy, arch, inc, ninc, sarif, &log);
    int code = pctx ? 0 : 2;
    for (int i = optind + 1; i < argc && pctx; i++) {
        polc_ctx *dctx = load(argv[i], arch, inc, ninc, sarif, &log);
        if (!dctx) {
            code = 2;
            continue;
        }
        polc_diff_options o = {0, 0, policy, argv[i], sarif, 1, 1};
        char *report = NULL;
        int differs = 0;
        polc_status st = polc_diff(pctx, dctx, &o, &report, &differs);
        if (st != POLC_OK) {
            char *d = polc_render_diagnostics(dctx, sarif ? POLC_DIAG_SARIF : POLC_DIAG_TEXT, 0);
            if (sarif)
                sarif_add_log(&log, d);
            else
                fputs(d, stderr);
            free(d);
            code = 2;
        } else {
            if (sarif)
                sarif_add_log(&log, report);
            else if (differs)
                fputs(report, stdout);
            else
                printf("%s: decides exactly as %s\n", argv[i], policy);
            if (differs && code == 0)
                code = 1;
        }
        free(report);
        polc_free(dctx);
    }
    cli_sarif_print(&log, sarif, stdout);
    polc_free(pctx);
    return code;
}

/* polc command line: a thin user of libpolc (include/polc/polc.h). */
#include <getopt.h>
#include <stdbool.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/commands.h"
#include "util/closest.h"
#include "util/sarif.h"
#include "polc/polc.h"

static const char USAGE[] =
    "usage: polc [options] FILE... -o DIR\n"
    "       polc --check [options] FILE...\n"
    "       polc import PROFILE [-o NAME.pol]      (polc import --help)\n"
    "       polc learn TRACE... [-o NAME.pol]      (polc learn --help)\n"
    "       polc eval POLICY 'call(args)'           (polc eval --help)\n"
    "       polc disasm FILE.bpf                   (polc disasm --help)\n"
    "       polc load NAME.apparmor                (polc load --help)\n"
    "       polc diff OLD NEW                      (polc diff --help)\n"
    "       polc verify POLICY DEPLOYED...         (polc verify --help)\n"
    "       polc graph POLICY                      (polc graph --help)\n"
    "       polc lint FILE...                      (polc lint --help)\n"
    "       polc explain FILE                      (polc explain --help)\n"
    "       polc fmt [-i | --check] FILE...        (polc fmt --help)\n"
    "       polc run POLICY -- CMD [ARGS...]       (polc run --help)\n"
    "       polc oci-merge CONFIG.json NAME.oci.json [-o OUT]  (polc oci-merge --help)\n"
    "\n"
    "Compile container sandbox policies to Docker seccomp JSON, raw seccomp BPF,\n"
    "AppArmor and Kubernetes securityContext / Pod YAML. For NAME.pol it writes\n"
    "DIR/NAME.seccomp.json, DIR/NAME.bpf, DIR/NAME.apparmor, DIR/NAME.k8s.yaml;\n"
    "on request (-t) also the runtimes' outputs: DIR/NAME.run-flags (docker/podman\n"
    "run options), DIR/NAME.compose.yaml, DIR/NAME.service.d/polc.conf (a systemd\n"
    "drop-in) and DIR/NAME.oci.json (docs/runtimes.md).\n"
    "\n"
    "options:\n"
    "  -o, --output DIR          write outputs into DIR (created if missing)\n"
    "      --check               check only: report diagnostics, write nothing\n"
    "  -t, --target NAME         back end to run: docker, bpf, apparmor, k8s,\n"
    "                            run-flags, compose, systemd, oci (repeatable;\n"
    "                            default: docker, bpf, apparmor and k8s)\n"
    "      --arch LIST           override the policy's `arch`, e.g. x86_64,x86\n"
    "  -I DIR                    search DIR for include <...> before POLC_PATH\n"
    "      --no-prelude          do not load stdlib/prelude.pol\n"
    "      --dump-ast            print the syntax tree of each FILE\n"
    "      --dump-ir             print the lowered, optimized IR of each FILE\n"
    "      --emit bpf-asm        print the BPF program as a readable listing\n"
    "      --caps LIST           capabilities the BPF back end assumes, e.g.\n"
    "                            SYS_ADMIN,NET_ADMIN (default: the policy's\n"
    "                            capabilities section, else Docker's default set)\n"
    "      --strict-int-args     a 32-bit argument's high half must be zero or the\n"
    "                            sign extension of its low half, else the harshest\n"
    "                            outcome of that syscall (BPF back end only)\n"
    "      --no-verify-libseccomp  UNSAFE: write the Docker profile without building\n"
    "                            it with libseccomp as runc does (docs/validation.md)\n"
    "      --verify-libseccomp   with --check: validate the Docker profile as\n"
    "                            writing does, read as runc documents it and\n"
    "                            built with libseccomp as runc does\n"
    "      --frequency FILE      weight the BPF dispatch by `name count` lines\n"
    "                            (e.g. from strace -c): frequent calls decide faster\n"
    "      --apparmor-features FILE|DIR\n"
    "                            AppArmor kernel feature set the profile must be\n"
    "                            enforceable on (default: the stdlib's abi 3.0)\n"
    "      --k8s-form snippet|pod|spo\n"
    "                            NAME.k8s.yaml: a container securityContext (default),\n"
    "                            a Pod, or a Security Profiles Operator SeccompProfile\n"
    "                            plus the Pod that uses it\n"
    "      --k8s-profile-dir DIR seccomp localhostProfile DIR/NAME.seccomp.json,\n"
    "                            relative to the kubelet's seccomp root\n"
    "      --k8s-image IMAGE     the Pod's container image (needed by the pod and spo forms)\n"
    "      --k8s-namespace NS    namespace of the SPO form (default: default)\n"
    "      --k8s-node-limits     the nodes enforce the resources a Pod cannot say per\n"
    "                            container (pids, memory-swap, nofile, nproc): the\n"
    "                            output lists the kubelet and runtime settings\n"
    "      --image-root DIR      the image's root file system (or a directory with its\n"
    "                            etc/passwd and etc/group): where `user NAME` and\n"
    "                            `group NAME` are looked up for the outputs that\n"
    "                            need numbers (Kubernetes, OCI)\n"
    "      --engine docker|podman\n"
    "                            the engine the run flags are for (default docker;\n"
    "                            podman: each tmpfs starts empty, as under Docker)\n"
    "      --profile-dir DIR     the run flags name DIR/NAME.seccomp.json (default:\n"
    "                            the -o DIR as given, which docker and podman open\n"
    "                            relative to where they run)\n"
    "      --diagnostics-format text|json|sarif\n"
    "                            json prints one array on stdout and nothing else;\n"
    "                            sarif one SARIF 2.1.0 log (docs/sarif.md)\n"
    "      --stdin-name NAME     name used in messages when FILE is -\n"
    "      --color auto|always|never\n"
    "      --version             print the version\n"
    "  -h, --help                print this help\n"
    "\n"
    "exit status: 0 success (warnings allowed), 1 errors in a policy,\n"
    "2 usage or I/O error.\n";

enum {
    OPT_CHECK = 256, OPT_ARCH, OPT_DUMP_AST, OPT_DUMP_IR, OPT_DIAG_FMT, OPT_STDIN_NAME,
    OPT_NO_PRELUDE, OPT_COLOR, OPT_VERSION, OPT_EMIT, OPT_CAPS, OPT_FREQUENCY, OPT_STRICT_INT, OPT_NO_VERIFY_LIBSECCOMP, OPT_VERIFY_LIBSECCOMP,
    OPT_AA_FEATURES, OPT_K8S_FORM, OPT_K8S_PROFILE_DIR, OPT_K8S_IMAGE, OPT_K8S_NAMESPACE, OPT_K8S_NODE_LIMITS, OPT_PROFILE_DIR, OPT_ENGINE, OPT_IMAGE_ROOT
};

static const struct option LONG_OPTS[] = {
    {"output", required_argument, NULL, 'o'},
    {"check", no_argument, NULL, OPT_CHECK},
    {"target", required_argument, NULL, 't'},
    {"arch", required_argument, NULL, OPT_ARCH},
    {"dump-ast", no_argument, NULL, OPT_DUMP_AST},
    {"dump-ir", no_argument, NULL, OPT_DUMP_IR},
    {"diagnostics-format", required_argument, NULL, OPT_DIAG_FMT},
    {"stdin-name", required_argument, NULL, OPT_STDIN_NAME},
    {"no-prelude", no_argument, NULL, OPT_NO_PRELUDE},
    {"color", required_argument, NULL, OPT_COLOR},
    {"version", no_argument, NULL, OPT_VERSION},
    {"emit", required_argument, NULL, OPT_EMIT},
    {"caps", required_argument, NULL, OPT_CAPS},
    {"strict-int-args", no_argument, NULL, OPT_STRICT_INT},
    {"no-verify-libseccomp", no_argument, NULL, OPT_NO_VERIFY_LIBSECCOMP},
    {"verify-libseccomp", no_argument, NULL, OPT_VERIFY_LIBSECCOMP},
    {"frequency", required_argument, NULL, OPT_FREQUENCY},
    {"apparmor-features", required_argument, NULL, OPT_AA_FEATURES},
    {"k8s-form", required_argument, NULL, OPT_K8S_FORM},
    {"k8s-profile-dir", required_argument, NULL, OPT_K8S_PROFILE_DIR},
    {"k8s-image", required_argument, NULL, OPT_K8S_IMAGE},
    {"k8s-namespace", required_argument, NULL, OPT_K8S_NAMESPACE},
    {"k8s-node-limits", no_argument, NULL, OPT_K8S_NODE_LIMITS},
    {"profile-dir", required_argument, NULL, OPT_PROFILE_DIR},
    {"engine", required_argument, NULL, OPT_ENGINE},
    {"image-root", required_argument, NULL, OPT_IMAGE_ROOT},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0},
};

static int usage_error(const char *msg, const char *arg)
{
    fprintf(stderr, "polc: error: %s%s%s\n", msg, arg ? " " : "", arg ? arg : "");
    fprintf(stderr, "try 'polc --help'\n");
    return 2;
}

static int is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The stdlib next to the binary: the source tree for a build-tree binary,
 * PREFIX/share/polc/stdlib for an installed one. */
void cli_add_stdlib_dirs(polc_ctx *ctx)
{
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';
            char cand[PATH_MAX + 64];
            snprintf(cand, sizeof cand, "%s/../share/polc/stdlib", exe);
            if (is_dir(cand))
                polc_add_stdlib_dir(ctx, cand);
            snprintf(cand, sizeof cand, "%s/CMakeCache.txt", exe);
            if (access(cand, F_OK) == 0 && is_dir(POLC_STDLIB_SOURCE_DIR))
                polc_add_stdlib_dir(ctx, POLC_STDLIB_SOURCE_DIR);
        }
    }
    if (is_dir(POLC_STDLIB_INSTALL_DIR))
        polc_add_stdlib_dir(ctx, POLC_STDLIB_INSTALL_DIR);
}

polc_ctx *cli_new_ctx(const char *const *includes, int n)
{
    polc_ctx *ctx = polc_new();
    if (!ctx)
        return NULL;
    for (int i = 0; i < n; i++)
        polc_add_include_dir(ctx, includes[i]);
    polc_use_env_path(ctx);
    cli_add_stdlib_dirs(ctx);
    return ctx;
}

/* Subcommands live in their own files (cmd_*.c); a build without one says so. */
__attribute__((weak)) int polc_cmd_import(int argc, char **argv);
__attribute__((weak)) int polc_cmd_learn(int argc, char **argv);
__attribute__((weak)) int polc_cmd_disasm(int argc, char **argv);
__attribute__((weak)) int polc_cmd_eval(int argc, char **argv);
__attribute__((weak)) int polc_cmd_load(int argc, char **argv);
__attribute__((weak)) int polc_cmd_diff(int argc, char **argv);
__attribute__((weak)) int polc_cmd_verify(int argc, char **argv);
__attribute__((weak)) int polc_cmd_graph(int argc, char **argv);
__attribute__((weak)) int polc_cmd_lint(int argc, char **argv);
__attribute__((weak)) int polc_cmd_explain(int argc, char **argv);
__attribute__((weak)) int polc_cmd_fmt(int argc, char **argv);
__attribute__((weak)) int polc_cmd_run(int argc, char **argv);
__attribute__((weak)) int polc_cmd_lsp(int argc, char **argv);
__attribute__((weak)) int polc_cmd_oci_merge(int argc, char **argv);

static const struct {
    const char *name;
    int (*run)(int, char **);
} SUBCOMMANDS[] = {{"import", polc_cmd_import},
                   {"learn", polc_cmd_learn},
                   {"eval", polc_cmd_eval},
                   {"disasm", polc_cmd_disasm},
                   {"load", polc_cmd_load},
                   {"diff", polc_cmd_diff},
                   {"verify", polc_cmd_verify},
                   {"graph", polc_cmd_graph},
                   {"lint", polc_cmd_lint},
                   {"explain", polc_cmd_explain},
                   {"fmt", polc_cmd_fmt},
                   {"run", polc_cmd_run},
                   {"lsp", polc_cmd_lsp},
                   {"oci-merge", polc_cmd_oci_merge}};

/* `polc lern`: a first word that is neither a subcommand nor a file but
 * close to a subcommand's name is a misspelt subcommand, not an input. */
static bool misspelt_subcommand(const char *word)
{
    enum { N = sizeof SUBCOMMANDS / sizeof *SUBCOMMANDS };
    const char *names[N];
    for (size_t i = 0; i < N; i++)
        names[i] = SUBCOMMANDS[i].name;
    if (word[0] == '-' || strchr(word, '/') || strchr(word, '.') || access(word, F_OK) == 0)
        return false;
    const char *near = closest_name(word, names, N);
    if (!near)
        return false;
    fprintf(stderr, "polc: error: `%s` is not a subcommand, and no file has that name\n", word);
    fprintf(stderr, "help: did you mean `polc %s`?\n", near);
    fprintf(stderr, "try 'polc --help'\n");
    return true;
}

int main(int argc, char **argv)
{
    if (argc > 1)
        for (size_t i = 0; i < sizeof SUBCOMMANDS / sizeof *SUBCOMMANDS; i++)
            if (strcmp(argv[1], SUBCOMMANDS[i].name) == 0) {
                if (!SUBCOMMANDS[i].run)
                    return usage_error("this build of polc has no subcommand", argv[1]);
                return SUBCOMMANDS[i].run(argc - 1, argv + 1);
            }
    if (argc > 1 && misspelt_subcommand(argv[1]))
        return 2;
    const char *outdir = NULL, *arch = NULL, *stdin_name = NULL, *caps = NULL, *frequency = NULL;
    const char *aa_features = NULL, *profile_dir = NULL, *engine = NULL, *image_root = NULL;
    int emit_bpf_asm = 0, strict_int = 0, verify_libseccomp = -1; /* -1: on when writing */
    unsigned targets = 0;
    int check = 0, dump_ast = 0, dump_ir = 0, no_prelude = 0, color = -1;
    polc_diag_format fmt = POLC_DIAG_TEXT;
    const char *includes[256];
    int nincludes = 0;
    const char *k8s_opts[5][2]; /* name, value: applied to each compilation */
    int nk8s = 0;
    int c;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "o:t:I:h", LONG_OPTS, NULL)) != -1) {
        switch (c) {
        case 'o': outdir = optarg; break;
        case OPT_CHECK: check = 1; break;
        case 't': {
            unsigned t = polc_target_from_name(optarg);
            if (!t)
                return usage_error("unknown target (expected docker, bpf, apparmor, k8s, run-flags, compose, systemd or oci):", optarg);
            if (!(t & polc_available_targets()))
                return usage_error("this build of polc has no back end for target", optarg);
            targets |= t;
            break;
        }
        case OPT_ARCH: arch = optarg; break;
        case 'I':
            if (nincludes == 256)
                return usage_error("too many -I options", NULL);
            includes[nincludes++] = optarg;
            break;
        case OPT_DUMP_AST: dump_ast = 1; break;
        case OPT_DUMP_IR: dump_ir = 1; break;
        case OPT_DIAG_FMT:
            if (strcmp(optarg, "json") == 0)
                fmt = POLC_DIAG_JSON;
            else if (strcmp(optarg, "sarif") == 0)
                fmt = POLC_DIAG_SARIF;
            else if (strcmp(optarg, "text") == 0)
                fmt = POLC_DIAG_TEXT;
            else
                return usage_error("--diagnostics-format takes text, json or sarif, not", optarg);
            break;
        case OPT_STDIN_NAME: stdin_name = optarg; break;
        case OPT_NO_PRELUDE: no_prelude = 1; break;
        case OPT_COLOR:
            color = cli_color_option(optarg);
            if (color == CLI_COLOR_BAD) return usage_error("--color takes auto, always or never, not", optarg);
            break;
        case OPT_VERSION: printf("polc %s\n", polc_version()); return 0;
        case OPT_EMIT:
            if (strcmp(optarg, "bpf-asm") != 0)
                return usage_error("--emit takes bpf-asm, not", optarg);
            emit_bpf_asm = 1;
            break;
        case OPT_CAPS: caps = optarg; break;
        case OPT_FREQUENCY: frequency = optarg; break;
        case OPT_STRICT_INT: strict_int = 1; break;
        case OPT_NO_VERIFY_LIBSECCOMP: verify_libseccomp = 0; break;
        case OPT_VERIFY_LIBSECCOMP: verify_libseccomp = 1; break;
        case OPT_AA_FEATURES: aa_features = optarg; break;
        case OPT_PROFILE_DIR: profile_dir = optarg; break;
        case OPT_ENGINE:
            if (strcmp(optarg, "docker") != 0 && strcmp(optarg, "podman") != 0)
                return usage_error("--engine takes docker or podman, not", optarg);
            engine = optarg;
            break;
        case OPT_IMAGE_ROOT:
            image_root = optarg;
            break;
        case OPT_K8S_FORM:
            if (strcmp(optarg, "snippet") != 0 && strcmp(optarg, "pod") != 0 && strcmp(optarg, "spo") != 0)
                return usage_error("--k8s-form takes snippet, pod or spo, not", optarg);
            /* fall through */
        case OPT_K8S_PROFILE_DIR:
        case OPT_K8S_IMAGE:
        case OPT_K8S_NAMESPACE:
        case OPT_K8S_NODE_LIMITS: {
            static const char *const names[] = {"form", "profile-dir", "image", "namespace", "node-limits"};
            const char *n = names[c - OPT_K8S_FORM];
            int j = 0;
            while (j < nk8s && strcmp(k8s_opts[j][0], n) != 0)
                j++;
            k8s_opts[j][0] = n;
            k8s_opts[j][1] = optarg ? optarg : "yes";
            if (j == nk8s)
                nk8s++;
            break;
        }
        case 'h': fputs(USAGE, stdout); return 0;
        default: cli_option_error("polc", argv[optind - 1], optopt, "o:t:I:h", LONG_OPTS); return 2;
        }
    }
    if (optind >= argc)
        return usage_error("no input file", NULL);
    if (!check && !outdir && !dump_ast && !dump_ir && !emit_bpf_asm)
        return usage_error("say where outputs go with -o DIR, or use --check", NULL);
    if (!targets)
        targets = polc_default_targets();
    if (color < 0)
        color = fmt == POLC_DIAG_TEXT && isatty(STDERR_FILENO) && getenv("NO_COLOR") == NULL;

    int status = 0;
    CliJsonArray json_all = {0}; /* with several files, JSON arrays are merged into one */
    SarifLog sarif;              /* and SARIF logs into one run */
    sarif_init(&sarif, NULL);
    for (int i = optind; i < argc; i++) {
        polc_ctx *ctx = cli_new_ctx(includes, nincludes);
        if (!ctx)
            return 2;
        polc_set_no_prelude(ctx, no_prelude);
        polc_set_strict_int_args(ctx, strict_int);
        /* --check is the editor's loop: its own outputs are checked, the
         * libseccomp build (tens of ms) only on request */
        polc_set_verify_libseccomp(ctx, verify_libseccomp >= 0 ? verify_libseccomp : !check);
        polc_status st = POLC_OK;
        if (arch)
            st = polc_set_arches(ctx, arch);
        if (st == POLC_OK && caps)
            st = polc_set_caps(ctx, caps);
        if (st == POLC_OK && frequency)
            st = polc_set_frequency_profile(ctx, frequency);
        if (profile_dir)
            polc_set_profile_dir(ctx, profile_dir);
        if (st == POLC_OK && engine)
            st = polc_set_engine(ctx, engine);
        if (image_root)
            polc_set_image_root(ctx, image_root);
        if (st == POLC_OK && aa_features)
            st = polc_set_apparmor_features(ctx, aa_features);
        for (int j = 0; j < nk8s && st == POLC_OK; j++)
            st = polc_set_k8s_option(ctx, k8s_opts[j][0], k8s_opts[j][1]);
        if (st == POLC_OK)
            st = polc_compile_file(ctx, argv[i], strcmp(argv[i], "-") == 0 ? stdin_name : NULL);
        if (dump_ast) {
            char *s = polc_dump_ast(ctx);
            fputs(s, stdout);
            free(s);
        }
        if (st == POLC_OK && dump_ir) {
            char *s = polc_dump_ir(ctx);
            fputs(s, stdout);
            free(s);
        }
        if (st == POLC_OK && emit_bpf_asm) {
            char *s = NULL;
            st = polc_emit_bpf_listing(ctx, &s);
            if (s)
                fputs(s, stdout);
            free(s);
        }
        if (st == POLC_OK && !check && outdir)
            st = polc_write_outputs(ctx, outdir, targets);
        else if (st == POLC_OK && check)
            st = polc_check(ctx, targets); /* the back ends too: a policy they refuse is not fine */
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
        int code = st == POLC_OK ? 0 : (st == POLC_EINPUT ? 1 : 2);
        if (code > status)
            status = code;
        polc_free(ctx);
    }
    if (fmt == POLC_DIAG_JSON)
        cli_json_print(&json_all, stdout);
    cli_sarif_print(&sarif, fmt == POLC_DIAG_SARIF, stdout);
    return status;
}

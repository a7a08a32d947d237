/* polc load [--apparmorfs DIR] [--apparmor-features FILE|DIR] PROFILE
 *
 * Loads an AppArmor profile into the kernel (replacing a loaded one of the
 * same name) through libapparmor's aa_kernel_interface. PROFILE is polc's
 * NAME.apparmor, compiled here by apparmor_parser, or already compiled policy
 * (apparmor_parser -S / -o). */
#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli/commands.h"
#include "polc/polc.h"

static const char LOAD_USAGE[] =
    "usage: polc load [options] PROFILE\n"
    "\n"
    "Load an AppArmor profile into the kernel, replacing a loaded profile of the\n"
    "same name, through libapparmor. PROFILE is polc's NAME.apparmor (compiled\n"
    "here with apparmor_parser) or compiled policy (apparmor_parser -S or -o).\n"
    "Needs a kernel with the AppArmor LSM and CAP_MAC_ADMIN.\n"
    "\n"
    "options:\n"
    "      --apparmorfs DIR          the AppArmor interface directory (default: the\n"
    "                                running kernel's /sys/kernel/security/apparmor)\n"
    "      --apparmor-features FILE|DIR\n"
    "                                compile for this feature set (default: DIR/features\n"
    "                                with --apparmorfs, else the running kernel's)\n"
    "      --parser PATH             apparmor_parser to compile with\n"
    "      --diagnostics-format text|json\n"
    "  -h, --help                    print this help\n"
    "\n"
    "exit status: 0 loaded, 1 apparmor_parser rejected the profile,\n"
    "2 usage or I/O error, no AppArmor in the kernel, or a refused load.\n";

static int load_usage(const char *msg, const char *arg)
{
    fprintf(stderr, "polc load: error: %s%s%s\ntry 'polc load --help'\n", msg, arg ? " " : "", arg ? arg : "");
    return 2;
}

static char *slurp(FILE *f, size_t *len)
{
    size_t cap = 65536, n = 0, r;
    char *buf = malloc(cap);
    if (!buf)
        return NULL;
    while ((r = fread(buf + n, 1, cap - n, f)) > 0) {
        n += r;
        if (n == cap) {
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                return NULL;
            }
            buf = nb;
            cap *= 2;
        }
    }
    *len = n;
    return buf;
}

static const char *find_parser(const char *given)
{
    if (given)
        return given;
    const char *env = getenv("POLC_APPARMOR_PARSER");
    if (env && *env)
        return env;
    static const char *const cands[] = {"/usr/sbin/apparmor_parser", "/sbin/apparmor_parser"};
    for (size_t i = 0; i < 2; i++)
        if (access(cands[i], X_OK) == 0)
            return cands[i];
    return "apparmor_parser";
}

/* apparmor_parser -Q -K -S [-M FEATURES] FILE: the compiled policy on stdout. */
static char *compile_profile(const char *parser, const char *features, const char *path, size_t *len, int *rc)
{
    int fds[2];
    if (pipe(fds) != 0)
        return NULL;
    pid_t pid = fork();
    if (pid < 0)
        return NULL;
    if (pid == 0) {
        dup2(fds[1], STDOUT_FILENO);
        close(fds[0]);
        close(fds[1]);
        const char *argv[10];
        int n = 0;
        argv[n++] = parser;
        argv[n++] = "-Q";
        argv[n++] = "-K";
        argv[n++] = "-S";
        argv[n++] = "--Werror=rule-not-enforced";
        if (features) {
            argv[n++] = "-M";
            argv[n++] = features;
        }
        argv[n++] = path;
        argv[n] = NULL;
        execvp(parser, (char *const *)argv);
        fprintf(stderr, "polc load: cannot run %s: %s\n", parser, strerror(errno));
        _exit(127);
    }
    close(fds[1]);
    FILE *f = fdopen(fds[0], "rb");
    char *out = f ? slurp(f, len) : NULL;
    if (f)
        fclose(f);
    int status = 0;
    waitpid(pid, &status, 0);
    *rc = WIFEXITED(status) ? WEXITSTATUS(status) : 128;
    return out;
}

int polc_cmd_load(int argc, char **argv)
{
    static const struct option opts[] = {
        {"apparmorfs", required_argument, NULL, 'a'},
        {"apparmor-features", required_argument, NULL, 'f'},
        {"parser", required_argument, NULL, 'p'},
        {"diagnostics-format", required_argument, NULL, 'd'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *fs = NULL, *features = NULL, *parser = NULL;
    polc_diag_format fmt = POLC_DIAG_TEXT;
    int c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        switch (c) {
        case 'a': fs = optarg; break;
        case 'f': features = optarg; break;
        case 'p': parser = optarg; break;
        case 'd':
            if (strcmp(optarg, "json") == 0)
                fmt = POLC_DIAG_JSON;
            else if (strcmp(optarg, "text") != 0)
                return load_usage("--diagnostics-format takes text or json, not", optarg);
            break;
        case 'h': fputs(LOAD_USAGE, stdout); return 0;
        default: cli_option_error("polc load", argv[optind - 1], optopt, "h", opts); return 2;
        }
    }
    if (optind != argc - 1)
        return load_usage(optind >= argc ? "no profile to load" : "one profile at a time", NULL);
    const char *path = argv[optind];
    polc_ctx *ctx = polc_new();
    if (!ctx)
        return 2;
    cli_add_stdlib_dirs(ctx);
    int status = 0;
    polc_status st = POLC_OK;
    if (features)
        st = polc_set_apparmor_features(ctx, features);
    if (st == POLC_OK)
        st = polc_apparmor_check_interface(ctx, fs);
    char *blob = NULL;
    size_t len = 0;
    if (st == POLC_OK) {
        FILE *f = fopen(path, "rb");
        if (!f) {
            fprintf(stderr, "polc load: error: cannot read `%s`: %s\n", path, strerror(errno));
            polc_free(ctx);
            return 2;
        }
        blob = slurp(f, &len);
        fclose(f);
        bool binary = false;
        for (size_t i = 0; blob && i < len && i < 64; i++)
            binary |= blob[i] == '\0';
        if (blob && !binary) {
            /* text: compile it for the target's features */
            free(blob);
            const char *feat = features;
            struct stat sb;
            char buf[4096];
            if (!feat && fs) {
                snprintf(buf, sizeof buf, "%s/features", fs);
                feat = stat(buf, &sb) == 0 ? buf : polc_apparmor_features_path(ctx);
            }
            int rc = 0;
            blob = compile_profile(find_parser(parser), feat, path, &len, &rc);
            if (rc != 0) {
                fprintf(stderr, "polc load: error: apparmor_parser %s `%s` (exit status %d)\n",
                        rc == 127 ? "could not be run for" : "rejected", path, rc);
                free(blob);
                polc_free(ctx);
                return rc == 127 ? 2 : 1;
            }
        }
        if (!blob) {
            fprintf(stderr, "polc load: error: out of memory reading `%s`\n", path);
            polc_free(ctx);
            return 2;
        }
        st = polc_apparmor_load(ctx, blob, len, fs);
    }
    char *d = polc_render_diagnostics(ctx, fmt, 0);
    if (fmt == POLC_DIAG_JSON)
        fputs(d, stdout);
    else
        fputs(d, stderr);
    free(d);
    if (st == POLC_OK && fmt == POLC_DIAG_TEXT)
        fprintf(stderr, "polc load: loaded `%s` (%zu bytes of compiled policy)\n", path, len);
    status = st == POLC_OK ? 0 : st == POLC_EINPUT ? 1 : 2;
    free(blob);
    polc_free(ctx);
    return status;
}

/* polc run [options] POLICY.pol -- CMD [ARGS...]: compile the policy, then run
 * CMD under it (compiler/run/, docs/run.md). The exit status is CMD's; when
 * polc refuses or fails before CMD starts, 2 with a diagnostic. */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/commands.h"
#include "compile.h"
#include "polc/polc.h"
#include "run/complain.h"
#include "run/run.h"

static const char RUN_USAGE[] =
    "usage: polc run [options] POLICY.pol -- CMD [ARGS...]\n"
    "\n"
    "Compile POLICY and run CMD under it: Landlock for the filesystem section,\n"
    "the policy's capabilities, user and group, no_new_privs, and polc's seccomp\n"
    "program (the bytes of NAME.bpf), then exec CMD (docs/run.md). The exit\n"
    "status is CMD's; 2 when polc refuses or fails before CMD starts.\n"
    "\n"
    "options:\n"
    "  -I DIR              search DIR for include <...>\n"
    "      --landlock-abi N  the least Landlock ABI the run needs; below it polc\n"
    "                      refuses to run\n"
    "      --write-bpf FILE  write the seccomp program about to be loaded to FILE\n"
    "                      (for tests: it equals NAME.bpf)\n"
    "      --accept-widening FILE:LINE\n"
    "                      let the globs of that policy line become the directory\n"
    "                      hierarchy around them (Landlock's unit), with a warning\n"
    "                      naming what becomes allowed\n"
    "      --complain      deny nothing: report every call the policy would deny,\n"
    "                      with the deciding rule's file:line (also `mode complain`)\n"
    "      --report FILE   complain mode: write the findings to FILE too\n"
    "      --diagnostics-format text|json  the --report file's format\n"
    "      --suggest FILE  complain mode: write the smallest additions that would\n"
    "                      have allowed the run to FILE (polc text)\n"
    "      --merge         complain mode: add them to POLICY.pol (as polc learn --merge)\n"
    "      --color auto|always|never\n"
    "  -h, --help          print this help\n";

static int finish(polc_ctx *ctx, int color, int status)
{
    char *d = polc_render_diagnostics(ctx, POLC_DIAG_TEXT, color);
    fputs(d, stderr);
    free(d);
    polc_free(ctx);
    return status;
}

/* --suggest/--merge: the seccomp findings go through polc learn --merge (one
 * writer of policy text: names, groups, argument conditions, comments), the
 * filesystem rules are appended as complain_report.c wrote them. */
static bool run_suggest(const char *policy, const char **includes, int ninc, const ComplainOptions *co,
                        const char *suggest, bool merge, int color)
{
    size_t olen = 0;
    char *old = NULL;
    FILE *in = fopen(policy, "rb");
    if (in) {
        StrBuf sb;
        sb_init(&sb);
        char buf[4096];
        size_t n;
        while ((n = fread(buf, 1, sizeof buf, in)) > 0)
            sb_putn(&sb, buf, n);
        fclose(in);
        olen = sb.len;
        old = sb_take(&sb);
    }
    if (!old) {
        fprintf(stderr, "polc: error: cannot read `%s`\n", policy);
        return false;
    }
    char *merged = NULL;
    bool ok = true;
    if (co->trace && *co->trace) {
        /* a fixed name: learn's comment names the input */
        char dir[] = "/tmp/polc-complain-XXXXXX", tmpl[64];
        int fd = -1;
        if (mkdtemp(dir)) {
            snprintf(tmpl, sizeof tmpl, "%s/complain-findings", dir);
            fd = open(tmpl, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        }
        ok = fd >= 0 && write(fd, co->trace, strlen(co->trace)) == (ssize_t)strlen(co->trace);
        if (fd >= 0)
            close(fd);
        polc_ctx *lctx = ok ? cli_new_ctx(includes, ninc) : NULL;
        if (lctx) {
            polc_learn_options lo = {0};
            lo.merge_path = policy;
            const char *inputs[] = {tmpl};
            polc_status st = polc_learn(lctx, inputs, 1, &lo, &merged);
            char *d = polc_render_diagnostics(lctx, POLC_DIAG_TEXT, color);
            fputs(d, stderr);
            free(d);
            ok = st == POLC_OK;
            polc_free(lctx);
        }
        unlink(tmpl);
        rmdir(dir);
    }
    if (!ok) {
        fputs("polc: error: polc run --suggest: the additions could not be written\n", stderr);
        free(old), free(merged);
        return false;
    }
    /* learn's output is OLD.pol's text, then its block (docs/learn.md) */
    const char *added = merged ? strstr(merged, "# ---- added by polc learn --merge") : NULL;
    if (!added)
        added = "";
    (void)olen;
    StrBuf patch;
    sb_init(&patch);
    if (!*added && !(co->fs_rules && *co->fs_rules))
        sb_puts(&patch, "# polc run --suggest: nothing to add\n");
    sb_puts(&patch, added);
    if (co->fs_rules && *co->fs_rules)
        sb_printf(&patch, "\n# ---- filesystem and network rules added by polc run --suggest ----\n%s", co->fs_rules);
    if (suggest && cli_write_text(suggest, patch.data ? patch.data : "") != 0) {
        fprintf(stderr, "polc: error: cannot write `%s`\n", suggest);
        ok = false;
    }
    if (merge && ok && patch.len && (*added || (co->fs_rules && *co->fs_rules))) {
        StrBuf all;
        sb_init(&all);
        sb_puts(&all, old);
        sb_puts(&all, patch.data);
        if (cli_write_text(policy, all.data) != 0) {
            fprintf(stderr, "polc: error: cannot write `%s`\n", policy);
            ok = false;
        } else {
            fprintf(stderr, "polc run: merged the suggested additions into %s\n", policy);
        }
        sb_free(&all);
    }
    sb_free(&patch);
    free(old), free(merged);
    return ok;
}

int polc_cmd_run(int argc, char **argv)
{
    static const struct option opts[] = {{"landlock-abi", required_argument, NULL, 'L'},
                                         {"write-bpf", required_argument, NULL, 'W'},
                                         {"accept-widening", required_argument, NULL, 'A'},
                                         {"color", required_argument, NULL, 'c'},
                                         {"complain", no_argument, NULL, 'C'},
                                         {"report", required_argument, NULL, 'R'},
                                         {"diagnostics-format", required_argument, NULL, 'D'},
                                         {"suggest", required_argument, NULL, 'S'},
                                         {"merge", no_argument, NULL, 'M'},
                                         {"help", no_argument, NULL, 'h'},
                                         {NULL, 0, NULL, 0}};
    RunOptions ro = {0};
    ComplainOptions co = {0};
    bool complain = false, merge = false;
    const char *suggest = NULL;
    const char *includes[64], *widenings[64];
    int ninc = 0, color = -1, c;
    optind = 1;
    opterr = 0; /* cli_option_error says it, with a hint */
    /* `+`: options end at POLICY, so CMD's own options are never read */
    while ((c = getopt_long(argc, argv, "+I:h", opts, NULL)) != -1) {
        switch (c) {
        case 'L': {
            char *end;
            long v = strtol(optarg, &end, 10);
            if (*end || end == optarg || v < 1 || v > 1000) {
                fprintf(stderr, "polc: error: --landlock-abi takes a number from 1, not %s\n", optarg);
                return 2;
            }
            ro.landlock_abi = (int)v;
            break;
        }
        case 'W': ro.write_bpf = optarg; break;
        case 'A':
            if (ro.naccept_widening == 64) {
                fputs("polc: error: too many --accept-widening options\n", stderr);
                return 2;
            }
            widenings[ro.naccept_widening++] = optarg;
            ro.accept_widening = widenings;
            break;
        case 'C': complain = true; break;
        case 'R': co.report_path = optarg; break;
        case 'D':
            if (strcmp(optarg, "json") != 0 && strcmp(optarg, "text") != 0) {
                fprintf(stderr, "polc: error: --diagnostics-format takes text or json, not %s\n", optarg);
                return 2;
            }
            co.json = strcmp(optarg, "json") == 0;
            break;
        case 'S': suggest = optarg; break;
        case 'M': merge = true; break;
        case 'c':
            color = cli_color_option(optarg);
            if (color == CLI_COLOR_BAD) {
                fprintf(stderr, "polc: error: --color takes auto, always or never, not %s\n", optarg);
                return 2;
            }
            break;
        case 'I':
            if (ninc == 64) {
                fputs("polc: error: too many -I options\n", stderr);
                return 2;
            }
            includes[ninc++] = optarg;
            break;
        case 'h': fputs(RUN_USAGE, stdout); return 0;
        default: cli_option_error("polc run", argv[optind - 1], optopt, "I:h", opts); return 2;
        }
    }
    if (optind >= argc) {
        fputs(RUN_USAGE, stderr);
        return 2;
    }
    const char *policy = argv[optind++];
    if (optind < argc && strcmp(argv[optind], "--") == 0)
        optind++;
    if (optind >= argc) {
        fputs("polc: error: polc run: no command to run after the policy\n", stderr);
        fputs(RUN_USAGE, stderr);
        return 2;
    }
    if (color < 0)
        color = isatty(STDERR_FILENO) && getenv("NO_COLOR") == NULL;
    polc_ctx *ctx = cli_new_ctx(includes, ninc);
    if (!ctx)
        return 2;
    polc_set_verify_libseccomp(ctx, 0);
    ctx->opt.backend.landlock_enforced = true; /* TCP ports and scopes: run/landlock*.c */
    polc_status st = polc_compile_file(ctx, policy, NULL);
    char *bpf = NULL;
    size_t len = 0;
    if (st == POLC_OK)
        st = polc_emit(ctx, POLC_TARGET_BPF, &bpf, &len);
    if (st != POLC_OK) {
        free(bpf);
        return finish(ctx, color, 2);
    }
    /* the compilation's warnings, before CMD writes anything */
    char *d = polc_render_diagnostics(ctx, POLC_DIAG_TEXT, color);
    fputs(d, stderr);
    free(d);
    fflush(stderr);
    ro.color = color != 0;
    DiagEngine diag;
    diag_init(&diag, &ctx->arena, &ctx->sm);
    bool complains = complain || ctx->policy.mode.complain;
    if ((suggest || merge || co.report_path) && !complains) {
        fputs("polc: error: --report, --suggest and --merge need --complain (or `mode complain`)\n", stderr);
        free(bpf);
        polc_free(ctx);
        return 2;
    }
    ro.backend = &ctx->opt.backend;
    if (complains)
        ro.complain = &co;
    if (complains && !complain) {
        /* said before CMD starts: the policy file, not the command line,
         * turned enforcement off */
        const SourceFile *sf = source_get(&ctx->sm, ctx->policy.mode.span.file);
        unsigned line = 0, col = 0;
        if (sf)
            source_linecol(sf, ctx->policy.mode.span.start, &line, &col);
        fprintf(stderr, "polc run: complain mode (`mode complain` at %s:%u): nothing is denied\n",
                sf ? sf->name : "?", line);
    }
    int status;
    FILE *probe = co.report_path ? fopen(co.report_path, "w") : NULL;
    if (co.report_path && !probe) {
        /* before CMD runs, not after */
        Diag *g = diag_error(&diag, "E1121", SPAN_NONE, "polc run: cannot write the report `%s`: %s",
                             co.report_path, strerror(errno));
        diag_help(&diag, g, "--report names a file polc can create");
        status = -1;
    } else {
        if (probe)
            fclose(probe);
        status = run_launch(&ctx->policy, &ro, &diag, bpf, len, argv + optind);
    }
    if (status >= 0 && (suggest || merge) &&
        !run_suggest(policy, includes, ninc, &co, suggest, merge, color))
        status = 2;
    free(co.trace);
    free(co.fs_rules);
    free(bpf);
    if (status < 0) {
        char *t = diag_render_text(&diag, color != 0);
        fputs(t, stderr);
        free(t);
        status = 2;
    }
    polc_free(ctx);
    return status;
}

/* polc learn: a minimal allowlist policy from strace traces and audit logs
 * (a thin user of polc_learn, include/polc/polc.h). */
#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/commands.h"
#include "learn/record_run.h"
#include "polc/polc.h"

static const char LEARN_USAGE[] =
    "usage: polc learn [options] INPUT...\n"
    "\n"
    "Write a minimal allowlist policy (default errno(EPERM)) from what programs\n"
    "did. INPUTs are `strace -f -o FILE` traces (any of -t/-tt/-ttt/-r/-T/-y),\n"
    "`strace -c` summaries, and kernel audit logs or dmesg with type=SECCOMP /\n"
    "type=1326 records written under a `log` policy; kinds may be mixed.\n"
    "\n"
    "options:\n"
    "  -o, --output FILE     write the policy to FILE (default: standard output)\n"
    "      --name NAME       the policy's name (default: learned)\n"
    "      --arch ARCH       the traced arch (default: this host's, e.g. x86_64)\n"
    "      --merge OLD.pol   widen OLD.pol with what the INPUTs show: prints OLD.pol\n"
    "                        plus a block of additions, reported on stderr\n"
    "      --max-values N    constrain an argument seen with at most N distinct\n"
    "                        values (socket domain, ioctl cmd, prctl option; default 4)\n"
    "      --comm NAME       audit input: only records of processes named NAME\n"
    "      --exe PATH        audit input: only records of the executable PATH\n"
    "      --pid PID         audit input: only records of process PID\n"
    "      --since TIME      audit input: only records at or after TIME: epoch\n"
    "                        seconds (as in audit(1700000100.001:501)), @EPOCH, or\n"
    "                        'YYYY-MM-DD HH:MM:SS' in UTC\n"
    "      --base LIST       base presets to include (presets/base/NAME.pol), joined\n"
    "                        by ',', or none; default: detected (docs/presets.md)\n"
    "  -I DIR                search DIR for include <...> (for --merge)\n"
    "      --run -- CMD [ARGS...]  run CMD and learn from what it does, recorded\n"
    "                        by polc run's seccomp supervisor (no strace needed)\n"
    "      --color auto|always|never\n"
    "  -h, --help            print this help\n"
    "\n"
    "Syscalls are grouped into systemd's @groups where every member was seen;\n"
    "clone/unshare forbid namespace flags never seen. See docs/learn.md.\n"
    "\n"
    "exit status: 0 success (warnings allowed), 1 nothing learnable or an\n"
    "error in OLD.pol, 2 usage or I/O error.\n";

enum { L_NAME = 256, L_ARCH, L_MERGE, L_MAXV, L_COLOR, L_COMM, L_EXE, L_PID, L_SINCE, L_BASE, L_RUN };

static const struct option LEARN_OPTS[] = {
    {"output", required_argument, NULL, 'o'},  {"name", required_argument, NULL, L_NAME},
    {"arch", required_argument, NULL, L_ARCH}, {"merge", required_argument, NULL, L_MERGE},
    {"max-values", required_argument, NULL, L_MAXV}, {"color", required_argument, NULL, L_COLOR},
    {"comm", required_argument, NULL, L_COMM}, {"exe", required_argument, NULL, L_EXE},
    {"pid", required_argument, NULL, L_PID},   {"since", required_argument, NULL, L_SINCE},
    {"base", required_argument, NULL, L_BASE},
    {"run", no_argument, NULL, L_RUN},
    {"help", no_argument, NULL, 'h'},          {NULL, 0, NULL, 0},
};

static int learn_usage_error(const char *msg, const char *arg)
{
    fprintf(stderr, "polc learn: error: %s%s%s\n", msg, arg ? " " : "", arg ? arg : "");
    fprintf(stderr, "try 'polc learn --help'\n");
    return 2;
}

/* The merge report is the comment block polc_learn appends: echo it. */
static void print_merge_report(const char *text)
{
    const char *mark = "\n# ---- added by polc learn --merge", *p = NULL;
    for (const char *q = strstr(text, mark); q; q = strstr(q + 1, mark))
        p = q; /* the last block: OLD.pol may hold earlier ones */
    if (!p)
        return;
    p++;
    while (*p == '#') {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        const char *s = p + 1;
        size_t k = n - 1;
        if (k && *s == ' ')
            s++, k--;
        fprintf(stderr, "polc learn: %.*s\n", (int)k, s);
        if (!nl)
            break;
        p = nl + 1;
    }
}

static int write_file(const char *path, const char *text) { return cli_write_text(path, text) ? -1 : 0; }

/* --run: record CMD (learn/record_run.c), then learn from the recording as
 * from a trace. */
static polc_status learn_run(polc_ctx *ctx, char **cmd, const polc_learn_options *opts, char **text)
{
    char dir[] = "/tmp/polc-learn-run-XXXXXX";
    if (!mkdtemp(dir)) {
        fprintf(stderr, "polc learn: error: mkdtemp: %s\n", strerror(errno));
        return POLC_EUSAGE;
    }
    char trace[64];
    snprintf(trace, sizeof trace, "%s/recording", dir); /* the name learn's header shows */
    int status = 0;
    polc_status st = learn_record_run(ctx, cmd, trace, &status);
    if (st == POLC_OK) {
        if (status)
            fprintf(stderr, "polc learn: note: %s exited with status %d\n", cmd[0], status);
        const char *inputs[] = {trace};
        /* recorded under polc run: its preset, not runc's (--base overrides) */
        polc_learn_options o = *opts;
        if (!o.runtime)
            o.runtime = "polc-run";
        st = polc_learn(ctx, inputs, 1, &o, text);
    }
    unlink(trace);
    rmdir(dir);
    return st;
}

int polc_cmd_learn(int argc, char **argv)
{
    const char *out = NULL;
    polc_learn_options opts = {0};
    const char *includes[64];
    int nincludes = 0, color = -1;
    bool run = false;
    int c;
    optind = 0; /* restart getopt for the subcommand's argv */
    opterr = 0; /* cli_option_error says it, with a hint */
    /* INPUTs and options mix; with --run, `--` ends polc's options, so
     * CMD's own are not read */
    while ((c = getopt_long(argc, argv, "o:I:h", LEARN_OPTS, NULL)) != -1) {
        switch (c) {
        case 'o': out = optarg; break;
        case L_NAME: opts.policy_name = optarg; break;
        case L_ARCH: opts.arch = optarg; break;
        case L_MERGE: opts.merge_path = optarg; break;
        case L_MAXV: {
            char *end;
            long v = strtol(optarg, &end, 10);
            if (*end || v < 1 || v > 64)
                return learn_usage_error("--max-values takes a number from 1 to 64, not", optarg);
            opts.max_values = (unsigned)v;
            break;
        }
        case L_COMM: opts.comm = optarg; break;
        case L_EXE: opts.exe = optarg; break;
        case L_SINCE: opts.since = optarg; break;
        case L_BASE: opts.base = optarg; break;
        case L_PID: {
            char *end;
            long v = strtol(optarg, &end, 10);
            if (*end || v < 1)
                return learn_usage_error("--pid takes a process id, not", optarg);
            opts.pid = v;
            break;
        }
        case 'I':
            if (nincludes == 64)
                return learn_usage_error("too many -I options", NULL);
            includes[nincludes++] = optarg;
            break;
        case L_COLOR:
            color = cli_color_option(optarg);
            if (color == CLI_COLOR_BAD) return learn_usage_error("--color takes auto, always or never, not", optarg);
            break;
        case L_RUN: run = true; break;
        case 'h': fputs(LEARN_USAGE, stdout); return 0;
        default: cli_option_error("polc learn", argv[optind - 1], optopt, "o:I:h", LEARN_OPTS); return 2;
        }
    }
    if (optind >= argc)
        return learn_usage_error(run ? "--run: no command to run" : "no input: give strace traces or audit logs",
                                 NULL);
    if (color < 0)
        color = isatty(STDERR_FILENO) && getenv("NO_COLOR") == NULL;
    polc_ctx *ctx = cli_new_ctx(includes, nincludes);
    if (!ctx)
        return 2;
    char *text = NULL;
    polc_status st;
    if (run)
        st = learn_run(ctx, argv + optind, &opts, &text);
    else
        st = polc_learn(ctx, (const char *const *)(argv + optind), (size_t)(argc - optind), &opts, &text);
    char *d = polc_render_diagnostics(ctx, POLC_DIAG_TEXT, color);
    fputs(d, stderr);
    free(d);
    int code = st == POLC_OK ? 0 : st == POLC_EINPUT ? 1 : 2;
    if (st == POLC_OK) {
        if (opts.merge_path)
            print_merge_report(text);
        if (out && strcmp(out, "-") != 0) {
            if (write_file(out, text) != 0) {
                fprintf(stderr, "polc learn: error: cannot write `%s`\n", out);
                code = 2;
            }
        } else if (fputs(text, stdout) == EOF || fflush(stdout) != 0) {
            code = 2;
        }
    }
    free(text);
    polc_free(ctx);
    return code;
}

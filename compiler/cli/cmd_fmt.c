/* polc fmt [-i | --check] FILE...: the canonical layout (docs/fmt.md). */
#include <errno.h>
#include <getopt.h>
#include <libgen.h>
#include <stdbool.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/commands.h"
#include "polc/polc.h"

static const char FMT_USAGE[] =
    "usage: polc fmt [-i | --check] [--stdin-name NAME] FILE...\n"
    "\n"
    "Print each policy FILE in polc's canonical layout (docs/fmt.md): 4-space\n"
    "indentation, one statement per line, lines filled up to 100 columns, every\n"
    "comment kept in place, rules never reordered. FILE `-` is standard input.\n"
    "\n"
    "options:\n"
    "  -i, --in-place            rewrite each FILE that is not formatted (atomically)\n"
    "      --check               write nothing; list the files that are not formatted\n"
    "      --stdin-name NAME     name used in messages when FILE is -\n"
    "      --diagnostics-format text|json\n"
    "                            json: one array, on stdout with -i or --check,\n"
    "                            on stderr when the formatted text goes to stdout\n"
    "      --color auto|always|never\n"
    "  -h, --help                print this help\n"
    "\n"
    "exit status: 0 formatted (or, with --check, already formatted); 1 a syntax\n"
    "error, or --check found files to format; 2 usage, I/O or internal error.\n"
    "A file with errors is never changed.\n";

static int usage(const char *msg, const char *arg)
{
    fprintf(stderr, "polc fmt: error: %s%s%s\ntry 'polc fmt --help'\n", msg, arg ? " " : "", arg ? arg : "");
    return 2;
}

/* The whole of path ("-": standard input); NULL with errno set. */
static char *slurp(const char *path, size_t *len)
{
    FILE *fp = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!fp)
        return NULL;
    size_t cap = 65536, n = 0;
    char *buf = malloc(cap);
    size_t got;
    errno = 0;
    while (buf && (got = fread(buf + n, 1, cap - n, fp)) > 0) {
        n += got;
        if (n == cap) {
            char *nb = realloc(buf, cap *= 2);
            if (!nb)
                free(buf);
            buf = nb;
        }
    }
    int err = ferror(fp) ? (errno ? errno : EIO) : 0; /* EISDIR for a directory */
    if (fp != stdin)
        fclose(fp);
    if (!buf || err) {
        free(buf);
        errno = err ? err : ENOMEM;
        return NULL;
    }
    *len = n;
    return buf;
}

/* Replace path's contents atomically: a temporary file in the same directory
 * with the same mode (and owner, when allowed), renamed over it. A symlink's
 * target is rewritten; a hard link gets a file of its own. */
static int write_in_place(const char *path, const char *data, size_t len)
{
    char real[PATH_MAX];
    if (!realpath(path, real))
        return errno;
    struct stat st;
    if (stat(real, &st) != 0)
        return errno;
    char dir[PATH_MAX], base[PATH_MAX];
    snprintf(dir, sizeof dir, "%s", real);
    snprintf(base, sizeof base, "%s", real);
    char tmp[PATH_MAX + 64];
    snprintf(tmp, sizeof tmp, "%s/.%s.fmt-XXXXXX", dirname(dir), basename(base));
    int fd = mkstemp(tmp);
    if (fd < 0)
        return errno;
    int err = 0;
    size_t off = 0;
    while (off < len && !err) {
        ssize_t w = write(fd, data + off, len - off);
        if (w < 0 && errno != EINTR)
            err = errno;
        else if (w > 0)
            off += (size_t)w;
    }
    if (!err && fchmod(fd, st.st_mode & 07777) != 0)
        err = errno;
    /* the owner too, where we may (root formatting someone else's file) */
    if (!err && (st.st_uid != geteuid() || st.st_gid != getegid()) && fchown(fd, st.st_uid, st.st_gid) != 0 &&
        errno != EPERM)
        err = errno;
    if (!err && fsync(fd) != 0)
        err = errno;
    if (close(fd) != 0 && !err)
        err = errno;
    if (!err && rename(tmp, real) != 0)
        err = errno;
    if (err)
        unlink(tmp);
    return err;
}

enum { MODE_PRINT, MODE_IN_PLACE, MODE_CHECK };

/* One file: 0 fine, 1 syntax errors or (--check) not formatted, 2 otherwise. */
static int fmt_one(const char *path, const char *stdin_name, int mode, polc_diag_format dfmt, int color,
                   CliJsonArray *json_all, int *unformatted)
{
    const char *name = strcmp(path, "-") == 0 ? (stdin_name ? stdin_name : "<stdin>") : path;
    size_t len = 0;
    char *text = slurp(path, &len);
    if (!text) {
        fprintf(stderr, "polc fmt: error[E0202]: cannot read `%s`: %s\n", name, strerror(errno));
        return 2;
    }
    polc_ctx *ctx = polc_new();
    if (!ctx) {
        free(text);
        return 2;
    }
    char *out = NULL;
    size_t out_len = 0;
    polc_status st = polc_format(ctx, name, text, len, &out, &out_len);
    int code = st == POLC_OK ? 0 : st == POLC_EINPUT ? 1 : 2;
    if (st == POLC_OK) {
        bool same = out_len == len && memcmp(out, text, len) == 0;
        if (mode == MODE_PRINT) {
            fwrite(out, 1, out_len, stdout);
        } else if (mode == MODE_CHECK && !same) {
            fprintf(dfmt == POLC_DIAG_JSON ? stderr : stdout, "%s\n", name);
            ++*unformatted;
            code = 1;
        } else if (mode == MODE_IN_PLACE && !same) {
            int err = write_in_place(path, out, out_len);
            if (err) {
                fprintf(stderr, "polc fmt: error[E0500]: cannot write `%s`: %s\n", name, strerror(err));
                code = 2;
            }
        }
    }
    char *d = polc_render_diagnostics(ctx, dfmt, color);
    if (dfmt == POLC_DIAG_JSON) {
        if (cli_json_merge(json_all, d) != 0)
            code = 2;
    } else {
        fputs(d, stderr);
    }
    free(d);
    free(out);
    free(text);
    polc_free(ctx);
    return code;
}

int polc_cmd_fmt(int argc, char **argv)
{
    static const struct option opts[] = {{"in-place", no_argument, NULL, 'i'},
                                         {"check", no_argument, NULL, 'c'},
                                         {"stdin-name", required_argument, NULL, 's'},
                                         {"diagnostics-format", required_argument, NULL, 'd'},
                                         {"color", required_argument, NULL, 'C'},
                                         {"help", no_argument, NULL, 'h'},
                                         {NULL, 0, NULL, 0}};
    int mode = MODE_PRINT, color = -1;
    const char *stdin_name = NULL;
    polc_diag_format dfmt = POLC_DIAG_TEXT;
    int c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "ih", opts, NULL)) != -1) {
        switch (c) {
        case 'i':
            if (mode == MODE_CHECK)
                return usage("-i and --check exclude each other", NULL);
            mode = MODE_IN_PLACE;
            break;
        case 'c':
            if (mode == MODE_IN_PLACE)
                return usage("-i and --check exclude each other", NULL);
            mode = MODE_CHECK;
            break;
        case 's': stdin_name = optarg; break;
        case 'd':
            if (strcmp(optarg, "json") == 0)
                dfmt = POLC_DIAG_JSON;
            else if (strcmp(optarg, "text") == 0)
                dfmt = POLC_DIAG_TEXT;
            else
                return usage("--diagnostics-format takes text or json, not", optarg);
            break;
        case 'C':
            color = cli_color_option(optarg);
            if (color == CLI_COLOR_BAD) return usage("--color takes auto, always or never, not", optarg);
            break;
        case 'h': fputs(FMT_USAGE, stdout); return 0;
        default: cli_option_error("polc fmt", argv[optind - 1], optopt, "ih", opts); return 2;
        }
    }
    if (optind >= argc)
        return usage("no input file", NULL);
    for (int i = optind; i < argc; i++)
        if (mode == MODE_IN_PLACE && strcmp(argv[i], "-") == 0)
            return usage("-i cannot rewrite standard input", NULL);
    if (color < 0)
        color = dfmt == POLC_DIAG_TEXT && isatty(STDERR_FILENO) && getenv("NO_COLOR") == NULL;
    int status = 0, unformatted = 0;
    CliJsonArray json_all = {0};
    for (int i = optind; i < argc; i++) {
        int code = fmt_one(argv[i], stdin_name, mode, dfmt, color, &json_all, &unformatted);
        if (code > status)
            status = code;
    }
    if (dfmt == POLC_DIAG_JSON) {
        /* stdout carries the formatted text when printing */
        cli_json_print(&json_all, mode == MODE_PRINT ? stderr : stdout);
    }
    if (unformatted && dfmt == POLC_DIAG_TEXT)
        fprintf(stderr, "polc fmt: %d file%s not formatted; `polc fmt -i FILE` formats %s\n", unformatted,
                unformatted == 1 ? " is" : "s are", unformatted == 1 ? "it" : "them");
    return status;
}

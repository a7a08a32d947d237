/* Subcommands of the polc CLI, each in compiler/cli/cmd_NAME.c:
 *   polc import PROFILE [-o NAME.pol]
 *   polc learn TRACE... [-o NAME.pol] [--merge OLD.pol]
 *   polc disasm FILE.bpf [--arch ARCH]
 *   polc diff OLD NEW [--format text|json]
 *   polc graph POLICY [--arch ARCH]
 *   polc fmt [-i | --check] FILE...
 *   polc run POLICY -- CMD [ARGS...]
 *   polc lsp [-I DIR]
 *   polc oci-merge CONFIG.json NAME.oci.json [-o OUT]
 * argv[0] is the subcommand's name; the return value is the exit status. */
#ifndef POLC_CLI_COMMANDS_H
#define POLC_CLI_COMMANDS_H

int polc_cmd_import(int argc, char **argv);
int polc_cmd_learn(int argc, char **argv);
int polc_cmd_eval(int argc, char **argv);
int polc_cmd_disasm(int argc, char **argv);
int polc_cmd_load(int argc, char **argv);
int polc_cmd_diff(int argc, char **argv);
int polc_cmd_verify(int argc, char **argv);
int polc_cmd_graph(int argc, char **argv);
int polc_cmd_lint(int argc, char **argv);
int polc_cmd_explain(int argc, char **argv);
int polc_cmd_fmt(int argc, char **argv);
int polc_cmd_run(int argc, char **argv);
int polc_cmd_lsp(int argc, char **argv);
int polc_cmd_oci_merge(int argc, char **argv);

/* --color ARG: 1 always, 0 never, -1 auto (decided by the caller), or
 * CLI_COLOR_BAD for anything else. */
#define CLI_COLOR_BAD (-2)
int cli_color_option(const char *arg);

struct option;
/* getopt_long returned '?' (call it with opterr = 0): say on stderr whether
 * the option is unknown (with the closest long option when one is close) or
 * lacks its value. cmd is "polc" or "polc SUBCOMMAND", arg the word as given
 * (argv[optind - 1]), opt getopt's optopt, shorts its option string. */
void cli_option_error(const char *cmd, const char *arg, int opt, const char *shorts, const struct option *opts);

/* One JSON array of diagnostics for several files (json_merge.c):
 * cli_json_merge adds the entries of one rendered array (-1: out of
 * memory), cli_json_print prints them all as one array and frees them. */
#include <stddef.h>
#include <stdio.h>
typedef struct CliJsonArray {
    char *text; /* the entries so far, comma separated, without brackets */
    size_t len;
} CliJsonArray;
int cli_json_merge(CliJsonArray *arr, const char *rendered);
void cli_json_print(CliJsonArray *arr, FILE *out);
/* One SARIF log for several files: each file's rendered log is added with
 * sarif_add_log (util/sarif.h); this prints the whole log when print is set
 * (polc's version as the tool's) and frees it either way. */
struct SarifLog;
void cli_sarif_print(struct SarifLog *log, int print, FILE *out);

/* Stdlib directories next to the binary (shared with main.c). */
struct polc_ctx;
void cli_add_stdlib_dirs(struct polc_ctx *ctx);
/* A compilation that finds files as every subcommand does: the -I
 * directories given, then POLC_PATH, then the stdlib next to the binary.
 * NULL when out of memory. */
struct polc_ctx *cli_new_ctx(const char *const *includes, int n);

/* Writes text to path: into it when it is a device or a pipe, else beside
 * it and renamed over it. 0, or an errno value. */
int cli_write_text(const char *path, const char *text);

#endif

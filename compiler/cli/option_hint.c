/* A bad option gets a message that says what was wrong and, for a misspelt
 * long option, the closest real one: getopt's own messages name neither. */
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "cli/commands.h"
#include "util/closest.h"

void cli_option_error(const char *cmd, const char *arg, int opt, const char *shorts, const struct option *opts)
{
    /* "polc: error: polc run: ..." but "polc: error: ..." for polc itself */
    const char *who = strcmp(cmd, "polc") == 0 ? "" : cmd;
    const char *sep = *who ? ": " : "";
    if (strncmp(arg, "--", 2) == 0) {
        const char *cands[128];
        size_t n = 0;
        char word[128];
        snprintf(word, sizeof word, "%.*s", (int)strcspn(arg + 2, "="), arg + 2);
        bool known = false;
        for (const struct option *o = opts; o->name && n < 128; o++) {
            cands[n++] = o->name;
            known |= strcmp(o->name, word) == 0;
        }
        if (known) {
            fprintf(stderr, "polc: error: %s%soption --%s needs a value\n", who, sep, word);
        } else {
            fprintf(stderr, "polc: error: %s%sunknown option --%s\n", who, sep, word);
            const char *near = closest_name(word, cands, n);
            if (near)
                fprintf(stderr, "help: did you mean --%s?\n", near);
        }
    } else if (opt && strchr(shorts, opt)) {
        fprintf(stderr, "polc: error: %s%soption -%c needs a value\n", who, sep, opt);
    } else {
        fprintf(stderr, "polc: error: %s%sunknown option -%c\n", who, sep, opt ? opt : '?');
    }
    fprintf(stderr, "try '%s --help'\n", cmd);
}

/* --color for every command: auto, always or never. */
#include <string.h>

#include "cli/commands.h"

int cli_color_option(const char *arg)
{
    if (strcmp(arg, "always") == 0)
        return 1;
    if (strcmp(arg, "never") == 0)
        return 0;
    if (strcmp(arg, "auto") == 0)
        return -1;
    return CLI_COLOR_BAD;
}

#include "commands.h"
int polc_cmd_explain(int argc, char **argv) { (void)argc; (void)argv; return 2; }

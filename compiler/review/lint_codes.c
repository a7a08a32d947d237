/* The one-line meaning of each lint code, as docs/lint.md's code table gives
 * it (for SARIF rules; test lint_codes_documented checks that the two agree). */
#include <string.h>

#include "review/lint.h"

static const struct {
    const char *code, *meaning;
    LintSeverity severity;
} LINT_CODES[] = {
    {"L0101", "a dangerous syscall is allowed without conditions", LINT_HIGH},
    {"L0102", "clone/unshare may create namespaces; clone3 is allowed", LINT_HIGH},
    {"L0103", "memfd_create and execveat are both allowed (fileless execution)", LINT_HIGH},
    {"L0110", "a syscall is denied but an equivalent one is allowed", LINT_HIGH},
    {"L0120", "rt_sigaction is allowed but rt_sigreturn (or sigreturn) is not", LINT_MEDIUM},
    {"L0121", "a rule denies what every program needs to survive signals and restarts, or exit_group is not allowed", LINT_MEDIUM},
    {"L0122", "the policy denies calls runc makes between loading the filter and exec (no runtime preset)", LINT_MEDIUM},
    {"L0130", "a dangerous capability is added (or `add all`)", LINT_HIGH},
    {"L0131", "the container keeps dangerous capabilities it never dropped", LINT_MEDIUM},
    {"L0132", "a capability is added but every call it permits is denied", LINT_MEDIUM},
    {"L0140", "a path is both writable and executable", LINT_HIGH},
    {"L0141", "/proc or /sys is writable", LINT_HIGH},
    {"L0150", "the default action allows", LINT_HIGH},
    {"L0151", "runs as root (user 0), or no user is given", LINT_MEDIUM},
    {"L0152", "no-new-privileges is off", LINT_MEDIUM},
    {"L0153", "the root file system is writable", LINT_LOW},
    {"L0160", "socket() allows AF_PACKET, or netlink protocols other than NETLINK_ROUTE", LINT_HIGH},
};

LintSeverity lint_code_severity(const char *code)
{
    for (size_t i = 0; code && i < sizeof LINT_CODES / sizeof *LINT_CODES; i++)
        if (strcmp(LINT_CODES[i].code, code) == 0)
            return LINT_CODES[i].severity;
    return LINT_MEDIUM; /* the compiler's own warnings */
}

const char *lint_code_meaning(const char *code)
{
    for (size_t i = 0; code && i < sizeof LINT_CODES / sizeof *LINT_CODES; i++)
        if (strcmp(LINT_CODES[i].code, code) == 0)
            return LINT_CODES[i].meaning;
    return NULL;
}

/* Argument values as their stdlib constant names: `AF_INET6` for socket's
 * domain 10, `CLONE_NEWNS | CLONE_NEWUSER` for a clone flag mask. Shared by
 * polc import (writing policies) and polc diff/graph (describing regions). */
#ifndef POLC_CONST_NAMES_H
#define POLC_CONST_NAMES_H
#include <stdbool.h>
#include <stdint.h>

#include "middle/policy.h"

/* Writes v, the argument `index` of syscall `sys` (NULL: unknown), into sb:
 * the stdlib constant of the argument's family with exactly that value, an
 * OR of single-bit constants for flag arguments (in parentheses when `paren`
 * and there are several), else the number (decimal below 4096, hex above).
 * ctx is any compiled context whose prelude loaded the stdlib constants. */
void const_format_arg_value(const Policy *policy, StrBuf *sb, const char *sys, unsigned index, uint64_t v,
                            bool paren);

#endif

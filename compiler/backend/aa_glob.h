/* AppArmor path globs: what polc lets through to a profile, and whether two
 * globs can match the same path (for "a deny always wins" warnings). */
#ifndef POLC_AA_GLOB_H
#define POLC_AA_GLOB_H
#include <stdbool.h>
#include <stddef.h>

#include "util/arena.h"

/* NULL when `glob` is a valid AppArmor path glob for polc: absolute, no comma
 * outside `{...}`, no quote, backslash, control character or `@{` variable,
 * balanced `{}` and `[]`, no empty `[]`. Otherwise a message, and in *at the
 * byte index of the offending character. */
const char *aa_glob_problem(const char *glob, size_t *at);

/* True when some path matches both globs (`*`, `**`, `?`, `[...]`, `[^...]`,
 * `{a,b}`). Globs must be valid. With more than AA_GLOB_MAX_ALTS alternatives
 * after brace expansion the answer is `true` (assume they may meet). */
#define AA_GLOB_MAX_ALTS 256
bool aa_glob_intersects(Arena *a, const char *g1, const char *g2);

/* True when the glob has no special character: it names one path. */
bool aa_glob_is_literal(const char *glob);

#endif

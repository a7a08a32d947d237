/* "did you mean" over candidate names (util/closest.c). */
#ifndef POLC_UTIL_CLOSEST_H
#define POLC_UTIL_CLOSEST_H
#include <stddef.h>

/* The candidate closest to name (ties: the alphabetically first); NULL when
 * none is within a third of name's length in edits. */
const char *closest_name(const char *name, const char *const *cands, size_t n);

#endif

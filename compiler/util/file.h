/* Whole-file reading (util_file.c). */
#ifndef POLC_UTIL_FILE_H
#define POLC_UTIL_FILE_H
#include <stddef.h>

#include "util/arena.h"

/* Reads a whole file into the arena (NUL terminated). Returns NULL and sets
 * *err to errno on failure. Refuses directories and special files. */
char *read_file_arena(Arena *a, const char *path, size_t *len, int *err);
/* The same, refusing a file larger than max bytes with EFBIG (policy sources:
 * POLC_MAX_SOURCE_BYTES; traces and profiles have no limit). */
char *read_file_arena_max(Arena *a, const char *path, size_t max, size_t *len, int *err);
/* strerror for read_file_arena's errors, in polc's words where it has its own
 * (EFBIG: larger than POLC_MAX_SOURCE_BYTES; EINVAL: not a regular file). */
const char *read_file_error(int err);

#endif

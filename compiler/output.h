/* Atomic output: write everything to temporary files beside the targets and
 * rename them into place only when all writes succeeded. */
#ifndef POLC_OUTPUT_H
#define POLC_OUTPUT_H
#include <stddef.h>

typedef struct OutFile {
    const char *path;
    const char *data;
    size_t len;
} OutFile;

/* Returns 0, or an errno value with *failed set to the path that failed. */
int output_commit(const OutFile *files, size_t n, const char **failed);

#endif

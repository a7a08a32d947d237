/* Atomic output: write everything to temporary files beside the targets and
 * rename them into place only when all writes succeeded (a full disk, a
 * read-only directory, a target that is a directory: nothing changes, no
 * temporary file stays). The one window left is rename(2) itself failing
 * between two renames of one commit (an I/O error), which would leave the
 * earlier outputs new and the later ones old. */
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

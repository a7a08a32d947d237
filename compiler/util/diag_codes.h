/* The registry of diagnostic codes (compiler/diag_codes.def), as a table for
 * tools: every E and W code polc can emit, with its one-line meaning. */
#ifndef POLC_DIAG_CODES_H
#define POLC_DIAG_CODES_H
#include <stdbool.h>
#include <stddef.h>

typedef struct DiagCodeInfo {
    const char *code;       /* "E0413" */
    const char *meaning;    /* one line, no final period */
    const char *tested_by;  /* a test file that checks it instead of a golden, or NULL */
    const char *untestable; /* why no test can trigger it, or NULL */
} DiagCodeInfo;

extern const DiagCodeInfo diag_codes[];
extern const size_t diag_ncodes;

/* The registry entry of CODE, or NULL when it is not registered. */
const DiagCodeInfo *diag_code_lookup(const char *code);
bool diag_code_known(const char *code);

#endif

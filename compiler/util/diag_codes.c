/* The registry of diagnostic codes, built from compiler/diag_codes.def. */
#include "util/diag_codes.h"

#include <string.h>

const DiagCodeInfo diag_codes[] = {
#define DIAG_CODE(code, meaning) {#code, meaning, NULL, NULL},
#define DIAG_CODE_TESTED_BY(code, meaning, file) {#code, meaning, file, NULL},
#define DIAG_CODE_UNTESTABLE(code, meaning, why) {#code, meaning, NULL, why},
#include "util/diag_codes.def"
};
const size_t diag_ncodes = sizeof diag_codes / sizeof diag_codes[0];

const DiagCodeInfo *diag_code_lookup(const char *code)
{
    if (!code)
        return NULL;
    for (size_t i = 0; i < diag_ncodes; i++)
        if (strcmp(diag_codes[i].code, code) == 0)
            return &diag_codes[i];
    return NULL;
}

bool diag_code_known(const char *code)
{
    return diag_code_lookup(code) != NULL;
}

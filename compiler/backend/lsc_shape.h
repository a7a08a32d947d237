/* The shapes of Docker profile entries libseccomp 2.5.x compiles wrongly, and
 * the equivalent forms docker_json.c emits instead (docs/libseccomp.md). */
#ifndef POLC_LSC_SHAPE_H
#define POLC_LSC_SHAPE_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* One SCMP_CMP_MASKED_EQ condition: (arg & mask) == value. */
typedef struct LscBlock {
    uint64_t mask, value;
} LscBlock;

/* The values an SCMP_CMP_LT (lt) or SCMP_CMP_GT (!lt) on `datum` accepts,
 * as libseccomp means them on the arches an entry applies to (has64: an arch
 * libseccomp compares 64 bits on; has32: one it compares the low 32 bits on),
 * as aligned blocks, each one MASKED_EQ that libseccomp compiles exactly on
 * all those arches. Writes at most `max` blocks into out and returns how many
 * the range needs (0: the comparison never holds). false: no set of blocks
 * means the same on both kinds of arch (the comparison's 64-bit range reaches
 * past 2^32, or its 32-bit meaning differs from its 64-bit one). */
bool lsc_range_blocks(bool lt, uint64_t datum, bool has32, bool has64, LscBlock *out, size_t max,
                      size_t *count);

#endif

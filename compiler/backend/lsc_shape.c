/* libseccomp 2.5.4 (and 2.5.5, 2.6.0: the code is the same) compiles some
 * sets of rules of one syscall wrongly or never returns from adding them.
 * docs/libseccomp.md has the analysis; in short:
 *
 *  - src/db.c splits a 64-bit SCMP_CMP_LT/LE/GT/GE into three nodes (high
 *    half >, high half ==, low half >= or >) whose false and true branches
 *    both lead to the next argument's chain: the next level is shared by two
 *    parents. _db_tree_add merges a second rule into that level twice, once
 *    through each parent; a node inserted by the first pass is met again by
 *    the second, which links it into its own level list (a cycle: the hang)
 *    or merges its subtree into itself.
 *  - src/gen_bpf.c generates the nodes of one tree level in a row, each with
 *    the accumulator state the previous sibling left; a sibling that reads
 *    the same 32-bit word as the one before it skips the load. Every jump
 *    out of the previous sibling's subtree that falls through to it carries
 *    whatever word that subtree loaded last, and _gen_bpf_build_bpf checks
 *    the accumulator only for the one jump that places the block. An LT/LE's
 *    first node jumps (on "high half greater": reject) straight to the next
 *    sibling, so that jump places it, without a load, and the jumps from its
 *    low-half node and the other arguments' nodes test the wrong word.
 *
 * Both need two rules of one syscall that reach the same tree level: the
 * same conditions on every argument before k, and each a condition on
 * argument k, one of them LT/LE/GT/GE. docker_json.c looks for exactly that
 * (over-approximating: it does not model libseccomp's node ordering) and
 * rewrites such a range into MASKED_EQ blocks, whose two-node chains have
 * one parent per level and whose first node never jumps to its sibling
 * before its own subtree has been placed. */
#include "lsc_shape.h"

/* Aligned blocks covering [lo, hi]; mask_top: the mask bits above the block
 * (UINT64_MAX or 0xffffffff). */
static size_t blocks(uint64_t lo, uint64_t hi, uint64_t mask_top, LscBlock *out, size_t max)
{
    size_t n = 0;
    for (;;) {
        unsigned s = 0; /* block of 2^s values */
        while (s < 64 && (lo & ((2ull << s) - 1)) == 0 &&
               (s == 63 ? lo == 0 && hi == UINT64_MAX : lo + (2ull << s) - 1 <= hi))
            s++;
        uint64_t size_m1 = s == 64 ? UINT64_MAX : (1ull << s) - 1;
        if (n < max)
            out[n] = (LscBlock){mask_top & ~size_m1, lo};
        n++;
        if (hi - lo <= size_m1)
            break;
        lo += size_m1 + 1;
    }
    return n;
}

bool lsc_range_blocks(bool lt, uint64_t datum, bool has32, bool has64, LscBlock *out, size_t max,
                      size_t *count)
{
    *count = 0;
    /* the 64-bit meaning: [lo64, hi64]; the 32-bit one: [lo32, hi32] of the
     * low half (libseccomp compares values and datums on their low 32 bits
     * on 32-bit arches) */
    bool e64, e32;
    uint64_t lo64, hi64, lo32, hi32, d32 = datum & 0xffffffffu;
    if (lt) {
        e64 = datum == 0, lo64 = 0, hi64 = datum - 1;
        e32 = d32 == 0, lo32 = 0, hi32 = d32 - 1;
    } else {
        e64 = datum == UINT64_MAX, lo64 = datum + 1, hi64 = UINT64_MAX;
        e32 = d32 == 0xffffffffu, lo32 = d32 + 1, hi32 = 0xffffffffu;
    }
    if (has64 && !has32) {
        if (!e64)
            *count = blocks(lo64, hi64, UINT64_MAX, out, max);
        return true;
    }
    if (has32 && !has64) {
        if (!e32)
            *count = blocks(lo32, hi32, 0xffffffffu, out, max);
        return true;
    }
    /* both: a block with the whole high half in its mask and a zero high
     * value means "high half 0, low half in the block" on a 64-bit arch and
     * "low half in the block" on a 32-bit one: exact when the 64-bit range
     * lies below 2^32 and equals the 32-bit one */
    if (e64 && e32)
        return true;
    if (e64 != e32 || hi64 > 0xffffffffu || lo64 != lo32 || hi64 != hi32)
        return false;
    *count = blocks(lo64, hi64, UINT64_MAX, out, max);
    return true;
}

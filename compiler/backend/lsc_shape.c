/* libseccomp 2.5.4 (and 2.5.5, 2.6.0: the code is the same) compiles some
 * sets of rules of one syscall wrongly or never returns from adding them.
 * docs/libseccomp.md has the analysis and the measurements; in short:
 *
 *  - src/gen_bpf.c generates the nodes of one tree level in a row, each with
 *    the accumulator state the previous sibling left; a sibling that reads
 *    the same 32-bit word as the one before it skips the load. Every jump
 *    out of the previous sibling's subtree that falls through to it carries
 *    whatever word that subtree loaded last, and _gen_bpf_build_bpf checks
 *    the accumulator only for the one jump that places the block. Two
 *    different LT/LE/GT/GE on one argument at one level are such siblings
 *    (an LT/LE's first node jumps, on "high half greater", straight to the
 *    next sibling and so places it without a load).
 *  - src/db.c splits a 64-bit range into three nodes, two of which lead to
 *    the next argument's chain: the next level has two parents. A second
 *    rule with the same range whose next condition starts with another node
 *    is merged into that level through each parent; the first pass makes the
 *    new node the level's head through one parent only, the second inserts
 *    it before the old head again, and the level list becomes a cycle:
 *    _db_tree_add never returns.
 *
 * docker_json.c (fix_lsc_shapes) finds entries that reach one level with
 * different ranges, or with the same range and different next nodes, and
 * rewrites all ranges there but one into MASKED_EQ blocks, whose two-node
 * chains have one parent per level; a range among masks was always compiled
 * right. */
#include "backend/lsc_shape.h"

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

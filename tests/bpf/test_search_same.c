/* The planner's packed split loop (search_emit, search_min_cost) against its
 * plain one (search_emit_plain, search_min_cost_plain) on random number
 * dispatches: the same instructions, jump for jump, and the same least
 * cost. The packed loop only reorders memory and skips the split points the
 * plain loop skips, so any difference is a bug in it (the BPF goldens pin
 * the examples; this covers dispatches no example has: frequency weights,
 * zero weights, long runs of single numbers, more than 200 ranges where the
 * planner stops peeling and follows Knuth's bounds). */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "bpf/asm.h"
#include "bpf/search.h"
#include "util/arena.h"

#define CASES 250

static uint64_t rnd_state = 0x2545f4914f6cdd1dull;
static uint64_t rnd(uint64_t below)
{
    rnd_state ^= rnd_state << 13;
    rnd_state ^= rnd_state >> 7;
    rnd_state ^= rnd_state << 17;
    return rnd_state % below;
}

static int same_code(const BpfAsm *x, const BpfAsm *y)
{
    if (x->insns.len != y->insns.len)
        return 0;
    for (size_t k = 0; k < x->insns.len; k++) {
        const BpfInsn *p = &x->insns.items[k], *q = &y->insns.items[k];
        if (p->code != q->code || p->k != q->k || p->jt != q->jt || p->jf != q->jf)
            return 0;
    }
    return 1;
}

int main(void)
{
    int bad = 0;
    for (int c = 0; c < CASES; c++) {
        /* mostly small; one in ten up to 260 ranges (over 200: no peeling) */
        size_t n = 1 + (size_t)rnd(c % 10 == 0 ? 260 : 60);
        int leaves = 2 + (int)rnd(6), mode = (int)rnd(4);
        SearchRange *r = calloc(n, sizeof *r);
        if (!r)
            return 2;
        uint32_t at = 0;
        for (size_t i = 0; i < n; i++) {
            r[i].start = at;
            at += rnd(3) == 0 ? 2 + (uint32_t)rnd(5) : 1; /* single numbers, mostly */
            int leaf;
            do
                leaf = (int)rnd((uint64_t)leaves);
            while (i > 0 && leaf == r[i - 1].leaf);
            r[i].leaf = leaf;
            switch (mode) {
            case 0: r[i].weight = 1; break;                          /* no frequency file */
            case 1: r[i].weight = 1 + rnd(1000); break;              /* a frequency file */
            case 2: r[i].weight = 1000 * (1 + rnd(3)); break;        /* many ties */
            default: r[i].weight = rnd(2) ? 1 : 1000000 * rnd(100000); /* zeros, heavy calls */
            }
        }
        if (mode == 3 && c % 7 == 0)
            r[0].weight = 1ull << 60; /* too heavy to pack: both take the plain loop */
        uint64_t packed = search_min_cost(r, n), plain = search_min_cost_plain(r, n);
        if (packed != plain) {
            printf("case %d (%zu ranges): search_min_cost %llu, plain %llu\n", c, n, (unsigned long long)packed,
                   (unsigned long long)plain);
            bad++;
        }
        int positive = 1;
        for (size_t i = 0; i < n; i++)
            positive &= r[i].weight > 0;
        if (positive) { /* search_emit wants weights > 0 */
            Arena ax, ay;
            arena_init(&ax);
            arena_init(&ay);
            BpfAsm x, y;
            bpfasm_init(&x, &ax);
            bpfasm_init(&y, &ay);
            for (int l = 0; l < leaves; l++) {
                bpfasm_label(&x, NULL);
                bpfasm_label(&y, NULL);
            }
            int ex = search_emit(&x, r, n), ey = search_emit_plain(&y, r, n);
            if (ex != ey || !same_code(&x, &y)) {
                printf("case %d (%zu ranges): search_emit and search_emit_plain differ\n", c, n);
                bad++;
            }
            arena_release(&ax);
            arena_release(&ay);
        }
        free(r);
    }
    printf("%d dispatches, %d differ\n", CASES, bad);
    return bad != 0;
}

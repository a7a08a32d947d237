/* search_min_cost, the lower bound bench/run-bpf draws on, against two
 * references on small random number dispatches:
 *
 *   - the tree search_emit builds, run in the interpreter: every number must
 *     reach its own leaf, and the bound may not exceed the weighted jumps
 *     that tree executes;
 *   - the best binary search over the ranges (jge splits only, every
 *     shape), found by exhaustive search: the bound may not exceed it, or
 *     the bench would claim more than the design allows.
 *
 * It also reports, without failing, how often a tree with jeq tests on any
 * number (not only where the planner puts them) beats the planner's best:
 * the bound speaks for the planner's node kinds, not for every tree.
 *
 * Numbers 0..N-2 are single numbers; N-1 stands for the last range, which
 * runs to 2^32 (no jeq can isolate it). Weights may be 0, as for numbers
 * outside the syscall table. */
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/arena.h"
#include "bpf/asm.h"
#include "bpf/interp.h"
#include "bpf/search.h"

#define MAXN 12
#define CASES 3000

static unsigned label_of[MAXN];
static unsigned weight_of[MAXN];
static unsigned n_numbers;
static uint64_t memo[1u << MAXN];
static uint8_t known[1u << MAXN];

static uint64_t rnd_state = 0x9e3779b97f4a7c15ull;
static unsigned rnd(unsigned below)
{
    rnd_state ^= rnd_state << 13;
    rnd_state ^= rnd_state >> 7;
    rnd_state ^= rnd_state << 17;
    return (unsigned)(rnd_state % below);
}

static uint64_t memo_jge[MAXN][MAXN];

static int uniform_labels(unsigned lo, unsigned hi)
{
    for (unsigned i = lo; i < hi; i++)
        if (label_of[i + 1] != label_of[i])
            return 0;
    return 1;
}

/* The least weighted jumps of a binary search of jge splits deciding lo..hi. */
static uint64_t best_jge(unsigned lo, unsigned hi)
{
    if (uniform_labels(lo, hi))
        return 0;
    if (memo_jge[lo][hi] != UINT64_MAX)
        return memo_jge[lo][hi];
    uint64_t w = 0, best = UINT64_MAX;
    for (unsigned i = lo; i <= hi; i++)
        w += weight_of[i];
    for (unsigned k = lo + 1; k <= hi; k++) {
        uint64_t c = w + best_jge(lo, k - 1) + best_jge(k, hi);
        if (c < best)
            best = c;
    }
    return memo_jge[lo][hi] = best;
}

/* The least weighted jumps of any jge/jeq tree deciding the numbers in mask. */
static uint64_t best_tree(unsigned mask)
{
    if (known[mask])
        return memo[mask];
    uint64_t w = 0, best = UINT64_MAX;
    int first = -1;
    int uniform = 1;
    for (unsigned i = 0; i < n_numbers; i++) {
        if (!(mask & (1u << i)))
            continue;
        w += weight_of[i];
        if (first < 0)
            first = (int)i;
        else if (label_of[i] != label_of[first])
            uniform = 0;
    }
    if (uniform) {
        best = 0;
    } else {
        for (unsigned k = 0; k < n_numbers; k++) {
            unsigned ge = mask & ~((1u << k) - 1), eq = mask & (1u << k);
            if (k > 0 && ge && ge != mask) {
                uint64_t c = w + best_tree(ge) + best_tree(mask & ~ge);
                if (c < best)
                    best = c;
            }
            if (k + 1 < n_numbers && eq && eq != mask) {
                uint64_t c = w + best_tree(mask & ~eq);
                if (c < best)
                    best = c;
            }
        }
    }
    known[mask] = 1;
    memo[mask] = best;
    return best;
}

int main(void)
{
    unsigned failures = 0, general_better = 0, planner_better = 0, nontrivial = 0;
    for (unsigned t = 0; t < CASES; t++) {
        n_numbers = 2 + rnd(MAXN - 1);
        unsigned nlabels = 2 + rnd(3);
        for (unsigned i = 0; i < n_numbers;) {
            unsigned run = 1 + (rnd(3) == 0 ? rnd(4) : 0), l;
            do
                l = rnd(nlabels);
            while (i > 0 && l == label_of[i - 1]);
            for (unsigned r = 0; r < run && i < n_numbers; r++, i++) {
                label_of[i] = l;
                weight_of[i] = rnd(5);
            }
        }
        memset(known, 0, sizeof known);
        memset(memo_jge, 0xff, sizeof memo_jge);
        uint64_t general = best_tree((1u << n_numbers) - 1), jge_only = best_jge(0, n_numbers - 1);

        Arena arena;
        arena_init(&arena);
        BpfAsm a;
        bpfasm_init(&a, &arena);
        int leaf_label[8];
        for (unsigned l = 0; l < nlabels; l++)
            leaf_label[l] = bpfasm_label(&a, NULL);
        SearchRange sr[MAXN];
        size_t n = 0;
        for (unsigned i = 0; i < n_numbers; i++) {
            if (n > 0 && label_of[i] == label_of[i - 1]) {
                sr[n - 1].weight += weight_of[i];
                continue;
            }
            sr[n++] = (SearchRange){i, weight_of[i], leaf_label[label_of[i]]};
        }
        uint64_t bound = search_min_cost(sr, n);

        bpfasm_stmt(&a, BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr), NULL);
        int entry = search_emit(&a, sr, n);
        if (n == 1)
            bpfasm_ja(&a, entry, NULL);
        for (unsigned l = 0; l < nlabels; l++) {
            bpfasm_place(&a, leaf_label[l]);
            bpfasm_stmt(&a, BPF_RET | BPF_K, l, NULL);
        }
        BpfProgram p;
        if (!bpfasm_resolve(&a, &p)) {
            printf("case %u: the search does not assemble\n", t);
            return 1;
        }
        uint64_t emitted = 0;
        /* every number, and the tail's far end */
        for (unsigned i = 0; i <= n_numbers; i++) {
            uint32_t nr = i < n_numbers ? i : 0xffffffffu;
            unsigned want = label_of[i < n_numbers ? i : n_numbers - 1];
            struct seccomp_data d = {(int)nr, 0, 0, {0}};
            BpfResult r = bpf_run(p.insns, p.len, &d);
            if (r.error || r.ret != want) {
                printf("case %u: number %#x reached leaf %u, not %u\n", t, nr, r.ret, want);
                failures++;
            }
            if (i < n_numbers)
                emitted += weight_of[i] * (r.executed - 2); /* less the ld and the ret */
        }
        if (bound > emitted) {
            printf("case %u: bound %llu above the planner's own tree, %llu\n", t, (unsigned long long)bound,
                   (unsigned long long)emitted);
            failures++;
        }
        if (bound > jge_only) {
            printf("case %u: bound %llu above the best binary search, %llu\n", t, (unsigned long long)bound,
                   (unsigned long long)jge_only);
            failures++;
        }
        if (bound < jge_only)
            planner_better++;
        if (general < bound)
            general_better++;
        if (general > 0)
            nontrivial++;
        arena_release(&arena);
    }
    printf("%u random dispatches (%u needing a search): %u failures\n", CASES, nontrivial, failures);
    printf("the planner's best beats the best binary search in %u; a tree with jeq anywhere beats the planner in %u\n",
           planner_better, general_better);
    return failures ? 1 : 0;
}

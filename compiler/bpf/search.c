/* An optimal number dispatch: dynamic programming over intervals of ranges,
 * as for optimal alphabetic search trees, with two node kinds beyond `jge`:
 *
 *   - `jeq` on a range of one number at either end of the interval, and
 *   - a chain of `jeq`s where ranges of one decision are broken by single
 *     numbers of other decisions (allow 0..40, deny 41, allow 42..55 is one
 *     `jeq #41` instead of two `jge`s).
 *
 * The cost of a tree is the weighted sum of the jumps each number executes;
 * among trees of equal cost the one with fewer instructions wins. Split
 * points are searched within Knuth's bounds (the best split of an interval
 * lies between those of its two sub-intervals one shorter), which keeps the
 * planning quadratic in the number of ranges. */
#include "search.h"

#include <stdbool.h>
#include <stdlib.h>

enum { HOW_LEAF, HOW_SPLIT, HOW_FIRST, HOW_LAST, HOW_CHAIN };
#define MAX_CHAIN 8 /* beyond this a chain of jeqs loses to a tree */
#define MAX_CHAIN_BOUND 64 /* search_min_cost tries longer ones all the same */

typedef struct Cell {
    uint64_t cost;
    uint32_t insns;
    uint8_t how;
    uint32_t split; /* the best `jge` split, kept for Knuth's bounds */
} Cell;

typedef struct Search {
    BpfAsm *a;
    const SearchRange *r;
    size_t n;
    Cell *cells;
    uint64_t *prefix; /* prefix[i] = weight of r[0..i) */
    size_t *chain_end; /* the last j an alternating chain from i can reach */
    bool every_split;  /* ignore Knuth's bounds: a proven minimum, not a fast one */
    size_t max_chain;  /* exceptions in one chain of jeqs */
} Search;

static Cell *cell(const Search *s, size_t i, size_t j) { return &s->cells[j * (j + 1) / 2 + i]; }

static uint64_t weight(const Search *s, size_t i, size_t j) { return s->prefix[j + 1] - s->prefix[i]; }

static bool single(const Search *s, size_t i)
{
    uint64_t end = i + 1 < s->n ? s->r[i + 1].start : (1ull << 32);
    return end - s->r[i].start == 1;
}

/* The exceptions of the chain i..j (i+1, i+3, ...) in test order: heaviest
 * first. Returns their count. */
static size_t chain_order(const Search *s, size_t i, size_t j, size_t *order)
{
    size_t k = 0;
    for (size_t e = i + 1; e < j; e += 2) {
        size_t at = k++;
        while (at > 0 && s->r[order[at - 1]].weight < s->r[e].weight) {
            order[at] = order[at - 1];
            at--;
        }
        order[at] = e;
    }
    return k;
}

static bool better(uint64_t cost, uint32_t insns, const Cell *c) { return cost < c->cost || (cost == c->cost && insns < c->insns); }

static void plan(Search *s)
{
    for (size_t i = 0; i < s->n; i++)
        *cell(s, i, i) = (Cell){0, 0, HOW_LEAF, (uint32_t)i};
    for (size_t len = 1; len < s->n; len++) {
        for (size_t i = 0; i + len < s->n; i++) {
            size_t j = i + len;
            Cell best = {UINT64_MAX, UINT32_MAX, HOW_SPLIT, 0};
            uint64_t w = weight(s, i, j);
            size_t lo = i + 1, hi = j;
            if (len >= 2 && !s->every_split) {
                size_t kl = cell(s, i, j - 1)->split, kh = cell(s, i + 1, j)->split;
                if (kl >= lo && kh <= hi && kl <= kh)
                    lo = kl, hi = kh;
            }
            for (size_t m = lo; m <= hi; m++) {
                const Cell *l = cell(s, i, m - 1), *r = cell(s, m, j);
                uint64_t cost = w + l->cost + r->cost;
                uint32_t insns = 1 + l->insns + r->insns;
                if (better(cost, insns, &best))
                    best = (Cell){cost, insns, HOW_SPLIT, (uint32_t)m};
            }
            uint32_t split = best.split;
            if (single(s, i)) {
                const Cell *r = cell(s, i + 1, j);
                if (better(w + r->cost, 1 + r->insns, &best))
                    best = (Cell){w + r->cost, 1 + r->insns, HOW_FIRST, 0};
            }
            if (single(s, j)) {
                const Cell *l = cell(s, i, j - 1);
                if (better(w + l->cost, 1 + l->insns, &best))
                    best = (Cell){w + l->cost, 1 + l->insns, HOW_LAST, 0};
            }
            if (len % 2 == 0 && len / 2 <= s->max_chain && s->chain_end[i] >= j) {
                size_t order[MAX_CHAIN_BOUND];
                size_t k = chain_order(s, i, j, order);
                uint64_t cost = 0, base = 0;
                for (size_t t = 0; t < k; t++)
                    cost += s->r[order[t]].weight * (t + 1);
                for (size_t b = i; b <= j; b += 2)
                    base += s->r[b].weight;
                cost += base * k;
                if (better(cost, (uint32_t)k, &best))
                    best = (Cell){cost, (uint32_t)k, HOW_CHAIN, 0};
            }
            best.split = split;
            *cell(s, i, j) = best;
        }
    }
}

/* The label to jump to for interval i..j: a leaf's own, else a fresh one
 * that emit_node places. */
static int target(const Search *s, size_t i, size_t j)
{
    return i == j ? s->r[i].leaf : bpfasm_label(s->a, NULL);
}

static void emit_node(const Search *s, size_t i, size_t j, int label)
{
    if (i == j)
        return;
    const Cell *c = cell(s, i, j);
    bpfasm_place(s->a, label);
    uint16_t jge = BPF_JMP | BPF_JGE | BPF_K, jeq = BPF_JMP | BPF_JEQ | BPF_K;
    switch (c->how) {
    case HOW_SPLIT: {
        size_t m = c->split;
        int lt = target(s, i, m - 1), rt = target(s, m, j);
        bpfasm_jump(s->a, jge, s->r[m].start, rt, lt, NULL);
        emit_node(s, m, j, rt);
        emit_node(s, i, m - 1, lt);
        break;
    }
    case HOW_FIRST: {
        int rest = target(s, i + 1, j);
        bpfasm_jump(s->a, jeq, s->r[i].start, s->r[i].leaf, rest, NULL);
        emit_node(s, i + 1, j, rest);
        break;
    }
    case HOW_LAST: {
        int rest = target(s, i, j - 1);
        bpfasm_jump(s->a, jeq, s->r[j].start, s->r[j].leaf, rest, NULL);
        emit_node(s, i, j - 1, rest);
        break;
    }
    case HOW_CHAIN: {
        size_t order[MAX_CHAIN_BOUND];
        size_t k = chain_order(s, i, j, order);
        for (size_t t = 0; t < k; t++)
            bpfasm_jump(s->a, jeq, s->r[order[t]].start, s->r[order[t]].leaf, t + 1 < k ? BPF_NEXT : s->r[i].leaf,
                        NULL);
        break;
    }
    default:
        break;
    }
}

static void search_init(Search *s, BpfAsm *a, const SearchRange *r, size_t n, bool for_bound)
{
    *s = (Search){a, r, n, NULL, NULL, NULL, for_bound, for_bound ? MAX_CHAIN_BOUND : MAX_CHAIN};
    s->cells = malloc(n * (n + 1) / 2 * sizeof *s->cells);
    s->prefix = malloc((n + 1) * sizeof *s->prefix);
    s->chain_end = malloc(n * sizeof *s->chain_end);
    if (!s->cells || !s->prefix || !s->chain_end)
        abort();
    s->prefix[0] = 0;
    for (size_t i = 0; i < n; i++)
        s->prefix[i + 1] = s->prefix[i] + r[i].weight;
    for (size_t i = 0; i < n; i++) {
        size_t j = i;
        while (j + 2 < n && j + 2 - i <= 2 * s->max_chain && single(s, j + 1) && r[j + 2].leaf == r[i].leaf)
            j += 2;
        s->chain_end[i] = j;
    }
}

static void search_fini(Search *s)
{
    free(s->cells);
    free(s->prefix);
    free(s->chain_end);
}

int search_emit(BpfAsm *a, const SearchRange *r, size_t n)
{
    if (n == 1)
        return r[0].leaf;
    Search s;
    search_init(&s, a, r, n, false);
    plan(&s);
    int entry = bpfasm_label(a, NULL);
    emit_node(&s, 0, n - 1, entry);
    search_fini(&s);
    return entry;
}

uint64_t search_min_cost(const SearchRange *r, size_t n)
{
    if (n <= 1)
        return 0;
    Search s;
    search_init(&s, NULL, r, n, true);
    plan(&s);
    uint64_t cost = cell(&s, 0, n - 1)->cost;
    search_fini(&s);
    return cost;
}

/* An optimal number dispatch: dynamic programming over intervals of ranges,
 * as for optimal alphabetic search trees, with node kinds beyond `jge`:
 *
 *   - `jeq` on a range of one number at either end of the interval;
 *   - a chain of `jeq`s where ranges of one decision are broken by single
 *     numbers of other decisions (allow 0..40, deny 41, allow 42..55 is one
 *     `jeq #41` instead of two `jge`s);
 *   - `jeq` on the heaviest single number anywhere in the interval (a call
 *     a frequency profile says is frequent, in the middle of other ranges),
 *     up to MAX_PEEL of them per interval. A subproblem is then an interval
 *     less its h heaviest single numbers: since "heaviest" is one total
 *     order (weight, then position), the numbers taken out of an interval
 *     are again the heaviest of each part a split makes, so (i, j, h)
 *     states are closed under splits. Ranges of one decision that the
 *     taken-out numbers separated are one leaf again.
 *
 * The cost of a tree is the weighted sum of the jumps each number executes;
 * among trees of equal cost the one with fewer instructions wins. With many
 * ranges (a generated policy) the planner drops the third kind and searches
 * split points within Knuth's bounds (the best split of an interval lies
 * between those of its two sub-intervals one shorter), which keeps it
 * quadratic.
 *
 * Most of the time goes to the `jge` splits of each (i, j, h): O(n) each, so
 * O(n^3) with peeling. That loop reads each part's cost and size as one
 * packed number from a copy of the table laid out so that consecutive split
 * points are consecutive in memory, one run at a time between the numbers
 * taken out (split_packed); it tries the same splits in the same order and
 * keeps the same one as the plain loop, which stays for weights too large
 * to pack. */
#include "bpf/search.h"

#include <stdbool.h>
#include <stdlib.h>

enum { HOW_LEAF, HOW_SPLIT, HOW_FIRST, HOW_LAST, HOW_CHAIN, HOW_PEEL };
#define MAX_CHAIN 8 /* beyond this a chain of jeqs loses to a tree */
#define MAX_CHAIN_BOUND 64 /* search_min_cost tries longer ones all the same */
#define MAX_PEEL 3
#define PEEL_MAX_RANGES 200 /* above this, (i, j, h) states cost too much time (cubic) */

typedef struct Cell {
    uint64_t cost;
    uint32_t insns;
    uint8_t how;
    uint32_t split; /* the best `jge` split; for h = 0, kept for Knuth's bounds */
} Cell;

/* A cell's cost and size once more, packed in one number (cost << shift |
 * insns) when every sum of two fits, in two layouts the split loop reads in
 * order: by_end[h][pair(i, j)] runs over i for one j (the right part m..j of
 * a split), by_start[h][row(i) + j - i] over j for one i (the left part
 * i..m-1). Same values as in Cell; only the order in memory differs, and
 * comparing two packed sums is comparing (cost, insns) as better() does. */
typedef uint64_t Key;

typedef struct Search {
    BpfAsm *a;
    const SearchRange *r;
    size_t n;
    size_t peel;       /* MAX_PEEL, or 0 */
    Cell *cells;       /* (i, j, h) */
    unsigned shift;    /* of a cost in a Key; 0: costs too large, no Keys */
    Key *by_end;       /* (h, i, j), i fastest */
    Key *by_start;     /* (h, i, j), j fastest */
    size_t *row;       /* row[i]: where i's row starts in one h of by_start */
    size_t pairs;      /* n (n + 1) / 2 */
    uint32_t *heavy;   /* (i, j): its `peel` heaviest single numbers, heaviest first */
    uint8_t *nheavy;   /* (i, j): how many it has */
    uint64_t *prefix;  /* prefix[i] = weight of r[0..i) */
    size_t *chain_end; /* the last j an alternating chain from i can reach */
    uint8_t *one;      /* one[i]: range i is a single number (single()) */
    bool every_split;  /* ignore Knuth's bounds: a proven minimum, not a fast one */
    size_t max_chain;  /* exceptions in one chain of jeqs */
} Search;

static size_t pair(size_t i, size_t j) { return j * (j + 1) / 2 + i; }

static Cell *cell(const Search *s, size_t i, size_t j, size_t h) { return &s->cells[pair(i, j) * (s->peel + 1) + h]; }

static const uint32_t *heavy(const Search *s, size_t i, size_t j) { return &s->heavy[pair(i, j) * s->peel]; }

static uint64_t weight(const Search *s, size_t i, size_t j) { return s->prefix[j + 1] - s->prefix[i]; }

static bool single(const Search *s, size_t i)
{
    uint64_t end = i + 1 < s->n ? s->r[i + 1].start : (1ull << 32);
    return end - s->r[i].start == 1;
}

static bool heavier(const Search *s, size_t a, size_t b)
{
    return s->r[a].weight > s->r[b].weight || (s->r[a].weight == s->r[b].weight && a < b);
}

/* Is range k among the h taken out of interval i..j? */
static bool taken(const Search *s, size_t i, size_t j, size_t h, size_t k)
{
    const uint32_t *top = heavy(s, i, j);
    for (size_t t = 0; t < h; t++)
        if (top[t] == k)
            return true;
    return false;
}

/* The leaf of (i, j, h) when every range left in it has the same one, else -1. */
static int uniform_leaf(const Search *s, size_t i, size_t j, size_t h)
{
    /* neighbouring ranges differ, so one leaf needs every other range taken out */
    if (j - i > 2 * h)
        return -1;
    int leaf = -1;
    for (size_t k = i; k <= j; k++) {
        if (taken(s, i, j, h, k))
            continue;
        if (leaf >= 0 && s->r[k].leaf != leaf)
            return -1;
        leaf = s->r[k].leaf;
    }
    return leaf;
}

/* How many of the h numbers taken out of i..j lie below m. */
static size_t taken_below(const Search *s, size_t i, size_t j, size_t h, size_t m)
{
    const uint32_t *top = heavy(s, i, j);
    size_t c = 0;
    for (size_t t = 0; t < h; t++)
        c += top[t] < m;
    return c;
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

static void find_heavy(Search *s)
{
    for (size_t j = 0; j < s->n && s->peel; j++)
        for (size_t i = j + 1; i-- > 0;) {
            uint32_t *top = &s->heavy[pair(i, j) * s->peel];
            size_t k = 0;
            if (i < j) { /* those of i+1..j, with i merged in */
                const uint32_t *rest = heavy(s, i + 1, j);
                size_t nrest = s->nheavy[pair(i + 1, j)];
                bool placed = !single(s, i);
                for (size_t t = 0; t < nrest && k < s->peel; t++) {
                    if (!placed && heavier(s, i, rest[t])) {
                        top[k++] = (uint32_t)i;
                        placed = true;
                        if (k == s->peel)
                            break;
                    }
                    top[k++] = rest[t];
                }
                if (!placed && k < s->peel)
                    top[k++] = (uint32_t)i;
            } else if (single(s, i)) {
                top[k++] = (uint32_t)i;
            }
            s->nheavy[pair(i, j)] = (uint8_t)k;
        }
}

/* The first m in a..b (both parts' Keys at l[m - 1] and r[m]) whose split
 * is strictly better than *best_key; updates *best_key and *best_m. */
static void scan_splits(const Key *l, const Key *r, size_t a, size_t b, Key *best_key, size_t *best_m)
{
    Key bk = *best_key;
    size_t bm = *best_m;
    for (size_t m = a; m <= b; m++) {
        Key k = l[m - 1] + r[m];
        if (k < bk)
            bk = k, bm = m;
    }
    *best_key = bk;
    *best_m = bm;
}

/* The `jge` splits of (i, j, h) from lo to hi, as the plain loop in
 * plan_cell tries them (in order, the first of equal ones kept), on Keys.
 * The numbers taken out of i..j, in order of position (below), cut lo..hi into runs
 * where taken_below stays the same; within a run the two parts' Keys lie one
 * after the other in by_start and by_end. */
static void split_packed(const Search *s, size_t i, size_t j, size_t h, const size_t *below, size_t lo, size_t hi,
                         uint64_t w, Cell *best)
{
    Key best_key = UINT64_MAX;
    size_t best_m = 0;
    size_t hl = 0;
    while (hl < h && below[hl] < lo)
        hl++;
    for (size_t m = lo; m <= hi; hl++) {
        size_t last = hl < h && below[hl] < hi ? below[hl] : hi, hr = h - hl;
        const Key *l = &s->by_start[hl * s->pairs + s->row[i] - i];
        const Key *r = &s->by_end[hr * s->pairs + j * (j + 1) / 2];
        /* m = i + hl leaves the left part nothing, m = j + 1 - hr the right */
        size_t skip1 = i + hl, skip2 = j + 1 - hr;
        for (size_t a = m; a <= last;) {
            size_t end = last;
            if (skip1 >= a && skip1 <= end)
                end = skip1 - 1;
            if (skip2 >= a && skip2 <= end)
                end = skip2 - 1;
            if (end >= a)
                scan_splits(l, r, a, end, &best_key, &best_m);
            a = end + 2; /* past the skipped one */
        }
        m = last + 1;
    }
    if (best_key != UINT64_MAX) {
        uint64_t cost = w + (best_key >> s->shift);
        uint32_t insns = 1 + (uint32_t)(best_key & ((1ull << s->shift) - 1));
        if (better(cost, insns, best))
            *best = (Cell){cost, insns, HOW_SPLIT, (uint32_t)best_m};
    }
}

static void plan_cell(Search *s, size_t i, size_t j, size_t h)
{
    Cell *out = cell(s, i, j, h);
    /* the numbers taken out, in order of position, and whether i and j are */
    const uint32_t *top = heavy(s, i, j);
    size_t below[MAX_PEEL];
    bool took_i = false, took_j = false;
    uint64_t w = weight(s, i, j); /* less the numbers taken out */
    for (size_t t = 0; t < h; t++) {
        size_t k = top[t], at = t;
        w -= s->r[k].weight;
        took_i |= k == i;
        took_j |= k == j;
        for (; at > 0 && below[at - 1] > k; at--)
            below[at] = below[at - 1];
        below[at] = k;
    }
    if (j - i <= 2 * h && uniform_leaf(s, i, j, h) >= 0) {
        *out = (Cell){0, 0, HOW_LEAF, (uint32_t)i};
        if (s->shift) {
            s->by_end[h * s->pairs + pair(i, j)] = 0;
            s->by_start[h * s->pairs + s->row[i] + j - i] = 0;
        }
        return;
    }
    Cell best = {UINT64_MAX, UINT32_MAX, HOW_SPLIT, 0};
    size_t lo = i + 1, hi = j;
    if (s->peel == 0 && j - i >= 2 && !s->every_split) {
        size_t kl = cell(s, i, j - 1, 0)->split, kh = cell(s, i + 1, j, 0)->split;
        if (kl >= lo && kh <= hi && kl <= kh)
            lo = kl, hi = kh;
    }
    if (s->shift)
        split_packed(s, i, j, h, below, lo, hi, w, &best);
    else
        for (size_t m = lo; m <= hi; m++) {
            size_t hl = taken_below(s, i, j, h, m), hr = h - hl;
            if (m - i == hl || j + 1 - m == hr)
                continue; /* one side would have nothing left */
            const Cell *l = cell(s, i, m - 1, hl), *r = cell(s, m, j, hr);
            uint64_t cost = w + l->cost + r->cost;
            uint32_t insns = 1 + l->insns + r->insns;
            if (better(cost, insns, &best))
                best = (Cell){cost, insns, HOW_SPLIT, (uint32_t)m};
        }
    uint32_t split = best.split;
    if (s->one[i] && !took_i) {
        const Cell *r = cell(s, i + 1, j, h);
        if (better(w + r->cost, 1 + r->insns, &best))
            best = (Cell){w + r->cost, 1 + r->insns, HOW_FIRST, 0};
    }
    if (s->one[j] && !took_j) {
        const Cell *l = cell(s, i, j - 1, h);
        if (better(w + l->cost, 1 + l->insns, &best))
            best = (Cell){w + l->cost, 1 + l->insns, HOW_LAST, 0};
    }
    if (h < s->peel && h < s->nheavy[pair(i, j)]) {
        const Cell *rest = cell(s, i, j, h + 1);
        if (better(w + rest->cost, 1 + rest->insns, &best))
            best = (Cell){w + rest->cost, 1 + rest->insns, HOW_PEEL, 0};
    }
    size_t len = j - i;
    if (h == 0 && len % 2 == 0 && len / 2 <= s->max_chain && s->chain_end[i] >= j) {
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
    *out = best;
    if (s->shift) {
        Key key = best.cost << s->shift | best.insns;
        s->by_end[h * s->pairs + pair(i, j)] = key;
        s->by_start[h * s->pairs + s->row[i] + j - i] = key;
    }
}

static void plan(Search *s)
{
    find_heavy(s);
    for (size_t len = 0; len < s->n; len++)
        for (size_t i = 0; i + len < s->n; i++)
            for (size_t h = s->peel + 1; h-- > 0;)
                if (h <= s->nheavy[pair(i, i + len)] || h == 0)
                    plan_cell(s, i, i + len, h);
}

/* The label to jump to for (i, j, h): its leaf's own when one is left, else
 * a fresh one that emit_node places. */
static int target(const Search *s, size_t i, size_t j, size_t h)
{
    int leaf = uniform_leaf(s, i, j, h);
    return leaf >= 0 ? leaf : bpfasm_label(s->a, NULL);
}

static void emit_node(const Search *s, size_t i, size_t j, size_t h, int label)
{
    const Cell *c = cell(s, i, j, h);
    if (c->how == HOW_LEAF)
        return;
    bpfasm_place(s->a, label);
    uint16_t jge = BPF_JMP | BPF_JGE | BPF_K, jeq = BPF_JMP | BPF_JEQ | BPF_K;
    switch (c->how) {
    case HOW_SPLIT: {
        size_t m = c->split, hl = taken_below(s, i, j, h, m), hr = h - hl;
        int lt = target(s, i, m - 1, hl), rt = target(s, m, j, hr);
        bpfasm_jump(s->a, jge, s->r[m].start, rt, lt, NULL);
        emit_node(s, m, j, hr, rt);
        emit_node(s, i, m - 1, hl, lt);
        break;
    }
    case HOW_FIRST: {
        int rest = target(s, i + 1, j, h);
        bpfasm_jump(s->a, jeq, s->r[i].start, s->r[i].leaf, rest, NULL);
        emit_node(s, i + 1, j, h, rest);
        break;
    }
    case HOW_LAST: {
        int rest = target(s, i, j - 1, h);
        bpfasm_jump(s->a, jeq, s->r[j].start, s->r[j].leaf, rest, NULL);
        emit_node(s, i, j - 1, h, rest);
        break;
    }
    case HOW_PEEL: {
        size_t k = heavy(s, i, j)[h];
        int rest = target(s, i, j, h + 1);
        bpfasm_jump(s->a, jeq, s->r[k].start, s->r[k].leaf, rest, NULL);
        emit_node(s, i, j, h + 1, rest);
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

static void search_init(Search *s, BpfAsm *a, const SearchRange *r, size_t n, bool for_bound, bool plain)
{
    size_t peel = n <= PEEL_MAX_RANGES ? MAX_PEEL : 0;
    size_t pairs = n * (n + 1) / 2;
    *s = (Search){.a = a, .r = r, .n = n, .peel = peel, .pairs = pairs, .every_split = for_bound,
                  .max_chain = for_bound ? MAX_CHAIN_BOUND : MAX_CHAIN};
    s->cells = malloc(pairs * (peel + 1) * sizeof *s->cells);
    s->row = malloc(n * sizeof *s->row);
    s->heavy = malloc((pairs * peel + 1) * sizeof *s->heavy);
    s->nheavy = calloc(pairs, 1);
    s->prefix = malloc((n + 1) * sizeof *s->prefix);
    s->chain_end = malloc(n * sizeof *s->chain_end);
    s->one = malloc(n);
    if (!s->one || !s->cells || !s->row || !s->heavy || !s->nheavy || !s->prefix || !s->chain_end)
        abort();
    for (size_t i = 0; i < n; i++)
        s->one[i] = single(s, i);
    for (size_t i = 0, at = 0; i < n; at += n - i, i++)
        s->row[i] = at;
    s->prefix[0] = 0;
    for (size_t i = 0; i < n; i++)
        s->prefix[i + 1] = s->prefix[i] + r[i].weight;
    /* A tree has at most n - 1 nodes (each adds a part, and there are at
     * most n), so a cell's insns are below n and its cost at most the total
     * weight times n. Keys hold a sum of two cells. */
    unsigned shift = 1;
    while ((1ull << shift) <= 2 * (uint64_t)n + 2)
        shift++;
    uint64_t most = (UINT64_MAX >> (shift + 1)) / (n + 1);
    if (!plain && s->prefix[n] <= most) {
        s->shift = shift;
        s->by_end = malloc(pairs * (peel + 1) * sizeof *s->by_end);
        s->by_start = malloc(pairs * (peel + 1) * sizeof *s->by_start);
        if (!s->by_end || !s->by_start)
            abort();
    }
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
    free(s->by_end);
    free(s->by_start);
    free(s->row);
    free(s->heavy);
    free(s->nheavy);
    free(s->prefix);
    free(s->chain_end);
    free(s->one);
}

static int emit(BpfAsm *a, const SearchRange *r, size_t n, bool plain)
{
    if (n == 1)
        return r[0].leaf;
    Search s;
    search_init(&s, a, r, n, false, plain);
    plan(&s);
    int entry = bpfasm_label(a, NULL);
    emit_node(&s, 0, n - 1, 0, entry);
    search_fini(&s);
    return entry;
}

static uint64_t min_cost(const SearchRange *r, size_t n, bool plain)
{
    if (n <= 1)
        return 0;
    Search s;
    search_init(&s, NULL, r, n, true, plain);
    plan(&s);
    uint64_t cost = cell(&s, 0, n - 1, 0)->cost;
    search_fini(&s);
    return cost;
}

int search_emit(BpfAsm *a, const SearchRange *r, size_t n) { return emit(a, r, n, false); }

uint64_t search_min_cost(const SearchRange *r, size_t n) { return min_cost(r, n, false); }

int search_emit_plain(BpfAsm *a, const SearchRange *r, size_t n) { return emit(a, r, n, true); }

uint64_t search_min_cost_plain(const SearchRange *r, size_t n) { return min_cost(r, n, true); }

static void emit_balanced(BpfAsm *a, const SearchRange *r, size_t i, size_t j, int label)
{
    size_t m = i + (j - i + 1) / 2;
    int lt = m - 1 == i ? r[i].leaf : bpfasm_label(a, NULL), rt = m == j ? r[j].leaf : bpfasm_label(a, NULL);
    bpfasm_place(a, label);
    bpfasm_jump(a, BPF_JMP | BPF_JGE | BPF_K, r[m].start, rt, lt, NULL);
    if (m < j)
        emit_balanced(a, r, m, j, rt);
    if (m - 1 > i)
        emit_balanced(a, r, i, m - 1, lt);
}

int search_emit_balanced(BpfAsm *a, const SearchRange *r, size_t n)
{
    if (n == 1)
        return r[0].leaf;
    int entry = bpfasm_label(a, NULL);
    emit_balanced(a, r, 0, n - 1, entry);
    return entry;
}

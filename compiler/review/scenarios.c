/* Capability scenarios as short text for polc diff: the set of scenarios a
 * change holds in, as few "with A, without B" alternatives as a greedy
 * prime-cube cover finds ("with SYS_ADMIN or with BPF", not the four
 * minterms). */
#include <stdlib.h>
#include <string.h>

#include "review/review.h"

#define MAX_CUBE_CAPS 8 /* 3^8 cubes; beyond that, one alternative per scenario */

typedef struct Cube {
    unsigned care, value; /* scenarios s with (s & care) == value */
} Cube;

static bool cube_inside(Cube c, const uint8_t *in, unsigned n)
{
    for (unsigned s = 0; s < n; s++)
        if ((s & c.care) == c.value && !in[s])
            return false;
    return true;
}

static unsigned cube_gain(Cube c, const uint8_t *uncovered, unsigned n)
{
    unsigned g = 0;
    for (unsigned s = 0; s < n; s++)
        g += (s & c.care) == c.value && uncovered[s];
    return g;
}

static void put_cube(StrBuf *sb, const polc_ctx *ctx, const int *caps, int ncaps, Cube c)
{
    bool first = true;
    for (int b = 0; b < ncaps; b++) {
        if (!(c.care & (1u << b)))
            continue;
        const char *name = cap_name(&ctx->policy, caps[b]);
        sb_printf(sb, "%s%s %s", first ? "" : ", ", (c.value & (1u << b)) ? "with" : "without", name ? name : "?");
        first = false;
    }
}

char *diff_scenario_text(const polc_ctx *ctx, const int *caps, int ncaps, const uint8_t *in)
{
    unsigned n = 1u << ncaps;
    bool all = true;
    for (unsigned s = 0; s < n; s++)
        all = all && in[s];
    if (all)
        return NULL;
    VEC(Cube) primes = {0};
    Arena tmp;
    arena_init(&tmp);
    if (ncaps <= MAX_CUBE_CAPS) {
        for (unsigned care = 0; care < n; care++)
            for (unsigned value = care;; value = (value - 1) & care) { /* every subset of care */
                Cube c = {care, value};
                bool prime = cube_inside(c, in, n);
                for (int b = 0; prime && b < ncaps; b++)
                    if (care & (1u << b))
                        prime = !cube_inside((Cube){care & ~(1u << b), value & ~(1u << b)}, in, n);
                if (prime)
                    VEC_PUSH(&tmp, primes, c);
                if (value == 0)
                    break;
            }
    } else {
        for (unsigned s = 0; s < n; s++)
            if (in[s]) {
                Cube c = {n - 1, s};
                VEC_PUSH(&tmp, primes, c);
            }
    }
    uint8_t *uncovered = arena_alloc(&tmp, n);
    memcpy(uncovered, in, n);
    StrBuf sb;
    sb_init(&sb);
    for (bool first = true;; first = false) {
        size_t best = primes.len;
        unsigned best_gain = 0;
        for (size_t i = 0; i < primes.len; i++) {
            unsigned g = cube_gain(primes.items[i], uncovered, n);
            bool fewer = best < primes.len && __builtin_popcount(primes.items[i].care) <
                                                  __builtin_popcount(primes.items[best].care);
            if (g > best_gain || (g && g == best_gain && fewer)) /* ties: fewest conditions, then first */
                best = i, best_gain = g;
        }
        if (best == primes.len)
            break;
        Cube c = primes.items[best];
        for (unsigned s = 0; s < n; s++)
            if ((s & c.care) == c.value)
                uncovered[s] = 0;
        sb_puts(&sb, first ? "" : " or ");
        put_cube(&sb, ctx, caps, ncaps, c);
    }
    arena_release(&tmp);
    return sb_take(&sb);
}

/* "did you mean": the candidate closest to a misspelt name, by edit
 * distance, when it is close enough to be a likely typo. */
#include <string.h>

#include "util/closest.h"

static size_t edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 64 || lb > 64)
        return 99;
    size_t prev[65], cur[65];
    for (size_t j = 0; j <= lb; j++)
        prev[j] = j;
    for (size_t i = 1; i <= la; i++) {
        cur[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            size_t v = prev[j - 1] + cost;
            if (prev[j] + 1 < v) v = prev[j] + 1;
            if (cur[j - 1] + 1 < v) v = cur[j - 1] + 1;
            cur[j] = v;
        }
        memcpy(prev, cur, (lb + 1) * sizeof(size_t));
    }
    return prev[lb];
}

const char *closest_name(const char *name, const char *const *cands, size_t n)
{
    size_t best = (size_t)-1;
    const char *bestn = NULL;
    size_t limit = strlen(name) / 3 + 1;
    for (size_t i = 0; i < n; i++) {
        size_t d = edit_distance(name, cands[i]);
        if (d < best || (d == best && bestn && strcmp(cands[i], bestn) < 0)) {
            best = d;
            bestn = cands[i];
        }
    }
    return best <= limit ? bestn : NULL;
}

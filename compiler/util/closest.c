/* "did you mean": the candidate closest to a misspelt name, by edit
 * distance, when it is close enough to be a likely typo. */
#include <string.h>

#include "util/closest.h"

/* Edits between a and b, a swap of two neighbours counting as one (the
 * optimal string alignment distance): `clsoe` is one edit from `close`. */
static size_t edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 64 || lb > 64)
        return 99;
    size_t d[65][65];
    for (size_t i = 0; i <= la; i++)
        d[i][0] = i;
    for (size_t j = 0; j <= lb; j++)
        d[0][j] = j;
    for (size_t i = 1; i <= la; i++)
        for (size_t j = 1; j <= lb; j++) {
            size_t v = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
            if (d[i - 1][j] + 1 < v)
                v = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < v)
                v = d[i][j - 1] + 1;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < v)
                v = d[i - 2][j - 2] + 1;
            d[i][j] = v;
        }
    return d[la][lb];
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

/* AppArmor path globs: validation and intersection.
 *
 * Intersection works on the product of two glob automata: after brace
 * expansion each glob is a list of tokens (a literal byte, `?`, a class, `*`
 * or `**`), and a breadth-first walk over pairs of positions looks for a path
 * both accept. `*` and `**` stay where they are when they consume a byte and
 * may also be skipped, so the walk visits at most (len1+1)*(len2+1) states. */
#include <stdint.h>
#include <string.h>

#include "backend/aa_glob.h"

const char *aa_glob_problem(const char *glob, size_t *at)
{
    int brace = 0;
    size_t open_brace = 0, open_class = 0;
    bool in_class = false;
    size_t class_len = 0;
    if (glob[0] != '/') {
        *at = 0;
        return "an AppArmor path must be absolute";
    }
    for (size_t i = 0; glob[i]; i++) {
        unsigned char c = (unsigned char)glob[i];
        *at = i;
        if (c == '\n')
            return "a newline cannot be part of an AppArmor path";
        if (c < 0x20 || c == 0x7f)
            return "a control character cannot be part of an AppArmor path";
        if (c == '"')
            return "a quote cannot be part of an AppArmor path";
        if (c == '\\')
            return "a backslash is an escape in AppArmor globs; polc paths cannot use it";
        if (in_class) {
            if (c == '/')
                return "a `[...]` class cannot contain `/`";
            if (c == ']' && class_len > 0 && !(class_len == 1 && glob[i - 1] == '^')) {
                in_class = false;
                continue;
            }
            if (c == ']') {
                *at = open_class;
                return "an empty `[]` class matches nothing";
            }
            class_len++;
            continue;
        }
        switch (c) {
        case '@':
            if (glob[i + 1] == '{')
                return "`@{...}` is an AppArmor variable; polc paths name files literally";
            break;
        case '{':
            if (brace++ == 0)
                open_brace = i;
            break;
        case '}':
            if (brace == 0)
                return "`}` without a matching `{`";
            brace--;
            break;
        case ',':
            if (brace == 0)
                return "a comma outside `{a,b}` would end the AppArmor rule";
            break;
        case '[':
            in_class = true;
            open_class = i;
            class_len = 0;
            break;
        case ']':
            return "`]` without a matching `[`";
        default:
            break;
        }
    }
    if (in_class) {
        *at = open_class;
        return "`[` without a matching `]`";
    }
    if (brace) {
        *at = open_brace;
        return "`{` without a matching `}`";
    }
    return NULL;
}

bool aa_glob_is_literal(const char *glob)
{
    return strpbrk(glob, "*?[]{}") == NULL;
}

/* ---- brace expansion ---- */

typedef struct Alts {
    char **items;
    size_t n, cap;
    bool overflow;
} Alts;

static void alts_push(Arena *a, Alts *l, const char *s, size_t len)
{
    if (l->n == AA_GLOB_MAX_ALTS) {
        l->overflow = true;
        return;
    }
    if (l->n == l->cap) {
        size_t nc = l->cap ? l->cap * 2 : 8;
        l->items = arena_realloc(a, l->items, l->cap * sizeof *l->items, nc * sizeof *l->items);
        l->cap = nc;
    }
    l->items[l->n++] = arena_strndup(a, s, len);
}

/* Expand the first top-level brace group of `s` (outside classes), recursively. */
static void expand(Arena *a, const char *s, Alts *out)
{
    if (out->overflow)
        return;
    size_t open = SIZE_MAX;
    bool in_class = false;
    for (size_t i = 0; s[i]; i++) {
        if (in_class) {
            if (s[i] == ']' && i > 0 && s[i - 1] != '[' && !(s[i - 1] == '^' && i > 1 && s[i - 2] == '['))
                in_class = false;
            continue;
        }
        if (s[i] == '[')
            in_class = true;
        else if (s[i] == '{') {
            open = i;
            break;
        }
    }
    if (open == SIZE_MAX) {
        alts_push(a, out, s, strlen(s));
        return;
    }
    /* find the matching close and the top-level commas */
    int depth = 0;
    size_t close = open, start = open + 1;
    VEC(size_t) cuts = {0};
    in_class = false;
    for (size_t i = open; s[i]; i++) {
        char c = s[i];
        if (in_class) {
            if (c == ']')
                in_class = false;
            continue;
        }
        if (c == '[')
            in_class = true;
        else if (c == '{')
            depth++;
        else if (c == '}' && --depth == 0) {
            close = i;
            break;
        } else if (c == ',' && depth == 1)
            VEC_PUSH(a, cuts, i);
    }
    VEC_PUSH(a, cuts, close);
    for (size_t k = 0; k < cuts.len && !out->overflow; k++) {
        size_t end = cuts.items[k];
        size_t plen = open, alen = end - start, slen = strlen(s + close + 1);
        char *buf = arena_alloc(a, plen + alen + slen + 1);
        memcpy(buf, s, plen);
        memcpy(buf + plen, s + start, alen);
        memcpy(buf + plen + alen, s + close + 1, slen);
        buf[plen + alen + slen] = '\0';
        expand(a, buf, out);
        start = end + 1;
    }
}

/* ---- tokens ---- */

typedef enum TokKind { T_SET, T_STAR, T_DSTAR } TokKind;

typedef struct Tok {
    TokKind kind;
    uint64_t set[4]; /* bytes a T_SET accepts */
} Tok;

static void set_add(uint64_t *s, unsigned c) { s[c >> 6] |= 1ull << (c & 63); }
static void set_del(uint64_t *s, unsigned c) { s[c >> 6] &= ~(1ull << (c & 63)); }
static void set_all_but_slash(uint64_t *s)
{
    memset(s, 0xff, 4 * sizeof *s);
    set_del(s, 0);
    set_del(s, '/');
}

static size_t tokenize(Arena *a, const char *g, Tok **out)
{
    size_t n = strlen(g);
    Tok *t = arena_alloc(a, (n + 1) * sizeof *t);
    size_t k = 0;
    for (size_t i = 0; g[i];) {
        Tok *x = &t[k++];
        if (g[i] == '*') {
            size_t j = i;
            while (g[j] == '*')
                j++;
            x->kind = j - i >= 2 ? T_DSTAR : T_STAR;
            i = j;
        } else if (g[i] == '?') {
            x->kind = T_SET;
            set_all_but_slash(x->set);
            i++;
        } else if (g[i] == '[') {
            x->kind = T_SET;
            i++;
            bool neg = g[i] == '^';
            if (neg)
                i++;
            uint64_t s[4] = {0};
            bool first = true;
            while (g[i] && (g[i] != ']' || first)) {
                unsigned lo = (unsigned char)g[i], hi = lo;
                if (g[i + 1] == '-' && g[i + 2] && g[i + 2] != ']') {
                    hi = (unsigned char)g[i + 2];
                    i += 2;
                }
                for (unsigned c = lo; c <= hi; c++)
                    set_add(s, c);
                i++;
                first = false;
            }
            if (g[i] == ']')
                i++;
            if (neg) {
                set_all_but_slash(x->set);
                for (int w = 0; w < 4; w++)
                    x->set[w] &= ~s[w];
            } else {
                memcpy(x->set, s, sizeof s);
                set_del(x->set, '/');
            }
        } else {
            x->kind = T_SET;
            set_add(x->set, (unsigned char)g[i]);
            i++;
        }
    }
    *out = t;
    return k;
}

static void tok_set(const Tok *t, uint64_t *s)
{
    if (t->kind == T_SET)
        memcpy(s, t->set, sizeof t->set);
    else if (t->kind == T_STAR)
        set_all_but_slash(s);
    else {
        memset(s, 0xff, 4 * sizeof *s);
        set_del(s, 0);
    }
}

static bool tokens_intersect(Arena *a, const Tok *x, size_t nx, const Tok *y, size_t ny)
{
    size_t w = ny + 1, nstates = (nx + 1) * w;
    bool *seen = arena_alloc(a, nstates);
    size_t *queue = arena_alloc(a, nstates * sizeof *queue);
    size_t head = 0, tail = 0;
    seen[0] = true;
    queue[tail++] = 0;
#define VISIT(I, J)                                 \
    do {                                            \
        size_t st_ = (I) * w + (J);                 \
        if (!seen[st_]) {                           \
            seen[st_] = true;                       \
            queue[tail++] = st_;                    \
        }                                           \
    } while (0)
    while (head < tail) {
        size_t st = queue[head++], i = st / w, j = st % w;
        if (i == nx && j == ny)
            return true;
        if (i < nx && x[i].kind != T_SET)
            VISIT(i + 1, j);
        if (j < ny && y[j].kind != T_SET)
            VISIT(i, j + 1);
        if (i < nx && j < ny) {
            uint64_t sx[4], sy[4];
            tok_set(&x[i], sx);
            tok_set(&y[j], sy);
            bool meet = false;
            for (int k = 0; k < 4; k++)
                meet |= (sx[k] & sy[k]) != 0;
            if (meet)
                VISIT(x[i].kind == T_SET ? i + 1 : i, y[j].kind == T_SET ? j + 1 : j);
        }
    }
#undef VISIT
    return false;
}

bool aa_glob_intersects(Arena *a, const char *g1, const char *g2)
{
    /* Two globs whose plain starts differ meet nowhere: decided without the
     * automata, which a profile with thousands of paths would build for
     * every pair. Stops at anything that is not a plain byte (`@{VAR}`,
     * escapes, glob characters). */
    size_t l1 = strcspn(g1, "*?[]{}\\@"), l2 = strcspn(g2, "*?[]{}\\@");
    if (strncmp(g1, g2, l1 < l2 ? l1 : l2) != 0)
        return false;
    Alts e1 = {0}, e2 = {0};
    expand(a, g1, &e1);
    expand(a, g2, &e2);
    if (e1.overflow || e2.overflow)
        return true;
    for (size_t i = 0; i < e1.n; i++) {
        Tok *x;
        size_t nx = tokenize(a, e1.items[i], &x);
        for (size_t j = 0; j < e2.n; j++) {
            Tok *y;
            size_t ny = tokenize(a, e2.items[j], &y);
            if (tokens_intersect(a, x, nx, y, ny))
                return true;
        }
    }
    return false;
}

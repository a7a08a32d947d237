#include "middle/cond.h"

#include <stdlib.h>
#include <string.h>

#define U64_MAX UINT64_MAX

Dnf dnf_false(void) { return (Dnf){0, NULL}; }

Dnf dnf_true(CondCtx *c)
{
    Dnf d = {1, arena_alloc(c->arena, sizeof(Term))};
    return d;
}

bool dnf_is_false(Dnf d) { return d.n == 0; }

bool dnf_is_true(Dnf d)
{
    for (size_t i = 0; i < d.n; i++)
        if (d.terms[i].n == 0)
            return true;
    return false;
}

int atom_cmp(const Atom *a, const Atom *b)
{
    if (a->arg != b->arg)
        return a->arg < b->arg ? -1 : 1;
    if (a->op != b->op)
        return a->op < b->op ? -1 : 1;
    if (a->mask != b->mask)
        return a->mask < b->mask ? -1 : 1;
    if (a->value != b->value)
        return a->value < b->value ? -1 : 1;
    return 0;
}

static int atom_qcmp(const void *a, const void *b) { return atom_cmp(a, b); }

int term_cmp(const Term *a, const Term *b)
{
    if (a->n != b->n)
        return a->n < b->n ? -1 : 1;
    for (size_t i = 0; i < a->n; i++) {
        int c = atom_cmp(&a->atoms[i], &b->atoms[i]);
        if (c)
            return c;
    }
    return 0;
}

static int term_qcmp(const void *a, const void *b) { return term_cmp(a, b); }

bool dnf_eq(Dnf a, Dnf b)
{
    if (a.n != b.n)
        return false;
    for (size_t i = 0; i < a.n; i++)
        if (term_cmp(&a.terms[i], &b.terms[i]) != 0)
            return false;
    return true;
}

bool atom_eval(const Atom *a, const uint64_t args[6])
{
    uint64_t x = args[a->arg];
    switch ((AtomOp)a->op) {
    case A_EQ: return x == a->value;
    case A_NE: return x != a->value;
    case A_LT: return x < a->value;
    case A_LE: return x <= a->value;
    case A_GT: return x > a->value;
    case A_GE: return x >= a->value;
    case A_MASKED_EQ: return (x & a->mask) == a->value;
    }
    return false;
}

bool dnf_eval(Dnf d, const uint64_t args[6])
{
    for (size_t i = 0; i < d.n; i++) {
        bool all = true;
        for (size_t j = 0; j < d.terms[i].n && all; j++)
            all = atom_eval(&d.terms[i].atoms[j], args);
        if (all)
            return true;
    }
    return false;
}

/* What one term requires of one argument. */
typedef struct ArgState {
    uint64_t lo, hi;
    uint64_t mask, value;
    uint64_t ne[64];
    size_t nne;
    bool ne_overflow;
    bool contra;
    bool narrow; /* a 32-bit view: never above 0xffffffff */
} ArgState;

static void state_init(ArgState *s)
{
    memset(s, 0, sizeof *s);
    s->hi = U64_MAX;
}

static void state_add(ArgState *s, const Atom *a)
{
    s->narrow |= a->narrow;
    switch ((AtomOp)a->op) {
    case A_EQ:
        if (a->value > s->lo) s->lo = a->value;
        if (a->value < s->hi) s->hi = a->value;
        break;
    case A_LT:
        if (a->value == 0) { s->contra = true; break; }
        if (a->value - 1 < s->hi) s->hi = a->value - 1;
        break;
    case A_LE:
        if (a->value < s->hi) s->hi = a->value;
        break;
    case A_GT:
        if (a->value == U64_MAX) { s->contra = true; break; }
        if (a->value + 1 > s->lo) s->lo = a->value + 1;
        break;
    case A_GE:
        if (a->value > s->lo) s->lo = a->value;
        break;
    case A_NE:
        if (s->nne < 64) s->ne[s->nne++] = a->value;
        else s->ne_overflow = true;
        break;
    case A_MASKED_EQ:
        if (a->value & ~a->mask) { s->contra = true; break; }
        if ((s->value ^ a->value) & s->mask & a->mask) { s->contra = true; break; }
        s->mask |= a->mask;
        s->value |= a->value;
        break;
    }
}

static bool ne_has(const ArgState *s, uint64_t v)
{
    for (size_t i = 0; i < s->nne; i++)
        if (s->ne[i] == v)
            return true;
    return false;
}

static int u64_qcmp(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* Normalizes the state; false when it can never hold. */
static bool state_finish(ArgState *s)
{
    if (s->narrow) {
        /* A 32-bit view never exceeds 0xffffffff, and its high half is zero:
         * every bound, mask and value is cut to that domain here, so no back
         * end ever sees a constant wider than the argument it compares
         * (a BPF test on the low half would otherwise truncate it). */
        if (s->hi > 0xffffffffu)
            s->hi = 0xffffffffu;
        if (s->value & s->mask & ~(uint64_t)0xffffffffu)
            return false;
        s->mask &= 0xffffffffu;
        s->value &= 0xffffffffu;
    }
    if (s->contra || s->lo > s->hi)
        return false;
    if (s->mask == (s->narrow ? 0xffffffffu : U64_MAX)) {
        if (s->value > s->lo) s->lo = s->value;
        if (s->value < s->hi) s->hi = s->value;
        if (s->lo > s->hi)
            return false;
        s->mask = 0, s->value = 0;
    }
    if (s->ne_overflow)
        return true; /* keep as is; still exact, just not minimal */
    /* drop exclusions outside the range or not matching the mask */
    size_t k = 0;
    for (size_t i = 0; i < s->nne; i++) {
        uint64_t v = s->ne[i];
        if (v < s->lo || v > s->hi || (v & s->mask) != s->value)
            continue;
        s->ne[k++] = v;
    }
    s->nne = k;
    qsort(s->ne, s->nne, sizeof s->ne[0], u64_qcmp);
    k = 0;
    for (size_t i = 0; i < s->nne; i++)
        if (k == 0 || s->ne[k - 1] != s->ne[i])
            s->ne[k++] = s->ne[i];
    s->nne = k;
    /* shrink the range past excluded end points */
    bool changed = true;
    while (changed && s->lo <= s->hi) {
        changed = false;
        if (ne_has(s, s->lo) && s->mask == 0) {
            if (s->lo == s->hi) return false;
            s->lo++;
            changed = true;
        }
        if (ne_has(s, s->hi) && s->mask == 0) {
            if (s->lo == s->hi) return false;
            s->hi--;
            changed = true;
        }
    }
    if (s->lo > s->hi)
        return false;
    if (s->lo == s->hi) {
        if ((s->lo & s->mask) != s->value || ne_has(s, s->lo))
            return false;
        s->mask = 0, s->value = 0, s->nne = 0;
    }
    k = 0;
    for (size_t i = 0; i < s->nne; i++)
        if (s->ne[i] >= s->lo && s->ne[i] <= s->hi)
            s->ne[k++] = s->ne[i];
    s->nne = k;
    return true;
}

static size_t state_emit(const ArgState *s, unsigned arg, Atom *out)
{
    size_t n = 0;
    if (s->lo == s->hi) {
        out[n++] = (Atom){(uint8_t)arg, A_EQ, s->lo, 0, s->narrow};
        return n;
    }
    if (s->mask)
        out[n++] = (Atom){(uint8_t)arg, A_MASKED_EQ, s->value, s->mask, s->narrow};
    if (s->lo > 0)
        out[n++] = (Atom){(uint8_t)arg, A_GE, s->lo, 0, s->narrow};
    /* x <= 0xffffffff holds for every 32-bit view: no test (a back end
     * would otherwise write it as x < 2^32, which libseccomp cuts to 32
     * bits on 32-bit ABIs: x < 0) */
    if (s->hi < (s->narrow ? 0xffffffffu : U64_MAX))
        out[n++] = (Atom){(uint8_t)arg, A_LE, s->hi, 0, s->narrow};
    for (size_t i = 0; i < s->nne; i++)
        out[n++] = (Atom){(uint8_t)arg, A_NE, s->ne[i], 0, s->narrow};
    return n;
}

/* Canonical form of a conjunction; false when it is unsatisfiable. With out
 * NULL, only whether it can hold (nothing is allocated). */
static bool term_simplify(CondCtx *c, const Atom *in, size_t n, Term *out)
{
    ArgState st[6];
    bool used[6] = {false};
    for (int i = 0; i < 6; i++)
        state_init(&st[i]);
    for (size_t i = 0; i < n; i++) {
        used[in[i].arg] = true;
        if (in[i].op != A_NE)
            state_add(&st[in[i].arg], &in[i]);
    }
    /* Exclusions after the bounds: one outside them is implied and dropped
     * here, so `x == 5 and x != 1 and x != 2 ...` stays one atom however
     * many values a more restrictive rule took. */
    for (size_t i = 0; i < n; i++) {
        const ArgState *s = &st[in[i].arg];
        uint64_t v = in[i].value;
        if (in[i].op == A_NE && v >= s->lo && v <= s->hi && (v & s->mask) == s->value)
            state_add(&st[in[i].arg], &in[i]);
    }
    if (!out) { /* only whether it can hold */
        for (unsigned a = 0; a < 6; a++)
            if (used[a] && !state_finish(&st[a]))
                return false;
        return true;
    }
    Atom stack_buf[6 * 68];
    size_t cap = n + 6 * 4 > 6 * 68 ? n + 6 * 4 : 6 * 68; /* written atoms, or 4 per argument + 64 exclusions */
    Atom *buf = cap > 6 * 68 ? malloc(cap * sizeof *buf) : stack_buf;
    if (!buf)
        abort();
    size_t m = 0;
    for (unsigned a = 0; a < 6; a++) {
        if (!used[a])
            continue;
        if (!state_finish(&st[a])) {
            if (buf != stack_buf)
                free(buf);
            return false;
        }
        if (st[a].ne_overflow) {
            /* too many exclusions to normalize: the bounds as normalized, and
             * the exclusions as written that the bounds leave possible */
            ArgState bounds = st[a];
            bounds.nne = 0;
            m += state_emit(&bounds, a, buf + m);
            for (size_t i = 0; i < n; i++) {
                uint64_t v = in[i].value;
                if (in[i].arg == a && in[i].op == A_NE && v >= bounds.lo && v <= bounds.hi &&
                    (v & bounds.mask) == bounds.value)
                    buf[m++] = in[i];
            }
            continue;
        }
        m += state_emit(&st[a], a, buf + m);
    }
    qsort(buf, m, sizeof buf[0], atom_qcmp);
    out->n = m;
    out->atoms = m ? arena_alloc(c->arena, m * sizeof(Atom)) : NULL;
    if (m)
        memcpy(out->atoms, buf, m * sizeof(Atom));
    if (buf != stack_buf)
        free(buf);
    return true;
}

static bool term_subsumes(const Term *a, const Term *b)
{
    /* every atom of a appears in b: b implies a */
    size_t j = 0;
    for (size_t i = 0; i < a->n; i++) {
        while (j < b->n && atom_cmp(&b->atoms[j], &a->atoms[i]) < 0)
            j++;
        if (j == b->n || atom_cmp(&b->atoms[j], &a->atoms[i]) != 0)
            return false;
    }
    return true;
}

static Dnf dnf_normalize(CondCtx *c, Term *terms, size_t n)
{
    (void)c;
    for (size_t i = 0; i < n; i++)
        if (terms[i].n == 0)
            return (Dnf){1, &terms[i]};
    qsort(terms, n, sizeof *terms, term_qcmp);
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (k == 0 || term_cmp(&terms[k - 1], &terms[i]) != 0)
            terms[k++] = terms[i];
    n = k;
    if (n <= 512) {
        bool *dead = calloc(n ? n : 1, 1);
        if (!dead)
            abort();
        /* Terms are sorted by length first and distinct, so a term can only
         * subsume a longer one: a list of single comparisons (the usual
         * `x == 1 or x == 2 ...`) costs nothing here. */
        size_t longer = 0;
        for (size_t i = 0; i < n; i++) {
            while (longer < n && terms[longer].n <= terms[i].n)
                longer++;
            for (size_t j = longer; j < n && !dead[i]; j++)
                if (!dead[j] && term_subsumes(&terms[i], &terms[j]))
                    dead[j] = true;
        }
        k = 0;
        for (size_t i = 0; i < n; i++)
            if (!dead[i])
                terms[k++] = terms[i];
        n = k;
        free(dead);
    }
    return (Dnf){n, terms};
}

Dnf dnf_atom(CondCtx *c, Atom a)
{
    Term t;
    if (!term_simplify(c, &a, 1, &t))
        return dnf_false();
    Dnf d = {1, arena_alloc(c->arena, sizeof(Term))};
    d.terms[0] = t;
    return d;
}

Dnf dnf_or(CondCtx *c, Dnf a, Dnf b)
{
    if (a.n + b.n > DNF_MAX_TERMS) {
        c->overflow = true;
        return dnf_true(c);
    }
    Term *t = arena_alloc(c->arena, (a.n + b.n + 1) * sizeof(Term));
    if (a.n)
        memcpy(t, a.terms, a.n * sizeof(Term));
    if (b.n)
        memcpy(t + a.n, b.terms, b.n * sizeof(Term));
    return dnf_normalize(c, t, a.n + b.n);
}

Dnf dnf_or_n(CondCtx *c, const Dnf *ds, size_t n)
{
    size_t total = 0;
    for (size_t i = 0; i < n; i++)
        total += ds[i].n;
    Term *t = arena_alloc(c->arena, (total + 1) * sizeof(Term));
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (ds[i].n)
            memcpy(t + k, ds[i].terms, ds[i].n * sizeof(Term));
        k += ds[i].n;
    }
    Dnf d = dnf_normalize(c, t, total);
    if (d.n > DNF_MAX_TERMS) {
        c->overflow = true;
        return dnf_true(c);
    }
    return d;
}

Dnf dnf_and(CondCtx *c, Dnf a, Dnf b)
{
    if (a.n == 0 || b.n == 0)
        return dnf_false();
    if (a.n * b.n > DNF_MAX_TERMS) {
        c->overflow = true;
        return dnf_false();
    }
    Term *t = arena_alloc(c->arena, a.n * b.n * sizeof(Term));
    size_t k = 0;
    Atom buf[512];
    for (size_t i = 0; i < a.n; i++)
        for (size_t j = 0; j < b.n; j++) {
            size_t n = a.terms[i].n + b.terms[j].n;
            if (n > sizeof buf / sizeof buf[0]) {
                c->overflow = true;
                return dnf_false();
            }
            if (a.terms[i].n)
                memcpy(buf, a.terms[i].atoms, a.terms[i].n * sizeof(Atom));
            if (b.terms[j].n)
                memcpy(buf + a.terms[i].n, b.terms[j].atoms, b.terms[j].n * sizeof(Atom));
            if (term_simplify(c, buf, n, &t[k]))
                k++;
        }
    return dnf_normalize(c, t, k);
}

/* The negation of a comparison that is one comparison (not a mask test). */
static Atom atom_negated(const Atom *a)
{
    static const uint8_t neg[] = {[A_EQ] = A_NE, [A_NE] = A_EQ, [A_LT] = A_GE,
                                  [A_LE] = A_GT, [A_GT] = A_LE, [A_GE] = A_LT};
    Atom n = *a;
    n.op = neg[a->op];
    return n;
}

static Dnf atom_not(CondCtx *c, const Atom *a)
{
    Atom n = *a;
    switch ((AtomOp)a->op) {
    case A_EQ: n.op = A_NE; break;
    case A_NE: n.op = A_EQ; break;
    case A_LT: n.op = A_GE; break;
    case A_LE: n.op = A_GT; break;
    case A_GT: n.op = A_LE; break;
    case A_GE: n.op = A_LT; break;
    case A_MASKED_EQ: {
        /* (x & m) != v: some bit of m differs from v */
        Dnf d = dnf_false();
        for (unsigned bit = 0; bit < 64; bit++) {
            uint64_t b = 1ull << bit;
            if (!(a->mask & b))
                continue;
            Atom one = {a->arg, A_MASKED_EQ, (a->value & b) ^ b, b, a->narrow};
            d = dnf_or(c, d, dnf_atom(c, one));
        }
        return d;
    }
    }
    return dnf_atom(c, n);
}

Dnf dnf_not(CondCtx *c, Dnf a)
{
    /* not (x1 or x2 ...) for single comparisons x is one conjunction of their
     * negations: simplified once, not once per term (a syscall's covered
     * values are often hundreds of `x == v`). */
    size_t nsingle = 0;
    for (size_t i = 0; i < a.n; i++)
        nsingle += a.terms[i].n == 1 && a.terms[i].atoms[0].op != A_MASKED_EQ;
    Dnf acc = dnf_true(c);
    if (nsingle) {
        Atom *neg = malloc(nsingle * sizeof *neg);
        if (!neg)
            abort();
        size_t k = 0;
        for (size_t i = 0; i < a.n; i++)
            if (a.terms[i].n == 1 && a.terms[i].atoms[0].op != A_MASKED_EQ)
                neg[k++] = atom_negated(&a.terms[i].atoms[0]);
        Term t;
        bool sat = term_simplify(c, neg, k, &t);
        free(neg);
        if (!sat)
            return dnf_false();
        acc.terms[0] = t;
    }
    for (size_t i = 0; i < a.n && !c->overflow; i++) {
        const Term *t = &a.terms[i];
        if (t->n == 1 && t->atoms[0].op != A_MASKED_EQ)
            continue;
        Dnf neg = dnf_false();
        for (size_t j = 0; j < t->n; j++)
            neg = dnf_or(c, neg, atom_not(c, &t->atoms[j]));
        acc = dnf_and(c, acc, neg);
        if (dnf_is_false(acc))
            break;
    }
    return acc;
}

/* What a term of b leaves of the term t, added to out: t is split along the
 * atoms of the next term of b that can hold together with it (t and not a1,
 * t and a1 and not a2, ...), and each piece goes on to the terms after it.
 * A term of b that cannot meet t costs one check and multiplies nothing. */
typedef struct SharpOut {
    Term *terms;
    size_t n, cap;
} SharpOut;

static void sharp_push(CondCtx *c, SharpOut *o, Term t)
{
    if (o->n == DNF_MAX_TERMS) {
        c->overflow = true;
        return;
    }
    if (o->n == o->cap) {
        size_t cap = o->cap ? 2 * o->cap : 16;
        Term *nt = arena_alloc(c->arena, cap * sizeof *nt);
        if (o->n)
            memcpy(nt, o->terms, o->n * sizeof *nt);
        o->terms = nt, o->cap = cap;
    }
    o->terms[o->n++] = t;
}

/* t with the atoms extra[0..n) added, simplified; false when it cannot hold. */
static bool term_with(CondCtx *c, const Term *t, const Atom *extra, size_t n, Term *out)
{
    Atom *buf = malloc((t->n + n) * sizeof *buf);
    if (!buf)
        abort();
    if (t->n)
        memcpy(buf, t->atoms, t->n * sizeof *buf);
    memcpy(buf + t->n, extra, n * sizeof *buf);
    bool ok = term_simplify(c, buf, t->n + n, out);
    free(buf);
    return ok;
}

static void sharp(CondCtx *c, Term t, const Dnf *b, size_t from, SharpOut *o)
{
    size_t k = from;
    for (; k < b->n && !c->overflow; k++) {
        const Term *u = &b->terms[k];
        Atom *buf = malloc((t.n + u->n + 1) * sizeof *buf);
        if (!buf)
            abort();
        if (t.n)
            memcpy(buf, t.atoms, t.n * sizeof *buf);
        if (u->n)
            memcpy(buf + t.n, u->atoms, u->n * sizeof *buf);
        bool meets = term_simplify(c, buf, t.n + u->n, NULL);
        free(buf);
        if (meets)
            break;
    }
    if (c->overflow)
        return;
    if (k == b->n) {
        sharp_push(c, o, t);
        return;
    }
    const Term *u = &b->terms[k];
    Term prefix = t;
    for (size_t i = 0; i < u->n && !c->overflow; i++) {
        const Atom *a = &u->atoms[i];
        Dnf na = atom_not(c, a);
        for (size_t j = 0; j < na.n; j++) {
            Term piece;
            if (term_with(c, &prefix, na.terms[j].atoms, na.terms[j].n, &piece))
                sharp(c, piece, b, k + 1, o);
        }
        if (!term_with(c, &prefix, a, 1, &prefix))
            return; /* the rest of u cannot hold with t: nothing more to take away */
    }
}

Dnf dnf_and_not(CondCtx *c, Dnf a, Dnf b)
{
    SharpOut o = {0};
    for (size_t i = 0; i < a.n && !c->overflow; i++)
        sharp(c, a.terms[i], &b, 0, &o);
    if (c->overflow || o.n == 0)
        return dnf_false();
    return dnf_normalize(c, o.terms, o.n);
}

void term_arg_constraint(const Term *t, unsigned arg, ArgConstraint *out)
{
    memset(out, 0, sizeof *out);
    uint64_t lo = 0, hi = U64_MAX;
    uint64_t ne[64];
    size_t nne = 0;
    for (size_t i = 0; i < t->n; i++) {
        const Atom *a = &t->atoms[i];
        if (a->arg != arg)
            continue;
        switch ((AtomOp)a->op) {
        case A_EQ: lo = hi = a->value; break;
        case A_GE: lo = a->value; break;
        case A_LE: hi = a->value; break;
        case A_GT: lo = a->value + 1; break;
        case A_LT: hi = a->value - 1; break;
        case A_NE:
            if (nne < 64) ne[nne++] = a->value;
            else out->too_many = true;
            break;
        case A_MASKED_EQ:
            out->has_mask = true;
            out->mask = a->mask;
            out->value = a->value;
            break;
        }
    }
    qsort(ne, nne, sizeof ne[0], u64_qcmp);
    uint64_t cur = lo;
    bool done = false;
    for (size_t i = 0; i < nne && !done; i++) {
        if (ne[i] < cur || ne[i] > hi)
            continue;
        if (ne[i] > cur) {
            out->lo[out->nranges] = cur;
            out->hi[out->nranges] = ne[i] - 1;
            out->nranges++;
        }
        if (ne[i] == hi)
            done = true;
        else
            cur = ne[i] + 1;
    }
    if (!done && out->nranges < 64) {
        out->lo[out->nranges] = cur;
        out->hi[out->nranges] = hi;
        out->nranges++;
    }
}

static void put_num(StrBuf *sb, uint64_t v)
{
    if (v < 4096)
        sb_printf(sb, "%llu", (unsigned long long)v);
    else
        sb_printf(sb, "0x%llx", (unsigned long long)v);
}

void atom_format(const Atom *a, const char *argname, StrBuf *sb)
{
    static const char *const ops[] = {"==", "!=", "<", "<=", ">", ">="};
    if (a->op == A_MASKED_EQ) {
        sb_printf(sb, "%s & ", argname);
        put_num(sb, a->mask);
        sb_puts(sb, " == ");
        put_num(sb, a->value);
        return;
    }
    sb_printf(sb, "%s %s ", argname, ops[a->op]);
    put_num(sb, a->value);
}

void dnf_format(Dnf d, char *(*argname)(void *, unsigned), void *actx, StrBuf *sb)
{
    if (d.n == 0) {
        sb_puts(sb, "false");
        return;
    }
    for (size_t i = 0; i < d.n; i++) {
        const Term *t = &d.terms[i];
        if (i)
            sb_puts(sb, " or ");
        if (t->n == 0) {
            sb_puts(sb, "true");
            continue;
        }
        bool paren = d.n > 1 && t->n > 1;
        if (paren)
            sb_putc(sb, '(');
        for (size_t j = 0; j < t->n; j++) {
            if (j)
                sb_puts(sb, " and ");
            atom_format(&t->atoms[j], argname(actx, t->atoms[j].arg), sb);
        }
        if (paren)
            sb_putc(sb, ')');
    }
}

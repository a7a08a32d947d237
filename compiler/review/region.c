/* Regions of a syscall's argument space: exact feasibility and readable text. */
#include <string.h>

#include "facts/abi.h"
#include "middle/const_names.h"
#include "middle/ir.h"
#include "review/region.h"

static uint64_t arg_max(const RegionOf *r, unsigned arg)
{
    return ir_arg_bits(&r->ctx->policy, r->sys, r->arch, arg) == 32 ? 0xffffffffull : UINT64_MAX;
}

/* The smallest x >= lo with (x & mask) == value (value within mask), or
 * false. Walk lo's bits from the top while x equals lo; a fixed bit below
 * lo's forces a carry into the lowest free bit above it that is 0 in lo. */
static bool next_matching(uint64_t lo, uint64_t mask, uint64_t value, uint64_t *out)
{
    int carry_bit = -1; /* lowest free bit seen so far where lo has 0 */
    for (int bit = 63; bit >= 0; bit--) {
        uint64_t b = 1ull << bit;
        if (!(mask & b)) {
            if (!(lo & b))
                carry_bit = bit;
            continue;
        }
        if ((value & b) == (lo & b))
            continue;
        if (value & b) { /* x goes above lo here: lo's prefix, then the smallest tail */
            uint64_t above = bit == 63 ? 0 : lo & ~((b << 1) - 1);
            *out = above | b | (value & (b - 1));
            return true;
        }
        if (carry_bit < 0)
            return false;
        uint64_t c = 1ull << carry_bit;
        uint64_t above = carry_bit == 63 ? 0 : lo & ~((c << 1) - 1);
        *out = above | c | (value & (c - 1));
        return true;
    }
    *out = lo;
    return true;
}

/* One argument's constraints within one term: the smallest value meeting
 * them, or false. */
static bool arg_feasible(const RegionOf *r, const Term *t, unsigned arg, uint64_t *witness)
{
    uint64_t lo = 0, hi = arg_max(r, arg), mask = 0, value = 0;
    for (size_t i = 0; i < t->n; i++) {
        const Atom *a = &t->atoms[i];
        if (a->arg != arg)
            continue;
        switch ((AtomOp)a->op) {
        case A_EQ:
            if (a->value > lo) lo = a->value;
            if (a->value < hi) hi = a->value;
            break;
        case A_LT:
            if (a->value == 0) return false;
            if (a->value - 1 < hi) hi = a->value - 1;
            break;
        case A_LE:
            if (a->value < hi) hi = a->value;
            break;
        case A_GT:
            if (a->value == UINT64_MAX) return false;
            if (a->value + 1 > lo) lo = a->value + 1;
            break;
        case A_GE:
            if (a->value > lo) lo = a->value;
            break;
        case A_NE:
            break;
        case A_MASKED_EQ:
            if ((a->value & ~a->mask) || ((value ^ a->value) & mask & a->mask))
                return false;
            mask |= a->mask;
            value |= a->value;
            break;
        }
    }
    /* each excluded value can push the candidate up once: at most n + 1 rounds */
    for (size_t round = 0; round <= t->n; round++) {
        uint64_t x;
        if (lo > hi || !next_matching(lo, mask, value, &x) || x > hi)
            return false;
        bool excluded = false;
        for (size_t i = 0; i < t->n && !excluded; i++)
            excluded = t->atoms[i].arg == arg && t->atoms[i].op == A_NE && t->atoms[i].value == x;
        if (!excluded) {
            *witness = x;
            return true;
        }
        if (x == UINT64_MAX)
            return false;
        lo = x + 1;
    }
    return false;
}

bool region_term_witness(const RegionOf *r, const Term *t, uint64_t args[6])
{
    for (unsigned arg = 0; arg < 6; arg++) {
        bool used = false;
        args[arg] = 0;
        for (size_t i = 0; i < t->n && !used; i++)
            used = t->atoms[i].arg == arg;
        if (used && !arg_feasible(r, t, arg, &args[arg]))
            return false;
    }
    return true;
}

bool region_term_feasible(const RegionOf *r, const Term *t)
{
    uint64_t args[6];
    return region_term_witness(r, t, args);
}

Dnf region_feasible(const RegionOf *r, Arena *a, Dnf d)
{
    Dnf out = {0, d.n ? arena_alloc(a, d.n * sizeof(Term)) : NULL};
    for (size_t i = 0; i < d.n; i++)
        if (region_term_feasible(r, &d.terms[i]))
            out.terms[out.n++] = d.terms[i];
    return out;
}

/* An atom every value a call can carry satisfies: `x <= 0xffffffff` on a
 * 32-bit argument. */
static bool atom_vacuous(const RegionOf *r, const Atom *a)
{
    uint64_t max = arg_max(r, a->arg);
    return (a->op == A_LE && a->value >= max) || (a->op == A_LT && max != UINT64_MAX && a->value > max) ||
           (a->op == A_NE && a->value > max);
}

static size_t live_atoms(const RegionOf *r, const Term *t)
{
    size_t n = 0;
    for (size_t i = 0; i < t->n; i++)
        n += !atom_vacuous(r, &t->atoms[i]);
    return n;
}

bool region_is_everything(const RegionOf *r, Dnf d)
{
    for (size_t i = 0; i < d.n; i++)
        if (live_atoms(r, &d.terms[i]) == 0)
            return true;
    return false;
}

/* A value; socketcall(2)/ipc(2)'s call numbers also name the call they
 * stand for: `call == 1 (socket)`. */
static void put_value(const RegionOf *r, StrBuf *sb, unsigned arg, uint64_t v, bool paren)
{
    const_format_arg_value(&r->ctx->policy, sb, r->sys, arg, v, paren);
    const char *muxed = arg == 0 && v <= UINT32_MAX && r->sys ? muxed_call_name(r->sys, (uint32_t)v) : NULL;
    if (muxed)
        sb_printf(sb, " (%s)", muxed);
}

static const char *arg_name(const RegionOf *r, unsigned arg) { return ir_arg_name(&r->ctx->policy, r->sys, r->arch, arg); }

/* The order atoms of one argument are written in: equality, lower bound,
 * upper bound, mask (exclusions come last, as one list). */
static int atom_rank(const Atom *a)
{
    switch ((AtomOp)a->op) {
    case A_EQ: return 0;
    case A_GT:
    case A_GE: return 1;
    case A_LT:
    case A_LE: return 2;
    case A_MASKED_EQ: return 3;
    default: return 4;
    }
}

/* One term: per argument, its equality, bounds (as numbers: a constant name
 * on a bound reads as if only that value were meant), mask, and exclusions
 * (two or more as `not in {...}`). */
static void format_term(const RegionOf *r, const Term *t, StrBuf *sb)
{
    static const char *const OPS[] = {"==", "!=", "<", "<=", ">", ">="};
    bool first = true;
    for (unsigned arg = 0; arg < 6; arg++) {
        for (int rank = 0; rank < 4; rank++)
            for (size_t i = 0; i < t->n; i++) {
                const Atom *a = &t->atoms[i];
                if (a->arg != arg || atom_vacuous(r, a) || atom_rank(a) != rank)
                    continue;
                sb_puts(sb, first ? "" : " and ");
                first = false;
                if (a->op == A_MASKED_EQ) {
                    sb_printf(sb, "%s & ", arg_name(r, arg));
                    put_value(r, sb, arg, a->mask, true);
                    sb_puts(sb, " == ");
                    put_value(r, sb, arg, a->value, true);
                } else if (a->op == A_EQ) {
                    sb_printf(sb, "%s == ", arg_name(r, arg));
                    put_value(r, sb, arg, a->value, false);
                } else {
                    sb_printf(sb, "%s %s ", arg_name(r, arg), OPS[a->op]);
                    const_format_arg_value(&r->ctx->policy, sb, NULL, arg, a->value, false);
                }
            }
        size_t nne = 0;
        for (size_t i = 0; i < t->n; i++)
            nne += t->atoms[i].arg == arg && t->atoms[i].op == A_NE && !atom_vacuous(r, &t->atoms[i]);
        if (!nne)
            continue;
        sb_puts(sb, first ? "" : " and ");
        first = false;
        sb_printf(sb, nne == 1 ? "%s != " : "%s not in {", arg_name(r, arg));
        size_t k = 0;
        for (size_t i = 0; i < t->n; i++) {
            const Atom *a = &t->atoms[i];
            if (a->arg == arg && a->op == A_NE && !atom_vacuous(r, a)) {
                sb_puts(sb, k++ ? ", " : "");
                put_value(r, sb, arg, a->value, false);
            }
        }
        if (nne > 1)
            sb_putc(sb, '}');
    }
    if (first)
        sb_puts(sb, "true");
}

/* The argument every term tests with one equality and nothing else, or -1. */
static int single_eq_arg(const RegionOf *r, Dnf d)
{
    int arg = -1;
    for (size_t i = 0; i < d.n; i++) {
        const Term *t = &d.terms[i];
        if (live_atoms(r, t) != 1)
            return -1;
        const Atom *a = NULL;
        for (size_t k = 0; k < t->n && !a; k++)
            if (!atom_vacuous(r, &t->atoms[k]))
                a = &t->atoms[k];
        if (a->op != A_EQ || (arg >= 0 && a->arg != arg))
            return -1;
        arg = a->arg;
    }
    return arg;
}

void region_format(const RegionOf *r, Dnf d, StrBuf *sb)
{
    if (d.n == 0) {
        sb_puts(sb, "false");
        return;
    }
    if (region_is_everything(r, d)) {
        sb_puts(sb, "true");
        return;
    }
    int arg = d.n > 1 ? single_eq_arg(r, d) : -1;
    if (arg >= 0) {
        sb_printf(sb, "%s in {", arg_name(r, (unsigned)arg));
        for (size_t i = 0; i < d.n; i++) {
            const Term *t = &d.terms[i];
            for (size_t k = 0; k < t->n; k++)
                if (t->atoms[k].op == A_EQ) {
                    sb_puts(sb, i ? ", " : "");
                    put_value(r, sb, (unsigned)arg, t->atoms[k].value, false);
                }
        }
        sb_putc(sb, '}');
        return;
    }
    for (size_t i = 0; i < d.n; i++) {
        bool paren = d.n > 1 && live_atoms(r, &d.terms[i]) > 1;
        sb_puts(sb, i ? " or " : "");
        sb_puts(sb, paren ? "(" : "");
        format_term(r, &d.terms[i], sb);
        sb_puts(sb, paren ? ")" : "");
    }
}

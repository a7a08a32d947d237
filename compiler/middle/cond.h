/* Argument conditions in disjunctive normal form over atomic comparisons of
 * the 64-bit syscall arguments (as the kernel presents them in seccomp_data).
 * Every back end reads conditions in this form. */
#ifndef POLC_COND_H
#define POLC_COND_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"

typedef enum AtomOp { A_EQ, A_NE, A_LT, A_LE, A_GT, A_GE, A_MASKED_EQ } AtomOp;

typedef struct Atom {
    uint8_t arg; /* 0..5 */
    uint8_t op;  /* AtomOp */
    uint64_t value;
    uint64_t mask; /* A_MASKED_EQ: (arg & mask) == value */
    bool narrow;   /* the argument is compared on its low 32 bits (a 32-bit
                      argument, or any argument of a 32-bit ABI): a bound
                      above 0xffffffff can never be reached */
} Atom;

typedef struct Term { /* conjunction; no atoms = true */
    size_t n;
    Atom *atoms; /* canonical: sorted, simplified */
} Term;

typedef struct Dnf { /* disjunction; no terms = false */
    size_t n;
    Term *terms;
} Dnf;

#define DNF_MAX_TERMS 4096

typedef struct CondCtx {
    Arena *arena;
    bool overflow; /* a result would exceed DNF_MAX_TERMS terms */
} CondCtx;

Dnf dnf_false(void);
Dnf dnf_true(CondCtx *c);
Dnf dnf_atom(CondCtx *c, Atom a);
Dnf dnf_or(CondCtx *c, Dnf a, Dnf b);
/* The disjunction of n conditions at once: one sort instead of n (a
 * syscall's allow list of hundreds of rules is one group). */
Dnf dnf_or_n(CondCtx *c, const Dnf *ds, size_t n);
Dnf dnf_and(CondCtx *c, Dnf a, Dnf b);
Dnf dnf_not(CondCtx *c, Dnf a);
/* a and not b, without negating b as a whole: per term of a, only the terms
 * of b that can hold together with it are subtracted. Exact like
 * dnf_and(a, dnf_not(b)), and far smaller when b is many terms that each
 * meet few of a's (a Docker profile's disjoint entries); the shape of the
 * result differs, so callers that pin outputs try the other form first. */
Dnf dnf_and_not(CondCtx *c, Dnf a, Dnf b);
bool dnf_is_false(Dnf d);
bool dnf_is_true(Dnf d); /* syntactically: has an empty term */
bool dnf_eq(Dnf a, Dnf b);
bool dnf_eval(Dnf d, const uint64_t args[6]);
bool atom_eval(const Atom *a, const uint64_t args[6]);
int atom_cmp(const Atom *a, const Atom *b);
int term_cmp(const Term *a, const Term *b);

/* The constraint one term puts on one argument, as a union of disjoint
 * closed intervals plus an optional mask test; used by back ends that can
 * only express some shapes. Returns false when the mask and interval parts
 * both exist (such a shape has no single-interval form). */
typedef struct ArgConstraint {
    bool has_mask;
    uint64_t mask, value;
    size_t nranges;
    uint64_t lo[64], hi[64];
    bool too_many; /* more than 64 intervals */
} ArgConstraint;
void term_arg_constraint(const Term *t, unsigned arg, ArgConstraint *out);

void dnf_format(Dnf d, char *(*argname)(void *, unsigned), void *actx, struct StrBuf *sb);
void atom_format(const Atom *a, const char *argname, struct StrBuf *sb);

#endif

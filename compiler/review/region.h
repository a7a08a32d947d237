/* Regions of one syscall's argument space, for polc diff and polc graph:
 * which argument values a Dnf really covers (as the kernel passes them) and
 * how to say it readably, `domain in {AF_INET, AF_INET6}`. */
#ifndef POLC_REVIEW_REGION_H
#define POLC_REVIEW_REGION_H
#include <stdbool.h>

#include "compile.h"
#include "middle/cond.h"

/* The syscall whose arguments a region talks about. */
typedef struct RegionOf {
    const polc_ctx *ctx; /* argument names, widths and constants */
    const char *sys;
    ArchId arch;
} RegionOf;

/* Whether some argument vector satisfies the term. cond.c keeps terms
 * canonical but does not decide every mix of interval, mask and exclusions
 * (5 <= x <= 6 and x & 0xf0 == 0x10); this does, and it knows that a 32-bit
 * argument (ir_arg_bits) never exceeds 0xffffffff. */
bool region_term_feasible(const RegionOf *r, const Term *t);
/* The same, with the argument vector it finds (each argument the smallest
 * value its constraints allow; untested arguments 0). */
bool region_term_witness(const RegionOf *r, const Term *t, uint64_t args[6]);
/* d without its infeasible terms. */
Dnf region_feasible(const RegionOf *r, Arena *a, Dnf d);
/* Every argument vector: some term constrains nothing a call can carry. */
bool region_is_everything(const RegionOf *r, Dnf d);
/* Readable text of a feasible Dnf: argument names from signatures.tbl,
 * values as constants, `in {...}` / `not in {...}` for value lists, and no
 * bounds a 32-bit argument always meets. */
void region_format(const RegionOf *r, Dnf d, StrBuf *sb);

#endif

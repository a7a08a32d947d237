/* Optimize stage. Conditions arrive folded (cond.c keeps every term in
 * canonical form and drops contradictions); here decisions are merged:
 * cases that do what the default does are dropped, capabilities a decision
 * does not depend on are removed, and syscalls left with nothing to decide
 * leave the IR. */
#include <stdlib.h>
#include <string.h>

#include "compile.h"
#include "middle/ir.h"

/* The cases that do what the default does leave the decision; those of
 * rules stay behind it as `folded` (the same array, past the kept cases). */
static void drop_default_cases(IrDecision *d, Action dflt)
{
    size_t n = d->cases.len, k = 0, f = 0;
    IrCase *tail = malloc((n ? n : 1) * sizeof *tail);
    if (!tail)
        abort();
    for (size_t i = 0; i < n; i++) {
        IrCase c = d->cases.items[i];
        if (!action_eq(c.action, dflt) && !dnf_is_false(c.cond))
            d->cases.items[k++] = c;
        else if (!dnf_is_false(c.cond) && c.rules.len)
            tail[f++] = c;
    }
    if (f)
        memcpy(d->cases.items + k, tail, f * sizeof *tail);
    free(tail);
    d->cases.len = k;
    d->folded.items = f ? d->cases.items + k : NULL;
    d->folded.len = d->folded.cap = f;
}

/* Removes capability bit `b` when flipping it never changes the decision. */
static bool drop_cap(IrSyscall *s, int b)
{
    unsigned n = 1u << s->ncaps;
    for (unsigned i = 0; i < n; i++)
        if (!ir_decision_eq(&s->scenarios[i], &s->scenarios[i ^ (1u << b)]))
            return false;
    unsigned k = 0;
    for (unsigned i = 0; i < n; i++) {
        if (i & (1u << b))
            continue;
        /* compact the index: remove bit b */
        unsigned low = i & ((1u << b) - 1), high = (i >> (b + 1)) << b;
        s->scenarios[high | low] = s->scenarios[i];
        k++;
    }
    for (int c = b; c + 1 < s->ncaps; c++)
        s->caps[c] = s->caps[c + 1];
    s->ncaps--;
    return true;
}

void optimize_ir(polc_ctx *ctx) { optimize_ir_decisions(ctx->policy.ir); }

void optimize_ir_decisions(Ir *ir)
{
    for (size_t a = 0; a < ir->arches.len; a++) {
        IrArch *ia = &ir->arches.items[a];
        size_t n = ia->syscalls.len, keep = 0, gone = 0;
        IrSyscall *folded = malloc((n ? n : 1) * sizeof *folded);
        if (!folded)
            abort();
        for (size_t i = 0; i < n; i++) {
            IrSyscall *s = &ia->syscalls.items[i];
            for (unsigned sc = 0; sc < (1u << s->ncaps); sc++)
                drop_default_cases(&s->scenarios[sc], ir->default_action);
            for (int b = s->ncaps - 1; b >= 0; b--)
                drop_cap(s, b);
            bool any = false, blame = false;
            for (unsigned sc = 0; sc < (1u << s->ncaps); sc++) {
                any |= s->scenarios[sc].cases.len > 0;
                blame |= s->scenarios[sc].folded.len > 0;
            }
            if (any)
                ia->syscalls.items[keep++] = *s;
            else if (blame)
                folded[gone++] = *s;
        }
        /* the removed syscalls with folded cases go past the kept ones */
        if (gone)
            memcpy(ia->syscalls.items + keep, folded, gone * sizeof *folded);
        free(folded);
        ia->syscalls.len = keep;
        ia->folded.items = gone ? ia->syscalls.items + keep : NULL;
        ia->folded.len = ia->folded.cap = gone;
    }
}

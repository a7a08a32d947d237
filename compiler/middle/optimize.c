/* Optimize stage. Conditions arrive folded (cond.c keeps every term in
 * canonical form and drops contradictions); here decisions are merged:
 * cases that do what the default does are dropped, capabilities a decision
 * does not depend on are removed, and syscalls left with nothing to decide
 * leave the IR. */
#include <string.h>

#include "compile.h"
#include "middle/ir.h"

static void drop_default_cases(IrDecision *d, Action dflt)
{
    size_t k = 0;
    for (size_t i = 0; i < d->cases.len; i++)
        if (!action_eq(d->cases.items[i].action, dflt) && !dnf_is_false(d->cases.items[i].cond))
            d->cases.items[k++] = d->cases.items[i];
    d->cases.len = k;
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
        size_t keep = 0;
        for (size_t i = 0; i < ia->syscalls.len; i++) {
            IrSyscall *s = &ia->syscalls.items[i];
            for (unsigned sc = 0; sc < (1u << s->ncaps); sc++)
                drop_default_cases(&s->scenarios[sc], ir->default_action);
            for (int b = s->ncaps - 1; b >= 0; b--)
                drop_cap(s, b);
            bool any = false;
            for (unsigned sc = 0; sc < (1u << s->ncaps) && !any; sc++)
                any = s->scenarios[sc].cases.len > 0;
            if (any)
                ia->syscalls.items[keep++] = *s;
        }
        ia->syscalls.len = keep;
    }
}

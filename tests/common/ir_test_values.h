/* The values around every constant a lowered policy's conditions compare
 * with, for tests that run the IR against a program: the value and its
 * neighbours, and for a mask test the mask, mask | value, the value with the
 * mask's lowest bit flipped and ~mask. `also`, when given, adds more values
 * for each comparison. */
#ifndef POLC_IR_TEST_VALUES_H
#define POLC_IR_TEST_VALUES_H

#include "middle/ir.h"
#include "test_values.h"

static inline void test_values_add_ir(TestValues *vs, const Ir *ir, void (*also)(TestValues *, const Atom *))
{
    for (size_t a = 0; a < ir->arches.len; a++) {
        const IrArch *ia = &ir->arches.items[a];
        for (size_t s = 0; s < ia->syscalls.len; s++) {
            const IrSyscall *sc = &ia->syscalls.items[s];
            for (unsigned k = 0; k < (1u << sc->ncaps); k++)
                for (size_t c = 0; c < sc->scenarios[k].cases.len; c++) {
                    Dnf d = sc->scenarios[k].cases.items[c].cond;
                    for (size_t t = 0; t < d.n; t++)
                        for (size_t x = 0; x < d.terms[t].n; x++) {
                            const Atom *at = &d.terms[t].atoms[x];
                            test_values_add(vs, at->value);
                            test_values_add(vs, at->value + 1);
                            test_values_add(vs, at->value - 1);
                            if (also)
                                also(vs, at);
                            if (at->op == A_MASKED_EQ) {
                                test_values_add(vs, at->mask);
                                test_values_add(vs, at->mask | at->value);
                                test_values_add(vs, at->value ^ (at->mask & (0 - at->mask)));
                                test_values_add(vs, ~at->mask);
                            }
                        }
                }
        }
    }
}

#endif

/* The argument values a test tries on each syscall: boundaries and the
 * constants a policy names, duplicates dropped, insertion order kept, at
 * most `cap` of them (each test bounds its own running time). */
#ifndef POLC_TEST_VALUES_H
#define POLC_TEST_VALUES_H

#include <stddef.h>
#include <stdint.h>

#define TEST_VALUES_MAX 256

typedef struct TestValues {
    uint64_t v[TEST_VALUES_MAX];
    size_t n, cap;
} TestValues;

#define TEST_VALUES(cap_) ((TestValues){.n = 0, .cap = (cap_) < TEST_VALUES_MAX ? (cap_) : TEST_VALUES_MAX})

static inline void test_values_add(TestValues *vs, uint64_t v)
{
    for (size_t i = 0; i < vs->n; i++)
        if (vs->v[i] == v)
            return;
    if (vs->n < vs->cap)
        vs->v[vs->n++] = v;
}

#endif

/* The table-driven C tests' one assertion: CHECK(cond, printf-args) counts
 * the check and, when cond is false, the failure, printing where and why.
 * A test ends with `return failures ? 1 : 0` after reporting `checks`. */
#ifndef POLC_TESTS_TEST_CHECK_H
#define POLC_TESTS_TEST_CHECK_H
#include <stdio.h>

static int failures, checks;

#define CHECK(cond, ...)                                                                           \
    do {                                                                                           \
        checks++;                                                                                  \
        if (!(cond)) {                                                                             \
            failures++;                                                                            \
            fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__);                                   \
            fprintf(stderr, __VA_ARGS__);                                                          \
            fputc('\n', stderr);                                                                   \
        }                                                                                          \
    } while (0)

#endif

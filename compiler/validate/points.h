/* The decision points translation validation runs an artifact on. */
#ifndef POLC_VALIDATE_POINTS_H
#define POLC_VALIDATE_POINTS_H
#include <stddef.h>
#include <stdint.h>

#include "backend/backend.h"
#include "middle/ir.h"

typedef struct ArgVectors {
    size_t n, cap;
    uint64_t (*v)[6]; /* malloc'd; arg_vectors_free */
} ArgVectors;

/* The syscall numbers to try on arch (as seccomp_data.nr: x32 numbers carry
 * the x32 bit); malloc'd, *n set. */
uint32_t *points_numbers(const BackendRun *run, ArchId arch, size_t *n);
/* Argument vectors for one syscall (s NULL: a syscall the IR does not
 * decide, where arguments cannot matter: zeros and all ones). For a decided
 * one: per argument its cases test, the values around every constant they
 * compare it with (and, for a 32-bit argument on a 64-bit ABI, the same
 * low halves under a dirty high half), combined as a cross product, or pair
 * by pair when that would exceed POINTS_MAX_CROSS vectors. */
void points_vectors(const BackendRun *run, ArchId arch, const IrSyscall *s, ArgVectors *out);
void arg_vectors_free(ArgVectors *v);

#define POINTS_MAX_CROSS 4096

/* Capability sets that together show every scenario of every decided
 * syscall: for each syscall and each subset of its capabilities, some set
 * holds exactly that subset of them. Returns the number of sets (<= max),
 * 0 when max sets cannot cover them. */
size_t points_cap_sets(const BackendRun *run, uint64_t *sets, size_t max);

#endif

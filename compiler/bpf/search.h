/* The number dispatch of a seccomp program: given ranges of syscall numbers
 * with one leaf each, emit the comparison tree that minimises the weighted
 * mean number of instructions a lookup executes.
 *
 * Every node is a constant jump on the number in A (jge, or jeq on a range of
 * one number), so the kernel's action cache sees through it. */
#ifndef POLC_BPF_SEARCH_H
#define POLC_BPF_SEARCH_H
#include <stddef.h>
#include <stdint.h>

#include "bpf/asm.h"

typedef struct SearchRange {
    uint32_t start;  /* the range runs up to the next one's start (the last to 2^32) */
    uint64_t weight; /* how often its numbers are looked up; > 0 for search_emit */
    int leaf;        /* label of its decision; neighbours have different leaves */
} SearchRange;

/* Emits the search for r[0..n) (n >= 1, sorted, r[0] the lowest number that
 * can arrive) at the current position when it needs code, and returns the
 * label to enter it by: a leaf's own label when n == 1. */
int search_emit(BpfAsm *a, const SearchRange *r, size_t n);

/* The least weighted cost (the sum over ranges of weight x jumps executed to
 * reach its leaf) of any tree search_emit's planner can build for r[0..n),
 * every split point tried. Weights may be 0. For lower bounds (bench/). */
uint64_t search_min_cost(const SearchRange *r, size_t n);

/* The same two with the planner's plain split loop instead of its packed
 * one (search.c): the reference tests/bpf/test_search_same compares them
 * with. Same results, slower. */
int search_emit_plain(BpfAsm *a, const SearchRange *r, size_t n);
uint64_t search_min_cost_plain(const SearchRange *r, size_t n);

/* A search of exactly n - 1 `jge`s (a balanced tree, no planning), entered
 * as search_emit's. No tree search_emit builds has more nodes (each node
 * adds a part and there are at most n), so a program made with this one has
 * at least as many instructions before trampolines as the planned one: what
 * `polc --check` needs to know that the planned program fits. */
int search_emit_balanced(BpfAsm *a, const SearchRange *r, size_t n);

#endif

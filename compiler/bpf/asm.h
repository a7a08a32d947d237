/* A classic-BPF assembler for seccomp programs: instructions refer to labels;
 * resolution places every label, turns conditional jumps that would exceed
 * 255 instructions into jumps to JA trampolines, and yields struct sock_filter. */
#ifndef POLC_BPF_ASM_H
#define POLC_BPF_ASM_H
#include <linux/filter.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"

#define BPF_NEXT (-1) /* jump target: the next instruction */

typedef struct BpfInsn {
    uint16_t code;
    uint32_t k;
    int jt, jf;          /* labels (or BPF_NEXT) for conditional jumps; jt for JA */
    const char *comment; /* shown in listings */
    int rule;            /* rule id the instruction serves, -1 none */
} BpfInsn;

typedef struct BpfAsm {
    Arena *arena;
    VEC(BpfInsn) insns;
    VEC(int) label_at;  /* label -> instruction index, -1 until placed */
    VEC(const char *) label_name;
    int cur_rule;
} BpfAsm;

void bpfasm_init(BpfAsm *a, Arena *arena);
int bpfasm_label(BpfAsm *a, const char *name);       /* a new, unplaced label */
void bpfasm_place(BpfAsm *a, int label);             /* at the next instruction */
void bpfasm_stmt(BpfAsm *a, uint16_t code, uint32_t k, const char *comment);
void bpfasm_jump(BpfAsm *a, uint16_t code, uint32_t k, int jt, int jf, const char *comment);
void bpfasm_ja(BpfAsm *a, int label, const char *comment);

/* Resolves labels; false if a jump goes backwards (a bug). The result keeps
 * per-instruction comments, rule ids and the labels placed at each index. */
typedef struct BpfProgram {
    struct sock_filter *insns;
    size_t len;
    const char **comments;
    int *rules;
    const char **labels; /* label name at that index, or NULL */
} BpfProgram;
bool bpfasm_resolve(BpfAsm *a, BpfProgram *out);

#endif

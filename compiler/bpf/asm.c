#include "asm.h"

#include <string.h>

void bpfasm_init(BpfAsm *a, Arena *arena)
{
    memset(a, 0, sizeof *a);
    a->arena = arena;
    a->cur_rule = -1;
}

int bpfasm_label(BpfAsm *a, const char *name)
{
    VEC_PUSH(a->arena, a->label_at, -1);
    VEC_PUSH(a->arena, a->label_name, name);
    return (int)a->label_at.len - 1;
}

void bpfasm_place(BpfAsm *a, int label) { a->label_at.items[label] = (int)a->insns.len; }

static void push(BpfAsm *a, uint16_t code, uint32_t k, int jt, int jf, const char *comment)
{
    BpfInsn in = {code, k, jt, jf, comment, a->cur_rule};
    VEC_PUSH(a->arena, a->insns, in);
}

void bpfasm_stmt(BpfAsm *a, uint16_t code, uint32_t k, const char *comment)
{
    push(a, code, k, BPF_NEXT, BPF_NEXT, comment);
}

void bpfasm_jump(BpfAsm *a, uint16_t code, uint32_t k, int jt, int jf, const char *comment)
{
    push(a, code, k, jt, jf, comment);
}

void bpfasm_ja(BpfAsm *a, int label, const char *comment) { push(a, BPF_JMP | BPF_JA, 0, label, BPF_NEXT, comment); }

static bool is_cond(uint16_t code)
{
    return BPF_CLASS(code) == BPF_JMP && BPF_OP(code) != BPF_JA;
}

/* Index of a label's instruction after `pos` insertions before it. */
static long target(const BpfAsm *a, int label, long self)
{
    return label == BPF_NEXT ? self + 1 : a->label_at.items[label];
}

/* Inserts an instruction at index `at`, moving labels placed at or after it
 * (except those at exactly `at` when keep_label_at is set). */
static void insert(BpfAsm *a, size_t at, BpfInsn in)
{
    VEC_PUSH(a->arena, a->insns, in);
    memmove(&a->insns.items[at + 1], &a->insns.items[at], (a->insns.len - 1 - at) * sizeof(BpfInsn));
    a->insns.items[at] = in;
    for (size_t l = 0; l < a->label_at.len; l++)
        if (a->label_at.items[l] > (int)at || (a->label_at.items[l] == (int)at && at > 0))
            a->label_at.items[l]++;
}

bool bpfasm_resolve(BpfAsm *a, BpfProgram *out)
{
    /* labels not placed point nowhere: a bug */
    for (size_t l = 0; l < a->label_at.len; l++)
        if (a->label_at.items[l] < 0) {
            bool used = false;
            for (size_t i = 0; i < a->insns.len && !used; i++)
                used = a->insns.items[i].jt == (int)l || a->insns.items[i].jf == (int)l;
            if (used)
                return false;
        }
    /* trampolines until every conditional offset fits in 8 bits */
    for (bool changed = true; changed;) {
        changed = false;
        for (size_t i = 0; i < a->insns.len; i++) {
            BpfInsn *in = &a->insns.items[i];
            if (!is_cond(in->code))
                continue;
            long t = target(a, in->jt, (long)i), f = target(a, in->jf, (long)i);
            if (t <= (long)i || f <= (long)i)
                return false;
            bool far_t = t - (long)i - 1 > 255, far_f = f - (long)i - 1 > 255;
            if (!far_t && !far_f)
                continue;
            /* JA trampolines right after the jump: [ja t] [ja f]. "next"
             * must first become a real label, or it would mean the trampoline. */
            if (in->jt == BPF_NEXT || in->jf == BPF_NEXT) {
                int nl = bpfasm_label(a, NULL);
                a->label_at.items[nl] = (int)i + 1;
                in = &a->insns.items[i];
                if (in->jt == BPF_NEXT)
                    in->jt = nl;
                if (in->jf == BPF_NEXT)
                    in->jf = nl;
            }
            int lt = in->jt, lf = in->jf;
            int rule = in->rule;
            size_t at = i + 1;
            if (far_f) {
                int tramp = bpfasm_label(a, NULL);
                BpfInsn ja = {BPF_JMP | BPF_JA, 0, lf, BPF_NEXT, "trampoline", rule};
                insert(a, at, ja);
                a->label_at.items[tramp] = (int)at;
                a->insns.items[i].jf = tramp;
            }
            if (far_t) {
                int tramp = bpfasm_label(a, NULL);
                BpfInsn ja = {BPF_JMP | BPF_JA, 0, lt, BPF_NEXT, "trampoline", rule};
                insert(a, at, ja);
                a->label_at.items[tramp] = (int)at;
                a->insns.items[i].jt = tramp;
                /* the false trampoline (if any) moved one down with insert() */
            }
            changed = true;
            break;
        }
    }
    size_t n = a->insns.len;
    out->len = n;
    out->insns = arena_alloc(a->arena, (n ? n : 1) * sizeof *out->insns);
    out->comments = arena_alloc(a->arena, (n ? n : 1) * sizeof *out->comments);
    out->rules = arena_alloc(a->arena, (n ? n : 1) * sizeof *out->rules);
    out->labels = arena_alloc(a->arena, (n ? n : 1) * sizeof *out->labels);
    for (size_t l = 0; l < a->label_at.len; l++) {
        int at = a->label_at.items[l];
        if (at >= 0 && (size_t)at < n && a->label_name.items[l] && !out->labels[at])
            out->labels[at] = a->label_name.items[l];
    }
    for (size_t i = 0; i < n; i++) {
        const BpfInsn *in = &a->insns.items[i];
        struct sock_filter *f = &out->insns[i];
        f->code = in->code;
        f->k = in->k;
        f->jt = f->jf = 0;
        if (BPF_CLASS(in->code) == BPF_JMP) {
            long t = target(a, in->jt, (long)i);
            if (BPF_OP(in->code) == BPF_JA) {
                if (t <= (long)i)
                    return false;
                f->k = (uint32_t)(t - (long)i - 1);
            } else {
                long fl = target(a, in->jf, (long)i);
                f->jt = (uint8_t)(t - (long)i - 1);
                f->jf = (uint8_t)(fl - (long)i - 1);
            }
        }
        out->comments[i] = in->comment;
        out->rules[i] = in->rule;
    }
    return true;
}

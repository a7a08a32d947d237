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

/* One pass of trampolines: every conditional jump whose offset does not fit
 * in 8 bits gets JA trampolines right after it ([ja t] [ja f]), all at once,
 * in time linear in the program (one insertion at a time and a rescan from
 * the start was quadratic: 100k generated rules spent minutes here). Labels
 * placed after a jump move down by the trampolines inserted before them.
 * Returns -1 on a backward jump (a bug), else the number inserted. */
static long trampoline_pass(BpfAsm *a)
{
    size_t n = a->insns.len;
    /* far[i]: bit 0 the true branch, bit 1 the false branch needs one */
    unsigned char *far = arena_alloc(a->arena, n ? n : 1);
    size_t added = 0;
    for (size_t i = 0; i < n; i++) {
        BpfInsn *in = &a->insns.items[i];
        if (!is_cond(in->code))
            continue;
        long t = target(a, in->jt, (long)i), f = target(a, in->jf, (long)i);
        if (t <= (long)i || f <= (long)i)
            return -1;
        far[i] = (unsigned char)((t - (long)i - 1 > 255) | (f - (long)i - 1 > 255) << 1);
        added += (far[i] & 1) + (far[i] >> 1);
    }
    if (!added)
        return 0;
    /* "next" of a jump that gets trampolines must first become a real label,
     * or it would mean the trampoline */
    for (size_t i = 0; i < n; i++) {
        BpfInsn *in = &a->insns.items[i];
        if (!far[i] || (in->jt != BPF_NEXT && in->jf != BPF_NEXT))
            continue;
        int nl = bpfasm_label(a, NULL);
        a->label_at.items[nl] = (int)i + 1;
        in = &a->insns.items[i];
        if (in->jt == BPF_NEXT)
            in->jt = nl;
        if (in->jf == BPF_NEXT)
            in->jf = nl;
    }
    /* shift[p]: trampolines inserted before original index p */
    size_t *shift = arena_alloc(a->arena, (n + 1) * sizeof *shift);
    for (size_t i = 0; i < n; i++)
        shift[i + 1] = shift[i] + (far[i] & 1) + (far[i] >> 1);
    BpfInsn *out = arena_alloc(a->arena, (n + added) * sizeof *out);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        BpfInsn in = a->insns.items[i];
        size_t at = k + 1;
        if (far[i] & 1) {
            int tramp = bpfasm_label(a, NULL);
            out[at++] = (BpfInsn){BPF_JMP | BPF_JA, 0, in.jt, BPF_NEXT, "trampoline", in.rule};
            a->label_at.items[tramp] = -2 - (int)(at - 1); /* final index, not to be shifted */
            in.jt = tramp;
        }
        if (far[i] & 2) {
            int tramp = bpfasm_label(a, NULL);
            out[at++] = (BpfInsn){BPF_JMP | BPF_JA, 0, in.jf, BPF_NEXT, "trampoline", in.rule};
            a->label_at.items[tramp] = -2 - (int)(at - 1);
            in.jf = tramp;
        }
        out[k] = in;
        k = at;
    }
    for (size_t l = 0; l < a->label_at.len; l++) {
        int at = a->label_at.items[l];
        if (at <= -2)
            a->label_at.items[l] = -2 - at;
        else if (at >= 0)
            a->label_at.items[l] = at + (int)shift[(size_t)at <= n ? (size_t)at : n];
    }
    a->insns.items = out;
    a->insns.len = a->insns.cap = n + added;
    return (long)added;
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
    /* trampolines until every conditional offset fits in 8 bits: an
     * insertion can push an earlier jump's target out of reach */
    for (long added = 1; added > 0;) {
        added = trampoline_pass(a);
        if (added < 0)
            return false;
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

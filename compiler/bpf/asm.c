#include "bpf/asm.h"

#include <stdlib.h>
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

typedef struct Tramp {
    size_t q;    /* inserted before original instruction q */
    int target;  /* label the trampoline jumps to */
    size_t from; /* the far jump */
    int branch;  /* 0: its true branch, 1: its false branch */
} Tramp;

static int tramp_cmp(const void *x, const void *y)
{
    const Tramp *a = x, *b = y;
    if (a->q != b->q)
        return a->q < b->q ? -1 : 1;
    if (a->target != b->target)
        return a->target < b->target ? -1 : 1;
    if (a->from != b->from)
        return a->from < b->from ? -1 : 1;
    return a->branch - b->branch;
}

/* Nothing falls from instruction k into k + 1 once its "next" branches are
 * labels: a jump or a `ret`. */
static bool ends_flow(uint16_t code)
{
    return BPF_CLASS(code) == BPF_RET || BPF_CLASS(code) == BPF_JMP;
}

static void next_to_label(BpfAsm *a, size_t k)
{
    BpfInsn *in = &a->insns.items[k];
    if (!is_cond(in->code) || (in->jt != BPF_NEXT && in->jf != BPF_NEXT))
        return;
    int nl = bpfasm_label(a, NULL);
    a->label_at.items[nl] = (int)k + 1;
    in = &a->insns.items[k];
    if (in->jt == BPF_NEXT)
        in->jt = nl;
    if (in->jf == BPF_NEXT)
        in->jf = nl;
}

/* Where a far branch of jump i gets its trampoline. Sharing: at the first
 * point from the end of i's 64-instruction window on where nothing falls
 * through (after a jump or a `ret`), so the far branches of a window (a run
 * of `jeq` to one far `ret`) share one trampoline per target; else right
 * after the jump. */
#define SHARE_WINDOW 64
#define SHARE_REACH 128
static size_t tramp_point(BpfAsm *a, size_t i, bool share)
{
    size_t n = a->insns.len;
    for (size_t q = (i / SHARE_WINDOW + 1) * SHARE_WINDOW; share && q <= n && q <= i + 1 + SHARE_REACH; q++)
        if (ends_flow(a->insns.items[q - 1].code)) {
            next_to_label(a, q - 1);
            return q;
        }
    return i + 1;
}

/* One pass of trampolines: every conditional jump whose offset does not fit
 * in 8 bits gets a JA trampoline for each far branch, all at once, in time
 * linear in the program (one insertion at a time and a rescan from the
 * start was quadratic: 100k generated rules spent minutes here). Trampolines
 * to one target at one point are shared; if sharing would put a trampoline
 * out of its jump's reach, the pass places each right after its jump
 * ([ja t] [ja f]). Labels at or after an insertion point move down by the
 * trampolines inserted there. Returns -1 on a backward jump (a bug), else
 * the number inserted. */
static long trampoline_pass(BpfAsm *a, bool share)
{
    size_t n = a->insns.len;
    /* scratch on the heap: a large program takes a few passes */
    Tramp *plan = malloc((2 * n + 1) * sizeof *plan);
    if (!plan)
        abort();
    size_t nplan = 0;
    for (size_t i = 0; i < n; i++) {
        BpfInsn *in = &a->insns.items[i];
        if (!is_cond(in->code))
            continue;
        long t = target(a, in->jt, (long)i), f = target(a, in->jf, (long)i);
        if (t <= (long)i || f <= (long)i) {
            free(plan);
            return -1;
        }
        bool far_t = t - (long)i - 1 > 255, far_f = f - (long)i - 1 > 255;
        if (!far_t && !far_f)
            continue;
        /* "next" of a jump that gets trampolines must first become a real
         * label, or it would mean the trampoline */
        next_to_label(a, i);
        size_t q = tramp_point(a, i, share);
        in = &a->insns.items[i];
        if (far_t)
            plan[nplan++] = (Tramp){q, in->jt, i, 0};
        if (far_f)
            plan[nplan++] = (Tramp){q, in->jf, i, 1};
    }
    if (!nplan) {
        free(plan);
        return 0;
    }
    qsort(plan, nplan, sizeof *plan, tramp_cmp);
    /* one trampoline per (point, target); before[p]: trampolines at points <= p */
    size_t *before = calloc(n + 1, sizeof *before);
    size_t *slot = malloc(nplan * sizeof *slot); /* final index of each entry's trampoline */
    if (!before || !slot)
        abort();
    size_t added = 0;
    for (size_t e = 0; e < nplan; e++) {
        bool fresh = e == 0 || plan[e].q != plan[e - 1].q || plan[e].target != plan[e - 1].target;
        if (fresh)
            before[plan[e].q]++, added++;
    }
    for (size_t p = 1; p <= n; p++)
        before[p] += before[p - 1];
    for (size_t e = 0, k = 0; e < nplan; e++) {
        if (e > 0 && plan[e].q != plan[e - 1].q)
            k = 0;
        else if (e > 0 && plan[e].target != plan[e - 1].target)
            k++;
        slot[e] = plan[e].q + before[plan[e].q - 1] + k;
    }
    bool reach = true;
    for (size_t e = 0; share && e < nplan && reach; e++)
        reach = slot[e] - (plan[e].from + before[plan[e].from]) - 1 <= 255;
    free(slot);
    if (!reach) { /* a shared one would be out of reach */
        free(plan);
        free(before);
        return trampoline_pass(a, false);
    }
    BpfInsn *out = arena_alloc(a->arena, (n + added) * sizeof *out);
    size_t e = 0;
    for (size_t i = 0, k = 0; i <= n; i++) {
        for (; e < nplan && plan[e].q == i; e++) {
            bool fresh = e == 0 || plan[e].q != plan[e - 1].q || plan[e].target != plan[e - 1].target;
            int label;
            if (fresh) {
                label = bpfasm_label(a, NULL);
                a->label_at.items[label] = -2 - (int)k; /* a final index, not to be shifted */
                out[k++] = (BpfInsn){BPF_JMP | BPF_JA, 0, plan[e].target, BPF_NEXT, "trampoline",
                                     a->insns.items[plan[e].from].rule};
            } else {
                label = (int)a->label_at.len - 1;
            }
            BpfInsn *from = &a->insns.items[plan[e].from];
            if (plan[e].branch == 0)
                from->jt = label;
            else
                from->jf = label;
        }
        if (i < n)
            out[k++] = a->insns.items[i];
    }
    /* the jumps were copied before their trampolines were known: copy again */
    for (size_t i = 0; i < n; i++)
        out[i + before[i]] = a->insns.items[i];
    for (size_t l = 0; l < a->label_at.len; l++) {
        int at = a->label_at.items[l];
        if (at <= -2)
            a->label_at.items[l] = -2 - at;
        else if (at >= 0)
            a->label_at.items[l] = at + (int)before[(size_t)at <= n ? (size_t)at : n];
    }
    a->insns.items = out;
    a->insns.len = a->insns.cap = n + added;
    free(plan);
    free(before);
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
     * insertion can push an earlier jump's target out of reach. Shared
     * trampolines sit up to a window away and can be pushed out of reach
     * themselves; after a few passes only adjacent ones are added, which
     * converges as the plain scheme always did. */
    for (long added = 1, pass = 0; added > 0; pass++) {
        added = trampoline_pass(a, pass < 4);
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

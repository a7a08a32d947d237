/* Raw seccomp BPF: polc's own code generator.
 *
 *   ld [arch]; jeq AUDIT_x -> tree_x ...; ret BAD_ARCH
 *   tree_x: ld [nr]; (x86_64: numbers from 0x40000000 go to x32 or BAD_ARCH)
 *           balanced binary search over ranges of numbers with one decision
 *   leaves: an unconditional decision is a shared `ret`; a conditional one
 *           tests the arguments (64-bit values as two 32-bit halves, masks
 *           with jset where possible) and returns per disjoint case.
 *
 * The number dispatch reads only nr and arch and jumps on constants, so every
 * unconditionally decided syscall is answered by the kernel's action cache
 * (Linux >= 5.11). Capability-conditioned rules are resolved against one
 * capability set: --caps, else the policy's capabilities section, else
 * Docker's default set. */
#include <linux/audit.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bpf/asm.h"
#include "bpf/interp.h"
#include "bpf/search.h"
#include "middle/ir.h"
#include "backend/backend.h"

#define MAX_INSNS 4096
#define X32_BIT 0x40000000u

#define OFF_NR ((uint32_t)offsetof(struct seccomp_data, nr))
#define OFF_ARCH ((uint32_t)offsetof(struct seccomp_data, arch))
#define OFF_ARG(i) ((uint32_t)offsetof(struct seccomp_data, args) + 8u * (uint32_t)(i))

typedef struct Gen {
    const BackendRun *run;
    BpfAsm a;
    uint64_t caps;
    Action bad_arch;
    StrMap rets;       /* "value" -> label of the shared ret */
    VEC(uint32_t) ret_values;
    VEC(int) ret_labels;
    int a_holds;       /* offset loaded in A, -1 unknown */
    bool falls;        /* the last instruction can fall through to the next */
    VEC(int) at_label; /* in argument tests: what A holds at each label, over
                          the jumps to it (-2: no jump yet, -1: unknown) */
    ArchId arch;       /* arch being generated */
    bool balanced;     /* the number search unplanned (search_emit_balanced) */
} Gen;

static int ret_label(Gen *g, Action act)
{
    uint32_t v = ir_action_ret(act);
    for (size_t i = 0; i < g->ret_values.len; i++)
        if (g->ret_values.items[i] == v)
            return g->ret_labels.items[i];
    int l = bpfasm_label(&g->a, action_str(g->run->policy, g->run->arena, act));
    VEC_PUSH(g->run->arena, g->ret_values, v);
    VEC_PUSH(g->run->arena, g->ret_labels, l);
    return l;
}

static void place(Gen *g, int label)
{
    bpfasm_place(&g->a, label);
    g->a_holds = -1;
}

static void load(Gen *g, uint32_t off, const char *what)
{
    if (g->a_holds == (int)off)
        return;
    bpfasm_stmt(&g->a, BPF_LD | BPF_W | BPF_ABS, off, what);
    g->a_holds = (int)off;
    g->falls = true;
}

/* A jump to label leaves A as it is: remember that for the label. */
static void note_jump(Gen *g, int label)
{
    if (label < 0)
        return;
    while (g->at_label.len <= (size_t)label)
        VEC_PUSH(g->run->arena, g->at_label, -2);
    int *st = &g->at_label.items[label];
    *st = (*st == -2 || *st == g->a_holds) ? g->a_holds : -1;
}

/* Places a label inside an argument test: A holds a word there if every jump
 * to it, and the instruction before when it falls through, leave it there,
 * so the word need not be loaded again. */
static void place_merged(Gen *g, int label)
{
    int st = (size_t)label < g->at_label.len ? g->at_label.items[label] : -2;
    if (g->falls)
        st = (st == -2 || st == g->a_holds) ? g->a_holds : -1;
    bpfasm_place(&g->a, label);
    g->a_holds = st < 0 ? -1 : st;
    g->falls = true;
}

static void jump_always(Gen *g, int label, const char *comment)
{
    note_jump(g, label);
    bpfasm_ja(&g->a, label, comment);
    g->falls = false;
}

/* ---- argument conditions ---- */

static bool big_endian(ArchId arch) { return arch == ARCH_S390X; }

static uint32_t half_off(Gen *g, unsigned arg, bool high)
{
    bool hi_first = big_endian(g->arch);
    return OFF_ARG(arg) + ((high != hi_first) ? 4u : 0u);
}

static const char *argdesc(Gen *g, const char *sysname, unsigned arg, const char *half)
{
    return arena_printf(g->run->arena, "%s.%s", ir_arg_name(g->run->policy, sysname, g->arch, arg), half);
}

/* One 32-bit comparison step: jumps to t/f labels (BPF_NEXT = fall through). */
static void j(Gen *g, uint16_t op, uint32_t k, int t, int f)
{
    note_jump(g, t);
    note_jump(g, f);
    bpfasm_jump(&g->a, BPF_JMP | op | BPF_K, k, t, f, NULL);
    g->falls = t == BPF_NEXT || f == BPF_NEXT;
}

/* Unsigned 64-bit x > v (or x >= v) with the high half in A: a high half
 * above the constant's decides yes, below it no, equal the low halves decide.
 * With a high half of 0 "below" cannot happen, with 0xffffffff "above". */
static void emit_above(Gen *g, bool or_equal, uint32_t vhi, uint32_t vlo, uint32_t lo, const char *dlo, int yes,
                       int no)
{
    if (vhi == 0) {
        j(g, BPF_JGT, 0, yes, BPF_NEXT);
    } else {
        if (vhi != 0xffffffffu)
            j(g, BPF_JGT, vhi, yes, BPF_NEXT);
        j(g, BPF_JEQ, vhi, BPF_NEXT, no);
    }
    load(g, lo, dlo);
    j(g, or_equal ? BPF_JGE : BPF_JGT, vlo, yes, no);
}

/* Emits a test of one atom: true -> T, false -> F (either may be BPF_NEXT). */
static void emit_atom(Gen *g, const char *sys, const Atom *at, int T, int F)
{
    bool wide = ir_arg_bits(g->run->policy, sys, g->arch, at->arg) == 64;
    uint64_t v = at->value;
    uint32_t vlo = (uint32_t)v, vhi = (uint32_t)(v >> 32);
    uint32_t lo = half_off(g, at->arg, false), hi = half_off(g, at->arg, true);
    const char *dlo = argdesc(g, sys, at->arg, "lo"), *dhi = argdesc(g, sys, at->arg, "hi");
    if (at->op == A_MASKED_EQ) {
        uint32_t mlo = (uint32_t)at->mask, mhi = (uint32_t)(at->mask >> 32);
        struct { uint32_t off, m, v; const char *d; } halves[2] = {{hi, mhi, vhi, dhi}, {lo, mlo, vlo, dlo}};
        int first = wide ? 0 : 1;
        int last = (halves[1].m || !wide || !halves[0].m) ? 1 : 0;
        for (int h = first; h <= 1; h++) {
            if (!halves[h].m)
                continue; /* this half is not tested */
            bool is_last = h == last;
            int ok = is_last ? T : BPF_NEXT;
            load(g, halves[h].off, halves[h].d);
            uint32_t m = halves[h].m, hv = halves[h].v;
            if (hv == 0) {
                j(g, BPF_JSET, m, F, ok);
            } else if (hv == m && (m & (m - 1)) == 0) {
                j(g, BPF_JSET, m, ok, F);
            } else {
                bpfasm_stmt(&g->a, BPF_ALU | BPF_AND | BPF_K, m, NULL);
                g->a_holds = -1;
                g->falls = true;
                j(g, BPF_JEQ, hv, ok, F);
            }
        }
        return;
    }
    if (!wide) {
        load(g, lo, dlo);
        switch ((AtomOp)at->op) {
        case A_EQ: j(g, BPF_JEQ, vlo, T, F); break;
        case A_NE: j(g, BPF_JEQ, vlo, F, T); break;
        case A_GT: j(g, BPF_JGT, vlo, T, F); break;
        case A_GE: j(g, BPF_JGE, vlo, T, F); break;
        case A_LT: j(g, BPF_JGE, vlo, F, T); break;
        case A_LE: j(g, BPF_JGT, vlo, F, T); break;
        default: break;
        }
        return;
    }
    /* 64-bit: the high halves decide unless equal. That takes several
     * jumps, so an outcome that falls through (BPF_NEXT) must land after the
     * whole test, not on the test's next instruction. */
    int end = -1;
    if (T == BPF_NEXT || F == BPF_NEXT) {
        end = bpfasm_label(&g->a, NULL);
        if (T == BPF_NEXT)
            T = end;
        else
            F = end;
    }
    load(g, hi, dhi);
    switch ((AtomOp)at->op) {
    case A_EQ:
        j(g, BPF_JEQ, vhi, BPF_NEXT, F);
        load(g, lo, dlo);
        j(g, BPF_JEQ, vlo, T, F);
        break;
    case A_NE:
        j(g, BPF_JEQ, vhi, BPF_NEXT, T);
        load(g, lo, dlo);
        j(g, BPF_JEQ, vlo, F, T);
        break;
    /* x < v is not (x >= v), x <= v is not (x > v): the same test with the
     * outcomes swapped */
    case A_GT: emit_above(g, false, vhi, vlo, lo, dlo, T, F); break;
    case A_GE: emit_above(g, true, vhi, vlo, lo, dlo, T, F); break;
    case A_LT: emit_above(g, true, vhi, vlo, lo, dlo, F, T); break;
    case A_LE: emit_above(g, false, vhi, vlo, lo, dlo, F, T); break;
    default:
        break;
    }
    if (end >= 0)
        place_merged(g, end);
}

/* A conditional decision: cases in order, each a disjunction of terms. */
static void emit_decision(Gen *g, const IrSyscall *s, const IrDecision *d, int entry)
{
    place(g, entry);
    g->falls = false;
    int dflt = ret_label(g, g->run->policy->ir->default_action);
    unsigned tested = g->run->policy->strict_int_args ? ir_int_args_tested(g->run->policy, s, g->arch, d) : 0;
    if (tested) {
        /* --strict-int-args: a high half that is neither zero nor the sign
         * extension of the low half gets the harshest outcome */
        int harsh = ret_label(g, ir_harshest(d, g->run->policy->ir->default_action).action);
        for (unsigned i = 0; i < 6; i++) {
            if (!(tested & (1u << i)))
                continue;
            int clean = bpfasm_label(&g->a, NULL);
            load(g, half_off(g, i, true), argdesc(g, s->name, i, "hi"));
            j(g, BPF_JEQ, 0, clean, BPF_NEXT);
            j(g, BPF_JEQ, 0xffffffffu, BPF_NEXT, harsh);
            load(g, half_off(g, i, false), argdesc(g, s->name, i, "lo"));
            j(g, BPF_JSET, 0x80000000u, clean, harsh);
            place_merged(g, clean);
        }
    }
    for (size_t c = 0; c < d->cases.len; c++) {
        const IrCase *k = &d->cases.items[c];
        g->a.cur_rule = k->rules.len ? k->rules.items[0] : -1;
        int ret = ret_label(g, k->action);
        for (size_t t = 0; t < k->cond.n; t++) {
            const Term *term = &k->cond.terms[t];
            /* `x in {a, b, c}`: single-value terms on one argument with the same
             * high half share one test of it, then compare the low halves */
            size_t u = t;
            while (u < k->cond.n && k->cond.terms[u].n == 1 && k->cond.terms[u].atoms[0].op == A_EQ &&
                   k->cond.terms[u].atoms[0].arg == term->atoms[0].arg &&
                   (k->cond.terms[u].atoms[0].value >> 32) == (term->atoms[0].value >> 32))
                u++;
            if (u - t >= 2) {
                const Atom *a0 = &term->atoms[0];
                bool wide = ir_arg_bits(g->run->policy, s->name, g->arch, a0->arg) == 64;
                /* after the last test nothing else matches: the default */
                bool last = c + 1 == d->cases.len && u == k->cond.n;
                int after = last ? dflt : bpfasm_label(&g->a, NULL);
                if (wide) {
                    load(g, half_off(g, a0->arg, true), argdesc(g, s->name, a0->arg, "hi"));
                    j(g, BPF_JEQ, (uint32_t)(a0->value >> 32), BPF_NEXT, after);
                }
                load(g, half_off(g, a0->arg, false), argdesc(g, s->name, a0->arg, "lo"));
                for (size_t x = t; x < u; x++)
                    j(g, BPF_JEQ, (uint32_t)k->cond.terms[x].atoms[0].value, ret,
                      last && x + 1 == u ? after : BPF_NEXT);
                if (!last)
                    place_merged(g, after);
                t = u - 1;
                continue;
            }
            bool last = c + 1 == d->cases.len && t + 1 == k->cond.n;
            int next_term = last ? dflt : bpfasm_label(&g->a, NULL);
            if (term->n == 0)
                jump_always(g, ret, NULL);
            for (size_t i = 0; i < term->n; i++)
                emit_atom(g, s->name, &term->atoms[i], i + 1 == term->n ? ret : BPF_NEXT, next_term);
            if (!last)
                place_merged(g, next_term);
        }
    }
    g->a.cur_rule = -1;
    if (g->falls)
        jump_always(g, dflt, "no case matched: the default");
}

/* ---- number dispatch ---- */

typedef struct Range {
    uint64_t weight;          /* how often its numbers are called (--frequency), at least 1 */
    uint32_t start;           /* up to the next range's start */
    const IrSyscall *sys;     /* NULL: a constant action */
    Action action;
    const IrDecision *dec;
    int label;
} Range;

static bool same_leaf(const Gen *g, ArchId arch, const Range *a, const Range *b)
{
    if (!a->dec && !b->dec)
        return action_eq(a->action, b->action);
    if (!a->dec || !b->dec)
        return false;
    if (a->dec != b->dec && !ir_decision_eq(a->dec, b->dec))
        return false;
    /* equal tests compile alike only on arguments of equal widths: lseek's
     * fd >= 1 reads a low half, mmap's addr >= 1 both halves */
    unsigned tested = ir_args_tested(a->dec);
    for (unsigned i = 0; i < 6 && a->sys != b->sys; i++)
        if ((tested & (1u << i)) &&
            ir_arg_bits(g->run->policy, a->sys->name, arch, i) != ir_arg_bits(g->run->policy, b->sys->name, arch, i))
            return false;
    return true;
}

typedef VEC(Range) RangeVec;

static void add_point(Gen *g, RangeVec *rv, uint32_t start, const IrSyscall *s, Action act, const IrDecision *dec)
{
    Range r = {1, start, s, act, dec, -1};
    VEC_PUSH(g->run->arena, *rv, r);
}

/* Ranges covering [lo, 2^32) for one arch (numbers below lo never arrive). */
static void build_ranges(Gen *g, const IrArch *ia, uint32_t lo, RangeVec *out)
{
    const BackendRun *run = g->run;
    Action dflt = run->policy->ir->default_action;
    Action unknown = run->policy->ir->has_unknown ? run->policy->ir->unknown_action : dflt;
    const ArchTable *tbl = &run->policy->db.arch[ia->arch];
    RangeVec pts = {0};
    /* every table number starts a point (default), decided ones override */
    add_point(g, &pts, lo, NULL, unknown, NULL);
    size_t si = 0;
    for (size_t i = 0; i < tbl->len; i++) {
        uint32_t nr = tbl->entries[i].nr;
        if (nr < lo)
            continue;
        while (si < ia->syscalls.len && ia->syscalls.items[si].nr < nr)
            si++;
        const IrSyscall *s = si < ia->syscalls.len && ia->syscalls.items[si].nr == nr ? &ia->syscalls.items[si] : NULL;
        Action act = dflt;
        const IrDecision *dec = NULL;
        if (s) {
            dec = ir_scenario(s, g->caps);
            if (dec->cases.len == 0)
                dec = NULL;
            else if (dec->cases.len == 1 && dnf_is_true(dec->cases.items[0].cond))
                act = dec->cases.items[0].action, dec = NULL;
        }
        add_point(g, &pts, nr, s, act, dec);
        if (nr < 0xffffffffu)
            add_point(g, &pts, nr + 1, NULL, unknown, NULL);
    }
    /* -1 is no syscall: the plain default, as in the IR */
    if (run->policy->ir->has_unknown)
        add_point(g, &pts, 0xffffffffu, NULL, dflt, NULL);
    /* decided numbers not in the table (should not happen) are still honoured */
    for (size_t i = 0; i < ia->syscalls.len; i++) {
        const IrSyscall *s = &ia->syscalls.items[i];
        if (s->nr < lo || syscalldb_by_nr(&run->policy->db, ia->arch, s->nr))
            continue;
        const IrDecision *dec = ir_scenario(s, g->caps);
        add_point(g, &pts, s->nr, s, dflt, dec->cases.len ? dec : NULL);
        if (s->nr < 0xffffffffu)
            add_point(g, &pts, s->nr + 1, NULL, unknown, NULL);
    }
    /* later points at the same start win; then merge equal neighbours */
    for (size_t i = 0; i < pts.len; i++) {
        Range *r = &pts.items[i];
        size_t k = out->len;
        while (k > 0 && out->items[k - 1].start > r->start)
            k--; /* points are mostly sorted; keep it simple */
        if (k > 0 && out->items[k - 1].start == r->start) {
            out->items[k - 1] = *r;
            continue;
        }
        VEC_PUSH(run->arena, *out, *r);
        memmove(&out->items[k + 1], &out->items[k], (out->len - 1 - k) * sizeof(Range));
        out->items[k] = *r;
    }
    size_t w = 0;
    for (size_t i = 0; i < out->len; i++) {
        if (w > 0 && same_leaf(g, ia->arch, &out->items[w - 1], &out->items[i]))
            continue;
        out->items[w++] = out->items[i];
    }
    out->len = w;
    /* weights: each syscall of the table inside the range counts once, or as
     * often as the frequency profile says; a range without any still has to
     * be found, at a tiny weight */
    for (size_t i = 0; i < out->len; i++)
        out->items[i].weight = 1;
    for (size_t i = 0, r = 0; i < tbl->len; i++) {
        uint32_t nr = tbl->entries[i].nr;
        while (r + 1 < out->len && out->items[r + 1].start <= nr)
            r++;
        if (nr < lo)
            continue;
        uint64_t calls = run->opt->have_frequency ? (uintptr_t)strmap_get(&run->opt->frequency, tbl->entries[i].name) : 1;
        out->items[r].weight += 1000 * calls;
    }
}

typedef struct Leaf {
    const IrDecision *dec;
    const IrSyscall *sys;
    ArchId arch; /* word size and byte order shape the code */
    int label;
} Leaf;
typedef VEC(Leaf) LeafVec;

/* Does one decision compile to the same argument tests on both arches? Yes
 * when they agree on byte order and on the width of every argument tested
 * (x86_64 and x32 on an int argument, say). */
static bool same_code(const Gen *g, ArchId a, ArchId b, const char *sys, const IrDecision *d)
{
    if (a == b)
        return true;
    if (big_endian(a) != big_endian(b))
        return false;
    if (g->run->policy->strict_int_args && arch_info(a)->word_bits != arch_info(b)->word_bits)
        return false; /* the 64-bit one also checks high halves */
    unsigned tested = ir_args_tested(d);
    for (unsigned i = 0; i < 6; i++)
        if ((tested & (1u << i)) && ir_arg_bits(g->run->policy, sys, a, i) != ir_arg_bits(g->run->policy, sys, b, i))
            return false;
    return true;
}

/* The ranges of one arch's numbers from lo up, each with the label of its
 * leaf (a shared ret, or an argument test queued on leaves). */
static SearchRange *arch_ranges(Gen *g, const IrArch *ia, uint32_t lo, LeafVec *leaves, size_t *n)
{
    RangeVec rv = {0};
    build_ranges(g, ia, lo, &rv);
    for (size_t i = 0; i < rv.len; i++) {
        Range *r = &rv.items[i];
        if (!r->dec) {
            r->label = ret_label(g, r->action);
            continue;
        }
        /* share the leaf of an identical decision on the same arch (argument
         * names, and so the signature, must match too) */
        for (size_t k = 0; k < leaves->len && r->label < 0; k++) {
            const Leaf *l = &leaves->items[k];
            if (ir_decision_eq(l->dec, r->dec) && strcmp(l->sys->name, r->sys->name) == 0 &&
                same_code(g, l->arch, ia->arch, r->sys->name, r->dec))
                r->label = l->label;
        }
        if (r->label < 0) {
            r->label = bpfasm_label(&g->a, r->sys->name);
            Leaf l = {r->dec, r->sys, ia->arch, r->label};
            VEC_PUSH(g->run->arena, *leaves, l);
        }
    }
    /* one spare slot: the x86_64 search appends the x32 one as a leaf */
    SearchRange *sr = arena_alloc(g->run->arena, (rv.len + 1) * sizeof *sr);
    for (size_t i = 0; i < rv.len; i++)
        sr[i] = (SearchRange){rv.items[i].start, rv.items[i].weight, rv.items[i].label};
    *n = rv.len;
    return sr;
}

/* The number search, entered with nr in A. */
static void emit_search(Gen *g, const SearchRange *sr, size_t n)
{
    int entry = g->balanced ? search_emit_balanced(&g->a, sr, n) : search_emit(&g->a, sr, n);
    if (n == 1)
        bpfasm_ja(&g->a, entry, NULL);
    g->a_holds = -1;
}

static void emit_arch_tree(Gen *g, const IrArch *ia, uint32_t lo, LeafVec *leaves)
{
    size_t n;
    const SearchRange *sr = arch_ranges(g, ia, lo, leaves, &n);
    emit_search(g, sr, n);
}

/* x86_64 and x32 together: numbers from the x32 bit up (and -1, which the
 * x32 ranges decide as the x86_64 ones do) are x32 calls. The x32 search is
 * one leaf of the x86_64 search, weighted by the x32 syscalls, so the
 * planner puts the x32 split where it costs least overall. */
static void emit_x86_64_and_x32(Gen *g, const IrArch *x64, const IrArch *x32, LeafVec *leaves)
{
    size_t n64, n32;
    g->arch = ARCH_X86_64;
    SearchRange *s64 = arch_ranges(g, x64, 0, leaves, &n64);
    g->arch = ARCH_X32;
    SearchRange *s32 = arch_ranges(g, x32, X32_BIT, leaves, &n32);
    uint64_t w32 = 0;
    for (size_t i = 0; i < n32; i++)
        w32 += s32[i].weight;
    while (n64 > 1 && s64[n64 - 1].start >= X32_BIT)
        n64--;
    int x32_entry = bpfasm_label(&g->a, "x32");
    s64[n64++] = (SearchRange){X32_BIT, w32, x32_entry};
    emit_search(g, s64, n64);
    place(g, x32_entry);
    emit_search(g, s32, n32);
}

/* Before trampolines: a program's length, the farthest jump of its prefix
 * that dispatches on the arch, and the first conditional jump after it. */
typedef struct Unresolved {
    size_t insns, prefix_reach, first_after;
} Unresolved;

/* The program for capability set caps; *shape (may be NULL): its shape
 * before trampolines. */
static bool generate(const BackendRun *run, uint64_t caps, bool balanced, BpfProgram *out, Unresolved *shape)
{
    Gen g;
    memset(&g, 0, sizeof g);
    g.run = run;
    g.balanced = balanced;
    g.caps = caps;
    g.bad_arch = (Action){ACT_KILL_PROCESS, 0};
    g.a_holds = -1;
    bpfasm_init(&g.a, run->arena);
    const Ir *ir = run->policy->ir;
    int bad = ret_label(&g, g.bad_arch);
    /* one entry per audit arch value: x86_64 and x32 share AUDIT_ARCH_X86_64 */
    const IrArch *by_arch[ARCH__COUNT] = {0};
    for (size_t i = 0; i < ir->arches.len; i++)
        by_arch[ir->arches.items[i].arch] = &ir->arches.items[i];
    int entry[ARCH__COUNT];
    bool done_x86_64 = false;
    load(&g, OFF_ARCH, "arch");
    for (int a = 0; a < ARCH__COUNT; a++) {
        entry[a] = -1;
        if (!by_arch[a])
            continue;
        if (a == ARCH_X32 && by_arch[ARCH_X86_64])
            continue;
        if ((a == ARCH_X86_64 || a == ARCH_X32) && done_x86_64)
            continue;
        if (a == ARCH_X86_64 || a == ARCH_X32)
            done_x86_64 = true;
        entry[a] = bpfasm_label(&g.a, arch_info((ArchId)(a == ARCH_X32 ? ARCH_X86_64 : a))->name);
        bpfasm_jump(&g.a, BPF_JMP | BPF_JEQ | BPF_K, arch_info((ArchId)a)->audit, entry[a], BPF_NEXT,
                    arch_info((ArchId)a)->name);
    }
    bpfasm_ja(&g.a, bad, "an architecture the policy does not target");
    size_t prefix = g.a.insns.len;
    LeafVec leaves = {0};
    for (int a = 0; a < ARCH__COUNT; a++) {
        if (entry[a] < 0)
            continue;
        place(&g, entry[a]);
        load(&g, OFF_NR, "nr");
        if (a == ARCH_X86_64 && by_arch[ARCH_X32]) {
            emit_x86_64_and_x32(&g, by_arch[ARCH_X86_64], by_arch[ARCH_X32], &leaves);
            continue;
        }
        if (a == ARCH_X86_64 || a == ARCH_X32) {
            /* one of the two: numbers from the x32 bit up (but -1) are x32 calls */
            int t64 = bpfasm_label(&g.a, NULL), x32 = bpfasm_label(&g.a, NULL);
            bpfasm_jump(&g.a, BPF_JMP | BPF_JGE | BPF_K, X32_BIT, x32, t64, "x32 bit");
            place(&g, x32);
            g.a_holds = (int)OFF_NR;
            if (by_arch[ARCH_X32]) {
                /* -1 (no syscall) is decided by the x32 search too: its
                 * ranges give -1 the same decision as the x86_64 ones */
                g.arch = ARCH_X32;
                emit_arch_tree(&g, by_arch[ARCH_X32], X32_BIT, &leaves);
            } else {
                bpfasm_jump(&g.a, BPF_JMP | BPF_JEQ | BPF_K, 0xffffffffu, t64, bad, "-1: no syscall; else x32: not targeted");
            }
            place(&g, t64);
            g.a_holds = (int)OFF_NR;
            if (by_arch[ARCH_X86_64]) {
                g.arch = ARCH_X86_64;
                emit_arch_tree(&g, by_arch[ARCH_X86_64], 0, &leaves);
            } else {
                bpfasm_ja(&g.a, bad, "x86_64 calls: not targeted");
            }
            continue;
        }
        g.arch = (ArchId)a;
        emit_arch_tree(&g, by_arch[a], 0, &leaves);
    }
    /* conditional leaves, then the shared returns */
    for (size_t i = 0; i < leaves.len; i++) {
        g.arch = leaves.items[i].arch;
        emit_decision(&g, leaves.items[i].sys, leaves.items[i].dec, leaves.items[i].label);
    }
    for (size_t i = 0; i < g.ret_values.len; i++) {
        place(&g, g.ret_labels.items[i]);
        bpfasm_stmt(&g.a, BPF_RET | BPF_K, g.ret_values.items[i], NULL);
    }
    if (shape) {
        *shape = (Unresolved){g.a.insns.len, 0, g.a.insns.len};
        for (size_t i = 0; i < g.a.insns.len; i++) {
            const BpfInsn *in = &g.a.insns.items[i];
            if (BPF_CLASS(in->code) != BPF_JMP || BPF_OP(in->code) == BPF_JA)
                continue;
            if (i >= prefix) {
                shape->first_after = i;
                break;
            }
            for (int b = 0; b < 2; b++) {
                int l = b ? in->jf : in->jt;
                size_t at = l == BPF_NEXT ? i + 1 : (size_t)g.a.label_at.items[l];
                if (at - i - 1 > shape->prefix_reach)
                    shape->prefix_reach = at - i - 1;
            }
        }
    }
    return bpfasm_resolve(&g.a, out);
}

bool bpf_generate(const BackendRun *run, uint64_t caps, BpfProgram *out) { return generate(run, caps, false, out, NULL); }

/* ---- a lower bound for bench/ ---- */

bool bpf_x86_64_x32_search_bound(const BackendRun *run, uint64_t caps, uint64_t p, uint64_t q, double *out)
{
    const IrArch *x64 = NULL, *x32 = NULL;
    for (size_t i = 0; i < run->policy->ir->arches.len; i++) {
        const IrArch *ia = &run->policy->ir->arches.items[i];
        if (ia->arch == ARCH_X86_64)
            x64 = ia;
        else if (ia->arch == ARCH_X32)
            x32 = ia;
    }
    if (!x64 || !x32 || run->opt->have_frequency)
        return false;
    Gen g;
    memset(&g, 0, sizeof g);
    g.run = run;
    g.caps = caps;
    g.a_holds = -1;
    bpfasm_init(&g.a, run->arena);
    LeafVec leaves = {0};
    size_t n64, n32;
    g.arch = ARCH_X86_64;
    SearchRange *s64 = arch_ranges(&g, x64, 0, &leaves, &n64);
    g.arch = ARCH_X32;
    SearchRange *s32 = arch_ranges(&g, x32, X32_BIT, &leaves, &n32);
    while (n64 > 1 && s64[n64 - 1].start >= X32_BIT)
        n64--;
    /* build_ranges weighs a range 1 + 1000 per syscall; here a syscall of
     * either arch weighs its share of that arch's mean, scaled by p or q */
    uint64_t w64 = 0, w32 = 0;
    for (size_t i = 0; i < n64; i++)
        w64 += s64[i].weight / 1000;
    for (size_t i = 0; i < n32; i++)
        w32 += s32[i].weight / 1000;
    SearchRange *all = arena_alloc(run->arena, (n64 + n32) * sizeof *all);
    size_t n = 0;
    for (size_t i = 0; i < n64 + n32; i++) {
        SearchRange r = i < n64 ? s64[i] : s32[i - n64];
        r.weight = i < n64 ? r.weight / 1000 * p * w32 : r.weight / 1000 * q * w64;
        if (n > 0 && all[n - 1].leaf == r.leaf)
            all[n - 1].weight += r.weight; /* one decision across the ABI boundary */
        else
            all[n++] = r;
    }
    *out = (double)search_min_cost(all, n) / ((double)w64 * (double)w32);
    return true;
}

/* ---- the capability set, limits, the blob and the listing ---- */



uint64_t bpf_chosen_caps(const Policy *policy, const BackendOptions *opt, const char **why)
{
    if (opt->caps_override_set) {
        *why = "--caps";
        return opt->caps_override;
    }
    *why = policy->caps.declared ? "the policy's capabilities section" : "Docker's default set (no capabilities section)";
    return policy->caps.effective;
}

/* Walks the program for one (arch, nr) with unknown arguments: true when the
 * path reads no argument and ends in RET ALLOW (the kernel caches it). */
static bool cacheable_allow(const BpfProgram *p, uint32_t audit, uint32_t nr)
{
    uint32_t A = 0;
    size_t pc = 0;
    for (size_t steps = 0; pc < p->len && steps < p->len + 1; steps++) {
        const struct sock_filter *f = &p->insns[pc];
        switch (BPF_CLASS(f->code)) {
        case BPF_LD:
            if (f->k == OFF_ARCH)
                A = audit;
            else if (f->k == OFF_NR)
                A = nr;
            else
                return false;
            pc++;
            break;
        case BPF_JMP: {
            if (BPF_OP(f->code) == BPF_JA) {
                pc += 1 + f->k;
                break;
            }
            bool c;
            switch (BPF_OP(f->code)) {
            case BPF_JEQ: c = A == f->k; break;
            case BPF_JGT: c = A > f->k; break;
            case BPF_JGE: c = A >= f->k; break;
            case BPF_JSET: c = (A & f->k) != 0; break;
            default: return false;
            }
            pc += 1 + (c ? f->jt : f->jf);
            break;
        }
        case BPF_RET:
            return f->k == SECCOMP_RET_ALLOW;
        default:
            return false;
        }
    }
    return false;
}

typedef struct ArchStats {
    size_t allowed_unconditionally, cacheable;
} ArchStats;

static ArchStats arch_stats(const BackendRun *run, const BpfProgram *p, ArchId arch, uint64_t caps)
{
    ArchStats st = {0, 0};
    const ArchTable *t = &run->policy->db.arch[arch];
    const IrArch *ia = ir_arch(run->policy->ir, arch);
    for (size_t i = 0; i < t->len; i++) {
        const IrSyscall *s = ia ? ir_syscall(ia, t->entries[i].nr) : NULL;
        bool uncond_allow;
        if (!s) {
            uncond_allow = run->policy->ir->default_action.kind == ACT_ALLOW;
        } else {
            const IrDecision *d = ir_scenario(s, caps);
            uncond_allow = d->cases.len == 1 && dnf_is_true(d->cases.items[0].cond) &&
                           d->cases.items[0].action.kind == ACT_ALLOW;
            if (d->cases.len == 0)
                uncond_allow = run->policy->ir->default_action.kind == ACT_ALLOW;
        }
        if (!uncond_allow)
            continue;
        st.allowed_unconditionally++;
        if (cacheable_allow(p, arch_info(arch)->audit, t->entries[i].nr))
            st.cacheable++;
    }
    return st;
}

typedef struct LeafCost {
    const char *name;
    size_t insns;
} LeafCost;

static int leafcost_cmp(const void *a, const void *b)
{
    const LeafCost *x = a, *y = b;
    if (x->insns != y->insns)
        return x->insns < y->insns ? 1 : -1;
    return strcmp(x->name, y->name);
}

/* E0410, with what to change: the rules whose cases cost most, the syscalls
 * whose argument tests cost most (a leaf starts at its syscall's label and
 * its first argument load), and the ways out. */
static void report_too_long(const BackendRun *run, const BpfProgram *p)
{
    size_t *cost = calloc(run->policy->rules.len + 1, sizeof(size_t));
    LeafCost *leaves = calloc(p->len + 1, sizeof *leaves);
    if (!cost || !leaves)
        abort();
    for (size_t i = 0; i < p->len; i++)
        if (p->rules[i] >= 0)
            cost[p->rules[i]]++;
    StrMap by_name = {0};
    size_t nleaves = 0, in_leaves = 0;
    LeafCost *cur = NULL;
    for (size_t i = 0; i < p->len; i++) {
        const struct sock_filter *f = &p->insns[i];
        if (p->labels[i])
            cur = NULL;
        if (p->labels[i] && BPF_CLASS(f->code) == BPF_LD && f->k >= OFF_ARG(0)) {
            cur = strmap_get(&by_name, p->labels[i]);
            if (!cur) {
                cur = &leaves[nleaves++];
                cur->name = p->labels[i];
                strmap_put(&by_name, run->arena, p->labels[i], cur);
            }
        }
        if (cur && BPF_CLASS(f->code) != BPF_RET)
            cur->insns++, in_leaves++;
    }
    qsort(leaves, nleaves, sizeof *leaves, leafcost_cmp);
    size_t conditional = 0;
    for (size_t r = 0; r < run->policy->rules.len; r++)
        conditional += run->policy->rules.items[r]->cond && run->policy->rules.items[r]->contributes;
    Diag *g = diag_error(run->diag, "E0410", SPAN_NONE,
                         "the BPF program has %zu instructions; the kernel accepts at most %d in one filter", p->len,
                         MAX_INSNS);
    for (int shown = 0; shown < 3; shown++) {
        size_t best = 0;
        int bi = -1;
        for (size_t r = 0; r < run->policy->rules.len; r++)
            if (cost[r] > best)
                best = cost[r], bi = (int)r;
        if (bi < 0)
            break;
        diag_note(run->diag, g, run->policy->rules.items[bi]->span,
                  "%zu instructions test this rule's condition and those of the rules with its action on the same "
                  "syscalls", best);
        cost[bi] = 0;
    }
    if (nleaves) {
        StrBuf sb;
        sb_init(&sb);
        for (size_t i = 0; i < nleaves && i < 5; i++)
            sb_printf(&sb, "%s`%s` %zu", i ? ", " : "", leaves[i].name, leaves[i].insns);
        diag_note(run->diag, g, SPAN_NONE,
                  "%zu instructions test the arguments of %zu syscalls (%zu rules with conditions); most: %s%s",
                  in_leaves, nleaves, conditional, sb.data, nleaves > 5 ? ", ..." : "");
        sb_free(&sb);
    }
    StrBuf arches;
    sb_init(&arches);
    for (size_t i = 0; i < run->policy->ir->arches.len; i++)
        sb_printf(&arches, "%s%s", i ? ", " : "", arch_info(run->policy->ir->arches.items[i].arch)->name);
    diag_help(run->diag, g,
              "test fewer values (a range such as `fd <= 63`, or a mask, instead of a list), decide fewer "
              "syscalls by their arguments, or compile for fewer architectures with --arch (this program "
              "serves %s)", arches.data ? arches.data : "none");
    diag_help(run->diag, g,
              "the Docker profile (-t docker) has no such limit of its own: runc's libseccomp builds its own "
              "filter from it, which the kernel refuses in the same way if that one exceeds %d instructions",
              MAX_INSNS);
    sb_free(&arches);
    free(leaves);
    free(cost);
}

/* The generator tests a 32-bit argument on its low half only, so a wider
 * constant there would be truncated into a different test: refuse instead
 * (lowering cuts every such constant to the argument's width, so this is a
 * compiler bug if it ever fires). */
static bool narrow_constants_fit(const BackendRun *run)
{
    for (size_t a = 0; a < run->policy->ir->arches.len; a++) {
        const IrArch *ia = &run->policy->ir->arches.items[a];
        for (size_t i = 0; i < ia->syscalls.len; i++) {
            const IrSyscall *s = &ia->syscalls.items[i];
            for (unsigned sc = 0; sc < (1u << s->ncaps); sc++)
                for (size_t c = 0; c < s->scenarios[sc].cases.len; c++) {
                    Dnf d = s->scenarios[sc].cases.items[c].cond;
                    for (size_t t = 0; t < d.n; t++)
                        for (size_t x = 0; x < d.terms[t].n; x++) {
                            const Atom *at = &d.terms[t].atoms[x];
                            if (ir_arg_bits(run->policy, s->name, ia->arch, at->arg) == 64 ||
                                ((at->value | at->mask) >> 32) == 0)
                                continue;
                            diag_error(run->diag, "E0499", SPAN_NONE,
                                       "internal error: the constant 0x%llx reached the BPF code generator for the "
                                       "32-bit argument `%s` of `%s` on %s",
                                       (unsigned long long)(at->op == A_MASKED_EQ ? at->value | at->mask : at->value),
                                       ir_arg_name(run->policy, s->name, ia->arch, at->arg), s->name, arch_info(ia->arch)->name);
                            return false;
                        }
                }
        }
    }
    return true;
}

static bool generate_checked(const BackendRun *run, BpfProgram *p, uint64_t *caps_out, const char **why)
{
    uint64_t caps = bpf_chosen_caps(run->policy, run->opt, why);
    *caps_out = caps;
    if (!narrow_constants_fit(run))
        return false;
    if (!bpf_generate(run, caps, p)) {
        diag_error(run->diag, "E0499", SPAN_NONE, "internal error: the BPF code generator produced a backward jump");
        return false;
    }
    if (p->len > MAX_INSNS) {
        report_too_long(run, p);
        return false;
    }
    size_t bad_pc;
    int err = bpf_validate(p->insns, p->len, &bad_pc);
    if (err) {
        diag_error(run->diag, "E0499", SPAN_NONE, "internal error: the generated BPF fails validation at %zu: %s",
                   bad_pc, bpf_strerror(err));
        return false;
    }
    return true;
}

/* A blob is in this host's byte order (like seccomp_export_bpf), so it can
 * only serve arches of the same order; libseccomp refuses the mix as well. */
static bool check_byte_order(const BackendRun *run)
{
    const uint16_t probe = 1;
    bool host_big = *(const uint8_t *)&probe == 0;
    for (size_t i = 0; i < run->policy->ir->arches.len; i++) {
        ArchId a = run->policy->ir->arches.items[i].arch;
        if (big_endian(a) != host_big) {
            Diag *g = diag_error(run->diag, "E0411", SPAN_NONE,
                                 "the BPF back end cannot serve %s here: it is %s-endian and a BPF blob is in this "
                                 "host's byte order", arch_info(a)->name, big_endian(a) ? "big" : "little");
            diag_help(run->diag, g, "compile the %s blob on a %s-endian host, or leave %s out with --arch",
                      arch_info(a)->name, big_endian(a) ? "big" : "little", arch_info(a)->name);
            return false;
        }
    }
    return true;
}

/* For --check, which writes nothing: whether the planned program certainly
 * fits in MAX_INSNS, without planning it (planning is most of a check's
 * time). Both programs are the same but for their number searches, and the
 * unplanned one's (search_emit_balanced) have the most nodes a search can
 * have, so before trampolines the planned program is no longer, and the
 * searches between the arch prefix's jumps and their targets are no longer
 * either. What comes between the prefix and the first search node is the
 * same too. So if no jump of the unplanned prefix reaches past 255, and no
 * later conditional jump could (the program ends within 256 of the first), the
 * planned program needs no trampoline: it is no longer than the unplanned
 * one, far below MAX_INSNS. Otherwise the search is planned and E0410
 * decided on the real program. */
static bool fits_unplanned(const BackendRun *run)
{
    const char *why;
    BpfProgram p;
    Unresolved shape;
    if (!generate(run, bpf_chosen_caps(run->policy, run->opt, &why), true, &p, &shape))
        return false;
    /* a jump at or after first_after reaches at most the last instruction */
    return shape.prefix_reach <= 255 && shape.insns <= shape.first_after + 257;
}

static bool bpf_blob(const BackendRun *run, StrBuf *out)
{
    if (!check_byte_order(run))
        return false;
    if (run->opt->check_only) {
        if (!narrow_constants_fit(run))
            return false;
        if (fits_unplanned(run))
            return true;
    }
    BpfProgram p;
    uint64_t caps;
    const char *why;
    if (!generate_checked(run, &p, &caps, &why))
        return false;
    sb_putn(out, (const char *)p.insns, p.len * sizeof *p.insns);
    return true;
}

static const char *ret_name(Arena *a, uint32_t k)
{
    char buf[64];
    return arena_strdup(a, bpf_describe_ret(k, buf, sizeof buf));
}

/* One listing line (no newline): index, instruction, comment, rule. */
void bpf_format_insn(const BackendRun *run, const BpfProgram *pp, size_t i, StrBuf *out)
{
    const BpfProgram p = *pp;
    Arena *A = run->arena;
    static const char *const jops[] = {"ja", "jeq", "jgt", "jge", "jset"};
    const struct sock_filter *f = &p.insns[i];
    char ins[96];
    switch (BPF_CLASS(f->code)) {
    case BPF_LD:
        if (f->k == OFF_ARCH)
            snprintf(ins, sizeof ins, "ld [arch]");
        else if (f->k == OFF_NR)
            snprintf(ins, sizeof ins, "ld [nr]");
        else
            snprintf(ins, sizeof ins, "ld [args[%u].w%u]", (f->k - OFF_ARG(0)) / 8, ((f->k - OFF_ARG(0)) % 8) ? 1u : 0u);
        break;
    case BPF_ALU:
        snprintf(ins, sizeof ins, "and #0x%x", f->k);
        break;
    case BPF_JMP:
        if (BPF_OP(f->code) == BPF_JA)
            snprintf(ins, sizeof ins, "ja %zu", i + 1 + f->k);
        else
            snprintf(ins, sizeof ins, "%s #0x%x, %zu, %zu", jops[BPF_OP(f->code) >> 4], f->k, i + 1 + f->jt,
                     i + 1 + f->jf);
        break;
    case BPF_RET:
        snprintf(ins, sizeof ins, "ret %s", ret_name(A, f->k));
        break;
    default:
        snprintf(ins, sizeof ins, "op 0x%04x #0x%x", f->code, f->k);
    }
    sb_printf(out, "%5zu  %-40s", i, ins);
    const char *c = p.comments[i];
    if (c || p.rules[i] >= 0) {
        sb_puts(out, " ;");
        if (c)
            sb_printf(out, " %s", c);
        if (p.rules[i] >= 0)
            sb_printf(out, " (%s)", run->policy->rules.items[p.rules[i]]->loc);
    }
}

static bool bpf_listing(const BackendRun *run, StrBuf *out)
{
    if (!check_byte_order(run))
        return false;
    BpfProgram p;
    uint64_t caps;
    const char *why;
    if (!generate_checked(run, &p, &caps, &why))
        return false;
    sb_printf(out, "# polc BPF for policy %s: %zu instructions\n# capabilities assumed (%s):", run->policy->name,
              p.len, why);
    for (int c = 0; c < 64; c++)
        if (caps & (1ull << c)) {
            const char *n = cap_name(run->policy, c);
            sb_printf(out, " %s", n ? n : "?");
        }
    sb_puts(out, caps ? "\n" : " none\n");
    for (size_t i = 0; i < run->policy->ir->arches.len; i++) {
        ArchId a = run->policy->ir->arches.items[i].arch;
        ArchStats st = arch_stats(run, &p, a, caps);
        sb_printf(out, "# %s: %zu syscalls decided; unconditionally allowed %zu, cacheable %zu\n", arch_info(a)->name,
                  run->policy->ir->arches.items[i].syscalls.len, st.allowed_unconditionally, st.cacheable);
    }
    for (size_t i = 0; i < p.len; i++) {
        if (p.labels[i])
            sb_printf(out, "%s:\n", p.labels[i]);
        bpf_format_insn(run, &p, i, out);
        sb_putc(out, '\n');
    }
    return true;
}

bool backend_bpf(const Policy *policy, const BackendOptions *opt, DiagEngine *diag, StrBuf *out)
{
    BackendRun run = {policy, opt, diag, policy->arena};
    return bpf_blob(&run, out);
}

bool backend_bpf_listing(const Policy *policy, const BackendOptions *opt, DiagEngine *diag, StrBuf *out)
{
    BackendRun run = {policy, opt, diag, policy->arena};
    return bpf_listing(&run, out);
}

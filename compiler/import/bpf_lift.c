/* A raw seccomp BPF program (polc's NAME.bpf, or any struct sock_filter[]
 * of the shapes below) read back as polc source, so polc diff and polc
 * verify compare it like any other profile.
 *
 * Exact, not sampled: for every target arch and every number of its table,
 * the program is executed symbolically with seccomp_data.arch and .nr fixed
 * and the six arguments free. Each path to a RET is a conjunction of tests
 * on 32-bit halves of arguments; a half-word test is rewritten as a test of
 * the 64-bit argument (`hi > K` is `x >= (K+1) << 32`; a bound on the low
 * half is a bound on x where the path fixed the high half, else a union of
 * masked prefixes). Paths are disjoint, so each becomes rules of its action
 * and what no path with another action takes is the default. A program that
 * uses anything else (the X register, scratch memory, arithmetic other than
 * `and`, RET A, instruction_pointer) is refused (E0720), never guessed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bpf/interp.h"
#include "front/stdlib_view.h"
#include "import/import.h"
#include "middle/cond.h"
#include "util/file.h"

#define LIFT_MAX_PATHS 65536
#define LIFT_MAX_TESTS BPF_INTERP_MAX_INSNS /* a path tests at most once per instruction */

enum { T_MASKEQ, T_MASKNE, T_GT, T_LE, T_GE, T_LT };

typedef struct HalfTest {
    uint8_t arg, hi, kind;
    uint32_t mask, k;
} HalfTest;

typedef struct Lift {
    polc_ctx *ctx;
    CondCtx cc;
    const struct sock_filter *prog;
    size_t len;
    uint32_t arch, nr;
    unsigned narrow; /* bit i: argument i is 32 bits wide (ir_arg_bits): its high half is 0 */
    HalfTest tests[LIFT_MAX_TESTS];
    size_t ntests;
    size_t paths;
    const char *unsupported; /* why the program cannot be read, or NULL */
    size_t bad_pc;
    /* the paths of one syscall: condition per distinct return value */
    uint32_t rets[64];
    Dnf conds[64];
    size_t nrets;
} Lift;

/* x's low 32 bits in [lo, hi] as masked prefixes (each a mask on the low
 * half and the value under it). */
static Dnf low_range(Lift *l, unsigned arg, uint32_t lo, uint32_t hi)
{
    Dnf d = dnf_false();
    uint64_t a = lo, b = (uint64_t)hi + 1;
    while (a < b) {
        unsigned bits = 0;
        while (bits < 32 && !(a & (1ull << bits)) && a + (2ull << bits) <= b)
            bits++;
        uint64_t mask = 0xffffffffull & ~((1ull << bits) - 1);
        Atom at = {(uint8_t)arg, A_MASKED_EQ, a & mask, mask, false};
        d = dnf_or(&l->cc, d, dnf_atom(&l->cc, at));
        a += 1ull << bits;
    }
    return d;
}

static Dnf atom1(Lift *l, unsigned arg, AtomOp op, uint64_t value, uint64_t mask)
{
    return dnf_atom(&l->cc, (Atom){(uint8_t)arg, (uint8_t)op, value, mask, false});
}

/* One half-word test as a condition on the 64-bit argument. The high half
 * is known (has_hi) on a 32-bit argument, where polc's model has it 0, or
 * where the path fixed it; a test of the low half is then a test of x. */
static Dnf test_cond(Lift *l, const HalfTest *t, bool has_hi, uint32_t pinned_hi)
{
    if (t->hi && (l->narrow & (1u << t->arg))) {
        bool holds;
        switch (t->kind) {
        case T_MASKEQ: holds = (t->k & t->mask) == 0 && t->k == (t->k & t->mask); break;
        case T_MASKNE: holds = !((t->k & t->mask) == 0 && t->k == (t->k & t->mask)); break;
        case T_GT: holds = false; break;
        case T_GE: holds = t->k == 0; break;
        case T_LE: holds = true; break;
        default: holds = t->k > 0; break; /* T_LT */
        }
        return holds ? dnf_true(&l->cc) : dnf_false();
    }
    unsigned sh = t->hi ? 32 : 0;
    uint64_t m = (uint64_t)t->mask << sh, k = (uint64_t)(t->k & t->mask) << sh;
    uint64_t base = (uint64_t)pinned_hi << 32;
    if (t->kind == T_MASKEQ || t->kind == T_MASKNE) {
        if (t->k & ~t->mask) /* never equal */
            return t->kind == T_MASKEQ ? dnf_false() : dnf_true(&l->cc);
        bool whole = !t->hi && has_hi && t->mask == 0xffffffffu;
        Dnf eq = whole ? atom1(l, t->arg, A_EQ, base | k, 0) : atom1(l, t->arg, A_MASKED_EQ, k, m);
        if (t->kind == T_MASKEQ)
            return eq;
        return whole ? atom1(l, t->arg, A_NE, base | k, 0) : dnf_not(&l->cc, eq);
    }
    uint32_t lo = 0, hi = 0xffffffffu;
    switch (t->kind) {
    case T_GT: if (t->k == 0xffffffffu) return dnf_false(); lo = t->k + 1; break;
    case T_GE: lo = t->k; break;
    case T_LE: hi = t->k; break;
    default: if (t->k == 0) return dnf_false(); hi = t->k - 1; break; /* T_LT */
    }
    if (t->hi || has_hi) {
        uint64_t from = t->hi ? (uint64_t)lo << 32 : base | lo;
        uint64_t to = t->hi ? ((uint64_t)hi << 32) | 0xffffffffu : base | hi;
        Dnf d = dnf_true(&l->cc);
        if (from)
            d = dnf_and(&l->cc, d, atom1(l, t->arg, A_GE, from, 0));
        if (to != UINT64_MAX)
            d = dnf_and(&l->cc, d, atom1(l, t->arg, A_LE, to, 0));
        return d;
    }
    return low_range(l, t->arg, lo, hi);
}

/* The high half of arg the path fixed so far, if any. */
static bool pinned_hi(const Lift *l, unsigned arg, uint32_t *hi)
{
    *hi = 0;
    if (l->narrow & (1u << arg))
        return true;
    for (size_t j = 0; j < l->ntests; j++) {
        const HalfTest *u = &l->tests[j];
        if (u->arg == arg && u->hi && u->kind == T_MASKEQ && u->mask == 0xffffffffu) {
            *hi = u->k;
            return true;
        }
    }
    return false;
}

static void leaf(Lift *l, uint32_t ret, Dnf d)
{
    size_t i = 0;
    while (i < l->nrets && l->rets[i] != ret)
        i++;
    if (i == l->nrets) {
        if (l->nrets == 64) {
            l->unsupported = "more than 64 distinct return values for one syscall";
            return;
        }
        l->rets[l->nrets] = ret;
        l->conds[l->nrets++] = dnf_false();
    }
    l->conds[i] = dnf_or(&l->cc, l->conds[i], d);
}

/* A: a constant (field < 0), or the half-word `field` (0..11: argN lo, hi)
 * under mask. */
typedef struct Acc {
    int field;
    uint32_t value, mask;
} Acc;

/* Follows the program from pc with the path's condition cur; a branch the
 * tests so far rule out is not taken (paths of a DAG would multiply). */
static void run(Lift *l, size_t pc, Acc a, Dnf cur)
{
    while (!l->unsupported) {
        if (pc >= l->len) {
            l->unsupported = "the program runs past its end";
            return;
        }
        const struct sock_filter *in = &l->prog[pc];
        uint16_t code = in->code;
        switch (BPF_CLASS(code)) {
        case BPF_RET:
            if (BPF_RVAL(code) != BPF_K) {
                l->unsupported = "RET A";
                l->bad_pc = pc;
                return;
            }
            if (++l->paths > LIFT_MAX_PATHS) {
                l->unsupported = "more than 65536 paths for one syscall";
                return;
            }
            leaf(l, in->k, cur);
            return;
        case BPF_LD:
            if (code == (BPF_LD | BPF_W | BPF_ABS)) {
                uint32_t off = in->k;
                if (off == 0)
                    a = (Acc){-1, l->nr, 0};
                else if (off == 4)
                    a = (Acc){-1, l->arch, 0};
                else if (off >= 16 && off < 64)
                    a = (Acc){(int)((off - 16) / 8 * 2 + ((off - 16) % 8 ? 1 : 0)), 0, 0xffffffffu};
                else {
                    l->unsupported = "a load of instruction_pointer";
                    l->bad_pc = pc;
                    return;
                }
            } else if (code == (BPF_LD | BPF_IMM)) {
                a = (Acc){-1, in->k, 0};
            } else {
                l->unsupported = "a load other than a field of seccomp_data or a constant";
                l->bad_pc = pc;
                return;
            }
            pc++;
            break;
        case BPF_ALU:
            if (code != (BPF_ALU | BPF_AND | BPF_K)) {
                l->unsupported = "arithmetic other than `and` with a constant";
                l->bad_pc = pc;
                return;
            }
            if (a.field < 0)
                a.value &= in->k;
            else
                a.mask &= in->k;
            pc++;
            break;
        case BPF_JMP: {
            uint16_t op = BPF_OP(code);
            if (op == BPF_JA) {
                pc += 1 + in->k;
                break;
            }
            if (BPF_SRC(code) != BPF_K) {
                l->unsupported = "a jump on the X register";
                l->bad_pc = pc;
                return;
            }
            size_t t = pc + 1 + in->jt, f = pc + 1 + in->jf;
            if (a.field < 0) {
                bool c = op == BPF_JEQ ? a.value == in->k : op == BPF_JGT ? a.value > in->k
                         : op == BPF_JGE ? a.value >= in->k : (a.value & in->k) != 0;
                pc = c ? t : f;
                break;
            }
            if ((op == BPF_JGT || op == BPF_JGE) && a.mask != 0xffffffffu) {
                l->unsupported = "a bound on a masked argument";
                l->bad_pc = pc;
                return;
            }
            if (l->ntests + 1 >= LIFT_MAX_TESTS) {
                l->unsupported = "a path with more tests than instructions";
                return;
            }
            HalfTest yes = {(uint8_t)(a.field / 2), (uint8_t)(a.field % 2), 0, a.mask, in->k};
            HalfTest no = yes;
            switch (op) {
            case BPF_JEQ: yes.kind = T_MASKEQ, no.kind = T_MASKNE; break;
            case BPF_JSET:
                yes.kind = T_MASKNE, no.kind = T_MASKEQ;
                yes.mask = no.mask = a.mask & in->k;
                yes.k = no.k = 0;
                break;
            case BPF_JGT: yes.kind = T_GT, no.kind = T_LE; break;
            case BPF_JGE: yes.kind = T_GE, no.kind = T_LT; break;
            default:
                l->unsupported = "an unknown jump";
                l->bad_pc = pc;
                return;
            }
            if (op == BPF_JEQ && (in->k & ~a.mask)) { /* can never be equal */
                pc = f;
                break;
            }
            const HalfTest *both[2] = {&yes, &no};
            size_t to[2] = {t, f};
            for (int b = 0; b < 2 && !l->unsupported; b++) {
                uint32_t hi = 0;
                bool has_hi = !both[b]->hi && pinned_hi(l, both[b]->arg, &hi);
                Dnf next = dnf_and(&l->cc, cur, test_cond(l, both[b], has_hi, hi));
                if (dnf_is_false(next))
                    continue;
                l->tests[l->ntests++] = *both[b];
                run(l, to[b], a, next);
                l->ntests--;
            }
            return;
        }
        default:
            l->unsupported = "the X register or scratch memory";
            l->bad_pc = pc;
            return;
        }
    }
}

/* The paths of the program for (arch, nr): false when it cannot be read. */
static bool lift_one(Lift *l, uint32_t audit, uint32_t nr, unsigned narrow)
{
    l->arch = audit, l->nr = nr, l->narrow = narrow;
    l->ntests = l->paths = l->nrets = 0;
    run(l, 0, (Acc){-1, 0, 0}, dnf_true(&l->cc));
    if (l->cc.overflow && !l->unsupported)
        l->unsupported = "conditions too large to write";
    return !l->unsupported;
}

/* polc's text for a return value. */
static const char *ret_action(Arena *A, uint32_t ret)
{
    uint32_t data = ret & SECCOMP_RET_DATA;
    switch (ret & SECCOMP_RET_ACTION_FULL) {
    case SECCOMP_RET_KILL_PROCESS: return "kill-process";
    case SECCOMP_RET_KILL_THREAD: return "kill";
    case SECCOMP_RET_TRAP: return arena_printf(A, "trap(%u)", data);
    case SECCOMP_RET_ERRNO: return arena_printf(A, "errno(%u)", data);
    case SECCOMP_RET_USER_NOTIF: return "notify";
    case SECCOMP_RET_TRACE: return arena_printf(A, "trace(%u)", data);
    case SECCOMP_RET_LOG: return "log";
    case SECCOMP_RET_ALLOW: return "allow";
    }
    return NULL;
}

/* `allow NAME`, `deny NAME errno(N)`... for an action text. */
static void put_rule(StrBuf *sb, const char *act, const char *name)
{
    if (!strncmp(act, "errno(", 6))
        sb_printf(sb, "deny %s %s", name, act);
    else
        sb_printf(sb, "%s %s", act, name);
}

static void put_term(StrBuf *sb, const Term *t)
{
    static const char *const OPS[] = {"==", "!=", "<", "<=", ">", ">="};
    for (size_t i = 0; i < t->n; i++) {
        const Atom *a = &t->atoms[i];
        sb_puts(sb, i ? " and " : "");
        if (a->op == A_MASKED_EQ)
            sb_printf(sb, "arg%u & 0x%llx == 0x%llx", a->arg, (unsigned long long)a->mask,
                      (unsigned long long)a->value);
        else
            sb_printf(sb, "arg%u %s 0x%llx", a->arg, OPS[a->op], (unsigned long long)a->value);
    }
}

static Diag *lift_error(polc_ctx *ctx, const char *path, const char *what, size_t pc)
{
    Diag *g = diag_error(&ctx->diag, "E0720", SPAN_NONE, "%s: polc cannot read this program exactly: %s (pc %zu)",
                         path, what, pc);
    diag_help(&ctx->diag, g,
              "polc reads programs that load seccomp_data fields, mask with `and`, jump on constants and return "
              "constants (its own NAME.bpf, libseccomp's); compare the profile the program was made from instead");
    return g;
}

/* The 32-bit arguments of a syscall on an arch, as ir_arg_bits says. */
static unsigned narrow_args(const SyscallDb *db, ArchId arch, const char *name)
{
    if (arch_info(arch)->word_bits == 32)
        return 0x3f;
    const Signature *sig = syscalldb_signature_on(db, name, arch);
    unsigned m = 0;
    for (int i = 0; sig && i < sig->nargs; i++)
        if (arg_type_bits(sig->arg_types[i], arch) == 32)
            m |= 1u << i;
    return m;
}

/* The first target arch's action for numbers no table of it names. */
static bool unknown_ret(Lift *l, uint32_t audit, uint32_t nr, uint32_t *ret)
{
    if (!lift_one(l, audit, nr, 0) || l->nrets != 1 || !dnf_is_true(l->conds[0]))
        return false;
    *ret = l->rets[0];
    return true;
}

char *polc_lift_bpf(polc_ctx *ctx, const char *path)
{
    size_t len = 0;
    int err = 0;
    char *bytes = read_file_arena(&ctx->arena, path, &len, &err);
    if (!bytes) {
        diag_error(&ctx->diag, "E0200", SPAN_NONE, "cannot read %s: %s", path, strerror(err));
        return NULL;
    }
    size_t bad = 0;
    int v = len % sizeof(struct sock_filter) ? BPF_E_LENGTH
                                             : bpf_validate((const struct sock_filter *)bytes,
                                                            len / sizeof(struct sock_filter), &bad);
    if (v != BPF_OK) {
        diag_error(&ctx->diag, "E0720", SPAN_NONE, "%s: not a seccomp BPF program the kernel accepts: %s (pc %zu)",
                   path, bpf_strerror(v), bad);
        return NULL;
    }
    StdlibView *view = stdlib_view_load(ctx, 0, "polc diff", &ctx->diag);
    if (!view) {
        return NULL;
    }
    const SyscallDb *db = stdlib_view_db(view);
    Lift l;
    memset(&l, 0, sizeof l);
    l.ctx = ctx;
    l.cc = (CondCtx){&ctx->arena, false};
    l.prog = (const struct sock_filter *)bytes;
    l.len = len / sizeof(struct sock_filter);
    Arena *A = &ctx->arena;
    /* what an arch polc knows no table for gets: non-target arches get it too */
    uint32_t foreign = 0;
    bool ok = unknown_ret(&l, 0, 0, &foreign);
    StrBuf body, arches;
    sb_init(&body);
    sb_init(&arches);
    uint32_t dflt = 0;
    bool have_dflt = false;
    for (int ai = 0; ai < ARCH__COUNT && ok; ai++) {
        const ArchInfo *info = arch_info((ArchId)ai);
        uint32_t x32 = ai == ARCH_X32 ? 0x40000000u : 0;
        const ArchTable *t = &db->arch[ai];
        uint32_t max = 0;
        for (size_t i = 0; i < t->len; i++)
            if (t->entries[i].nr > max)
                max = t->entries[i].nr;
        uint32_t unk;
        if (!unknown_ret(&l, info->audit, (max + 1) | x32, &unk)) {
            ok = false;
            break;
        }
        /* a target arch decides some call otherwise than a foreign one */
        bool target = unk != foreign;
        for (size_t i = 0; i < t->len && !target && ok; i++) {
            ok = lift_one(&l, info->audit, t->entries[i].nr | x32, narrow_args(db, (ArchId)ai, t->entries[i].name));
            target = ok && (l.nrets != 1 || l.rets[0] != foreign);
        }
        if (!ok || !target)
            continue;
        if (!have_dflt)
            dflt = unk, have_dflt = true;
        if (unk != dflt) {
            diag_error(&ctx->diag, "E0720", SPAN_NONE,
                       "%s: numbers no syscall table names get %s on %s but %s on an earlier arch; polc has one "
                       "default", path, ret_action(A, unk), info->name, ret_action(A, dflt));
            ok = false;
            break;
        }
        sb_printf(&arches, "%s%s", arches.len ? ", " : "", info->name);
        sb_printf(&body, "  when arch %s {\n", info->name);
        for (size_t i = 0; i < t->len && ok; i++) {
            const SyscallEntry *e = &t->entries[i];
            ok = lift_one(&l, info->audit, e->nr | x32, narrow_args(db, (ArchId)ai, e->name));
            for (size_t r = 0; ok && r < l.nrets; r++) {
                if (l.rets[r] == dflt)
                    continue;
                const char *act = ret_action(A, l.rets[r]);
                if (!act) {
                    diag_error(&ctx->diag, "E0720", SPAN_NONE, "%s: `%s` on %s returns 0x%x, no seccomp action",
                               path, e->name, info->name, l.rets[r]);
                    ok = false;
                    break;
                }
                Dnf d = l.conds[r];
                for (size_t k = 0; k < d.n; k++) {
                    sb_puts(&body, "    ");
                    put_rule(&body, act, e->name);
                    if (d.terms[k].n) {
                        sb_puts(&body, " if ");
                        put_term(&body, &d.terms[k]);
                    }
                    sb_printf(&body, "  # nr %u\n", e->nr | x32);
                }
            }
        }
        sb_puts(&body, "  }\n");
    }
    char *out = NULL;
    if (!ok && l.unsupported)
        lift_error(ctx, path, l.unsupported, l.bad_pc);
    else if (ok && !have_dflt)
        diag_error(&ctx->diag, "E0720", SPAN_NONE, "%s: the program decides no arch polc knows", path);
    else if (ok) {
        StrBuf sb;
        sb_init(&sb);
        sb_printf(&sb, "# lifted from the seccomp BPF program %s (%zu instructions)\n", path, l.len);
        sb_printf(&sb, "arch %s\ndefault %s\nsyscalls {\n%s}\n", arches.data, ret_action(A, dflt), body.data);
        out = sb_take(&sb);
    }
    sb_free(&body);
    sb_free(&arches);
    stdlib_view_free(view);
    return out;
}

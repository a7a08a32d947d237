/* Seccomp classic-BPF disassembler. See disasm.h.
 *
 * A single forward pass computes, for every instruction, what the
 * accumulator, X and the scratch words hold (a seccomp_data field, a
 * constant, or unknown) and which arch the program has established on every
 * path reaching it. Seccomp programs only jump forward, so visiting the
 * instructions in order sees every predecessor of an instruction first. */
#include "bpf/disasm.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/seccomp.h>

#include "bpf/interp.h"

#define X32_BIT 0x40000000u

/* ------------------------------------------------------------------ */
/* Small growable buffer                                               */

typedef struct {
    char *s;
    size_t len, cap;
    bool oom;
} Buf;

static void buf_vadd(Buf *b, const char *fmt, va_list ap)
{
    if (b->oom)
        return;
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(b->s ? b->s + b->len : NULL, b->s ? b->cap - b->len : 0, fmt, ap2);
    va_end(ap2);
    if (n < 0) {
        b->oom = true;
        return;
    }
    if (!b->s || b->len + (size_t)n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + (size_t)n + 1)
            cap *= 2;
        char *ns = realloc(b->s, cap);
        if (!ns) {
            b->oom = true;
            return;
        }
        b->s = ns;
        b->cap = cap;
        vsnprintf(b->s + b->len, b->cap - b->len, fmt, ap);
    }
    b->len += (size_t)n;
}

static void buf_add(Buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void buf_add(Buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    buf_vadd(b, fmt, ap);
    va_end(ap);
}

/* ------------------------------------------------------------------ */
/* Names                                                               */

static const struct {
    const char *name;
    uint32_t audit;
} AUDIT_ARCHES[] = {
    {"x86_64", 0xc000003eu},     {"i386", 0x40000003u},        {"aarch64", 0xc00000b7u},
    {"arm", 0x40000028u},        {"armeb", 0x00000028u},       {"riscv64", 0xc00000f3u},
    {"riscv32", 0x400000f3u},    {"ppc64le", 0xc0000015u},     {"ppc64", 0x80000015u},
    {"ppc", 0x00000014u},        {"s390x", 0x80000016u},       {"s390", 0x00000016u},
    {"mips", 0x00000008u},       {"mipsel", 0x40000008u},      {"mips64", 0x80000008u},
    {"mipsel64", 0xc0000008u},   {"mips64n32", 0xa0000008u},   {"mipsel64n32", 0xe0000008u},
    {"parisc", 0x0000000fu},     {"parisc64", 0x8000000fu},    {"loongarch64", 0xc0000102u},
    {"m68k", 0x00000004u},       {"sh", 0x4000002au},          {"sparc64", 0x8000002bu},
};

const char *bpf_audit_arch_name(uint32_t audit_arch)
{
    for (size_t i = 0; i < sizeof AUDIT_ARCHES / sizeof *AUDIT_ARCHES; i++)
        if (AUDIT_ARCHES[i].audit == audit_arch)
            return AUDIT_ARCHES[i].name;
    return NULL;
}

bool bpf_audit_arch_from_name(const char *name, uint32_t *audit_arch)
{
    static const struct {
        const char *alias, *name;
    } ALIASES[] = {{"x86", "i386"}, {"x32", "x86_64"}, {"amd64", "x86_64"}, {"arm64", "aarch64"}};
    for (size_t i = 0; i < sizeof ALIASES / sizeof *ALIASES; i++)
        if (strcmp(name, ALIASES[i].alias) == 0)
            name = ALIASES[i].name;
    for (size_t i = 0; i < sizeof AUDIT_ARCHES / sizeof *AUDIT_ARCHES; i++)
        if (strcmp(AUDIT_ARCHES[i].name, name) == 0) {
            *audit_arch = AUDIT_ARCHES[i].audit;
            return true;
        }
    return false;
}

const char *bpf_seccomp_data_field(uint32_t off, char *buf, size_t buflen)
{
    const uint32_t args = (uint32_t)offsetof(struct seccomp_data, args);
    const uint32_t ip = (uint32_t)offsetof(struct seccomp_data, instruction_pointer);
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    const char *w0 = "lo", *w1 = "hi";
#else
    const char *w0 = "hi", *w1 = "lo";
#endif
    if (off >= sizeof(struct seccomp_data) || (off & 3u))
        return NULL;
    if (off == offsetof(struct seccomp_data, nr))
        snprintf(buf, buflen, "nr");
    else if (off == offsetof(struct seccomp_data, arch))
        snprintf(buf, buflen, "arch");
    else if (off == ip || off == ip + 4)
        snprintf(buf, buflen, "instruction_pointer.%s", off == ip ? w0 : w1);
    else
        snprintf(buf, buflen, "args[%u].%s", (off - args) / 8u, (off - args) % 8u ? w1 : w0);
    return buf;
}

/* "ALLOW", "ERRNO(1)", ... as the kernel acts on the value. */
static void describe_ret(uint32_t k, char *out, size_t n, const char **comment)
{
    uint32_t data = k & SECCOMP_RET_DATA;
    *comment = NULL;
    switch (k & SECCOMP_RET_ACTION_FULL) {
    case SECCOMP_RET_KILL_PROCESS: snprintf(out, n, "KILL_PROCESS"); break;
    case SECCOMP_RET_KILL_THREAD: snprintf(out, n, "KILL_THREAD"); break;
    case SECCOMP_RET_TRAP: snprintf(out, n, "TRAP(%u)", data); break;
    case SECCOMP_RET_ERRNO:
        snprintf(out, n, "ERRNO(%u)", data);
        if (data > 4095)
            *comment = "the kernel caps errno at 4095";
        break;
    case SECCOMP_RET_USER_NOTIF: snprintf(out, n, "USER_NOTIF"); break;
    case SECCOMP_RET_TRACE: snprintf(out, n, "TRACE(%u)", data); break;
    case SECCOMP_RET_LOG: snprintf(out, n, "LOG"); break;
    case SECCOMP_RET_ALLOW: snprintf(out, n, "ALLOW"); break;
    default:
        snprintf(out, n, "#0x%x", k);
        *comment = "unknown action: the kernel kills the process";
        return;
    }
    if ((k & SECCOMP_RET_ACTION_FULL) != SECCOMP_RET_TRAP &&
        (k & SECCOMP_RET_ACTION_FULL) != SECCOMP_RET_ERRNO &&
        (k & SECCOMP_RET_ACTION_FULL) != SECCOMP_RET_TRACE && data != 0) {
        size_t l = strlen(out);
        snprintf(out + l, n - l, "|0x%x", data);
    }
}

/* ------------------------------------------------------------------ */
/* Abstract state                                                      */

enum { V_UNKNOWN, V_FIELD, V_CONST };

typedef struct {
    uint8_t kind;
    uint32_t v; /* V_FIELD: seccomp_data offset; V_CONST: value */
} Val;

typedef struct {
    bool reached;
    bool arch_known;
    uint32_t arch;
    Val a, x, mem[BPF_INTERP_MEMWORDS];
} State;

static bool val_eq(Val p, Val q) { return p.kind == q.kind && (p.kind == V_UNKNOWN || p.v == q.v); }

static void val_join(Val *dst, Val src)
{
    if (!val_eq(*dst, src))
        dst->kind = V_UNKNOWN, dst->v = 0;
}

/* Merge state s into the state of instruction `to`. */
static void flow(State *states, size_t len, size_t to, const State *s)
{
    if (to >= len)
        return;
    State *d = &states[to];
    if (!d->reached) {
        *d = *s;
        return;
    }
    if (!d->arch_known || !s->arch_known || d->arch != s->arch)
        d->arch_known = false;
    val_join(&d->a, s->a);
    val_join(&d->x, s->x);
    for (size_t i = 0; i < BPF_INTERP_MEMWORDS; i++)
        val_join(&d->mem[i], s->mem[i]);
}

static bool is_cond_jump(uint16_t code)
{
    if (BPF_CLASS(code) != BPF_JMP)
        return false;
    switch (BPF_OP(code)) {
    case BPF_JEQ:
    case BPF_JGT:
    case BPF_JGE:
    case BPF_JSET: return true;
    default: return false;
    }
}

static bool is_seccomp_jump(uint16_t code)
{
    return (is_cond_jump(code) && (BPF_SRC(code) == BPF_K || BPF_SRC(code) == BPF_X) &&
            (code & ~(BPF_CLASS(0xff) | BPF_OP(0xff) | BPF_SRC(0xff))) == 0) ||
           code == (BPF_JMP | BPF_JA);
}

/* Transfer function: the state after insn pc, for the fall-through or jump edges. */
static void step(const struct sock_filter *f, State *s)
{
    uint32_t k = f->k;
    switch (f->code) {
    case BPF_LD | BPF_W | BPF_ABS: s->a = (Val){V_FIELD, k}; break;
    case BPF_LD | BPF_W | BPF_LEN: s->a = (Val){V_CONST, (uint32_t)sizeof(struct seccomp_data)}; break;
    case BPF_LDX | BPF_W | BPF_LEN: s->x = (Val){V_CONST, (uint32_t)sizeof(struct seccomp_data)}; break;
    case BPF_LD | BPF_IMM: s->a = (Val){V_CONST, k}; break;
    case BPF_LDX | BPF_IMM: s->x = (Val){V_CONST, k}; break;
    case BPF_LD | BPF_MEM: s->a = k < BPF_INTERP_MEMWORDS ? s->mem[k] : (Val){V_UNKNOWN, 0}; break;
    case BPF_LDX | BPF_MEM: s->x = k < BPF_INTERP_MEMWORDS ? s->mem[k] : (Val){V_UNKNOWN, 0}; break;
    case BPF_ST:
        if (k < BPF_INTERP_MEMWORDS)
            s->mem[k] = s->a;
        break;
    case BPF_STX:
        if (k < BPF_INTERP_MEMWORDS)
            s->mem[k] = s->x;
        break;
    case BPF_MISC | BPF_TAX: s->x = s->a; break;
    case BPF_MISC | BPF_TXA: s->a = s->x; break;
    default:
        if (BPF_CLASS(f->code) == BPF_ALU || BPF_CLASS(f->code) == BPF_LD)
            s->a = (Val){V_UNKNOWN, 0};
        else if (BPF_CLASS(f->code) == BPF_LDX)
            s->x = (Val){V_UNKNOWN, 0};
        break;
    }
}

/* ------------------------------------------------------------------ */
/* Listing                                                             */

static const char *const ALU_OPS[16] = {"add", "sub", "mul", "div", "or", "and", "lsh", "rsh",
                                        "neg", "mod", "xor", NULL, NULL, NULL, NULL, NULL};
static const char *const JMP_OPS[16] = {"ja", "jeq", "jgt", "jge", "jset", NULL, NULL, NULL,
                                        NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL};

static void fmt_imm(char *out, size_t n, uint32_t k)
{
    if (k < 10)
        snprintf(out, n, "#%u", k);
    else
        snprintf(out, n, "#0x%x", k);
}

static void label(char *out, size_t n, size_t target) { snprintf(out, n, "L%zu", target); }

/* The comment on a comparison of A with the constant v. */
static void compare_comment(const BpfDisasmOptions *o, const State *s, uint16_t op, uint32_t v,
                            char *out, size_t n)
{
    out[0] = '\0';
    if (s->a.kind != V_FIELD)
        return;
    if (s->a.v == offsetof(struct seccomp_data, arch)) {
        const char *name = bpf_audit_arch_name(v);
        if (name && op != BPF_JSET)
            snprintf(out, n, "%s", name);
        return;
    }
    if (s->a.v != offsetof(struct seccomp_data, nr))
        return;
    bool known = s->arch_known;
    uint32_t arch = s->arch;
    /* the x32 bit: a range test or a bit test (unknown arch too: only x86 has it) */
    if ((!known || arch == 0xc000003eu) &&
        ((op == BPF_JSET && v == X32_BIT) || (op == BPF_JGE && v == X32_BIT) ||
         (op == BPF_JGT && v == X32_BIT - 1))) {
        snprintf(out, n, "x32 bit");
        return;
    }
    if (!known || op == BPF_JSET || !o->syscall_name)
        return;
    const char *name = o->syscall_name(o->syscall_ctx, arch, v);
    if (!name)
        return;
    const char *rel = op == BPF_JGT ? "> " : op == BPF_JGE ? ">= " : "";
    if (arch == 0xc000003eu && (v & X32_BIT))
        snprintf(out, n, "%s%s (x32)", rel, name);
    else
        snprintf(out, n, "%s%s", rel, name);
}

/* Mnemonic and comment for one instruction. */
static void insn_text(const struct sock_filter *prog, size_t len, size_t pc, const State *s,
                      const BpfDisasmOptions *o, char *mn, size_t mnn, char *cm, size_t cmn)
{
    const struct sock_filter *f = &prog[pc];
    uint16_t code = f->code;
    uint32_t k = f->k;
    char imm[32], t1[32], t2[32], field[48];
    const char *c = NULL;
    mn[0] = cm[0] = '\0';
    fmt_imm(imm, sizeof imm, k);

    switch (BPF_CLASS(code)) {
    case BPF_LD:
    case BPF_LDX: {
        const char *ld = BPF_CLASS(code) == BPF_LD ? "ld" : "ldx";
        const char *sz = BPF_SIZE(code) == BPF_W ? "" : BPF_SIZE(code) == BPF_H ? "h" : BPF_SIZE(code) == BPF_B ? "b" : "?";
        switch (BPF_MODE(code)) {
        case BPF_ABS:
            if (BPF_SIZE(code) == BPF_W && BPF_CLASS(code) == BPF_LD &&
                bpf_seccomp_data_field(k, field, sizeof field))
                snprintf(mn, mnn, "ld [%s]", field);
            else
                snprintf(mn, mnn, "%s%s [0x%x]", ld, sz, k);
            break;
        case BPF_IND: snprintf(mn, mnn, "%s%s [x+0x%x]", ld, sz, k); break;
        case BPF_IMM:
            snprintf(mn, mnn, "%s %s", ld, imm);
            break;
        case BPF_MEM: snprintf(mn, mnn, "%s M[%u]", ld, k); break;
        case BPF_LEN:
            snprintf(mn, mnn, "%s len", ld);
            c = "sizeof(struct seccomp_data) = 64";
            break;
        case BPF_MSH: snprintf(mn, mnn, "%s%s 4*([0x%x]&0xf)", ld, sz, k); break;
        default: snprintf(mn, mnn, ".insn 0x%04x, %u, %u, 0x%x", code, f->jt, f->jf, k); break;
        }
        break;
    }
    case BPF_ST: snprintf(mn, mnn, "st M[%u]", k); break;
    case BPF_STX: snprintf(mn, mnn, "stx M[%u]", k); break;
    case BPF_ALU: {
        const char *op = ALU_OPS[BPF_OP(code) >> 4];
        if (!op)
            snprintf(mn, mnn, ".insn 0x%04x, %u, %u, 0x%x", code, f->jt, f->jf, k);
        else if (BPF_OP(code) == BPF_NEG)
            snprintf(mn, mnn, "neg");
        else if (BPF_SRC(code) == BPF_X)
            snprintf(mn, mnn, "%s x", op);
        else
            snprintf(mn, mnn, "%s %s", op, imm);
        break;
    }
    case BPF_JMP: {
        const char *op = JMP_OPS[BPF_OP(code) >> 4];
        if (!op) {
            snprintf(mn, mnn, ".insn 0x%04x, %u, %u, 0x%x", code, f->jt, f->jf, k);
            break;
        }
        if (BPF_OP(code) == BPF_JA) {
            label(t1, sizeof t1, pc + 1 + (size_t)k);
            snprintf(mn, mnn, "ja %s", t1);
            if ((size_t)k >= len - pc - 1)
                c = "jump target past the end";
            break;
        }
        label(t1, sizeof t1, pc + 1 + f->jt);
        label(t2, sizeof t2, pc + 1 + f->jf);
        bool have_v = BPF_SRC(code) == BPF_K || s->x.kind == V_CONST;
        uint32_t v = BPF_SRC(code) == BPF_K ? k : s->x.v;
        bool nr = s->a.kind == V_FIELD && s->a.v == offsetof(struct seccomp_data, nr);
        if (BPF_SRC(code) == BPF_X)
            snprintf(mn, mnn, "%s x, %s, %s", op, t1, t2);
        else if (nr && BPF_OP(code) != BPF_JSET && k < 0x10000u)
            snprintf(mn, mnn, "%s #%u, %s, %s", op, k, t1, t2); /* syscall numbers in decimal */
        else
            snprintf(mn, mnn, "%s %s, %s, %s", op, imm, t1, t2);
        if (have_v)
            compare_comment(o, s, BPF_OP(code), v, cm, cmn);
        if (BPF_SRC(code) == BPF_X && have_v && !cm[0])
            snprintf(cm, cmn, "x = 0x%x", v);
        if (pc + 1 + f->jt >= len || pc + 1 + f->jf >= len)
            c = "jump target past the end";
        break;
    }
    case BPF_RET:
        if (BPF_RVAL(code) == BPF_A) {
            snprintf(mn, mnn, "ret A");
            if (s->a.kind == V_CONST) {
                char r[48];
                const char *rc;
                describe_ret(s->a.v, r, sizeof r, &rc);
                snprintf(cm, cmn, "A = %s", r);
            }
        } else if (BPF_RVAL(code) == BPF_K) {
            char r[48];
            describe_ret(k, r, sizeof r, &c);
            snprintf(mn, mnn, "ret %s", r);
        } else {
            snprintf(mn, mnn, "ret x");
        }
        break;
    case BPF_MISC:
        if (BPF_MISCOP(code) == BPF_TAX && code == (BPF_MISC | BPF_TAX))
            snprintf(mn, mnn, "tax");
        else if (code == (BPF_MISC | BPF_TXA))
            snprintf(mn, mnn, "txa");
        else
            snprintf(mn, mnn, ".insn 0x%04x, %u, %u, 0x%x", code, f->jt, f->jf, k);
        break;
    }
    if (c) {
        size_t l = strlen(cm);
        snprintf(cm + l, cmn - l, "%s%s", l ? "; " : "", c);
    }
}

/* The problem seccomp finds in f on its own (opcode, offsets, constants),
 * BPF_OK when none; jumps and scratch-word initialisation are whole-program
 * properties, left to bpf_validate(). */
static int insn_problem(const struct sock_filter *f)
{
    if (BPF_CLASS(f->code) == BPF_JMP && is_seccomp_jump(f->code))
        return BPF_OK;
    struct sock_filter two[2] = {*f, BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW)};
    if (BPF_CLASS(f->code) == BPF_JMP)
        two[0].jt = two[0].jf = 0, two[0].k = 0;
    int e = bpf_validate(two, 2, NULL);
    return e == BPF_E_UNINIT_MEM || e == BPF_E_JUMP ? BPF_OK : e;
}

char *bpf_disasm(const struct sock_filter *prog, size_t len, const BpfDisasmOptions *opts)
{
    static const BpfDisasmOptions DEFAULTS;
    const BpfDisasmOptions *o = opts ? opts : &DEFAULTS;
    Buf b = {NULL, 0, 0, false};
    size_t bad_pc = 0;
    int err = prog ? bpf_validate(prog, len, &bad_pc) : (len ? BPF_E_NULL : BPF_E_LENGTH);
    if (!prog && len)
        len = 0;

    if (!o->no_header) {
        buf_add(&b, "; seccomp BPF program: %zu instruction%s (%zu bytes)\n", len, len == 1 ? "" : "s",
                len * sizeof(struct sock_filter));
        if (err == BPF_OK)
            buf_add(&b, "; valid: the kernel accepts it\n");
        else if (err == BPF_E_LENGTH || err == BPF_E_NULL)
            buf_add(&b, "; invalid: %s\n", bpf_strerror(err));
        else
            buf_add(&b, "; invalid: %s at instruction %zu\n", bpf_strerror(err), bad_pc);
        if (o->assume_arch) {
            const char *an = bpf_audit_arch_name(o->assume_arch);
            if (an)
                buf_add(&b, "; assuming arch %s until the program checks it\n", an);
            else
                buf_add(&b, "; assuming arch 0x%x until the program checks it\n", o->assume_arch);
        }
    }

    State *states = len ? calloc(len, sizeof *states) : NULL;
    bool *target = len ? calloc(len, sizeof *target) : NULL;
    if (len && (!states || !target)) {
        free(states);
        free(target);
        free(b.s);
        return NULL;
    }
    for (size_t pc = 0; pc < len; pc++) {
        const struct sock_filter *f = &prog[pc];
        if (f->code == (BPF_JMP | BPF_JA)) {
            if ((size_t)f->k < len - pc - 1)
                target[pc + 1 + f->k] = true;
        } else if (is_cond_jump(f->code)) {
            if (pc + 1 + f->jt < len)
                target[pc + 1 + f->jt] = true;
            if (pc + 1 + f->jf < len)
                target[pc + 1 + f->jf] = true;
        }
    }
    if (len) {
        states[0].reached = true;
        states[0].arch_known = o->assume_arch != 0;
        states[0].arch = o->assume_arch;
    }

    size_t width = 1;
    for (size_t n = len ? len - 1 : 0; n >= 10; n /= 10)
        width++;
    char lab[32];
    snprintf(lab, sizeof lab, "L%zu:", len ? len - 1 : 0);
    int labw = (int)strlen(lab) + 1;

    for (size_t pc = 0; pc < len; pc++) {
        const struct sock_filter *f = &prog[pc];
        State s = states[pc];
        char mn[160], cm[200];
        insn_text(prog, len, pc, &s, o, mn, sizeof mn, cm, sizeof cm);
        if (!s.reached) {
            size_t l = strlen(cm);
            snprintf(cm + l, sizeof cm - l, "%sunreachable", l ? "; " : "");
        }
        if (err != BPF_OK && err != BPF_E_LENGTH && err != BPF_E_NULL && pc == bad_pc) {
            char *dup = strstr(cm, "jump target past the end");
            if (dup && err == BPF_E_JUMP) /* said below */
                memmove(dup, dup + strlen("jump target past the end"),
                        strlen(dup + strlen("jump target past the end")) + 1);
            size_t l = strlen(cm);
            while (l >= 2 && cm[l - 2] == ';' && cm[l - 1] == ' ')
                cm[l -= 2] = '\0';
            snprintf(cm + l, sizeof cm - l, "%serror: %s", l ? "; " : "", bpf_strerror(err));
        } else {
            /* what seccomp refuses in this instruction alone (the validator
             * reports only the first problem of a program) */
            int e = insn_problem(f);
            if (e != BPF_OK) {
                size_t l = strlen(cm);
                snprintf(cm + l, sizeof cm - l, "%sinvalid: %s", l ? "; " : "", bpf_strerror(e));
            }
        }
        if (target[pc])
            snprintf(lab, sizeof lab, "L%zu:", pc);
        else
            lab[0] = '\0';
        char line[512];
        int n = snprintf(line, sizeof line, "%*zu  ", (int)width, pc);
        if (o->raw)
            n += snprintf(line + n, sizeof line - (size_t)n, "%04x %02x %02x %08x  ", f->code, f->jt,
                          f->jf, f->k);
        n += snprintf(line + n, sizeof line - (size_t)n, "%-*s%s", labw, lab, mn);
        if (cm[0])
        {
            int col = o->raw ? 68 : 48;
            buf_add(&b, "%-*s; %s\n", n < col ? col : n + 1, line, cm);
        }
        else
            buf_add(&b, "%s\n", line);

        /* propagate */
        if (!s.reached)
            continue;
        if (BPF_CLASS(f->code) == BPF_RET)
            continue;
        if (f->code == (BPF_JMP | BPF_JA)) {
            if ((size_t)f->k < len - pc - 1)
                flow(states, len, pc + 1 + f->k, &s);
            continue;
        }
        if (is_seccomp_jump(f->code)) {
            State t = s, e = s;
            bool have_v = BPF_SRC(f->code) == BPF_K || s.x.kind == V_CONST;
            uint32_t v = BPF_SRC(f->code) == BPF_K ? f->k : s.x.v;
            if (BPF_OP(f->code) == BPF_JEQ && have_v && s.a.kind == V_FIELD &&
                s.a.v == offsetof(struct seccomp_data, arch)) {
                t.arch_known = true;
                t.arch = v;
            }
            flow(states, len, pc + 1 + f->jt, &t);
            flow(states, len, pc + 1 + f->jf, &e);
            continue;
        }
        step(f, &s);
        flow(states, len, pc + 1, &s);
    }
    free(states);
    free(target);
    if (!b.s && !b.oom)
        buf_add(&b, "%s", "");
    if (b.oom) {
        free(b.s);
        return NULL;
    }
    return b.s;
}

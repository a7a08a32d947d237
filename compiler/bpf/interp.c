/* Seccomp classic-BPF validator and interpreter. See interp.h.
 *
 * Validation follows Linux net/core/filter.c bpf_check_classic() and
 * check_load_and_stores(), then kernel/seccomp.c seccomp_check_filter().
 * Execution follows the kernel's classic BPF semantics (as converted to eBPF):
 * 32-bit A and X, division by X == 0 ends the program with return value 0,
 * shifts by X use X & 31, jumps are relative to pc + 1, LD|W|ABS reads a
 * host-endian 32-bit word of struct seccomp_data. */
#include "bpf/interp.h"

#include <string.h>

#define SECCOMP_DATA_SIZE ((uint32_t)sizeof(struct seccomp_data))

/* Opcodes seccomp_check_filter() accepts (after its LD|W|ABS and LEN rewrites). */
static int seccomp_code_allowed(uint16_t code)
{
    switch (code) {
    case BPF_LD | BPF_W | BPF_ABS:
    case BPF_LD | BPF_W | BPF_LEN:
    case BPF_LDX | BPF_W | BPF_LEN:
    case BPF_RET | BPF_K:
    case BPF_RET | BPF_A:
    case BPF_ALU | BPF_ADD | BPF_K:
    case BPF_ALU | BPF_ADD | BPF_X:
    case BPF_ALU | BPF_SUB | BPF_K:
    case BPF_ALU | BPF_SUB | BPF_X:
    case BPF_ALU | BPF_MUL | BPF_K:
    case BPF_ALU | BPF_MUL | BPF_X:
    case BPF_ALU | BPF_DIV | BPF_K:
    case BPF_ALU | BPF_DIV | BPF_X:
    case BPF_ALU | BPF_AND | BPF_K:
    case BPF_ALU | BPF_AND | BPF_X:
    case BPF_ALU | BPF_OR | BPF_K:
    case BPF_ALU | BPF_OR | BPF_X:
    case BPF_ALU | BPF_XOR | BPF_K:
    case BPF_ALU | BPF_XOR | BPF_X:
    case BPF_ALU | BPF_LSH | BPF_K:
    case BPF_ALU | BPF_LSH | BPF_X:
    case BPF_ALU | BPF_RSH | BPF_K:
    case BPF_ALU | BPF_RSH | BPF_X:
    case BPF_ALU | BPF_NEG:
    case BPF_LD | BPF_IMM:
    case BPF_LDX | BPF_IMM:
    case BPF_MISC | BPF_TAX:
    case BPF_MISC | BPF_TXA:
    case BPF_LD | BPF_MEM:
    case BPF_LDX | BPF_MEM:
    case BPF_ST:
    case BPF_STX:
    case BPF_JMP | BPF_JA:
    case BPF_JMP | BPF_JEQ | BPF_K:
    case BPF_JMP | BPF_JEQ | BPF_X:
    case BPF_JMP | BPF_JGE | BPF_K:
    case BPF_JMP | BPF_JGE | BPF_X:
    case BPF_JMP | BPF_JGT | BPF_K:
    case BPF_JMP | BPF_JGT | BPF_X:
    case BPF_JMP | BPF_JSET | BPF_K:
    case BPF_JMP | BPF_JSET | BPF_X:
        return 1;
    default:
        return 0;
    }
}

static int is_cond_jump(uint16_t code)
{
    switch (code) {
    case BPF_JMP | BPF_JEQ | BPF_K:
    case BPF_JMP | BPF_JEQ | BPF_X:
    case BPF_JMP | BPF_JGE | BPF_K:
    case BPF_JMP | BPF_JGE | BPF_X:
    case BPF_JMP | BPF_JGT | BPF_K:
    case BPF_JMP | BPF_JGT | BPF_X:
    case BPF_JMP | BPF_JSET | BPF_K:
    case BPF_JMP | BPF_JSET | BPF_X:
        return 1;
    default:
        return 0;
    }
}

/* Per-instruction checks. Returns BPF_OK or an error code. */
static int check_insn(const struct sock_filter *f, size_t pc, size_t len)
{
    if (!seccomp_code_allowed(f->code))
        return BPF_E_OPCODE;
    switch (f->code) {
    case BPF_LD | BPF_W | BPF_ABS:
        if (f->k >= SECCOMP_DATA_SIZE || (f->k & 3u) != 0)
            return BPF_E_LD_OFFSET;
        break;
    case BPF_ALU | BPF_DIV | BPF_K:
        if (f->k == 0)
            return BPF_E_DIV_ZERO;
        break;
    case BPF_ALU | BPF_LSH | BPF_K:
    case BPF_ALU | BPF_RSH | BPF_K:
        if (f->k >= 32)
            return BPF_E_SHIFT;
        break;
    case BPF_LD | BPF_MEM:
    case BPF_LDX | BPF_MEM:
    case BPF_ST:
    case BPF_STX:
        if (f->k >= BPF_INTERP_MEMWORDS)
            return BPF_E_MEM_INDEX;
        break;
    case BPF_JMP | BPF_JA:
        /* kernel: k >= (unsigned)(flen - pc - 1) */
        if ((size_t)f->k >= len - pc - 1)
            return BPF_E_JUMP;
        break;
    default:
        if (is_cond_jump(f->code) && (pc + f->jt + 1 >= len || pc + f->jf + 1 >= len))
            return BPF_E_JUMP;
        break;
    }
    return BPF_OK;
}

/* Kernel check_load_and_stores(): a scratch word may only be loaded if it was
 * stored on every path reaching the load. Same (forward-only) dataflow,
 * including its quirks: state after RET is carried into the next insn. */
static int check_load_and_stores(const struct sock_filter *prog, size_t len, size_t *bad_pc)
{
    uint16_t masks[BPF_INTERP_MAX_INSNS];
    uint16_t memvalid = 0;

    memset(masks, 0xff, len * sizeof(masks[0]));
    for (size_t pc = 0; pc < len; pc++) {
        const struct sock_filter *f = &prog[pc];
        memvalid &= masks[pc];
        switch (f->code) {
        case BPF_ST:
        case BPF_STX:
            memvalid |= (uint16_t)(1u << f->k);
            break;
        case BPF_LD | BPF_MEM:
        case BPF_LDX | BPF_MEM:
            if (!(memvalid & (1u << f->k))) {
                *bad_pc = pc;
                return BPF_E_UNINIT_MEM;
            }
            break;
        case BPF_JMP | BPF_JA:
            masks[pc + 1 + f->k] &= memvalid;
            memvalid = 0xffff;
            break;
        default:
            if (is_cond_jump(f->code)) {
                masks[pc + 1 + f->jt] &= memvalid;
                masks[pc + 1 + f->jf] &= memvalid;
                memvalid = 0xffff;
            }
            break;
        }
    }
    return BPF_OK;
}

int bpf_validate(const struct sock_filter *prog, size_t len, size_t *bad_pc)
{
    size_t dummy;
    if (!bad_pc)
        bad_pc = &dummy;
    *bad_pc = 0;
    if (!prog)
        return BPF_E_NULL;
    if (len == 0 || len > BPF_INTERP_MAX_INSNS)
        return BPF_E_LENGTH;
    for (size_t pc = 0; pc < len; pc++) {
        int rc = check_insn(&prog[pc], pc, len);
        if (rc != BPF_OK) {
            *bad_pc = pc;
            return rc;
        }
    }
    if (prog[len - 1].code != (BPF_RET | BPF_K) && prog[len - 1].code != (BPF_RET | BPF_A)) {
        *bad_pc = len - 1;
        return BPF_E_NO_RET;
    }
    return check_load_and_stores(prog, len, bad_pc);
}

static BpfResult fail(BpfResult r, int code)
{
    r.ret = 0;
    r.error = code;
    return r;
}

BpfResult bpf_run_trace(const struct sock_filter *prog, size_t len, const struct seccomp_data *d,
                        BpfTraceFn trace, void *trace_ctx)
{
    BpfResult r = {0, 0, BPF_OK};
    uint32_t a = 0, x = 0;
    uint32_t mem[BPF_INTERP_MEMWORDS];
    size_t pc = 0;

    memset(mem, 0, sizeof mem);
    if (!prog || !d)
        return fail(r, BPF_E_NULL);

    while (pc < len) {
        const struct sock_filter *f = &prog[pc];
        uint32_t k = f->k;
        if (trace)
            trace(trace_ctx, pc, f, a, x);
        r.executed++;
        pc++;
        switch (f->code) {
        case BPF_LD | BPF_W | BPF_ABS: {
            uint32_t w;
            if (k >= SECCOMP_DATA_SIZE || (k & 3u) != 0)
                return fail(r, BPF_E_LD_OFFSET);
            memcpy(&w, (const unsigned char *)d + k, sizeof w);
            a = w;
            break;
        }
        case BPF_LD | BPF_W | BPF_LEN: a = SECCOMP_DATA_SIZE; break;
        case BPF_LDX | BPF_W | BPF_LEN: x = SECCOMP_DATA_SIZE; break;
        case BPF_LD | BPF_IMM: a = k; break;
        case BPF_LDX | BPF_IMM: x = k; break;
        case BPF_LD | BPF_MEM:
            if (k >= BPF_INTERP_MEMWORDS)
                return fail(r, BPF_E_MEM_INDEX);
            a = mem[k];
            break;
        case BPF_LDX | BPF_MEM:
            if (k >= BPF_INTERP_MEMWORDS)
                return fail(r, BPF_E_MEM_INDEX);
            x = mem[k];
            break;
        case BPF_ST:
            if (k >= BPF_INTERP_MEMWORDS)
                return fail(r, BPF_E_MEM_INDEX);
            mem[k] = a;
            break;
        case BPF_STX:
            if (k >= BPF_INTERP_MEMWORDS)
                return fail(r, BPF_E_MEM_INDEX);
            mem[k] = x;
            break;
        case BPF_ALU | BPF_ADD | BPF_K: a += k; break;
        case BPF_ALU | BPF_ADD | BPF_X: a += x; break;
        case BPF_ALU | BPF_SUB | BPF_K: a -= k; break;
        case BPF_ALU | BPF_SUB | BPF_X: a -= x; break;
        case BPF_ALU | BPF_MUL | BPF_K: a *= k; break;
        case BPF_ALU | BPF_MUL | BPF_X: a *= x; break;
        case BPF_ALU | BPF_DIV | BPF_K:
            if (k == 0)
                return fail(r, BPF_E_DIV_ZERO);
            a /= k;
            break;
        case BPF_ALU | BPF_DIV | BPF_X:
            if (x == 0) { /* kernel: the program returns 0 */
                r.ret = 0;
                return r;
            }
            a /= x;
            break;
        case BPF_ALU | BPF_MOD | BPF_K: /* not accepted by seccomp; classic semantics */
            if (k == 0)
                return fail(r, BPF_E_DIV_ZERO);
            a %= k;
            break;
        case BPF_ALU | BPF_MOD | BPF_X:
            if (x == 0) {
                r.ret = 0;
                return r;
            }
            a %= x;
            break;
        case BPF_ALU | BPF_AND | BPF_K: a &= k; break;
        case BPF_ALU | BPF_AND | BPF_X: a &= x; break;
        case BPF_ALU | BPF_OR | BPF_K: a |= k; break;
        case BPF_ALU | BPF_OR | BPF_X: a |= x; break;
        case BPF_ALU | BPF_XOR | BPF_K: a ^= k; break;
        case BPF_ALU | BPF_XOR | BPF_X: a ^= x; break;
        case BPF_ALU | BPF_LSH | BPF_K: a <<= (k & 31u); break;
        case BPF_ALU | BPF_LSH | BPF_X: a <<= (x & 31u); break;
        case BPF_ALU | BPF_RSH | BPF_K: a >>= (k & 31u); break;
        case BPF_ALU | BPF_RSH | BPF_X: a >>= (x & 31u); break;
        case BPF_ALU | BPF_NEG: a = 0u - a; break;
        case BPF_MISC | BPF_TAX: x = a; break;
        case BPF_MISC | BPF_TXA: a = x; break;
        case BPF_JMP | BPF_JA:
            if ((size_t)k >= len - pc)
                return fail(r, BPF_E_JUMP);
            pc += k;
            break;
        case BPF_JMP | BPF_JEQ | BPF_K: pc += (a == k) ? f->jt : f->jf; break;
        case BPF_JMP | BPF_JEQ | BPF_X: pc += (a == x) ? f->jt : f->jf; break;
        case BPF_JMP | BPF_JGT | BPF_K: pc += (a > k) ? f->jt : f->jf; break;
        case BPF_JMP | BPF_JGT | BPF_X: pc += (a > x) ? f->jt : f->jf; break;
        case BPF_JMP | BPF_JGE | BPF_K: pc += (a >= k) ? f->jt : f->jf; break;
        case BPF_JMP | BPF_JGE | BPF_X: pc += (a >= x) ? f->jt : f->jf; break;
        case BPF_JMP | BPF_JSET | BPF_K: pc += (a & k) ? f->jt : f->jf; break;
        case BPF_JMP | BPF_JSET | BPF_X: pc += (a & x) ? f->jt : f->jf; break;
        case BPF_RET | BPF_K: r.ret = k; return r;
        case BPF_RET | BPF_A: r.ret = a; return r;
        default:
            return fail(r, BPF_E_OPCODE);
        }
    }
    return fail(r, BPF_E_PC_RANGE);
}

BpfResult bpf_run(const struct sock_filter *prog, size_t len, const struct seccomp_data *d)
{
    return bpf_run_trace(prog, len, d, NULL, NULL);
}

const char *bpf_strerror(int code)
{
    switch (code) {
    case BPF_OK: return "ok";
    case BPF_E_LENGTH: return "program length must be 1..4096 instructions";
    case BPF_E_OPCODE: return "opcode not allowed in a seccomp filter";
    case BPF_E_LD_OFFSET: return "LD|W|ABS offset must be 4-byte aligned and inside struct seccomp_data";
    case BPF_E_MEM_INDEX: return "scratch memory index must be < 16";
    case BPF_E_DIV_ZERO: return "division by constant zero";
    case BPF_E_SHIFT: return "constant shift amount must be < 32";
    case BPF_E_JUMP: return "jump target out of range";
    case BPF_E_NO_RET: return "last instruction must be RET";
    case BPF_E_UNINIT_MEM: return "scratch memory word read before it is written";
    case BPF_E_NULL: return "NULL program or data";
    case BPF_E_PC_RANGE: return "execution ran past the end of the program";
    default: return "unknown error";
    }
}

/* Append s to buf (bounded); *pos tracks the would-be length. */
static void put_str(char *buf, size_t buflen, size_t *pos, const char *s)
{
    for (; *s; s++, (*pos)++)
        if (*pos + 1 < buflen)
            buf[*pos] = *s;
}

static void put_uint(char *buf, size_t buflen, size_t *pos, uint32_t v, int hex)
{
    char tmp[16];
    size_t n = 0;
    uint32_t base = hex ? 16u : 10u;
    do {
        tmp[n++] = "0123456789abcdef"[v % base];
        v /= base;
    } while (v);
    if (hex)
        put_str(buf, buflen, pos, "0x");
    while (n > 0) {
        char c[2] = {tmp[--n], 0};
        put_str(buf, buflen, pos, c);
    }
}

char *bpf_describe_ret(uint32_t ret, char *buf, size_t buflen)
{
    size_t pos = 0;
    uint32_t data = ret & SECCOMP_RET_DATA;
    if (!buf || buflen == 0)
        return buf;
    switch (ret & SECCOMP_RET_ACTION_FULL) {
    case SECCOMP_RET_KILL_PROCESS: put_str(buf, buflen, &pos, "kill-process"); break;
    case SECCOMP_RET_KILL_THREAD: put_str(buf, buflen, &pos, "kill-thread"); break;
    case SECCOMP_RET_TRAP:
        put_str(buf, buflen, &pos, "trap(");
        put_uint(buf, buflen, &pos, data, 0);
        put_str(buf, buflen, &pos, ")");
        break;
    case SECCOMP_RET_ERRNO:
        put_str(buf, buflen, &pos, "errno(");
        put_uint(buf, buflen, &pos, data, 0);
        put_str(buf, buflen, &pos, ")");
        break;
    case SECCOMP_RET_USER_NOTIF: put_str(buf, buflen, &pos, "notify"); break;
    case SECCOMP_RET_TRACE:
        put_str(buf, buflen, &pos, "trace(");
        put_uint(buf, buflen, &pos, data, 0);
        put_str(buf, buflen, &pos, ")");
        break;
    case SECCOMP_RET_LOG: put_str(buf, buflen, &pos, "log"); break;
    case SECCOMP_RET_ALLOW: put_str(buf, buflen, &pos, "allow"); break;
    default: /* the kernel treats unknown actions as kill-process */
        put_str(buf, buflen, &pos, "unknown(");
        put_uint(buf, buflen, &pos, ret, 1);
        put_str(buf, buflen, &pos, ")");
        break;
    }
    buf[pos < buflen ? pos : buflen - 1] = '\0';
    return buf;
}

/* Unit tests for compiler/bpf/interp.c, with a differential check against the
 * running kernel: the same programs are loaded with seccomp(2) in forked
 * children and the observed syscall outcome is compared with bpf_run().
 *
 * Usage: test_interp [--no-kernel | --kernel-only]
 * Exit: 0 pass, 1 failure, 77 kernel part skipped (seccomp unavailable;
 * with CI=true an unavailable seccomp is a failure instead). */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "bpf/interp.h"

#include <errno.h>
#include <linux/audit.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#define N(a) (sizeof(a) / sizeof((a)[0]))
#define S(code, k) {(uint16_t)(code), 0, 0, (uint32_t)(k)}
#define J(code, k, jt, jf) {(uint16_t)(code), (uint8_t)(jt), (uint8_t)(jf), (uint32_t)(k)}

#define OFF_NR ((uint32_t)offsetof(struct seccomp_data, nr))
#define OFF_ARCH ((uint32_t)offsetof(struct seccomp_data, arch))
#define OFF_IP ((uint32_t)offsetof(struct seccomp_data, instruction_pointer))
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define ARG_LO(i) ((uint32_t)(offsetof(struct seccomp_data, args) + 8u * (i)))
#define ARG_HI(i) ((uint32_t)(offsetof(struct seccomp_data, args) + 8u * (i) + 4u))
#else
#define ARG_LO(i) ((uint32_t)(offsetof(struct seccomp_data, args) + 8u * (i) + 4u))
#define ARG_HI(i) ((uint32_t)(offsetof(struct seccomp_data, args) + 8u * (i)))
#endif

#if defined(__x86_64__)
#define HOST_AUDIT_ARCH AUDIT_ARCH_X86_64
#elif defined(__aarch64__)
#define HOST_AUDIT_ARCH AUDIT_ARCH_AARCH64
#elif defined(__i386__)
#define HOST_AUDIT_ARCH AUDIT_ARCH_I386
#else
#define HOST_AUDIT_ARCH 0u
#endif

#define RET_ERRNO(n) (SECCOMP_RET_ERRNO | ((n) & SECCOMP_RET_DATA))

#include "test_check.h"

static struct seccomp_data mkdata(int nr, uint32_t arch, uint64_t a0, uint64_t a1, uint64_t a2)
{
    struct seccomp_data d;
    memset(&d, 0, sizeof d);
    d.nr = nr;
    d.arch = arch;
    d.instruction_pointer = 0x401000;
    d.args[0] = a0;
    d.args[1] = a1;
    d.args[2] = a2;
    return d;
}

/* ------------------------------------------------------------------ */
/* Validation table                                                    */

typedef struct {
    const char *name;
    const struct sock_filter *prog;
    size_t len;
    int err;     /* expected bpf_validate result */
    size_t pc;   /* expected bad pc when err != 0 */
} ValCase;

#define P(...) ((const struct sock_filter[]){__VA_ARGS__})
#define VC(name, err, pc, ...)                                                                     \
    {name, P(__VA_ARGS__), sizeof(P(__VA_ARGS__)) / sizeof(struct sock_filter), err, pc}

static const ValCase val_cases[] = {
    VC("ret k", BPF_OK, 0, S(BPF_RET | BPF_K, SECCOMP_RET_ALLOW)),
    VC("ret a", BPF_OK, 0, S(BPF_RET | BPF_A, 0)),
    VC("ld nr", BPF_OK, 0, S(BPF_LD | BPF_W | BPF_ABS, OFF_NR), S(BPF_RET | BPF_A, 0)),
    VC("ld last word", BPF_OK, 0, S(BPF_LD | BPF_W | BPF_ABS, 60), S(BPF_RET | BPF_A, 0)),
    VC("ld unaligned", BPF_E_LD_OFFSET, 0, S(BPF_LD | BPF_W | BPF_ABS, 2), S(BPF_RET | BPF_A, 0)),
    VC("ld past end", BPF_E_LD_OFFSET, 1, S(BPF_LD | BPF_IMM, 0), S(BPF_LD | BPF_W | BPF_ABS, 64),
       S(BPF_RET | BPF_A, 0)),
    VC("ld ancillary", BPF_E_LD_OFFSET, 0, S(BPF_LD | BPF_W | BPF_ABS, 0xfffff000u),
       S(BPF_RET | BPF_A, 0)),
    VC("ld half", BPF_E_OPCODE, 0, S(BPF_LD | BPF_H | BPF_ABS, 0), S(BPF_RET | BPF_A, 0)),
    VC("ld byte", BPF_E_OPCODE, 0, S(BPF_LD | BPF_B | BPF_ABS, 0), S(BPF_RET | BPF_A, 0)),
    VC("ld ind", BPF_E_OPCODE, 0, S(BPF_LD | BPF_W | BPF_IND, 0), S(BPF_RET | BPF_A, 0)),
    VC("ldx msh", BPF_E_OPCODE, 0, S(BPF_LDX | BPF_B | BPF_MSH, 0), S(BPF_RET | BPF_A, 0)),
    VC("ld len", BPF_OK, 0, S(BPF_LD | BPF_W | BPF_LEN, 0), S(BPF_RET | BPF_A, 0)),
    VC("ldx len", BPF_OK, 0, S(BPF_LDX | BPF_W | BPF_LEN, 0), S(BPF_RET | BPF_A, 0)),
    VC("ret x", BPF_E_OPCODE, 0, S(BPF_RET | BPF_X, 0)),
    VC("mod k", BPF_E_OPCODE, 0, S(BPF_ALU | BPF_MOD | BPF_K, 3), S(BPF_RET | BPF_A, 0)),
    VC("mod x", BPF_E_OPCODE, 0, S(BPF_ALU | BPF_MOD | BPF_X, 0), S(BPF_RET | BPF_A, 0)),
    VC("unknown code", BPF_E_OPCODE, 1, S(BPF_LD | BPF_IMM, 0), S(0xffff, 0), S(BPF_RET | BPF_A, 0)),
    VC("jne is not classic", BPF_E_OPCODE, 0, J(BPF_JMP | 0x50 | BPF_K, 0, 0, 0),
       S(BPF_RET | BPF_A, 0)),
    VC("div k 0", BPF_E_DIV_ZERO, 0, S(BPF_ALU | BPF_DIV | BPF_K, 0), S(BPF_RET | BPF_A, 0)),
    VC("div k 1", BPF_OK, 0, S(BPF_ALU | BPF_DIV | BPF_K, 1), S(BPF_RET | BPF_A, 0)),
    VC("div x", BPF_OK, 0, S(BPF_ALU | BPF_DIV | BPF_X, 0), S(BPF_RET | BPF_A, 0)),
    VC("lsh k 31", BPF_OK, 0, S(BPF_ALU | BPF_LSH | BPF_K, 31), S(BPF_RET | BPF_A, 0)),
    VC("lsh k 32", BPF_E_SHIFT, 0, S(BPF_ALU | BPF_LSH | BPF_K, 32), S(BPF_RET | BPF_A, 0)),
    VC("rsh k 40", BPF_E_SHIFT, 0, S(BPF_ALU | BPF_RSH | BPF_K, 40), S(BPF_RET | BPF_A, 0)),
    VC("neg", BPF_OK, 0, S(BPF_ALU | BPF_NEG, 0), S(BPF_RET | BPF_A, 0)),
    VC("st 15 ld 15", BPF_OK, 0, S(BPF_ST, 15), S(BPF_LD | BPF_MEM, 15), S(BPF_RET | BPF_A, 0)),
    VC("st 16", BPF_E_MEM_INDEX, 0, S(BPF_ST, 16), S(BPF_RET | BPF_A, 0)),
    VC("stx 16", BPF_E_MEM_INDEX, 0, S(BPF_STX, 16), S(BPF_RET | BPF_A, 0)),
    VC("ldx mem 99", BPF_E_MEM_INDEX, 1, S(BPF_ST, 0), S(BPF_LDX | BPF_MEM, 99), S(BPF_RET | BPF_A, 0)),
    VC("ld mem uninit", BPF_E_UNINIT_MEM, 0, S(BPF_LD | BPF_MEM, 3), S(BPF_RET | BPF_A, 0)),
    VC("ldx mem other word", BPF_E_UNINIT_MEM, 1, S(BPF_ST, 2), S(BPF_LDX | BPF_MEM, 3),
       S(BPF_RET | BPF_A, 0)),
    VC("st one branch", BPF_E_UNINIT_MEM, 4, J(BPF_JMP | BPF_JEQ | BPF_K, 1, 0, 1), S(BPF_ST, 0),
       S(BPF_LD | BPF_IMM, 7), S(BPF_LD | BPF_IMM, 8), S(BPF_LD | BPF_MEM, 0),
       S(BPF_RET | BPF_A, 0)),
    VC("st both branches", BPF_OK, 0, J(BPF_JMP | BPF_JEQ | BPF_K, 1, 0, 2), S(BPF_ST, 0),
       S(BPF_JMP | BPF_JA, 1), S(BPF_ST, 0), S(BPF_LD | BPF_MEM, 0), S(BPF_RET | BPF_A, 0)),
    VC("st before jump", BPF_OK, 0, S(BPF_STX, 4), J(BPF_JMP | BPF_JGT | BPF_X, 0, 1, 0),
       S(BPF_LD | BPF_IMM, 1), S(BPF_LDX | BPF_MEM, 4), S(BPF_RET | BPF_A, 0)),
    /* kernel quirk: the state after a RET (nothing stored) flows into the next insn, so the
     * load at pc4, reachable only through the ja at pc2 after the store, is still rejected */
    VC("ret falls into join quirk", BPF_E_UNINIT_MEM, 4, J(BPF_JMP | BPF_JEQ | BPF_K, 0, 0, 2),
       S(BPF_ST, 1), S(BPF_JMP | BPF_JA, 1), S(BPF_RET | BPF_K, 0), S(BPF_LD | BPF_MEM, 1),
       S(BPF_RET | BPF_A, 0)),
    VC("ja in range", BPF_OK, 0, S(BPF_JMP | BPF_JA, 1), S(BPF_RET | BPF_K, 1), S(BPF_RET | BPF_K, 2)),
    VC("ja past end", BPF_E_JUMP, 0, S(BPF_JMP | BPF_JA, 2), S(BPF_RET | BPF_K, 1),
       S(BPF_RET | BPF_K, 2)),
    VC("ja huge", BPF_E_JUMP, 0, S(BPF_JMP | BPF_JA, 0xffffffffu), S(BPF_RET | BPF_K, 1)),
    VC("jeq jt past end", BPF_E_JUMP, 0, J(BPF_JMP | BPF_JEQ | BPF_K, 0, 2, 0),
       S(BPF_RET | BPF_K, 1), S(BPF_RET | BPF_K, 2)),
    VC("jset jf past end", BPF_E_JUMP, 1, S(BPF_LD | BPF_IMM, 0),
       J(BPF_JMP | BPF_JSET | BPF_X, 0, 0, 1), S(BPF_RET | BPF_K, 2)),
    VC("jge last ok", BPF_OK, 0, J(BPF_JMP | BPF_JGE | BPF_K, 0, 1, 0), S(BPF_RET | BPF_K, 1),
       S(BPF_RET | BPF_K, 2)),
    VC("no ret", BPF_E_NO_RET, 1, S(BPF_RET | BPF_K, 0), S(BPF_LD | BPF_IMM, 0)),
    VC("ends in jump", BPF_E_JUMP, 0, S(BPF_JMP | BPF_JA, 0)),
    VC("tax txa", BPF_OK, 0, S(BPF_MISC | BPF_TAX, 0), S(BPF_MISC | BPF_TXA, 0), S(BPF_RET | BPF_A, 0)),
    VC("misc other", BPF_E_OPCODE, 0, S(BPF_MISC | 0x40, 0), S(BPF_RET | BPF_A, 0)),
};

static void test_validation(void)
{
    for (size_t i = 0; i < N(val_cases); i++) {
        const ValCase *c = &val_cases[i];
        size_t pc = 12345;
        int rc = bpf_validate(c->prog, c->len, &pc);
        CHECK(rc == c->err, "validate '%s': got %d (%s) want %d (%s)", c->name, rc, bpf_strerror(rc),
              c->err, bpf_strerror(c->err));
        if (rc == c->err && rc != BPF_OK)
            CHECK(pc == c->pc, "validate '%s': bad pc %zu want %zu", c->name, pc, c->pc);
    }

    /* lengths */
    static struct sock_filter big[BPF_INTERP_MAX_INSNS + 1];
    for (size_t i = 0; i < N(big); i++)
        big[i] = (struct sock_filter)S(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
    size_t pc = 99;
    CHECK(bpf_validate(big, 0, &pc) == BPF_E_LENGTH && pc == 0, "empty program");
    CHECK(bpf_validate(big, BPF_INTERP_MAX_INSNS, &pc) == BPF_OK, "4096 insns ok");
    CHECK(bpf_validate(big, BPF_INTERP_MAX_INSNS + 1, &pc) == BPF_E_LENGTH, "4097 insns");
    CHECK(bpf_validate(NULL, 1, &pc) == BPF_E_NULL, "NULL program");
    CHECK(bpf_validate(big, 1, NULL) == BPF_OK, "NULL bad_pc pointer");
    /* long forward jump across the whole program */
    big[0] = (struct sock_filter)S(BPF_JMP | BPF_JA, BPF_INTERP_MAX_INSNS - 2);
    big[BPF_INTERP_MAX_INSNS - 1] = (struct sock_filter)S(BPF_RET | BPF_K, 77);
    CHECK(bpf_validate(big, BPF_INTERP_MAX_INSNS, &pc) == BPF_OK, "long ja");
    struct seccomp_data d = mkdata(0, 0, 0, 0, 0);
    BpfResult r = bpf_run(big, BPF_INTERP_MAX_INSNS, &d);
    CHECK(r.ret == 77 && r.executed == 2 && r.error == 0, "long ja run: ret %u exec %zu", r.ret,
          r.executed);

    for (int code = 0; code < BPF_E_COUNT_; code++)
        CHECK(strcmp(bpf_strerror(code), "unknown error") != 0, "message for code %d", code);
    CHECK(strcmp(bpf_strerror(1000), "unknown error") == 0, "unknown code message");
}

/* ------------------------------------------------------------------ */
/* Execution table                                                     */

typedef struct {
    const char *name;
    const struct sock_filter *prog;
    size_t len;
    struct seccomp_data d;
    uint32_t ret;
    size_t executed;
} RunCase;

#define D(nr_, arch_, a0, a1, a2)                                                                   \
    {.nr = (nr_), .arch = (arch_), .instruction_pointer = 0x401000, .args = {(a0), (a1), (a2)}}
#define RC(name, d, ret, exec, ...)                                                                \
    {name, P(__VA_ARGS__), sizeof(P(__VA_ARGS__)) / sizeof(struct sock_filter), d, ret, exec}

/* if nr == 39 && arch == X86_64: ERRNO(args[0] lo & 0xfff) else ALLOW */
#define PROG_NR_ARG                                                                                \
    S(BPF_LD | BPF_W | BPF_ABS, OFF_ARCH), J(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, 0, 6),   \
        S(BPF_LD | BPF_W | BPF_ABS, OFF_NR), J(BPF_JMP | BPF_JEQ | BPF_K, 39, 0, 4),                \
        S(BPF_LD | BPF_W | BPF_ABS, ARG_LO(0)), S(BPF_ALU | BPF_AND | BPF_K, 0xfff),               \
        S(BPF_ALU | BPF_OR | BPF_K, SECCOMP_RET_ERRNO), S(BPF_RET | BPF_A, 0),                     \
        S(BPF_RET | BPF_K, SECCOMP_RET_ALLOW)

static const RunCase run_cases[] = {
    RC("ret k", D(0, 0, 0, 0, 0), 1234, 1, S(BPF_RET | BPF_K, 1234)),
    RC("nr/arg match", D(39, AUDIT_ARCH_X86_64, 0x1005, 0, 0), RET_ERRNO(5), 8, PROG_NR_ARG),
    RC("nr mismatch", D(40, AUDIT_ARCH_X86_64, 5, 0, 0), SECCOMP_RET_ALLOW, 5, PROG_NR_ARG),
    RC("arch mismatch", D(39, AUDIT_ARCH_I386, 5, 0, 0), SECCOMP_RET_ALLOW, 3, PROG_NR_ARG),
    RC("arg hi word", D(0, 0, 0xdeadbeef00000001ull, 0, 0), 0xdeadbeefu, 2,
       S(BPF_LD | BPF_W | BPF_ABS, ARG_HI(0)), S(BPF_RET | BPF_A, 0)),
    RC("arg2 lo word", D(0, 0, 0, 0, 0x1122334455667788ull), 0x55667788u, 2,
       S(BPF_LD | BPF_W | BPF_ABS, ARG_LO(2)), S(BPF_RET | BPF_A, 0)),
    RC("ip lo word", D(0, 0, 0, 0, 0), 0x401000u, 2,
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
       S(BPF_LD | BPF_W | BPF_ABS, OFF_IP),
#else
       S(BPF_LD | BPF_W | BPF_ABS, OFF_IP + 4),
#endif
       S(BPF_RET | BPF_A, 0)),
    RC("negative nr", D(-1, 0, 0, 0, 0), 0xffffffffu, 2, S(BPF_LD | BPF_W | BPF_ABS, OFF_NR),
       S(BPF_RET | BPF_A, 0)),
    RC("ld len", D(0, 0, 0, 0, 0), 64, 2, S(BPF_LD | BPF_W | BPF_LEN, 0), S(BPF_RET | BPF_A, 0)),
    RC("ldx len", D(0, 0, 0, 0, 0), 64, 3, S(BPF_LDX | BPF_W | BPF_LEN, 0),
       S(BPF_MISC | BPF_TXA, 0), S(BPF_RET | BPF_A, 0)),
    RC("add sub wrap", D(0, 0, 0, 0, 0), 0xfffffffeu, 4, S(BPF_LD | BPF_IMM, 1),
       S(BPF_ALU | BPF_SUB | BPF_K, 5), S(BPF_ALU | BPF_ADD | BPF_K, 2), S(BPF_RET | BPF_A, 0)),
    RC("mul wrap", D(0, 0, 0, 0, 0), 0x00000000u, 3, S(BPF_LD | BPF_IMM, 0x10000),
       S(BPF_ALU | BPF_MUL | BPF_K, 0x10000), S(BPF_RET | BPF_A, 0)),
    RC("mul x", D(0, 0, 0, 0, 0), 42, 4, S(BPF_LD | BPF_IMM, 6), S(BPF_LDX | BPF_IMM, 7),
       S(BPF_ALU | BPF_MUL | BPF_X, 0), S(BPF_RET | BPF_A, 0)),
    RC("div k", D(0, 0, 0, 0, 0), 33, 3, S(BPF_LD | BPF_IMM, 100), S(BPF_ALU | BPF_DIV | BPF_K, 3),
       S(BPF_RET | BPF_A, 0)),
    RC("div x", D(0, 0, 0, 0, 0), 0x7fffffffu, 4, S(BPF_LD | BPF_IMM, 0xffffffffu),
       S(BPF_LDX | BPF_IMM, 2), S(BPF_ALU | BPF_DIV | BPF_X, 0), S(BPF_RET | BPF_A, 0)),
    RC("div x by zero returns 0", D(0, 0, 0, 0, 0), 0, 3, S(BPF_LD | BPF_IMM, 100),
       S(BPF_LDX | BPF_IMM, 0), S(BPF_ALU | BPF_DIV | BPF_X, 0),
       S(BPF_RET | BPF_K, SECCOMP_RET_ALLOW)),
    RC("and or xor", D(0, 0, 0, 0, 0), ((0xf0f0u & 0xff00u) | 0x3u) ^ 0x101u, 5,
       S(BPF_LD | BPF_IMM, 0xf0f0), S(BPF_ALU | BPF_AND | BPF_K, 0xff00), S(BPF_ALU | BPF_OR | BPF_K, 3),
       S(BPF_ALU | BPF_XOR | BPF_K, 0x101), S(BPF_RET | BPF_A, 0)),
    RC("and or xor x", D(0, 0, 0, 0, 0), 0x0ff0u, 6, S(BPF_LD | BPF_IMM, 0xffff),
       S(BPF_LDX | BPF_IMM, 0x0ff0), S(BPF_ALU | BPF_AND | BPF_X, 0), S(BPF_ALU | BPF_OR | BPF_X, 0),
       S(BPF_ALU | BPF_XOR | BPF_K, 0), S(BPF_RET | BPF_A, 0)),
    RC("lsh rsh k", D(0, 0, 0, 0, 0), 0x1u, 4, S(BPF_LD | BPF_IMM, 0x80000001u),
       S(BPF_ALU | BPF_LSH | BPF_K, 31), S(BPF_ALU | BPF_RSH | BPF_K, 31), S(BPF_RET | BPF_A, 0)),
    RC("lsh x masks to 5 bits", D(0, 0, 0, 0, 0), 0x6u, 4, S(BPF_LD | BPF_IMM, 3),
       S(BPF_LDX | BPF_IMM, 33), S(BPF_ALU | BPF_LSH | BPF_X, 0), S(BPF_RET | BPF_A, 0)),
    RC("rsh x masks to 5 bits", D(0, 0, 0, 0, 0), 0x1u, 4, S(BPF_LD | BPF_IMM, 0x100),
       S(BPF_LDX | BPF_IMM, 40), S(BPF_ALU | BPF_RSH | BPF_X, 0), S(BPF_RET | BPF_A, 0)),
    RC("neg", D(0, 0, 0, 0, 0), 0xfffffffbu, 3, S(BPF_LD | BPF_IMM, 5), S(BPF_ALU | BPF_NEG, 0),
       S(BPF_RET | BPF_A, 0)),
    RC("scratch", D(0, 0, 0, 0, 0), 11, 8, S(BPF_LD | BPF_IMM, 5), S(BPF_ST, 3),
       S(BPF_LDX | BPF_IMM, 6), S(BPF_STX, 15), S(BPF_LD | BPF_MEM, 15), S(BPF_LDX | BPF_MEM, 3),
       S(BPF_ALU | BPF_ADD | BPF_X, 0), S(BPF_RET | BPF_A, 0)),
    RC("tax txa", D(0, 0, 0, 0, 0), 9, 5, S(BPF_LD | BPF_IMM, 9), S(BPF_MISC | BPF_TAX, 0),
       S(BPF_LD | BPF_IMM, 1), S(BPF_MISC | BPF_TXA, 0), S(BPF_RET | BPF_A, 0)),
    RC("ja", D(0, 0, 0, 0, 0), 3, 2, S(BPF_JMP | BPF_JA, 2), S(BPF_RET | BPF_K, 1),
       S(BPF_RET | BPF_K, 2), S(BPF_RET | BPF_K, 3)),
    RC("jgt k unsigned", D(-1, 0, 0, 0, 0), 1, 3, S(BPF_LD | BPF_W | BPF_ABS, OFF_NR),
       J(BPF_JMP | BPF_JGT | BPF_K, 1000, 0, 1), S(BPF_RET | BPF_K, 1), S(BPF_RET | BPF_K, 2)),
    RC("jge k equal", D(7, 0, 0, 0, 0), 1, 3, S(BPF_LD | BPF_W | BPF_ABS, OFF_NR),
       J(BPF_JMP | BPF_JGE | BPF_K, 7, 0, 1), S(BPF_RET | BPF_K, 1), S(BPF_RET | BPF_K, 2)),
    RC("jgt k equal false", D(7, 0, 0, 0, 0), 2, 3, S(BPF_LD | BPF_W | BPF_ABS, OFF_NR),
       J(BPF_JMP | BPF_JGT | BPF_K, 7, 0, 1), S(BPF_RET | BPF_K, 1), S(BPF_RET | BPF_K, 2)),
    RC("jset k", D(0, 0, 0x10, 0, 0), 1, 3, S(BPF_LD | BPF_W | BPF_ABS, ARG_LO(0)),
       J(BPF_JMP | BPF_JSET | BPF_K, 0x30, 0, 1), S(BPF_RET | BPF_K, 1), S(BPF_RET | BPF_K, 2)),
    RC("jset k none", D(0, 0, 0x40, 0, 0), 2, 3, S(BPF_LD | BPF_W | BPF_ABS, ARG_LO(0)),
       J(BPF_JMP | BPF_JSET | BPF_K, 0x30, 0, 1), S(BPF_RET | BPF_K, 1), S(BPF_RET | BPF_K, 2)),
    RC("jeq x", D(0, 0, 5, 5, 0), 1, 5, S(BPF_LD | BPF_W | BPF_ABS, ARG_LO(1)),
       S(BPF_MISC | BPF_TAX, 0), S(BPF_LD | BPF_W | BPF_ABS, ARG_LO(0)),
       J(BPF_JMP | BPF_JEQ | BPF_X, 0, 0, 1), S(BPF_RET | BPF_K, 1), S(BPF_RET | BPF_K, 2)),
    RC("jgt x", D(0, 0, 5, 6, 0), 2, 5, S(BPF_LDX | BPF_IMM, 5),
       S(BPF_LD | BPF_W | BPF_ABS, ARG_LO(1)), S(BPF_ALU | BPF_SUB | BPF_K, 1),
       J(BPF_JMP | BPF_JGT | BPF_X, 0, 0, 1), S(BPF_RET | BPF_K, 1), S(BPF_RET | BPF_K, 2)),
    RC("jge x", D(0, 0, 0, 0, 0), 1, 3, S(BPF_LDX | BPF_IMM, 0), J(BPF_JMP | BPF_JGE | BPF_X, 0, 0, 1),
       S(BPF_RET | BPF_K, 1), S(BPF_RET | BPF_K, 2)),
    RC("jset x", D(0, 0, 0, 0, 0), 2, 4, S(BPF_LDX | BPF_IMM, 8), S(BPF_LD | BPF_IMM, 7),
       J(BPF_JMP | BPF_JSET | BPF_X, 0, 0, 1), S(BPF_RET | BPF_K, 1), S(BPF_RET | BPF_K, 2)),
    RC("jump to last", D(0, 0, 0, 0, 0), 9, 2, J(BPF_JMP | BPF_JEQ | BPF_K, 0, 3, 0),
       S(BPF_RET | BPF_K, 1), S(BPF_RET | BPF_K, 2), S(BPF_RET | BPF_K, 3), S(BPF_RET | BPF_K, 9)),
};

static void test_run(void)
{
    for (size_t i = 0; i < N(run_cases); i++) {
        const RunCase *c = &run_cases[i];
        size_t pc;
        int v = bpf_validate(c->prog, c->len, &pc);
        CHECK(v == BPF_OK, "run '%s': program invalid: %s at %zu", c->name, bpf_strerror(v), pc);
        BpfResult r = bpf_run(c->prog, c->len, &c->d);
        CHECK(r.error == 0, "run '%s': error %d", c->name, r.error);
        CHECK(r.ret == c->ret, "run '%s': ret 0x%08x want 0x%08x", c->name, r.ret, c->ret);
        CHECK(r.executed == c->executed, "run '%s': executed %zu want %zu", c->name, r.executed,
              c->executed);
    }

    /* robustness on unvalidated input */
    struct seccomp_data d = mkdata(0, 0, 0, 0, 0);
    const struct sock_filter falloff[] = {S(BPF_LD | BPF_IMM, 1)};
    BpfResult r = bpf_run(falloff, 1, &d);
    CHECK(r.error == BPF_E_PC_RANGE && r.ret == 0, "fall off end: err %d", r.error);
    const struct sock_filter badld[] = {S(BPF_LD | BPF_W | BPF_ABS, 64), S(BPF_RET | BPF_A, 0)};
    r = bpf_run(badld, 2, &d);
    CHECK(r.error == BPF_E_LD_OFFSET, "ld out of bounds at run time: err %d", r.error);
    const struct sock_filter badja[] = {S(BPF_JMP | BPF_JA, 5), S(BPF_RET | BPF_A, 0)};
    r = bpf_run(badja, 2, &d);
    CHECK(r.error == BPF_E_JUMP, "ja out of range at run time: err %d", r.error);
    const struct sock_filter badcode[] = {S(0xffff, 0), S(BPF_RET | BPF_A, 0)};
    r = bpf_run(badcode, 2, &d);
    CHECK(r.error == BPF_E_OPCODE, "bad opcode at run time: err %d", r.error);
    r = bpf_run(NULL, 2, &d);
    CHECK(r.error == BPF_E_NULL, "NULL program at run time");
}

typedef struct {
    size_t pcs[16];
    size_t n;
    uint32_t last_a;
} Trace;

static void trace_cb(void *ctx, size_t pc, const struct sock_filter *insn, uint32_t a, uint32_t x)
{
    Trace *t = ctx;
    (void)insn;
    (void)x;
    if (t->n < N(t->pcs))
        t->pcs[t->n++] = pc;
    t->last_a = a;
}

static void test_trace(void)
{
    const struct sock_filter prog[] = {PROG_NR_ARG};
    struct seccomp_data d = mkdata(40, AUDIT_ARCH_X86_64, 0, 0, 0);
    Trace t = {{0}, 0, 0};
    BpfResult r = bpf_run_trace(prog, N(prog), &d, trace_cb, &t);
    static const size_t want[] = {0, 1, 2, 3, 8};
    CHECK(r.ret == SECCOMP_RET_ALLOW && t.n == N(want) && r.executed == N(want), "trace count %zu",
          t.n);
    for (size_t i = 0; i < N(want) && i < t.n; i++)
        CHECK(t.pcs[i] == want[i], "trace pc[%zu] = %zu want %zu", i, t.pcs[i], want[i]);
    CHECK(t.last_a == 40, "trace register A before RET: %u", t.last_a);
}

static void test_describe(void)
{
    static const struct {
        uint32_t ret;
        const char *s;
    } cases[] = {
        {SECCOMP_RET_ALLOW, "allow"},
        {SECCOMP_RET_ERRNO | 1, "errno(1)"},
        {SECCOMP_RET_ERRNO | 38, "errno(38)"},
        {SECCOMP_RET_ERRNO | 0xffff, "errno(65535)"},
        {SECCOMP_RET_KILL_THREAD, "kill-thread"},
        {SECCOMP_RET_KILL_THREAD | 5, "kill-thread"},
        {SECCOMP_RET_KILL_PROCESS, "kill-process"},
        {SECCOMP_RET_TRAP | 3, "trap(3)"},
        {SECCOMP_RET_TRACE | 1, "trace(1)"},
        {SECCOMP_RET_LOG, "log"},
        {SECCOMP_RET_USER_NOTIF, "notify"},
        {0x12340000u, "unknown(0x12340000)"},
    };
    char buf[64];
    for (size_t i = 0; i < N(cases); i++) {
        bpf_describe_ret(cases[i].ret, buf, sizeof buf);
        CHECK(strcmp(buf, cases[i].s) == 0, "describe 0x%08x: '%s' want '%s'", cases[i].ret, buf,
              cases[i].s);
    }
    char small[6];
    bpf_describe_ret(SECCOMP_RET_ERRNO | 12345, small, sizeof small);
    CHECK(strcmp(small, "errno") == 0, "describe truncation: '%s'", small);
}

/* ------------------------------------------------------------------ */
/* Differential check against the kernel                               */

typedef enum { OUT_RETURNED, OUT_SIGNALED, OUT_LOAD_FAILED, OUT_HARNESS } OutKind;

typedef struct {
    OutKind kind;
    long ret;  /* syscall return value (OUT_RETURNED) */
    int err;   /* errno (OUT_RETURNED with ret == -1, OUT_LOAD_FAILED) */
    int sig;   /* OUT_SIGNALED */
    long pid;  /* child's pid */
} Outcome;

static int load_filter(const struct sock_filter *prog, size_t len)
{
    struct sock_fprog fp = {(unsigned short)len, (struct sock_filter *)prog};
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0)
        return -1;
    return (int)syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &fp);
}

/* Fork; the child loads prog, then calls syscall(nr, args...) and reports. */
static Outcome kernel_run(const struct sock_filter *prog, size_t len, long nr, const uint64_t args[6])
{
    Outcome o = {OUT_HARNESS, 0, 0, 0, 0};
    int fds[2];
    if (pipe(fds) != 0)
        return o;
    pid_t child = fork();
    if (child < 0) {
        close(fds[0]);
        close(fds[1]);
        return o;
    }
    if (child == 0) {
        close(fds[0]);
        long msg[4] = {0, 0, 0, (long)getpid()};
        struct rlimit nocore = {0, 0};
        setrlimit(RLIMIT_CORE, &nocore); /* seccomp kills dump core otherwise */
        alarm(10);
        if (load_filter(prog, len) != 0) {
            msg[0] = 1;
            msg[2] = errno;
            if (write(fds[1], msg, sizeof msg) != (ssize_t)sizeof msg)
                _exit(3);
            _exit(0);
        }
        errno = 0;
        long r = syscall(nr, (unsigned long)args[0], (unsigned long)args[1], (unsigned long)args[2],
                         (unsigned long)args[3], (unsigned long)args[4], (unsigned long)args[5]);
        msg[0] = 0;
        msg[1] = r;
        msg[2] = errno;
        if (write(fds[1], msg, sizeof msg) != (ssize_t)sizeof msg)
            _exit(3);
        _exit(0);
    }
    close(fds[1]);
    long msg[4];
    ssize_t n = read(fds[0], msg, sizeof msg);
    close(fds[0]);
    int status = 0;
    if (waitpid(child, &status, 0) != child)
        return o;
    if (WIFSIGNALED(status)) {
        o.kind = OUT_SIGNALED;
        o.sig = WTERMSIG(status);
        return o;
    }
    if (n != (ssize_t)sizeof msg || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return o;
    o.pid = msg[3];
    if (msg[0] == 1) {
        o.kind = OUT_LOAD_FAILED;
        o.err = (int)msg[2];
        return o;
    }
    o.kind = OUT_RETURNED;
    o.ret = msg[1];
    o.err = (int)msg[2];
    return o;
}

/* Only loadability: 1 loaded, 0 rejected with EINVAL, -1 harness problem. */
static int kernel_accepts(const struct sock_filter *prog, size_t len)
{
    pid_t child = fork();
    if (child < 0)
        return -1;
    if (child == 0) {
        struct rlimit nocore = {0, 0};
        setrlimit(RLIMIT_CORE, &nocore);
        alarm(10);
        if (load_filter(prog, len) != 0)
            _exit(errno == EINVAL ? 42 : 43);
        _exit(0); /* may be filtered itself: any fate but 42/43 means "loaded" */
    }
    int status = 0;
    if (waitpid(child, &status, 0) != child)
        return -1;
    if (WIFEXITED(status) && WEXITSTATUS(status) == 42)
        return 0;
    if (WIFEXITED(status) && WEXITSTATUS(status) == 43)
        return -1;
    return 1;
}

static int seccomp_available(void)
{
    const struct sock_filter allow[] = {S(BPF_RET | BPF_K, SECCOMP_RET_ALLOW)};
    uint64_t args[6] = {0};
    if (HOST_AUDIT_ARCH == 0)
        return 0;
    Outcome o = kernel_run(allow, 1, SYS_getpid, args);
    return o.kind == OUT_RETURNED && o.ret == o.pid;
}

/* Compare bpf_run's prediction for (nr, args) with what the kernel does. */
static void diff_one(const char *name, const struct sock_filter *prog, size_t len, long nr,
                     const uint64_t args[6])
{
    struct seccomp_data d;
    memset(&d, 0, sizeof d);
    d.nr = (int)nr;
    d.arch = HOST_AUDIT_ARCH;
    for (int i = 0; i < 6; i++)
        d.args[i] = args[i];
    BpfResult r = bpf_run(prog, len, &d);
    Outcome o = kernel_run(prog, len, nr, args);
    char what[64];
    bpf_describe_ret(r.ret, what, sizeof what);
    CHECK(o.kind != OUT_HARNESS && o.kind != OUT_LOAD_FAILED, "diff '%s': harness/load failure (%d)",
          name, o.kind);
    if (o.kind == OUT_HARNESS || o.kind == OUT_LOAD_FAILED)
        return;
    uint32_t action = r.ret & SECCOMP_RET_ACTION_FULL;
    uint32_t data = r.ret & SECCOMP_RET_DATA;
    switch (action) {
    case SECCOMP_RET_ALLOW:
    case SECCOMP_RET_LOG:
        CHECK(o.kind == OUT_RETURNED && o.ret == o.pid, "diff '%s' a0=%#llx a1=%#llx: predicted %s, "
              "kernel ret %ld errno %d sig %d", name, (unsigned long long)args[0],
              (unsigned long long)args[1], what, o.ret, o.err, o.sig);
        break;
    case SECCOMP_RET_ERRNO:
        if (data > 4095)
            data = 4095;
        if (data == 0)
            CHECK(o.kind == OUT_RETURNED && o.ret == 0, "diff '%s': predicted %s, kernel ret %ld",
                  name, what, o.ret);
        else
            CHECK(o.kind == OUT_RETURNED && o.ret == -1 && o.err == (int)data,
                  "diff '%s' a0=%#llx a1=%#llx: predicted %s, kernel ret %ld errno %d sig %d", name,
                  (unsigned long long)args[0], (unsigned long long)args[1], what, o.ret, o.err,
                  o.sig);
        break;
    case SECCOMP_RET_TRACE: /* no tracer: the syscall fails with ENOSYS */
        CHECK(o.kind == OUT_RETURNED && o.ret == -1 && o.err == ENOSYS, "diff '%s': predicted %s",
              name, what);
        break;
    default: /* kill-thread, kill-process, trap, unknown: SIGSYS */
        CHECK(o.kind == OUT_SIGNALED && o.sig == SIGSYS,
              "diff '%s' a0=%#llx a1=%#llx: predicted %s, kernel kind %d ret %ld errno %d sig %d",
              name, (unsigned long long)args[0], (unsigned long long)args[1], what, o.kind, o.ret,
              o.err, o.sig);
        break;
    }
}

/* Programs for the differential check. Each returns ALLOW for every syscall
 * other than getpid on the host arch, and computes a verdict for getpid from
 * its arguments. */
#define GUARD                                                                                      \
    S(BPF_LD | BPF_W | BPF_ABS, OFF_ARCH), J(BPF_JMP | BPF_JEQ | BPF_K, HOST_AUDIT_ARCH, 1, 0),     \
        S(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS), S(BPF_LD | BPF_W | BPF_ABS, OFF_NR),          \
        J(BPF_JMP | BPF_JEQ | BPF_K, SYS_getpid, 1, 0), S(BPF_RET | BPF_K, SECCOMP_RET_ALLOW)

static const struct sock_filter diff_cond[] = {
    /* getpid(a0 == 5 && a1 hi == 0) -> ERRNO(7); a0 > 100 -> ERRNO(a0 & 0xfff); else allow */
    GUARD,
    S(BPF_LD | BPF_W | BPF_ABS, ARG_LO(0)), J(BPF_JMP | BPF_JEQ | BPF_K, 5, 0, 3),
    S(BPF_LD | BPF_W | BPF_ABS, ARG_HI(1)), J(BPF_JMP | BPF_JEQ | BPF_K, 0, 0, 5),
    S(BPF_RET | BPF_K, RET_ERRNO(7)),
    J(BPF_JMP | BPF_JGT | BPF_K, 100, 0, 3), S(BPF_ALU | BPF_AND | BPF_K, 0xfff),
    S(BPF_ALU | BPF_OR | BPF_K, SECCOMP_RET_ERRNO), S(BPF_RET | BPF_A, 0),
    S(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
};

static const struct sock_filter diff_alu[] = {
    /* ERRNO(((a0*3 + a1) ^ 0x55) - (a2 >> 1) & 0xfff), and a0 & 0x80000000 -> trap */
    GUARD,
    S(BPF_LD | BPF_W | BPF_ABS, ARG_LO(0)), J(BPF_JMP | BPF_JSET | BPF_K, 0x80000000u, 0, 1),
    S(BPF_RET | BPF_K, SECCOMP_RET_TRAP | 9),
    S(BPF_ALU | BPF_MUL | BPF_K, 3), S(BPF_LDX | BPF_W | BPF_LEN, 0), S(BPF_ALU | BPF_SUB | BPF_X, 0),
    S(BPF_ST, 0), S(BPF_LD | BPF_W | BPF_ABS, ARG_LO(1)), S(BPF_LDX | BPF_MEM, 0),
    S(BPF_ALU | BPF_ADD | BPF_X, 0), S(BPF_ALU | BPF_ADD | BPF_K, 64), S(BPF_ALU | BPF_XOR | BPF_K, 0x55),
    S(BPF_ST, 1), S(BPF_LD | BPF_W | BPF_ABS, ARG_LO(2)), S(BPF_ALU | BPF_RSH | BPF_K, 1),
    S(BPF_MISC | BPF_TAX, 0), S(BPF_LD | BPF_MEM, 1), S(BPF_ALU | BPF_SUB | BPF_X, 0),
    S(BPF_ALU | BPF_AND | BPF_K, 0xfff), S(BPF_ALU | BPF_OR | BPF_K, SECCOMP_RET_ERRNO),
    S(BPF_RET | BPF_A, 0),
};

static const struct sock_filter diff_div_shift[] = {
    /* a0 / a1 (a1 == 0: program returns 0 = kill), then << a2 (masked), >> a3 */
    GUARD,
    S(BPF_LD | BPF_W | BPF_ABS, ARG_LO(1)), S(BPF_MISC | BPF_TAX, 0),
    S(BPF_LD | BPF_W | BPF_ABS, ARG_LO(0)), S(BPF_ALU | BPF_DIV | BPF_X, 0),
    S(BPF_ST, 2), S(BPF_LD | BPF_W | BPF_ABS, ARG_LO(2)), S(BPF_MISC | BPF_TAX, 0),
    S(BPF_LD | BPF_MEM, 2), S(BPF_ALU | BPF_LSH | BPF_X, 0), S(BPF_ST, 2),
    S(BPF_LD | BPF_W | BPF_ABS, ARG_LO(3)), S(BPF_MISC | BPF_TAX, 0), S(BPF_LD | BPF_MEM, 2),
    S(BPF_ALU | BPF_RSH | BPF_X, 0), S(BPF_ALU | BPF_NEG, 0), S(BPF_ALU | BPF_NEG, 0),
    S(BPF_ALU | BPF_AND | BPF_K, 0xfff), S(BPF_ALU | BPF_OR | BPF_K, SECCOMP_RET_ERRNO),
    S(BPF_RET | BPF_A, 0),
};

static const struct sock_filter diff_cmpx[] = {
    /* a0 vs a1 with JGT/JGE/JEQ/JSET on X; a3 == 1 -> kill-process, a3 == 2 -> trace, a3 == 3 -> log */
    GUARD,
    S(BPF_LD | BPF_W | BPF_ABS, ARG_LO(3)), J(BPF_JMP | BPF_JEQ | BPF_K, 1, 0, 1),
    S(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS), J(BPF_JMP | BPF_JEQ | BPF_K, 2, 0, 1),
    S(BPF_RET | BPF_K, SECCOMP_RET_TRACE | 4), J(BPF_JMP | BPF_JEQ | BPF_K, 3, 0, 1),
    S(BPF_RET | BPF_K, SECCOMP_RET_LOG),
    S(BPF_LD | BPF_W | BPF_ABS, ARG_LO(1)), S(BPF_MISC | BPF_TAX, 0),
    S(BPF_LD | BPF_W | BPF_ABS, ARG_LO(0)),
    J(BPF_JMP | BPF_JGT | BPF_X, 0, 0, 1), S(BPF_RET | BPF_K, RET_ERRNO(11)),
    J(BPF_JMP | BPF_JGE | BPF_X, 0, 0, 2), J(BPF_JMP | BPF_JSET | BPF_X, 0, 2, 0),
    S(BPF_JMP | BPF_JA, 2), S(BPF_RET | BPF_K, RET_ERRNO(12)), S(BPF_RET | BPF_K, RET_ERRNO(13)),
    J(BPF_JMP | BPF_JEQ | BPF_X, 0, 0, 1), S(BPF_RET | BPF_K, RET_ERRNO(0)),
    S(BPF_RET | BPF_K, RET_ERRNO(5000)),
};

static uint64_t lcg(uint64_t *s)
{
    *s = *s * 6364136223846793005ull + 1442695040888963407ull;
    return *s >> 11;
}

static void test_kernel_diff(void)
{
    static const struct {
        const char *name;
        const struct sock_filter *prog;
        size_t len;
    } progs[] = {
        {"cond", diff_cond, N(diff_cond)},
        {"alu", diff_alu, N(diff_alu)},
        {"div/shift", diff_div_shift, N(diff_div_shift)},
        {"cmp x", diff_cmpx, N(diff_cmpx)},
    };
    static const uint64_t fixed[][6] = {
        {0, 0, 0, 0, 0, 0},
        {5, 0, 0, 0, 0, 0},
        {5, 0x100000000ull, 0, 0, 0, 0},
        {0x100000005ull, 0, 0, 0, 0, 0},
        {101, 7, 3, 1, 0, 0},
        {4096 + 200, 0, 33, 0, 0, 0},
        {0x80000000u, 1, 1, 2, 0, 0},
        {9, 3, 35, 2, 0, 0},
        {7, 7, 0, 0, 0, 0},
        {6, 7, 0, 3, 0, 0},
        {8, 7, 0, 0, 0, 0},
        {7, 0, 40, 36, 0, 0},
        {0xffffffffu, 0xffffffffu, 31, 31, 0, 0},
    };
    uint64_t seed = 0x5eed;
    for (size_t p = 0; p < N(progs); p++) {
        size_t pc;
        int v = bpf_validate(progs[p].prog, progs[p].len, &pc);
        CHECK(v == BPF_OK, "diff program '%s' invalid: %s at %zu", progs[p].name, bpf_strerror(v), pc);
        if (v != BPF_OK)
            continue;
        for (size_t i = 0; i < N(fixed); i++)
            diff_one(progs[p].name, progs[p].prog, progs[p].len, SYS_getpid, fixed[i]);
        for (int i = 0; i < 24; i++) {
            uint64_t a[6];
            for (int j = 0; j < 6; j++) {
                uint64_t r = lcg(&seed);
                a[j] = (r & 3) == 0 ? (r >> 8) & 0xff : (r & 3) == 1 ? r & 0xffffffffu : r;
            }
            a[3] &= 7;
            diff_one(progs[p].name, progs[p].prog, progs[p].len, SYS_getpid, a);
        }
        /* another syscall passes through */
        uint64_t z[6] = {0};
        struct seccomp_data d;
        memset(&d, 0, sizeof d);
        d.nr = SYS_getppid;
        d.arch = HOST_AUDIT_ARCH;
        CHECK(bpf_run(progs[p].prog, progs[p].len, &d).ret == SECCOMP_RET_ALLOW, "getppid allowed");
        Outcome o = kernel_run(progs[p].prog, progs[p].len, SYS_getppid, z);
        CHECK(o.kind == OUT_RETURNED && o.ret > 0, "diff '%s': getppid passes", progs[p].name);
    }

    /* the kernel accepts exactly what bpf_validate accepts */
    for (size_t i = 0; i < N(val_cases); i++) {
        const ValCase *c = &val_cases[i];
        int k = kernel_accepts(c->prog, c->len);
        int mine = bpf_validate(c->prog, c->len, NULL) == BPF_OK;
        CHECK(k >= 0 && k == mine, "kernel vs bpf_validate on '%s': kernel %d, bpf_validate %d",
              c->name, k, mine);
    }
    static struct sock_filter big[BPF_INTERP_MAX_INSNS + 1];
    for (size_t i = 0; i < N(big); i++)
        big[i] = (struct sock_filter)S(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
    CHECK(kernel_accepts(big, BPF_INTERP_MAX_INSNS) == 1, "kernel accepts 4096 insns");
    CHECK(kernel_accepts(big, BPF_INTERP_MAX_INSNS + 1) == 0, "kernel rejects 4097 insns");
}

int main(int argc, char **argv)
{
    int table = 1, kernel = 1;
    if (argc > 1 && strcmp(argv[1], "--no-kernel") == 0)
        kernel = 0;
    else if (argc > 1 && strcmp(argv[1], "--kernel-only") == 0)
        table = 0;
    else if (argc > 1) {
        fprintf(stderr, "usage: %s [--no-kernel|--kernel-only]\n", argv[0]);
        return 2;
    }

    if (table) {
        test_validation();
        test_run();
        test_trace();
        test_describe();
    }
    int skipped = 0;
    if (kernel) {
        if (seccomp_available()) {
            test_kernel_diff();
        } else {
            const char *ci = getenv("CI");
            if (ci && strcmp(ci, "true") == 0) {
                fprintf(stderr, "FAIL: seccomp filters are not available and CI=true\n");
                failures++;
            } else {
                fprintf(stderr, "SKIP: seccomp filters not available; kernel differential skipped\n");
                skipped = 1;
            }
        }
    }
    printf("test_interp: %d checks, %d failures%s\n", checks, failures,
           skipped ? " (kernel part skipped)" : "");
    if (failures)
        return 1;
    return skipped ? 77 : 0;
}

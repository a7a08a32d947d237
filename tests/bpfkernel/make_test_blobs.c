/* make_test_blobs OUTDIR: writes the hand-made seccomp BPF programs of the
 * bpfkernel and disasm tests (assembled here with BPF_STMT/BPF_JUMP and
 * labels) into OUTDIR:
 *   selftest.bpf      every seccomp action on x86_64, x32 and i386 paths
 *                     (tests/bpfkernel/cases/selftest*.cases)
 *   all_opcodes.bpf   every opcode seccomp accepts; getpid returns
 *                     ERRNO(f(args[0], args[1])), computed with all ALU ops
 *   all_opcodes.cases its cases, expectations computed with the in-tree
 *                     interpreter (bpf_run): a differential check vs. the kernel
 *   invalid.bpf       a program the kernel refuses (for polc disasm's exit 1)
 *   noarch.bpf        no arch check (for polc disasm --arch)
 *   odd.bpf           12 bytes: not a whole number of instructions */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <linux/audit.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bpf/interp.h"

#define X32_BIT 0x40000000u
#define OFF_NR ((uint32_t)offsetof(struct seccomp_data, nr))
#define OFF_ARCH ((uint32_t)offsetof(struct seccomp_data, arch))
#define OFF_IP ((uint32_t)offsetof(struct seccomp_data, instruction_pointer))
#define ARG_LO(i) ((uint32_t)(offsetof(struct seccomp_data, args) + 8u * (i)))
#define ARG_HI(i) ((uint32_t)(offsetof(struct seccomp_data, args) + 8u * (i) + 4u))
#define RET_ERRNO(n) (SECCOMP_RET_ERRNO | ((n) & SECCOMP_RET_DATA))

/* A tiny assembler: jump targets are label names ("" or NULL = next insn). */
typedef struct {
    uint16_t code;
    uint32_t k;
    const char *jt, *jf;
    const char *label; /* non-NULL: a label definition, not an instruction */
} Asm;

#define L(name) {0, 0, NULL, NULL, name}
#define S(code, k) {(uint16_t)(code), (uint32_t)(k), NULL, NULL, NULL}
#define J(code, k, t, f) {(uint16_t)(code), (uint32_t)(k), t, f, NULL}
#define JA(t) {BPF_JMP | BPF_JA, 0, t, NULL, NULL}
#define LD(off) S(BPF_LD | BPF_W | BPF_ABS, off)
#define RET(v) S(BPF_RET | BPF_K, v)

static size_t assemble(const Asm *src, size_t n, struct sock_filter *out)
{
    const char *names[256];
    size_t pcs[256], nl = 0, pc = 0;
    for (size_t i = 0; i < n; i++) {
        if (src[i].label) {
            names[nl] = src[i].label;
            pcs[nl++] = pc;
        } else {
            pc++;
        }
    }
    pc = 0;
    for (size_t i = 0; i < n; i++) {
        if (src[i].label)
            continue;
        struct sock_filter f = {src[i].code, 0, 0, src[i].k};
        const char *t[2] = {src[i].jt, src[i].jf};
        size_t off[2] = {0, 0};
        for (int w = 0; w < 2; w++) {
            if (!t[w] || !*t[w])
                continue;
            size_t j;
            for (j = 0; j < nl && strcmp(names[j], t[w]) != 0; j++)
                ;
            if (j == nl || pcs[j] <= pc) {
                fprintf(stderr, "make_test_blobs: bad label %s\n", t[w]);
                exit(1);
            }
            off[w] = pcs[j] - pc - 1;
        }
        if (src[i].code == (BPF_JMP | BPF_JA))
            f.k = (uint32_t)off[0];
        else {
            if (off[0] > 255 || off[1] > 255) {
                fprintf(stderr, "make_test_blobs: jump too far\n");
                exit(1);
            }
            f.jt = (uint8_t)off[0];
            f.jf = (uint8_t)off[1];
        }
        out[pc++] = f;
    }
    return pc;
}

static void write_blob(const char *dir, const char *name, const struct sock_filter *p, size_t len)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *fp = fopen(path, "wb");
    if (!fp || fwrite(p, sizeof *p, len, fp) != len || fclose(fp) != 0) {
        fprintf(stderr, "make_test_blobs: cannot write %s\n", path);
        exit(1);
    }
    size_t bad;
    int e = bpf_validate(p, len, &bad);
    if (e != BPF_OK && strcmp(name, "invalid.bpf") != 0) {
        fprintf(stderr, "make_test_blobs: %s is invalid: %s at %zu\n", name, bpf_strerror(e), bad);
        exit(1);
    }
}

/* Every seccomp action, on the three x86 ABIs. */
static const Asm SELFTEST[] = {
    LD(OFF_ARCH),
    J(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_I386, "i386", ""),
    J(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, "x86_64", ""),
    RET(SECCOMP_RET_KILL_PROCESS),
    L("x86_64"),
    LD(OFF_NR),
    J(BPF_JMP | BPF_JSET | BPF_K, X32_BIT, "x32", ""),
    J(BPF_JMP | BPF_JEQ | BPF_K, 39, "errno1", ""),       /* getpid */
    J(BPF_JMP | BPF_JEQ | BPF_K, 79, "trap3", ""),        /* getcwd */
    J(BPF_JMP | BPF_JEQ | BPF_K, 101, "killproc", ""),    /* ptrace */
    J(BPF_JMP | BPF_JEQ | BPF_K, 110, "killthread", ""),  /* getppid */
    J(BPF_JMP | BPF_JEQ | BPF_K, 186, "trace7", ""),      /* gettid */
    J(BPF_JMP | BPF_JEQ | BPF_K, 63, "notify", ""),       /* uname */
    J(BPF_JMP | BPF_JEQ | BPF_K, 102, "log", ""),         /* getuid */
    J(BPF_JMP | BPF_JEQ | BPF_K, 41, "socket", ""),       /* socket */
    J(BPF_JMP | BPF_JEQ | BPF_K, 3, "errnobig", ""),      /* close */
    J(BPF_JMP | BPF_JEQ | BPF_K, 121, "errno0", ""),      /* getpgid */
    RET(SECCOMP_RET_ALLOW),
    L("socket"),
    LD(ARG_LO(0)),
    J(BPF_JMP | BPF_JEQ | BPF_K, 16, "errno97", "allow"), /* AF_NETLINK */
    L("x32"),
    J(BPF_JMP | BPF_JEQ | BPF_K, X32_BIT | 39, "trap5", ""),     /* getpid */
    J(BPF_JMP | BPF_JEQ | BPF_K, X32_BIT | 521, "killproc", ""), /* ptrace */
    J(BPF_JMP | BPF_JEQ | BPF_K, X32_BIT | 79, "errno13", ""),   /* getcwd */
    RET(SECCOMP_RET_ALLOW),
    L("i386"),
    LD(OFF_NR),
    J(BPF_JMP | BPF_JEQ | BPF_K, 20, "killproc", ""),     /* getpid */
    J(BPF_JMP | BPF_JEQ | BPF_K, 64, "errno13", ""),      /* getppid */
    J(BPF_JMP | BPF_JEQ | BPF_K, 183, "trap9", ""),       /* getcwd */
    J(BPF_JMP | BPF_JEQ | BPF_K, 24, "killthread", ""),   /* getuid */
    L("allow"),
    RET(SECCOMP_RET_ALLOW),
    L("errno1"), RET(RET_ERRNO(1)),
    L("errno13"), RET(RET_ERRNO(13)),
    L("errno97"), RET(RET_ERRNO(97)),
    L("errnobig"), RET(RET_ERRNO(5000)), /* the kernel caps it at 4095 */
    L("errno0"), RET(RET_ERRNO(0)),
    L("trap3"), RET(SECCOMP_RET_TRAP | 3),
    L("trap5"), RET(SECCOMP_RET_TRAP | 5),
    L("trap9"), RET(SECCOMP_RET_TRAP | 9),
    L("trace7"), RET(SECCOMP_RET_TRACE | 7),
    L("notify"), RET(SECCOMP_RET_USER_NOTIF),
    L("log"), RET(SECCOMP_RET_LOG),
    L("killthread"), RET(SECCOMP_RET_KILL_THREAD),
    L("killproc"), RET(SECCOMP_RET_KILL_PROCESS),
};

/* Every opcode seccomp accepts. getpid (x86_64) returns ERRNO(f(a0, a1)) for
 * 32-bit a0, a1 != 0; a0 >= 2^32: ERRNO(EOVERFLOW); a1 == 0: ERRNO(EDOM). */
static const Asm ALL_OPCODES[] = {
    LD(OFF_ARCH),
    J(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, "x86_64", ""),
    RET(SECCOMP_RET_KILL_PROCESS),
    L("x86_64"),
    LD(OFF_NR),
    J(BPF_JMP | BPF_JEQ | BPF_K, 39, "compute", ""),        /* getpid */
    J(BPF_JMP | BPF_JEQ | BPF_K, 79, "trap", ""),           /* getcwd */
    J(BPF_JMP | BPF_JEQ | BPF_K, 186, "trace", ""),         /* gettid */
    J(BPF_JMP | BPF_JEQ | BPF_K, 63, "notify", ""),         /* uname */
    J(BPF_JMP | BPF_JEQ | BPF_K, 102, "log", ""),           /* getuid */
    J(BPF_JMP | BPF_JEQ | BPF_K, 110, "killthread", ""),    /* getppid */
    J(BPF_JMP | BPF_JGE | BPF_K, X32_BIT, "x32", "allow"),
    L("compute"),
    LD(OFF_IP),                                   /* loaded, not used */
    LD(ARG_HI(0)),
    J(BPF_JMP | BPF_JEQ | BPF_K, 0, "", "overflow"),
    LD(ARG_LO(1)),
    J(BPF_JMP | BPF_JEQ | BPF_K, 0, "edom", ""),
    S(BPF_MISC | BPF_TAX, 0),                     /* X = a1 */
    LD(ARG_LO(0)),
    S(BPF_ST, 0),                                 /* M[0] = a0 */
    S(BPF_STX, 1),                                /* M[1] = a1 */
    S(BPF_ALU | BPF_ADD | BPF_X, 0),              /* a0 + a1 */
    S(BPF_ALU | BPF_ADD | BPF_K, 1000),
    S(BPF_ALU | BPF_SUB | BPF_K, 1),
    S(BPF_ALU | BPF_SUB | BPF_X, 0),              /* a0 + 999 */
    S(BPF_ALU | BPF_MUL | BPF_K, 3),
    S(BPF_ALU | BPF_MUL | BPF_X, 0),
    S(BPF_ALU | BPF_DIV | BPF_K, 3),
    S(BPF_ALU | BPF_DIV | BPF_X, 0),              /* (a0 + 999) mod 2^32-ish */
    S(BPF_ALU | BPF_XOR | BPF_K, 0x55),
    S(BPF_ALU | BPF_OR | BPF_K, 0x100),
    S(BPF_ALU | BPF_AND | BPF_K, 0xffff),
    S(BPF_ALU | BPF_LSH | BPF_K, 3),
    S(BPF_ALU | BPF_RSH | BPF_K, 1),
    S(BPF_LDX | BPF_IMM, 2),
    S(BPF_ALU | BPF_LSH | BPF_X, 0),
    S(BPF_ALU | BPF_RSH | BPF_X, 0),
    S(BPF_LDX | BPF_MEM, 1),                      /* X = a1 */
    S(BPF_ALU | BPF_XOR | BPF_X, 0),
    S(BPF_ALU | BPF_OR | BPF_X, 0),
    S(BPF_ALU | BPF_NEG, 0),
    S(BPF_ALU | BPF_NEG, 0),
    S(BPF_ST, 2),
    S(BPF_LD | BPF_W | BPF_LEN, 0),               /* 64 */
    S(BPF_LDX | BPF_W | BPF_LEN, 0),              /* 64 */
    J(BPF_JMP | BPF_JEQ | BPF_X, 0, "", "killthread"),
    S(BPF_LD | BPF_IMM, 0xfff),
    S(BPF_MISC | BPF_TAX, 0),                     /* X = 0xfff */
    S(BPF_LD | BPF_MEM, 2),
    S(BPF_ALU | BPF_AND | BPF_X, 0),              /* 0..4095 */
    J(BPF_JMP | BPF_JSET | BPF_K, 0x800, "high", ""),
    J(BPF_JMP | BPF_JGT | BPF_K, 0, "", "one"),   /* 0 -> 1 */
    JA("done"),
    L("high"),
    S(BPF_ALU | BPF_AND | BPF_K, 0x7ff),          /* 0..2047 */
    J(BPF_JMP | BPF_JGE | BPF_K, 1, "done", "one"),
    L("one"),
    S(BPF_LD | BPF_IMM, 1),
    L("done"),                                    /* A = 1..2047 */
    S(BPF_LDX | BPF_IMM, 4000),
    J(BPF_JMP | BPF_JGT | BPF_X, 0, "killthread", ""),
    J(BPF_JMP | BPF_JGE | BPF_X, 0, "killthread", ""),
    J(BPF_JMP | BPF_JSET | BPF_X, 0, "", ""),     /* both ways lead on */
    S(BPF_MISC | BPF_TAX, 0),
    S(BPF_MISC | BPF_TXA, 0),
    S(BPF_ALU | BPF_OR | BPF_K, SECCOMP_RET_ERRNO),
    S(BPF_RET | BPF_A, 0),
    L("overflow"), RET(RET_ERRNO(75)),
    L("edom"), RET(RET_ERRNO(33)),
    L("x32"), RET(RET_ERRNO(95)),
    L("allow"), RET(SECCOMP_RET_ALLOW),
    L("trap"), RET(SECCOMP_RET_TRAP | 3),
    L("trace"), RET(SECCOMP_RET_TRACE | 7),
    L("notify"), RET(SECCOMP_RET_USER_NOTIF),
    L("log"), RET(SECCOMP_RET_LOG),
    L("killthread"), RET(SECCOMP_RET_KILL_THREAD),
};

static void write_all_opcodes_cases(const char *dir, const struct sock_filter *p, size_t len)
{
    static const uint64_t ARGS[][2] = {
        {0, 1}, {1, 1}, {5, 7}, {100, 3}, {0xffff, 0xfff}, {12345, 678}, {0xffffffff, 0xffffffff},
        {0x80000000, 2}, {0x100000000ull, 1}, {9, 0}, {0x7fff, 0x11},
    };
    char path[4096];
    snprintf(path, sizeof path, "%s/all_opcodes.cases", dir);
    FILE *fp = fopen(path, "w");
    if (!fp) {
        fprintf(stderr, "make_test_blobs: cannot write %s\n", path);
        exit(1);
    }
    fprintf(fp, "# generated by make_test_blobs: expectations from the in-tree interpreter (bpf_run)\n");
    for (size_t i = 0; i < sizeof ARGS / sizeof *ARGS; i++) {
        struct seccomp_data d;
        memset(&d, 0, sizeof d);
        d.nr = 39;
        d.arch = AUDIT_ARCH_X86_64;
        d.args[0] = ARGS[i][0];
        d.args[1] = ARGS[i][1];
        BpfResult r = bpf_run(p, len, &d);
        if (r.error || (r.ret & SECCOMP_RET_ACTION_FULL) != SECCOMP_RET_ERRNO) {
            fprintf(stderr, "make_test_blobs: all_opcodes: unexpected result 0x%x\n", r.ret);
            exit(1);
        }
        fprintf(fp, "x86_64 getpid %#llx %#llx -> errno %u\n", (unsigned long long)ARGS[i][0],
                (unsigned long long)ARGS[i][1], r.ret & SECCOMP_RET_DATA);
    }
    fprintf(fp, "x86_64 getcwd 0 0 -> trap 3\n"
                "x86_64 gettid -> trace 7\n"
                "x86_64 uname 0 -> notify\n"
                "x86_64 getuid -> log\n"
                "x86_64 getppid -> kill-thread\n"
                "x86_64 geteuid -> allow\n"
                "x32 getpid -> errno 95\n"
                "i386 getpid -> kill-process\n");
    fclose(fp);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: make_test_blobs OUTDIR\n");
        return 2;
    }
    const char *dir = argv[1];
    struct sock_filter p[512];
    size_t n = assemble(SELFTEST, sizeof SELFTEST / sizeof *SELFTEST, p);
    write_blob(dir, "selftest.bpf", p, n);
    n = assemble(ALL_OPCODES, sizeof ALL_OPCODES / sizeof *ALL_OPCODES, p);
    write_blob(dir, "all_opcodes.bpf", p, n);
    write_all_opcodes_cases(dir, p, n);

    /* invalid: a jump past the end, an opcode seccomp refuses, no final RET */
    const struct sock_filter bad[] = {
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, OFF_ARCH),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, 9, 0),
        BPF_STMT(BPF_LD | BPF_H | BPF_ABS, 2),
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, 66),
        BPF_STMT(BPF_ALU | BPF_MOD | BPF_K, 3),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
        BPF_STMT(BPF_LD | BPF_MEM, 3),
    };
    write_blob(dir, "invalid.bpf", bad, sizeof bad / sizeof *bad);

    /* no arch check: `polc disasm --arch x86_64` names its syscalls */
    const struct sock_filter noarch[] = {
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, OFF_NR),
        BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, X32_BIT, 3, 0),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 59, 2, 0),  /* execve */
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 322, 1, 0), /* execveat */
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
        BPF_STMT(BPF_RET | BPF_K, RET_ERRNO(1)),
    };
    write_blob(dir, "noarch.bpf", noarch, sizeof noarch / sizeof *noarch);

    char path[4096];
    snprintf(path, sizeof path, "%s/odd.bpf", dir);
    FILE *fp = fopen(path, "wb");
    if (!fp || fwrite(bad, 1, 12, fp) != 12 || fclose(fp) != 0)
        return 1;
    return 0;
}

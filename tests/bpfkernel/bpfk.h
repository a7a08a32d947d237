/* bpfk: run seccomp BPF programs in the real kernel, one syscall per forked
 * child, and compare what happens with an expected seccomp action.
 *
 * A case is one line:   ABI SYSCALL [ARG...] -> EXPECT
 *   ABI      x86_64 (amd64) | x32 | i386 (x86)
 *   SYSCALL  a name (resolved with polc's stdlib/syscalls/<abi>.tbl) or a
 *            number (decimal or 0x hex; x32 numbers get bit 0x40000000)
 *   ARG      up to six integers (decimal, 0x hex, negative = two's complement)
 *   EXPECT   allow | log | errno [N|ENAME] | kill | kill-thread | kill-process |
 *            trap [N] | trace [N] | notify | ret N
 * How each ABI is entered from this 64-bit process: x86_64 `syscall`,
 * x32 `syscall` with nr | 0x40000000, i386 `int $0x80`.
 *
 * x86_64 hosts only (the ABIs are x86's). */
#ifndef POLC_TESTS_BPFK_H
#define POLC_TESTS_BPFK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <linux/filter.h>

typedef enum { BK_ABI_X86_64, BK_ABI_X32, BK_ABI_I386, BK_ABI__COUNT } BkAbi;

typedef enum {
    BK_EXP_ALLOW,
    BK_EXP_LOG,
    BK_EXP_ERRNO,
    BK_EXP_KILL,         /* kill-thread or kill-process */
    BK_EXP_KILL_THREAD,
    BK_EXP_KILL_PROCESS,
    BK_EXP_TRAP,
    BK_EXP_TRACE,
    BK_EXP_NOTIFY,
    BK_EXP_RET,
} BkExpect;

typedef struct {
    BkAbi abi;
    uint32_t nr;       /* as seccomp_data.nr sees it (x32: with the x32 bit) */
    uint64_t args[6];
    BkExpect expect;
    bool has_value;    /* errno N, trap N, trace N, ret N */
    int64_t value;
    int line;          /* in its file, 0 for --case */
    char text[512];    /* the case as written, trimmed */
} BkCase;

typedef enum {
    BK_OUT_RETURNED,      /* the syscall returned: ret (raw, -errno on error) */
    BK_OUT_TRAPPED,       /* SIGSYS delivered to the handler (SECCOMP_RET_TRAP) */
    BK_OUT_KILLED_THREAD, /* the calling thread died, the process lived on */
    BK_OUT_KILLED,        /* the whole process died by signal sig */
    BK_OUT_LOAD_FAILED,   /* seccomp(2) refused the program: load_errno */
    BK_OUT_TIMEOUT,       /* the syscall did not return within 10 s */
    BK_OUT_HARNESS,       /* fork/pipe/thread trouble */
} BkOutKind;

typedef struct {
    BkOutKind kind;
    long ret;
    int sig;
    bool core;
    int trap_errno;       /* siginfo si_errno: SECCOMP_RET_DATA */
    int trap_syscall;     /* si_syscall */
    uint32_t trap_arch;   /* si_arch (AUDIT_ARCH_*) */
    int load_errno;
} BkOutcome;

/* AUDIT_ARCH_* that seccomp sees for an ABI. */
uint32_t bk_abi_audit_arch(BkAbi abi);
const char *bk_abi_name(BkAbi abi);
bool bk_abi_from_name(const char *name, BkAbi *abi);

/* Syscall tables from polc's stdlib (stdlib/syscalls/{x86_64,x32,x86}.tbl). */
typedef struct BkTables BkTables;
BkTables *bk_tables_load(const char *stdlib_dir, char *err, size_t errlen);
void bk_tables_free(BkTables *t);
/* -1 when unknown. */
long bk_syscall_nr(const BkTables *t, BkAbi abi, const char *name);
const char *bk_syscall_name(const BkTables *t, BkAbi abi, uint32_t nr);

/* Parse one line. Returns 1 (a case), 0 (blank or comment), -1 (error: err). */
int bk_parse_case(const BkTables *t, const char *line, int lineno, BkCase *c, char *err, size_t errlen);

/* Fork a child; its worker thread loads prog (NULL: no filter) with
 * PR_SET_NO_NEW_PRIVS + seccomp(SECCOMP_SET_MODE_FILTER) and makes the
 * syscall. */
BkOutcome bk_run(const struct sock_filter *prog, size_t len, BkAbi abi, uint32_t nr, const uint64_t args[6]);

/* Does `got` meet the case's expectation? `base` is the same syscall run
 * without a filter (what allow/log must look like). why: a short explanation,
 * note: set when the result is ambiguous (e.g. trace vs. a syscall that
 * returns ENOSYS anyway). */
bool bk_check(const BkCase *c, const BkOutcome *got, const BkOutcome *base, char *note, size_t notelen);

/* "returned 3", "errno 1 (EPERM)", "trapped: si_errno 3 ...", ... */
void bk_describe(const BkOutcome *o, char *buf, size_t len);

/* Probes. seccomp usable: a filter loads and an allowed getpid works. */
bool bk_seccomp_usable(char *why, size_t len);
/* The ABI reaches the kernel without a filter: getpid through it returns the pid.
 * For x32 false + "ENOSYS" when the kernel lacks CONFIG_X86_X32_ABI. */
bool bk_abi_works(BkAbi abi, char *why, size_t len);

/* Read a raw program (struct sock_filter[], host byte order). 0 ok, else errno-like. */
int bk_read_program(const char *path, struct sock_filter **prog, size_t *len);

#endif

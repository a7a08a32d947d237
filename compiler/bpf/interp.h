/* In-tree interpreter and validator for seccomp classic BPF.
 *
 * bpf_validate() accepts exactly what the Linux kernel accepts for
 * seccomp(SECCOMP_SET_MODE_FILTER) (bpf_check_classic + check_load_and_stores
 * + seccomp_check_filter); bpf_run() executes a program with the kernel's
 * classic-BPF semantics on one struct seccomp_data.
 *
 * No I/O, no globals, no allocation. */
#ifndef POLC_BPF_INTERP_H
#define POLC_BPF_INTERP_H

#include <stddef.h>
#include <stdint.h>

#include <linux/filter.h>  /* struct sock_filter, BPF_* */
#include <linux/seccomp.h> /* struct seccomp_data, SECCOMP_RET_* */

#define BPF_INTERP_MAX_INSNS 4096u /* BPF_MAXINSNS */
#define BPF_INTERP_MEMWORDS 16u    /* BPF_MEMWORDS */

/* Error codes (bpf_validate's return value and BpfResult.error). The kernel
 * reports all validation failures as EINVAL; these say which rule failed. */
enum {
    BPF_OK = 0,
    BPF_E_LENGTH,      /* length is 0 or larger than 4096 */
    BPF_E_OPCODE,      /* opcode not accepted by seccomp */
    BPF_E_LD_OFFSET,   /* LD|W|ABS offset unaligned or >= sizeof(struct seccomp_data) */
    BPF_E_MEM_INDEX,   /* LD/LDX MEM, ST, STX with k >= 16 */
    BPF_E_DIV_ZERO,    /* DIV|K or MOD|K by constant 0 */
    BPF_E_SHIFT,       /* LSH|K or RSH|K with k >= 32 */
    BPF_E_JUMP,        /* jump target past the end of the program */
    BPF_E_NO_RET,      /* last instruction is not RET */
    BPF_E_UNINIT_MEM,  /* scratch word may be read before it is written */
    BPF_E_NULL,        /* NULL program or data */
    BPF_E_PC_RANGE,    /* bpf_run: pc left the program (unvalidated input) */
    BPF_E_COUNT_
};

typedef struct {
    uint32_t ret;    /* value returned by the filter (SECCOMP_RET_*) */
    size_t executed; /* number of instructions executed, incl. the RET */
    int error;       /* BPF_OK, or an error code for unvalidated input */
} BpfResult;

/* Called before each instruction is executed, with the register state then. */
typedef void (*BpfTraceFn)(void *ctx, size_t pc, const struct sock_filter *insn,
                           uint32_t a, uint32_t x);

/* Validate like the kernel does for seccomp. Returns BPF_OK or an error code;
 * on error *bad_pc (if not NULL) is the failing instruction (for BPF_E_LENGTH
 * and BPF_E_NULL: 0; for BPF_E_NO_RET: len-1). */
int bpf_validate(const struct sock_filter *prog, size_t len, size_t *bad_pc);

/* Run on one seccomp_data. Assumes bpf_validate() succeeded; unvalidated
 * input never reads out of bounds but yields .error != 0 and .ret = 0. */
BpfResult bpf_run(const struct sock_filter *prog, size_t len, const struct seccomp_data *d);

/* Same, calling trace (if not NULL) for every executed instruction. */
BpfResult bpf_run_trace(const struct sock_filter *prog, size_t len, const struct seccomp_data *d,
                        BpfTraceFn trace, void *trace_ctx);

/* Static message for an error code ("unknown error" for unknown codes). */
const char *bpf_strerror(int code);

/* Describe a seccomp return value: "allow", "errno(1)", "kill-thread",
 * "kill-process", "trap(N)", "trace(N)", "log", "notify", or "unknown(0x...)".
 * Writes at most buflen bytes including the NUL; returns buf. */
char *bpf_describe_ret(uint32_t ret, char *buf, size_t buflen);

#endif /* POLC_BPF_INTERP_H */

/* Disassembler for seccomp classic BPF (struct sock_filter[]).
 *
 * Reads any program: polc's out/NAME.bpf, libseccomp's seccomp_export_bpf()
 * output, runc's stub + libseccomp, or a hand-made blob. One line per
 * instruction:
 *
 *      3  L3:  ld [nr]
 *      4       jeq #59, L9, L5              ; execve
 *
 * index, a label for every jump target, the mnemonic, and a comment decoding
 * constants: AUDIT_ARCH values after `ld [arch]`, syscall names after
 * `ld [nr]` on paths where an arch comparison was true (the arch is tracked
 * through the jump graph), the x32 bit, seccomp return values.
 *
 * Invalid programs are disassembled all the same: the validation error of
 * bpf_validate() is printed as a comment before the first instruction and
 * after the failing one. No I/O, no globals. */
#ifndef POLC_BPF_DISASM_H
#define POLC_BPF_DISASM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <linux/filter.h>

typedef struct BpfDisasmOptions {
    /* AUDIT_ARCH_* to assume before the program checks seccomp_data.arch
     * (e.g. a hand-made program without an arch check); 0: unknown. */
    uint32_t assume_arch;
    /* Syscall name for nr on audit_arch, NULL when unknown. On
     * AUDIT_ARCH_X86_64, numbers with bit 0x40000000 are x32 numbers and are
     * passed with the bit set. May be NULL: no syscall names. */
    const char *(*syscall_name)(void *ctx, uint32_t audit_arch, uint32_t nr);
    void *syscall_ctx;
    /* Omit the leading "; N instructions ..." comment lines. */
    bool no_header;
    /* Also print each instruction's encoding: {code, jt, jf, k}. */
    bool raw;
} BpfDisasmOptions;

/* The listing (malloc'd, NUL terminated; free with free()), NULL when out of
 * memory. opts may be NULL. len may be 0; prog may be NULL only when len is 0. */
char *bpf_disasm(const struct sock_filter *prog, size_t len, const BpfDisasmOptions *opts);

/* "x86_64", "i386", "aarch64", ... for an AUDIT_ARCH_* value; NULL if unknown. */
const char *bpf_audit_arch_name(uint32_t audit_arch);
/* The reverse, also accepting polc's names ("x86", "x32" -> AUDIT_ARCH_X86_64)
 * and "amd64"/"arm64"; false when unknown. */
bool bpf_audit_arch_from_name(const char *name, uint32_t *audit_arch);

/* seccomp_data field at byte offset off of a LD|W|ABS on this host:
 * "nr", "arch", "instruction_pointer.lo", "args[1].hi", ...; NULL when off is
 * not a valid, aligned offset. */
const char *bpf_seccomp_data_field(uint32_t off, char *buf, size_t buflen);

#endif /* POLC_BPF_DISASM_H */

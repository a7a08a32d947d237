/* fuzz_disasm: arbitrary bytes as a seccomp classic BPF program (whole
 * 8-byte instructions; a trailing partial one is dropped) through the
 * validator (bpf_validate, the kernel's rules), the disassembler (with and
 * without syscall names, encodings and an assumed arch) and the
 * interpreter. Properties: the disassembler returns one string; a program
 * the validator accepts runs without an interpreter error on any input; an
 * invalid one never makes the interpreter read outside the program. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bpf/disasm.h"
#include "bpf/interp.h"
#include "compile.h"
#include "fuzz.h"
#include "polc/polc.h"
#include "facts/syscall_table.h"

/* Syscall names from polc's tables, loaded once per process per arch. */
static polc_ctx *names_ctx;

static const char *syscall_name(void *unused, uint32_t audit_arch, uint32_t nr)
{
    (void)unused;
    ArchId arch;
    if (!arch_from_audit(audit_arch, nr, &arch))
        return NULL;
    if (!names_ctx) {
        names_ctx = polc_new();
        polc_add_stdlib_dir(names_ctx, POLC_FUZZ_STDLIB_DIR);
    }
    polc_ctx *ctx = names_ctx;
    if (!ctx->policy.db.arch[arch].loaded &&
        !syscalldb_load_arch(&ctx->policy.db, &ctx->arena, &ctx->diag, &ctx->sm, arch, stdlib_locate, ctx)) {
        fprintf(stderr, "fuzz_disasm: cannot load the syscall table of %s\n", arch_info(arch)->name);
        abort();
    }
    const SyscallEntry *e = syscalldb_by_nr(&ctx->policy.db, arch, nr);
    return e ? e->name : NULL;
}

static const uint32_t AUDIT_ARCHES[] = {0, 0xc000003eu, 0x40000003u, 0xc00000b7u, 0x40000028u,
                                        0xc00000f3u, 0xc0000015u, 0x80000016u};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > FUZZ_MAX_INPUT)
        return 0;
    size_t n = size / sizeof(struct sock_filter);
    /* an exact-size copy: ASan catches any read past the last instruction */
    struct sock_filter *prog = n ? malloc(n * sizeof *prog) : NULL;
    if (n)
        memcpy(prog, data, n * sizeof *prog);
    uint32_t h = fuzz_hash(data, size);

    size_t bad_pc = 0;
    int verr = bpf_validate(prog, n, &bad_pc);
    if (verr != BPF_OK && n && bad_pc >= n) {
        fprintf(stderr, "fuzz_disasm: bpf_validate blames instruction %zu of %zu\n", bad_pc, n);
        abort();
    }

    BpfDisasmOptions o = {0};
    o.assume_arch = AUDIT_ARCHES[h % 8];
    o.syscall_name = (h >> 3) & 1 ? syscall_name : NULL;
    o.no_header = (h >> 4) & 1;
    o.raw = (h >> 5) & 1;
    char *text = bpf_disasm(prog, n, &o);
    if (!text) {
        fprintf(stderr, "fuzz_disasm: bpf_disasm returned NULL\n");
        abort();
    }
    free(text);

    /* run on a few calls: each arch of the table, numbers and arguments
     * from the end of the input */
    for (size_t i = 0; i < 4; i++) {
        struct seccomp_data d;
        memset(&d, 0, sizeof d);
        d.arch = AUDIT_ARCHES[(h >> (6 + 3 * i)) % 8];
        if (size >= sizeof d)
            memcpy(&d, data + size - sizeof d, sizeof d);
        if (i & 1)
            d.nr = (int)(h >> i);
        BpfResult r = bpf_run(prog, n, &d);
        if (verr == BPF_OK && r.error) {
            fprintf(stderr, "fuzz_disasm: a valid program (%zu instructions) failed to run: %s\n", n,
                    bpf_strerror(r.error));
            abort();
        }
        if (verr == BPF_OK && (r.executed == 0 || r.executed > n)) {
            fprintf(stderr, "fuzz_disasm: a valid program ran %zu of %zu instructions\n", r.executed, n);
            abort();
        }
    }
    free(prog);
    return 0;
}

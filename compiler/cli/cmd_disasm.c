/* polc disasm FILE.bpf [--arch ARCH] [--raw] [--no-header] [-I DIR]
 *
 * Disassembles a raw seccomp BPF program (struct sock_filter[] in host byte
 * order: polc's out/NAME.bpf, libseccomp's seccomp_export_bpf(), anything).
 * Syscall names come from polc's stdlib tables, loaded on first use. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bpf/disasm.h"
#include "bpf/interp.h"
#include "compile.h"
#include "cli/commands.h"
#include "polc/polc.h"

static const char DISASM_USAGE[] =
    "usage: polc disasm [options] FILE.bpf\n"
    "\n"
    "Disassemble a raw seccomp BPF program (struct sock_filter[] in this host's\n"
    "byte order): polc's NAME.bpf, libseccomp's seccomp_export_bpf() output, or\n"
    "any other. Comments name arches after `ld [arch]` and syscalls after\n"
    "`ld [nr]` (from polc's syscall tables, on paths where the arch is known).\n"
    "The program is validated like the kernel does; an invalid program is\n"
    "still printed, with the error. FILE - reads standard input.\n"
    "\n"
    "options:\n"
    "      --arch ARCH   assume ARCH (x86_64, x86/i386, x32, aarch64, arm, riscv64,\n"
    "                    ppc64le, s390x, ...) before the program checks the arch\n"
    "      --raw         also print each instruction's encoding (code jt jf k)\n"
    "      --no-header   omit the leading summary comments\n"
    "  -I DIR            search DIR for the stdlib's syscall tables first\n"
    "  -h, --help        print this help\n"
    "\n"
    "exit status: 0 valid program, 1 invalid program (still printed),\n"
    "2 usage or I/O error (unreadable file, size not a multiple of 8).\n";

typedef struct {
    polc_ctx *ctx;
    bool tried[ARCH__COUNT];
    bool warned;
} NameCtx;

static const char *syscall_name(void *vctx, uint32_t audit_arch, uint32_t nr)
{
    NameCtx *nc = vctx;
    ArchId arch;
    if (!arch_from_audit(audit_arch, nr, &arch))
        return NULL;
    polc_ctx *ctx = nc->ctx;
    if (!nc->tried[arch]) {
        nc->tried[arch] = true;
        if (!syscalldb_load_arch(&ctx->policy.db, &ctx->arena, &ctx->diag, &ctx->sm, arch, stdlib_locate, ctx) &&
            !nc->warned) {
            nc->warned = true;
            fprintf(stderr, "polc disasm: warning: cannot load the syscall table for %s; "
                            "no syscall names\n", arch_info(arch)->name);
        }
    }
    if (!ctx->policy.db.arch[arch].loaded)
        return NULL;
    const SyscallEntry *e = syscalldb_by_nr(&ctx->policy.db, arch, nr);
    return e ? e->name : NULL;
}

static unsigned char *read_all(const char *path, size_t *len)
{
    FILE *fp = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!fp)
        return NULL;
    size_t cap = 4096, n = 0;
    unsigned char *buf = malloc(cap);
    while (buf) {
        n += fread(buf + n, 1, cap - n, fp);
        if (n < cap)
            break;
        unsigned char *nb = cap > (1u << 26) ? NULL : realloc(buf, cap * 2);
        if (!nb) {
            free(buf);
            buf = NULL;
            errno = EFBIG;
            break;
        }
        buf = nb;
        cap *= 2;
    }
    int bad = buf && ferror(fp);
    if (fp != stdin)
        fclose(fp);
    if (bad) {
        free(buf);
        errno = EIO;
        return NULL;
    }
    *len = n;
    return buf;
}

int polc_cmd_disasm(int argc, char **argv)
{
    enum { OPT_ARCH = 256, OPT_RAW, OPT_NO_HEADER };
    static const struct option LONG_OPTS[] = {
        {"arch", required_argument, NULL, OPT_ARCH},
        {"raw", no_argument, NULL, OPT_RAW},
        {"no-header", no_argument, NULL, OPT_NO_HEADER},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    BpfDisasmOptions o;
    memset(&o, 0, sizeof o);
    const char *includes[64];
    int nincludes = 0, c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "I:h", LONG_OPTS, NULL)) != -1) {
        switch (c) {
        case OPT_ARCH:
            if (!bpf_audit_arch_from_name(optarg, &o.assume_arch)) {
                fprintf(stderr, "polc disasm: error: unknown arch %s\ntry 'polc disasm --help'\n", optarg);
                return 2;
            }
            break;
        case OPT_RAW: o.raw = true; break;
        case OPT_NO_HEADER: o.no_header = true; break;
        case 'I':
            if (nincludes == 64) {
                fprintf(stderr, "polc disasm: error: too many -I options\n");
                return 2;
            }
            includes[nincludes++] = optarg;
            break;
        case 'h': fputs(DISASM_USAGE, stdout); return 0;
        default: cli_option_error("polc disasm", argv[optind - 1], optopt, "I:h", LONG_OPTS); return 2;
        }
    }
    if (optind != argc - 1) {
        fprintf(stderr, "polc disasm: error: %s\ntry 'polc disasm --help'\n",
                optind >= argc ? "no input file" : "one input file at a time");
        return 2;
    }
    const char *path = argv[optind];
    size_t size = 0;
    unsigned char *data = read_all(path, &size);
    if (!data) {
        fprintf(stderr, "polc disasm: error: cannot read %s: %s\n", path, strerror(errno));
        return 2;
    }
    if (size % sizeof(struct sock_filter) != 0) {
        fprintf(stderr,
                "polc disasm: error: %s: %zu bytes is not a whole number of instructions "
                "(8 bytes each): not a raw seccomp BPF program\n",
                path, size);
        free(data);
        return 2;
    }
    size_t len = size / sizeof(struct sock_filter);
    struct sock_filter *prog = len ? malloc(size) : NULL;
    if (len && !prog) {
        free(data);
        return 2;
    }
    if (len)
        memcpy(prog, data, size);
    free(data);

    NameCtx nc;
    memset(&nc, 0, sizeof nc);
    nc.ctx = polc_new();
    if (!nc.ctx) {
        free(prog);
        return 2;
    }
    for (int i = 0; i < nincludes; i++)
        polc_add_include_dir(nc.ctx, includes[i]);
    polc_use_env_path(nc.ctx);
    cli_add_stdlib_dirs(nc.ctx);
    o.syscall_name = syscall_name;
    o.syscall_ctx = &nc;

    char *text = bpf_disasm(prog, len, &o);
    int status = 0;
    if (!text) {
        fprintf(stderr, "polc disasm: error: out of memory\n");
        status = 2;
    } else {
        fputs(text, stdout);
        free(text);
        size_t bad_pc = 0;
        struct sock_filter none;
        int err = bpf_validate(prog ? prog : &none, len, &bad_pc);
        if (err != BPF_OK) {
            if (err == BPF_E_LENGTH || err == BPF_E_NULL)
                fprintf(stderr, "polc disasm: %s: invalid program: %s\n", path, bpf_strerror(err));
            else
                fprintf(stderr, "polc disasm: %s: invalid program: %s at instruction %zu\n", path,
                        bpf_strerror(err), bad_pc);
            status = 1;
        }
    }
    if (fflush(stdout) != 0 && status == 0)
        status = 2;
    polc_free(nc.ctx);
    free(prog);
    return status;
}

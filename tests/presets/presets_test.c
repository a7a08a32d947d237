/* Hardening presets (stdlib/presets/NAME.pol): table-driven checks.
 *
 * For each preset, small policies (`default allow` + the preset, and a
 * `default errno(EACCES)` variant that allows the table's syscalls and
 * includes the preset) are compiled for a few arch sets. Every table row
 * (arch, syscall, arguments, expected action) is checked against
 *   - polc's IR (ir_eval), and
 *   - the Docker JSON compiled through libseccomp as runc does it
 *     (tests/oracle, with runc's -ENOSYS stub), for the arch families the
 *     oracle can build on this host's byte order (x86_64 and aarch64).
 *
 * usage:
 *   presets_test STDLIB_DIR              the tables (no kernel needed)
 *   presets_test --kernel STDLIB_DIR     load a preset filter with seccomp(2)
 *                                        in a child; 77 = skipped (no
 *                                        seccomp, unless CI=true)
 *   presets_test --versions STDLIB_DIR   check syscalls/versions.tbl
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <seccomp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "compile.h"
#include "middle/ir.h"
#include "oracle.h"

#include "test_check.h"

#define ALLOW SECCOMP_RET_ALLOW
#define ERR(e) (SECCOMP_RET_ERRNO | (uint32_t)(e))

/* errno values (the same on every polc arch) */
enum { E_PERM = 1, E_ACCES = 13, E_NOSYS = 38, E_AFNOSUPPORT = 97 };

typedef struct Row {
    const char *arch;
    const char *sys;
    uint64_t a[6];
    uint32_t want; /* with `default allow` */
    int control;   /* 1: not decided by the preset (the default applies) */
} Row;

typedef struct Preset {
    const char *name;
    const char *const *configs; /* arch lists to compile for; NULL-terminated */
    const Row *rows;
    size_t nrows;
} Preset;

#define P 0x7f0000001000ull /* some user pointer */

/* ---- restrict-address-families ---- */
static const char *const raf_cfg[] = {"x86_64, x32, aarch64, arm", "riscv64, ppc64le, s390x", "x86", NULL};
static const Row raf_rows[] = {
    {"x86_64", "socket", {16, 3, 0}, ERR(E_AFNOSUPPORT), 0},          /* AF_NETLINK */
    {"x86_64", "socket", {2, 1, 0}, ALLOW, 0},                        /* AF_INET */
    {"x86_64", "socket", {10, 2, 0}, ALLOW, 0},                       /* AF_INET6 */
    {"x86_64", "socket", {1, 1, 0}, ALLOW, 0},                        /* AF_UNIX */
    {"x86_64", "socket", {17, 3, 0}, ERR(E_AFNOSUPPORT), 0},          /* AF_PACKET */
    {"x86_64", "socket", {0, 1, 0}, ERR(E_AFNOSUPPORT), 0},           /* AF_UNSPEC */
    {"x86_64", "socket", {38, 5, 0}, ERR(E_AFNOSUPPORT), 0},          /* AF_ALG */
    /* the kernel reads an int's low half only: the high half changes nothing */
    {"x86_64", "socket", {0x100000002ull, 1, 0}, ALLOW, 0},              /* AF_INET */
    {"x86_64", "socket", {0x100000010ull, 3, 0}, ERR(E_AFNOSUPPORT), 0}, /* AF_NETLINK */
    {"x86_64", "socketpair", {1, 1, 0, P}, ALLOW, 0},
    {"x86_64", "socketpair", {16, 3, 0, P}, ERR(E_AFNOSUPPORT), 0},
    {"x86_64", "getpid", {0}, ALLOW, 1},
    {"x32", "socket", {16, 3, 0}, ERR(E_AFNOSUPPORT), 0},
    {"x32", "socket", {2, 2, 0}, ALLOW, 0},
    {"aarch64", "socket", {40, 1, 0}, ERR(E_AFNOSUPPORT), 0},         /* AF_VSOCK */
    {"aarch64", "socket", {10, 1, 0}, ALLOW, 0},
    {"aarch64", "socketpair", {1, 5, 0, P}, ALLOW, 0},
    {"arm", "socket", {31, 5, 0}, ERR(E_AFNOSUPPORT), 0},             /* AF_BLUETOOTH */
    {"arm", "socket", {1, 1, 0}, ALLOW, 0},
    {"riscv64", "socket", {16, 3, 0}, ERR(E_AFNOSUPPORT), 0},
    {"riscv64", "socket", {2, 1, 0}, ALLOW, 0},
    /* socketcall arches: not enforceable, the preset leaves them alone */
    {"x86", "socket", {16, 3, 0}, ALLOW, 0},
    {"ppc64le", "socket", {16, 3, 0}, ALLOW, 0},
    {"s390x", "socket", {16, 3, 0}, ALLOW, 0},
};

/* ---- restrict-namespaces ---- */
static const char *const ns_cfg[] = {"x86_64, x86, x32, aarch64, arm", "riscv64, ppc64le, s390x", NULL};
static const Row ns_rows[] = {
    {"x86_64", "unshare", {0x10000000}, ERR(E_PERM), 0},              /* CLONE_NEWUSER */
    {"x86_64", "unshare", {0x400}, ALLOW, 0},                         /* CLONE_FILES */
    {"x86_64", "unshare", {0}, ALLOW, 0},
    {"x86_64", "unshare", {0x80}, ERR(E_PERM), 0},                    /* CLONE_NEWTIME */
    {"x86_64", "unshare", {0x40000000 | 0x200}, ERR(E_PERM), 0},      /* CLONE_NEWNET|CLONE_FS */
    {"x86_64", "unshare", {0x20000}, ERR(E_PERM), 0},                 /* CLONE_NEWNS */
    {"x86_64", "clone", {17, 0, 0, 0, 0}, ALLOW, 0},                  /* fork(): SIGCHLD */
    {"x86_64", "clone", {0x3d0f00, P, P, P, P}, ALLOW, 0},            /* pthread_create */
    {"x86_64", "clone", {0x20000000 | 17}, ERR(E_PERM), 0},           /* CLONE_NEWPID */
    {"x86_64", "clone", {0x2000000 | 17}, ERR(E_PERM), 0},            /* CLONE_NEWCGROUP */
    {"x86_64", "clone", {0x80}, ALLOW, 0},                            /* exit-signal bit, not NEWTIME */
    {"x86_64", "setns", {3, 0}, ERR(E_PERM), 0},
    {"x86_64", "setns", {3, 0x40000000}, ERR(E_PERM), 0},
    {"x86_64", "clone3", {P, 88}, ERR(E_NOSYS), 0},
    {"x86_64", "getpid", {0}, ALLOW, 1},
    {"x86", "clone", {0x10000000 | 17}, ERR(E_PERM), 0},
    {"x86", "clone", {17}, ALLOW, 0},
    {"x86", "unshare", {0x8000000}, ERR(E_PERM), 0},                  /* CLONE_NEWIPC */
    {"x86", "clone3", {P & 0xffffffff, 88}, ERR(E_NOSYS), 0},
    {"x32", "unshare", {0x20000}, ERR(E_PERM), 0},
    {"x32", "setns", {3, 0}, ERR(E_PERM), 0},
    {"aarch64", "clone", {0x4000000 | 17}, ERR(E_PERM), 0},           /* CLONE_NEWUTS */
    {"aarch64", "clone", {0x3d0f00, P, P, P, P}, ALLOW, 0},
    {"aarch64", "unshare", {0x8000000}, ERR(E_PERM), 0},
    {"aarch64", "clone3", {P, 88}, ERR(E_NOSYS), 0},
    {"arm", "clone", {0x2000000}, ERR(E_PERM), 0},
    {"arm", "unshare", {0x400}, ALLOW, 0},
    /* s390x: clone(newsp, flags, ...) */
    {"s390x", "clone", {0, 0x10000000 | 17}, ERR(E_PERM), 0},
    {"s390x", "clone", {0x10000000, 17}, ALLOW, 0},                   /* a stack pointer, not flags */
    {"s390x", "unshare", {0x10000000}, ERR(E_PERM), 0},
    {"riscv64", "unshare", {0x40000000}, ERR(E_PERM), 0},
    {"riscv64", "clone", {17}, ALLOW, 0},
    {"ppc64le", "setns", {3, 0}, ERR(E_PERM), 0},
    {"ppc64le", "clone", {0x20000 | 17}, ERR(E_PERM), 0},
};

/* ---- memory-deny-write-execute ---- */
static const char *const mdwe_cfg[] = {"x86_64, x32, aarch64, arm", "riscv64, ppc64le, s390x", "x86", NULL};
static const Row mdwe_rows[] = {
    {"x86_64", "mmap", {0, 4096, 7, 0x22, (uint64_t)-1, 0}, ERR(E_PERM), 0}, /* RWX anonymous */
    {"x86_64", "mmap", {0, 4096, 6, 0x22, (uint64_t)-1, 0}, ERR(E_PERM), 0}, /* WX */
    {"x86_64", "mmap", {0, 4096, 5, 0x2, 3, 0}, ALLOW, 0},                   /* RX file: ld.so */
    {"x86_64", "mmap", {0, 4096, 3, 0x22, (uint64_t)-1, 0}, ALLOW, 0},       /* RW */
    {"x86_64", "mmap", {0, 4096, 0, 0x22, (uint64_t)-1, 0}, ALLOW, 0},       /* PROT_NONE */
    {"x86_64", "mprotect", {P, 4096, 5}, ERR(E_PERM), 0},                    /* RX */
    {"x86_64", "mprotect", {P, 4096, 4}, ERR(E_PERM), 0},                    /* X */
    {"x86_64", "mprotect", {P, 4096, 1}, ALLOW, 0},                          /* RELRO */
    {"x86_64", "mprotect", {P, 4096, 3}, ALLOW, 0},
    {"x86_64", "pkey_mprotect", {P, 4096, 4, 1}, ERR(E_PERM), 0},
    {"x86_64", "pkey_mprotect", {P, 4096, 3, 1}, ALLOW, 0},
    {"x86_64", "shmat", {5, 0, 0100000}, ERR(E_PERM), 0},                    /* SHM_EXEC */
    {"x86_64", "shmat", {5, 0, 010000}, ALLOW, 0},                           /* SHM_RDONLY */
    {"x86_64", "getpid", {0}, ALLOW, 1},
    {"x32", "mmap", {0, 4096, 7, 0x22, 0xffffffff, 0}, ERR(E_PERM), 0},
    {"x32", "mprotect", {P & 0xffffffff, 4096, 5}, ERR(E_PERM), 0},
    {"aarch64", "mmap", {0, 4096, 7, 0x22, (uint64_t)-1, 0}, ERR(E_PERM), 0},
    {"aarch64", "mmap", {0, 4096, 5, 0x2, 3, 0}, ALLOW, 0},
    {"aarch64", "mprotect", {P, 4096, 5}, ERR(E_PERM), 0},
    {"aarch64", "shmat", {5, 0, 0100000}, ERR(E_PERM), 0},
    {"arm", "mmap2", {0, 4096, 7, 0x22, 0xffffffff, 0}, ERR(E_PERM), 0},
    {"arm", "mmap2", {0, 4096, 5, 0x2, 3, 0}, ALLOW, 0},
    {"arm", "pkey_mprotect", {0x10000, 4096, 4, 1}, ERR(E_PERM), 0},
    {"riscv64", "mmap", {0, 4096, 6, 0x22, (uint64_t)-1, 0}, ERR(E_PERM), 0},
    {"ppc64le", "mmap", {0, 4096, 7, 0x22, (uint64_t)-1, 0}, ERR(E_PERM), 0},
    {"ppc64le", "shmat", {5, 0, 0100000}, ALLOW, 0},                         /* via ipc(2): not filtered */
    {"s390x", "mmap", {P, 0, 7}, ALLOW, 0},                                  /* old_mmap: not filtered */
    {"s390x", "mprotect", {P, 4096, 5}, ERR(E_PERM), 0},
    /* x86: syscall 90 is old_mmap(struct *): denied; mmap2 filtered */
    {"x86", "mmap", {0x10000, 0, 0}, ERR(E_PERM), 0},
    {"x86", "mmap2", {0, 4096, 7, 0x22, 0xffffffff, 0}, ERR(E_PERM), 0},
    {"x86", "mmap2", {0, 4096, 3, 0x22, 0xffffffff, 0}, ALLOW, 0},
    {"x86", "mprotect", {0x10000, 4096, 5}, ERR(E_PERM), 0},
    {"x86", "shmat", {5, 0, 0100000}, ALLOW, 0},                             /* via ipc(2): not filtered */
};

/* ---- lock-personality ---- */
static const char *const lp_cfg[] = {"x86_64, x86, x32, aarch64, arm", "riscv64, ppc64le, s390x", NULL};
static const Row lp_rows[] = {
    {"x86_64", "personality", {0}, ALLOW, 0},                         /* PER_LINUX */
    {"x86_64", "personality", {0xffffffff}, ALLOW, 0},                /* query */
    {"x86_64", "personality", {8}, ERR(E_PERM), 0},                   /* PER_LINUX32 */
    {"x86_64", "personality", {0x40000}, ERR(E_PERM), 0},             /* ADDR_NO_RANDOMIZE */
    {"x86_64", "personality", {0x400000}, ERR(E_PERM), 0},            /* READ_IMPLIES_EXEC */
    {"x86_64", "personality", {0xfffffffe}, ERR(E_PERM), 0},
    {"x86_64", "personality", {0x7fffffff}, ERR(E_PERM), 0},
    {"x86_64", "personality", {0x80000000}, ERR(E_PERM), 0},
    {"x86_64", "personality", {0x100000000ull}, ALLOW, 0},            /* the kernel reads 0 */
    {"x86_64", "personality", {0x100000008ull}, ERR(E_PERM), 0},      /* the kernel reads 8 */
    {"x86_64", "personality", {0xffffffffffffffffull}, ALLOW, 0},     /* the kernel reads the query */
    {"x86_64", "getpid", {0}, ALLOW, 1},
    {"x86", "personality", {8}, ERR(E_PERM), 0},
    {"x86", "personality", {0xffffffff}, ALLOW, 0},
    {"x32", "personality", {0x20000}, ERR(E_PERM), 0},                /* UNAME26 */
    {"aarch64", "personality", {0x8000008}, ERR(E_PERM), 0},          /* PER_LINUX32_3GB */
    {"aarch64", "personality", {0}, ALLOW, 0},
    {"arm", "personality", {0xffffffff}, ALLOW, 0},
    {"arm", "personality", {1}, ERR(E_PERM), 0},
    {"s390x", "personality", {0}, ALLOW, 0},
    {"ppc64le", "personality", {0x10}, ERR(E_PERM), 0},
    {"riscv64", "personality", {0xffffffff}, ALLOW, 0},
};

/* ---- deny-fileless-exec ---- */
static const char *const fe_cfg[] = {"x86_64, x86, x32, aarch64, arm", "riscv64, ppc64le, s390x", NULL};
static const Row fe_rows[] = {
    {"x86_64", "memfd_create", {P, 0}, ERR(E_NOSYS), 0},
    {"x86_64", "memfd_create", {P, 1}, ERR(E_NOSYS), 0},              /* MFD_CLOEXEC */
    {"x86_64", "execveat", {3, P, P, P, 0x1000}, ERR(E_PERM), 0},     /* AT_EMPTY_PATH */
    {"x86_64", "execveat", {3, P, P, P, 0x1100}, ERR(E_PERM), 0},     /* + AT_SYMLINK_NOFOLLOW */
    {"x86_64", "execveat", {(uint64_t)-100, P, P, P, 0}, ALLOW, 0},   /* AT_FDCWD, a path */
    {"x86_64", "execveat", {3, P, P, P, 0x100}, ALLOW, 0},
    {"x86_64", "execve", {P, P, P}, ALLOW, 1},
    {"x86_64", "getpid", {0}, ALLOW, 1},
    {"x86", "memfd_create", {0x10000, 0}, ERR(E_NOSYS), 0},
    {"x86", "execveat", {3, 0x10000, 0, 0, 0x1000}, ERR(E_PERM), 0},
    {"x32", "execveat", {3, 0x10000, 0, 0, 0x1000}, ERR(E_PERM), 0},
    {"aarch64", "execveat", {3, P, P, P, 0x1000}, ERR(E_PERM), 0},
    {"aarch64", "memfd_create", {P, 2}, ERR(E_NOSYS), 0},
    {"arm", "memfd_create", {0x10000, 0}, ERR(E_NOSYS), 0},
    {"arm", "execveat", {3, 0x10000, 0, 0, 0}, ALLOW, 0},
    {"s390x", "execveat", {3, P, P, P, 0x1000}, ERR(E_PERM), 0},
    {"riscv64", "memfd_create", {P, 0}, ERR(E_NOSYS), 0},
    {"ppc64le", "execveat", {3, P, P, P, 0}, ALLOW, 0},
};

/* ---- deny-kernel-modules, deny-keyring, deny-kexec, deny-io-uring ---- */
static const char *const all_cfg[] = {"x86_64, x86, x32, aarch64, arm", "riscv64, ppc64le, s390x", NULL};
static const Row km_rows[] = {
    {"x86_64", "init_module", {P, 4096, P}, ERR(E_PERM), 0},
    {"x86_64", "finit_module", {3, P, 0}, ERR(E_PERM), 0},
    {"x86_64", "delete_module", {P, 0}, ERR(E_PERM), 0},
    {"x86_64", "getpid", {0}, ALLOW, 1},
    {"x86", "finit_module", {3, 0x10000, 0}, ERR(E_PERM), 0},
    {"x32", "init_module", {0x10000, 4096, 0x10000}, ERR(E_PERM), 0},
    {"aarch64", "delete_module", {P, 0x800}, ERR(E_PERM), 0},
    {"arm", "init_module", {0x10000, 4096, 0x10000}, ERR(E_PERM), 0},
    {"s390x", "finit_module", {3, P, 0}, ERR(E_PERM), 0},
};
static const Row kr_rows[] = {
    {"x86_64", "add_key", {P, P, P, 16, (uint64_t)-3}, ERR(E_PERM), 0},
    {"x86_64", "request_key", {P, P, 0, 0}, ERR(E_PERM), 0},
    {"x86_64", "keyctl", {0, (uint64_t)-3}, ERR(E_PERM), 0},
    {"x86_64", "getpid", {0}, ALLOW, 1},
    {"x86", "keyctl", {1, 0}, ERR(E_PERM), 0},
    {"aarch64", "add_key", {P, P, P, 16, 0}, ERR(E_PERM), 0},
    {"arm", "request_key", {0x10000, 0x10000, 0, 0}, ERR(E_PERM), 0},
    {"ppc64le", "keyctl", {0, 0}, ERR(E_PERM), 0},
};
static const Row kx_rows[] = {
    {"x86_64", "kexec_load", {0, 1, P, 0}, ERR(E_PERM), 0},
    {"x86_64", "kexec_file_load", {3, 4, 0, P, 0}, ERR(E_PERM), 0},
    {"x86_64", "reboot", {0xfee1dead, 672274793, 0x45584543}, ALLOW, 1}, /* not kexec */
    {"x86_64", "getpid", {0}, ALLOW, 1},
    {"x86", "kexec_load", {0, 1, 0x10000, 0}, ERR(E_PERM), 0},
    {"x32", "kexec_file_load", {3, 4, 0, 0x10000, 0}, ERR(E_PERM), 0},
    {"aarch64", "kexec_file_load", {3, 4, 0, P, 0}, ERR(E_PERM), 0},
    {"arm", "kexec_load", {0, 1, 0x10000, 0}, ERR(E_PERM), 0},
    {"riscv64", "kexec_file_load", {3, 4, 0, P, 0}, ERR(E_PERM), 0},
};
static const Row iu_rows[] = {
    {"x86_64", "io_uring_setup", {8, P}, ERR(E_PERM), 0},
    {"x86_64", "io_uring_enter", {3, 1, 1, 0, 0, 0}, ERR(E_PERM), 0},
    {"x86_64", "io_uring_register", {3, 0, P, 1}, ERR(E_PERM), 0},
    {"x86_64", "getpid", {0}, ALLOW, 1},
    {"x86_64", "epoll_create1", {0}, ALLOW, 1},
    {"x86", "io_uring_setup", {8, 0x10000}, ERR(E_PERM), 0},
    {"x32", "io_uring_enter", {3, 1, 1, 0, 0, 0}, ERR(E_PERM), 0},
    {"aarch64", "io_uring_enter", {3, 1, 1, 0, 0, 0}, ERR(E_PERM), 0},
    {"arm", "io_uring_register", {3, 0, 0x10000, 1}, ERR(E_PERM), 0},
    {"s390x", "io_uring_setup", {8, P}, ERR(E_PERM), 0},
};

#define N(a) (sizeof(a) / sizeof((a)[0]))
static const Preset presets[] = {
    {"restrict-address-families", raf_cfg, raf_rows, N(raf_rows)},
    {"restrict-namespaces", ns_cfg, ns_rows, N(ns_rows)},
    {"memory-deny-write-execute", mdwe_cfg, mdwe_rows, N(mdwe_rows)},
    {"lock-personality", lp_cfg, lp_rows, N(lp_rows)},
    {"deny-fileless-exec", fe_cfg, fe_rows, N(fe_rows)},
    {"deny-kernel-modules", all_cfg, km_rows, N(km_rows)},
    {"deny-keyring", all_cfg, kr_rows, N(kr_rows)},
    {"deny-kexec", all_cfg, kx_rows, N(kx_rows)},
    {"deny-io-uring", all_cfg, iu_rows, N(iu_rows)},
};

/* ------------------------------------------------------------------ */

static const char *ret_str(uint32_t r)
{
    static char buf[4][32];
    static int k;
    char *b = buf[k++ & 3];
    uint32_t act = r & SECCOMP_RET_ACTION_FULL;
    if (act == SECCOMP_RET_ALLOW)
        snprintf(b, 32, "allow");
    else if (act == SECCOMP_RET_ERRNO)
        snprintf(b, 32, "errno(%u)", r & SECCOMP_RET_DATA);
    else
        snprintf(b, 32, "0x%08x", r);
    return b;
}

static polc_ctx *compile_text(const char *stdlib, const char *name, const char *text, char **json)
{
    polc_ctx *ctx = polc_new();
    polc_add_stdlib_dir(ctx, stdlib);
    size_t len;
    bool ok = polc_compile_buffer(ctx, name, text, strlen(text)) == POLC_OK;
    /* a 32-bit ABI without its host arch has no Docker profile (E0416: runc
     * would filter the host's calls with the default): its BPF then */
    bool host_missing = false;
    for (size_t a = 0; ok && a < ctx->policy.ir->arches.len; a++)
        host_missing |= !ir_arch(ctx->policy.ir, arch_info(ctx->policy.ir->arches.items[a].arch)->family);
    *json = NULL;
    if (ok && host_missing) {
        char *bpf = NULL;
        ok = polc_emit(ctx, POLC_TARGET_BPF, &bpf, &len) == POLC_OK;
        free(bpf);
    } else if (ok) {
        ok = polc_emit(ctx, POLC_TARGET_DOCKER, json, &len) == POLC_OK;
    }
    if (!ok) {
        char *d = polc_render_diagnostics(ctx, POLC_DIAG_TEXT, 0);
        fprintf(stderr, "FAIL: %s does not compile:\n%s\n--- policy ---\n%s\n", name, d, text);
        free(d);
        polc_free(ctx);
        failures++;
        return NULL;
    }
    return ctx;
}

static bool in_config(const char *config, const char *arch)
{
    char buf[256];
    snprintf(buf, sizeof buf, "%s", config);
    for (char *save = NULL, *t = strtok_r(buf, ", ", &save); t; t = strtok_r(NULL, ", ", &save))
        if (strcmp(t, arch) == 0)
            return true;
    return false;
}

/* Check every row of `p` that applies to `config` in one compiled variant. */
static void check_variant(const Preset *p, const char *config, const char *variant, polc_ctx *ctx,
                          const char *json, int *seen)
{
    OracleFilter *oracle[2] = {NULL, NULL}; /* x86_64 family, aarch64 family */
    static const uint32_t natives[2] = {SCMP_ARCH_X86_64, SCMP_ARCH_AARCH64};
    static const char *const natives_name[2] = {"x86_64", "aarch64"};
    for (int f = 0; f < 2; f++) {
        if (!in_config(config, natives_name[f]))
            continue;
        char err[512];
        oracle[f] = oracle_load_json(json, NULL, natives[f], err, sizeof err);
        CHECK(oracle[f] != NULL, "%s [%s] %s: libseccomp rejects the JSON: %s", p->name, config, variant, err);
    }
    bool is_default_allow = strcmp(variant, "default-allow") == 0;
    for (size_t i = 0; i < p->nrows; i++) {
        const Row *r = &p->rows[i];
        if (!in_config(config, r->arch))
            continue;
        ArchId arch;
        if (!arch_from_name(r->arch, &arch)) {
            CHECK(0, "bad arch %s in the table", r->arch);
            continue;
        }
        const SyscallEntry *e = syscalldb_lookup(&ctx->policy.db, arch, r->sys);
        if (!e) {
            CHECK(0, "%s: no syscall %s on %s", p->name, r->sys, r->arch);
            continue;
        }
        uint32_t want = r->want;
        if (!is_default_allow && r->control)
            want = ERR(E_ACCES);
        IrVerdict iv = ir_eval(&ctx->policy, arch, e->nr, r->a, 0);
        uint32_t got = ir_action_ret(iv.action);
        CHECK(got == want, "%s [%s] %s: IR %s %s(%#llx, %#llx, %#llx, ...) = %s, want %s", p->name, config, variant,
              r->arch, r->sys, (unsigned long long)r->a[0], (unsigned long long)r->a[1],
              (unsigned long long)r->a[2], ret_str(got), ret_str(want));
        seen[i]++;
        const ArchInfo *ai = arch_info(arch);
        int fam = ai->family == ARCH_X86_64 ? 0 : ai->family == ARCH_AARCH64 ? 1 : -1;
        if (fam < 0 || !oracle[fam])
            continue;
        struct seccomp_data d = {(int)e->nr, ai->audit, 0, {0}};
        memcpy(d.args, r->a, sizeof d.args);
        BpfResult b = oracle_eval(oracle[fam], &d);
        CHECK(!b.error && b.ret == want, "%s [%s] %s: libseccomp/runc %s %s(%#llx, %#llx, %#llx, ...) = %s, want %s",
              p->name, config, variant, r->arch, r->sys, (unsigned long long)r->a[0], (unsigned long long)r->a[1],
              (unsigned long long)r->a[2], ret_str(b.ret), ret_str(want));
    }
    for (int f = 0; f < 2; f++)
        if (oracle[f])
            oracle_free(oracle[f]);
}

static void test_preset(const char *stdlib, const Preset *p)
{
    int *seen = calloc(p->nrows, sizeof *seen);
    for (const char *const *cfg = p->configs; *cfg; cfg++) {
        char text[4096], name[128];
        /* variant A: default allow + the preset */
        snprintf(text, sizeof text, "arch %s\ndefault allow\ninclude <presets/%s.pol>\n", *cfg, p->name);
        snprintf(name, sizeof name, "%s-allow.pol", p->name);
        char *json = NULL;
        polc_ctx *ctx = compile_text(stdlib, name, text, &json);
        if (ctx) {
            check_variant(p, *cfg, "default-allow", ctx, json, seen);
            free(json);
            polc_free(ctx);
        }
        /* variant B: default errno(EACCES), the table's syscalls allowed, + the preset */
        size_t o = (size_t)snprintf(text, sizeof text,
                                    "arch %s\ndefault errno(EACCES)\ninclude <presets/%s.pol>\nset @t = {", *cfg,
                                    p->name);
        int n = 0;
        for (size_t i = 0; i < p->nrows; i++) {
            if (p->rows[i].control || !in_config(*cfg, p->rows[i].arch))
                continue;
            bool dup = false;
            for (size_t j = 0; j < i; j++)
                if (!p->rows[j].control && in_config(*cfg, p->rows[j].arch) &&
                    strcmp(p->rows[j].sys, p->rows[i].sys) == 0)
                    dup = true;
            if (!dup)
                o += (size_t)snprintf(text + o, sizeof text - o, "%s%s", n++ ? ", " : "", p->rows[i].sys);
        }
        snprintf(text + o, sizeof text - o, "}\nsyscalls { allow @t }\n");
        snprintf(name, sizeof name, "%s-errno.pol", p->name);
        ctx = compile_text(stdlib, name, text, &json);
        if (ctx) {
            check_variant(p, *cfg, "default-errno", ctx, json, seen);
            free(json);
            polc_free(ctx);
        }
    }
    for (size_t i = 0; i < p->nrows; i++)
        CHECK(seen[i] > 0, "%s: row %zu (%s %s) is in no arch configuration", p->name, i, p->rows[i].arch,
              p->rows[i].sys);
    free(seen);
}

/* Every preset, and all.pol, compiles with --check semantics (IR + Docker)
 * on the arch sets docs/presets.md promises. */
static void test_compiles(const char *stdlib)
{
    static const struct {
        const char *preset, *arches;
        int ok; /* else refused with code: E0401 unless given */
        const char *code;
    } cases[] = {
        {"restrict-namespaces", "x86_64, x86, x32", 1, NULL},
        {"lock-personality", "x86_64, x86, x32", 1, NULL},
        {"deny-fileless-exec", "x86_64, x86, x32", 1, NULL},
        {"deny-kernel-modules", "x86_64, x86, x32", 1, NULL},
        {"deny-keyring", "x86_64, x86, x32", 1, NULL},
        {"deny-kexec", "x86_64, x86, x32", 1, NULL},
        {"deny-io-uring", "x86_64, x86, x32", 1, NULL},
        /* refused for Docker with x86 in the x86_64 family (E0401), as documented */
        {"restrict-address-families", "x86_64, x86, x32", 0, NULL},
        {"memory-deny-write-execute", "x86_64, x86, x32", 0, NULL},
        {"all", "x86_64, x86, x32", 0, NULL},
        {"all", "x86_64, x32", 1, NULL},
        {"all", "x86_64, aarch64", 1, NULL},
        {"all", "x86_64, x32, aarch64, arm, riscv64, ppc64le, s390x", 1, NULL},
        /* a 32-bit ABI without its host arch (E0416, docs/diagnostics.md) */
        {"all", "x86", 0, "E0416"},
        {"all", "arm", 0, "E0416"},
        {"all", "s390x", 1, NULL},
    };
    for (size_t i = 0; i < N(cases); i++) {
        char text[512];
        snprintf(text, sizeof text, "arch %s\ndefault allow\ninclude <presets/%s.pol>\n", cases[i].arches,
                 cases[i].preset);
        polc_ctx *ctx = polc_new();
        polc_add_stdlib_dir(ctx, stdlib);
        char *json = NULL;
        size_t len;
        int ok = polc_compile_buffer(ctx, "p.pol", text, strlen(text)) == POLC_OK &&
                 polc_emit(ctx, POLC_TARGET_DOCKER, &json, &len) == POLC_OK;
        char *d = polc_render_diagnostics(ctx, POLC_DIAG_TEXT, 0);
        const char *code = cases[i].code ? cases[i].code : "E0401";
        CHECK(ok == cases[i].ok, "%s on [%s]: %s, expected %s\n%s", cases[i].preset, cases[i].arches,
              ok ? "compiles" : "refused", cases[i].ok ? "success" : code, d);
        if (!ok && !cases[i].ok)
            CHECK(strstr(d, code) != NULL, "%s on [%s]: refused, but not with %s:\n%s", cases[i].preset,
                  cases[i].arches, code, d);
        free(d);
        free(json);
        polc_free(ctx);
    }
}

/* ------------------------------------------------------------------ */
/* versions.tbl                                                        */

static int test_versions(const char *stdlib)
{
    polc_ctx *ctx = polc_new();
    polc_add_stdlib_dir(ctx, stdlib);
    const char *text = "arch x86_64, x86, x32, aarch64, arm, riscv64, ppc64le, s390x\ndefault allow\n";
    if (polc_compile_buffer(ctx, "v.pol", text, strlen(text)) != POLC_OK) {
        char *d = polc_render_diagnostics(ctx, POLC_DIAG_TEXT, 0);
        fprintf(stderr, "FAIL: cannot load the syscall tables:\n%s", d);
        free(d);
        return 1;
    }
    char path[4096];
    snprintf(path, sizeof path, "%s/syscalls/versions.tbl", stdlib);
    FILE *fp = fopen(path, "r");
    if (!fp) {
        fprintf(stderr, "FAIL: cannot open %s\n", path);
        return 1;
    }
    char line[512];
    unsigned lineno = 0, entries = 0;
    char names[1024][128];
    size_t nnames = 0;
    while (fgets(line, sizeof line, fp)) {
        lineno++;
        char *h = strchr(line, '#');
        if (h)
            *h = '\0';
        char name[128], ver[64], extra[64];
        int k = sscanf(line, "%127s %63s %63s", name, ver, extra);
        if (k <= 0)
            continue;
        entries++;
        CHECK(k == 2, "versions.tbl:%u: want `NAME X.Y`", lineno);
        if (k < 2)
            continue;
        unsigned major, minor;
        char tail;
        CHECK(sscanf(ver, "%u.%u%c", &major, &minor, &tail) == 2 && major >= 3 && major <= 6 && minor < 100,
              "versions.tbl:%u: bad version `%s` (want X.Y, 3.0 or later)", lineno, ver);
        /* duplicates */
        bool dup = false;
        for (size_t i = 0; i < nnames; i++)
            if (strcmp(names[i], name) == 0)
                dup = true;
        CHECK(!dup, "versions.tbl:%u: `%s` listed twice", lineno, name);
        if (nnames < 1024)
            snprintf(names[nnames++], sizeof names[0], "%s", name);
        char *at = strchr(name, '@');
        if (at) {
            *at = '\0';
            ArchId a;
            if (!arch_from_name(at + 1, &a)) {
                CHECK(0, "versions.tbl:%u: unknown arch `%s`", lineno, at + 1);
                continue;
            }
            CHECK(syscalldb_lookup(&ctx->policy.db, a, name) != NULL, "versions.tbl:%u: `%s` is not a syscall on %s",
                  lineno, name, at + 1);
            continue;
        }
        bool found = false;
        for (int a = 0; a < ARCH__COUNT; a++)
            if (syscalldb_lookup(&ctx->policy.db, (ArchId)a, name))
                found = true;
        CHECK(found, "versions.tbl:%u: `%s` is in no stdlib/syscalls/ARCH.tbl", lineno, name);
    }
    fclose(fp);
    /* every x86_64 syscall numbered >= 424 has a line */
    unsigned shared = 0;
    for (uint32_t nr = 424; nr < 1024; nr++) {
        const SyscallEntry *e = syscalldb_by_nr(&ctx->policy.db, ARCH_X86_64, nr);
        if (!e)
            continue;
        shared++;
        bool found = false;
        for (size_t i = 0; i < nnames; i++)
            if (strcmp(names[i], e->name) == 0)
                found = true;
        CHECK(found, "versions.tbl: x86_64 syscall %u `%s` has no version line", nr, e->name);
    }
    printf("versions.tbl: %u entries, %u x86_64 syscalls numbered >= 424 covered\n", entries, shared);
    polc_free(ctx);
    return 0;
}

/* ------------------------------------------------------------------ */
/* kernel                                                               */

typedef struct KCase {
    const char *what;
    long nr;
    unsigned long a[6];
    int want_errno; /* 0: the syscall must succeed (ret >= 0) */
} KCase;

static int run_in_child(const struct sock_filter *prog, size_t len, const KCase *c, long *ret, int *err)
{
    int fds[2];
    if (pipe(fds))
        return -1;
    pid_t pid = fork();
    if (pid < 0)
        return -1;
    if (pid == 0) {
        struct rlimit nocore = {0, 0};
        long msg[3] = {0, 0, 0};
        struct sock_fprog fp = {(unsigned short)len, (struct sock_filter *)prog};
        close(fds[0]);
        setrlimit(RLIMIT_CORE, &nocore);
        alarm(10);
        if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) ||
            (prog && syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &fp))) {
            msg[0] = 1;
            msg[2] = errno;
        } else {
            errno = 0;
            msg[1] = syscall(c->nr, c->a[0], c->a[1], c->a[2], c->a[3], c->a[4], c->a[5]);
            msg[2] = errno;
        }
        _exit(write(fds[1], msg, sizeof msg) == (ssize_t)sizeof msg ? 0 : 3);
    }
    close(fds[1]);
    long msg[3];
    ssize_t n = read(fds[0], msg, sizeof msg);
    close(fds[0]);
    int st;
    if (waitpid(pid, &st, 0) != pid || !WIFEXITED(st) || WEXITSTATUS(st) != 0 || n != (ssize_t)sizeof msg)
        return -1;
    if (msg[0] == 1) {
        *err = (int)msg[2];
        return -2;
    }
    *ret = msg[1];
    *err = (int)msg[2];
    return 0;
}

static int seccomp_available(void)
{
    const struct sock_filter allow[] = {{BPF_RET | BPF_K, 0, 0, SECCOMP_RET_ALLOW}};
    KCase c = {"getpid", SYS_getpid, {0}, 0};
    long ret;
    int err;
    return run_in_child(allow, 1, &c, &ret, &err) == 0 && ret > 0;
}

static int test_kernel(const char *stdlib)
{
#if defined(__x86_64__)
    const char *arches = "x86_64, x32";
    uint32_t native = SCMP_ARCH_X86_64;
    ArchId host = ARCH_X86_64;
#elif defined(__aarch64__)
    const char *arches = "aarch64";
    uint32_t native = SCMP_ARCH_AARCH64;
    ArchId host = ARCH_AARCH64;
#else
    (void)stdlib;
    fprintf(stderr, "SKIP: the kernel check is implemented for x86_64 and aarch64 hosts\n");
    return 77;
#endif
    if (!seccomp_available()) {
        const char *ci = getenv("CI");
        if (ci && strcmp(ci, "true") == 0) {
            fprintf(stderr, "FAIL: seccomp filters are not available and CI=true\n");
            return 1;
        }
        fprintf(stderr, "SKIP: seccomp filters not available; kernel check skipped\n");
        return 77;
    }
    char text[1024];
    snprintf(text, sizeof text,
             "arch %s\ndefault allow\n"
             "include <presets/deny-fileless-exec.pol>\n"
             "include <presets/restrict-namespaces.pol>\n"
             "include <presets/memory-deny-write-execute.pol>\n"
             "include <presets/lock-personality.pol>\n"
             "include <presets/restrict-address-families.pol>\n"
             "include <presets/deny-io-uring.pol>\n",
             arches);
    char *json = NULL;
    polc_ctx *ctx = compile_text(stdlib, "kernel.pol", text, &json);
    if (!ctx)
        return 1;
    char err[512];
    OracleFilter *f = oracle_load_json(json, NULL, native, err, sizeof err);
    if (!f) {
        fprintf(stderr, "FAIL: libseccomp rejects the JSON: %s\n", err);
        return 1;
    }
    size_t len;
    const struct sock_filter *prog = oracle_bpf(f, &len);
    const unsigned long RWX = PROT_READ | PROT_WRITE | PROT_EXEC, ANON = MAP_PRIVATE | MAP_ANONYMOUS;
    const KCase cases[] = {
        {"getpid", SYS_getpid, {0}, 0},
        {"memfd_create(\"x\", 0)", SYS_memfd_create, {(unsigned long)"x", 0}, ENOSYS},
        {"execveat(-1, \"\", NULL, NULL, AT_EMPTY_PATH)", SYS_execveat,
         {(unsigned long)-1, (unsigned long)"", 0, 0, 0x1000}, EPERM},
        {"unshare(CLONE_NEWUSER)", SYS_unshare, {0x10000000}, EPERM},
        {"unshare(CLONE_FILES)", SYS_unshare, {0x400}, 0},
        {"setns(-1, 0)", SYS_setns, {(unsigned long)-1, 0}, EPERM},
        {"clone3(NULL, 0)", SYS_clone3, {0, 0}, ENOSYS},
        {"mmap(RWX, anonymous)", SYS_mmap, {0, 4096, RWX, ANON, (unsigned long)-1, 0}, EPERM},
        {"mmap(RW, anonymous)", SYS_mmap, {0, 4096, PROT_READ | PROT_WRITE, ANON, (unsigned long)-1, 0}, 0},
        {"mprotect(NULL, 4096, PROT_READ|PROT_EXEC)", SYS_mprotect, {0, 4096, PROT_READ | PROT_EXEC}, EPERM},
        {"personality(0xffffffff)", SYS_personality, {0xffffffff}, 0},
        {"personality(PER_LINUX32)", SYS_personality, {8}, EPERM},
        {"socket(AF_UNIX, SOCK_STREAM)", SYS_socket, {1, 1, 0}, 0},
        {"socket(AF_NETLINK, SOCK_RAW)", SYS_socket, {16, 3, 0}, EAFNOSUPPORT},
        {"io_uring_setup(1, NULL)", SYS_io_uring_setup, {1, 0}, EPERM},
    };
    for (size_t i = 0; i < N(cases); i++) {
        const KCase *c = &cases[i];
        uint64_t args[6];
        for (int k = 0; k < 6; k++)
            args[k] = c->a[k];
        /* IR and oracle agree with the expectation first */
        uint32_t want = c->want_errno ? ERR(c->want_errno) : ALLOW;
        IrVerdict iv = ir_eval(&ctx->policy, host, (uint32_t)c->nr, args, 0);
        CHECK(ir_action_ret(iv.action) == want, "IR %s = %s, want %s", c->what, ret_str(ir_action_ret(iv.action)),
              ret_str(want));
        struct seccomp_data d = {(int)c->nr, arch_info(host)->audit, 0, {0}};
        memcpy(d.args, args, sizeof args);
        BpfResult b = oracle_eval(f, &d);
        CHECK(b.ret == want, "oracle %s = %s, want %s", c->what, ret_str(b.ret), ret_str(want));
        long ret = 0;
        int e = 0;
        int rc = run_in_child(prog, len, c, &ret, &e);
        CHECK(rc == 0, "kernel %s: child failed (%d, errno %d)", c->what, rc, e);
        if (rc != 0)
            continue;
        if (c->want_errno)
            CHECK(ret == -1 && e == c->want_errno, "kernel %s: ret %ld errno %d, want errno %d", c->what, ret, e,
                  c->want_errno);
        else
            CHECK(ret >= 0, "kernel %s: ret %ld errno %d, want success", c->what, ret, e);
    }
    oracle_free(f);
    free(json);
    polc_free(ctx);
    return 0;
}

int main(int argc, char **argv)
{
    int mode = 0; /* 0 tables, 1 kernel, 2 versions */
    int ai = 1;
    if (argc > 1 && strcmp(argv[1], "--kernel") == 0)
        mode = 1, ai = 2;
    else if (argc > 1 && strcmp(argv[1], "--versions") == 0)
        mode = 2, ai = 2;
    if (ai + 1 != argc) {
        fprintf(stderr, "usage: presets_test [--kernel | --versions] STDLIB_DIR\n");
        return 2;
    }
    const char *stdlib = argv[ai];
    int rc = 0;
    if (mode == 0) {
        size_t rows = 0;
        for (size_t i = 0; i < N(presets); i++) {
            test_preset(stdlib, &presets[i]);
            rows += presets[i].nrows;
        }
        test_compiles(stdlib);
        printf("presets_test: %zu presets, %zu table rows, ", N(presets), rows);
    } else if (mode == 1) {
        rc = test_kernel(stdlib);
        printf("presets_test --kernel: ");
    } else {
        rc = test_versions(stdlib);
        printf("presets_test --versions: ");
    }
    printf("%d checks, %d failures\n", checks, failures);
    if (failures || rc == 1)
        return 1;
    return rc;
}

/* fuzz_policy: policy text through the public API, front to back: parse,
 * resolve, check, lower, optimize (polc_compile_buffer), then every back
 * end into memory, the BPF listing, a few polc_eval calls, the dumps and
 * the diagnostics in both forms; now and then polc_write_outputs into a
 * temporary directory that is emptied again. Options (strict int args, an
 * arch override, no prelude) derive from a hash of the input. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bpf/interp.h"
#include "fuzz.h"
#include "polc/polc.h"

static const polc_target TARGETS[] = {POLC_TARGET_DOCKER,    POLC_TARGET_BPF,       POLC_TARGET_APPARMOR,
                                      POLC_TARGET_K8S,       POLC_TARGET_RUN_FLAGS, POLC_TARGET_COMPOSE,
                                      POLC_TARGET_SYSTEMD,   POLC_TARGET_OCI};

static const char *const ARCH_OVERRIDES[] = {"x86_64", "x86_64,x32,x86", "aarch64,arm", "riscv64,ppc64le,s390x"};

static const char *const CALLS[] = {"read(0, 0, 0)", "socket(AF_INET, SOCK_STREAM, 0)", "openat(-100, 0, 0x241, 0)",
                                    "clone(0x10000000)", "personality(0xffffffff)", "ioctl(1, 0x5412, 0)"};

static char outdir[64];

/* The temporary output directory, made once per process and emptied after
 * each use (removed at exit). */
static void remove_tree(const char *dir, int depth)
{
    DIR *d = opendir(dir);
    if (d) {
        for (struct dirent *e; (e = readdir(d));) {
            if (e->d_name[0] == '.' && (!e->d_name[1] || (e->d_name[1] == '.' && !e->d_name[2])))
                continue;
            char p[512];
            if ((size_t)snprintf(p, sizeof p, "%s/%s", dir, e->d_name) >= sizeof p)
                continue; /* polc writes no such name */
            if (unlink(p) != 0 && depth == 0) { /* NAME.service.d/ of the systemd target */
                remove_tree(p, 1);
                rmdir(p);
            }
        }
        closedir(d);
    }
}

static void remove_outdir(void) { remove_tree(outdir, 0); }

static void remove_outdir_at_exit(void)
{
    remove_outdir();
    rmdir(outdir);
}

static const char *get_outdir(void)
{
    if (!outdir[0]) {
        snprintf(outdir, sizeof outdir, "/tmp/polc-fuzz-policy-XXXXXX");
        if (!mkdtemp(outdir)) {
            perror("mkdtemp");
            abort();
        }
        atexit(remove_outdir_at_exit);
    }
    return outdir;
}

/* What each back end promises about its output: text is one string; the
 * BPF program is whole instructions that the kernel would accept. */
static void check_output(polc_target t, const char *out, size_t len)
{
    if (t == POLC_TARGET_BPF) {
        size_t bad_pc = 0;
        int err = len % sizeof(struct sock_filter) ? -1
                  : bpf_validate((const struct sock_filter *)(const void *)out, len / sizeof(struct sock_filter),
                                 &bad_pc);
        if (err) {
            fprintf(stderr, "fuzz_policy: the BPF back end emitted an invalid program (%zu bytes): %s at %zu\n", len,
                    err < 0 ? "not whole instructions" : bpf_strerror(err), bad_pc);
            abort();
        }
    } else if (!out || strlen(out) != len) {
        fprintf(stderr, "fuzz_policy: the %s back end returned %zu bytes that are not one string\n",
                polc_target_name(t), len);
        abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > FUZZ_MAX_INPUT)
        return 0;
    uint32_t h = fuzz_hash(data, size);
    fuzz_limit_libseccomp();
    polc_ctx *ctx = polc_new();
    polc_add_stdlib_dir(ctx, POLC_FUZZ_STDLIB_DIR);
    if (h & 1)
        polc_set_strict_int_args(ctx, 1);
    if ((h >> 1) % 8 == 0)
        polc_set_arches(ctx, ARCH_OVERRIDES[(h >> 4) % 4]);
    if ((h >> 6) % 32 == 0)
        polc_set_no_prelude(ctx, 1);
    /* building every profile with libseccomp (translation validation) costs
     * more than the rest of a compile: 1 input in 16 takes that path, the
     * others check polc's outputs as --check does */
    polc_set_verify_libseccomp(ctx, (h >> 11) % 16 == 0);
    if (polc_compile_buffer(ctx, "fuzz.pol", (const char *)data, size) == POLC_OK) {
        for (size_t i = 0; i < sizeof TARGETS / sizeof *TARGETS; i++) {
            char *out = NULL;
            size_t len = 0;
            polc_status st = polc_emit(ctx, TARGETS[i], &out, &len);
            if (st == POLC_OK)
                check_output(TARGETS[i], out, len);
            free(out);
        }
        char *listing = NULL;
        polc_emit_bpf_listing(ctx, &listing);
        free(listing);
        char *report = NULL;
        polc_eval(ctx, NULL, CALLS[(h >> 11) % (sizeof CALLS / sizeof *CALLS)], &report);
        free(report);
        free(polc_dump_ir(ctx));
        free(polc_dump_ast(ctx));
        if ((h >> 14) % 16 == 0) {
            polc_write_outputs(ctx, get_outdir(), polc_available_targets());
            remove_outdir();
        }
    }
    free(polc_render_diagnostics(ctx, POLC_DIAG_TEXT, (int)((h >> 18) & 1)));
    free(polc_render_diagnostics(ctx, POLC_DIAG_JSON, 0));
    polc_free(ctx);
    return 0;
}

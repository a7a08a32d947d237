/* Translation validation catches a corrupted artifact: the compile of
 * POLICY is run through polc_write_outputs with a tamper hook that corrupts
 * one output after its back end, as a code generator bug would; the compile
 * must refuse (E0499, status POLC_EUSAGE) and the output directory must stay
 * empty. Each corruption is one case:
 *   bpf-flip-jump          the first conditional jump of an argument test
 *                          has its true and false targets swapped
 *   bpf-truncate-constant  the first argument comparison against a constant
 *                          with a non-zero value gets the constant 0 (what
 *                          cutting 0x100000000 to 32 bits gives)
 *   docker-widen           the Docker profile's bound `len < 2^32` on mmap
 *                          becomes `len < 2^33`
 *   docker-file=PATH       the Docker profile is replaced by PATH's text (a
 *                          profile that means the same but that libseccomp
 *                          never finishes building: E0413, status 1)
 * and `none` checks that the same compile without corruption succeeds.
 *
 * usage: tamper_test STDLIB_DIR POLICY.pol CASE */
#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "compile.h"

#include <linux/filter.h>

static const char *which;

/* An instruction that loads an argument word: offsets 16.. of seccomp_data. */
static bool loads_arg(const struct sock_filter *f) { return BPF_CLASS(f->code) == BPF_LD && f->k >= 16; }

static void tamper(polc_ctx *ctx, unsigned target, StrBuf *out)
{
    (void)ctx;
    if (target == POLC_TARGET_BPF && strncmp(which, "bpf-", 4) == 0) {
        struct sock_filter *p = (struct sock_filter *)(void *)out->data;
        size_t n = out->len / sizeof *p;
        bool after_load = false;
        for (size_t i = 0; i < n; i++) {
            after_load |= loads_arg(&p[i]);
            if (!after_load || BPF_CLASS(p[i].code) != BPF_JMP || BPF_OP(p[i].code) == BPF_JA)
                continue;
            if (strcmp(which, "bpf-flip-jump") == 0 && p[i].jt != p[i].jf) {
                uint8_t t = p[i].jt;
                p[i].jt = p[i].jf;
                p[i].jf = t;
                fprintf(stderr, "tamper: swapped the targets of instruction %zu\n", i);
                return;
            }
            if (strcmp(which, "bpf-truncate-constant") == 0 && p[i].k != 0 && BPF_OP(p[i].code) != BPF_JSET) {
                fprintf(stderr, "tamper: constant %#x of instruction %zu set to 0\n", p[i].k, i);
                p[i].k = 0;
                return;
            }
        }
        fprintf(stderr, "tamper: nothing to corrupt in the BPF program\n");
        exit(2);
    }
    if (target == POLC_TARGET_DOCKER && strncmp(which, "docker-file=", 12) == 0) {
        /* the whole profile replaced by a file's (one that means the same
         * but that libseccomp cannot build, say) */
        FILE *f = fopen(which + 12, "rb");
        if (!f) {
            perror(which + 12);
            exit(2);
        }
        sb_free(out);
        sb_init(out);
        char buf[4096];
        size_t n;
        while ((n = fread(buf, 1, sizeof buf, f)) > 0)
            sb_putn(out, buf, n);
        fclose(f);
        fprintf(stderr, "tamper: the Docker profile replaced by %s\n", which + 12);
        return;
    }
    if (target == POLC_TARGET_DOCKER && strcmp(which, "docker-widen") == 0) {
        /* mmap's bound 2^32 becomes 2^33: the profile allows more */
        const char *from = "\"value\": 4294967296,";
        char *at = strstr(out->data, from);
        if (!at) {
            fprintf(stderr, "tamper: no bound 4294967296 in the Docker profile\n");
            exit(2);
        }
        StrBuf sb;
        sb_init(&sb);
        sb_putn(&sb, out->data, (size_t)(at - out->data));
        sb_puts(&sb, "\"value\": 8589934592,");
        sb_puts(&sb, at + strlen(from));
        fprintf(stderr, "tamper: the bound 4294967296 set to 8589934592\n");
        sb_free(out);
        *out = sb;
    }
}

static int count_files(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    int n = 0;
    for (struct dirent *e; (e = readdir(d));)
        n += e->d_name[0] != '.';
    closedir(d);
    return n;
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: tamper_test STDLIB_DIR POLICY.pol CASE\n");
        return 2;
    }
    which = argv[3];
    /* check-first:CASE: `polc --check` (which validates nothing) runs first
     * in the same compilation; writing must validate all the same */
    bool check_first = strncmp(which, "check-first:", 12) == 0;
    if (check_first)
        which += 12;
    char dir[] = "/tmp/polc-tamper-XXXXXX";
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 2;
    }
    polc_ctx *ctx = polc_new();
    polc_add_stdlib_dir(ctx, argv[1]);
    if (polc_compile_file(ctx, argv[2], NULL) != POLC_OK) {
        char *d = polc_render_diagnostics(ctx, POLC_DIAG_TEXT, 0);
        fprintf(stderr, "%s", d);
        free(d);
        return 2;
    }
    ctx->tamper = tamper;
    unsigned targets = strncmp(which, "bpf-", 4) == 0 ? POLC_TARGET_BPF : POLC_TARGET_DOCKER;
    if (strcmp(which, "none") == 0)
        targets = POLC_TARGET_BPF | POLC_TARGET_DOCKER;
    if (check_first) {
        polc_set_verify_libseccomp(ctx, 0);
        polc_status cst = polc_check(ctx, targets);
        printf("check: status %d\n", (int)cst);
        polc_set_verify_libseccomp(ctx, 1);
    }
    polc_status st = polc_write_outputs(ctx, dir, targets);
    char *d = polc_render_diagnostics(ctx, POLC_DIAG_TEXT, 0);
    fputs(d, stdout);
    free(d);
    int files = count_files(dir);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        return 2;
    polc_free(ctx);
    if (strcmp(which, "none") == 0) {
        printf("status %d, %d files written\n", (int)st, files);
        return st == POLC_OK && files == 2 ? 0 : 1;
    }
    polc_status want = strncmp(which, "docker-file=", 12) == 0 ? POLC_EINPUT : POLC_EUSAGE;
    printf("status %d (want %d), %d files written (want 0)\n", (int)st, (int)want, files);
    return st == want && files == 0 ? 0 : 1;
}

/* bpf_kernel_run: run a raw seccomp BPF program in the kernel against a table
 * of cases (see bpfk.h for the case format) and report PASS/FAIL per case.
 *
 * bpf_kernel_run [options] PROGRAM.bpf [CASES...]
 *   -c, --case 'ABI SYSCALL ARGS... -> EXPECT'   a case on the command line
 *       --stdlib DIR    polc stdlib for syscall names (default: the source tree's)
 *       --probe         only report what this kernel supports
 *   -v, --verbose       print the unfiltered result of every case too
 * Exit: 0 all passed (skipped cases allowed), 1 a case failed or a case file
 * is malformed, 2 usage / I/O, 77 seccomp(2) unusable here (1 when CI=true). */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bpf/interp.h"
#include "bpfk.h"

#ifndef POLC_STDLIB_SOURCE_DIR
#define POLC_STDLIB_SOURCE_DIR "stdlib"
#endif

static void usage(FILE *out)
{
    fputs("usage: bpf_kernel_run [options] PROGRAM.bpf [CASES...]\n"
          "  -c, --case 'ABI SYSCALL [ARGS...] -> EXPECT'  one case (repeatable)\n"
          "      --stdlib DIR   polc stdlib for syscall names (default: POLC_STDLIB or the source tree's)\n"
          "      --probe        report what this kernel supports and exit\n"
          "  -v, --verbose      also print the unfiltered result of every case\n"
          "ABI: x86_64 | x32 | i386   EXPECT: allow | log | errno [N|ENAME] | kill | kill-thread |\n"
          "     kill-process | trap [N] | trace [N] | notify | ret N\n"
          "exit: 0 all passed, 1 failures, 2 usage/IO, 77 seccomp unusable (1 when CI=true)\n",
          out);
}

static int unusable_status(void)
{
    const char *ci = getenv("CI");
    return ci && strcmp(ci, "true") == 0 ? 1 : 77;
}

typedef struct {
    int passed, failed, skipped, errors;
    bool abi_ok[BK_ABI__COUNT];
    char abi_why[BK_ABI__COUNT][256];
    const struct sock_filter *prog;
    size_t len;
    bool verbose;
    size_t interp_only;
} Run;

/* The in-tree interpreter's answer must match the expectation too. */
static bool interp_matches(const Run *r, const BkCase *c, char *got, size_t gotlen)
{
    struct seccomp_data d;
    memset(&d, 0, sizeof d);
    d.nr = (int)c->nr;
    d.arch = bk_abi_audit_arch(c->abi);
    memcpy(d.args, c->args, sizeof d.args);
    BpfResult res = bpf_run(r->prog, r->len, &d);
    bpf_describe_ret(res.ret, got, gotlen);
    uint32_t act = res.ret & SECCOMP_RET_ACTION_FULL, data = res.ret & SECCOMP_RET_DATA;
    /* the kernel returns at most MAX_ERRNO (4095) */
    uint32_t err = data > 4095 ? 4095 : data;
    switch (c->expect) {
    case BK_EXP_ALLOW: return act == SECCOMP_RET_ALLOW;
    case BK_EXP_LOG: return act == SECCOMP_RET_LOG;
    case BK_EXP_ERRNO: return act == SECCOMP_RET_ERRNO && (!c->has_value || (int64_t)err == c->value);
    case BK_EXP_KILL: return act == SECCOMP_RET_KILL_THREAD || act == SECCOMP_RET_KILL_PROCESS;
    case BK_EXP_KILL_THREAD: return act == SECCOMP_RET_KILL_THREAD;
    case BK_EXP_KILL_PROCESS: return act == SECCOMP_RET_KILL_PROCESS;
    case BK_EXP_TRAP: return act == SECCOMP_RET_TRAP && (!c->has_value || (int64_t)data == c->value);
    case BK_EXP_TRACE: return act == SECCOMP_RET_TRACE && (!c->has_value || (int64_t)data == c->value);
    case BK_EXP_NOTIFY: return act == SECCOMP_RET_USER_NOTIF;
    /* `ret N` is the syscall's return value: an errno of 0 returns 0; an
     * allowed call returns whatever the kernel computes */
    case BK_EXP_RET:
        return act == SECCOMP_RET_ALLOW || act == SECCOMP_RET_LOG ||
               (act == SECCOMP_RET_ERRNO && -(int64_t)err == c->value);
    }
    return false;
}

static void run_case(Run *r, const BkCase *c, const char *where)
{
    char ig[64];
    bool interp_ok = interp_matches(r, c, ig, sizeof ig);
    /* x32 without the ABI still runs through seccomp: only i386 may be
     * unavailable in the kernel; then the interpreter alone decides */
    if (c->abi == BK_ABI_I386 && !r->abi_ok[c->abi]) {
        printf("%s  %-14s %s   [interpreter only: %s; i386 unavailable in this kernel]\n",
               interp_ok ? "PASS" : "FAIL", where, c->text, ig);
        if (interp_ok)
            r->passed++, r->interp_only++;
        else
            r->failed++;
        return;
    }
    BkOutcome got = bk_run(r->prog, r->len, c->abi, c->nr, c->args);
    BkOutcome base = bk_run(NULL, 0, c->abi, c->nr, c->args);
    char note[256], g[256], b[256];
    bool ok = got.kind != BK_OUT_HARNESS && bk_check(c, &got, &base, note, sizeof note) && interp_ok;
    if (!interp_ok)
        snprintf(note, sizeof note, "the interpreter says %s", ig);
    bk_describe(&got, g, sizeof g);
    bk_describe(&base, b, sizeof b);
    printf("%s  %-14s %s   [got: %s", ok ? "PASS" : "FAIL", where, c->text, g);
    if (!ok || r->verbose)
        printf("; unfiltered: %s", b);
    if (note[0])
        printf("; %s", note);
    printf("]\n");
    if (ok)
        r->passed++;
    else
        r->failed++;
}

int main(int argc, char **argv)
{
    const char *stdlib = getenv("POLC_STDLIB");
    const char *prog_path = NULL;
    const char **files = calloc((size_t)argc + 1, sizeof *files);
    const char **inline_cases = calloc((size_t)argc + 1, sizeof *inline_cases);
    size_t nfiles = 0, ninline = 0;
    bool probe = false;
    Run r;
    memset(&r, 0, sizeof r);
    if (!files || !inline_cases)
        return 2;
    if (!stdlib)
        stdlib = POLC_STDLIB_SOURCE_DIR;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            usage(stdout);
            return 0;
        } else if ((!strcmp(a, "-c") || !strcmp(a, "--case")) && i + 1 < argc) {
            inline_cases[ninline++] = argv[++i];
        } else if (!strcmp(a, "--stdlib") && i + 1 < argc) {
            stdlib = argv[++i];
        } else if (!strcmp(a, "--probe")) {
            probe = true;
        } else if (!strcmp(a, "-v") || !strcmp(a, "--verbose")) {
            r.verbose = true;
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "bpf_kernel_run: unknown option %s\n", a);
            usage(stderr);
            return 2;
        } else if (!prog_path && !probe) {
            prog_path = a;
        } else {
            files[nfiles++] = a;
        }
    }
    if (!probe && !prog_path) {
        usage(stderr);
        return 2;
    }

    /* the kernel first */
    char why[256];
    if (!bk_seccomp_usable(why, sizeof why)) {
        printf("bpf_kernel_run: seccomp(2) filters cannot be used here: %s\n", why);
        return unusable_status();
    }
    for (int a = 0; a < BK_ABI__COUNT; a++)
        r.abi_ok[a] = bk_abi_works((BkAbi)a, r.abi_why[a], sizeof r.abi_why[a]);
    printf("kernel: seccomp filters usable; x86_64: %s; x32: %s; i386 (int $0x80): %s\n", r.abi_why[0],
           r.abi_why[1], r.abi_why[2]);
    if (probe)
        return 0;

    struct sock_filter *prog = NULL;
    int rc = bk_read_program(prog_path, &prog, &r.len);
    if (rc) {
        if (rc == EINVAL)
            fprintf(stderr, "bpf_kernel_run: %s: size is not a multiple of 8: not a raw BPF program\n",
                    prog_path);
        else
            fprintf(stderr, "bpf_kernel_run: cannot read %s: %s\n", prog_path, strerror(rc));
        return 2;
    }
    r.prog = prog;
    size_t bad_pc = 0;
    int verr = bpf_validate(prog, r.len, &bad_pc);
    printf("program: %s: %zu instructions, %s", prog_path, r.len,
           verr == BPF_OK ? "valid (bpf_validate)" : "INVALID: ");
    if (verr != BPF_OK)
        printf("%s at instruction %zu (the kernel will refuse it)", bpf_strerror(verr), bad_pc);
    printf("\n");

    char err[256];
    BkTables *t = bk_tables_load(stdlib, err, sizeof err);
    if (!t)
        fprintf(stderr, "bpf_kernel_run: warning: %s; syscall names unavailable (use --stdlib DIR)\n", err);

    for (size_t i = 0; i < ninline; i++) {
        BkCase c;
        int pr = bk_parse_case(t, inline_cases[i], 0, &c, err, sizeof err);
        if (pr < 0) {
            fprintf(stderr, "bpf_kernel_run: --case '%s': %s\n", inline_cases[i], err);
            r.errors++;
        } else if (pr > 0) {
            run_case(&r, &c, "--case");
        }
    }
    for (size_t f = 0; f < nfiles; f++) {
        FILE *fp = strcmp(files[f], "-") == 0 ? stdin : fopen(files[f], "r");
        if (!fp) {
            fprintf(stderr, "bpf_kernel_run: cannot read %s: %s\n", files[f], strerror(errno));
            free(prog);
            bk_tables_free(t);
            return 2;
        }
        const char *base = strrchr(files[f], '/') ? strrchr(files[f], '/') + 1 : files[f];
        char line[1024];
        for (int lineno = 1; fgets(line, sizeof line, fp); lineno++) {
            BkCase c;
            char where[256];
            snprintf(where, sizeof where, "%s:%d", base, lineno);
            int pr = bk_parse_case(t, line, lineno, &c, err, sizeof err);
            if (pr < 0) {
                fprintf(stderr, "%s:%d: error: %s\n", files[f], lineno, err);
                printf("ERROR %-14s %s", where, line);
                r.errors++;
            } else if (pr > 0) {
                run_case(&r, &c, where);
            }
        }
        if (fp != stdin)
            fclose(fp);
    }
    if (r.interp_only)
        printf("(%zu of the passed cases ran in the interpreter only: i386 is unavailable in this kernel)\n",
               r.interp_only);
    printf("%d passed, %d failed", r.passed, r.failed);
    if (r.skipped)
        printf(", %d skipped", r.skipped);
    if (r.errors)
        printf(", %d malformed", r.errors);
    printf("\n");
    free(prog);
    free(files);
    free(inline_cases);
    bk_tables_free(t);
    if (r.passed + r.failed + r.skipped + r.errors == 0) {
        fprintf(stderr, "bpf_kernel_run: no cases\n");
        return 2;
    }
    return r.failed || r.errors ? 1 : 0;
}

/* seccomp-oracle: evaluate syscalls against a Docker/moby seccomp profile
 * compiled exactly as runc (libseccomp + runc's -ENOSYS stub) would.
 *
 * seccomp-oracle PROFILE.json [--cap CAP]... [--docker-default-caps]
 *                [--native ARCH] [--arch ARCH] [--kernel X.Y] [--no-enosys-stub]
 *                [--dump-bpf FILE] [--info] QUERY...
 * QUERY: [ARCH:]NR[,ARG0[,ARG1...]]  NR is a number (decimal or 0x) or a
 * syscall name (resolved for the query's arch). Prints one action per query. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "oracle.h"

#include <errno.h>
#include <seccomp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void usage(FILE *out)
{
    fprintf(out,
            "usage: seccomp-oracle PROFILE.json [options] QUERY...\n"
            "  --cap CAP              add a capability (repeatable; CAP_ prefix optional)\n"
            "  --docker-default-caps  add Docker's 14 default capabilities\n"
            "  --native ARCH          host architecture runc runs on (default x86_64)\n"
            "  --arch ARCH            architecture of the queries (default: native)\n"
            "  --kernel X.Y           host kernel for minKernel (default: every minKernel met)\n"
            "  --no-enosys-stub       evaluate libseccomp's export without runc's -ENOSYS stub\n"
            "  --dump-bpf FILE        write the program (struct sock_filter[]) to FILE\n"
            "  --info                 print program length, stub length, skipped names to stderr\n"
            "QUERY: [ARCH:]NR[,ARG0[,ARG1...]]  NR decimal, 0x hex, or a syscall name\n"
            "output: allow | errno(N) | kill-thread | kill-process | trap(N) | trace(N) | log | notify\n");
}

static char *read_file(const char *path)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        size_t r = fread(buf + n, 1, cap - n - 1, fp);
        n += r;
        if (n + 1 < cap)
            break;
        char *nb = realloc(buf, cap * 2);
        if (!nb) {
            free(buf);
            buf = NULL;
            break;
        }
        buf = nb;
        cap *= 2;
    }
    if (buf)
        buf[n] = '\0';
    if (ferror(fp)) {
        free(buf);
        buf = NULL;
    }
    fclose(fp);
    return buf;
}

static int parse_u64(const char *s, uint64_t *out)
{
    char *end;
    if (!*s || *s == '-')
        return -1;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 0);
    if (errno || *end)
        return -1;
    *out = v;
    return 0;
}

/* Parse "[ARCH:]NR[,ARGS...]" into a seccomp_data. */
static int parse_query(const char *q, uint32_t def_arch, struct seccomp_data *d)
{
    char buf[512];
    uint32_t arch = def_arch;
    uint64_t args[6] = {0};
    size_t nargs = 0;
    if (strlen(q) >= sizeof buf)
        return -1;
    strcpy(buf, q);
    char *p = buf, *colon = strchr(buf, ':');
    if (colon) {
        *colon = '\0';
        arch = oracle_arch_from_name(buf);
        if (!arch)
            return -1;
        p = colon + 1;
    }
    char *save = NULL, *tok = strtok_r(p, ",", &save);
    if (!tok)
        return -1;
    int nr;
    uint64_t v;
    if (parse_u64(tok, &v) == 0) {
        if (v > 0xffffffffull)
            return -1;
        nr = (int)(uint32_t)v;
    } else {
        nr = seccomp_syscall_resolve_name_arch(arch, tok);
        if (nr == __NR_SCMP_ERROR || nr < 0)
            return -1;
    }
    while ((tok = strtok_r(NULL, ",", &save))) {
        if (nargs >= 6 || parse_u64(tok, &args[nargs]))
            return -1;
        nargs++;
    }
    *d = oracle_data(arch, nr, args, nargs);
    return 0;
}

int main(int argc, char **argv)
{
    const char *profile = NULL, *dump = NULL;
    const char **caps = calloc((size_t)argc * 2 + 16, sizeof *caps);
    size_t ncaps = 0;
    const char **queries = calloc((size_t)argc + 1, sizeof *queries);
    size_t nq = 0;
    int info = 0;
    OracleOptions o = {NULL, SCMP_ARCH_X86_64, 0, 0, 0};
    uint32_t qarch = 0;

    if (!caps || !queries)
        return 2;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            usage(stdout);
            return 0;
        } else if (!strcmp(a, "--cap") && i + 1 < argc) {
            caps[ncaps++] = argv[++i];
        } else if (!strcmp(a, "--docker-default-caps")) {
            for (size_t j = 0; oracle_docker_default_caps[j]; j++)
                caps[ncaps++] = oracle_docker_default_caps[j];
        } else if ((!strcmp(a, "--native") || !strcmp(a, "--arch")) && i + 1 < argc) {
            uint32_t t = oracle_arch_from_name(argv[++i]);
            if (!t) {
                fprintf(stderr, "seccomp-oracle: unknown architecture '%s'\n", argv[i]);
                return 2;
            }
            if (!strcmp(a, "--native"))
                o.native_arch = t;
            else
                qarch = t;
        } else if (!strcmp(a, "--kernel") && i + 1 < argc) {
            if (sscanf(argv[++i], "%u.%u", &o.kernel_major, &o.kernel_minor) != 2 || o.kernel_major == 0) {
                fprintf(stderr, "seccomp-oracle: bad kernel version '%s'\n", argv[i]);
                return 2;
            }
        } else if (!strcmp(a, "--no-enosys-stub")) {
            o.no_enosys_stub = 1;
        } else if (!strcmp(a, "--dump-bpf") && i + 1 < argc) {
            dump = argv[++i];
        } else if (!strcmp(a, "--info")) {
            info = 1;
        } else if (a[0] == '-' && a[1] == '-') {
            fprintf(stderr, "seccomp-oracle: unknown option '%s'\n", a);
            usage(stderr);
            return 2;
        } else if (!profile) {
            profile = a;
        } else {
            queries[nq++] = a;
        }
    }
    if (!profile) {
        usage(stderr);
        return 2;
    }
    caps[ncaps] = NULL;
    o.caps = caps;
    if (!qarch)
        qarch = o.native_arch;

    char *text = read_file(profile);
    if (!text) {
        fprintf(stderr, "seccomp-oracle: cannot read %s: %s\n", profile, strerror(errno));
        return 2;
    }
    char err[512];
    OracleFilter *f = oracle_load_json_opts(text, &o, err, sizeof err);
    free(text);
    if (!f) {
        fprintf(stderr, "seccomp-oracle: %s: %s\n", profile, err);
        return 1;
    }
    size_t len;
    const struct sock_filter *prog = oracle_bpf(f, &len);
    if (info) {
        const char **names;
        size_t ns = oracle_skipped_names(f, &names);
        fprintf(stderr, "program: %zu instructions (runc -ENOSYS stub: %zu)\n", len, oracle_stub_len(f));
        fprintf(stderr, "redundant rules dropped: %zu\n", oracle_redundant_rules(f));
        fprintf(stderr, "names libseccomp cannot resolve (%zu):", ns);
        for (size_t i = 0; i < ns; i++)
            fprintf(stderr, " %s", names[i]);
        fputc('\n', stderr);
    }
    if (dump) {
        FILE *fp = fopen(dump, "wb");
        if (!fp || fwrite(prog, sizeof *prog, len, fp) != len || fclose(fp) != 0) {
            fprintf(stderr, "seccomp-oracle: cannot write %s\n", dump);
            oracle_free(f);
            return 1;
        }
    }
    int rc = 0;
    for (size_t i = 0; i < nq; i++) {
        struct seccomp_data d;
        if (parse_query(queries[i], qarch, &d)) {
            fprintf(stderr, "seccomp-oracle: bad query '%s'\n", queries[i]);
            printf("error\n");
            rc = 1;
            continue;
        }
        BpfResult r = oracle_eval(f, &d);
        char buf[64];
        if (r.error) {
            printf("error\n");
            rc = 1;
            continue;
        }
        printf("%s\n", bpf_describe_ret(r.ret, buf, sizeof buf));
    }
    oracle_free(f);
    free(caps);
    free(queries);
    return rc;
}

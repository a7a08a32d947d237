/* Argument values as stdlib constant names (const_names.h). The mapping is
 * exact or absent: a value is named only by a constant of the argument's own
 * family (socket's domain by AF_*, not by any constant that happens to be 10),
 * so a reader never sees a misleading name. */
#include <string.h>

#include "middle/const_names.h"

typedef struct Family {
    const char *file;   /* stdlib file name ending */
    const char *prefix; /* NULL: any name in the file */
    bool bits;          /* may be written as an OR of single-bit constants */
    const char *not_prefix; /* names starting with one of these ('|'-separated) are another family's */
} Family;

typedef struct ArgFamily {
    const char *syscall;
    unsigned index;
    Family fam[2];
} ArgFamily;

static const ArgFamily ARG_FAMILIES[] = {
    /* AF_LOCAL is AF_UNIX's other name: the usual one is shown */
    {"socket", 0, {{"net.pol", "AF_", false, "AF_LOCAL"}}},
    {"socketpair", 0, {{"net.pol", "AF_", false, "AF_LOCAL"}}},
    {"socket", 1, {{"net.pol", "SOCK_", false, NULL}}},
    {"clone", 0, {{"clone.pol", "CLONE_", true, NULL}}},
    {"unshare", 0, {{"clone.pol", "CLONE_", true, NULL}}},
    {"setns", 1, {{"clone.pol", "CLONE_", true, NULL}}},
    {"personality", 0, {{"personality.pol", "PER_", false, NULL}, {"personality.pol", NULL, true, NULL}}},
    {"ioctl", 1, {{"ioctl.pol", NULL, false, NULL}}},
    {"prctl", 0, {{"prctl.pol", "PR_", false, NULL}}},
    /* SIG_BLOCK etc. are sigprocmask's `how`, not signals */
    {"kill", 1, {{"signal.pol", "SIG", false, "SIG_"}}},
    {"tkill", 1, {{"signal.pol", "SIG", false, "SIG_"}}},
    {"tgkill", 2, {{"signal.pol", "SIG", false, "SIG_"}}},
    {"rt_sigqueueinfo", 1, {{"signal.pol", "SIG", false, "SIG_"}}},
    {"rt_tgsigqueueinfo", 2, {{"signal.pol", "SIG", false, "SIG_"}}},
    {"pidfd_send_signal", 1, {{"signal.pol", "SIG", false, "SIG_"}}},
    {"mmap", 2, {{"mman.pol", "PROT_", true, NULL}}},
    {"mprotect", 2, {{"mman.pol", "PROT_", true, NULL}}},
    {"pkey_mprotect", 2, {{"mman.pol", "PROT_", true, NULL}}},
    {"mmap", 3, {{"mman.pol", "MAP_", true, NULL}}},
    {"open", 1, {{"fcntl.pol", "O_", true, NULL}}},
    {"openat", 2, {{"fcntl.pol", "O_", true, NULL}}},
    /* fcntl's commands, not its seal flags, lock types or access's F_OK */
    {"fcntl", 1, {{"fcntl.pol", "F_", false, "F_SEAL_|F_EXLCK|F_SHLCK|F_RDLCK|F_WRLCK|F_UNLCK|F_OK"}}},
    {"setsockopt", 1, {{"net.pol", "SOL_", false, NULL}}},
    {"getsockopt", 1, {{"net.pol", "SOL_", false, NULL}}},
    {"madvise", 2, {{"mman.pol", "MADV_", false, NULL}}},
};

static bool ends_with(const char *s, const char *suf)
{
    size_t a = strlen(s), b = strlen(suf);
    return a >= b && !strcmp(s + a - b, suf);
}

static bool excluded(const char *name, const char *prefixes)
{
    for (const char *p = prefixes; p && *p;) {
        size_t n = strcspn(p, "|");
        if (strncmp(name, p, n) == 0)
            return true;
        p += n + (p[n] == '|');
    }
    return false;
}

/* The first constant (in file order) of the family with exactly value v. */
static const NamedConst *find_const(const Policy *policy, const Family *f, uint64_t v, bool single_bit_only)
{
    const StrMap *m = &policy->constants;
    const NamedConst *best = NULL;
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->slots[i].key)
            continue;
        const NamedConst *d = m->slots[i].value;
        if (d->value != v || d->is_errno)
            continue;
        if ((f->prefix && strncmp(d->name, f->prefix, strlen(f->prefix)) != 0) || excluded(d->name, f->not_prefix))
            continue;
        const SourceFile *sf = source_get(policy->sm, d->span.file);
        if (!sf || !sf->from_stdlib || !ends_with(sf->name, f->file))
            continue;
        if (single_bit_only && (v == 0 || (v & (v - 1))))
            continue;
        if (!best || d->span.start < best->span.start)
            best = d;
    }
    return best;
}

void const_format_arg_value(const Policy *policy, StrBuf *sb, const char *sys, unsigned index, uint64_t v,
                            bool paren)
{
    for (size_t i = 0; sys && i < sizeof ARG_FAMILIES / sizeof *ARG_FAMILIES; i++) {
        const ArgFamily *af = &ARG_FAMILIES[i];
        if (strcmp(af->syscall, sys) || af->index != index)
            continue;
        for (int k = 0; k < 2 && af->fam[k].file; k++) {
            const NamedConst *d = find_const(policy, &af->fam[k], v, false);
            if (d) {
                sb_puts(sb, d->name);
                return;
            }
        }
        for (int k = 0; k < 2 && af->fam[k].file; k++) {
            if (!af->fam[k].bits || v == 0 || __builtin_popcountll(v) > 12)
                continue;
            const char *parts[64];
            int n = 0;
            bool ok = true;
            for (int bit = 0; bit < 64 && ok; bit++) {
                if (!(v & (1ull << bit)))
                    continue;
                const NamedConst *d = NULL;
                for (int kk = 0; kk < 2 && af->fam[kk].file && !d; kk++)
                    d = find_const(policy, &af->fam[kk], 1ull << bit, true);
                if (!d)
                    ok = false;
                else
                    parts[n++] = d->name;
            }
            if (ok) {
                if (paren && n > 1)
                    sb_putc(sb, '(');
                for (int j = 0; j < n; j++)
                    sb_printf(sb, "%s%s", j ? " | " : "", parts[j]);
                if (paren && n > 1)
                    sb_putc(sb, ')');
                return;
            }
        }
    }
    if (v < 4096)
        sb_printf(sb, "%llu", (unsigned long long)v);
    else
        sb_printf(sb, "%#llx", (unsigned long long)v);
}

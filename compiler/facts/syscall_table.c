#include "facts/syscall_table.h"
#include "util/closest.h"
#include "util/polc_limits.h"
#include "util/file.h"

#include <errno.h>
#include <stdio.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Facts about each ABI. Multiplexers are the syscalls whose real arguments sit
 * in memory, beyond seccomp's reach. */
static const ArchInfo ARCHES[ARCH__COUNT] = {
    [ARCH_X86_64] = {"x86_64", "amd64", 0xc000003eu, "SCMP_ARCH_X86_64", "amd64", 64, ARCH_X86_64, {NULL}},
    [ARCH_X86] = {"x86", "i386", 0x40000003u, "SCMP_ARCH_X86", "x86", 32, ARCH_X86_64, {"socketcall", "ipc", NULL}},
    [ARCH_X32] = {"x32", NULL, 0xc000003eu, "SCMP_ARCH_X32", "x32", 32, ARCH_X86_64, {NULL}},
    [ARCH_AARCH64] = {"aarch64", "arm64", 0xc00000b7u, "SCMP_ARCH_AARCH64", "arm64", 64, ARCH_AARCH64, {NULL}},
    [ARCH_ARM] = {"arm", NULL, 0x40000028u, "SCMP_ARCH_ARM", "arm", 32, ARCH_AARCH64, {NULL}},
    [ARCH_RISCV64] = {"riscv64", NULL, 0xc00000f3u, "SCMP_ARCH_RISCV64", "riscv64", 64, ARCH_RISCV64, {NULL}},
    [ARCH_PPC64LE] = {"ppc64le", NULL, 0xc0000015u, "SCMP_ARCH_PPC64LE", "ppc64le", 64, ARCH_PPC64LE, {"socketcall", "ipc", NULL}},
    [ARCH_S390X] = {"s390x", NULL, 0x80000016u, "SCMP_ARCH_S390X", "s390x", 64, ARCH_S390X, {"socketcall", "ipc", NULL}},
};

const ArchInfo *arch_info(ArchId a) { return &ARCHES[a]; }

bool arch_from_audit(uint32_t audit, uint32_t nr, ArchId *out)
{
    for (int i = 0; i < ARCH__COUNT; i++)
        if (ARCHES[i].audit == audit && i != ARCH_X32) {
            *out = i == ARCH_X86_64 && (nr & 0x40000000u) ? ARCH_X32 : (ArchId)i;
            return true;
        }
    return false;
}

ArchId arch_host(void)
{
#if defined(__x86_64__) && defined(__ILP32__)
    return ARCH_X32;
#elif defined(__x86_64__)
    return ARCH_X86_64;
#elif defined(__i386__)
    return ARCH_X86;
#elif defined(__aarch64__)
    return ARCH_AARCH64;
#elif defined(__arm__)
    return ARCH_ARM;
#elif defined(__riscv) && __riscv_xlen == 64
    return ARCH_RISCV64;
#elif defined(__powerpc64__) && defined(__LITTLE_ENDIAN__)
    return ARCH_PPC64LE;
#elif defined(__s390x__)
    return ARCH_S390X;
#else
    return ARCH__COUNT;
#endif
}

bool arch_from_name(const char *name, ArchId *out)
{
    for (int i = 0; i < ARCH__COUNT; i++) {
        if (strcmp(ARCHES[i].name, name) == 0 ||
            (ARCHES[i].alias && strcmp(ARCHES[i].alias, name) == 0)) {
            *out = (ArchId)i;
            return true;
        }
    }
    return false;
}

unsigned arg_type_bits(ArgType t, ArchId arch)
{
    switch (t) {
    case AT_I32:
    case AT_U32: return 32;
    case AT_I64:
    case AT_U64: return 64;
    default: return ARCHES[arch].word_bits;
    }
}

const char *arg_type_name(ArgType t)
{
    static const char *const n[] = {"i32", "u32", "i64", "u64", "long", "ulong", "ptr"};
    return n[t];
}

static bool arg_type_from_name(const char *s, size_t len, ArgType *out)
{
    static const char *const n[] = {"i32", "u32", "i64", "u64", "long", "ulong", "ptr"};
    for (int i = 0; i < 7; i++)
        if (strlen(n[i]) == len && memcmp(n[i], s, len) == 0) {
            *out = (ArgType)i;
            return true;
        }
    return false;
}

/* Splits a line into whitespace separated fields. */
static size_t fields(const char *line, size_t len, const char **f, size_t *flen, size_t max)
{
    size_t n = 0, i = 0;
    while (i < len && n < max) {
        while (i < len && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r'))
            i++;
        if (i >= len || line[i] == '#')
            break;
        size_t s = i;
        while (i < len && line[i] != ' ' && line[i] != '\t' && line[i] != '\r' && line[i] != '#')
            i++;
        f[n] = line + s;
        flen[n] = i - s;
        n++;
    }
    return n;
}

static int cmp_entry(const void *a, const void *b)
{
    const SyscallEntry *x = a, *y = b;
    return x->nr < y->nr ? -1 : x->nr > y->nr;
}

typedef struct LoadedFile {
    uint32_t id;
    const SourceFile *src;
} LoadedFile;

static bool load_data_file(Arena *a, DiagEngine *d, SourceMap *sm, StdlibLocator locate,
                           void *lctx, const char *rel, LoadedFile *out)
{
    const char *path = locate(lctx, rel);
    if (!path) {
        Diag *g = diag_error(d, "E0200", SPAN_NONE, "cannot find stdlib file `%s`", rel);
        diag_help(d, g, "point -I or POLC_PATH at polc's stdlib directory");
        d->install_error = true;
        return false;
    }
    size_t len;
    int err;
    char *text = read_file_arena_max(a, path, POLC_MAX_SOURCE_BYTES, &len, &err);
    if (!text) {
        diag_error(d, "E0202", SPAN_NONE, "cannot read `%s`: %s", path, read_file_error(err));
        return false;
    }
    out->id = source_add(sm, a, rel, path, text, len, true);
    out->src = source_get(sm, out->id);
    return true;
}

/* The stdlib data files are lines of whitespace separated fields, `#`
 * comments and blank lines; this walks the lines that have fields. */
typedef struct DataLine {
    size_t n;          /* fields on the line (more than `max` are counted, not kept) */
    const char *f[8];
    size_t fl[8];
    Span span;         /* the whole line, for diagnostics */
} DataLine;

static bool next_data_line(const LoadedFile *lf, unsigned *ln, bool ni_rows, DataLine *out)
{
    while (++*ln <= lf->src->nlines) {
        size_t len;
        const char *line = source_line(lf->src, *ln, &len);
        /* `# ni NR NAME`: a number whose entry point is sys_ni_syscall. It is
         * still a syscall number with a name (libseccomp resolves it, the
         * kernel answers ENOSYS), so policies may name it. */
        if (ni_rows && len > 5 && memcmp(line, "# ni ", 5) == 0)
            line += 5, len -= 5;
        out->n = fields(line, len, out->f, out->fl, 8);
        if (out->n == 0)
            continue;
        out->span = (Span){lf->id, (uint32_t)(line - lf->src->text), (uint32_t)(line - lf->src->text + len)};
        return true;
    }
    return false;
}

bool syscalldb_load_arch(SyscallDb *db, Arena *a, DiagEngine *d, SourceMap *sm, ArchId arch,
                         StdlibLocator locate, void *lctx)
{
    ArchTable *t = &db->arch[arch];
    if (t->loaded)
        return true;
    char rel[64];
    snprintf(rel, sizeof rel, "syscalls/%s.tbl", ARCHES[arch].name);
    LoadedFile lf;
    if (!load_data_file(a, d, sm, locate, lctx, rel, &lf))
        return false;
    t->loaded = true;
    VEC(SyscallEntry) ents = {0};
    DataLine dl;
    for (unsigned ln = 0; next_data_line(&lf, &ln, true, &dl);) {
        size_t n = dl.n;
        const char *const *f = dl.f;
        const size_t *fl = dl.fl;
        Span sp = dl.span;
        char *end;
        char num[32];
        if (n != 2 || fl[0] >= sizeof num) {
            diag_error(d, "E0202", sp, "malformed syscall table line: expected `NUMBER NAME`");
            continue;
        }
        memcpy(num, f[0], fl[0]);
        num[fl[0]] = '\0';
        unsigned long v = strtoul(num, &end, 0);
        if (*end || v > UINT32_MAX) {
            diag_error(d, "E0202", sp, "malformed syscall number `%s`", num);
            continue;
        }
        SyscallEntry e = {arena_strndup(a, f[1], fl[1]), (uint32_t)v};
        VEC_PUSH(a, ents, e);
    }
    if (ents.len > 1)
        qsort(ents.items, ents.len, sizeof *ents.items, cmp_entry);
    t->entries = ents.items;
    t->len = ents.len;
    for (size_t i = 0; i < t->len; i++)
        strmap_put(&t->by_name, a, t->entries[i].name, &t->entries[i]);
    return true;
}

bool syscalldb_load_signatures(SyscallDb *db, Arena *a, DiagEngine *d, SourceMap *sm,
                               StdlibLocator locate, void *lctx)
{
    if (db->sigs_loaded)
        return true;
    LoadedFile lf;
    if (!load_data_file(a, d, sm, locate, lctx, "syscalls/signatures.tbl", &lf))
        return false;
    db->sigs_loaded = true;
    DataLine dl;
    for (unsigned ln = 0; next_data_line(&lf, &ln, false, &dl);) {
        size_t n = dl.n;
        const char *const *f = dl.f;
        const size_t *fl = dl.fl;
        Span sp = dl.span;
        if (n > 7) {
            diag_error(d, "E0202", sp, "a syscall has at most 6 arguments");
            continue;
        }
        Signature *s = arena_alloc(a, sizeof *s);
        s->name = arena_strndup(a, f[0], fl[0]);
        s->nargs = (int)n - 1;
        for (size_t i = 1; i < n; i++) {
            const char *colon = memchr(f[i], ':', fl[i]);
            if (!colon) {
                diag_error(d, "E0202", sp, "malformed argument: expected `name:type`");
                s->nargs = (int)i - 1;
                break;
            }
            s->arg_names[i - 1] = arena_strndup(a, f[i], (size_t)(colon - f[i]));
            if (!arg_type_from_name(colon + 1, fl[i] - (size_t)(colon - f[i]) - 1,
                                    &s->arg_types[i - 1])) {
                diag_error(d, "E0202", sp, "unknown argument type in `%.*s`", (int)fl[i], f[i]);
                s->arg_types[i - 1] = AT_U64;
            }
        }
        strmap_put(&db->sigs, a, s->name, s);
    }
    return true;
}

const SyscallEntry *syscalldb_lookup(const SyscallDb *db, ArchId arch, const char *name)
{
    return strmap_get(&db->arch[arch].by_name, name);
}

const char *syscalldb_closest(const SyscallDb *db, uint32_t arch_mask, const char *name)
{
    size_t n = 0;
    for (int a = 0; a < ARCH__COUNT; a++)
        if (arch_mask & (1u << a))
            n += db->arch[a].len;
    const char **cands = malloc((n ? n : 1) * sizeof *cands);
    if (!cands)
        return NULL;
    n = 0;
    for (int a = 0; a < ARCH__COUNT; a++)
        if (arch_mask & (1u << a))
            for (size_t i = 0; i < db->arch[a].len; i++)
                cands[n++] = db->arch[a].entries[i].name;
    const char *near = closest_name(name, cands, n);
    free(cands);
    return near;
}

const SyscallEntry *syscalldb_by_nr(const SyscallDb *db, ArchId arch, uint32_t nr)
{
    const ArchTable *t = &db->arch[arch];
    size_t lo = 0, hi = t->len;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (t->entries[mid].nr == nr)
            return &t->entries[mid];
        if (t->entries[mid].nr < nr)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

const Signature *syscalldb_signature(const SyscallDb *db, const char *name)
{
    return strmap_get(&db->sigs, name);
}

uint32_t kernel_version(const char *s)
{
    unsigned part[3] = {0, 0, 0};
    int n = 0;
    const char *p = s;
    while (n < 3) {
        if (*p < '0' || *p > '9')
            return 0;
        unsigned v = 0;
        while (*p >= '0' && *p <= '9' && v < 1000)
            v = v * 10 + (unsigned)(*p++ - '0');
        if (v > 99)
            return 0;
        part[n++] = v;
        if (*p == '\0')
            break;
        if (*p++ != '.')
            return 0;
    }
    if (*p != '\0' || n < 2)
        return 0;
    return part[0] * 10000 + part[1] * 100 + part[2];
}

bool syscalldb_load_versions(SyscallDb *db, Arena *a, DiagEngine *d, SourceMap *sm, StdlibLocator locate,
                             void *lctx)
{
    if (db->versions_loaded)
        return true;
    LoadedFile lf;
    if (!load_data_file(a, d, sm, locate, lctx, "syscalls/versions.tbl", &lf))
        return false;
    db->versions_loaded = true;
    DataLine dl;
    for (unsigned ln = 0; next_data_line(&lf, &ln, false, &dl);) {
        size_t n = dl.n;
        const char *const *f = dl.f;
        const size_t *fl = dl.fl;
        Span sp = dl.span;
        char ver[32];
        uint32_t v = 0;
        if (n == 2 && fl[1] < sizeof ver) {
            memcpy(ver, f[1], fl[1]);
            ver[fl[1]] = '\0';
            v = kernel_version(ver);
        }
        if (!v) {
            diag_error(d, "E0202", sp, "malformed versions line: expected `NAME[@ARCH] X.Y`");
            continue;
        }
        strmap_put(&db->versions, a, arena_strndup(a, f[0], fl[0]), (void *)(uintptr_t)v);
    }
    return true;
}

uint32_t syscalldb_version(const SyscallDb *db, const char *name, ArchId arch)
{
    char key[128];
    snprintf(key, sizeof key, "%s@%s", name, ARCHES[arch].name);
    void *v = strmap_get(&db->versions, key);
    if (!v)
        v = strmap_get(&db->versions, name);
    return (uint32_t)(uintptr_t)v;
}

const Signature *syscalldb_signature_on(const SyscallDb *db, const char *name, ArchId arch)
{
    char key[128];
    snprintf(key, sizeof key, "%s@%s", name, ARCHES[arch].name);
    const Signature *s = strmap_get(&db->sigs, key);
    return s ? s : strmap_get(&db->sigs, name);
}

/* polc learn: reading what programs did.
 *
 *   strace -f -o FILE ...      one call per line (pid prefix, -t/-tt/-ttt/-r
 *                              timestamps, -T durations, -y fd paths,
 *                              <unfinished ...>/<... resumed> pairs, signals,
 *                              exits, personality switches)
 *   strace -c [-f] -o FILE ... the summary table (calls and errors per name)
 *   audit.log / dmesg          type=SECCOMP / type=1326 records (raw or
 *                              ausearch -i interpreted)
 *
 * Lines of any kind may be mixed in one file. A line that is none of these is
 * counted and skipped; nothing here fails on bad input. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "learn/learn_internal.h"
#include "util/file.h"

/* ---- what is learned about arguments ---- */

static const LearnArgSpec ARG_SPECS[] = {
    {"socket", LA_IN, 0, NULL, "domain", true},
    {"socketpair", LA_IN, 0, NULL, "domain", true},
    {"clone", LA_NSMASK, -1, "flags", "flags", false},
    {"unshare", LA_NSMASK, 0, NULL, "flags", false},
    {"ioctl", LA_IN, 1, NULL, "cmd", false},
    {"prctl", LA_IN, 0, NULL, "option", false},
    {"personality", LA_IN, 0, NULL, "personality", false},
};

const LearnArgSpec *learn_arg_spec(const char *syscall)
{
    for (size_t i = 0; i < sizeof ARG_SPECS / sizeof *ARG_SPECS; i++)
        if (strcmp(ARG_SPECS[i].syscall, syscall) == 0)
            return &ARG_SPECS[i];
    return NULL;
}

static const struct {
    const char *name;
    uint64_t bit;
} NS_FLAGS[] = {
    {"CLONE_NEWNS", 0x20000},      {"CLONE_NEWCGROUP", 0x2000000}, {"CLONE_NEWUTS", 0x4000000},
    {"CLONE_NEWIPC", 0x8000000},   {"CLONE_NEWUSER", 0x10000000},  {"CLONE_NEWPID", 0x20000000},
    {"CLONE_NEWNET", 0x40000000},  {"CLONE_NEWTIME", 0x80},
};

/* ---- names ---- */

/* Names strace prints that differ from the kernel table's, tried only when
 * the printed name is not in the arch's table. */
static const char *const ALIASES[][2] = {
    {"newfstat", "fstat"},       {"newstat", "stat"},          {"newlstat", "lstat"},
    {"newuname", "uname"},       {"llseek", "_llseek"},        {"_llseek", "llseek"},
    {"select", "_newselect"},    {"_newselect", "select"},     {"sysctl", "_sysctl"},
    {"_sysctl", "sysctl"},       {"umount", "umount2"},        {"oldumount", "umount"},
    {"pread", "pread64"},        {"pwrite", "pwrite64"},       {"prlimit", "prlimit64"},
    {"fadvise64_64", "fadvise64"}, {"fadvise64", "fadvise64_64"}, {"arm_fadvise64_64", "fadvise64_64"},
    {"sync_file_range2", "sync_file_range"}, {"arm_sync_file_range", "sync_file_range2"},
    {"fstatat64", "newfstatat"}, {"newfstatat", "fstatat64"},  {"stat64", "stat"},
    {"fstat64", "fstat"},        {"lstat64", "lstat"},         {"mmap_pgoff", "mmap2"},
    {"fstat", "newfstat"},       {"getdents64", "getdents"},   {"_llseek", "lseek"},
    {"llseek", "lseek"},
};

const SyscallEntry *learn_resolve_name(const SyscallDb *db, ArchId arch, const char *name)
{
    const SyscallEntry *e = syscalldb_lookup(db, arch, name);
    if (e)
        return e;
    /* strace prints calls it has no name for as syscall_0x1c7 or syscall_455 */
    if (strncmp(name, "syscall_", 8) == 0 && isdigit((unsigned char)name[8])) {
        char *end;
        unsigned long nr = strtoul(name + 8, &end, 0);
        if (*end == '\0') {
            e = syscalldb_by_nr(db, arch, (uint32_t)nr);
            if (!e && arch == ARCH_X32)
                e = syscalldb_by_nr(db, arch, (uint32_t)nr | 0x40000000u);
            return e;
        }
    }
    for (size_t i = 0; i < sizeof ALIASES / sizeof *ALIASES; i++)
        if (strcmp(ALIASES[i][0], name) == 0 && (e = syscalldb_lookup(db, arch, ALIASES[i][1])))
            return e;
    return NULL;
}

/* ---- per-file state ---- */

/* strace's "[ Process PID=N runs in ... mode. ]": the ABI of later calls */
typedef enum AbiMode { MODE_NATIVE, MODE_32BIT, MODE_X32 } AbiMode;

typedef struct PidState {
    AbiMode mode;
    LearnSys *pending; /* the <unfinished ...> call */
    bool has_pending;
} PidState;

typedef struct FileState {
    LearnData *d;
    LearnInput *in;
    StrMap pids;
    bool in_summary;
    AbiMode summary_mode;
    size_t lineno;
} FileState;

static PidState *pid_state(FileState *fs, const char *pid, size_t len)
{
    char key[32];
    if (len >= sizeof key)
        len = sizeof key - 1;
    memcpy(key, pid, len);
    key[len] = '\0';
    PidState *ps = strmap_get(&fs->pids, key);
    if (!ps) {
        ps = arena_alloc(&fs->d->ctx->arena, sizeof *ps);
        strmap_put(&fs->pids, &fs->d->ctx->arena, arena_strdup(&fs->d->ctx->arena, key), ps);
        if (strcmp(key, "?") != 0)
            fs->in->npids++;
    }
    return ps;
}

static ArchId mode_arch(ArchId target, AbiMode mode)
{
    ArchId fam = arch_info(target)->family;
    if (mode == MODE_32BIT)
        return fam == ARCH_X86_64 ? ARCH_X86 : fam == ARCH_AARCH64 ? ARCH_ARM : ARCH__COUNT;
    if (mode == MODE_X32)
        return fam == ARCH_X86_64 ? ARCH_X32 : ARCH__COUNT;
    return fam;
}

static void unknown_line(FileState *fs, const char *line)
{
    LearnInput *in = fs->in;
    if (in->unknown_lines++ == 0) {
        in->first_unknown_line = fs->lineno;
        size_t n = strlen(line);
        in->first_unknown_text = arena_strndup(&fs->d->ctx->arena, line, n > 80 ? 80 : n);
    }
}

/* Records `count` calls of `name` on arch a. NULL: not the learned arch or
 * not a known name (counted). */
static LearnSys *record(FileState *fs, ArchId a, const char *name, uint64_t count, InputKind src)
{
    LearnData *d = fs->d;
    if (a != d->arch) {
        if (a < ARCH__COUNT)
            d->other_arch[a] += count;
        fs->in->other_arch_calls += count;
        return NULL;
    }
    const SyscallEntry *e = learn_resolve_name(d->db, a, name);
    if (!e) {
        uint64_t *n = strmap_get(&d->unknown_names, name);
        if (!n) {
            n = arena_alloc(&d->ctx->arena, sizeof *n);
            strmap_put(&d->unknown_names, &d->ctx->arena, arena_strdup(&d->ctx->arena, name), n);
        }
        *n += count;
        fs->in->unknown_name_calls += count;
        return NULL;
    }
    LearnSys *s = strmap_get(&d->sys, e->name);
    if (!s) {
        s = arena_alloc(&d->ctx->arena, sizeof *s);
        s->name = e->name;
        s->nr = e->nr;
        strmap_put(&d->sys, &d->ctx->arena, e->name, s);
    }
    s->calls += count;
    fs->in->calls += count;
    if (src == IN_STRACE)
        s->from_strace = true;
    else if (src == IN_SUMMARY)
        s->from_summary = true;
    else
        s->from_audit = true;
    if (src != IN_STRACE) {
        s->values_unknown = true; /* no argument values in these inputs */
        s->ns_unknown = true;
    }
    return s;
}

/* EINTR and the ERESTART* family: a signal arrived while the call waited.
 * The call did not fail in the sense a reviewer cares about (it was
 * interrupted and, usually, restarted), so it is counted apart from
 * failures and never makes a call "failed every time". */
static bool is_interruption(const char *e, size_t n)
{
    return (n == 5 && strncmp(e, "EINTR", 5) == 0) || (n > 8 && strncmp(e, "ERESTART", 8) == 0);
}

static void add_errno(LearnData *d, LearnSys *s, const char *e, size_t n)
{
    if (is_interruption(e, n)) {
        if (s->interrupted++ == 0)
            s->interrupt_errno = arena_strndup(&d->ctx->arena, e, n);
        return;
    }
    s->failed++;
    for (int i = 0; i < s->nerrnos; i++)
        if (strlen(s->errnos[i]) == n && strncmp(s->errnos[i], e, n) == 0)
            return;
    if (s->nerrnos < 4)
        s->errnos[s->nerrnos++] = arena_strndup(&d->ctx->arena, e, n);
}

/* ---- strace lines ---- */

#define MAX_ARGS 12

typedef struct Args {
    const char *s[MAX_ARGS];
    size_t n[MAX_ARGS];
    int count;
    const char *end;  /* after the closing paren, or NULL */
    bool unfinished;
} Args;

static void trim(const char **s, size_t *n)
{
    while (*n && isspace((unsigned char)**s))
        (*s)++, (*n)--;
    while (*n && isspace((unsigned char)(*s)[*n - 1]))
        (*n)--;
}

/* Splits an argument list at top-level commas, from just after the '('. */
static void scan_args(const char *p, Args *a)
{
    int depth = 1, angle = 0;
    const char *start = p;
    a->count = 0;
    a->end = NULL;
    a->unfinished = false;
    for (; *p; p++) {
        char c = *p;
        if (c == '"') {
            for (p++; *p && *p != '"'; p++)
                if (*p == '\\' && p[1])
                    p++;
            if (!*p)
                break;
            continue;
        }
        if (c == '<' && strncmp(p, "<unfinished ...>", 16) == 0) {
            a->unfinished = true;
            break;
        }
        if (c == '<' && p > start && isdigit((unsigned char)p[-1])) { /* -y: 3</etc/passwd> */
            angle++;
            continue;
        }
        if (c == '>' && angle > 0) {
            angle--;
            continue;
        }
        if (angle > 0)
            continue;
        if (c == '(' || c == '[' || c == '{')
            depth++;
        else if (c == ')' || c == ']' || c == '}') {
            if (--depth == 0) {
                if (a->count < MAX_ARGS && p > start) {
                    a->s[a->count] = start;
                    a->n[a->count] = (size_t)(p - start);
                    trim(&a->s[a->count], &a->n[a->count]);
                    if (a->n[a->count] || a->count)
                        a->count++;
                }
                a->end = p + 1;
                return;
            }
        } else if (c == ',' && depth == 1) {
            if (a->count < MAX_ARGS) {
                a->s[a->count] = start;
                a->n[a->count] = (size_t)(p - start);
                trim(&a->s[a->count], &a->n[a->count]);
                a->count++;
            }
            start = p + 1;
        }
    }
    /* cut off (unfinished or truncated): the last, incomplete argument is dropped */
}

/* " = -1 ENOENT (No such file...)" -> the errno name, or NULL; also
 * " = ? ERESTARTSYS (To be restarted ...)" (an interrupted call). */
static const char *result_errno(const char *p, size_t *n)
{
    if (!p)
        return NULL;
    while (*p == ' ')
        p++;
    if (*p != '=')
        return NULL;
    p++;
    while (*p == ' ')
        p++;
    if (*p == '?' && p[1] == ' ' && strncmp(p + 2, "ERESTART", 8) == 0) {
        p += 2;
        const char *e = p;
        while (isupper((unsigned char)*p) || *p == '_')
            p++;
        *n = (size_t)(p - e);
        return e;
    }
    if (*p != '-' || !isdigit((unsigned char)p[1]))
        return NULL;
    p++;
    while (isalnum((unsigned char)*p))
        p++;
    while (*p == ' ')
        p++;
    if (*p != 'E')
        return NULL;
    const char *e = p;
    while (isupper((unsigned char)*p) || isdigit((unsigned char)*p))
        p++;
    *n = (size_t)(p - e);
    return *n > 1 ? e : NULL;
}

static uint64_t parse_ns_flags(const char *s, size_t n)
{
    uint64_t bits = 0;
    const char *end = s + n;
    while (s < end) {
        const char *t = s;
        while (t < end && *t != '|')
            t++;
        const char *tok = s;
        size_t len = (size_t)(t - s);
        trim(&tok, &len);
        if (len && isdigit((unsigned char)tok[0])) {
            char buf[32];
            if (len < sizeof buf) {
                memcpy(buf, tok, len);
                buf[len] = '\0';
                uint64_t v = strtoull(buf, NULL, 0);
                for (size_t i = 0; i < sizeof NS_FLAGS / sizeof *NS_FLAGS; i++)
                    if (v & NS_FLAGS[i].bit && NS_FLAGS[i].bit != 0x80)
                        bits |= NS_FLAGS[i].bit;
            }
        } else
            for (size_t i = 0; i < sizeof NS_FLAGS / sizeof *NS_FLAGS; i++)
                if (strlen(NS_FLAGS[i].name) == len && strncmp(NS_FLAGS[i].name, tok, len) == 0)
                    bits |= NS_FLAGS[i].bit;
        s = t + 1;
    }
    return bits;
}

static void learn_args(LearnData *d, LearnSys *s, const Args *a)
{
    const LearnArgSpec *spec = learn_arg_spec(s->name);
    if (!spec)
        return;
    const char *v = NULL;
    size_t n = 0;
    if (spec->key) {
        size_t kl = strlen(spec->key);
        for (int i = 0; i < a->count; i++)
            if (a->n[i] > kl && strncmp(a->s[i], spec->key, kl) == 0 && a->s[i][kl] == '=') {
                v = a->s[i] + kl + 1;
                n = a->n[i] - kl - 1;
            }
    } else if (spec->pos < a->count) {
        v = a->s[spec->pos];
        n = a->n[spec->pos];
    }
    if (spec->kind == LA_NSMASK) {
        if (!v || !n)
            s->ns_unknown = true;
        else
            s->ns_seen |= parse_ns_flags(v, n);
        return;
    }
    if (!v || !n) {
        s->values_unknown = true;
        return;
    }
    for (int i = 0; i < s->nvalues; i++)
        if (strlen(s->values[i]) == n && strncmp(s->values[i], v, n) == 0)
            return;
    if (s->nvalues == LEARN_MAX_VALUES) {
        s->values_overflow = true;
        return;
    }
    s->values[s->nvalues++] = arena_strndup(&d->ctx->arena, v, n);
}

static bool is_name_char(char c) { return isalnum((unsigned char)c) || c == '_'; }

/* "12:34:56.789" (time of day) or "1700000000.123" (epoch) or "0.000123" (-r). */
static void note_time(LearnInput *in, const char *t, size_t n)
{
    char buf[40];
    if (n >= sizeof buf)
        return;
    memcpy(buf, t, n);
    buf[n] = '\0';
    if (strchr(buf, ':')) {
        int h, m;
        double sec;
        if (sscanf(buf, "%d:%d:%lf", &h, &m, &sec) == 3) {
            double tod = h * 3600.0 + m * 60.0 + sec;
            if (in->tod_min < 0 || tod < in->tod_min)
                in->tod_min = tod;
            if (tod > in->tod_max)
                in->tod_max = tod;
        }
        return;
    }
    double v = strtod(buf, NULL);
    if (v < 1e8) /* -r: relative */
        return;
    if (in->t_min == 0 || v < in->t_min)
        in->t_min = v;
    if (v > in->t_max)
        in->t_max = v;
}

/* What runtime started the traced program (learn.c picks the base preset
 * from it, docs/presets.md): paths only the loader or the runtime opens. */
static void note_runtime(LearnData *d, const char *line)
{
    if (strstr(line, "/libc.so.6\"") || strstr(line, "/ld-linux-"))
        d->saw_glibc = true;
    if (strstr(line, "/ld-musl-") || strstr(line, "/libc.musl-"))
        d->saw_musl = true;
    /* the Go runtime (1.12 and later) reads it in its first milliseconds */
    if (strstr(line, "\"/sys/kernel/mm/transparent_hugepage/hpage_pmd_size\""))
        d->saw_go = true;
}

static void parse_strace_line(FileState *fs, const char *line)
{
    LearnData *d = fs->d;
    note_runtime(d, line);
    const char *p = line;
    const char *pid = "0";
    size_t pidlen = 1;
    while (*p == ' ')
        p++;
    if (strncmp(p, "[pid ", 5) == 0) {
        p += 5;
        while (*p == ' ')
            p++;
        pid = p;
        while (isdigit((unsigned char)*p))
            p++;
        pidlen = (size_t)(p - pid);
        if (*p != ']') {
            unknown_line(fs, line);
            return;
        }
        p++;
    } else if (isdigit((unsigned char)*p)) {
        const char *q = p;
        while (isdigit((unsigned char)*q))
            q++;
        if (*q == ' ') {
            pid = p;
            pidlen = (size_t)(q - p);
            p = q;
        }
    }
    while (*p == ' ')
        p++;
    if (isdigit((unsigned char)*p)) { /* timestamp */
        const char *q = p;
        while (isdigit((unsigned char)*q) || *q == ':' || *q == '.')
            q++;
        if (*q == ' ' && (memchr(p, ':', (size_t)(q - p)) || memchr(p, '.', (size_t)(q - p)))) {
            note_time(fs->in, p, (size_t)(q - p));
            p = q;
            while (*p == ' ')
                p++;
        }
    }
    if (*p == '\0')
        return;
    if (strncmp(p, "+++ ", 4) == 0 || strncmp(p, "--- ", 4) == 0 || strncmp(p, "strace: ", 8) == 0 ||
        strncmp(p, "> ", 2) == 0 || strncmp(p, "<detached", 9) == 0)
        return;
    if (strncmp(p, "[ Process PID=", 14) == 0) {
        const char *q = p + 14;
        const char *pp = q;
        while (isdigit((unsigned char)*q))
            q++;
        PidState *ps = pid_state(fs, pp, (size_t)(q - pp));
        if (strstr(q, "32 bit mode")) {
            ps->mode = MODE_32BIT;
            fs->in->mode32 = true;
        } else if (strstr(q, "x32 mode")) {
            ps->mode = MODE_X32;
            fs->in->modex32 = true;
        } else if (strstr(q, "64 bit mode"))
            ps->mode = MODE_NATIVE;
        else
            unknown_line(fs, line);
        return;
    }
    PidState *ps = pid_state(fs, pid, pidlen);
    ArchId a = mode_arch(d->arch, ps->mode);
    if (strncmp(p, "<... ", 5) == 0) {
        const char *nm = p + 5;
        const char *q = nm;
        while (is_name_char(*q))
            q++;
        if (q == nm || strncmp(q, " resumed>", 9) != 0) {
            unknown_line(fs, line);
            return;
        }
        char name[64];
        size_t nl = (size_t)(q - nm) < sizeof name - 1 ? (size_t)(q - nm) : sizeof name - 1;
        memcpy(name, nm, nl);
        name[nl] = '\0';
        LearnSys *s;
        if (ps->has_pending) {
            s = ps->pending;
        } else {
            /* the start is not in this trace: count the call, arguments unknown */
            s = record(fs, a, name, 1, IN_STRACE);
            if (s) {
                s->values_unknown = true;
                s->ns_unknown = true;
            }
        }
        ps->has_pending = false;
        ps->pending = NULL;
        Args args;
        scan_args(q + 9, &args);
        size_t en;
        const char *e = args.end ? result_errno(args.end, &en) : NULL;
        if (s && e)
            add_errno(d, s, e, en);
        return;
    }
    const char *nm = p;
    while (is_name_char(*p))
        p++;
    if (p == nm || *p != '(' || !(isalpha((unsigned char)*nm) || *nm == '_')) {
        unknown_line(fs, line);
        return;
    }
    char name[64];
    size_t nl = (size_t)(p - nm) < sizeof name - 1 ? (size_t)(p - nm) : sizeof name - 1;
    memcpy(name, nm, nl);
    name[nl] = '\0';
    Args args;
    scan_args(p + 1, &args);
    if (!args.end && !args.unfinished) {
        /* neither a result nor <unfinished ...>: a truncated line; still a call */
        args.count = 0;
    }
    LearnSys *s = record(fs, a, name, 1, IN_STRACE);
    if (args.unfinished) {
        ps->has_pending = true;
        ps->pending = s;
    }
    if (!s)
        return;
    learn_args(d, s, &args);
    size_t en;
    const char *e = args.end ? result_errno(args.end, &en) : NULL;
    if (e)
        add_errno(d, s, e, en);
}

/* ---- strace -c ---- */

static bool parse_summary_line(FileState *fs, const char *line)
{
    const char *tok[8];
    size_t len[8];
    int n = 0;
    const char *p = line;
    while (*p) {
        while (*p == ' ' || *p == '\t')
            p++;
        if (!*p)
            break;
        if (n == 8)
            return false;
        tok[n] = p;
        while (*p && *p != ' ' && *p != '\t')
            p++;
        len[n] = (size_t)(p - tok[n]);
        n++;
    }
    if (n < 5 || n > 6)
        return false;
    for (int i = 0; i < n - 1; i++)
        for (size_t k = 0; k < len[i]; k++)
            if (!isdigit((unsigned char)tok[i][k]) && tok[i][k] != '.')
                return false;
    char name[64];
    size_t nl = len[n - 1] < sizeof name - 1 ? len[n - 1] : sizeof name - 1;
    memcpy(name, tok[n - 1], nl);
    name[nl] = '\0';
    for (size_t k = 0; k < nl; k++)
        if (!is_name_char(name[k]))
            return false;
    if (strcmp(name, "total") == 0)
        return true;
    uint64_t calls = strtoull(tok[3], NULL, 10);
    uint64_t errors = n == 6 ? strtoull(tok[4], NULL, 10) : 0;
    ArchId a = mode_arch(fs->d->arch, fs->summary_mode);
    LearnSys *s = record(fs, a, name, calls ? calls : 1, IN_SUMMARY);
    if (s)
        s->failed += errors;
    return true;
}

/* ---- audit / dmesg ---- */

static const char *field(const char *line, const char *key, size_t *n)
{
    size_t kl = strlen(key);
    for (const char *p = strstr(line, key); p; p = strstr(p + 1, key)) {
        if (p != line && p[-1] != ' ' && p[-1] != ':' && p[-1] != '\'' && p[-1] != '\t')
            continue;
        const char *v = p + kl;
        const char *e = v;
        while (*e && *e != ' ' && *e != '\'' && *e != '\t')
            e++;
        *n = (size_t)(e - v);
        return v;
    }
    return NULL;
}

/* A field's value without its quotes; audit writes values with spaces or
 * quotes as unquoted hex (comm=6D7920617070 for "my app"), decoded here. */
static const char *field_text(Arena *a, const char *line, const char *key)
{
    size_t n;
    const char *v = field(line, key, &n);
    if (!v)
        return NULL;
    if (n >= 2 && v[0] == '"' && v[n - 1] == '"')
        return arena_strndup(a, v + 1, n - 2);
    bool hex = n >= 2 && n % 2 == 0;
    for (size_t i = 0; i < n && hex; i++)
        hex = isdigit((unsigned char)v[i]) || (v[i] >= 'A' && v[i] <= 'F');
    if (!hex)
        return arena_strndup(a, v, n);
    char *out = arena_alloc(a, n / 2 + 1);
    for (size_t i = 0; i < n / 2; i++) {
        char b[3] = {v[2 * i], v[2 * i + 1], 0};
        out[i] = (char)strtoul(b, NULL, 16);
    }
    out[n / 2] = '\0';
    return out;
}

/* The record's time: audit(EPOCH.MS:SERIAL) as the kernel writes it, or
 * audit(MM/DD/YYYY HH:MM:SS.MS:SERIAL), ausearch -i's local time. 0: none. */
static double record_time(const char *line)
{
    const char *t = strstr(line, "audit(");
    if (!t)
        return 0;
    t += 6;
    int mo, dd, yy, hh, mi, ss;
    if (sscanf(t, "%2d/%2d/%4d %2d:%2d:%2d", &mo, &dd, &yy, &hh, &mi, &ss) == 6) {
        struct tm tm = {.tm_year = yy - 1900, .tm_mon = mo - 1, .tm_mday = dd, .tm_hour = hh, .tm_min = mi,
                        .tm_sec = ss, .tm_isdst = -1};
        time_t v = mktime(&tm);
        const char *frac = strchr(t, '.');
        return v > 0 ? (double)v + (frac ? strtod(frac, NULL) : 0) : 0;
    }
    double v = strtod(t, NULL);
    return v > 1e8 ? v : 0;
}

/* Whether the record belongs to the workload (--comm, --exe, --pid, --since). */
static bool record_wanted(FileState *fs, const char *line, double when)
{
    const LearnFilter *f = &fs->d->filter;
    if (!f->any)
        return true;
    Arena *a = &fs->d->ctx->arena;
    if (f->since > 0 && (when == 0 || when < f->since))
        return false;
    if (f->pid) {
        size_t n;
        const char *v = field(line, "pid=", &n);
        if (!v || strtol(v, NULL, 10) != f->pid)
            return false;
    }
    if (f->comm) {
        const char *v = field_text(a, line, "comm=");
        if (!v || strcmp(v, f->comm) != 0)
            return false;
    }
    if (f->exe) {
        const char *v = field_text(a, line, "exe=");
        if (!v || strcmp(v, f->exe) != 0)
            return false;
    }
    return true;
}

static bool parse_audit_line(FileState *fs, const char *line)
{
    LearnData *d = fs->d;
    LearnInput *in = fs->in;
    size_t an, sn, cn, pn;
    const char *av = field(line, "arch=", &an);
    const char *sv = field(line, "syscall=", &sn);
    if (!av || !sv || !an || !sn || an > 31 || sn > 63)
        return false;
    double when = record_time(line);
    if (!record_wanted(fs, line, when)) {
        in->audit_filtered++;
        return true;
    }
    char abuf[32], sbuf[64];
    memcpy(abuf, av, an);
    abuf[an] = '\0';
    memcpy(sbuf, sv, sn);
    sbuf[sn] = '\0';
    ArchId a = ARCH__COUNT;
    char *end;
    unsigned long audit = strtoul(abuf, &end, 16);
    if (*end == '\0') {
        if (audit > 0xffffffffUL || !arch_from_audit((uint32_t)audit, 0, &a))
            a = ARCH__COUNT;
    } else if (!arch_from_name(abuf, &a)) {
        if (strcmp(abuf, "armeb") == 0 || strcmp(abuf, "arm") == 0)
            a = ARCH_ARM;
        else
            a = ARCH__COUNT;
    }
    const char *name = sbuf;
    if (isdigit((unsigned char)sbuf[0])) {
        unsigned long nr = strtoul(sbuf, &end, 10);
        if (*end)
            return false;
        if (a == ARCH_X86_64 && (nr & 0x40000000ul))
            a = ARCH_X32;
        if (a == ARCH__COUNT) {
            in->other_arch_calls++;
            return true;
        }
        if (a != d->arch) {
            d->other_arch[a]++;
            in->other_arch_calls++;
            return true;
        }
        const SyscallEntry *e = syscalldb_by_nr(d->db, a, (uint32_t)nr);
        name = e ? e->name : arena_printf(&d->ctx->arena, "syscall_%lu", nr);
    } else if (a == ARCH__COUNT) {
        in->other_arch_calls++;
        return true;
    }
    in->audit_records++;
    const char *cv = field(line, "code=", &cn);
    if (cv && cn > 2 && cn < 20) {
        char cbuf[24];
        memcpy(cbuf, cv, cn);
        cbuf[cn] = '\0';
        unsigned long code = strtoul(cbuf, NULL, 16);
        unsigned long act = code & 0xffff0000ul;
        if (act != 0x7ffc0000ul && act != 0x7fff0000ul && !strstr(cbuf, "log") && !strstr(cbuf, "allow"))
            in->audit_denied++;
    }
    const char *pv = field(line, "pid=", &pn);
    if (pv && pn)
        pid_state(fs, pv, pn);
    if (when > 0) {
        if (in->t_min == 0 || when < in->t_min)
            in->t_min = when;
        if (when > in->t_max)
            in->t_max = when;
    }
    record(fs, a, name, 1, IN_AUDIT);
    return true;
}

/* ---- files ---- */

/* Other records of an audit log, other kernel messages of dmesg or syslog. */
static bool is_other_log_line(const char *p)
{
    if (strncmp(p, "type=", 5) == 0 && strstr(p, "msg=audit("))
        return true;
    if (p[0] == '[') { /* dmesg: "[12345.678901] ..." */
        const char *q = p + 1;
        while (*q == ' ')
            q++;
        const char *digits = q;
        while (isdigit((unsigned char)*q) || *q == '.')
            q++;
        return q > digits && *q == ']';
    }
    /* syslog / journal: "Nov 14 22:15:00 host kernel: ..." */
    return isupper((unsigned char)p[0]) && islower((unsigned char)p[1]) && islower((unsigned char)p[2]) &&
           p[3] == ' ' && strlen(p) > 16 && p[9] == ':' && p[12] == ':' && strstr(p, ": ");
}

static void parse_line(FileState *fs, char *line)
{
    LearnInput *in = fs->in;
    size_t n = strlen(line);
    while (n && (line[n - 1] == '\r' || line[n - 1] == ' '))
        line[--n] = '\0';
    const char *p = line;
    while (*p == ' ' || *p == '\t')
        p++;
    if (!*p)
        return;
    if (strstr(p, "type=SECCOMP") || strstr(p, "type=1326")) {
        in->kinds |= IN_AUDIT;
        if (!parse_audit_line(fs, p))
            unknown_line(fs, line);
        return;
    }
    if (is_other_log_line(p)) {
        in->other_log_lines++;
        return;
    }
    if (strncmp(p, "% time", 6) == 0) {
        fs->in_summary = true;
        in->kinds |= IN_SUMMARY;
        return;
    }
    if (strncmp(p, "System call usage summary for", 29) == 0) {
        fs->summary_mode = strstr(p, "x32") ? MODE_X32 : strstr(p, "32 bit") ? MODE_32BIT : MODE_NATIVE;
        if (fs->summary_mode == MODE_32BIT)
            in->mode32 = true;
        else if (fs->summary_mode == MODE_X32)
            in->modex32 = true;
        return;
    }
    if (fs->in_summary) {
        if (strncmp(p, "------", 6) == 0)
            return;
        if (parse_summary_line(fs, p))
            return;
    }
    uint64_t before = in->unknown_lines;
    parse_strace_line(fs, line);
    if (in->unknown_lines == before)
        in->kinds |= IN_STRACE;
}

void learn_parse_text(LearnData *d, LearnInput *in, char *text, size_t len)
{
    FileState fs = {.d = d, .in = in};
    char *p = text, *end = text + len;
    while (p < end) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl)
            nl = end;
        *nl = '\0';
        fs.lineno++;
        in->lines++;
        /* NUL bytes inside a line end it early: harmless */
        parse_line(&fs, p);
        p = nl + 1;
    }
}

LearnSys *learn_keep(LearnData *d, const char *name)
{
    const SyscallEntry *e = syscalldb_lookup(d->db, d->arch, name);
    if (!e)
        return NULL; /* not on this arch (e.g. sigreturn on 64-bit arches) */
    LearnSys *s = strmap_get(&d->sys, e->name);
    if (s)
        return s;
    s = arena_alloc(&d->ctx->arena, sizeof *s);
    s->name = e->name;
    s->nr = e->nr;
    s->survival = true;
    strmap_put(&d->sys, &d->ctx->arena, e->name, s);
    return s;
}

bool learn_parse_file(LearnData *d, const char *path)
{
    polc_ctx *ctx = d->ctx;
    size_t len = 0;
    int err = 0;
    char *text;
    if (strcmp(path, "-") == 0) { /* standard input */
        StrBuf sb;
        sb_init(&sb);
        char buf[65536];
        size_t r;
        while ((r = fread(buf, 1, sizeof buf, stdin)) > 0)
            sb_putn(&sb, buf, r);
        len = sb.len;
        text = arena_strndup(&ctx->arena, sb.data ? sb.data : "", len);
        err = ferror(stdin) ? EIO : 0;
        sb_free(&sb);
        if (err)
            text = NULL;
    } else
        text = read_file_arena(&ctx->arena, path, &len, &err);
    if (!text) {
        diag_error(&ctx->diag, "E0202", SPAN_NONE, "cannot read `%s`: %s", path,
                   err == EINVAL ? "not a regular file" : strerror(err));
        return false;
    }
    LearnInput in = {.path = arena_strdup(&ctx->arena, path), .tod_min = -1, .tod_max = -1};
    struct stat st;
    if (strcmp(path, "-") == 0)
        in.mtime = time(NULL);
    else if (stat(path, &st) == 0)
        in.mtime = st.st_mtime;
    learn_parse_text(d, &in, text, len);
    if (in.kinds & IN_SUMMARY) {
        /* strace -c never counts calls that do not return: a program that
         * was summarised also ended */
        FileState fs = {.d = d, .in = &in};
        for (const char *const *x = (const char *const[]){"exit_group", "exit", NULL}; *x; x++) {
            LearnSys *s = record(&fs, d->arch, *x, 0, IN_SUMMARY);
            if (s)
                s->implied = true;
        }
    }
    VEC_PUSH(&ctx->arena, d->inputs, in);
    return true;
}

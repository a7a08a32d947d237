/* Benchmark: polc's own seccomp BPF against libseccomp's, in one run.
 *
 *   bench_bpf [--calls N] [--runs R] [--no-kernel] [--dump DIR] STDLIB_DIR PROFILES_DIR POLICY.pol...
 *
 * --dump DIR writes the three programs of each policy as DIR/NAME.{polc,lsc-o1,lsc-o2}.bpf
 * (struct sock_filter[], host byte order: `polc disasm` reads them).
 *
 * For each policy, polc compiles it in process (its BPF, for the capability
 * set its BPF back end assumes, and its Docker JSON); libseccomp 2.5 builds
 * the same rules from that JSON the way runc does (tests/oracle, without
 * runc's -ENOSYS stub), once with its default optimisation level (1) and once
 * with SCMP_FLTATR_CTL_OPTIMIZE = 2 (binary tree; what runc asks for when a
 * profile has more than 32 rules). Printed:
 *
 *   1. program length, and the longest path through each program;
 *   2. instructions executed per decision (compiler/bpf/interp.c) over every
 *      syscall number in polc's table of each target arch, with all-zero
 *      arguments and with every argument set to each of a few boundary
 *      values: min / mean / max, and the mean weighted by the syscall
 *      frequencies recorded in PROFILES_DIR (NAME.freq files) (each profile normalised,
 *      then averaged);
 *   3. syscalls the policy allows unconditionally that the program allows,
 *      and how many of them are cacheable: the kernel's walk (seccomp cache,
 *      Linux >= 5.11) with only arch and nr known reaches RET ALLOW;
 *   4. ns per call in a tight loop of N calls under each filter, loaded with
 *      seccomp(2) in a forked child, and under no filter: a call the policy
 *      allows after an argument check, and an unconditionally allowed one;
 *      medians of R runs.
 *
 * For a policy named docker-default it then checks the BPF back end's targets
 * and prints each as met / NOT met, and, for the two mean targets, the lower
 * bound every program of polc's shape obeys (mean_bound). Not a test: nothing
 * here fails on a missed target. x86_64 hosts only (the loaded filters are
 * x86's). */
#include <dirent.h>
#include <json-c/json.h>
#include <errno.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <math.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <seccomp.h>

#include "backend/backend.h"
#include "bpf/asm.h"
#include "bpf/interp.h"
#include "compile.h"
#include "middle/ir.h"
#include "oracle.h"
#include "polc/polc.h"
#include "bench_stats.h"

enum { P_POLC, P_O1, P_O2, NPROG };
static const char *const prog_name[NPROG] = {"polc", "lsc-o1", "lsc-o2"};

#define X32_BIT 0x40000000u
#define OFF_NR ((uint32_t)offsetof(struct seccomp_data, nr))
#define OFF_ARCH ((uint32_t)offsetof(struct seccomp_data, arch))

static const uint64_t boundary[] = {0, 1, 0x7fffffff, 0x80000000, 0xffffffff, 0x100000000ull, UINT64_MAX};
#define NVEC (sizeof boundary / sizeof *boundary)

/* ---- syscall-frequency profiles ---- */

typedef struct {
    char name[64];
    double count;
} FreqEntry;
typedef struct {
    char file[256];
    char path[4096];
    FreqEntry *e;
    size_t n;
    double total;
} Profile;

static Profile profiles[16];
static size_t nprofiles;

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static void load_profiles(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, "bench_bpf: cannot open %s: %s\n", dir, strerror(errno));
        exit(2);
    }
    char *names[16];
    size_t nn = 0;
    struct dirent *de;
    while ((de = readdir(d)) && nn < 16) {
        size_t l = strlen(de->d_name);
        if (l > 5 && strcmp(de->d_name + l - 5, ".freq") == 0)
            names[nn++] = strdup(de->d_name);
    }
    closedir(d);
    qsort(names, nn, sizeof *names, cmp_str);
    for (size_t i = 0; i < nn; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        FILE *f = fopen(path, "r");
        if (!f)
            continue;
        Profile *p = &profiles[nprofiles++];
        memset(p, 0, sizeof *p);
        snprintf(p->file, sizeof p->file, "%s", names[i]);
        snprintf(p->path, sizeof p->path, "%s", path);
        size_t cap = 0;
        char line[1024];
        while (fgets(line, sizeof line, f)) {
            char name[64];
            double c;
            if (line[0] == '#' || sscanf(line, "%63s %lf", name, &c) != 2)
                continue;
            if (p->n == cap) {
                cap = cap ? cap * 2 : 64;
                p->e = realloc(p->e, cap * sizeof *p->e);
            }
            snprintf(p->e[p->n].name, sizeof p->e[p->n].name, "%s", name);
            p->e[p->n++].count = c;
            p->total += c;
        }
        fclose(f);
        free(names[i]);
    }
    if (nprofiles == 0) {
        fprintf(stderr, "bench_bpf: no *.freq profiles in %s\n", dir);
        exit(2);
    }
}

/* ---- helpers ---- */

/* The kernel's seccomp_is_const_allow(): emulate with only arch and nr
 * known; any other load (an argument) or instruction makes it uncacheable. */
static bool kernel_cacheable(const struct sock_filter *p, size_t len, uint32_t audit, uint32_t nr)
{
    uint32_t A = 0;
    for (size_t pc = 0; pc < len; pc++) {
        const struct sock_filter *f = &p[pc];
        switch (f->code) {
        case BPF_LD | BPF_W | BPF_ABS:
            if (f->k == OFF_NR)
                A = nr;
            else if (f->k == OFF_ARCH)
                A = audit;
            else
                return false;
            break;
        case BPF_RET | BPF_K:
            return f->k == SECCOMP_RET_ALLOW;
        case BPF_JMP | BPF_JA:
            pc += f->k;
            break;
        case BPF_JMP | BPF_JEQ | BPF_K:
        case BPF_JMP | BPF_JGE | BPF_K:
        case BPF_JMP | BPF_JGT | BPF_K:
        case BPF_JMP | BPF_JSET | BPF_K: {
            bool c;
            switch (BPF_OP(f->code)) {
            case BPF_JEQ: c = A == f->k; break;
            case BPF_JGE: c = A >= f->k; break;
            case BPF_JGT: c = A > f->k; break;
            default: c = (A & f->k) != 0; break;
            }
            pc += c ? f->jt : f->jf;
            break;
        }
        case BPF_ALU | BPF_AND | BPF_K:
            A &= f->k;
            break;
        default:
            return false;
        }
    }
    return false;
}

/* Longest path through the program (it is a DAG: jumps go forward), counted
 * in instructions including the RET: a static bound on any one decision. */
static size_t longest_path(const struct sock_filter *p, size_t len)
{
    size_t *lp = calloc(len, sizeof *lp);
    for (size_t i = len; i-- > 0;) {
        const struct sock_filter *f = &p[i];
        size_t best = 0;
        if (BPF_CLASS(f->code) == BPF_RET)
            best = 0;
        else if (BPF_CLASS(f->code) == BPF_JMP && BPF_OP(f->code) == BPF_JA)
            best = i + 1 + f->k < len ? lp[i + 1 + f->k] : 0;
        else if (BPF_CLASS(f->code) == BPF_JMP) {
            size_t t = i + 1 + f->jt, e = i + 1 + f->jf;
            best = t < len ? lp[t] : 0;
            if (e < len && lp[e] > best)
                best = lp[e];
        } else
            best = i + 1 < len ? lp[i + 1] : 0;
        lp[i] = best + 1;
    }
    size_t r = lp[0];
    free(lp);
    return r;
}

/* The policy allows nr on arch whatever the arguments (for caps). */
static bool ir_uncond_allow(const polc_ctx *ctx, ArchId arch, uint32_t nr, uint64_t caps)
{
    const IrArch *ia = ir_arch(ctx->policy.ir, arch);
    const IrSyscall *s = ia ? ir_syscall(ia, nr) : NULL;
    if (!s)
        return ctx->policy.ir->default_action.kind == ACT_ALLOW;
    const IrDecision *d = ir_scenario(s, caps);
    if (d->cases.len == 0)
        return ctx->policy.ir->default_action.kind == ACT_ALLOW;
    return d->cases.len == 1 && dnf_is_true(d->cases.items[0].cond) && d->cases.items[0].action.kind == ACT_ALLOW;
}

/* The policy's decision for nr depends on the arguments. */
static bool ir_conditional(const polc_ctx *ctx, ArchId arch, uint32_t nr, uint64_t caps)
{
    const IrArch *ia = ir_arch(ctx->policy.ir, arch);
    const IrSyscall *s = ia ? ir_syscall(ia, nr) : NULL;
    if (!s)
        return false;
    const IrDecision *d = ir_scenario(s, caps);
    return d->cases.len > 1 || (d->cases.len == 1 && !dnf_is_true(d->cases.items[0].cond));
}

/* One leaf of the number dispatch: a constant action or a conditional decision. */
typedef struct {
    bool cond;
    Action act;
    const IrDecision *dec;
} Key;

static bool key_eq(Key a, Key b)
{
    if (a.cond != b.cond)
        return false;
    return a.cond ? (a.dec == b.dec || ir_decision_eq(a.dec, b.dec)) : action_eq(a.act, b.act);
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* Ranges of consecutive syscall numbers with the same decision over
 * [lo, hi] (numbers outside polc's table: the `unknown` action). */
static size_t count_ranges(const polc_ctx *ctx, ArchId arch, uint64_t caps, uint32_t lo, uint32_t hi)
{
    const ArchTable *t = &ctx->policy.db.arch[arch];
    const IrArch *ia = ir_arch(ctx->policy.ir, arch);
    Action dflt = ctx->policy.ir->default_action, unknown = ctx->policy.ir->has_unknown ? ctx->policy.ir->unknown_action : dflt;
    uint32_t *nrs = malloc((t->len + (ia ? ia->syscalls.len : 0) + 1) * sizeof *nrs);
    size_t n = 0;
    for (size_t i = 0; i < t->len; i++)
        if (t->entries[i].nr >= lo && t->entries[i].nr <= hi)
            nrs[n++] = t->entries[i].nr;
    for (size_t i = 0; ia && i < ia->syscalls.len; i++)
        if (ia->syscalls.items[i].nr >= lo && ia->syscalls.items[i].nr <= hi)
            nrs[n++] = ia->syscalls.items[i].nr;
    qsort(nrs, n, sizeof *nrs, cmp_u32);
    size_t ranges = 0;
    Key prev = {false, unknown, NULL}, cur;
    bool have = false;
    uint64_t next = lo; /* first number not yet classified */
#define PUSH(k) do { cur = (k); if (!have || !key_eq(prev, cur)) ranges++; prev = cur; have = true; } while (0)
    for (size_t i = 0; i < n; i++) {
        if (i && nrs[i] == nrs[i - 1])
            continue;
        if (nrs[i] > next)
            PUSH(((Key){false, unknown, NULL}));
        const IrSyscall *s = ia ? ir_syscall(ia, nrs[i]) : NULL;
        Key k = {false, dflt, NULL};
        if (s) {
            const IrDecision *d = ir_scenario(s, caps);
            if (d->cases.len == 1 && dnf_is_true(d->cases.items[0].cond))
                k.act = d->cases.items[0].action;
            else if (d->cases.len > 0)
                k = (Key){true, dflt, d};
        }
        PUSH(k);
        next = (uint64_t)nrs[i] + 1;
    }
    if (next <= hi)
        PUSH(((Key){false, unknown, NULL}));
#undef PUSH
    free(nrs);
    return ranges;
}

/* ---- timing under a loaded filter ---- */

typedef struct {
    char label[64];
    long nr;
    uint64_t a[6];
    bool close_fd; /* close() the returned descriptor each iteration */
} Call;

typedef struct {
    volatile int state; /* 0 pending, 1 done, 2 load failed */
    volatile int err;
    volatile double ns;
} Shared;

static Shared *shared;
static const char *dump_dir;

static double time_call(const struct sock_filter *prog, size_t len, const Call *c, long n, char *why, size_t whylen)
{
    memset((void *)shared, 0, sizeof *shared);
    pid_t pid = fork();
    if (pid < 0) {
        snprintf(why, whylen, "fork: %s", strerror(errno));
        return -1;
    }
    if (pid == 0) {
        if (prog) {
            struct sock_fprog fp = {(unsigned short)len, (struct sock_filter *)prog};
            if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) || syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &fp)) {
                shared->err = errno;
                shared->state = 2;
                _exit(1);
            }
        }
        /* from here on: only the measured call, close, vDSO clock_gettime and exit_group */
        for (long i = 0; i < 2000; i++) {
            long r = syscall(c->nr, c->a[0], c->a[1], c->a[2], c->a[3], c->a[4], c->a[5]);
            if (c->close_fd && r >= 0)
                syscall(SYS_close, r);
        }
        struct timespec t0, t1;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        for (long i = 0; i < n; i++) {
            long r = syscall(c->nr, c->a[0], c->a[1], c->a[2], c->a[3], c->a[4], c->a[5]);
            if (c->close_fd && r >= 0)
                syscall(SYS_close, r);
        }
        clock_gettime(CLOCK_MONOTONIC, &t1);
        shared->ns = ((t1.tv_sec - t0.tv_sec) * 1e9 + (t1.tv_nsec - t0.tv_nsec)) / (double)n;
        shared->state = 1;
        syscall(SYS_exit_group, 0);
        _exit(0);
    }
    int st;
    waitpid(pid, &st, 0);
    if (shared->state == 2) {
        snprintf(why, whylen, "seccomp(2) refused the filter: %s", strerror(shared->err));
        return -1;
    }
    if (shared->state != 1) {
        snprintf(why, whylen, "child died (status %#x)", st);
        return -1;
    }
    return shared->ns;
}

/* ---- per policy ---- */

typedef struct {
    size_t n, min, max;
    double sum, wmean;
    const char *worst; /* a syscall with the longest path (the first found) */
} Exec;

typedef struct {
    ArchId arch;
    Exec ex[NPROG];
    size_t uncond[NPROG], cacheable[NPROG];
    size_t ranges;
    size_t differ[NPROG]; /* zero-arg decisions differing from polc's */
    double tuned; /* profile-weighted mean of polc's program planned with that profile (--frequency) */
} ArchResult;

/* With x86_64 and x32 targeted: the strongest of the bounds
 * p x mean(x86_64) + q x mean(x32) >= lhs (p + q = 1) that hold for every
 * program of polc's shape, against the same mix of the two mean targets. */
typedef struct {
    bool have;
    double p, lhs, rhs;       /* the p with the widest lhs - rhs */
    double floor64, floor32;  /* p = 1 and p = 0: each arch on its own */
} Bound;

typedef struct {
    char name[64];
    char arches[96];
    size_t len[NPROG], longest[NPROG];
    size_t narch;
    ArchResult ar[ARCH__COUNT];
    Call cond_call, plain_call;
    bool cond_is_conditional;
    double ns_cond[NPROG + 1], ns_plain[NPROG + 1]; /* [NPROG]: no filter */
    char fail[320];
    size_t skipped; /* names libseccomp does not know */
    char lsc_source[256]; /* libseccomp's input when not polc's Docker JSON */
    Bound bound;
} PolicyResult;

static uint32_t nr_of(const polc_ctx *ctx, ArchId a, const char *name)
{
    const SyscallEntry *e = syscalldb_lookup(&ctx->policy.db, a, name);
    return e ? e->nr : 0xffffffffu;
}

static bool ir_allows(const polc_ctx *ctx, const char *name, const uint64_t a[6], uint64_t caps)
{
    uint32_t nr = nr_of(ctx, ARCH_X86_64, name);
    if (nr == 0xffffffffu)
        return false;
    return ir_eval(&ctx->policy, ARCH_X86_64, nr, a, caps).action.kind == ACT_ALLOW;
}

static void choose_calls(const polc_ctx *ctx, uint64_t caps, void *page, PolicyResult *r)
{
    struct {
        const char *label, *sys;
        uint64_t a[6];
        bool close_fd;
    } cand[] = {
        {"personality(0xffffffff)", "personality", {0xffffffffu}, false},
        {"mprotect(page, 4096, PROT_READ)", "mprotect", {(uintptr_t)page, 4096, PROT_READ}, false},
        {"shmat(-1, 0, 0) [EINVAL]", "shmat", {(uint64_t)-1, 0, 0}, false},
        {"socket(AF_UNIX, SOCK_STREAM)+close", "socket", {AF_UNIX, SOCK_STREAM, 0}, true},
    };
    bool found = false;
    for (size_t i = 0; i < sizeof cand / sizeof *cand && !found; i++) {
        uint32_t nr = nr_of(ctx, ARCH_X86_64, cand[i].sys);
        uint64_t none[6] = {0};
        if (!ir_conditional(ctx, ARCH_X86_64, nr, caps) || !ir_allows(ctx, cand[i].sys, cand[i].a, caps))
            continue;
        if (cand[i].close_fd && !ir_allows(ctx, "close", none, caps))
            continue;
        snprintf(r->cond_call.label, sizeof r->cond_call.label, "%s", cand[i].label);
        r->cond_call.nr = nr;
        memcpy(r->cond_call.a, cand[i].a, sizeof cand[i].a);
        r->cond_call.close_fd = cand[i].close_fd;
        found = r->cond_is_conditional = true;
    }
    static const char *const plain[] = {"getppid", "getpid", "gettid", "getuid"};
    bool have_plain = false;
    for (size_t i = 0; i < sizeof plain / sizeof *plain && !have_plain; i++) {
        uint32_t nr = nr_of(ctx, ARCH_X86_64, plain[i]);
        if (nr == 0xffffffffu || !ir_uncond_allow(ctx, ARCH_X86_64, nr, caps))
            continue;
        snprintf(r->plain_call.label, sizeof r->plain_call.label, "%s()", plain[i]);
        r->plain_call.nr = nr;
        have_plain = true;
    }
    if (!found) /* nothing argument-checked that we can call: any allowed call */
        r->cond_call = r->plain_call;
}

/* --libseccomp-json NAME=PATH: libseccomp builds policy NAME from PATH (e.g.
 * moby's own profile) instead of from polc's Docker JSON. */
static const char *lsc_json_for_name, *lsc_json_path;

/* The profile at path, for the x86_64 host's ABIs the policy targets: the
 * i386 sub-architecture is dropped (polc cannot target it with Docker's
 * socket condition, see bench/docker-default.pol). */
static char *reference_json(const char *path)
{
    json_object *j = json_object_from_file(path);
    if (!j)
        return NULL;
    json_object *am;
    if (json_object_object_get_ex(j, "archMap", &am))
        for (size_t i = 0; i < json_object_array_length(am); i++) {
            json_object *e = json_object_array_get_idx(am, i), *subs;
            if (!json_object_object_get_ex(e, "subArchitectures", &subs) || !json_object_is_type(subs, json_type_array))
                continue;
            json_object *keep = json_object_new_array();
            for (size_t k = 0; k < json_object_array_length(subs); k++) {
                json_object *sa = json_object_array_get_idx(subs, k);
                if (strcmp(json_object_get_string(sa), "SCMP_ARCH_X86") != 0)
                    json_object_array_add(keep, json_object_get(sa));
            }
            json_object_object_add(e, "subArchitectures", keep);
        }
    char *out = strdup(json_object_to_json_string_ext(j, JSON_C_TO_STRING_PLAIN));
    json_object_put(j);
    return out;
}

static double mean_of(const Exec *e) { return e->sum / (double)e->n; }

/* Instructions one program executes on average for the calls of profile q
 * on one arch (each call over the boundary argument vectors); NAN when the
 * arch has none of its names. */
static double profile_mean(const polc_ctx *ctx, ArchId a, const struct sock_filter *prog, size_t len, size_t q)
{
    double w = 0, s = 0;
    for (size_t k = 0; k < profiles[q].n; k++) {
        const SyscallEntry *e = syscalldb_lookup(&ctx->policy.db, a, profiles[q].e[k].name);
        if (!e)
            continue;
        double ex = 0;
        for (size_t v = 0; v < NVEC; v++) {
            struct seccomp_data d = {(int)e->nr, arch_info(a)->audit, 0, {0}};
            for (int i = 0; i < 6; i++)
                d.args[i] = boundary[v];
            ex += (double)bpf_run(prog, len, &d).executed / NVEC;
        }
        w += profiles[q].e[k].count;
        s += profiles[q].e[k].count * ex;
    }
    return w > 0 ? s / w : NAN;
}

/* The mean of profile_mean over the profiles (each normalised to 1 over the
 * names this arch has). */
static double profiles_mean(const polc_ctx *ctx, ArchId a, const struct sock_filter *prog, size_t len)
{
    double acc = 0;
    size_t used = 0;
    for (size_t q = 0; q < nprofiles; q++) {
        double m = profile_mean(ctx, a, prog, len, q);
        if (m == m) {
            acc += m;
            used++;
        }
    }
    return used ? acc / (double)used : NAN;
}

/* polc --frequency: the policy compiled once per profile, its search planned
 * for that profile, and measured on it; the mean over the profiles. */
static void tuned_means(const char *stdlib, const char *path, uint64_t caps, PolicyResult *r)
{
    double acc[ARCH__COUNT] = {0};
    size_t used[ARCH__COUNT] = {0};
    for (size_t q = 0; q < nprofiles; q++) {
        polc_ctx *ctx = polc_new();
        polc_add_stdlib_dir(ctx, stdlib);
        BpfProgram pq;
        if (polc_set_frequency_profile(ctx, profiles[q].path) != POLC_OK ||
            polc_compile_file(ctx, path, NULL) != POLC_OK || !bpf_generate(&(BackendRun){&ctx->policy, &ctx->opt.backend, &ctx->diag, &ctx->arena}, caps, &pq)) {
            polc_free(ctx);
            continue;
        }
        for (size_t i = 0; i < r->narch; i++) {
            double m = profile_mean(ctx, r->ar[i].arch, pq.insns, pq.len, q);
            if (m == m) {
                acc[i] += m;
                used[i]++;
            }
        }
        polc_free(ctx);
    }
    for (size_t i = 0; i < r->narch; i++)
        r->ar[i].tuned = used[i] ? acc[i] / (double)used[i] : NAN;
}

/* Every decision on x86_64 or x32 runs `ld [arch]`, its `jeq`, `ld [nr]` and
 * at least one instruction at its leaf (a `ret`, or argument tests ending in
 * one): 4, plus the jumps of the number search, which bpf_x86_64_x32_search_bound
 * bounds from below for every mix of the two arches. */
static void mean_bound(polc_ctx *ctx, uint64_t caps, PolicyResult *r)
{
    const ArchResult *a64 = NULL, *a32 = NULL;
    for (size_t i = 0; i < r->narch; i++) {
        if (r->ar[i].arch == ARCH_X86_64)
            a64 = &r->ar[i];
        else if (r->ar[i].arch == ARCH_X32)
            a32 = &r->ar[i];
    }
    if (!a64 || !a32)
        return;
    double t64 = 0.65 * mean_of(&a64->ex[P_O2]), t32 = 0.65 * mean_of(&a32->ex[P_O2]);
    for (unsigned pp = 0; pp <= 100; pp++) {
        double search;
        if (!bpf_x86_64_x32_search_bound(&(BackendRun){&ctx->policy, &ctx->opt.backend, &ctx->diag, &ctx->arena}, caps, pp, 100 - pp, &search))
            return;
        double p = pp / 100.0, lhs = 4 + search / 100.0, rhs = p * t64 + (1 - p) * t32;
        if (pp == 0)
            r->bound.floor32 = lhs;
        if (pp == 100)
            r->bound.floor64 = lhs;
        if (!r->bound.have || lhs - rhs > r->bound.lhs - r->bound.rhs)
            r->bound = (Bound){true, p, lhs, rhs, r->bound.floor64, r->bound.floor32};
    }
}

static int run_policy(const char *stdlib, const char *path, long ncalls, int runs, bool kernel, void *page,
                      PolicyResult *r)
{
    memset(r, 0, sizeof *r);
    polc_ctx *ctx = polc_new();
    polc_add_stdlib_dir(ctx, stdlib);
    char *json = NULL;
    size_t jlen;
    if (polc_compile_file(ctx, path, NULL) != POLC_OK || polc_emit(ctx, POLC_TARGET_DOCKER, &json, &jlen) != POLC_OK) {
        char *d = polc_render_diagnostics(ctx, POLC_DIAG_TEXT, 0);
        fprintf(stderr, "%s", d);
        free(d);
        polc_free(ctx);
        return 1;
    }
    snprintf(r->name, sizeof r->name, "%s", ctx->policy.name);
    if (lsc_json_for_name && strcmp(r->name, lsc_json_for_name) == 0) {
        free(json);
        json = reference_json(lsc_json_path);
        if (!json) {
            fprintf(stderr, "%s: cannot read %s\n", path, lsc_json_path);
            return 1;
        }
        snprintf(r->lsc_source, sizeof r->lsc_source, "%s", lsc_json_path);
    }
    const char *why;
    uint64_t caps = bpf_chosen_caps(&ctx->policy, &ctx->opt.backend, &why);
    BpfProgram pp;
    if (!bpf_generate(&(BackendRun){&ctx->policy, &ctx->opt.backend, &ctx->diag, &ctx->arena}, caps, &pp)) {
        fprintf(stderr, "%s: polc's BPF code generator failed\n", path);
        return 1;
    }
    /* libseccomp gets the same capability set */
    const char *capnames[65];
    size_t nc = 0;
    for (int c = 0; c < 64; c++)
        if ((caps & (1ull << c)) && cap_name(&ctx->policy, c))
            capnames[nc++] = cap_name(&ctx->policy, c);
    capnames[nc] = NULL;
    OracleOptions o = {capnames, 0, 0, 0, 1}; /* x86_64 host, no runc -ENOSYS stub */
    char err[512];
    OracleFilter *lf[NPROG] = {NULL};
    for (int p = P_O1; p <= P_O2; p++) {
        lf[p] = oracle_load_json_optimize(json, &o, p == P_O1 ? ORACLE_OPTIMIZE_DEFAULT : ORACLE_OPTIMIZE_BINARY_TREE,
                                          err, sizeof err);
        if (!lf[p]) {
            fprintf(stderr, "%s: libseccomp rejected polc's JSON: %s\n", path, err);
            return 1;
        }
    }
    r->skipped = oracle_skipped_names(lf[P_O2], NULL);
    const struct sock_filter *prog[NPROG];
    size_t plen[NPROG];
    prog[P_POLC] = pp.insns;
    plen[P_POLC] = pp.len;
    for (int p = P_O1; p <= P_O2; p++)
        prog[p] = oracle_bpf(lf[p], &plen[p]);
    for (int p = 0; p < NPROG && dump_dir; p++) {
        char fn[4096];
        snprintf(fn, sizeof fn, "%s/%s.%s.bpf", dump_dir, r->name, prog_name[p]);
        FILE *f = fopen(fn, "wb");
        if (!f || fwrite(prog[p], sizeof *prog[p], plen[p], f) != plen[p]) {
            fprintf(stderr, "bench_bpf: cannot write %s\n", fn);
            return 1;
        }
        fclose(f);
    }
    for (int p = 0; p < NPROG; p++) {
        r->len[p] = plen[p];
        r->longest[p] = longest_path(prog[p], plen[p]);
    }

    /* per arch: executed instructions, cacheability, ranges */
    for (int a = 0; a < ARCH__COUNT; a++) {
        if (!(ctx->policy.arch_mask & (1u << a)))
            continue;
        ArchResult *ar = &r->ar[r->narch++];
        ar->arch = (ArchId)a;
        size_t l = strlen(r->arches);
        snprintf(r->arches + l, sizeof r->arches - l, "%s%s", l ? "," : "", arch_info((ArchId)a)->name);
        const ArchTable *t = &ctx->policy.db.arch[a];
        uint32_t audit = arch_info((ArchId)a)->audit;
        for (int p = 0; p < NPROG; p++)
            ar->ex[p].min = SIZE_MAX;
        for (size_t i = 0; i < t->len; i++) {
            uint32_t nr = t->entries[i].nr;
            bool uncond = ir_uncond_allow(ctx, (ArchId)a, nr, caps);
            uint32_t zero_ret[NPROG] = {0};
            for (size_t v = 0; v < NVEC; v++) {
                struct seccomp_data d = {(int)nr, audit, 0, {0}};
                for (int k = 0; k < 6; k++)
                    d.args[k] = boundary[v];
                for (int p = 0; p < NPROG; p++) {
                    BpfResult br = bpf_run(prog[p], plen[p], &d);
                    Exec *e = &ar->ex[p];
                    e->n++;
                    e->sum += (double)br.executed;
                    if (br.executed < e->min)
                        e->min = br.executed;
                    if (br.executed > e->max) {
                        e->max = br.executed;
                        e->worst = t->entries[i].name;
                    }
                    if (v == 0)
                        zero_ret[p] = br.ret;
                }
            }
            for (int p = 0; p < NPROG; p++) {
                if (zero_ret[p] != zero_ret[P_POLC])
                    ar->differ[p]++;
                if (uncond && zero_ret[p] == SECCOMP_RET_ALLOW) {
                    ar->uncond[p]++;
                    if (kernel_cacheable(prog[p], plen[p], audit, nr))
                        ar->cacheable[p]++;
                }
            }
        }
        for (int p = 0; p < NPROG; p++)
            ar->ex[p].wmean = profiles_mean(ctx, (ArchId)a, prog[p], plen[p]);
        uint32_t lo = a == ARCH_X32 ? X32_BIT : 0, hi = a == ARCH_X86_64 ? X32_BIT - 1 : 0xfffffffeu;
        ar->ranges = count_ranges(ctx, (ArchId)a, caps, lo, hi);
    }

    mean_bound(ctx, caps, r);
    tuned_means(stdlib, path, caps, r);

    /* ns per call */
    choose_calls(ctx, caps, page, r);
    for (int p = 0; p <= NPROG; p++)
        r->ns_cond[p] = r->ns_plain[p] = NAN;
    if (kernel) {
        double *vc[NPROG + 1], *vp[NPROG + 1];
        for (int p = 0; p <= NPROG; p++) {
            vc[p] = calloc((size_t)runs, sizeof(double));
            vp[p] = calloc((size_t)runs, sizeof(double));
        }
        char whybuf[256];
        bool ok = true;
        for (int run = 0; run < runs && ok; run++)
            for (int p = 0; p <= NPROG && ok; p++) { /* interleaved: drift hits every filter alike */
                const struct sock_filter *f = p < NPROG ? prog[p] : NULL;
                size_t fl = p < NPROG ? plen[p] : 0;
                vc[p][run] = time_call(f, fl, &r->cond_call, ncalls, whybuf, sizeof whybuf);
                vp[p][run] = time_call(f, fl, &r->plain_call, ncalls, whybuf, sizeof whybuf);
                if (vc[p][run] < 0 || vp[p][run] < 0) {
                    snprintf(r->fail, sizeof r->fail, "%s: %s", p < NPROG ? prog_name[p] : "no filter", whybuf);
                    ok = false;
                }
            }
        for (int p = 0; p <= NPROG; p++) {
            if (ok) {
                r->ns_cond[p] = median(vc[p], runs);
                r->ns_plain[p] = median(vp[p], runs);
            }
            free(vc[p]);
            free(vp[p]);
        }
    }
    for (int p = P_O1; p <= P_O2; p++)
        oracle_free(lf[p]);
    free(json);
    polc_free(ctx);
    return 0;
}

/* ---- output ---- */

static void print_exec(const Exec *e) { printf(" %3zu/%5.1f/%3zu %6.1f ", e->min, e->sum / (double)e->n, e->max, e->wmean); }

static void status(const char *what, bool ok) { printf("  %-78s %s\n", what, ok ? "met" : "NOT met"); }

static void targets(const PolicyResult *r)
{
    char line[160];
    printf("\ntargets for Docker's default (%s; polc cannot target x86 with its socket condition):\n", r->arches);
    double ratio = (double)r->len[P_POLC] / (double)r->len[P_O2];
    snprintf(line, sizeof line, "program length %zu <= 0.2 x libseccomp opt2's %zu (%.2fx)", r->len[P_POLC], r->len[P_O2],
             ratio);
    status(line, ratio <= 0.2);
    for (size_t i = 0; i < r->narch; i++) {
        const ArchResult *ar = &r->ar[i];
        const char *an = arch_info(ar->arch)->name;
        double m = ar->ex[P_POLC].sum / (double)ar->ex[P_POLC].n, mo = ar->ex[P_O2].sum / (double)ar->ex[P_O2].n;
        snprintf(line, sizeof line, "%s: mean executed %.2f <= 0.65 x libseccomp opt2's %.2f (%.2fx)", an, m, mo, m / mo);
        status(line, m <= 0.65 * mo);
        double bound = ceil(log2((double)ar->ranges)) + 4;
        double w = ar->ex[P_POLC].wmean, wo = ar->ex[P_O2].wmean;
        printf("  (info) %s: profile-weighted mean executed %.2f vs libseccomp opt2's %.2f (%.2fx)\n", an, w, wo, w / wo);
        snprintf(line, sizeof line, "%s: mean executed %.2f within 1.2 x (ceil(log2(%zu ranges)) + 4 = %.0f) = %.1f", an, m,
                 ar->ranges, bound, 1.2 * bound);
        status(line, m <= 1.2 * bound);
        snprintf(line, sizeof line, "%s: worst executed %zu (%s) <= libseccomp opt2's worst %zu (%s)", an,
                 ar->ex[P_POLC].max, ar->ex[P_POLC].worst, ar->ex[P_O2].max, ar->ex[P_O2].worst);
        status(line, ar->ex[P_POLC].max <= ar->ex[P_O2].max);
        snprintf(line, sizeof line, "%s: unconditionally allowed syscalls cacheable: %zu of %zu", an,
                 ar->cacheable[P_POLC], ar->uncond[P_POLC]);
        status(line, ar->cacheable[P_POLC] == ar->uncond[P_POLC]);
    }
    snprintf(line, sizeof line, "longest path through the program %zu <= libseccomp opt2's %zu (static bound, all arches)",
             r->longest[P_POLC], r->longest[P_O2]);
    printf("  (info) %s\n", line);
    const Bound *b = &r->bound;
    if (!b->have)
        return;
    printf("\nbound for every program of this shape: ld [arch], jeq, ld [nr], one search tree over the x86_64\n"
           "and x32 ranges (a binary search, or with polc's jeq nodes), a leaf of >= 1 instruction:\n");
    printf("  %.2f x mean(x86_64) + %.2f x mean(x32) >= %.3f; the same mix of the two targets is %.3f: %s\n", b->p,
           1 - b->p, b->lhs, b->rhs, b->lhs > b->rhs ? "not both reachable" : "not ruled out");
    printf("  one arch alone, the other ignored: x86_64 >= %.3f, x32 >= %.3f\n", b->floor64, b->floor32);
}

int main(int argc, char **argv)
{
    long ncalls = 200000;
    int runs = 7;
    bool kernel = true;
    int i = 1;
    for (; i < argc && argv[i][0] == '-' && argv[i][1] == '-'; i++) {
        if (strcmp(argv[i], "--calls") == 0 && i + 1 < argc)
            ncalls = atol(argv[++i]);
        else if (strcmp(argv[i], "--runs") == 0 && i + 1 < argc)
            runs = atoi(argv[++i]);
        else if (strcmp(argv[i], "--no-kernel") == 0)
            kernel = false;
        else if (strcmp(argv[i], "--libseccomp-json") == 0 && i + 1 < argc && strchr(argv[i + 1], '=')) {
            char *spec = argv[++i], *eq = strchr(spec, '=');
            *eq = '\0';
            lsc_json_for_name = spec, lsc_json_path = eq + 1;
        } else if (strcmp(argv[i], "--dump") == 0 && i + 1 < argc)
            dump_dir = argv[++i];
        else
            break;
    }
    if (argc - i < 3 || ncalls <= 0 || runs <= 0) {
        fprintf(stderr, "usage: bench_bpf [--calls N] [--runs R] [--no-kernel] [--dump DIR] [--libseccomp-json NAME=PATH] STDLIB_DIR PROFILES_DIR POLICY.pol...\n");
        return 2;
    }
    const char *stdlib = argv[i], *profdir = argv[i + 1];
    load_profiles(profdir);
    shared = mmap(NULL, sizeof *shared, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    void *page = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (shared == MAP_FAILED || page == MAP_FAILED)
        return 2;
    size_t npol = (size_t)(argc - i - 2);
    PolicyResult *res = calloc(npol, sizeof *res);
    for (size_t k = 0; k < npol; k++) {
        fprintf(stderr, "bench_bpf: %s\n", argv[i + 2 + k]);
        if (run_policy(stdlib, argv[i + 2 + k], ncalls, runs, kernel, page, &res[k]))
            return 1;
    }

    printf("polc BPF vs libseccomp %u.%u.%u from polc's Docker JSON (as runc builds it, without runc's -ENOSYS stub);\n"
           "lsc-o1: libseccomp's default optimisation, lsc-o2: SCMP_FLTATR_CTL_OPTIMIZE=2 (binary tree; runc's choice\n"
           "above 32 rules). Capabilities: each policy's own set (Docker's default set without a capabilities section).\n",
           seccomp_version()->major, seccomp_version()->minor, seccomp_version()->micro);
    printf("profiles (weights, each normalised, then averaged):");
    for (size_t q = 0; q < nprofiles; q++)
        printf(" %s (%.0f calls)", profiles[q].file, profiles[q].total);
    printf("\n\n1. program length (instructions; longest path through the program in parentheses)\n");
    printf("%-16s %-22s %12s %12s %12s %9s\n", "policy", "arches", "polc", "lsc-o1", "lsc-o2", "polc/o2");
    for (size_t k = 0; k < npol; k++) {
        const PolicyResult *r = &res[k];
        printf("%-16s %-22s", r->name, r->arches);
        for (int p = 0; p < NPROG; p++) {
            char b[32];
            snprintf(b, sizeof b, "%zu (%zu)", r->len[p], r->longest[p]);
            printf(" %12s", b);
        }
        printf(" %8.2fx\n", (double)r->len[P_POLC] / (double)r->len[P_O2]);
    }

    printf("\n2. instructions executed per decision: min/mean/max over every syscall in polc's table x %zu argument\n"
           "   vectors (all zero; all six = 1, 0x7fffffff, 0x80000000, 0xffffffff, 2^32, 2^64-1), then the\n"
           "   profile-weighted mean; tuned: the same weighted mean when polc plans the search with each profile\n"
           "   (--frequency; program measured on the profile it was planned for); ranges = leaves of polc's\n"
           "   number dispatch (runs of numbers, one decision)\n",
           NVEC);
    printf("%-16s %-8s %6s  %-21s %6s %-21s %-21s\n", "policy", "arch", "ranges", "polc min/mean/max wtd", "tuned",
           "lsc-o1", "lsc-o2");
    for (size_t k = 0; k < npol; k++)
        for (size_t a = 0; a < res[k].narch; a++) {
            const ArchResult *ar = &res[k].ar[a];
            printf("%-16s %-8s %6zu ", res[k].name, arch_info(ar->arch)->name, ar->ranges);
            for (int p = 0; p < NPROG; p++) {
                print_exec(&ar->ex[p]);
                if (p == P_POLC)
                    printf("%5.1f  ", ar->tuned);
            }
            printf("\n");
        }

    printf("\n3. unconditionally allowed syscalls the program allows / of them cacheable (kernel walk, arch+nr only)\n");
    printf("%-16s %-8s %12s %12s %12s   %s\n", "policy", "arch", "polc", "lsc-o1", "lsc-o2", "zero-arg decisions != polc (o1/o2)");
    for (size_t k = 0; k < npol; k++)
        for (size_t a = 0; a < res[k].narch; a++) {
            const ArchResult *ar = &res[k].ar[a];
            printf("%-16s %-8s", res[k].name, arch_info(ar->arch)->name);
            for (int p = 0; p < NPROG; p++) {
                char b[32];
                snprintf(b, sizeof b, "%zu/%zu", ar->uncond[p], ar->cacheable[p]);
                printf(" %12s", b);
            }
            printf("   %zu/%zu\n", ar->differ[P_O1], ar->differ[P_O2]);
        }

    if (kernel) {
        printf("\n4. ns per call, %ld calls in a loop, median of %d runs, each in a forked child with the filter\n"
               "   loaded (NO_NEW_PRIVS + seccomp(2)); 'none': no filter\n", ncalls, runs);
        printf("%-16s %-36s %7s %7s %7s %7s   %-10s %7s %7s %7s %7s\n", "policy", "argument-checked call", "none", "polc",
               "lsc-o1", "lsc-o2", "plain call", "none", "polc", "lsc-o1", "lsc-o2");
        for (size_t k = 0; k < npol; k++) {
            const PolicyResult *r = &res[k];
            if (r->fail[0]) {
                printf("%-16s not measured: %s\n", r->name, r->fail);
                continue;
            }
            char lab[64];
            snprintf(lab, sizeof lab, "%s%s", r->cond_call.label, r->cond_is_conditional ? "" : " (no arg check)");
            printf("%-16s %-36s %7.1f %7.1f %7.1f %7.1f   %-10s %7.1f %7.1f %7.1f %7.1f\n", r->name, lab,
                   r->ns_cond[NPROG], r->ns_cond[P_POLC], r->ns_cond[P_O1], r->ns_cond[P_O2], r->plain_call.label,
                   r->ns_plain[NPROG], r->ns_plain[P_POLC], r->ns_plain[P_O1], r->ns_plain[P_O2]);
        }
    }
    for (size_t k = 0; k < npol; k++)
        if (res[k].skipped)
            printf("note: %s: %zu syscall names unknown to this libseccomp (left out of its programs)\n", res[k].name,
                   res[k].skipped);
    for (size_t k = 0; k < npol; k++)
        if (res[k].lsc_source[0])
            printf("note: %s: libseccomp builds it from %s (its i386 sub-architecture dropped), not from polc's "
                   "Docker JSON\n", res[k].name, res[k].lsc_source);
    for (size_t k = 0; k < npol; k++)
        if (strcmp(res[k].name, "docker-default") == 0)
            targets(&res[k]);
    free(res);
    return 0;
}

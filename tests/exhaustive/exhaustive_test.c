/* exhaustive_test: every small policy of one syscall, decided three ways on
 * every boundary vector (issue 13).
 *
 * The syscall is x86_64's arch_prctl(option: i32, addr: ulong): one 32-bit
 * and one 64-bit argument. A policy has one or two rules for it (plus the
 * default); a rule is unconditional or has one condition on one argument:
 * ==, !=, <, <=, >, >= against a boundary constant, or a mask test
 * (`arg & M`, `arg & M == 0`, `arg & M == lowbit(M)`). The 32-bit argument
 * only gets the constants polc accepts for it (E0300 refuses the rest).
 * Actions: allow, errno(1), errno(2), kill-process, trap, log; the default
 * from the same set.
 *   phase 1: every condition x every rule action x every default;
 *   phase 2: every ordered pair of conditions, the (action, action, default)
 *            triple taken in turn from all 216, so that every triple meets
 *            many condition pairs (--full: every triple with every pair,
 *            ~3.8M policies, for a manual run).
 * Each policy is compiled in-process without the prelude (numbers only;
 * against a copy of the stdlib cut down to what it uses, see
 * make_min_stdlib), then, on the cross product of the values around the
 * IR's constants for the two arguments (the 32-bit one also with a junk
 * high half, 0xdeadbeef00000000 | low), compared:
 *   (a) ir_eval, the reference;
 *   (b) polc's BPF program in the in-tree interpreter;
 *   (c) polc's Docker JSON compiled by libseccomp as runc does it, with
 *       runc's -ENOSYS stub (tests/oracle; runc's optimisation level, 1 for
 *       so few rules) and
 *   (d) the same at optimisation level 2 (binary tree).
 * libseccomp runs in a child that gets 2 s of CPU time per level (2.5.4
 * hangs on some rule sets, as in tests/fuzz/fuzz_differential.c): a hang
 * is a failure. A libseccomp answer that differs from the IR is also
 * checked against the JSON read literally, to say whose fault it is. A
 * libseccomp program over 4096 instructions (polc cannot know its size) is
 * the known limit fuzz_differential counts too: counted, not a failure.
 * Refusals (polc's diagnostics: compile errors, the Docker back end's
 * E04xx) are counted by code, not failures; a Docker refusal still
 * compares (a) with (b).
 * Prints the counts, the first few examples of each class of disagreement
 * (EXH_EXAMPLES=N for more) and the one with the shortest policy; exits 1
 * on any disagreement. EXH_ROTATE=K pairs phase 2's conditions with other
 * triples (the turn starts at K).
 *
 * usage: exhaustive_test [--full] [--quiet] [--policy FILE]
 *   --policy FILE: that policy alone (e.g. an example printed here). */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>


#include "backend/backend.h"
#include "bpf/asm.h"
#include "compile.h"
#include "middle/ir.h"
#include "oracle.h"
#include "../common/test_values.h"

#define SYSCALL "arch_prctl"
#define SYSCALL_NR 158u
#define OTHER "getpid"
#define OTHER_NR 39u /* OTHER: the default */

static const char *const ARGNAME[2] = {"option", "addr"}; /* arg0: i32, arg1: ulong */

/* ---- the policies ---- */

static const uint64_t K64[] = {0,          1,           0x7fffffff,          0x80000000,           0xfffffffe,
                               0xffffffff, 0x100000000, 0x7fffffffffffffff, 0x8000000000000000ull, UINT64_MAX};
/* what polc accepts for a 32-bit argument (UINT64_MAX is -1) */
static const uint64_t K32[] = {0, 1, 0x7fffffff, 0x80000000, 0xfffffffe, 0xffffffff, UINT64_MAX};
static const uint64_t M64[] = {1,          0x80000000,           0xffffffff,           0x100000000,
                               0x80000001, 0x8000000000000000ull, 0xffffffff00000000ull, UINT64_MAX};
static const uint64_t M32[] = {1, 0x80000000, 0xffffffff, 0x80000001};
#define N(a) (sizeof a / sizeof *a)

static const char *const OPS[] = {"==", "!=", "<", "<=", ">", ">="};

#define MAX_CONDS 256
static char conds[MAX_CONDS][80]; /* conds[0] = "": unconditional */
static size_t nconds;

static void add_cond(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void add_cond(const char *fmt, ...)
{
    if (nconds == MAX_CONDS) {
        fprintf(stderr, "exhaustive_test: MAX_CONDS too small\n");
        exit(2);
    }
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(conds[nconds++], sizeof conds[0], fmt, ap);
    va_end(ap);
}

static void make_conds(void)
{
    add_cond("%s", "");
    for (int a = 0; a < 2; a++) {
        const uint64_t *k = a ? K64 : K32, *m = a ? M64 : M32;
        size_t nk = a ? N(K64) : N(K32), nm = a ? N(M64) : N(M32);
        for (size_t o = 0; o < N(OPS); o++)
            for (size_t i = 0; i < nk; i++)
                add_cond("%s %s %#llx", ARGNAME[a], OPS[o], (unsigned long long)k[i]);
        for (size_t i = 0; i < nm; i++) {
            unsigned long long mk = m[i], low = m[i] & (0 - m[i]);
            add_cond("%s & %#llx", ARGNAME[a], mk);
            add_cond("%s & %#llx == 0", ARGNAME[a], mk);
            if (low != mk)
                add_cond("%s & %#llx == %#llx", ARGNAME[a], mk, low);
        }
    }
}

static const char *const ACTIONS[] = {"allow", "errno(1)", "errno(2)", "kill-process", "trap", "log"};
#define NACT N(ACTIONS)

typedef struct Text {
    char s[4096];
    size_t len;
} Text;

static void put(Text *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void put(Text *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int k = vsnprintf(t->s + t->len, sizeof t->s - t->len, fmt, ap);
    va_end(ap);
    if (k > 0)
        t->len = t->len + (size_t)k < sizeof t->s ? t->len + (size_t)k : sizeof t->s - 1;
}

static void put_rule(Text *t, size_t act, size_t cond)
{
    const char *a = ACTIONS[act];
    if (!strncmp(a, "errno", 5))
        put(t, "  deny " SYSCALL " %s", a);
    else
        put(t, "  %s " SYSCALL, a);
    if (conds[cond][0])
        put(t, " if %s", conds[cond]);
    put(t, "\n");
}

/* nrules 1 or 2; c[]/a[] the rules' conditions and actions */
static void make_policy(Text *t, size_t dflt, int nrules, const size_t *c, const size_t *a)
{
    t->len = 0;
    t->s[0] = 0;
    put(t, "policy exh\narch x86_64\ndefault %s\nsyscalls {\n", ACTIONS[dflt]);
    for (int i = 0; i < nrules; i++)
        put_rule(t, a[i], c[i]);
    put(t, "}\n");
}

/* ---- libseccomp in a child, with a time limit ---- */

enum { LV_RUNC, LV_TREE, NLEVELS };
static const int LEVEL_OPT[NLEVELS] = {ORACLE_OPTIMIZE_RUNC, ORACLE_OPTIMIZE_BINARY_TREE};
static const char *const LEVEL_NAME[NLEVELS] = {"libseccomp (runc's level)", "libseccomp (level 2)"};

typedef struct OracleProg {
    enum { OP_OK, OP_REJECTED, OP_HANG, OP_CRASH } state;
    struct sock_filter insns[BPF_INTERP_MAX_INSNS];
    size_t len;
    char err[256];
} OracleProg;

static bool write_all(int fd, const void *p, size_t n)
{
    const char *c = p;
    while (n) {
        ssize_t k = write(fd, c, n);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            return false;
        c += k;
        n -= (size_t)k;
    }
    return true;
}

static size_t read_all(int fd, void *p, size_t n) /* bytes read before EOF */
{
    char *c = p;
    size_t got = 0;
    while (got < n) {
        ssize_t k = read(fd, c + got, n - got);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            break;
        got += (size_t)k;
    }
    return got;
}

/* One child runs libseccomp for every policy (a fork per policy would cost
 * more than the rest): the parent sends uint32 first level, uint32 length
 * and the JSON; the child answers per level from the first: uint32 status (0 ok, 1 rejected), uint32 length, then
 * the instructions or the message. A level that does not answer within 2 s
 * of CPU time is a hang: the child is killed, and a new one asked for the
 * next level. */
static pid_t server_pid = -1;
static int to_server = -1, from_server = -1;

static void server_loop(int in, int out)
{
    for (;;) {
        uint32_t req[2]; /* first level, length */
        char *json;
        if (read_all(in, req, sizeof req) != sizeof req || !(json = malloc((size_t)req[1] + 1)) ||
            read_all(in, json, req[1]) != req[1])
            _exit(0);
        json[req[1]] = 0;
        for (int lv = (int)req[0]; lv < NLEVELS; lv++) {
            char err[256] = "";
            OracleOptions oo = {NULL, 0, 0, 0, 0}; /* with runc's -ENOSYS stub: what runc loads */
            OracleFilter *f = oracle_load_json_optimize(json, &oo, LEVEL_OPT[lv], err, sizeof err);
            uint32_t hdr[2];
            if (f) {
                size_t len = 0;
                const struct sock_filter *p = oracle_bpf(f, &len);
                hdr[0] = 0;
                hdr[1] = (uint32_t)len;
                if (!write_all(out, hdr, sizeof hdr) || !write_all(out, p, len * sizeof *p))
                    _exit(3);
                oracle_free(f);
            } else {
                hdr[0] = 1;
                hdr[1] = (uint32_t)strlen(err);
                if (!write_all(out, hdr, sizeof hdr) || !write_all(out, err, hdr[1]))
                    _exit(3);
            }
        }
        free(json);
    }
}

static void server_stop(void)
{
    if (server_pid < 0) {
        to_server = from_server = -1;
        return;
    }
    close(to_server);
    close(from_server);
    kill(server_pid, SIGKILL);
    while (waitpid(server_pid, NULL, 0) < 0 && errno == EINTR)
        ;
    server_pid = -1;
}

static void server_start(void)
{
    int req[2], resp[2];
    if (pipe(req) < 0 || pipe(resp) < 0) {
        perror("pipe");
        exit(2);
    }
    fflush(NULL);
    server_pid = fork();
    if (server_pid < 0) {
        perror("fork");
        exit(2);
    }
    if (server_pid == 0) {
        close(req[1]);
        close(resp[0]);
        server_loop(req[0], resp[1]);
        _exit(0);
    }
    close(req[0]);
    close(resp[1]);
    to_server = req[1];
    from_server = resp[0];
}

/* The child's CPU time so far, in clock ticks (/proc/PID/stat utime + stime);
 * -1 if unknown. */
static long child_cpu_ticks(pid_t pid)
{
    char path[64], buf[1024];
    snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = 0;
    const char *p = strrchr(buf, ')'); /* the command name may hold spaces */
    unsigned long ut, stt;
    /* after ") ": state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime */
    if (!p || sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu", &ut, &stt) != 2)
        return -1;
    return (long)(ut + stt);
}

/* An answer within HANG_CPU_SECONDS of the child's CPU time (the 2 s of
 * fuzz_differential's alarm, but CPU time, so that a loaded machine or an
 * ASan build does not make a slow answer a hang), and within
 * HANG_WALL_SECONDS in any case. */
#define HANG_CPU_SECONDS 2
#define HANG_WALL_SECONDS 30
static bool wait_readable(int fd)
{
    struct pollfd p = {fd, POLLIN, 0};
    long hz = sysconf(_SC_CLK_TCK), start = child_cpu_ticks(server_pid);
    for (int waited = 0; waited < HANG_WALL_SECONDS * 10; waited++) {
        int k;
        while ((k = poll(&p, 1, 100)) < 0 && errno == EINTR)
            ;
        if (k > 0)
            return true;
        long now = child_cpu_ticks(server_pid);
        if (start < 0 || now < 0) { /* no /proc: wall time */
            if (waited >= HANG_CPU_SECONDS * 10)
                return false;
        } else if (now - start >= HANG_CPU_SECONDS * hz)
            return false;
    }
    return false;
}

static void run_oracles(const char *json, OracleProg out[NLEVELS])
{
    for (int lv = 0; lv < NLEVELS;) {
        if (server_pid < 0)
            server_start();
        uint32_t req[2] = {(uint32_t)lv, (uint32_t)strlen(json)};
        bool hang = false;
        if (write_all(to_server, req, sizeof req) && write_all(to_server, json, req[1]))
            for (; lv < NLEVELS; lv++) {
                uint32_t hdr[2];
                if (!wait_readable(from_server)) {
                    hang = true;
                    break;
                }
                if (read_all(from_server, hdr, sizeof hdr) != sizeof hdr)
                    break;
                OracleProg *o = &out[lv];
                if (hdr[0] == 0 && hdr[1] <= BPF_INTERP_MAX_INSNS &&
                    read_all(from_server, o->insns, hdr[1] * sizeof *o->insns) == hdr[1] * sizeof *o->insns) {
                    o->state = OP_OK;
                    o->len = hdr[1];
                } else if (hdr[0] == 1 && hdr[1] < sizeof o->err) {
                    size_t k = read_all(from_server, o->err, hdr[1]);
                    o->err[k] = 0;
                    o->state = OP_REJECTED;
                } else
                    break;
            }
        if (lv < NLEVELS) { /* this level hung or the child died: a new child for the next */
            server_stop();
            out[lv++].state = hang ? OP_HANG : OP_CRASH;
        }
    }
}

/* ---- the JSON read literally, as runc documents it (oracle_profile_says,
 * what translation validation reads), to tell a libseccomp miscompile from
 * a wrong profile ---- */

/* ---- a stdlib with only what these policies use ----
 * Loading signatures.tbl on every compile took a third of the run: the
 * policies are compiled against a copy of the stdlib whose signatures.tbl
 * keeps only the syscall's line (the arch's number table and versions.tbl
 * are copied whole, so polc's BPF dispatch is the same). Every
 * SELF_CHECK_EVERY-th policy is also compiled with the real stdlib, and the
 * outputs must be byte for byte the same. */

#define SELF_CHECK_EVERY 64
static char min_stdlib[128];
static const char *stdlib_dir = min_stdlib; /* --policy: the real one */

static bool copy_file(const char *from, const char *to, const char *keep_only)
{
    FILE *in = fopen(from, "r"), *out = in ? fopen(to, "w") : NULL;
    if (!out) {
        if (in)
            fclose(in);
        return false;
    }
    char line[1024];
    size_t klen = keep_only ? strlen(keep_only) : 0;
    while (fgets(line, sizeof line, in))
        if (!keep_only || line[0] == '#' ||
            (!strncmp(line, keep_only, klen) && (line[klen] == ' ' || line[klen] == '@' || line[klen] == '\n')))
            fputs(line, out);
    fclose(in);
    return fclose(out) == 0;
}

static void make_min_stdlib(void)
{
    const char *tmp = getenv("TMPDIR");
    snprintf(min_stdlib, sizeof min_stdlib, "%.80s/polc-exh-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    char dir[160], from[512], to[192];
    if (!mkdtemp(min_stdlib) || (snprintf(dir, sizeof dir, "%s/syscalls", min_stdlib), mkdir(dir, 0700))) {
        perror("exhaustive_test: the minimal stdlib");
        exit(2);
    }
    static const char *const files[][2] = {{"x86_64.tbl", NULL}, {"versions.tbl", NULL}, {"signatures.tbl", SYSCALL}};
    for (size_t i = 0; i < N(files); i++) {
        snprintf(from, sizeof from, "%s/syscalls/%s", POLC_EXH_STDLIB_DIR, files[i][0]);
        snprintf(to, sizeof to, "%s/%s", dir, files[i][0]);
        if (!copy_file(from, to, files[i][1])) {
            fprintf(stderr, "exhaustive_test: cannot copy %s to %s\n", from, to);
            exit(2);
        }
    }
}

static void remove_min_stdlib(void)
{
    static const char *const files[] = {"x86_64.tbl", "versions.tbl", "signatures.tbl"};
    char p[192];
    for (size_t i = 0; i < N(files); i++) {
        snprintf(p, sizeof p, "%s/syscalls/%s", min_stdlib, files[i]);
        unlink(p);
    }
    snprintf(p, sizeof p, "%s/syscalls", min_stdlib);
    rmdir(p);
    rmdir(min_stdlib);
}

/* The policy compiled with the real stdlib must give the same outputs. */
static void self_check(const Text *policy, const char *json, const BpfProgram *prog)
{
    polc_ctx *ctx = polc_new();
    polc_add_stdlib_dir(ctx, POLC_EXH_STDLIB_DIR);
    polc_set_no_prelude(ctx, 1);
    polc_set_verify_libseccomp(ctx, 0);
    char *json2 = NULL;
    size_t len2 = 0;
    BpfProgram prog2;
    bool same = polc_compile_buffer(ctx, "exh.pol", policy->s, policy->len) == POLC_OK;
    if (same && json)
        same = polc_emit(ctx, POLC_TARGET_DOCKER, &json2, &len2) == POLC_OK && !strcmp(json, json2);
    same = same && bpf_generate(&(BackendRun){&ctx->policy, &ctx->opt.backend, &ctx->diag, &ctx->arena}, 0, &prog2) && prog2.len == prog->len &&
           !memcmp(prog2.insns, prog->insns, prog->len * sizeof *prog->insns);
    if (!same) {
        fprintf(stderr, "exhaustive_test: the minimal stdlib changes polc's output for\n%s", policy->s);
        exit(2);
    }
    free(json2);
    polc_free(ctx);
}

/* ---- the comparison ---- */

enum {
    CL_BPF,        /* polc's BPF differs from the IR */
    CL_JSON,       /* polc's Docker JSON, read literally, differs from the IR */
    CL_LIB_RUNC,   /* libseccomp (runc's level) differs from the IR and from the JSON it was given */
    CL_LIB_TREE,   /* the same at level 2 */
    CL_LIB_OTHER,  /* libseccomp differs from the IR, the JSON could not be read literally */
    CL_HANG_RUNC,  /* libseccomp does not finish in 2 s */
    CL_HANG_TREE,
    CL_CRASH,      /* the libseccomp child died otherwise */
    CL_REJECT,     /* libseccomp rejects polc's JSON */
    CL_BPFGEN,     /* bpf_generate failed on a policy that compiled */
    NCLASSES
};
static const char *const CLASS_NAME[NCLASSES] = {
    "polc's BPF != IR",
    "polc's Docker JSON (read literally) != IR",
    "libseccomp (runc's level) != IR, though the JSON says what the IR says",
    "libseccomp (level 2) != IR, though the JSON says what the IR says",
    "libseccomp != IR (JSON not read literally)",
    "libseccomp (runc's level) hangs",
    "libseccomp (level 2) hangs",
    "libseccomp's child crashed",
    "libseccomp rejects polc's Docker JSON",
    "polc's BPF generator failed",
};

typedef struct Stats {
    size_t policies, one_rule, two_rules, compiled, docker_ok, oracle_ok[NLEVELS];
    size_t decisions, bpf_decisions, lib_decisions[NLEVELS], vectors;
    size_t class_policies[NCLASSES], class_decisions[NCLASSES];
    size_t bad_policies, too_long[NLEVELS];
} Stats;
static char too_long_example[4096];
static Stats st;

#define MAX_CODES 32
static struct {
    char code[8];
    size_t n;
    char example[4096];
} refused[2][MAX_CODES]; /* [0] polc refuses to compile, [1] the Docker back end refuses */
static size_t nrefused[2];

static void count_refusal(int kind, const polc_ctx *ctx, const Text *policy)
{
    const char *code = "?";
    for (size_t i = 0; i < ctx->diag.list.len; i++)
        if (ctx->diag.list.items[i]->sev == SEV_ERROR) {
            code = ctx->diag.list.items[i]->code;
            break;
        }
    for (size_t i = 0; i < nrefused[kind]; i++)
        if (!strcmp(refused[kind][i].code, code)) {
            refused[kind][i].n++;
            return;
        }
    if (nrefused[kind] < MAX_CODES) {
        snprintf(refused[kind][nrefused[kind]].code, sizeof refused[kind][0].code, "%s", code);
        refused[kind][nrefused[kind]].n = 1;
        snprintf(refused[kind][nrefused[kind]].example, sizeof refused[kind][0].example, "%s", policy->s);
        nrefused[kind]++;
    }
}

static size_t max_examples = 3;
static bool class_seen_in_policy[NCLASSES];
/* per class, the example with the shortest policy text: the minimal one */
static size_t shortest_len[NCLASSES]; /* SIZE_MAX: none yet */
static char *shortest_example[NCLASSES];

static void report(int cl, const Text *policy, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void report(int cl, const Text *policy, const char *fmt, ...)
{
    static char msg[8192];
    st.class_decisions[cl]++;
    if (class_seen_in_policy[cl])
        return; /* one example per policy and class */
    class_seen_in_policy[cl] = true;
    st.class_policies[cl]++;
    bool first = st.class_policies[cl] <= max_examples, shortest = policy->len < shortest_len[cl];
    if (!first && !shortest)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (first)
        printf("DISAGREEMENT [%s] #%zu: %s\n%s\n", CLASS_NAME[cl], st.class_policies[cl], msg, policy->s);
    if (shortest) {
        shortest_len[cl] = policy->len;
        free(shortest_example[cl]);
        size_t n = strlen(msg) + policy->len + 2;
        shortest_example[cl] = malloc(n);
        if (shortest_example[cl])
            snprintf(shortest_example[cl], n, "%s\n%s", msg, policy->s);
    }
}

#define MAX_VALUES 64

static void add_low_junk(TestValues *vs, uint64_t v)
{
    test_values_add(vs, v);
    test_values_add(vs, 0xdeadbeef00000000ull | (v & 0xffffffffu));
}

/* The values around each constant the IR compares argument `arg` with. */
static void collect_values(const Ir *ir, unsigned arg, TestValues *vs)
{
    static const uint64_t base[] = {0, 1, 0x7fffffff, 0x80000000, 0xffffffff, 0x100000000ull, UINT64_MAX};
    TestValues raw = TEST_VALUES(MAX_VALUES);
    for (size_t i = 0; i < N(base); i++)
        test_values_add(&raw, base[i]);
    for (size_t a = 0; a < ir->arches.len; a++) {
        const IrArch *ia = &ir->arches.items[a];
        for (size_t s = 0; s < ia->syscalls.len; s++) {
            const IrSyscall *sc = &ia->syscalls.items[s];
            for (unsigned k = 0; k < (1u << sc->ncaps); k++)
                for (size_t c = 0; c < sc->scenarios[k].cases.len; c++) {
                    Dnf d = sc->scenarios[k].cases.items[c].cond;
                    for (size_t t = 0; t < d.n; t++)
                        for (size_t x = 0; x < d.terms[t].n; x++) {
                            const Atom *at = &d.terms[t].atoms[x];
                            if (at->arg != arg)
                                continue;
                            test_values_add(&raw, at->value);
                            test_values_add(&raw, at->value + 1);
                            test_values_add(&raw, at->value - 1);
                            if (at->op == A_MASKED_EQ) {
                                test_values_add(&raw, at->mask);
                                test_values_add(&raw, at->mask | at->value);
                                test_values_add(&raw, at->value ^ (at->mask & (0 - at->mask)));
                                test_values_add(&raw, ~at->mask);
                            }
                        }
                }
        }
    }
    for (size_t i = 0; i < raw.n; i++)
        if (arg == 0)
            add_low_junk(vs, raw.v[i]);
        else
            test_values_add(vs, raw.v[i]);
}

static const char *action_name(uint32_t ret, char *buf, size_t n)
{
    uint32_t act = ret & SECCOMP_RET_ACTION_FULL, data = ret & SECCOMP_RET_DATA;
    const char *s = act == SECCOMP_RET_ALLOW           ? "allow"
                    : act == SECCOMP_RET_LOG           ? "log"
                    : act == SECCOMP_RET_TRAP          ? "trap"
                    : act == SECCOMP_RET_KILL_PROCESS  ? "kill-process"
                    : act == SECCOMP_RET_KILL_THREAD   ? "kill-thread"
                    : act == SECCOMP_RET_ERRNO         ? "errno"
                    : act == SECCOMP_RET_TRACE         ? "trace"
                                                       : "?";
    if (act == SECCOMP_RET_ERRNO || act == SECCOMP_RET_TRACE)
        snprintf(buf, n, "%s(%u)", s, data);
    else
        snprintf(buf, n, "%s", s);
    return buf;
}

static void run_policy(const Text *policy)
{
    st.policies++;
    memset(class_seen_in_policy, 0, sizeof class_seen_in_policy);
    polc_ctx *ctx = polc_new();
    polc_add_stdlib_dir(ctx, stdlib_dir);
    polc_set_no_prelude(ctx, 1);
    /* this test compares the back ends with libseccomp itself (and counts
     * what libseccomp cannot build): the compile's own libseccomp check
     * would turn a back end's mistake into a refusal */
    polc_set_verify_libseccomp(ctx, 0);
    if (polc_compile_buffer(ctx, "exh.pol", policy->s, policy->len) != POLC_OK) {
        count_refusal(0, ctx, policy);
        polc_free(ctx);
        return;
    }
    st.compiled++;
    char *json = NULL;
    size_t jlen = 0;
    OracleProg lib[NLEVELS];
    OracleFilter *literal_profile = NULL;
    if (polc_emit(ctx, POLC_TARGET_DOCKER, &json, &jlen) != POLC_OK) {
        count_refusal(1, ctx, policy);
        json = NULL;
    } else {
        st.docker_ok++;
        OracleOptions ro = {NULL, 0, 0, 0, 1};
        char rerr[256];
        literal_profile = oracle_load_rules(json, &ro, rerr, sizeof rerr);
        run_oracles(json, lib);
        for (int lv = 0; lv < NLEVELS; lv++) {
            if (lib[lv].state == OP_OK) {
                st.oracle_ok[lv]++;
                continue;
            }
            if (lib[lv].state == OP_REJECTED && strstr(lib[lv].err, "program length must be 1..4096")) {
                /* polc cannot know the size of libseccomp's program: a known
                 * limit (docs/fuzzing.md), counted, not a disagreement */
                st.too_long[lv]++;
                if (!too_long_example[0])
                    snprintf(too_long_example, sizeof too_long_example, "%s", policy->s);
                continue;
            }
            int cl = lib[lv].state == OP_HANG     ? (lv == LV_RUNC ? CL_HANG_RUNC : CL_HANG_TREE)
                     : lib[lv].state == OP_CRASH  ? CL_CRASH
                                                  : CL_REJECT;
            report(cl, policy, "%s%s\nJSON: %s", lib[lv].state == OP_REJECTED ? lib[lv].err : "",
                   lib[lv].state == OP_REJECTED ? "" : LEVEL_NAME[lv], json);
        }
    }
    BpfProgram prog;
    if (!bpf_generate(&(BackendRun){&ctx->policy, &ctx->opt.backend, &ctx->diag, &ctx->arena}, 0, &prog)) {
        report(CL_BPFGEN, policy, "bpf_generate failed");
        free(json);
        oracle_free(literal_profile);
        polc_free(ctx);
        return;
    }
    if (stdlib_dir == min_stdlib && st.compiled % SELF_CHECK_EVERY == 1)
        self_check(policy, json, &prog);
    TestValues v0 = TEST_VALUES(MAX_VALUES), v1 = TEST_VALUES(MAX_VALUES);
    collect_values(ctx->policy.ir, 0, &v0);
    collect_values(ctx->policy.ir, 1, &v1);
    size_t nvec = v0.n * v1.n + 1;
    st.vectors += nvec;
    for (size_t i = 0; i < nvec; i++) {
        uint64_t args[6] = {0};
        uint32_t nr = SYSCALL_NR;
        if (i + 1 == nvec)
            nr = OTHER_NR; /* the default, once */
        else {
            args[0] = v0.v[i / v1.n];
            args[1] = v1.v[i % v1.n];
        }
        IrVerdict iv = ir_eval(&ctx->policy, ARCH_X86_64, nr, args, 0);
        uint32_t want = ir_action_ret(iv.action);
        struct seccomp_data d = {(int)nr, arch_info(ARCH_X86_64)->audit, 0, {0}};
        memcpy(d.args, args, sizeof d.args);
        char b1[32], b2[32];
        BpfResult mine = bpf_run(prog.insns, prog.len, &d);
        st.decisions++;
        st.bpf_decisions++;
        if (mine.error || mine.ret != want)
            report(CL_BPF, policy, "nr %u (%#llx, %#llx): IR %s, polc's BPF %s%s", nr, (unsigned long long)args[0],
                   (unsigned long long)args[1], action_name(want, b1, sizeof b1), action_name(mine.ret, b2, sizeof b2),
                   mine.error ? " (interpreter error)" : "");
        if (!json)
            continue;
        uint32_t says = 0;
        bool literal = literal_profile &&
                       oracle_profile_says(literal_profile, nr == SYSCALL_NR ? SYSCALL : OTHER, 0, args, &says) == 0;
        if (literal && says != want)
            report(CL_JSON, policy, "nr %u (%#llx, %#llx): IR %s, the JSON %s\nJSON: %s", nr,
                   (unsigned long long)args[0], (unsigned long long)args[1], action_name(want, b1, sizeof b1),
                   action_name(says, b2, sizeof b2), json);
        for (int lv = 0; lv < NLEVELS; lv++) {
            if (lib[lv].state != OP_OK)
                continue;
            BpfResult got = bpf_run(lib[lv].insns, lib[lv].len, &d);
            st.lib_decisions[lv]++;
            if (!got.error && got.ret == want)
                continue;
            if (literal && says != want)
                continue; /* the JSON's fault, reported above */
            int cl = !literal ? CL_LIB_OTHER : lv == LV_RUNC ? CL_LIB_RUNC : CL_LIB_TREE;
            report(cl, policy, "nr %u (%#llx, %#llx): IR %s, %s %s%s\nJSON: %s", nr, (unsigned long long)args[0],
                   (unsigned long long)args[1], action_name(want, b1, sizeof b1), LEVEL_NAME[lv],
                   action_name(got.ret, b2, sizeof b2), got.error ? " (interpreter error)" : "", json);
        }
    }
    bool bad = false;
    for (int c = 0; c < NCLASSES; c++)
        bad |= class_seen_in_policy[c];
    st.bad_policies += bad;
    free(json);
    oracle_free(literal_profile);
    polc_free(ctx);
}

/* --policy FILE: that policy alone, e.g. to replay an example */
static bool read_policy(const char *path, Text *t)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return false;
    t->len = fread(t->s, 1, sizeof t->s - 1, f);
    t->s[t->len] = 0;
    bool ok = !ferror(f) && feof(f);
    fclose(f);
    return ok;
}

int main(int argc, char **argv)
{
    bool full = false, quiet = false;
    const char *policy_file = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--full"))
            full = true;
        else if (!strcmp(argv[i], "--quiet"))
            quiet = true;
        else if (!strcmp(argv[i], "--policy") && i + 1 < argc)
            policy_file = argv[++i];
        else {
            fprintf(stderr, "usage: exhaustive_test [--full] [--quiet] [--policy FILE]\n");
            return 2;
        }
    }
    const char *ex = getenv("EXH_EXAMPLES");
    if (ex)
        max_examples = (size_t)strtoul(ex, NULL, 10);
    if (quiet)
        max_examples = 0;
    struct timespec t0, t1;
    signal(SIGPIPE, SIG_IGN); /* a dead child: EPIPE, counted as a crash */
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (int c = 0; c < NCLASSES; c++)
        shortest_len[c] = SIZE_MAX;
    make_conds();
    Text t;
    if (policy_file) {
        if (!read_policy(policy_file, &t)) {
            fprintf(stderr, "exhaustive_test: cannot read %s (at most %zu bytes)\n", policy_file, sizeof t.s - 1);
            return 2;
        }
        stdlib_dir = POLC_EXH_STDLIB_DIR;
        run_policy(&t);
        server_stop();
        goto summary;
    }
    make_min_stdlib();
    /* phase 1: one rule */
    for (size_t c = 0; c < nconds; c++)
        for (size_t a = 0; a < NACT; a++)
            for (size_t d = 0; d < NACT; d++) {
                make_policy(&t, d, 1, &c, &a);
                run_policy(&t);
                st.one_rule++;
            }
    /* phase 2: two rules */
    /* EXH_ROTATE=K starts the turn of the triples at K: other pairings for a manual run */
    const char *rot = getenv("EXH_ROTATE");
    size_t ntriples = NACT * NACT * NACT, turn = rot ? (size_t)strtoul(rot, NULL, 10) : 0;
    for (size_t c1 = 0; c1 < nconds; c1++)
        for (size_t c2 = 0; c2 < nconds; c2++) {
            size_t c[2] = {c1, c2};
            for (size_t k = 0; k < (full ? ntriples : 1); k++) {
                size_t tr = full ? k : turn++ % ntriples;
                size_t a[2] = {tr % NACT, tr / NACT % NACT}, d = tr / (NACT * NACT);
                make_policy(&t, d, 2, c, a);
                run_policy(&t);
                st.two_rules++;
            }
        }
    server_stop();
    remove_min_stdlib();
summary:
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;

    size_t nref[2] = {0, 0};
    for (int k = 0; k < 2; k++)
        for (size_t i = 0; i < nrefused[k]; i++)
            nref[k] += refused[k][i].n;
    printf("exhaustive_test: %s(option: i32, addr: ulong) on x86_64, %zu conditions, %zu actions\n", SYSCALL, nconds,
           NACT);
    printf("policies: %zu (%zu with one rule, %zu with two), %zu compiled, %zu refused by polc, "
           "%zu of them refused by the Docker back end\n",
           st.policies, st.one_rule, st.two_rules, st.compiled, nref[0], nref[1]);
    for (int k = 0; k < 2; k++)
        for (size_t i = 0; i < nrefused[k]; i++)
            printf("  refused %s %s: %zu, the first:\n%s", k ? "by the Docker back end," : "by polc,",
                   refused[k][i].code, refused[k][i].n, refused[k][i].example);
    printf("decisions: %zu vectors; IR vs polc's BPF %zu; vs libseccomp: %zu (runc's level, %zu profiles), "
           "%zu (level 2, %zu profiles)\n",
           st.vectors, st.bpf_decisions, st.lib_decisions[LV_RUNC], st.oracle_ok[LV_RUNC], st.lib_decisions[LV_TREE],
           st.oracle_ok[LV_TREE]);
    if (st.too_long[LV_RUNC] || st.too_long[LV_TREE])
        printf("known limit: libseccomp's program exceeds 4096 instructions (the kernel would refuse it) on %zu "
               "profiles at runc's level, %zu at level 2; the first:\n%s",
               st.too_long[LV_RUNC], st.too_long[LV_TREE], too_long_example);
    size_t total = 0;
    for (int c = 0; c < NCLASSES; c++) {
        total += st.class_decisions[c];
        if (st.class_policies[c])
            printf("  DISAGREEMENTS %s: %zu policies, %zu decisions; the shortest:\n    %s", CLASS_NAME[c],
                   st.class_policies[c], st.class_decisions[c], shortest_example[c] ? shortest_example[c] : "?\n");
    }
    printf("disagreements: %zu decisions in %zu policies; %.1f s\n", total, st.bad_policies, secs);
    return st.bad_policies ? 1 : 0;
}

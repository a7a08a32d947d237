/* fuzz_differential: a small policy derived from the fuzz bytes (a few
 * syscalls from a fixed list, actions, argument conditions with ==, !=, <,
 * <=, >, >=, masks, in-sets, 64-bit constants, 32-bit typed arguments,
 * capability blocks), compiled, then decided three ways for every syscall
 * of the list (and a few numbers outside it) on each target arch, over
 * argument vectors of boundary values, the policy's constants and values
 * from the input:
 *   (a) the IR (ir_eval),
 *   (b) polc's BPF program run in the in-tree interpreter,
 *   (c) polc's Docker JSON compiled by libseccomp as runc does it
 *       (tests/oracle, without runc's -ENOSYS stub), in the interpreter.
 * An input that starts with "policy " is taken as policy text as it is.
 * Any difference aborts with the policy and the input (FUZZ_PRINT_POLICY=1
 * prints every policy). The input is read in a fixed order: every take()
 * is its own statement, never two in one expression (gcc and clang order
 * function arguments differently, and a regression input must mean the
 * same policy in both builds).
 *
 * The generator aims at where widths and rule interplay go wrong: each
 * policy has a focus syscall, a focus argument and a pivot constant near
 * 2^31, 2^32, 2^63 or 2^64 (-2..+2) that most rules come back to, so that
 * several rules with different actions bound one argument around one edge;
 * negated bounds (`not (x < c)`, `!=`, `not in {c, c + 1}`) and terms over
 * two or three arguments are frequent.
 *
 * A call on which libseccomp's program (what runc loads) disagrees with
 * polc is a finding, whether libseccomp miscompiled the profile or polc
 * wrote a wrong one (the message says which: the harness reads the
 * profile's entries itself, as runc does); so is a profile libseccomp does
 * not compile within 2 seconds (runc would hang). A policy polc refuses to
 * write for Docker (E04xx: rather than emit something weaker) is compared
 * (a) against (b) only, counted.
 *
 * What the oracle cannot express is skipped and counted, exactly as
 * tests/semantic does: --strict-int-args (E0412) is compared (a) against
 * (b) only; names libseccomp does not know are left out of (c); a call of
 * an ABI the policy does not target must be killed by both (polc kills the
 * process, libseccomp the thread); a profile whose libseccomp program would
 * exceed the kernel's 4096 instructions (polc cannot know libseccomp's
 * size: runc refuses to start, nothing is widened) is left out of (c) for
 * that capability set, counted. */
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>


#include "backend/backend.h"
#include "bpf/asm.h"
#include "front/check.h"
#include "compile.h"
#include "fuzz.h"
#include "middle/ir.h"
#include "oracle.h"
#include "../common/ir_test_values.h"

/* ---- reading the input ---- */

typedef struct Reader {
    const uint8_t *p;
    size_t n;
} Reader;

static unsigned take(Reader *r, unsigned bound) /* 0..bound-1; 0 when the input is used up */
{
    if (!r->n || bound <= 1)
        return 0;
    r->n--;
    return *r->p++ % bound;
}

static uint64_t take_u64(Reader *r, unsigned bytes)
{
    uint64_t v = 0;
    for (unsigned i = 0; i < bytes; i++)
        v = v << 8 | (r->n ? (r->n--, *r->p++) : 0);
    return v;
}

/* ---- the policy ---- */

typedef struct Text {
    char s[8192];
    size_t len;
} Text;

__attribute__((format(printf, 2, 3))) static void put(Text *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int k = vsnprintf(t->s + t->len, sizeof t->s - t->len, fmt, ap);
    va_end(ap);
    if (k > 0)
        t->len = t->len + (size_t)k < sizeof t->s ? t->len + (size_t)k : sizeof t->s - 1;
}

static const char *const SYSCALLS[] = {"read",     "write", "openat", "socket", "personality", "ioctl",
                                       "lseek",    "prctl", "kill",   "getrandom", "fcntl",     "madvise",
                                       "mmap",     "clone", "setfsuid", "renameat"};
#define NSYSCALLS (sizeof SYSCALLS / sizeof *SYSCALLS)

static const char *const ARCHES[] = {"x86_64", "x86_64", "x86_64, x32", "x86_64, x86", "x86_64, x32, x86"};
static const unsigned ARCH_MASKS[] = {1u << ARCH_X86_64, 1u << ARCH_X86_64, 1u << ARCH_X86_64 | 1u << ARCH_X32,
                                      1u << ARCH_X86_64 | 1u << ARCH_X86,
                                      1u << ARCH_X86_64 | 1u << ARCH_X32 | 1u << ARCH_X86};

static const char *const ACTIONS[] = {"allow", "log", "errno(EPERM)", "errno(38)", "kill-process",
                                      "kill-thread", "trap", "trace(3)", "errno(0)", "notify"};
/* default: notify and trap(N) are refused by the Docker back end; keep them rare */
static const char *const DEFAULTS[] = {"errno(EPERM)", "kill-process", "allow", "log", "errno(ENOSYS)",
                                       "kill-thread", "trap", "trace(9)"};

static const uint64_t INTERESTING[] = {0,          1,           2,          0x7fffffff, 0x80000000,
                                       0xffffffff, 0x100000000, UINT64_MAX, 0xfff,      0x1000,
                                       0x8000000000000000ull, 0xffffff9c, 0x10000000, 3};
#define NINTERESTING (sizeof INTERESTING / sizeof *INTERESTING)

/* Where the width of a comparison matters: the sign bits of 32 and 64 bits,
 * the end of 32 bits and of 64 bits (0 - 1, 0 - 2: UINT64_MAX, ...), taken
 * with -2..+2. A bound the lower stage derives from such a constant (x != c
 * next to x <= c - 1 gives x >= c + 1) can pass 2^32 on a 32-bit argument,
 * or 2^64 on any. */
static const uint64_t EDGES[] = {0x80000000, 0x100000000ull, 0x8000000000000000ull, 0};
#define NEDGES (sizeof EDGES / sizeof *EDGES)

/* The state of one policy's generation: the input, and a syscall, an
 * argument and a constant most rules come back to, so that several rules
 * with different actions meet on one syscall and bound one argument around
 * the same edge (the lower stage then makes them disjoint, which is where
 * new bounds appear). */
typedef struct Gen {
    Reader *r;
    unsigned focus_sys, focus_arg;
    uint64_t pivot;
    unsigned arch_mask;       /* the policy's arches */
    bool wide_ok;             /* keep constants above 32 bits on 32-bit arguments (E0300) */
    unsigned rule_sys[2], nrule_sys; /* the syscalls of the rule being written */
} Gen;

/* The argument widths, from polc's own tables: a context that compiled an
 * empty policy, made once (and kept: it is reachable, not a leak). */
static polc_ctx *widths_ctx(void)
{
    static polc_ctx *ctx;
    if (!ctx) {
        static const char empty[] = "policy widths\narch x86_64, x32, x86\ndefault allow\nsyscalls {\n}\n";
        ctx = polc_new();
        polc_add_stdlib_dir(ctx, POLC_FUZZ_STDLIB_DIR);
        if (polc_compile_buffer(ctx, "widths.pol", empty, sizeof empty - 1) != POLC_OK) {
            fprintf(stderr, "fuzz_differential: the stdlib does not compile an empty policy\n");
            abort();
        }
    }
    return ctx;
}

/* Whether argN of the current rule is a 32-bit value for one of its
 * syscalls on one of the policy's arches: polc rejects a constant above
 * 32 bits there (E0300), so the generator keeps such constants to their
 * low half. */
static bool narrow_arg(const Gen *g, unsigned arg)
{
    for (unsigned i = 0; i < g->nrule_sys; i++)
        for (int a = 0; a < ARCH__COUNT; a++)
            if ((g->arch_mask & (1u << a)) && ir_arg_bits(&widths_ctx()->policy, SYSCALLS[g->rule_sys[i]], (ArchId)a, arg) == 32)
                return true;
    return false;
}

static uint64_t gen_edge(Reader *r)
{
    uint64_t base = EDGES[take(r, NEDGES)];
    unsigned d = take(r, 5);
    return base + d - 2;
}

static uint64_t gen_value_any(Gen *g)
{
    Reader *r = g->r;
    switch (take(r, 8)) {
    case 0: return INTERESTING[take(r, NINTERESTING)];
    case 1: return take_u64(r, 1);
    case 2: return take_u64(r, 4);
    case 3: return take_u64(r, 8);
    case 4:
    case 5: return gen_edge(r);
    default: { /* the policy's pivot, -2..+2 */
        unsigned d = take(r, 5);
        return g->pivot + d - 2;
    }
    }
}

/* a constant for argN: on a 32-bit argument its low half (2^32 + 1
 * becomes 1, 2^63 - 1 becomes 0xffffffff), unless it is a negative 32-bit
 * value sign-extended, which polc accepts, or the policy is one of the
 * 1 in 16 that keep them (and are rejected) */
static uint64_t gen_value(Gen *g, unsigned arg)
{
    uint64_t v = gen_value_any(g);
    if (v > 0xffffffffu && v < 0xffffffff80000000ull && !g->wide_ok && narrow_arg(g, arg))
        v &= 0xffffffffu;
    return v;
}

#define NARGS 4 /* arg0..arg3: mmap's flags are arg3 */

static unsigned gen_arg(Gen *g)
{
    unsigned a = take(g->r, 2 * NARGS);
    return a < NARGS ? a : g->focus_arg; /* half of the time the focus */
}

static const char *const OPS[] = {"==", "!=", "<", "<=", ">", ">="};

static void gen_atom_on(Gen *g, Text *t, unsigned arg)
{
    Reader *r = g->r;
    switch (take(r, 8)) {
    case 0:
    case 1:
    case 2: {
        const char *op = OPS[take(r, 6)];
        put(t, "arg%u %s %#llx", arg, op, (unsigned long long)gen_value(g, arg));
        break;
    }
    case 3: { /* a negated bound: not (x < c) and the like */
        const char *op = OPS[2 + take(r, 4)];
        put(t, "not (arg%u %s %#llx)", arg, op, (unsigned long long)gen_value(g, arg));
        break;
    }
    case 4: {
        uint64_t m = gen_value(g, arg);
        unsigned form = take(r, 3);
        if (form == 2)
            put(t, "arg%u & %#llx", arg, (unsigned long long)m);
        else {
            uint64_t v = gen_value(g, arg);
            if (take(r, 4)) /* mostly a value inside the mask */
                v &= m;
            put(t, "arg%u & %#llx %s %#llx", arg, (unsigned long long)m, form ? "!=" : "==", (unsigned long long)v);
        }
        break;
    }
    case 5:
    case 6: {
        const char *neg = take(r, 2) ? "" : "not ";
        put(t, "arg%u %sin {", arg, neg);
        unsigned k = 1 + take(r, 4);
        for (unsigned i = 0; i < k; i++)
            put(t, "%s%#llx", i ? ", " : "", (unsigned long long)gen_value(g, arg));
        put(t, "}");
        break;
    }
    default: { /* neighbours: x [not] in {c, c + 1, ...} around an edge or the pivot */
        const char *neg = take(r, 3) ? "not " : "";
        uint64_t c = take(r, 2) ? g->pivot - take(r, 3) : gen_edge(r);
        if (c > 0xffffffffu && c < 0xffffffff80000000ull && !g->wide_ok && narrow_arg(g, arg))
            c &= 0xffffffffu;
        unsigned k = 2 + take(r, 2);
        put(t, "arg%u %sin {", arg, neg);
        for (unsigned i = 0; i < k; i++)
            put(t, "%s%#llx", i ? ", " : "", (unsigned long long)(c + i));
        put(t, "}");
        break;
    }
    }
}

static void gen_atom(Gen *g, Text *t)
{
    unsigned arg = gen_arg(g);
    gen_atom_on(g, t, arg);
}

/* a term over two or three different arguments: x op c and y op d [and z ...] */
static void gen_term(Gen *g, Text *t)
{
    unsigned n = 2 + take(g->r, 2);
    unsigned arg = gen_arg(g);
    for (unsigned i = 0; i < n; i++) {
        if (i)
            put(t, " and ");
        gen_atom_on(g, t, arg);
        unsigned step = 1 + take(g->r, NARGS - 1);
        arg = (arg + step) % NARGS;
    }
}

static void gen_cond(Gen *g, Text *t, int depth)
{
    Reader *r = g->r;
    unsigned form = depth > 2 ? 0 : take(r, 7);
    switch (form) {
    case 0:
    case 1: gen_atom(g, t); break;
    case 2:
        put(t, "(");
        gen_cond(g, t, depth + 1);
        put(t, take(r, 2) ? " and " : " or ");
        gen_cond(g, t, depth + 1);
        put(t, ")");
        break;
    case 3:
        put(t, "not (");
        gen_cond(g, t, depth + 1);
        put(t, ")");
        break;
    case 4:
    case 5: gen_term(g, t); break;
    default:
        gen_atom(g, t);
        put(t, take(r, 2) ? " and " : " or ");
        gen_atom(g, t);
        break;
    }
}

static void gen_rule(Gen *g, Text *t)
{
    Reader *r = g->r;
    const char *act = ACTIONS[take(r, sizeof ACTIONS / sizeof *ACTIONS)];
    bool deny = !strncmp(act, "errno", 5);
    put(t, "  %s ", deny ? "deny" : act);
    unsigned n = 1 + take(r, 2);
    g->nrule_sys = n;
    for (unsigned i = 0; i < n; i++) {
        unsigned s = take(r, 2 * NSYSCALLS);
        g->rule_sys[i] = s < NSYSCALLS ? s : g->focus_sys; /* half: the focus */
        put(t, "%s%s", i ? ", " : "", SYSCALLS[g->rule_sys[i]]);
    }
    if (deny)
        put(t, " %s", act);
    if (take(r, 4)) {
        put(t, " if ");
        gen_cond(g, t, 0);
    }
    put(t, "\n");
}

static void gen_policy(Reader *r, Text *t)
{
    unsigned ai = take(r, sizeof ARCHES / sizeof *ARCHES);
    const char *dflt = DEFAULTS[take(r, sizeof DEFAULTS / sizeof *DEFAULTS)];
    const char *arch = ARCHES[ai];
    Gen g = {r, 0, 0, 0, ARCH_MASKS[ai], false, {0, 0}, 0};
    g.wide_ok = take(r, 16) == 0;
    g.focus_sys = take(r, NSYSCALLS);
    g.focus_arg = take(r, NARGS);
    g.pivot = gen_edge(r);
    put(t, "policy fuzzed\narch %s\ndefault %s\nsyscalls {\n", arch, dflt);
    unsigned n = 1 + take(r, 6);
    for (unsigned i = 0; i < n && r->n; i++) {
        switch (take(r, 8)) {
        case 0:
            put(t, "  when capability SYS_ADMIN {\n  ");
            gen_rule(&g, t);
            put(t, "  }\n");
            break;
        case 1:
            put(t, "  when not capability SYS_ADMIN {\n  ");
            gen_rule(&g, t);
            put(t, "  }\n");
            break;
        default: gen_rule(&g, t); break;
        }
    }
    put(t, "}\n");
}

/* ---- the comparison ---- */

#define MAX_VALUES 40

/* the same low half under a junk high half */
static void junk_high_half(TestValues *vs, const Atom *at)
{
    test_values_add(vs, (at->value & 0xffffffffu) | 0xdead000100000000ull);
}

static void collect_values(const polc_ctx *ctx, TestValues *vs)
{
    static const uint64_t boundaries[] = {0, 1, 0x7fffffff, 0x80000000, 0xffffffff, 0x100000000ull, UINT64_MAX};
    for (size_t i = 0; i < sizeof boundaries / sizeof *boundaries; i++)
        test_values_add(vs, boundaries[i]);
    test_values_add_ir(vs, ctx->policy.ir, junk_high_half);
}

typedef struct Stats {
    size_t inputs, compiled, not_compiled, docker_refused, strict, oracle_policies;
    size_t decisions, oracle_decisions, oracle_skipped_names, bad_arch, oracle_too_long;
} Stats;
static Stats stats;

static void print_stats(void)
{
    fprintf(stderr,
            "fuzz_differential: %zu inputs: %zu policies compiled (%zu rejected by polc), of them %zu compared with "
            "libseccomp; skipped for the oracle: %zu refused by the Docker back end, %zu with --strict-int-args; "
            "%zu profiles (per capability set) whose libseccomp program exceeds 4096 instructions; "
            "%zu decisions IR vs BPF, %zu also vs libseccomp, %zu names unknown to libseccomp left out, "
            "%zu calls of an untargeted ABI\n",
            stats.inputs, stats.compiled, stats.not_compiled, stats.oracle_policies, stats.docker_refused,
            stats.strict, stats.oracle_too_long, stats.decisions, stats.oracle_decisions, stats.oracle_skipped_names,
            stats.bad_arch);
}

static const Text *current_policy;

__attribute__((noreturn, format(printf, 1, 2))) static void mismatch(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "fuzz_differential: MISMATCH: ");
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\n--- policy ---\n%s--------------\n", current_policy->s);
    abort();
}

/* The profile and the capability set libseccomp was given, for json_says. */
static const char *current_json;
static const char *const *current_caps;

/* What the Docker profile itself says for one call, read the way runc
 * documents it, without libseccomp (the reading translation validation
 * uses, oracle_profile_says). false: it cannot be read, or two entries that
 * apply disagree. */
static bool json_says(const char *sysname, const uint64_t args[6], bool narrow, uint32_t *ret)
{
    OracleOptions o = {current_caps, 0, 0, 0, 1};
    char err[256];
    OracleFilter *f = oracle_load_rules(current_json, &o, err, sizeof err);
    if (!f)
        return false;
    bool read = oracle_profile_says(f, sysname, narrow, args, ret) == 0;
    oracle_free(f);
    return read;
}

static void compare_call(const polc_ctx *ctx, ArchId arch, uint32_t nr, const uint64_t args[6], uint64_t caps,
                         const BpfProgram *bpf, const OracleFilter *oracle, const char *capdesc)
{
    const ArchInfo *ai = arch_info(arch);
    IrVerdict iv = ir_eval(&ctx->policy, arch, nr, args, caps);
    uint32_t want = ir_action_ret(iv.action);
    struct seccomp_data d = {(int)nr, ai->audit, 0, {0}};
    memcpy(d.args, args, sizeof d.args);
    BpfResult mine = bpf_run(bpf->insns, bpf->len, &d);
    stats.decisions++;
#define ARGS_FMT "[%#llx, %#llx, %#llx, %#llx, %#llx, %#llx]"
#define ARGS_VAL(a)                                                                                               \
    (unsigned long long)a[0], (unsigned long long)a[1], (unsigned long long)a[2], (unsigned long long)a[3],     \
        (unsigned long long)a[4], (unsigned long long)a[5]
    if (mine.error || mine.ret != want)
        mismatch("%s %s nr=%#x args=" ARGS_FMT ": IR says %#x (rule %d), polc's BPF %#x%s", ai->name, capdesc, nr,
                 ARGS_VAL(args), want, iv.rule, mine.ret, mine.error ? " (interpreter error)" : "");
    if (!oracle)
        return;
    BpfResult got = oracle_eval(oracle, &d);
    stats.oracle_decisions++;
    if (got.error)
        mismatch("%s %s nr=%#x: libseccomp's program fails in the interpreter: %s", ai->name, capdesc, nr,
                 bpf_strerror(got.error));
    if (iv.rule == IR_RULE_BAD_ARCH) {
        uint32_t act = got.ret & SECCOMP_RET_ACTION_FULL;
        stats.bad_arch++;
        if (act != SECCOMP_RET_KILL_THREAD && act != SECCOMP_RET_KILL_PROCESS)
            mismatch("%s nr=%#x: an untargeted ABI, libseccomp says %#x instead of a kill", ai->name, nr, got.ret);
        return;
    }
    if (got.ret == want)
        return;
    /* Whoever is to blame, runc would enforce libseccomp's answer, not the
     * policy: a finding. Say whether the profile itself (read as runc reads
     * it) agrees with polc, i.e. whether libseccomp miscompiled it. */
    uint32_t says;
    const SyscallEntry *se = syscalldb_by_nr(&ctx->policy.db, arch, nr);
    const char *why = "";
    if (arch_info(arch)->family == ARCH_X86_64 && se &&
        json_says(se->name, args, arch_info(arch)->word_bits == 32, &says))
        why = says == want ? " (the profile's entries say what polc says: libseccomp miscompiles them)"
                           : " (the profile's entries say so too: polc's Docker back end is wrong)";
    mismatch("%s %s nr=%#x args=" ARGS_FMT ": IR and polc's BPF say %#x (rule %d), libseccomp %#x%s", ai->name,
             capdesc, nr, ARGS_VAL(args), want, iv.rule, got.ret, why);
}

/* libseccomp 2.5.4 never returns from seccomp_rule_add for some rule
 * sets polc writes (two entries of one syscall that share an SCMP_CMP_LT on
 * one argument and compare another with SCMP_CMP_EQ values whose high
 * halves differ: regressions/fuzz_differential/libseccomp-hangs-*.pol), and
 * takes minutes over tens of thousands of entries; runc would too. The
 * oracle is first tried in a child that gets 2 seconds of CPU; a profile it does
 * not finish in time is a finding (libFuzzer's -timeout would only see the
 * hang much later). */
static bool oracle_returns(const char *json, const OracleOptions *oo)
{
    pid_t pid = fork();
    if (pid < 0) {
        perror("fork");
        abort();
    }
    if (pid == 0) {
        /* 2 s of CPU, not of the clock: on a loaded machine (2 cores, load
         * 6) libseccomp took over 2 s of wall time on a profile it
         * compiles within 2 s of CPU, a false finding; the alarm (8 s,
         * under -timeout=10) catches a child that gets too little CPU to
         * be judged, rarely */
        struct rlimit cpu = {2, 3};
        setrlimit(RLIMIT_CPU, &cpu);
        signal(SIGXCPU, SIG_DFL);
        signal(SIGALRM, SIG_DFL); /* not libFuzzer's -timeout handler */
        alarm(8);
        char err[512];
        OracleFilter *f = oracle_load_json_opts(json, oo, err, sizeof err);
        (void)f;
        _exit(0); /* no exit handlers, no leak check: the parent loads it again */
    }
    int status = 0;
    while (waitpid(pid, &status, 0) < 0)
        ;
    return !(WIFSIGNALED(status) && (WTERMSIG(status) == SIGXCPU || WTERMSIG(status) == SIGKILL ||
                                     WTERMSIG(status) == SIGALRM));
}

static int test_cap_num(const polc_ctx *ctx, const char *name)
{
    const CapDef *c = strmap_get(&ctx->front.caps, name + 4); /* skip CAP_ */
    return c ? c->num : -1;
}

/* Numbers outside the list: unknown to polc's table, far out, x32's bit. */
static const uint32_t EXTRA_NRS[] = {39 /* getpid */, 1023, 0x7fffffffu, 0xffffffffu, 0x40000000u + 2000};

static void compare_policy(polc_ctx *ctx, const char *json, Reader *rest)
{
    TestValues vs = TEST_VALUES(MAX_VALUES);
    collect_values(ctx, &vs);
    /* a few values straight from the input */
    for (int i = 0; i < 4 && rest->n; i++)
        test_values_add(&vs, take_u64(rest, 8));

    const char *caps_default[40], *caps_admin[40];
    size_t n = 0;
    for (; oracle_docker_default_caps[n] && n < 38; n++)
        caps_default[n] = caps_admin[n] = oracle_docker_default_caps[n];
    caps_default[n] = NULL;
    caps_admin[n] = "CAP_SYS_ADMIN";
    caps_admin[n + 1] = NULL;
    const char *const *capsets[2] = {caps_default, caps_admin};
    const char *capdesc[2] = {"docker-default-caps", "docker-default-caps+SYS_ADMIN"};

    for (int cs = 0; cs < 2; cs++) {
        uint64_t mask = 0;
        for (const char *const *c = capsets[cs]; *c; c++) {
            int num = test_cap_num(ctx, *c);
            if (num < 0) {
                fprintf(stderr, "fuzz_differential: unknown capability %s in the stdlib\n", *c);
                abort();
            }
            mask |= 1ull << num;
        }
        OracleFilter *oracle = NULL;
        current_json = json;
        current_caps = capsets[cs];
        char err[512];
        OracleOptions oo = {capsets[cs], 0, 0, 0, 1};
        if (json && !oracle_returns(json, &oo))
            mismatch("libseccomp does not finish compiling polc's Docker JSON in 2 s of CPU (%s): runc would hang\n%s",
                     capdesc[cs], json);
        else if (json) {
            oracle = oracle_load_json_opts(json, &oo, err, sizeof err);
            /* polc cannot know the size of libseccomp's program: a profile
             * whose program passes the kernel's 4096 instructions is a known
             * limit (docs/fuzzing.md), counted; (a) and (b) still compared */
            if (!oracle && strstr(err, "program length must be 1..4096"))
                stats.oracle_too_long++;
            else if (!oracle)
                mismatch("libseccomp rejects polc's Docker JSON: %s\n%s", err, json);
        }
        const char **skipped = NULL;
        size_t nskipped = oracle ? oracle_skipped_names(oracle, &skipped) : 0;
        BpfProgram prog;
        if (!bpf_generate(&(BackendRun){&ctx->policy, &ctx->opt.backend, &ctx->diag, &ctx->arena}, mask, &prog))
            mismatch("polc's BPF code generator failed on a policy that compiled");
        for (int a = 0; a < ARCH__COUNT; a++) {
            if (!(ctx->policy.arch_mask & (1u << a)))
                continue;
            ArchId arch = (ArchId)a;
            uint32_t nrs[NSYSCALLS + sizeof EXTRA_NRS / sizeof *EXTRA_NRS];
            size_t nn = 0;
            for (size_t i = 0; i < NSYSCALLS; i++) {
                const SyscallEntry *e = syscalldb_lookup(&ctx->policy.db, arch, SYSCALLS[i]);
                if (e)
                    nrs[nn++] = e->nr;
            }
            size_t nlisted = nn;
            for (size_t i = 0; i < sizeof EXTRA_NRS / sizeof *EXTRA_NRS; i++)
                nrs[nn++] = (arch == ARCH_X32 && EXTRA_NRS[i] < 0x40000000u ? 0x40000000u : 0) + EXTRA_NRS[i];
            for (size_t i = 0; i < nn; i++) {
                const OracleFilter *o = oracle;
                if (i < nlisted) {
                    const SyscallEntry *e = syscalldb_by_nr(&ctx->policy.db, arch, nrs[i]);
                    for (size_t k = 0; o && e && k < nskipped; k++)
                        if (!strcmp(skipped[k], e->name)) {
                            o = NULL;
                            stats.oracle_skipped_names++;
                        }
                }
                uint64_t zero[6] = {0};
                compare_call(ctx, arch, nrs[i], zero, mask, &prog, o, capdesc[cs]);
                for (size_t v = 0; v < vs.n; v++) {
                    for (int k = 0; k < NARGS; k++) { /* one argument set: the generator tests arg0..arg3 */
                        uint64_t args[6] = {0};
                        args[k] = vs.v[v];
                        compare_call(ctx, arch, nrs[i], args, mask, &prog, o, capdesc[cs]);
                    }
                    uint64_t all[6] = {vs.v[v], vs.v[v], vs.v[v], vs.v[v], vs.v[v], vs.v[v]};
                    compare_call(ctx, arch, nrs[i], all, mask, &prog, o, capdesc[cs]);
                    /* a mixed vector: the value with two others the input picks */
                    uint64_t mixed[6] = {vs.v[v], 0, 0, 0, 0, 0};
                    mixed[1] = vs.v[take(rest, (unsigned)vs.n)];
                    mixed[2] = vs.v[take(rest, (unsigned)vs.n)];
                    mixed[3] = vs.v[take(rest, (unsigned)vs.n)];
                    compare_call(ctx, arch, nrs[i], mixed, mask, &prog, o, capdesc[cs]);
                    uint64_t rot[6] = {0, 0, vs.v[v], 0, 0, 0};
                    rot[0] = vs.v[take(rest, (unsigned)vs.n)];
                    rot[1] = vs.v[take(rest, (unsigned)vs.n)];
                    rot[3] = vs.v[take(rest, (unsigned)vs.n)];
                    compare_call(ctx, arch, nrs[i], rot, mask, &prog, o, capdesc[cs]);
                }
            }
        }
        if (oracle)
            oracle_free(oracle);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 4096)
        return 0;
    if (!stats.inputs++)
        atexit(print_stats);
    Reader r = {data, size};
    Text t;
    t.len = 0;
    t.s[0] = 0;
    bool strict = false;
    if (size > 7 && !memcmp(data, "policy ", 7)) {
        /* a policy as text (regressions/ keeps them readable): compared
         * over the boundary values and its own constants */
        put(&t, "%.*s", (int)size, (const char *)data);
        r.n = 0;
    } else {
        strict = take(&r, 8) == 0;
        gen_policy(&r, &t);
    }
    current_policy = &t;
    if (getenv("FUZZ_PRINT_POLICY")) /* to see what an input means */
        fprintf(stderr, "--- policy%s ---\n%s", strict ? " (--strict-int-args)" : "", t.s);

    /* The compile checks its Docker profile with libseccomp before returning
     * it (docs/validation.md) and refuses what libseccomp builds wrong or
     * does not finish: a refusal is counted below, and (c) compares only
     * profiles polc would write, so a disagreement there is a widening the
     * check let through. */
    fuzz_limit_libseccomp();
    polc_ctx *ctx = polc_new();
    polc_add_stdlib_dir(ctx, POLC_FUZZ_STDLIB_DIR);
    polc_set_strict_int_args(ctx, strict);
    if (polc_compile_buffer(ctx, "fuzzed.pol", t.s, t.len) != POLC_OK) {
        stats.not_compiled++;
        polc_free(ctx);
        return 0;
    }
    stats.compiled++;
    char *json = NULL;
    size_t len = 0;
    if (strict)
        stats.strict++;
    else if (polc_emit(ctx, POLC_TARGET_DOCKER, &json, &len) != POLC_OK)
        stats.docker_refused++;
    else
        stats.oracle_policies++;
    compare_policy(ctx, json, &r);
    free(json);
    polc_free(ctx);
    return 0;
}

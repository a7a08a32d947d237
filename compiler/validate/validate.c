/* Translation validation (validate.h): each artifact run on the decision
 * points of the policy (points.c) and compared with ir_eval. */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <seccomp.h>

#include "bpf/interp.h"
#include "facts/abi.h"
#include "middle/ir.h"
#include "validate/oracle.h"
#include "validate/points.h"
#include "validate/validate.h"

#define X32_BIT 0x40000000u
#define NO_RULE (-3) /* a finding that no rule of the policy decides */
/* (entry, vector) pairs the profile's reading (a) spends on one syscall */
#define READ_BUDGET 500000u
/* libseccomp 2.5.4 never returns from seccomp_rule_add on some rule sets;
 * runc would hang on them as well. */
#define LIBSECCOMP_SECONDS 20

/* POLC_LIBSECCOMP_TIMEOUT (seconds, 1..600) overrides the limit. */
static long libseccomp_seconds(void)
{
    const char *e = getenv("POLC_LIBSECCOMP_TIMEOUT");
    char *end;
    long v = e ? strtol(e, &end, 10) : 0;
    return e && *e && !*end && v >= 1 && v <= 600 ? v : LIBSECCOMP_SECONDS;
}

/* The kernel's precedence of actions: a higher rank lets more through. */
static int ret_rank(uint32_t ret)
{
    switch (ret & SECCOMP_RET_ACTION_FULL) {
    case SECCOMP_RET_KILL_PROCESS: return 0;
    case SECCOMP_RET_KILL_THREAD: return 1;
    case SECCOMP_RET_TRAP: return 2;
    case SECCOMP_RET_ERRNO: return 3;
    case SECCOMP_RET_USER_NOTIF: return 4;
    case SECCOMP_RET_TRACE: return 5;
    case SECCOMP_RET_LOG: return 6;
    default: return 7;
    }
}

static bool is_kill(uint32_t ret)
{
    uint32_t a = ret & SECCOMP_RET_ACTION_FULL;
    return a == SECCOMP_RET_KILL_PROCESS || a == SECCOMP_RET_KILL_THREAD;
}

static const char *ret_text(uint32_t ret, char *buf, size_t len) { return bpf_describe_ret(ret, buf, len); }

/* The arch a call of `arch` presents to seccomp: x32 calls arrive as
 * x86_64 ones with the x32 bit in the number, and ir_eval routes them. */
static ArchId seen_as(ArchId arch) { return arch == ARCH_X32 ? ARCH_X86_64 : arch; }

/* The syscall the IR decides for (arch, nr) as seccomp_data shows it: x86_64
 * numbers with the x32 bit belong to x32. */
static const IrSyscall *decided(const BackendRun *run, ArchId arch, uint32_t nr, ArchId *owner)
{
    *owner = seen_as(arch);
    if (*owner == ARCH_X86_64 && nr >= X32_BIT && nr != 0xffffffffu)
        *owner = ARCH_X32;
    const IrArch *ia = ir_arch(run->policy->ir, *owner);
    return ia ? ir_syscall(ia, nr) : NULL;
}

static const char *call_text(const BackendRun *run, ArchId arch, uint32_t nr, const uint64_t a[6], char *buf,
                             size_t len)
{
    ArchId owner;
    decided(run, arch, nr, &owner);
    const SyscallEntry *e = syscalldb_by_nr(&run->policy->db, owner, nr);
    char name[48];
    if (e)
        snprintf(name, sizeof name, "%s", e->name);
    else
        snprintf(name, sizeof name, "syscall %#x", nr);
    snprintf(buf, len, "%s(%#llx, %#llx, %#llx, %#llx, %#llx, %#llx) on %s", name, (unsigned long long)a[0],
             (unsigned long long)a[1], (unsigned long long)a[2], (unsigned long long)a[3], (unsigned long long)a[4],
             (unsigned long long)a[5], arch_info(owner)->name);
    return buf;
}

static Span rule_span(const BackendRun *run, int rule)
{
    if (rule >= 0 && (size_t)rule < run->policy->rules.len)
        return run->policy->rules.items[rule]->span;
    return run->policy->default_span;
}

bool validate_bpf_program(const BackendRun *run, const struct sock_filter *prog, size_t len, uint64_t caps)
{
    ArgVectors vv = {0, 0, NULL};
    bool ok = true;
    for (int ai = 0; ai < ARCH__COUNT && ok; ai++) {
        ArchId arch = (ArchId)ai;
        const ArchInfo *info = arch_info(arch);
        size_t nnr;
        uint32_t *nrs;
        if (!ir_arch(run->policy->ir, arch)) {
            if (arch == ARCH_X32)
                continue; /* x86_64's numbers with the x32 bit */
            static uint32_t untargeted[] = {0, 39, 1023};
            nrs = untargeted;
            nnr = sizeof untargeted / sizeof *untargeted;
        } else {
            nrs = points_numbers(run, arch, &nnr);
        }
        for (size_t i = 0; i < nnr && ok; i++) {
            ArchId owner;
            const IrSyscall *s = decided(run, arch, nrs[i], &owner);
            points_vectors(run, owner, s, &vv);
            for (size_t v = 0; v < vv.n && ok; v++) {
                struct seccomp_data d = {(int)nrs[i], info->audit, 0, {0}};
                memcpy(d.args, vv.v[v], sizeof d.args);
                BpfResult got = bpf_run(prog, len, &d);
                IrVerdict iv = ir_eval(run->policy, seen_as(arch), nrs[i], vv.v[v], caps);
                uint32_t want = ir_action_ret(iv.action);
                if (got.error == 0 && got.ret == want)
                    continue;
                char call[256], g[64], w[64];
                Diag *dg = diag_error(run->diag, "E0499", SPAN_NONE,
                                      "internal error: polc's BPF program decides %s as %s, where the policy "
                                      "decides %s",
                                      call_text(run, arch, nrs[i], vv.v[v], call, sizeof call),
                                      got.error ? "an interpreter error" : ret_text(got.ret, g, sizeof g),
                                      ret_text(want, w, sizeof w));
                diag_note(run->diag, dg, rule_span(run, iv.rule), "the policy's decision comes from here");
                diag_note(run->diag, dg, SPAN_NONE,
                          "translation validation runs every program on the policy's decision points before "
                          "writing it; nothing was written");
                ok = false;
            }
        }
        if (ir_arch(run->policy->ir, arch))
            free(nrs);
    }
    arg_vectors_free(&vv);
    return ok;
}

/* ------------------------------------------------------------------ */
/* the Docker profile                                                  */

/* The first difference found, as the child reports it to the parent. */
typedef struct Finding {
    char code[8]; /* "" none, "E0499" polc's profile, "E0413" libseccomp */
    int rule;     /* the deciding rule of the policy, or -1 */
    char message[768];
    char note[512];
    const char *help; /* static text, or NULL */
} Finding;

static void set_finding(Finding *f, const char *code, int rule, const char *note, const char *fmt, ...)
{
    if (f->code[0])
        return;
    snprintf(f->code, sizeof f->code, "%s", code);
    f->rule = rule;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(f->message, sizeof f->message, fmt, ap);
    va_end(ap);
    snprintf(f->note, sizeof f->note, "%s", note ? note : "");
}

/* Names of the capabilities in mask, as the oracle takes them. */
static const char **cap_names(const BackendRun *run, uint64_t mask, char store[64][40])
{
    static const char *names[65];
    size_t n = 0;
    for (int c = 0; c < 64; c++)
        if (mask & (1ull << c)) {
            const char *nm = cap_name(run->policy, c);
            snprintf(store[n], sizeof store[n], "CAP_%s", nm ? nm : "?");
            names[n] = store[n];
            n++;
        }
    names[n] = NULL;
    return names;
}

/* Whether the libseccomp polc links files a rule for name under number nr on
 * arch: it may not know the name (runc then skips the rule), or know it and
 * still file it elsewhere on one arch (2.5.4: map_shadow_stack on x32 as a
 * pseudo number). i386's socket calls are filed under socketcall: modelled. */
static bool libseccomp_applies(const BackendRun *run, ArchId arch, uint32_t nr, const char *name)
{
    const char *mux;
    uint32_t call;
    if (muxed_call(name, &mux, &call) && arch_has_muxer(&run->policy->db, arch, mux))
        return true;
    int got = seccomp_syscall_resolve_name_arch(oracle_arch_from_name(arch_info(arch)->scmp), name);
    return got >= 0 && (uint32_t)got == nr;
}

typedef struct FamilyRun {
    const BackendRun *run;
    ArchId family;
    uint64_t caps;
    /* rules: the profile read as runc documents it; runc: the program runc
     * loads (its -ENOSYS stub, then libseccomp's program, which alone is
     * what libseccomp built: "exact"); runc NULL: rules only */
    const OracleFilter *rules, *runc;
    Finding *out;
} FamilyRun;

static const char *const MISCOMPILED_HELP =
    "write the rule another way (e.g. split the range or the arguments into separate rules), or pass "
    "--no-verify-libseccomp if the runtime links another libseccomp (unsafe: docs/validation.md)";
static const char *const UNKNOWN_NAME_HELP =
    "give the syscall a default that stops it too, or pass --no-verify-libseccomp if every runtime that loads "
    "the profile links a libseccomp that knows it (unsafe: docs/validation.md)";

static const char *const LIBSECCOMP_NOTE =
    "polc checked the profile with the libseccomp it links, built the way runc builds it; a runtime "
    "linking that libseccomp would enforce something else than the policy";

static void check_call(FamilyRun *r, ArchId arch, uint32_t nr, const uint64_t args[6])
{
    const BackendRun *run = r->run;
    IrVerdict iv = ir_eval(run->policy, seen_as(arch), nr, args, r->caps);
    uint32_t want = ir_action_ret(iv.action);
    char call[256], g[64], w[64];
    ArchId owner;
    decided(run, arch, nr, &owner);
    const SyscallEntry *e = syscalldb_by_nr(&run->policy->db, owner, nr);
    bool own_number = owner == arch; /* else the other x86_64 ABI's, checked with it */
    if (iv.rule != IR_RULE_BAD_ARCH && own_number) {
        uint32_t says;
        int ambiguous = e ? oracle_profile_says(r->rules, e->name, arch_info(arch)->word_bits == 32, args, &says)
                          : (oracle_profile_says(r->rules, "", 0, args, &says), 0);
        if (ambiguous) {
            set_finding(r->out, "E0499", iv.rule, NULL,
                        "internal error: in the Docker profile polc wrote, two entries that disagree both apply to %s",
                        call_text(run, arch, nr, args, call, sizeof call));
            return;
        }
        if (says != want) {
            set_finding(r->out, "E0499", iv.rule, NULL,
                        "internal error: the Docker profile polc wrote says %s for %s, where the policy decides %s",
                        ret_text(says, g, sizeof g), call_text(run, arch, nr, args, call, sizeof call),
                        ret_text(want, w, sizeof w));
            return;
        }
    }
    if (!r->runc)
        return;
    struct seccomp_data d = {(int)nr, arch_info(arch)->audit, 0, {0}};
    memcpy(d.args, args, sizeof d.args);
    size_t len, stub = oracle_stub_len(r->runc);
    const struct sock_filter *prog = oracle_bpf(r->runc, &len);
    BpfResult got = bpf_run(prog + stub, len - stub, &d), got_runc = bpf_run(prog, len, &d);
    if (iv.rule == IR_RULE_BAD_ARCH) {
        if (!is_kill(got.ret) || !(is_kill(got_runc.ret) || got_runc.ret == (SECCOMP_RET_ERRNO | ENOSYS)))
            set_finding(r->out, "E0413", NO_RULE, LIBSECCOMP_NOTE,
                        "libseccomp's filter from this profile decides %s, an ABI the policy does not target, as %s "
                        "instead of killing it",
                        call_text(run, arch, nr, args, call, sizeof call), ret_text(got.ret, g, sizeof g));
        return;
    }
    bool applies = e && own_number ? libseccomp_applies(run, arch, nr, e->name) : true;
    uint32_t dflt = ir_action_ret(run->policy->ir->default_action);
    if (got.error || got.ret != want) {
        /* runc skips a name its libseccomp does not know and the default
         * decides it: accepted where that default lets nothing through that
         * the policy stops (errno for kill is another refusal, allow for
         * errno, or for notify or trace, whose supervisor may refuse, is not) */
        if (!applies && got.ret == dflt && (ret_rank(dflt) <= ret_rank(want) || ret_rank(dflt) < 4))
            return;
        if (!applies)
            set_finding(r->out, "E0413", iv.rule, LIBSECCOMP_NOTE,
                        "the libseccomp polc links (%u.%u.%u) adds no rule for `%s` on %s, so runc would let the "
                        "default decide %s as %s, where the policy decides %s",
                        seccomp_version()->major, seccomp_version()->minor, seccomp_version()->micro,
                        e ? e->name : "?", arch_info(arch)->name, call_text(run, arch, nr, args, call, sizeof call),
                        ret_text(got.ret, g, sizeof g), ret_text(want, w, sizeof w));
        else
            set_finding(r->out, "E0413", iv.rule, LIBSECCOMP_NOTE,
                        "libseccomp %u.%u.%u builds a filter from this profile that decides %s as %s, where the "
                        "policy decides %s",
                        seccomp_version()->major, seccomp_version()->minor, seccomp_version()->micro,
                        call_text(run, arch, nr, args, call, sizeof call),
                        got.error ? "an interpreter error" : ret_text(got.ret, g, sizeof g),
                        ret_text(want, w, sizeof w));
        r->out->help = applies ? MISCOMPILED_HELP : UNKNOWN_NAME_HELP;
        return;
    }
    /* runc's -ENOSYS stub answers numbers above the profile's last known
     * syscall (i386's direct socket calls among them, which libseccomp files
     * under socketcall): the call fails, it never gets through */
    if (got_runc.ret != want && got_runc.ret != (SECCOMP_RET_ERRNO | ENOSYS))
        set_finding(r->out, "E0413", iv.rule, LIBSECCOMP_NOTE,
                    "runc's filter from this profile (libseccomp's program and runc's -ENOSYS stub) decides %s as "
                    "%s, where the policy decides %s",
                    call_text(run, arch, nr, args, call, sizeof call), ret_text(got_runc.ret, g, sizeof g),
                    ret_text(want, w, sizeof w));
    r->out->help = MISCOMPILED_HELP;
}

static void check_family(FamilyRun *r)
{
    ArgVectors vv = {0, 0, NULL};
    for (size_t a = 0; a < r->run->policy->ir->arches.len && !r->out->code[0]; a++) {
        ArchId arch = r->run->policy->ir->arches.items[a].arch;
        if (arch_info(arch)->family != r->family)
            continue;
        size_t nnr;
        uint32_t *nrs = points_numbers(r->run, arch, &nnr);
        for (size_t i = 0; i < nnr && !r->out->code[0]; i++) {
            ArchId owner;
            const IrSyscall *s = decided(r->run, arch, nrs[i], &owner);
            points_vectors(r->run, owner, s, &vv);
            /* reading tens of thousands of entries per vector (a profile of
             * many masked blocks) would take minutes: beyond the budget the
             * vectors are thinned evenly, the first two always kept */
            size_t work = s ? oracle_profile_rules(r->rules, s->name) * vv.n : 0;
            size_t step = work > READ_BUDGET ? (work + READ_BUDGET - 1) / READ_BUDGET : 1;
            for (size_t v = 0; v < vv.n && !r->out->code[0]; v += v < 2 ? 1 : step)
                check_call(r, arch, nrs[i], vv.v[v]);
        }
        free(nrs);
    }
    arg_vectors_free(&vv);
}

/* Whether the linked libseccomp can build a filter for the family's arches
 * of the policy on this host: an empty profile for them. */
static bool libseccomp_builds(const BackendRun *run, ArchId family, uint32_t native)
{
    StrBuf sb;
    sb_init(&sb);
    sb_puts(&sb, "{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"architectures\":[");
    bool first = true;
    for (size_t a = 0; a < run->policy->ir->arches.len; a++)
        if (arch_info(run->policy->ir->arches.items[a].arch)->family == family) {
            sb_printf(&sb, "%s\"%s\"", first ? "" : ",", arch_info(run->policy->ir->arches.items[a].arch)->scmp);
            first = false;
        }
    sb_puts(&sb, "],\"syscalls\":[]}");
    OracleOptions o = {NULL, native, 0, 0, 1};
    char err[256];
    OracleFilter *f = oracle_load_json_opts(sb.data, &o, err, sizeof err);
    sb_free(&sb);
    oracle_free(f);
    return f != NULL;
}

/* The family of the arch this polc runs on (ARCH__COUNT if polc has none). */
static int host_family(void)
{
    uint32_t audit = oracle_audit_arch(seccomp_arch_native());
    ArchId a;
    return arch_from_audit(audit, 0, &a) ? (int)arch_info(a)->family : ARCH__COUNT;
}

static bool host_byte_order(ArchId a)
{
    uint32_t audit = arch_info(a)->audit;
    return ((audit & __AUDIT_ARCH_LE) != 0) == (__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__);
}

static void check_docker(const BackendRun *run, const char *json, bool with_libseccomp, Finding *out)
{
    uint64_t sets[64];
    size_t nsets = points_cap_sets(run, sets, 64);
    if (!nsets) {
        set_finding(out, "E0499", NO_RULE, NULL,
                    "internal error: the policy's capability scenarios need more than 64 capability sets to check");
        return;
    }
    for (int fam = 0; fam < ARCH__COUNT && !out->code[0]; fam++) {
        bool used = false;
        for (size_t a = 0; a < run->policy->ir->arches.len; a++)
            used |= (int)arch_info(run->policy->ir->arches.items[a].arch)->family == fam;
        if (!used)
            continue;
        uint32_t native = oracle_arch_from_name(arch_info((ArchId)fam)->scmp);
        /* libseccomp builds filters only in this host's byte order, and not
         * for every arch on every host (riscv64, ppc64le on x86_64): where it
         * cannot build one for a trivial profile, part (b) is not done */
        bool lsc = with_libseccomp && host_byte_order((ArchId)fam) && libseccomp_builds(run, (ArchId)fam, native);
        if (with_libseccomp && !lsc && fam == host_family()) {
            /* on its own arch it must work: the check cannot be done here */
            set_finding(out, "E0413", NO_RULE, NULL,
                        "libseccomp %u.%u.%u cannot build even an empty filter for %s here, so polc cannot check the "
                        "profile the way runc builds it",
                        seccomp_version()->major, seccomp_version()->minor, seccomp_version()->micro,
                        arch_info((ArchId)fam)->name);
            out->help = "run polc where seccomp(2) works, or pass --no-verify-libseccomp (unsafe: docs/validation.md)";
            break;
        }
        for (size_t k = 0; k < nsets && !out->code[0]; k++) {
            char store[64][40], err[512];
            const char **caps = cap_names(run, sets[k], store);
            OracleOptions rules_o = {caps, native, 0, 0, 1};
            OracleFilter *rules = oracle_load_rules(json, &rules_o, err, sizeof err);
            if (!rules) {
                set_finding(out, "E0499", NO_RULE, NULL, "internal error: the Docker profile polc wrote cannot be read "
                                                    "the way runc reads it: %s", err);
                break;
            }
            OracleFilter *runc = NULL;
            if (lsc) {
                OracleOptions runc_o = {caps, native, 0, 0, 0};
                runc = oracle_load_json_opts(json, &runc_o, err, sizeof err);
                if (!runc)
                    set_finding(out, "E0413", NO_RULE, LIBSECCOMP_NOTE,
                                "libseccomp %u.%u.%u cannot build a filter from this profile the way runc does: %s",
                                seccomp_version()->major, seccomp_version()->minor, seccomp_version()->micro, err);
            }
            if (!out->code[0]) {
                FamilyRun r = {run, (ArchId)fam, sets[k], rules, runc, out};
                check_family(&r);
            }
            oracle_free(rules);
            oracle_free(runc);
        }
    }
}

static void report(const BackendRun *run, const Finding *f)
{
    Span where = f->rule == NO_RULE ? SPAN_NONE : rule_span(run, f->rule);
    /* the engine keeps the code's pointer: a copy that lives as long */
    Diag *g = diag_error(run->diag, arena_strdup(run->arena, f->code), where, "%s", f->message);
    if (f->note[0])
        diag_note(run->diag, g, SPAN_NONE, "%s", f->note);
    if (f->help)
        diag_help(run->diag, g, "%s", f->help);
    diag_note(run->diag, g, SPAN_NONE, "nothing was written");
}

/* Runs check_docker in a child with a time limit: libseccomp can hang. */
static bool check_docker_in_child(const BackendRun *run, const char *json, Finding *out)
{
    int fds[2];
    if (pipe(fds) != 0)
        return false;
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0) {
        close(fds[0]);
        close(fds[1]);
        return false;
    }
    if (pid == 0) {
        close(fds[0]);
        Finding f;
        memset(&f, 0, sizeof f);
        f.rule = NO_RULE;
        check_docker(run, json, true, &f);
        const char *p = (const char *)&f;
        size_t left = sizeof f;
        while (left) {
            ssize_t w = write(fds[1], p, left);
            if (w <= 0)
                _exit(1);
            p += w;
            left -= (size_t)w;
        }
        _exit(0); /* no exit handlers, no leak check: the parent owns the memory */
    }
    close(fds[1]);
    char *p = (char *)out;
    size_t got = 0;
    struct timespec start;
    clock_gettime(CLOCK_MONOTONIC, &start);
    long limit = libseccomp_seconds();
    bool timed_out = false;
    while (got < sizeof *out) {
        struct timespec now;
        clock_gettime(CLOCK_MONOTONIC, &now);
        long left_ms = limit * 1000L - ((now.tv_sec - start.tv_sec) * 1000L +
                                                      (now.tv_nsec - start.tv_nsec) / 1000000L);
        if (left_ms <= 0) {
            timed_out = true;
            break;
        }
        struct pollfd pf = {fds[0], POLLIN, 0};
        int pr = poll(&pf, 1, (int)left_ms);
        if (pr < 0 && errno == EINTR)
            continue;
        if (pr <= 0) {
            timed_out = pr == 0;
            break;
        }
        ssize_t r = read(fds[0], p + got, sizeof *out - got);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            break;
        got += (size_t)r;
    }
    close(fds[0]);
    if (got < sizeof *out)
        kill(pid, SIGKILL);
    int status;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    if (timed_out) {
        memset(out, 0, sizeof *out);
        set_finding(out, "E0413", NO_RULE, LIBSECCOMP_NOTE,
                    "libseccomp %u.%u.%u did not finish building a filter from this profile within %d s; runc "
                    "would take as long, or hang (libseccomp 2.5.4 never returns on some rule sets)",
                    seccomp_version()->major, seccomp_version()->minor, seccomp_version()->micro, (int)limit);
        return true;
    }
    if (got < sizeof *out) {
        memset(out, 0, sizeof *out);
        set_finding(out, "E0499", NO_RULE, NULL,
                    "internal error: the process checking the Docker profile with libseccomp failed (status %d)",
                    status);
    }
    return true;
}

bool validate_docker_profile(const BackendRun *run, const char *json)
{
    Finding f;
    memset(&f, 0, sizeof f);
    f.rule = NO_RULE;
    if (run->opt->skip_libseccomp_validation)
        check_docker(run, json, false, &f);
    else if (!check_docker_in_child(run, json, &f))
        set_finding(&f, "E0499", NO_RULE, NULL, "internal error: cannot start the process that checks the Docker profile "
                                           "with libseccomp: %s", strerror(errno));
    if (!f.code[0])
        return true;
    report(run, &f);
    return false;
}

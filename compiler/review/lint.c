/* polc lint: warnings (L01xx) about what a policy lets a container do that a
 * reviewer should see, computed on the IR so sets, constants and includes are
 * already seen through. The checks never change the policy or its outputs. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "middle/accounts.h"
#include "backend/aa_glob.h"
#include "compile.h"
#include "middle/ir.h"
#include "front/stdlib_view.h"
#include "review/lint.h"

typedef struct Lint {
    polc_ctx *ctx;
    StdlibView *names;      /* the policy's capabilities (front/stdlib_view.h) */
    CondCtx cc;
    LintFindings *out;
    ArchId arches[ARCH__COUNT];
    size_t narches;
    VEC(const char *) seen; /* keys of findings already made (one per syscall, not per arch) */
} Lint;

static LintFinding *add(Lint *l, const char *code, Span span, const char *help, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
static LintFinding *add(Lint *l, const char *code, Span span, const char *help, const char *fmt, ...)
{
    LintFinding *f = arena_alloc(&l->ctx->arena, sizeof *f);
    va_list ap;
    va_start(ap, fmt);
    f->msg = arena_vprintf(&l->ctx->arena, fmt, ap);
    va_end(ap);
    f->code = code;
    f->span = span;
    f->help = help;
    VEC_PUSH(&l->ctx->arena, *l->out, f);
    return f;
}

static void note(Lint *l, LintFinding *f, Span span, const char *fmt, ...) __attribute__((format(printf, 4, 5)));
static void note(Lint *l, LintFinding *f, Span span, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    LintNote n = {span, arena_vprintf(&l->ctx->arena, fmt, ap)};
    va_end(ap);
    VEC_PUSH(&l->ctx->arena, f->notes, n);
}

/* True the first time a key is seen: a finding is made once, not per arch. */
static bool first_time(Lint *l, const char *key)
{
    for (size_t i = 0; i < l->seen.len; i++)
        if (strcmp(l->seen.items[i], key) == 0)
            return false;
    VEC_PUSH(&l->ctx->arena, l->seen, arena_strdup(&l->ctx->arena, key));
    return true;
}

/* The name inside a rule (where a set reference names it, the reference). */
static Span rule_target_span(const Rule *r, const char *name)
{
    for (size_t i = 0; i < r->targets.len; i++)
        if (strcmp(r->targets.items[i].name, name) == 0 && span_valid(r->targets.items[i].span))
            return r->targets.items[i].span;
    return r->span;
}

/* Where a syscall gets allowed: the allowing rule, or the default statement. */
static Span allow_span(const polc_ctx *ctx, const Allowed *a, const char *name)
{
    if (a->rule < 0)
        return ctx->policy.have_default ? ctx->policy.default_span : review_anchor(ctx, ST_DEFAULT);
    return rule_target_span(ctx->policy.rules.items[a->rule], name);
}

static const char *log_word(const polc_ctx *ctx, const Allowed *a)
{
    return a->rule >= 0 && ctx->policy.rules.items[a->rule]->action.kind == ACT_LOG ? " (logged, which lets it run)" : "";
}

/* " through `@set`" when the span is a set reference in a rule, else "". */
static const char *via_set(const polc_ctx *ctx, Span sp)
{
    const SourceFile *f = span_valid(sp) ? source_get(&ctx->sm, sp.file) : NULL;
    if (!f || sp.end <= sp.start || sp.end > f->len || f->text[sp.start] != '@')
        return "";
    return arena_printf((Arena *)&ctx->arena, " through `%.*s`", (int)(sp.end - sp.start), f->text + sp.start);
}

/* ---- the default, and syscalls that hand out the kernel ---- */

static void check_default(Lint *l)
{
    polc_ctx *ctx = l->ctx;
    if (!review_action_allows(ctx->policy.ir->default_action))
        return;
    LintFinding *f = add(l, "L0150", ctx->policy.have_default ? ctx->policy.default_span : review_anchor(ctx, ST_POLICY),
                         "make the default deny (`default errno(EPERM)` or `default kill-process`) and allow "
                         "what the program needs; `polc learn` writes that list from a trace",
                         "the default action lets every syscall the policy does not name run");
    size_t n = 0;
    StrBuf sb;
    sb_init(&sb);
    for (const DangerousSyscall *d = review_dangerous_syscalls; d->name; d++)
        for (size_t i = 0; i < l->narches; i++) {
            Allowed a = review_allowed(ctx, &l->cc, l->arches[i], d->name);
            if (a.exists && a.by_default) {
                sb_printf(&sb, "%s%s", n++ ? ", " : "", d->name);
                break;
            }
        }
    if (n)
        note(l, f, SPAN_NONE, "among them: %s", sb.data);
    sb_free(&sb);
}

static void check_dangerous(Lint *l)
{
    polc_ctx *ctx = l->ctx;
    for (const DangerousSyscall *d = review_dangerous_syscalls; d->name; d++)
        for (size_t i = 0; i < l->narches; i++) {
            Allowed a = review_allowed(ctx, &l->cc, l->arches[i], d->name);
            /* allowed by the default alone: L0150 says it once */
            if (!a.exists || !dnf_is_true(a.region) || a.rule < 0 || !first_time(l, d->name))
                continue;
            Span sp = allow_span(ctx, &a, d->name);
            LintFinding *f = add(l, "L0101", sp,
                                 "deny it, or allow it only under a condition or `when capability`; "
                                 "if the program really needs it, silence this with `# polc: allow L0101`",
                                 "`%s` is allowed without conditions%s%s", d->name, via_set(ctx, sp),
                                 log_word(ctx, &a));
            note(l, f, SPAN_NONE, "%s", d->reason);
        }
}

static Dnf bit_set(Lint *l, int arg, uint64_t bit)
{
    Atom at = {.arg = (uint8_t)arg, .op = A_MASKED_EQ, .value = bit, .mask = bit};
    return dnf_atom(&l->cc, at);
}

#define NS_NEWUSER 0x10000000ull
#define NS_THREAD 0x10000ull /* CLONE_THREAD */

/* Without CAP_SYS_ADMIN the kernel refuses every namespace flag unless
 * CLONE_NEWUSER comes with it (and refuses CLONE_NEWUSER with CLONE_THREAD),
 * so a user namespace is the door; with SYS_ADMIN every flag is. */
static void check_namespaces(Lint *l)
{
    polc_ctx *ctx = l->ctx;
    int sa = l->names ? stdlib_view_cap_num(l->names, "SYS_ADMIN") : -1;
    bool sys_admin = sa >= 0 && (ctx->policy.caps.effective & (1ull << sa));
    static const char *const calls[] = {"clone", "unshare"};
    for (size_t c = 0; c < 2; c++)
        for (size_t i = 0; i < l->narches; i++) {
            ArchId arch = l->arches[i];
            Allowed a = review_allowed(ctx, &l->cc, arch, calls[c]);
            if (!a.exists || dnf_is_false(a.region) || a.rule < 0) /* the default's: L0150 */
                continue;
            /* an unconditional unshare is L0101 already */
            if (c == 1 && dnf_is_true(a.region) && a.rule >= 0)
                continue;
            int arg = review_arg_index(ctx, calls[c], arch, "flags");
            if (arg < 0)
                continue;
            Dnf user = dnf_and(&l->cc, a.region, bit_set(l, arg, NS_NEWUSER));
            if (c == 0) {
                Atom no_thread = {.arg = (uint8_t)arg, .op = A_MASKED_EQ, .value = 0, .mask = NS_THREAD};
                user = dnf_and(&l->cc, user, dnf_atom(&l->cc, no_thread));
            }
            StrBuf sb;
            sb_init(&sb);
            size_t n = 0;
            if (!dnf_is_false(user))
                sb_puts(&sb, "CLONE_NEWUSER, and with it every other namespace"), n++;
            else if (sys_admin)
                for (const NsFlag *ns = review_ns_flags; ns->name; ns++)
                    if (!dnf_is_false(dnf_and(&l->cc, a.region, bit_set(l, arg, ns->bit))))
                        sb_printf(&sb, "%s%s", n++ ? ", " : "", ns->name);
            if (n && first_time(l, arena_printf(&ctx->arena, "ns:%s", calls[c]))) {
                LintFinding *f = add(l, "L0102", allow_span(ctx, &a, calls[c]),
                                     "add a condition such as `flags & (CLONE_NEWUSER | CLONE_NEWNS | CLONE_NEWNET "
                                     "| CLONE_NEWPID | CLONE_NEWIPC | CLONE_NEWUTS | CLONE_NEWCGROUP) == 0`, or "
                                     "include <presets/restrict-namespaces.pol>",
                                     "`%s` may create new namespaces: %s", calls[c], sb.data);
                note(l, f, SPAN_NONE, n && !dnf_is_false(user)
                                          ? "a new user namespace gives the process every capability inside it, "
                                            "and opens kernel code otherwise reachable only by root"
                                          : "the container keeps SYS_ADMIN, so the kernel lets these flags through");
            }
            sb_free(&sb);
        }
    for (size_t i = 0; i < l->narches; i++) {
        Allowed a = review_allowed(ctx, &l->cc, l->arches[i], "clone3");
        if (!a.exists || dnf_is_false(a.region) || a.rule < 0 || !first_time(l, "ns:clone3"))
            continue;
        LintFinding *f = add(l, "L0102", allow_span(ctx, &a, "clone3"),
                             "`deny clone3 errno(ENOSYS)`: the C library then falls back to clone(2), whose "
                             "flags a condition can check",
                             "`clone3` is allowed, and its flags cannot be checked");
        note(l, f, SPAN_NONE, "clone3 passes its flags in a struct in memory, which seccomp cannot read, so any "
                              "allowed clone3 may create new namespaces");
    }
}

static void check_fileless_exec(Lint *l)
{
    polc_ctx *ctx = l->ctx;
    for (size_t i = 0; i < l->narches; i++) {
        Allowed m = review_allowed(ctx, &l->cc, l->arches[i], "memfd_create");
        Allowed x = review_allowed(ctx, &l->cc, l->arches[i], "execveat");
        if (!m.exists || !x.exists || dnf_is_false(m.region) || dnf_is_false(x.region) ||
            (m.rule < 0 && x.rule < 0) || !first_time(l, "memfd+execveat"))
            continue;
        bool m_here = m.rule >= 0;
        LintFinding *f = add(l, "L0103", m_here ? allow_span(ctx, &m, "memfd_create") : allow_span(ctx, &x, "execveat"),
                             "deny memfd_create or execveat (include <presets/deny-fileless-exec.pol>)",
                             "`memfd_create` and `execveat` are both allowed: programs can run without a file");
        note(l, f, m_here ? allow_span(ctx, &x, "execveat") : allow_span(ctx, &m, "memfd_create"),
             "`%s` is allowed here%s", m_here ? "execveat" : "memfd_create",
             (m_here ? x.rule : m.rule) < 0 ? " (the default)" : "");
        note(l, f, SPAN_NONE, "code written into a memfd and run with execveat(fd, \"\", AT_EMPTY_PATH) never "
                              "touches the file system, so read-only root and exec path rules do not stop it");
    }
}

/* ---- equivalent syscalls ---- */

static void gap(Lint *l, ArchId arch, const Rule *deny, const char *a, const char *b, const Allowed *ab,
                const char *what)
{
    polc_ctx *ctx = l->ctx;
    if (!first_time(l, arena_printf(&ctx->arena, "gap:%s:%s", a, b)))
        return;
    LintFinding *f = add(l, "L0110", rule_target_span(deny, a),
                         arena_printf(&ctx->arena, "deny `%s` too, or say why it stays allowed with "
                                      "`# polc: allow L0110`", b),
                         "`%s` is denied but `%s` is allowed: both %s", a, b, what);
    note(l, f, allow_span(ctx, ab, b), "`%s` is allowed here%s (on %s)", b, ab->rule < 0 ? " by the default" : "",
         arch_info(arch)->name);
}

static void check_equivalents(Lint *l)
{
    polc_ctx *ctx = l->ctx;
    for (const EquivGroup *g = review_equiv_groups; g->what; g++)
        for (size_t i = 0; i < l->narches; i++) {
            ArchId arch = l->arches[i];
            for (const char *const *a = g->names; *a; a++) {
                Allowed aa = review_allowed(ctx, &l->cc, arch, *a);
                const Rule *deny;
                if (!aa.exists || !dnf_is_false(aa.region) || !(deny = review_explicit_deny(ctx, arch, *a)))
                    continue;
                for (const char *const *b = g->names; *b; b++) {
                    if (b == a)
                        continue;
                    Allowed ab = review_allowed(ctx, &l->cc, arch, *b);
                    if (ab.exists && !dnf_is_false(ab.region))
                        gap(l, arch, deny, *a, *b, &ab, g->what);
                }
            }
        }
    /* socketcall(2) and ipc(2) need no check here: lower gives every
     * unconditional rule on a socket or IPC call a hit on the multiplexer
     * (arg0 == SYS_X), and conditions on those calls are refused (E0302)
     * where a multiplexer exists; tests/lint/cases/socketcall.pol pins it. */
}

/* A handler installed with rt_sigaction returns through rt_sigreturn; on
 * i386 and arm, one without SA_SIGINFO returns through sigreturn. */
static void check_sigreturn(Lint *l)
{
    polc_ctx *ctx = l->ctx;
    static const char *const pairs[][2] = {{"rt_sigaction", "rt_sigreturn"}, {"rt_sigaction", "sigreturn"},
                                           {"sigaction", "sigreturn"}};
    for (size_t p = 0; p < sizeof pairs / sizeof *pairs; p++)
        for (size_t i = 0; i < l->narches; i++) {
            ArchId arch = l->arches[i];
            Allowed act = review_allowed(ctx, &l->cc, arch, pairs[p][0]);
            Allowed ret = review_allowed(ctx, &l->cc, arch, pairs[p][1]);
            if (!act.exists || !ret.exists || dnf_is_false(act.region) || !dnf_is_false(ret.region) ||
                !first_time(l, arena_printf(&ctx->arena, "sigreturn:%s", pairs[p][1])))
                continue;
            LintFinding *f = add(l, "L0120", allow_span(ctx, &act, pairs[p][0]),
                                 arena_printf(&ctx->arena, "allow %s", pairs[p][1]),
                                 "`%s` is allowed but `%s` is not%s: the first signal handler to return fails",
                                 pairs[p][0], pairs[p][1],
                                 p ? arena_printf(&ctx->arena, " on %s", arch_info(arch)->name) : "");
            note(l, f, SPAN_NONE, "signal handlers return through %s; when seccomp refuses it the process cannot "
                                  "resume and usually dies with SIGSEGV", pairs[p][1]);
        }
}

/* What every program needs to survive signals and restarts and to end (the
 * list polc learn always keeps, compiler/learn/learn.c): a policy that
 * denies or kills on one of them breaks the program the first time a
 * signal handler returns (rt_sigreturn), a stopped call is resumed
 * (restart_syscall) or it exits (exit, exit_group: a kill action there turns
 * a clean exit status into a SIGSYS death). rt_sigreturn/sigreturn already
 * reported by L0120 are not reported again. */
static void check_survival(Lint *l)
{
    polc_ctx *ctx = l->ctx;
    static const char *const names[] = {"rt_sigreturn", "sigreturn", "restart_syscall", "exit", "exit_group"};
    for (size_t k = 0; k < sizeof names / sizeof *names; k++)
        for (size_t i = 0; i < l->narches; i++) {
            ArchId arch = l->arches[i];
            Allowed a = review_allowed(ctx, &l->cc, arch, names[k]);
            if (!a.exists || dnf_is_true(a.region))
                continue;
            bool sigret = strstr(names[k], "sigreturn") != NULL;
            if (sigret && !first_time(l, arena_printf(&ctx->arena, "sigreturn:%s", names[k])))
                continue;
            const Rule *r = review_explicit_deny(ctx, arch, names[k]);
            /* Left to a denying default, only exit_group is a finding:
             * without rt_sigaction no handler needs rt_sigreturn (and with
             * it, L0120 says so), a single-threaded program ends through
             * exit_group, not exit, and without restart_syscall a resumed
             * sleep fails instead of going on. A rule that denies any of
             * them on purpose is always one. */
            bool restart = strcmp(names[k], "restart_syscall") == 0;
            bool on_purpose_only = strcmp(names[k], "exit_group") != 0;
            if ((on_purpose_only && !r) || !first_time(l, arena_printf(&ctx->arena, "survival:%s", names[k])))
                continue;
            Span sp = r ? rule_target_span(r, names[k])
                        : ctx->policy.have_default ? ctx->policy.default_span : review_anchor(ctx, ST_DEFAULT);
            LintFinding *f = add(l, "L0121", sp,
                                 arena_printf(&ctx->arena, "allow %s (polc learn always keeps it)", names[k]),
                                 "`%s` is %s%s: every program needs it", names[k],
                                 dnf_is_false(a.region) ? "not allowed" : "allowed only under a condition",
                                 l->narches > 1 ? arena_printf(&ctx->arena, " on %s", arch_info(arch)->name) : "");
            note(l, f, SPAN_NONE, "%s",
                 sigret ? "a signal handler returns through it: without it the process dies (usually SIGSEGV) "
                          "the first time a handled signal, e.g. SIGTERM, arrives"
                 : restart
                     ? "the kernel resumes a sleep interrupted by a stop and continue (SIGSTOP, SIGCONT) through it"
                     : "a process ends through it: a denial leaves it running, a kill turns its exit status into "
                       "a SIGSYS death");
        }
}

/* Socket families a container rarely needs and an attacker wants: AF_PACKET
 * (raw link-layer frames: sniffing and spoofing, and a long list of kernel
 * bugs) and netlink protocols other than NETLINK_ROUTE (the audit log,
 * netfilter, IPsec, uevents), judged on the decision itself so that sets,
 * includes and the network section are seen through. */
static void check_socket_families(Lint *l)
{
    polc_ctx *ctx = l->ctx;
    static const struct {
        uint64_t proto;
        const char *name;
    } netlink[] = {{9, "NETLINK_AUDIT"},      {12, "NETLINK_NETFILTER"}, {6, "NETLINK_XFRM"},
                   {15, "NETLINK_KOBJECT_UEVENT"}, {4, "NETLINK_SOCK_DIAG"}, {16, "NETLINK_GENERIC"}};
    for (size_t i = 0; i < l->narches; i++) {
        ArchId arch = l->arches[i];
        Allowed a = review_allowed(ctx, &l->cc, arch, "socket");
        if (!a.exists || dnf_is_false(a.region))
            continue;
        bool packet = false;
        const uint64_t types[] = {3 /* SOCK_RAW */, 2 /* SOCK_DGRAM */};
        for (size_t t = 0; t < 2 && !packet; t++)
            for (uint64_t proto = 0; proto <= 0x300 && !packet; proto += 0x300) {
                uint64_t args[6] = {17 /* AF_PACKET */, types[t], proto};
                packet = dnf_eval(a.region, args);
            }
        StrBuf nl;
        sb_init(&nl);
        for (size_t k = 0; k < sizeof netlink / sizeof *netlink; k++) {
            bool allowed = false;
            for (size_t t = 0; t < 2 && !allowed; t++) {
                uint64_t args[6] = {16 /* AF_NETLINK */, types[t], netlink[k].proto};
                allowed = dnf_eval(a.region, args);
            }
            if (allowed)
                sb_printf(&nl, "%s%s", nl.len ? ", " : "", netlink[k].name);
        }
        if ((packet || nl.len) && first_time(l, "socket-families")) {
            const char *what = packet && nl.len ? arena_printf(&ctx->arena, "AF_PACKET and AF_NETLINK (%s)", nl.data)
                               : packet         ? "AF_PACKET"
                                                : arena_printf(&ctx->arena, "AF_NETLINK (%s)", nl.data);
            LintFinding *f = add(l, "L0160", allow_span(ctx, &a, "socket"),
                                 "name the families the program uses: `allow inet stream, inet6 stream, unix` in "
                                 "network, or `allow socket if domain in {AF_INET, AF_INET6, AF_UNIX}`; for "
                                 "netlink, only NETLINK_ROUTE (`protocol == 0`)",
                                 "`socket` allows %s%s", what, log_word(ctx, &a));
            if (packet)
                note(l, f, SPAN_NONE, "AF_PACKET reads and writes raw frames on the host's interfaces (with "
                                      "CAP_NET_RAW): sniffing and spoofing, and a history of kernel bugs");
            if (nl.len)
                note(l, f, SPAN_NONE, "netlink protocols other than NETLINK_ROUTE reach the audit log, netfilter, "
                                      "IPsec or device events; getaddrinfo needs only NETLINK_ROUTE");
        }
        sb_free(&nl);
    }
}

/* ---- capabilities, files, process ---- */

static void check_caps(Lint *l)
{
    polc_ctx *ctx = l->ctx;
    if (ctx->policy.caps.add_all) {
        LintFinding *f = add(l, "L0130", review_anchor(ctx, ST_CAPS),
                             "add only the capabilities the program needs", "`add all` keeps every capability");
        note(l, f, SPAN_NONE, "a container with every capability is privileged: SYS_ADMIN, SYS_MODULE, "
                              "SYS_RAWIO and the others each allow an escape");
    }
    for (size_t i = 0; i < ctx->policy.caps.adds.len; i++) {
        const CapRef *c = &ctx->policy.caps.adds.items[i];
        const DangerousCap *d = review_dangerous_cap(c->name);
        if (!d || !first_time(l, arena_printf(&ctx->arena, "cap:%s", c->name)))
            continue;
        LintFinding *f = add(l, "L0130", c->span,
                             "drop it, or silence this with `# polc: allow L0130` and a reason on this line",
                             "capability `%s` is added", c->name);
        note(l, f, SPAN_NONE, "%s", d->reason);
    }
    if (!ctx->policy.caps.drop_all && !ctx->policy.caps.add_all) {
        StrBuf sb;
        sb_init(&sb);
        size_t n = 0;
        for (size_t i = 0; review_dangerous_caps[i].name; i++) {
            int d = l->names ? stdlib_view_cap_num(l->names, review_dangerous_caps[i].name) : -1;
            if (d >= 0 && (ctx->policy.caps.effective & (1ull << d)))
                sb_printf(&sb, "%s%s", n++ ? ", " : "", review_dangerous_caps[i].name);
        }
        if (n) {
            add(l, "L0131", review_anchor(ctx, ST_CAPS),
                                 "start from `capabilities { drop all; add ... }` with only what the program needs",
                                 "the container keeps %s: %s", ctx->policy.caps.declared ? "capabilities it does not drop"
                                                                                  : "Docker's default capabilities",
                                 sb.data);
        }
        sb_free(&sb);
    }
}

static bool writable(FsAccess a) { return a == FS_WRITE || a == FS_APPEND; }

static bool paths_meet(Lint *l, const char *a, const char *b)
{
    size_t at;
    if (aa_glob_problem(a, &at) || aa_glob_problem(b, &at))
        return strcmp(a, b) == 0;
    return aa_glob_intersects(&l->ctx->arena, a, b);
}

static void check_files(Lint *l)
{
    polc_ctx *ctx = l->ctx;
    for (size_t i = 0; i < ctx->policy.fs.rules.len; i++) {
        const FsRule *w = &ctx->policy.fs.rules.items[i];
        if (!writable(w->access))
            continue;
        for (size_t j = 0; j < ctx->policy.fs.rules.len; j++) {
            const FsRule *x = &ctx->policy.fs.rules.items[j];
            if (x->access != FS_EXEC || !paths_meet(l, w->path, x->path))
                continue;
            LintFinding *f = add(l, "L0140", x->span,
                                 "keep programs and writable data apart: exec from a read-only path only",
                                 "`%s` may run programs from `%s`, which is writable", x->path, w->path);
            note(l, f, w->span, "writable here");
            note(l, f, SPAN_NONE, "whatever can write there can replace what runs; the AppArmor profile refuses "
                                  "exec in writable paths, the other back ends enforce neither");
        }
        bool proc = paths_meet(l, w->path, "/proc/**") || paths_meet(l, w->path, "/proc");
        bool sys = paths_meet(l, w->path, "/sys/**") || paths_meet(l, w->path, "/sys");
        if (!proc && !sys)
            continue;
        LintFinding *f = add(l, "L0141", w->span, "write only the paths the program owns, not kernel interfaces",
                             "`%s` makes %s writable", w->path, proc && sys ? "/proc and /sys" : proc ? "/proc" : "/sys");
        note(l, f, SPAN_NONE, "/proc and /sys writes change kernel settings (/proc/sys, /sys/kernel), other "
                              "processes (/proc/PID/mem, attr) and devices");
    }
}

static void check_process(Lint *l)
{
    polc_ctx *ctx = l->ctx;
    if (accounts_runs_as_root(&ctx->policy))
        add(l, "L0151", ctx->policy.process.user_span, "run as an unprivileged user, e.g. `user 65532:65532`",
            "the container runs as root (user 0)");
    else if (!ctx->policy.process.has_user)
        add(l, "L0151", review_anchor(ctx, ST_PROCESS),
            "say which unprivileged user it runs as: `process { user UID:GID }`",
            "no `user` is given: the container runs as the image's user, often root");
    if (!ctx->policy.process.no_new_privs)
        add(l, "L0152", review_anchor(ctx, ST_PROCESS), "add `no-new-privileges` to the process section",
            "no-new-privileges is off: setuid and file-capability programs gain privileges");
    if (!ctx->policy.fs.read_only_root)
        add(l, "L0153", review_anchor(ctx, ST_FS),
            "add `read-only root` to the filesystem section and `write` only the paths the program needs",
            "the root file system is writable");
}

/* A capability the policy adds exists for the calls it permits: when every
 * one of them is denied, the grant does nothing but the program that needs
 * it fails anyway (examples/nginx.pol kept CHOWN and denied every chown
 * call: Debian's nginx stopped at its first chown). */
static void check_caps_unused(Lint *l)
{
    static const struct {
        const char *cap;
        const char *const calls[8];
    } uses[] = {
        {"CHOWN", {"chown", "fchown", "lchown", "fchownat"}},
        {"SETUID", {"setuid", "setreuid", "setresuid", "setfsuid"}},
        {"SETGID", {"setgid", "setregid", "setresgid", "setfsgid", "setgroups"}},
        {"NET_BIND_SERVICE", {"bind"}},
        {"KILL", {"kill", "tkill", "tgkill", "rt_sigqueueinfo", "pidfd_send_signal"}},
        {"SYS_CHROOT", {"chroot"}},
        {"MKNOD", {"mknod", "mknodat"}},
        {"SYS_TIME", {"settimeofday", "clock_settime", "adjtimex", "clock_adjtime"}},
        {"SYS_BOOT", {"reboot", "kexec_load", "kexec_file_load"}},
        {"SYS_MODULE", {"init_module", "finit_module", "delete_module"}},
        {"SYS_PTRACE", {"ptrace", "process_vm_readv", "process_vm_writev"}},
        {"SYS_PACCT", {"acct"}},
        {"SETFCAP", {"setxattr", "lsetxattr", "fsetxattr"}},
        {"SYS_RESOURCE", {"setrlimit", "prlimit64"}},
    };
    polc_ctx *ctx = l->ctx;
    for (size_t i = 0; i < ctx->policy.caps.adds.len; i++) {
        const CapRef *c = &ctx->policy.caps.adds.items[i];
        const char *name = strncmp(c->name, "CAP_", 4) == 0 ? c->name + 4 : c->name;
        for (size_t u = 0; u < sizeof uses / sizeof *uses; u++) {
            if (strcmp(name, uses[u].cap) != 0)
                continue;
            bool any_exists = false, any_allowed = false;
            for (size_t a = 0; a < l->narches && !any_allowed; a++)
                for (size_t k = 0; k < 8 && uses[u].calls[k] && !any_allowed; k++) {
                    Allowed al = review_allowed(ctx, &l->cc, l->arches[a], uses[u].calls[k]);
                    any_exists |= al.exists;
                    any_allowed = al.exists && !dnf_is_false(al.region);
                }
            if (!any_exists || any_allowed || !first_time(l, arena_printf(&ctx->arena, "capuse:%s", name)))
                continue;
            StrBuf sb;
            sb_init(&sb);
            for (size_t k = 0; k < 8 && uses[u].calls[k]; k++)
                sb_printf(&sb, "%s%s", k ? ", " : "", uses[u].calls[k]);
            LintFinding *f = add(l, "L0132", c->span,
                                 "allow the calls the program makes with it, or drop the capability",
                                 "capability `%s` is added, but every call it permits is denied: %s", name,
                                 sb.data ? sb.data : "");
            note(l, f, SPAN_NONE, "the program that needs %s fails at its first such call (EPERM from seccomp, not "
                                  "from the missing capability)", name);
            sb_free(&sb);
        }
    }
}

/* runc makes calls of its own between loading the filter and exec'ing the
 * program (stdlib/presets/base/runc.pol, measured): a container policy that
 * denies one does not start under runc (Docker, podman), whatever the
 * program needs (examples/go-service.pol denied fstatfs, which Debian's
 * runc 1.1.5 calls since its CVE-2024-21626 fix). Not for a policy only
 * polc run can enforce (TCP ports, scopes). */
static void check_runtime_preset(Lint *l)
{
    polc_ctx *ctx = l->ctx;
    if (ctx->policy.net.tcp.len || ctx->policy.net.scope_abstract_unix || ctx->policy.process.scope_signal)
        return;
    polc_ctx *c = compile_new_like(ctx);
    if (!c)
        return;
    polc_set_verify_libseccomp(c, 0);
    static const char text[] = "policy runc\narch x86_64\ndefault errno(EPERM)\ninclude <presets/base/runc.pol>\n";
    const IrArch *ia = NULL;
    if (polc_compile_buffer(c, "<runc preset>", text, sizeof text - 1) == POLC_OK && c->policy.ir)
        ia = ir_arch(c->policy.ir, ARCH_X86_64);
    bool targets = false;
    for (size_t a = 0; a < l->narches; a++)
        targets |= l->arches[a] == ARCH_X86_64;
    StrBuf sb;
    sb_init(&sb);
    size_t n = 0;
    for (size_t i = 0; ia && targets && i < ia->syscalls.len; i++) {
        const char *name = ia->syscalls.items[i].name;
        Allowed al = review_allowed(ctx, &l->cc, ARCH_X86_64, name);
        if (al.exists && dnf_is_false(al.region))
            sb_printf(&sb, "%s%s", n++ ? ", " : "", name);
    }
    if (n) {
        LintFinding *f = add(l, "L0122",
                             ctx->policy.have_default ? ctx->policy.default_span : review_anchor(ctx, ST_DEFAULT),
                             "include <presets/base/runc.pol> (or crun.pol, for crun)",
                             "runc calls %s after loading the filter (some only at times: its Go runtime), which "
                             "the policy denies: the container can fail to start under runc",
                             sb.data);
        note(l, f, SPAN_NONE, "measured with Debian's runc 1.1.5 (docs/presets.md); polc run needs only execve");
    }
    sb_free(&sb);
    polc_free(c);
}

void review_lint(polc_ctx *ctx, LintFindings *out)
{
    Lint l = {.ctx = ctx, .cc = {.arena = &ctx->arena}, .out = out};
    if (!ctx->compiled || !ctx->policy.ir)
        return;
    l.narches = review_arches(ctx, l.arches);
    l.names = stdlib_view_of(ctx);
    check_default(&l);
    check_dangerous(&l);
    check_namespaces(&l);
    check_fileless_exec(&l);
    check_equivalents(&l);
    check_sigreturn(&l);
    check_survival(&l);
    check_socket_families(&l);
    check_runtime_preset(&l);
    check_caps(&l);
    check_caps_unused(&l);
    check_files(&l);
    check_process(&l);
    stdlib_view_free(l.names);
}

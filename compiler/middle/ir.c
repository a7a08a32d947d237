/* IR queries and the readable dump (polc --dump-ir). */
#include <string.h>

#include "compile.h"
#include "middle/ir.h"

#include <linux/seccomp.h>

const IrArch *ir_arch(const Ir *ir, ArchId arch)
{
    for (size_t i = 0; i < ir->arches.len; i++)
        if (ir->arches.items[i].arch == arch)
            return &ir->arches.items[i];
    return NULL;
}

const IrSyscall *ir_syscall(const IrArch *ia, uint32_t nr)
{
    size_t lo = 0, hi = ia->syscalls.len;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        uint32_t m = ia->syscalls.items[mid].nr;
        if (m == nr)
            return &ia->syscalls.items[mid];
        if (m < nr)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

bool ir_high_half_clean(uint64_t v)
{
    uint32_t hi = (uint32_t)(v >> 32), lo = (uint32_t)v;
    return hi == 0 || (hi == 0xffffffffu && (lo & 0x80000000u));
}

const IrDecision *ir_scenario(const IrSyscall *s, uint64_t caps)
{
    unsigned sc = 0;
    for (int b = 0; b < s->ncaps; b++)
        if (caps & (1ull << s->caps[b]))
            sc |= 1u << b;
    return &s->scenarios[sc];
}

bool ir_decision_eq(const IrDecision *a, const IrDecision *b)
{
    if (a->cases.len != b->cases.len)
        return false;
    for (size_t i = 0; i < a->cases.len; i++)
        if (!action_eq(a->cases.items[i].action, b->cases.items[i].action) ||
            !dnf_eq(a->cases.items[i].cond, b->cases.items[i].cond))
            return false;
    return true;
}

unsigned ir_args_tested(const IrDecision *d)
{
    unsigned m = 0;
    for (size_t c = 0; c < d->cases.len; c++)
        for (size_t t = 0; t < d->cases.items[c].cond.n; t++) {
            const Term *term = &d->cases.items[c].cond.terms[t];
            for (size_t i = 0; i < term->n; i++)
                m |= 1u << term->atoms[i].arg;
        }
    return m;
}

unsigned ir_int_args_tested(const Policy *policy, const IrSyscall *s, ArchId arch, const IrDecision *d)
{
    if (arch_info(arch)->word_bits != 64)
        return 0;
    unsigned m = ir_args_tested(d);
    for (unsigned i = 0; i < 6; i++)
        if (ir_arg_bits(policy, s->name, arch, i) != 32)
            m &= ~(1u << i);
    return m;
}

/* The harshest outcome of a decision: its cases' actions and the default. */
IrVerdict ir_harshest(const IrDecision *d, Action dflt)
{
    IrVerdict v = {dflt, IR_RULE_DEFAULT};
    for (size_t c = 0; c < d->cases.len; c++)
        if (action_cmp(d->cases.items[c].action, v.action) < 0) {
            v.action = d->cases.items[c].action;
            v.rule = d->cases.items[c].rules.len ? d->cases.items[c].rules.items[0] : IR_RULE_DEFAULT;
        }
    return v;
}

IrVerdict ir_eval(const Policy *policy, ArchId arch, uint32_t nr, const uint64_t args[6], uint64_t caps)
{
    /* On x86_64, numbers from the x32 bit (0x40000000) up are x32 calls: the
     * x32 tree decides them, or, when x32 is not a target, they are killed
     * like any ABI the policy does not name. They are never decided by the
     * x86_64 tree. -1 is not a syscall but the "skipped" marker and goes to
     * the default, as the kernel and libseccomp treat it. */
    if (arch == ARCH_X86_64 && nr >= 0x40000000u && nr != 0xffffffffu) {
        if (!ir_arch(policy->ir, ARCH_X32)) {
            IrVerdict v = {{ACT_KILL_PROCESS, 0}, IR_RULE_BAD_ARCH};
            return v;
        }
        arch = ARCH_X32;
    }
    const IrArch *ia = ir_arch(policy->ir, arch);
    if (!ia && arch == ARCH_X86_64 && nr == 0xffffffffu && ir_arch(policy->ir, ARCH_X32)) {
        /* -1 under x86_64's audit value, which x32 shares: the skip marker */
        IrVerdict v = {policy->ir->default_action, IR_RULE_DEFAULT};
        return v;
    }
    if (!ia) {
        IrVerdict v = {{ACT_KILL_PROCESS, 0}, IR_RULE_BAD_ARCH};
        return v;
    }
    const IrSyscall *s = ir_syscall(ia, nr);
    if (s && policy->strict_int_args) {
        const IrDecision *d = ir_scenario(s, caps);
        unsigned tested = ir_int_args_tested(policy, s, arch, d);
        for (unsigned i = 0; i < 6; i++)
            if ((tested & (1u << i)) && !ir_high_half_clean(args[i]))
                return ir_harshest(d, policy->ir->default_action);
    }
    if (!s) { /* nothing tests its arguments */
        IrVerdict v = {policy->ir->default_action, IR_RULE_DEFAULT};
        if (policy->ir->has_unknown && nr != 0xffffffffu && !syscalldb_by_nr(&policy->db, arch, nr)) {
            v.action = policy->ir->unknown_action;
            return v;
        }
        /* every rule of the syscall does what the default does: name it */
        for (size_t i = 0; i < ia->folded.len; i++)
            if (ia->folded.items[i].nr == nr) {
                uint64_t view[6];
                ir_arg_view(policy, ia->folded.items[i].name, arch, args, view);
                return ir_syscall_eval(&ia->folded.items[i], view, caps, policy->ir->default_action);
            }
        return v;
    }
    uint64_t view[6];
    ir_arg_view(policy, s->name, arch, args, view);
    return ir_syscall_eval(s, view, caps, policy->ir->default_action);
}

IrVerdict ir_syscall_eval(const IrSyscall *s, const uint64_t args[6], uint64_t caps, Action dflt)
{
    IrVerdict v = {dflt, -1};
    if (!s)
        return v;
    const IrDecision *d = ir_scenario(s, caps);
    for (size_t i = 0; i < d->cases.len; i++)
        if (dnf_eval(d->cases.items[i].cond, args)) {
            v.action = d->cases.items[i].action;
            v.rule = d->cases.items[i].rules.len ? d->cases.items[i].rules.items[0] : -1;
            return v;
        }
    /* the default decides; a rule with the default's action may match */
    for (size_t i = 0; i < d->folded.len; i++)
        if (dnf_eval(d->folded.items[i].cond, args)) {
            v.rule = d->folded.items[i].rules.items[0];
            return v;
        }
    return v;
}

unsigned ir_arg_bits(const Policy *policy, const char *sysname, ArchId arch, unsigned idx)
{
    if (arch_info(arch)->word_bits == 32)
        return 32;
    const Signature *sig = syscalldb_signature_on(&policy->db, sysname, arch);
    if (sig && (int)idx < sig->nargs)
        return arg_type_bits(sig->arg_types[idx], arch);
    return 64;
}

void ir_arg_view(const Policy *policy, const char *sysname, ArchId arch, const uint64_t args[6], uint64_t view[6])
{
    /* one signature lookup for the six arguments (ir_arg_bits per argument) */
    bool all32 = arch_info(arch)->word_bits == 32;
    const Signature *sig = all32 ? NULL : syscalldb_signature_on(&policy->db, sysname, arch);
    for (unsigned i = 0; i < 6; i++) {
        bool narrow = all32 || (sig && (int)i < sig->nargs && arg_type_bits(sig->arg_types[i], arch) == 32);
        view[i] = narrow ? (args[i] & 0xffffffffu) : args[i];
    }
}

const char *ir_arg_name(const Policy *policy, const char *sysname, ArchId arch, unsigned idx)
{
    static const char *const pos[] = {"arg0", "arg1", "arg2", "arg3", "arg4", "arg5"};
    const Signature *sig = syscalldb_signature_on(&policy->db, sysname, arch);
    if (sig && (int)idx < sig->nargs)
        return sig->arg_names[idx];
    return idx < 6 ? pos[idx] : "arg?";
}

typedef struct ArgNameCtx {
    const polc_ctx *ctx;
    const char *sysname;
    ArchId arch;
} ArgNameCtx;

static char *argname_cb(void *p, unsigned idx)
{
    ArgNameCtx *a = p;
    return (char *)ir_arg_name(&a->ctx->policy, a->sysname, a->arch, idx);
}

static void dump_rules(polc_ctx *ctx, StrBuf *sb, const IrCase *c)
{
    sb_puts(sb, "  #");
    size_t shown = 0;
    for (size_t i = 0; i < c->rules.len && shown < 4; i++) {
        const char *loc = ctx->policy.rules.items[c->rules.items[i]]->loc;
        bool dup = false;
        for (size_t j = 0; j < i && !dup; j++)
            dup = strcmp(ctx->policy.rules.items[c->rules.items[j]]->loc, loc) == 0;
        if (!dup) {
            sb_printf(sb, " %s", loc);
            shown++;
        }
    }
    if (c->rules.len > shown && shown == 4)
        sb_puts(sb, " ...");
}

static void dump_scenario(polc_ctx *ctx, StrBuf *sb, const IrSyscall *s, unsigned sc)
{
    for (int b = 0; b < s->ncaps; b++) {
        const char *n = cap_name(&ctx->policy, s->caps[b]);
        sb_printf(sb, "%s%s %s", b ? ", " : "", (sc & (1u << b)) ? "with" : "without", n ? n : "?");
    }
}

char *polc_dump_ir(polc_ctx *ctx)
{
    StrBuf sb;
    sb_init(&sb);
    if (!ctx->policy.ir)
        return sb_take(&sb);
    Arena *A = &ctx->arena;
    sb_printf(&sb, "policy %s", ctx->policy.name);
    if (ctx->policy.desc)
        sb_printf(&sb, " \"%s\"", ctx->policy.desc);
    sb_printf(&sb, "\ndefault %s\n", action_str(&ctx->policy, A, ctx->policy.ir->default_action));
    if (ctx->policy.newer_rule)
        sb_printf(&sb, "default %s for syscalls newer than %u.%u that no rule names\n",
                  action_str(&ctx->policy, A, ctx->policy.newer_rule->action), ctx->policy.newer_than / 10000, ctx->policy.newer_than / 100 % 100);
    if (ctx->policy.ir->has_unknown)
        sb_printf(&sb, "default %s for numbers polc's tables do not know\n",
                  action_str(&ctx->policy, A, ctx->policy.ir->unknown_action));
    for (size_t a = 0; a < ctx->policy.ir->arches.len; a++) {
        const IrArch *ia = &ctx->policy.ir->arches.items[a];
        sb_printf(&sb, "\narch %s: %zu syscalls decided, the rest: %s\n", arch_info(ia->arch)->name,
                  ia->syscalls.len, action_str(&ctx->policy, A, ctx->policy.ir->default_action));
        for (size_t i = 0; i < ia->syscalls.len; i++) {
            const IrSyscall *s = &ia->syscalls.items[i];
            ArgNameCtx an = {ctx, s->name, ia->arch};
            bool simple = s->ncaps == 0 && s->scenarios[0].cases.len == 1 &&
                          dnf_is_true(s->scenarios[0].cases.items[0].cond);
            sb_printf(&sb, "  %u %s:", s->nr, s->name);
            if (simple) {
                const IrCase *c = &s->scenarios[0].cases.items[0];
                sb_printf(&sb, " %s", action_str(&ctx->policy, A, c->action));
                dump_rules(ctx, &sb, c);
                sb_putc(&sb, '\n');
                continue;
            }
            sb_putc(&sb, '\n');
            for (unsigned sc = 0; sc < (1u << s->ncaps); sc++) {
                const IrDecision *d = &s->scenarios[sc];
                const char *indent = "    ";
                if (s->ncaps) {
                    sb_puts(&sb, "    ");
                    dump_scenario(ctx, &sb, s, sc);
                    sb_puts(&sb, d->cases.len ? ":\n" : ": default\n");
                    indent = "      ";
                }
                for (size_t c = 0; c < d->cases.len; c++) {
                    const IrCase *k = &d->cases.items[c];
                    sb_printf(&sb, "%s%s", indent, action_str(&ctx->policy, A, k->action));
                    if (!dnf_is_true(k->cond)) {
                        sb_puts(&sb, " if ");
                        dnf_format(k->cond, argname_cb, &an, &sb);
                    }
                    dump_rules(ctx, &sb, k);
                    sb_putc(&sb, '\n');
                }
            }
        }
    }
    /* the intents other back ends enforce */
    sb_puts(&sb, "\ncapabilities:");
    for (int c = 0; c < 64; c++)
        if (ctx->policy.caps.effective & (1ull << c)) {
            const char *n = cap_name(&ctx->policy, c);
            sb_printf(&sb, " %s", n ? n : "?");
        }
    if (!ctx->policy.caps.effective)
        sb_puts(&sb, " (none)");
    sb_printf(&sb, "%s\n", ctx->policy.caps.declared ? "" : "  # Docker's default set: no capabilities section");
    sb_printf(&sb, "filesystem: root %s\n", ctx->policy.fs.read_only_root ? "read-only" : "writable");
    if (ctx->policy.fs.confine_reads)
        sb_puts(&sb, "  reads confined: the listed paths and the read baseline\n");
    if (ctx->policy.fs.landlock_abi)
        sb_printf(&sb, "  landlock-abi %d\n", ctx->policy.fs.landlock_abi);
    for (size_t i = 0; i < ctx->policy.fs.rules.len; i++)
        sb_printf(&sb, "  %s %s\n", fs_access_name(ctx->policy.fs.rules.items[i].access), ctx->policy.fs.rules.items[i].path);
    if (ctx->policy.mode.complain)
        sb_puts(&sb, "mode: complain\n");
    sb_puts(&sb, "network:\n");
    for (size_t i = 0; i < ctx->policy.net.rules.len; i++) {
        const NetRule *n = &ctx->policy.net.rules.items[i];
        sb_printf(&sb, "  %s %s %s\n", n->deny ? "deny" : "allow", n->family ? n->family : "any-family",
                  n->type ? n->type : "any-type");
    }
    for (size_t i = 0; i < ctx->policy.net.tcp.len; i++) {
        const NetPort *np = &ctx->policy.net.tcp.items[i];
        sb_printf(&sb, "  allow tcp %s %u-%u\n", np->connect ? "connect" : "bind", np->lo, np->hi);
    }
    sb_puts(&sb, "process:");
    if (ctx->policy.process.user_name)
        sb_printf(&sb, " user %s", ctx->policy.process.user_name);
    else if (ctx->policy.process.has_user)
        sb_printf(&sb, " user %u", ctx->policy.process.uid);
    if (ctx->policy.process.group_name)
        sb_printf(&sb, " group %s", ctx->policy.process.group_name);
    else if (ctx->policy.process.has_gid)
        sb_printf(&sb, " group %u", ctx->policy.process.gid);
    sb_printf(&sb, " no-new-privileges %s\n", ctx->policy.process.no_new_privs ? "yes" : "no");
    return sb_take(&sb);
}

uint32_t ir_action_ret(Action a)
{
    switch (a.kind) {
    case ACT_KILL_PROCESS: return SECCOMP_RET_KILL_PROCESS;
    case ACT_KILL_THREAD: return SECCOMP_RET_KILL_THREAD;
    case ACT_TRAP: return SECCOMP_RET_TRAP | (a.data & SECCOMP_RET_DATA);
    case ACT_ERRNO: return SECCOMP_RET_ERRNO | (a.data & SECCOMP_RET_DATA);
    case ACT_NOTIFY: return SECCOMP_RET_USER_NOTIF;
    case ACT_TRACE: return SECCOMP_RET_TRACE | (a.data & SECCOMP_RET_DATA);
    case ACT_LOG: return SECCOMP_RET_LOG;
    case ACT_ALLOW: return SECCOMP_RET_ALLOW;
    default: return SECCOMP_RET_KILL_PROCESS;
    }
}

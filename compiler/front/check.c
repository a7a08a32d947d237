/* Check stage: every argument condition is type-checked against the
 * signature of every syscall its rule names, on every target arch. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "facts/abi.h"
#include "front/check.h"
#include "middle/ir.h"

/* A condition on a socket or IPC call cannot be enforced on an arch where the
 * call is also reachable through socketcall(2)/ipc(2): there the arguments
 * are in memory, and libseccomp drops the condition on that path. */
static void check_muxed_conditions(polc_ctx *ctx, Rule *r)
{
    for (size_t t = 0; t < r->targets.len; t++) {
        const char *muxer;
        uint32_t call;
        const char *name = r->targets.items[t].name;
        if (!muxed_call(name, &muxer, &call))
            continue;
        for (int a = 0; a < ARCH__COUNT; a++) {
            if (!(r->arch_mask & (1u << a)) || !arch_has_muxer(&ctx->policy.db, (ArchId)a, muxer))
                continue;
            const char *an = arch_info((ArchId)a)->name;
            Diag *g = diag_error(&ctx->diag, "E0302", r->cond->span,
                                 "the condition on `%s` cannot be enforced on %s", name, an);
            diag_note(&ctx->diag, g, SPAN_NONE,
                      "on %s `%s` is also reachable through %s(2), whose arguments are in memory where "
                      "seccomp cannot read them; the rule would decide that path without its condition",
                      an, name, muxer);
            diag_help(&ctx->diag, g, "limit the rule to other arches with `when not arch %s { ... }`, or drop %s from `arch`",
                      an, an);
            return;
        }
    }
}

typedef struct Conv {
    polc_ctx *ctx;
    CondCtx *cc;
    const Signature *sig;
    const char *sysname;
    ArchId arch;
    bool report;
    bool ok;
} Conv;

static bool operand(Conv *cv, const Expr *e, unsigned *idx, unsigned *bits)
{
    const char *n = e->name;
    if (n[0] == 'a' && n[1] == 'r' && n[2] == 'g' && n[3] >= '0' && n[3] <= '9') {
        const char *p = n + 3;
        unsigned long v = 0;
        while (*p >= '0' && *p <= '9' && v < 100)
            v = v * 10 + (unsigned long)(*p++ - '0');
        if (*p == '\0') {
            if (v > 5) {
                if (cv->report) {
                    Diag *g = diag_error(&cv->ctx->diag, "E0214", e->name_span,
                                         "argument index %lu is out of range", v);
                    diag_help(&cv->ctx->diag, g, "syscalls have at most six arguments: arg0 to arg5");
                }
                return false;
            }
            *idx = (unsigned)v;
            *bits = 64;
            if (cv->sig && (int)v < cv->sig->nargs)
                *bits = arg_type_bits(cv->sig->arg_types[v], cv->arch);
            else if (arch_info(cv->arch)->word_bits == 32)
                *bits = 32;
            return true;
        }
    }
    if (!cv->sig) {
        if (cv->report) {
            Diag *g = diag_error(&cv->ctx->diag, "E0213", e->name_span,
                                 "syscall `%s` has no signature, so `%s` names nothing", cv->sysname, n);
            diag_help(&cv->ctx->diag, g, "use positional arguments arg0 to arg5");
        }
        return false;
    }
    for (int i = 0; i < cv->sig->nargs; i++)
        if (strcmp(cv->sig->arg_names[i], n) == 0) {
            *idx = (unsigned)i;
            *bits = arg_type_bits(cv->sig->arg_types[i], cv->arch);
            if (*bits == 64 && arch_info(cv->arch)->word_bits == 32) {
                if (cv->report) {
                    Diag *g = diag_error(&cv->ctx->diag, "E0306", e->name_span,
                                         "`%s` of `%s` is a 64-bit argument, which seccomp cannot compare on %s",
                                         n, cv->sysname, arch_info(cv->arch)->name);
                    diag_note(&cv->ctx->diag, g, SPAN_NONE,
                              "on 32-bit ABIs filters see 32-bit argument slots; a 64-bit value spans two of them or is compared on its low half only");
                    diag_help(&cv->ctx->diag, g, "limit the rule to 64-bit arches with `when not arch %s { ... }`",
                              arch_info(cv->arch)->name);
                }
                return false;
            }
            return true;
        }
    if (cv->report) {
        Diag *g = diag_error(&cv->ctx->diag, "E0213", e->name_span, "syscall `%s` has no argument named `%s`",
                             cv->sysname, n);
        const char *c = closest_name(n, cv->sig->arg_names, (size_t)cv->sig->nargs);
        if (c) {
            diag_help(&cv->ctx->diag, g, "did you mean `%s`?", c);
        } else {
            char buf[256];
            size_t o = 0;
            for (int i = 0; i < cv->sig->nargs && o < sizeof buf; i++)
                o += (size_t)snprintf(buf + o, sizeof buf - o, "%s%s", i ? ", " : "", cv->sig->arg_names[i]);
            if (cv->sig->nargs)
                diag_help(&cv->ctx->diag, g, "`%s` takes: %s", cv->sysname, buf);
            else
                diag_help(&cv->ctx->diag, g, "`%s` takes no arguments", cv->sysname);
        }
    }
    return false;
}

/* A value fits an n-bit argument if it is an n-bit unsigned value or an n-bit
 * negative value sign-extended to 64 bits (what C callers pass for -1). */
static bool fits(uint64_t v, unsigned bits)
{
    if (bits >= 64)
        return true;
    uint64_t max = (1ull << bits) - 1;
    uint64_t min_neg = ~0ull << (bits - 1);
    return v <= max || v >= min_neg;
}

/* Whether an argument is compared on a 32-bit view (see value() below). */
static bool narrow_view(const Conv *cv, unsigned bits)
{
    return bits == 32 || arch_info(cv->arch)->word_bits == 32;
}

/* A 32-bit argument is compared on its low half, the part the kernel reads
 * (an int parameter ignores the upper half of its 64-bit register), so a
 * negative constant wraps to 32 bits. On 32-bit ABIs every argument slot is
 * 32 bits. */
static bool value(Conv *cv, Expr *e, unsigned bits, const Expr *opnd, uint64_t *out)
{
    if (!resolve_value(cv->ctx, e, out))
        return false;
    if (fits(*out, bits) && narrow_view(cv, bits))
        *out &= 0xffffffffu;
    if (!fits(*out, bits)) {
        if (cv->report) {
            Diag *g = diag_error(&cv->ctx->diag, "E0300", e->span,
                                 "value 0x%llx does not fit the %u-bit argument `%s` of `%s`",
                                 (unsigned long long)*out, bits, opnd->name, cv->sysname);
            diag_note(&cv->ctx->diag, g, opnd->name_span, "`%s` is %u bits wide on %s", opnd->name, bits,
                      arch_info(cv->arch)->name);
        }
        return false;
    }
    return true;
}

static Dnf conv(Conv *cv, Expr *e)
{
    unsigned idx, bits;
    uint64_t v, m;
    switch (e->kind) {
    case EX_AND: {
        Dnf a = conv(cv, e->a), b = conv(cv, e->b);
        return dnf_and(cv->cc, a, b);
    }
    case EX_OR: {
        Dnf a = conv(cv, e->a), b = conv(cv, e->b);
        return dnf_or(cv->cc, a, b);
    }
    case EX_NOT:
        return dnf_not(cv->cc, conv(cv, e->a));
    case EX_CMP:
        if (!operand(cv, e, &idx, &bits) || !value(cv, e->b, bits, e, &v))
            return cv->ok = false, dnf_false();
        return dnf_atom(cv->cc, (Atom){(uint8_t)idx, (uint8_t)e->op, v, 0, narrow_view(cv, bits)});
    case EX_MASKCMP:
    case EX_BITTEST: {
        if (!operand(cv, e, &idx, &bits) || !value(cv, e->b, bits, e, &m))
            return cv->ok = false, dnf_false();
        v = 0;
        CmpOp op = CMP_NE;
        if (e->kind == EX_MASKCMP) {
            if (e->op != CMP_EQ && e->op != CMP_NE) {
                if (cv->report) {
                    Diag *g = diag_error(&cv->ctx->diag, "E0305", e->span,
                                         "a masked argument can only be compared with == or !=");
                    diag_help(&cv->ctx->diag, g, "write `%s & MASK == VALUE`", e->name);
                }
                return cv->ok = false, dnf_false();
            }
            if (!value(cv, e->c, bits, e, &v))
                return cv->ok = false, dnf_false();
            op = e->op;
            if (v & ~m) {
                if (cv->report) {
                    Diag *g = diag_warning(&cv->ctx->diag, "W0005", e->span,
                                           "`%s & 0x%llx` can never equal 0x%llx", e->name,
                                           (unsigned long long)m, (unsigned long long)v);
                    diag_note(&cv->ctx->diag, g, SPAN_NONE, "the value has bits outside the mask, so this comparison is always %s",
                              op == CMP_EQ ? "false" : "true");
                }
            }
        }
        Dnf d = dnf_atom(cv->cc, (Atom){(uint8_t)idx, A_MASKED_EQ, v, m, narrow_view(cv, bits)});
        return op == CMP_EQ ? d : dnf_not(cv->cc, d);
    }
    case EX_IN: {
        if (!operand(cv, e, &idx, &bits))
            return cv->ok = false, dnf_false();
        Dnf d = dnf_false();
        for (size_t i = 0; i < e->list.len; i++) {
            if (!value(cv, e->list.items[i], bits, e, &v)) {
                cv->ok = false;
                continue;
            }
            d = dnf_or(cv->cc, d, dnf_atom(cv->cc, (Atom){(uint8_t)idx, A_EQ, v, 0, narrow_view(cv, bits)}));
        }
        return e->negated ? dnf_not(cv->cc, d) : d;
    }
    default:
        if (cv->report)
            diag_error(&cv->ctx->diag, "E0100", e->span, "expected a condition");
        cv->ok = false;
        return dnf_false();
    }
}

bool rule_cond_dnf(polc_ctx *ctx, CondCtx *cc, const Rule *r, const char *sysname, ArchId arch,
                   bool report, Dnf *out)
{
    if (!r->cond) {
        *out = dnf_true(cc);
        return true;
    }
    Conv cv = {ctx, cc, syscalldb_signature_on(&ctx->policy.db, sysname, arch), sysname, arch, report, true};
    cc->overflow = false;
    *out = conv(&cv, r->cond);
    if (cc->overflow) {
        if (report) {
            Diag *g = diag_error(&ctx->diag, "E0311", r->cond->span,
                                 "this condition is too complex (over %d cases once normalized)", DNF_MAX_TERMS);
            diag_help(&ctx->diag, g, "split the rule into several simpler rules");
        }
        return false;
    }
    return cv.ok;
}

/* Report each distinct problem once: check every (rule, syscall name) on the
 * first target arch where the name exists, then the other arches silently
 * (only width differences can appear there, and those are reported too). */
bool check_policy(polc_ctx *ctx)
{
    size_t before = ctx->diag.nerrors;
    /* The conditions converted here only prove they convert (lower converts
     * them again): they live in a scratch arena, emptied after each rule, so
     * a policy of 100k rules does not keep 100k dead copies. */
    Arena scratch;
    arena_init(&scratch);
    CondCtx cc = {&scratch, false};
    StrMap seen_sig = {0}; /* name -> the last rule (index + 1) that checked it */
    for (size_t i = 0; i < ctx->policy.rules.len; i++) {
        Rule *r = ctx->policy.rules.items[i];
        if (!r->cond)
            continue;
        check_muxed_conditions(ctx, r);
        bool reported_width = false;
        for (size_t t = 0; t < r->targets.len; t++) {
            const char *name = r->targets.items[t].name;
            /* rules naming many syscalls are checked once per syscall */
            void *mark = (void *)(uintptr_t)(i + 1);
            if (strmap_get(&seen_sig, name) == mark)
                continue;
            strmap_put(&seen_sig, &ctx->arena, name, mark);
            bool first = true;
            for (int a = 0; a < ARCH__COUNT && !reported_width; a++) {
                if (!(r->arch_mask & (1u << a)) || !syscalldb_lookup(&ctx->policy.db, (ArchId)a, name))
                    continue;
                Dnf d;
                /* the first arch reports warnings too; the others only their errors */
                bool ok = rule_cond_dnf(ctx, &cc, r, name, (ArchId)a, first, &d);
                if (!ok && !first)
                    rule_cond_dnf(ctx, &cc, r, name, (ArchId)a, true, &d);
                first = false;
                if (!ok)
                    reported_width = true;
            }
        }
        arena_release(&scratch);
        arena_init(&scratch);
    }
    arena_release(&scratch);
    return ctx->diag.nerrors == before;
}

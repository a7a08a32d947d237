/* polc import, step 2: what the profile means, in polc's terms.
 *
 * The stdlib: its syscall tables, signatures, constants, capabilities and
 * groups for every arch, from one stdlib view (front/stdlib_view.h).
 * The semantics: target arches (and the x86/ppc64le/s390x restriction for
 * conditions on multiplexed calls), entries that equal the default (runc
 * drops them), and libseccomp's precedence where it differs from polc's
 * "most restrictive wins". */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "facts/abi.h"
#include "front/stdlib_view.h"
#include "import/import.h"
#include "middle/cond.h"

#define ALL_ARCHES ((1u << ARCH__COUNT) - 1)

bool imp_std_load(ImpCtx *ic)
{
    ic->std.view = stdlib_view_load(ic->ctx, 0, "polc import", &ic->ctx->diag);
    return ic->std.view != NULL;
}

void imp_std_free(ImpCtx *ic)
{
    stdlib_view_free(ic->std.view);
    ic->std.view = NULL;
}

bool imp_syscall_on(const ImpCtx *ic, const char *name, ArchId a)
{
    const char *mux;
    uint32_t call;
    if (stdlib_view_has_syscall(ic->std.view, a, name))
        return true;
    return muxed_call(name, &mux, &call) && arch_has_muxer(stdlib_view_db(ic->std.view), a, mux);
}

bool imp_syscall_known(const ImpCtx *ic, const char *name)
{
    for (int a = 0; a < ARCH__COUNT; a++)
        if (imp_syscall_on(ic, name, (ArchId)a))
            return true;
    return false;
}

int imp_cap_num(const ImpCtx *ic, const char *name)
{
    char up[64];
    size_t n = 0;
    for (const char *p = name; *p && n < sizeof up - 1; p++)
        up[n++] = (char)toupper((unsigned char)*p);
    up[n] = '\0';
    const char *s = strncmp(up, "CAP_", 4) == 0 ? up + 4 : up;
    return stdlib_view_cap_num(ic->std.view, s);
}

const char *imp_cap_name(const ImpCtx *ic, int num) { return stdlib_view_cap_name(ic->std.view, num); }

bool imp_errno_value(const ImpCtx *ic, const char *name, uint32_t *out)
{
    const NamedConst *d = stdlib_view_const(ic->std.view, name);
    if (!d || !d->is_errno || d->value > 4095)
        return false;
    *out = (uint32_t)d->value;
    return true;
}

/* ---- semantics ------------------------------------------------------ */

static bool act_eq(ImpAction a, ImpAction b) { return a.kind == b.kind && a.data == b.data; }

static const char *act_name(ImpAction a)
{
    static const char *const N[] = {"kill-process", "kill", "trap", "errno", "notify", "trace", "log", "allow"};
    return a.kind < ACT__COUNT ? N[a.kind] : "?";
}

static const char *rule_desc(ImpCtx *ic, const ImpRule *r)
{
    if (r->act.kind == ACT_ERRNO || r->act.kind == ACT_TRACE)
        return arena_printf(&ic->ctx->arena, "syscalls[%zu] (%s(%u)%s)", r->entry, act_name(r->act), r->act.data,
                            r->nconds ? ", conditional" : "");
    return arena_printf(&ic->ctx->arena, "syscalls[%zu] (%s%s)", r->entry, act_name(r->act),
                        r->nconds ? ", conditional" : "");
}

static bool has_name(const ImpRule *r, const char *name)
{
    for (size_t i = 0; i < r->names.len; i++)
        if (r->names.items[i] && !strcmp(r->names.items[i], name))
            return true;
    return false;
}

static void remove_name(ImpRule *r, const char *name)
{
    for (size_t i = 0; i < r->names.len; i++)
        if (r->names.items[i] && !strcmp(r->names.items[i], name))
            r->names.items[i] = NULL;
}

static size_t live_names(const ImpRule *r)
{
    size_t n = 0;
    for (size_t i = 0; i < r->names.len; i++)
        n += r->names.items[i] != NULL;
    return n;
}

static int popcount64(uint64_t v) { return __builtin_popcountll(v); }

/* A copy of rule c for one syscall name (appended; c may move). */
static size_t split_off(ImpCtx *ic, size_t ci, const char *name)
{
    ImpRule copy = ic->prof.rules.items[ci];
    memset(&copy.names, 0, sizeof copy.names);
    memset(&copy.notes, 0, sizeof copy.notes);
    VEC_PUSH(&ic->ctx->arena, copy.names, name);
    for (size_t i = 0; i < ic->prof.rules.items[ci].notes.len; i++)
        VEC_PUSH(&ic->ctx->arena, copy.notes, ic->prof.rules.items[ci].notes.items[i]);
    remove_name(&ic->prof.rules.items[ci], name);
    VEC_PUSH(&ic->ctx->arena, ic->prof.rules, copy);
    return ic->prof.rules.len - 1;
}

/* libseccomp: once a syscall has an unconditional rule, conditional rules
 * for it (with other actions) are ignored. polc would let the more
 * restrictive one win, so take the shadowed part out of the conditional
 * rule. Returns true when something changed. */
static bool precedence_pass(ImpCtx *ic)
{
    ImpProfile *p = &ic->prof;
    for (size_t ui = 0; ui < p->rules.len; ui++) {
        if (p->rules.items[ui].dropped || p->rules.items[ui].nconds)
            continue;
        for (size_t ni = 0; ni < p->rules.items[ui].names.len; ni++) {
            const char *name = p->rules.items[ui].names.items[ni];
            if (!name)
                continue;
            for (size_t ci = 0; ci < p->rules.len; ci++) {
                ImpRule *u = &p->rules.items[ui], *c = &p->rules.items[ci];
                if (ci == ui || c->dropped || !has_name(c, name))
                    continue;
                if ((u->arch_mask & c->arch_mask) == 0 || (u->cap_req & c->cap_forbid) ||
                    (u->cap_forbid & c->cap_req))
                    continue; /* never both apply */
                bool same = act_eq(u->act, c->act);
                if (!c->nconds) {
                    if (same)
                        continue;
                    /* two unconditional entries with different actions */
                    bool covers = (u->cap_req & ~c->cap_req) == 0 && (u->cap_forbid & ~c->cap_forbid) == 0;
                    bool ccovers = (c->cap_req & ~u->cap_req) == 0 && (c->cap_forbid & ~u->cap_forbid) == 0;
                    if (covers || ccovers) {
                        /* the first entry wins in libseccomp (a second unconditional rule is ignored) */
                        size_t loser = ui < ci ? ci : ui;
                        size_t winner = ui < ci ? ui : ci;
                        ImpRule *lr = &p->rules.items[loser], *wr = &p->rules.items[winner];
                        bool loser_covered = loser == ci ? covers : ccovers;
                        if (loser_covered && (wr->arch_mask & lr->arch_mask) == lr->arch_mask) {
                            diag_warning(&ic->ctx->diag, IMP_W_PRECEDENCE, SPAN_NONE,
                                         "%s: %s and %s both decide `%s` unconditionally; libseccomp keeps the "
                                         "first, so polc imports only %s for it",
                                         p->path, rule_desc(ic, wr), rule_desc(ic, lr), name, rule_desc(ic, wr));
                            remove_name(lr, name);
                            return true;
                        }
                    }
                    diag_warning(&ic->ctx->diag, IMP_W_PRECEDENCE, SPAN_NONE,
                                 "%s: %s and %s both decide `%s` unconditionally in some containers; polc lets the "
                                 "more restrictive win there, libseccomp may not: check this syscall",
                                 p->path, rule_desc(ic, u), rule_desc(ic, c), name);
                    continue;
                }
                /* c is conditional */
                bool caps_cover = (u->cap_req & ~c->cap_req) == 0 && (u->cap_forbid & ~c->cap_forbid) == 0;
                bool arch_cover = (u->arch_mask & c->arch_mask) == c->arch_mask;
                if (caps_cover && arch_cover) {
                    if (!same)
                        diag_warning(&ic->ctx->diag, IMP_W_PRECEDENCE, SPAN_NONE,
                                     "%s: %s has no effect on `%s`: libseccomp lets the unconditional %s decide it; "
                                     "imported as just the latter",
                                     p->path, rule_desc(ic, c), name, rule_desc(ic, u));
                    remove_name(c, name);
                    return true;
                }
                if (caps_cover) { /* differs only by arch */
                    size_t k = split_off(ic, ci, name);
                    p->rules.items[k].arch_mask &= ~p->rules.items[ui].arch_mask;
                    return true;
                }
                uint64_t extra_req = u->cap_req & ~c->cap_req, extra_forbid = u->cap_forbid & ~c->cap_forbid;
                if (arch_cover && popcount64(extra_req) + popcount64(extra_forbid) == 1) {
                    /* u applies only with (or without) one more capability: c keeps the other case */
                    size_t k = split_off(ic, ci, name);
                    ImpRule *nr = &p->rules.items[k];
                    if (extra_req)
                        nr->cap_forbid |= extra_req;
                    else
                        nr->cap_req |= extra_forbid;
                    if (!same)
                        VEC_PUSH(&ic->ctx->arena, nr->notes,
                                 arena_printf(&ic->ctx->arena,
                                              "narrowed to containers where the unconditional syscalls[%zu] does "
                                              "not apply (libseccomp ignores this entry there)",
                                              p->rules.items[ui].entry));
                    return true;
                }
                if (!same)
                    diag_warning(&ic->ctx->diag, IMP_W_PRECEDENCE, SPAN_NONE,
                                 "%s: %s and the unconditional %s overlap on `%s` in some containers; libseccomp "
                                 "ignores the conditional one there, polc lets the more restrictive win: the "
                                 "import may differ for this syscall",
                                 p->path, rule_desc(ic, c), rule_desc(ic, u), name);
            }
        }
    }
    return false;
}

/* Whether no call meets the conditions of both entries (each a conjunction),
 * judged exactly by cond.c when every constant fits in 32 bits: then the
 * answer holds whether the kernel compares 64 bits or only the low half, so
 * it is the answer libseccomp's filter gives on every arch. */
static bool entries_disjoint(ImpCtx *ic, const ImpRule *a, const ImpRule *b)
{
    static const uint8_t ops[] = {[IOP_EQ] = A_EQ, [IOP_NE] = A_NE, [IOP_LT] = A_LT, [IOP_LE] = A_LE,
                                  [IOP_GT] = A_GT, [IOP_GE] = A_GE, [IOP_MASKED_EQ] = A_MASKED_EQ};
    if (a->conds_or || b->conds_or)
        return false;
    CondCtx cc = {&ic->ctx->arena, false};
    Dnf both = dnf_true(&cc);
    const ImpRule *rs[2] = {a, b};
    for (int r = 0; r < 2; r++)
        for (size_t i = 0; i < rs[r]->nconds; i++) {
            const ImpCond *c = &rs[r]->conds[i];
            if (c->index > 5 || c->value > 0xffffffffu || c->value2 > 0xffffffffu)
                return false;
            Atom at = {(uint8_t)c->index, ops[c->op], c->op == IOP_MASKED_EQ ? c->value2 : c->value,
                       c->op == IOP_MASKED_EQ ? c->value : 0, false};
            both = dnf_and(&cc, both, dnf_atom(&cc, at));
        }
    return !cc.overflow && dnf_is_false(both);
}

static void warn_conditional_overlaps(ImpCtx *ic)
{
    /* conditional entries with different actions on one syscall: polc's
     * order-free semantics equals libseccomp's only where the conditions
     * are disjoint; we cannot decide that cheaply in general, so say which. */
    ImpProfile *p = &ic->prof;
    for (size_t i = 0; i < p->rules.len; i++) {
        ImpRule *a = &p->rules.items[i];
        if (a->dropped || !a->nconds)
            continue;
        for (size_t j = i + 1; j < p->rules.len; j++) {
            ImpRule *b = &p->rules.items[j];
            if (b->dropped || !b->nconds || act_eq(a->act, b->act) || (a->arch_mask & b->arch_mask) == 0 ||
                (a->cap_req & b->cap_forbid) || (a->cap_forbid & b->cap_req))
                continue;
            for (size_t n = 0; n < a->names.len; n++)
                if (a->names.items[n] && has_name(b, a->names.items[n])) {
                    /* both single equality/inequality on one index are easy to judge */
                    bool disjoint = false;
                    for (size_t x = 0; x < a->nconds && !disjoint && !a->conds_or; x++)
                        for (size_t y = 0; y < b->nconds && !disjoint && !b->conds_or; y++) {
                            const ImpCond *ca = &a->conds[x], *cb = &b->conds[y];
                            if (ca->index != cb->index)
                                continue;
                            if ((ca->op == IOP_EQ && cb->op == IOP_NE && ca->value == cb->value) ||
                                (ca->op == IOP_NE && cb->op == IOP_EQ && ca->value == cb->value) ||
                                (ca->op == IOP_EQ && cb->op == IOP_EQ && ca->value != cb->value))
                                disjoint = true;
                        }
                    if (!disjoint && !entries_disjoint(ic, a, b))
                        diag_warning(&ic->ctx->diag, IMP_W_PRECEDENCE, SPAN_NONE,
                                     "%s: %s and %s are conditional rules on `%s` with different actions; where both "
                                     "conditions hold polc picks the more restrictive action, libseccomp the one "
                                     "its decision tree reaches first",
                                     p->path, rule_desc(ic, a), rule_desc(ic, b), a->names.items[n]);
                    break;
                }
        }
    }
}

static const char *arch_list(uint32_t mask, Arena *a)
{
    char buf[256] = "";
    for (int i = 0; i < ARCH__COUNT; i++)
        if (mask & (1u << i)) {
            if (*buf)
                strcat(buf, ", ");
            strcat(buf, arch_info((ArchId)i)->name);
        }
    return arena_strdup(a, buf);
}

/* A value above 32 bits compared with a 32-bit argument: libseccomp's
 * filter tests the whole 64-bit register, polc reads such an argument as its
 * low half, so no polc rule says the same. Refused, never approximated. */
static bool fits_32(uint64_t v) { return v <= 0xffffffffu || v >= 0xffffffff80000000ull; }

bool imp_values_fit(ImpCtx *ic)
{
    const SyscallDb *db = stdlib_view_db(ic->std.view);
    ImpProfile *p = &ic->prof;
    bool ok = true;
    for (size_t i = 0; i < p->rules.len; i++) {
        const ImpRule *r = &p->rules.items[i];
        if (r->dropped)
            continue;
        for (size_t c = 0; c < r->nconds; c++) {
            const ImpCond *k = &r->conds[c];
            /* what the language takes for a 32-bit argument (front/check.c's
             * fits): a 32-bit value or a sign-extended negative one */
            uint64_t wide = !fits_32(k->value) ? k->value
                            : k->op == IOP_MASKED_EQ && !fits_32(k->value2) ? k->value2
                                                                            : 0;
            if (!wide || k->index > 5)
                continue;
            for (size_t n = 0; n < r->names.len; n++) {
                const char *name = r->names.items[n];
                int narrow_on = -1;
                for (int a = 0; name && a < ARCH__COUNT && narrow_on < 0; a++) {
                    if (!(r->arch_mask & (1u << a)) || !imp_syscall_on(ic, name, (ArchId)a))
                        continue;
                    const Signature *sig = syscalldb_signature_on(db, name, (ArchId)a);
                    if (arch_info((ArchId)a)->word_bits == 32 ||
                        (sig && (int)k->index < sig->nargs && arg_type_bits(sig->arg_types[k->index], (ArchId)a) == 32))
                        narrow_on = a;
                }
                if (narrow_on < 0)
                    continue;
                diag_error(&ic->ctx->diag, IMP_E_PROFILE, SPAN_NONE,
                           "%s: %s: compares argument %u of `%s` with 0x%llx, above 32 bits, but the argument is 32 "
                           "bits wide on %s: libseccomp's filter tests the whole register, polc reads the low half, "
                           "so no polc rule decides the same",
                           p->path, rule_desc(ic, r), k->index, name, (unsigned long long)wide,
                           arch_info((ArchId)narrow_on)->name);
                ok = false;
                break;
            }
        }
    }
    return ok;
}

bool imp_semantics(ImpCtx *ic, const char *arch_override)
{
    ImpProfile *p = &ic->prof;
    Arena *ar = &ic->ctx->arena;
    if (arch_override) {
        uint32_t m = 0;
        char *list = arena_strdup(ar, arch_override);
        for (char *save = NULL, *t = strtok_r(list, ", ", &save); t; t = strtok_r(NULL, ", ", &save)) {
            ArchId a;
            if (!arch_from_name(t, &a)) {
                diag_error(&ic->ctx->diag, "E0217", SPAN_NONE, "--arch: unknown architecture `%s`", t);
                return false;
            }
            m |= 1u << a;
        }
        if (!m) {
            diag_error(&ic->ctx->diag, "E0217", SPAN_NONE, "--arch: no architecture given");
            return false;
        }
        p->arch_mask = m;
        p->arches_given = true;
    }

    /* entries equal to the default: runc drops them before libseccomp sees them */
    for (size_t i = 0; i < p->rules.len; i++) {
        ImpRule *r = &p->rules.items[i];
        if (act_eq(r->act, p->def)) {
            r->dropped = true;
            for (size_t n = 0; n < r->names.len; n++)
                VEC_PUSH(ar, p->noop, r->names.items[n]);
        }
    }

    /* libseccomp's precedence of unconditional rules */
    for (int guard = 0; guard < 100000 && precedence_pass(ic); guard++)
        ;
    for (size_t i = 0; i < p->rules.len; i++)
        if (!p->rules.items[i].dropped && live_names(&p->rules.items[i]) == 0)
            p->rules.items[i].dropped = true;

    /* conditions on multiplexed calls: x86, ppc64le and s390x reach them through socketcall/ipc */
    if (!p->arches_given) {
        uint32_t bad = 0;
        const char *example = NULL;
        for (size_t i = 0; i < p->rules.len; i++) {
            ImpRule *r = &p->rules.items[i];
            if (r->dropped || !r->nconds)
                continue;
            for (size_t n = 0; n < r->names.len; n++) {
                const char *mux;
                uint32_t call;
                if (!r->names.items[n] || !muxed_call(r->names.items[n], &mux, &call))
                    continue;
                for (int a = 0; a < ARCH__COUNT; a++)
                    if ((p->arch_mask & r->arch_mask & (1u << a)) && arch_has_muxer(stdlib_view_db(ic->std.view), (ArchId)a, mux)) {
                        bad |= 1u << a;
                        if (!example)
                            example = r->names.items[n];
                    }
            }
        }
        if (bad && (p->arch_mask & ~bad)) {
            Diag *d = diag_warning(&ic->ctx->diag, IMP_W_ARCH, SPAN_NONE,
                                   "%s: the profile puts argument conditions on `%s` (a socket/IPC call); on %s it is "
                                   "also reachable through socketcall(2)/ipc(2), where seccomp cannot see its "
                                   "arguments, so polc cannot enforce them there: the import targets %s only",
                                   p->path, example, arch_list(bad, ar), arch_list(p->arch_mask & ~bad, ar));
            diag_note(&ic->ctx->diag, d, SPAN_NONE,
                      "calls from %s are then killed by polc's bad-arch rule; libseccomp (and so Docker) "
                      "would silently drop the conditions there instead",
                      arch_list(bad, ar));
            diag_help(&ic->ctx->diag, d, "pass --arch to choose the targets yourself");
            VEC_PUSH(ar, p->header,
                     arena_printf(ar,
                                  "%s left out: the profile filters arguments of `%s`, which those arches also "
                                  "reach through socketcall(2)/ipc(2) where seccomp cannot see arguments "
                                  "(libseccomp drops such conditions there; polc refuses, E0302)",
                                  arch_list(bad, ar), example));
            p->arch_mask &= ~bad;
        }
    }

    /* entries for arches that are not targets */
    for (size_t i = 0; i < p->rules.len; i++) {
        ImpRule *r = &p->rules.items[i];
        if (r->dropped)
            continue;
        if ((r->arch_mask & p->arch_mask) == 0) {
            StrBuf b = {0};
            for (size_t n = 0; n < r->names.len; n++)
                if (r->names.items[n])
                    sb_printf(&b, "%s%s", b.len ? ", " : "", r->names.items[n]);
            VEC_PUSH(ar, p->skipped,
                     arena_printf(ar, "syscalls[%zu] applies to no target arch (%s only): %s", r->entry,
                                  r->arch_mask ? arch_list(r->arch_mask, ar) : "hosts polc does not model",
                                  b.data ? b.data : ""));
            free(b.data);
            r->dropped = true;
        }
        r->arch_mask &= p->arch_mask;
    }
    warn_conditional_overlaps(ic);
    return true;
}

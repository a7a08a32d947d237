/* polc learn: a minimal allowlist policy from what programs did.
 *
 *   inputs (parse.c) -> per-syscall facts (LearnSys) -> polc source text
 *
 * The text is compiled again before it is returned, so a learned policy that
 * polc itself would reject is an error here, never an output. See
 * docs/learn.md for what is learned and why. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "fmt/fmt.h"
#include "front/stdlib_view.h"
#include "middle/ir.h"
#include "validate/points.h"
#include "front/ast.h"
#include "front/keywords.h"
#include "learn/learn_internal.h"
#include "util/file.h"

/* ---- small helpers ---- */

static time_t now(void)
{
    const char *sde = getenv("SOURCE_DATE_EPOCH"); /* reproducible outputs */
    if (sde && *sde) {
        char *end;
        long long v = strtoll(sde, &end, 10);
        if (*end == '\0' && v >= 0)
            return (time_t)v;
    }
    return time(NULL);
}

enum { T_FULL, T_TIME, T_DATE, T_FULL_UTC };

static const char *fmt_time(Arena *a, double t, int form)
{
    time_t tt = (time_t)t;
    struct tm tm;
    char buf[64];
    size_t n = 0;
    if (gmtime_r(&tt, &tm)) {
        switch (form) {
        case T_TIME: n = strftime(buf, sizeof buf, "%H:%M:%S", &tm); break;
        case T_DATE: n = strftime(buf, sizeof buf, "%Y-%m-%d", &tm); break;
        case T_FULL_UTC: n = strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S UTC", &tm); break;
        default: n = strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &tm); break;
        }
    }
    return n ? arena_strdup(a, buf) : "?";
}

static const char *fmt_tod(Arena *a, double s)
{
    int h = (int)(s / 3600), m = (int)(s / 60) % 60, sec = (int)s % 60;
    return arena_printf(a, "%02d:%02d:%02d", h, m, sec);
}

static const char *count(Arena *a, uint64_t n, const char *what)
{
    return arena_printf(a, "%llu %s%s", (unsigned long long)n, what, n == 1 ? "" : "s");
}

static const char *base(const char *p)
{
    const char *s = strrchr(p, '/');
    return s ? s + 1 : p;
}

/* A value strace printed that polc can write: a number, a constant the
 * stdlib knows, or an | of those. Returns the polc text or NULL. */
static const char *polc_value(polc_ctx *ctx, const StdlibView *std, const char *v)
{
    StrBuf sb;
    sb_init(&sb);
    const char *p = v;
    bool ok = true;
    while (ok) {
        const char *t = p;
        while (*t && *t != '|')
            t++;
        const char *tok = p;
        size_t n = (size_t)(t - p);
        while (n && *tok == ' ')
            tok++, n--;
        while (n && tok[n - 1] == ' ')
            n--;
        if (!n) {
            ok = false;
            break;
        }
        char buf[96];
        if (n >= sizeof buf) {
            ok = false;
            break;
        }
        memcpy(buf, tok, n);
        buf[n] = '\0';
        if (isdigit((unsigned char)buf[0]) || (buf[0] == '-' && isdigit((unsigned char)buf[1]))) {
            char *end;
            errno = 0;
            if (buf[0] == '-')
                (void)strtoll(buf, &end, 0);
            else
                (void)strtoull(buf, &end, 0);
            if (*end || errno) {
                ok = false;
                break;
            }
        } else {
            for (size_t i = 0; i < n; i++)
                if (!isalnum((unsigned char)buf[i]) && buf[i] != '_')
                    ok = false;
            if (!ok || !stdlib_view_const(std, buf)) {
                ok = false;
                break;
            }
        }
        if (sb.len)
            sb_puts(&sb, " | ");
        sb_puts(&sb, buf);
        if (!*t)
            break;
        p = t + 1;
    }
    char *s = sb_take(&sb);
    const char *r = ok && s && *s ? arena_strdup(&ctx->arena, s) : NULL;
    free(s);
    return r;
}

static bool polc_value_num(const StdlibView *std, const char *v, uint64_t *out)
{
    uint64_t acc = 0;
    const char *p = v;
    for (;;) {
        const char *t = strchr(p, '|');
        size_t n = t ? (size_t)(t - p) : strlen(p);
        char buf[96];
        while (n && *p == ' ')
            p++, n--;
        while (n && p[n - 1] == ' ')
            n--;
        if (!n || n >= sizeof buf)
            return false;
        memcpy(buf, p, n);
        buf[n] = '\0';
        if (isdigit((unsigned char)buf[0]))
            acc |= strtoull(buf, NULL, 0);
        else if (buf[0] == '-')
            acc |= (uint64_t)strtoll(buf, NULL, 0);
        else {
            const NamedConst *c = stdlib_view_const(std, buf);
            if (!c)
                return false;
            acc |= c->value;
        }
        if (!t)
            break;
        p = t + 1;
    }
    *out = acc;
    return true;
}

static const struct {
    const char *name;
    uint64_t bit;
    bool clone_ok; /* CLONE_NEWTIME is the exit-signal byte for clone(2) */
} NS[] = {
    {"CLONE_NEWNS", 0x20000, true},        {"CLONE_NEWCGROUP", 0x2000000, true},
    {"CLONE_NEWUTS", 0x4000000, true},     {"CLONE_NEWIPC", 0x8000000, true},
    {"CLONE_NEWUSER", 0x10000000, true},   {"CLONE_NEWPID", 0x20000000, true},
    {"CLONE_NEWNET", 0x40000000, true},    {"CLONE_NEWTIME", 0x80, false},
};

static int cmp_str(const void *a, const void *b) { return strcmp(*(const char *const *)a, *(const char *const *)b); }
static int cmp_sys(const void *a, const void *b)
{
    return strcmp((*(LearnSys *const *)a)->name, (*(LearnSys *const *)b)->name);
}

/* Kept in every learned policy (see learn_with); lint's L0106 checks the
 * same list (review/lint.c). */
static const char *const SURVIVAL_CALLS[] = {"rt_sigreturn", "sigreturn", "restart_syscall", "exit", "exit_group"};
#define SURVIVAL_COUNT (sizeof SURVIVAL_CALLS / sizeof *SURVIVAL_CALLS)

/* ---- one syscall's rule ---- */

typedef struct Learned {
    LearnSys *s;
    const char *cond;    /* NULL: unconditional */
    const char *why;     /* why no condition although the spec has one (comment), may be NULL */
    bool in_group;
    /* merge */
    const char *merge_note;
    bool skip;
} Learned;

static bool arch_mask_muxes(uint32_t mask)
{
    for (int a = 0; a < ARCH__COUNT; a++)
        if ((mask & (1u << a)) && arch_info((ArchId)a)->muxers[0])
            return true;
    return false;
}

static void learn_condition(polc_ctx *ctx, const StdlibView *std, Learned *l, unsigned max_values,
                            uint32_t target_mask)
{
    LearnSys *s = l->s;
    const LearnArgSpec *spec = learn_arg_spec(s->name);
    if (!spec)
        return;
    if (spec->socket_call && arch_mask_muxes(target_mask)) {
        l->why = "no condition: x86 reaches it through socketcall(2)";
        return;
    }
    Arena *a = &ctx->arena;
    if (spec->kind == LA_NSMASK) {
        if (s->ns_unknown) {
            l->why = "no condition: flags not in every input";
            return;
        }
        StrBuf sb;
        sb_init(&sb);
        int n = 0;
        for (size_t i = 0; i < sizeof NS / sizeof *NS; i++) {
            if (s->ns_seen & NS[i].bit)
                continue;
            if (!NS[i].clone_ok && strcmp(s->name, "clone") == 0)
                continue;
            if (!stdlib_view_const(std, NS[i].name))
                continue;
            sb_printf(&sb, "%s%s", n++ ? " | " : "", NS[i].name);
        }
        char *m = sb_take(&sb);
        if (n)
            l->cond = arena_printf(a, "%s & (%s) == 0", spec->arg, m);
        free(m);
        return;
    }
    if (s->values_unknown) {
        l->why = "no condition: values not in every input";
        return;
    }
    if (s->values_overflow || (unsigned)s->nvalues > max_values) {
        l->why = arena_printf(a, "no condition: more than %u values", max_values);
        return;
    }
    const char *vals[LEARN_MAX_VALUES];
    for (int i = 0; i < s->nvalues; i++) {
        vals[i] = polc_value(ctx, std, s->values[i]);
        if (!vals[i]) {
            l->why = arena_printf(a, "no condition: `%s` has no polc name", s->values[i]);
            return;
        }
    }
    if (s->nvalues == 0) {
        l->why = "no condition: no values seen";
        return;
    }
    qsort(vals, (size_t)s->nvalues, sizeof *vals, cmp_str);
    StrBuf sb;
    sb_init(&sb);
    for (int i = 0; i < s->nvalues; i++)
        sb_printf(&sb, "%s%s", i ? ", " : "", vals[i]);
    char *m = sb_take(&sb);
    l->cond = arena_printf(a, "%s in {%s}", spec->arg, m);
    free(m);
}

static const char *call_comment(Arena *a, const LearnSys *s)
{
    if (s->survival)
        return "not seen; kept: needed to survive signals and restarts";
    if (s->implied && s->calls == 0)
        return "not counted by strace -c (it never returns)";
    const char *intr = "";
    if (s->interrupted)
        intr = arena_printf(a, ", %llu interrupted (%s)", (unsigned long long)s->interrupted, s->interrupt_errno);
    const char *src = "";
    if (!s->from_strace)
        src = s->from_summary && s->from_audit ? " (strace -c, audit)" : s->from_summary ? " (strace -c)" : " (audit)";
    if (!s->failed)
        return arena_printf(a, "%llu call%s%s%s", (unsigned long long)s->calls, s->calls == 1 ? "" : "s", intr, src);
    const char *e = "";
    for (int i = 0; i < s->nerrnos; i++)
        e = arena_printf(a, "%s%s%s", e, i ? ", " : "", s->errnos[i]);
    return arena_printf(a, "%llu call%s, %llu failed%s%s%s%s%s", (unsigned long long)s->calls, s->calls == 1 ? "" : "s",
                        (unsigned long long)s->failed, *e ? " (" : "", e, *e ? ")" : "", intr, src);
}

/* ---- groups ---- */

typedef struct Group {
    const char *name;
    VEC(const char *) members; /* on the arch, unique */
} Group;

static int cmp_group(const void *a, const void *b)
{
    const Group *x = a, *y = b;
    if (x->members.len != y->members.len)
        return x->members.len > y->members.len ? -1 : 1;
    return strcmp(x->name, y->name);
}

/* stdlib groups whose every member on arch is allowed unconditionally; marks
 * the covered syscalls. */
static void pick_groups(polc_ctx *ctx, const StdlibView *std, ArchId arch, StrMap *uncond, void *out_)
{
    VEC(Group) *out = out_;
    VEC(Group) cands = {0};
    Arena *a = &ctx->arena;
    size_t ngroups;
    const StdlibGroup *sg = stdlib_view_groups(std, &ngroups);
    for (size_t i = 0; i < ngroups; i++) {
        Group g = {.name = sg[i].name};
        StrMap seen = {0};
        bool all = true;
        for (size_t j = 0; j < sg[i].nmembers && all; j++) {
            const SyscallEntry *e = syscalldb_lookup(stdlib_view_db(std), arch, sg[i].members[j]);
            if (!e || strmap_get(&seen, e->name))
                continue;
            strmap_put(&seen, a, e->name, (void *)1);
            if (!strmap_get(uncond, e->name))
                all = false;
            VEC_PUSH(a, g.members, e->name);
        }
        if (all && g.members.len >= 2)
            VEC_PUSH(a, cands, g);
    }
    if (cands.len > 1)
        qsort(cands.items, cands.len, sizeof *cands.items, cmp_group);
    StrMap covered = {0};
    for (size_t i = 0; i < cands.len; i++) {
        size_t fresh = 0;
        for (size_t j = 0; j < cands.items[i].members.len; j++)
            if (!strmap_get(&covered, cands.items[i].members.items[j]))
                fresh++;
        if (fresh < 2)
            continue;
        for (size_t j = 0; j < cands.items[i].members.len; j++)
            strmap_put(&covered, a, cands.items[i].members.items[j], (void *)1);
        VEC_PUSH(a, *out, cands.items[i]);
    }
    for (size_t i = 0; i < uncond->cap; i++)
        if (uncond->slots[i].key && strmap_get(&covered, uncond->slots[i].key))
            ((Learned *)uncond->slots[i].value)->in_group = true;
}

/* ---- merge: what the old policy already allows ---- */

static bool rule_names(const Rule *r, const char *name)
{
    for (size_t i = 0; i < r->targets.len; i++)
        if (strcmp(r->targets.items[i].name, name) == 0)
            return true;
    return false;
}

/* An unconditional rule more restrictive than allow/log names it: an added
 * allow would lose. Returns that rule or NULL. */
static const Rule *old_blocks(const polc_ctx *ctx, ArchId arch, const char *name)
{
    for (size_t i = 0; i < ctx->policy.rules.len; i++) {
        const Rule *r = ctx->policy.rules.items[i];
        if (r->cond || r->cap_req || r->cap_forbid || !(r->arch_mask & (1u << arch)))
            continue;
        if (r->action.kind >= ACT_LOG)
            continue;
        if (rule_names(r, name))
            return r;
    }
    return NULL;
}

static bool old_allows_all_inputs(const polc_ctx *ctx, ArchId arch, uint32_t nr)
{
    const IrArch *ia = ctx->policy.ir ? ir_arch(ctx->policy.ir, arch) : NULL;
    if (!ia)
        return false;
    const IrSyscall *s = ir_syscall(ia, nr);
    bool dflt_ok = ctx->policy.ir->default_action.kind >= ACT_LOG;
    if (!s)
        return dflt_ok;
    bool syntactic = true;
    for (int sc = 0; sc < (1 << s->ncaps) && syntactic; sc++) {
        const IrDecision *d = &s->scenarios[sc];
        syntactic = (d->cases.len == 0 && dflt_ok) ||
                    (d->cases.len == 1 && d->cases.items[0].action.kind >= ACT_LOG &&
                     dnf_is_true(d->cases.items[0].cond));
    }
    if (syntactic)
        return true;
    /* cases that together allow everything (`allow X if C` beside `allow X
     * if not (C)`, after an earlier --merge): the decision points of their
     * conditions, as translation validation tries them, in every scenario */
    BackendRun run = {&ctx->policy, &ctx->opt.backend, NULL, ctx->policy.arena};
    ArgVectors av = {0};
    points_vectors(&run, arch, s, &av);
    bool all = av.n > 0;
    for (int sc = 0; sc < (1 << s->ncaps) && all; sc++) {
        uint64_t caps = 0;
        for (int i = 0; i < s->ncaps; i++)
            if (sc >> i & 1)
                caps |= 1ull << s->caps[i];
        for (size_t k = 0; k < av.n && all; k++)
            all = ir_syscall_eval(s, av.v[k], caps, ctx->policy.ir->default_action).action.kind >= ACT_LOG;
    }
    arg_vectors_free(&av);
    return all;
}

static bool old_allows_args(const polc_ctx *ctx, ArchId arch, uint32_t nr, unsigned argi, uint64_t v)
{
    uint64_t args[6] = {0};
    args[argi] = v;
    return ir_eval(&ctx->policy, arch, nr, args, ctx->policy.caps.effective).action.kind >= ACT_LOG;
}

static int arg_index(polc_ctx *ctx, const char *sys, ArchId arch, const char *arg)
{
    const Signature *sg = syscalldb_signature_on(&ctx->policy.db, sys, arch);
    if (!sg)
        return -1;
    for (int i = 0; i < sg->nargs; i++)
        if (sg->arg_names[i] && strcmp(sg->arg_names[i], arg) == 0)
            return i;
    return -1;
}

/* The conditions of OLD.pol's own conditional allow/log rules for name on
 * arch, as `not (C1) and not (C2)`: an unconditional addition written with
 * this condition allows exactly what the unconditional rule would, without
 * making those rules dead (W0004). NULL when there are none, or when one is
 * inside a `when capability` block (its condition holds in some scenarios
 * only: left as it is). */
static void merge_decide(polc_ctx *ctx, const StdlibView *std, ArchId arch, Learned *l, const char *old_name,
                         unsigned max_values);

/* A condition's source text on one line: comments dropped, each run of
 * blanks and line breaks one space (it is written inside `not (...)`, on the
 * rule's line, or in a comment). */
static const char *one_line(Arena *a, const char *text, size_t len)
{
    StrBuf sb;
    sb_init(&sb);
    bool space = false, quoted = false;
    for (size_t i = 0; i < len; i++) {
        char c = text[i];
        if (!quoted && c == '#') {
            while (i + 1 < len && text[i + 1] != '\n')
                i++;
            space = true;
            continue;
        }
        if (!quoted && (c == ' ' || c == '\t' || c == '\n' || c == '\r')) {
            space = true;
            continue;
        }
        if (space && sb.len)
            sb_putc(&sb, ' ');
        space = false;
        if (c == '"' && (i == 0 || text[i - 1] != '\\'))
            quoted = !quoted;
        sb_putc(&sb, c);
    }
    const char *out = arena_strdup(a, sb.data ? sb.data : "");
    sb_free(&sb);
    return out;
}

static const char *old_allow_complement(const polc_ctx *ctx, ArchId arch, const char *name, Arena *a)
{
    const char *out = NULL;
    for (size_t i = 0; i < ctx->policy.rules.len; i++) {
        const Rule *r = ctx->policy.rules.items[i];
        if (!r->cond || r->from_stdlib || r->action.kind < ACT_LOG || !(r->arch_mask & (1u << arch)) ||
            !rule_names(r, name))
            continue;
        Span sp = r->cond->span; /* the condition as written */
        const SourceFile *f = sp.file == UINT32_MAX ? NULL : source_get(&ctx->sm, sp.file);
        if (r->cap_req || r->cap_forbid || !f || sp.end > f->len || sp.end <= sp.start)
            return NULL;
        const char *c = one_line(a, f->text + sp.start, sp.end - sp.start);
        out = arena_printf(a, "%s%snot (%s)", out ? out : "", out ? " and " : "", c);
    }
    return out;
}

/* Decides what --merge adds for l; sets l->skip when nothing. An added
 * rule never makes one of OLD.pol's rules dead (W0004): argument values
 * OLD.pol allows already are left out, and an unconditional addition beside
 * OLD.pol's conditional allows is written as their complement. */
static void merge_one(polc_ctx *ctx, const StdlibView *std, ArchId arch, Learned *l, const char *old_name,
                      unsigned max_values)
{
    merge_decide(ctx, std, arch, l, old_name, max_values);
    if (l->skip || l->cond)
        return;
    const char *rest = old_allow_complement(ctx, arch, l->s->name, &ctx->arena);
    if (rest) {
        l->cond = rest;
        l->why = NULL;
    }
}

static void merge_decide(polc_ctx *ctx, const StdlibView *std, ArchId arch, Learned *l, const char *old_name,
                         unsigned max_values)
{
    LearnSys *s = l->s;
    Arena *a = &ctx->arena;
    bool exists = false;
    for (int x = 0; x < ARCH__COUNT; x++)
        if ((ctx->policy.arch_mask & (1u << x)) && syscalldb_lookup(&ctx->policy.db, (ArchId)x, s->name))
            exists = true;
    if (!exists) {
        l->skip = true;
        l->merge_note = arena_printf(a, "%s: not a syscall on any arch of %s", s->name, old_name);
        return;
    }
    const Rule *r = old_blocks(ctx, arch, s->name);
    if (r) {
        l->skip = true;
        l->merge_note = arena_printf(a, "%s: not widened, %s's rule at %s (%s) is more restrictive and would still win",
                                     s->name, old_name, r->loc ? r->loc : "?", action_str(&ctx->policy, a, r->action));
        return;
    }
    if (old_allows_all_inputs(ctx, arch, s->nr)) {
        l->skip = true;
        return;
    }
    const LearnArgSpec *spec = learn_arg_spec(s->name);
    if (l->cond && spec) {
        int ai = arg_index(ctx, s->name, arch, spec->arg);
        if (ai < 0)
            return;
        if (spec->kind == LA_NSMASK) {
            /* the namespace flags seen, alone: already allowed? */
            if (old_allows_args(ctx, arch, s->nr, (unsigned)ai, s->ns_seen))
                l->skip = true;
            return;
        }
        /* only the values OLD.pol does not allow yet */
        int k = 0;
        for (int i = 0; i < s->nvalues; i++) {
            uint64_t v;
            if (!polc_value_num(std, s->values[i], &v) || !old_allows_args(ctx, arch, s->nr, (unsigned)ai, v))
                s->values[k++] = s->values[i];
        }
        if (k == 0) {
            l->skip = true;
        } else if (k < s->nvalues) {
            s->nvalues = k;
            l->cond = NULL;
            learn_condition(ctx, std, l, max_values, ctx->policy.arch_mask);
        }
    }
}

/* ---- the text ---- */

/* "# LEAD a, b, c" wrapped at 78 columns. */
static void put_list(StrBuf *sb, const char *lead, const char *const *items, size_t n)
{
    size_t col = 2 + strlen(lead);
    sb_printf(sb, "# %s", lead);
    for (size_t i = 0; i < n; i++) {
        size_t w = strlen(items[i]) + (i + 1 < n ? 1 : 0);
        if (i && col + 1 + w > 78) {
            sb_puts(sb, "\n#  ");
            col = 3;
        }
        sb_printf(sb, " %s%s", items[i], i + 1 < n ? "," : "");
        col += 1 + w;
    }
    sb_putc(sb, '\n');
}

static const char *input_summary(polc_ctx *ctx, const LearnInput *in)
{
    Arena *a = &ctx->arena;
    const char *kinds = "";
    if (in->kinds & IN_STRACE)
        kinds = "strace trace";
    if (in->kinds & IN_SUMMARY)
        kinds = arena_printf(a, "%s%sstrace -c summary", kinds, *kinds ? " + " : "");
    if (in->kinds & IN_AUDIT)
        kinds = arena_printf(a, "%s%s%llu SECCOMP audit records", kinds, *kinds ? " + " : "",
                             (unsigned long long)in->audit_records);
    if (!*kinds)
        kinds = "nothing recognised";
    const char *s = arena_printf(a, "%s: %s, %zu process%s, %s", base(in->path), kinds, in->npids,
                                 in->npids == 1 ? "" : "es", count(a, in->calls, "call"));
    if (in->audit_denied)
        s = arena_printf(a, "%s (%s)", s, count(a, in->audit_denied, "denial record"));
    if (in->audit_filtered)
        s = arena_printf(a, "%s, %s of other processes or times filtered out", s,
                         count(a, in->audit_filtered, "audit record"));
    if (in->t_min > 0)
        s = arena_printf(a, "%s, %s .. %s UTC", s, fmt_time(a, in->t_min, T_FULL),
                         fmt_time(a, in->t_max, in->t_max - in->t_min < 86400 ? T_TIME : T_FULL));
    else if (in->tod_min >= 0)
        s = arena_printf(a, "%s, traced %s .. %s (local time) on the file's date %s", s, fmt_tod(a, in->tod_min),
                         fmt_tod(a, in->tod_max), fmt_time(a, (double)in->mtime, T_DATE));
    else
        s = arena_printf(a, "%s, file dated %s UTC", s, fmt_time(a, (double)in->mtime, T_FULL));
    if (in->other_arch_calls)
        s = arena_printf(a, "%s, %s of other ABIs not learned", s, count(a, in->other_arch_calls, "call"));
    if (in->unknown_name_calls)
        s = arena_printf(a, "%s, %s of unknown names skipped", s, count(a, in->unknown_name_calls, "call"));
    if (in->other_log_lines)
        s = arena_printf(a, "%s, %s of other log records ignored", s, count(a, in->other_log_lines, "line"));
    if (in->unknown_lines)
        s = arena_printf(a, "%s, %s skipped", s, count(a, in->unknown_lines, "unrecognised line"));
    return s;
}

static void put_inputs(polc_ctx *ctx, StrBuf *sb, const LearnData *d)
{
    for (size_t i = 0; i < d->inputs.len; i++) {
        const char *s = input_summary(ctx, &d->inputs.items[i]);
        /* wrapped at 78 columns between ", "-separated parts */
        size_t col = 4;
        sb_puts(sb, "#   ");
        bool first = true;
        while (*s) {
            const char *q = strstr(s, ", ");
            size_t n = q ? (size_t)(q - s) : strlen(s);
            if (!first) {
                if (col + 2 + n > 78) {
                    sb_puts(sb, ",\n#     ");
                    col = 6;
                } else {
                    sb_puts(sb, ", ");
                    col += 2;
                }
            }
            sb_putn(sb, s, n);
            col += n;
            first = false;
            s += n;
            if (*s)
                s += 2;
        }
        sb_putc(sb, '\n');
    }
}

static void put_rule(StrBuf *sb, const char *indent, const Learned *l, Arena *a)
{
    const char *stmt = l->cond ? arena_printf(a, "allow %s if %s", l->s->name, l->cond)
                               : arena_printf(a, "allow %s", l->s->name);
    const char *cm = call_comment(a, l->s);
    if (!l->cond && l->why)
        cm = arena_printf(a, "%s; %s", cm, l->why);
    int pad = 26 - (int)strlen(stmt);
    sb_printf(sb, "%s%s%*s  # %s\n", indent, stmt, pad > 0 ? pad : 0, "", cm);
}

static const char *desc_string(Arena *a, const LearnData *d)
{
    StrBuf sb;
    sb_init(&sb);
    sb_puts(&sb, "learned from ");
    for (size_t i = 0; i < d->inputs.len; i++) {
        if (i)
            sb_puts(&sb, ", ");
        if (i == 3) {
            sb_printf(&sb, "and %zu more", d->inputs.len - 3);
            break;
        }
        for (const char *p = base(d->inputs.items[i].path); *p; p++)
            sb_putc(&sb, *p == '"' || *p == '\\' || (unsigned char)*p < 0x20 ? '_' : *p);
    }
    char *s = sb_take(&sb);
    const char *r = arena_strdup(a, s);
    free(s);
    return r;
}

static polc_ctx *verify_ctx(const polc_ctx *ctx)
{
    polc_ctx *c = compile_new_like(ctx);
    if (!c)
        return NULL;
    polc_set_no_prelude(c, ctx->opt.no_prelude);
    /* the learned text must compile and its outputs be right, as --check
     * sees it; the libseccomp build is for when the user writes them */
    polc_set_verify_libseccomp(c, 0);
    return c;
}

/* The learned text must compile (and, for a new policy, be accepted by the
 * Docker back end); anything else is a bug in polc learn. */
static polc_status verify(polc_ctx *ctx, const char *text, const char *merge_path)
{
    polc_ctx *c = verify_ctx(ctx);
    if (!c)
        return POLC_EUSAGE;
    polc_status st;
    if (merge_path) {
        /* compiled as if it were OLD.pol itself, so that "relative" includes resolve */
        size_t len = strlen(text);
        char *copy = arena_strndup(&c->arena, text, len);
        st = compile_pipeline(c, merge_path, merge_path, copy, len);
    } else {
        st = polc_compile_buffer(c, "<learned policy>", text, strlen(text));
        if (st == POLC_OK) {
            char *out;
            size_t len;
            /* a Docker profile for a 32-bit ABI alone would also decide its
             * host arch's calls (E0416): such a policy is checked as BPF */
            bool host_arch_missing = false;
            for (size_t a = 0; a < c->policy.ir->arches.len; a++)
                host_arch_missing |= !ir_arch(c->policy.ir, arch_info(c->policy.ir->arches.items[a].arch)->family);
            st = polc_emit(c, host_arch_missing ? POLC_TARGET_BPF : POLC_TARGET_DOCKER, &out, &len);
            free(out);
        }
    }
    if (st != POLC_OK) {
        char *r = polc_render_diagnostics(c, POLC_DIAG_TEXT, 0);
        Diag *g = diag_error(&ctx->diag, "E0709", SPAN_NONE,
                             "internal error: the %s policy does not compile (a bug in polc learn; please report it)",
                             merge_path ? "merged" : "learned");
        diag_note(&ctx->diag, g, SPAN_NONE, "%s", r ? r : "");
        free(r);
        st = POLC_EINPUT;
    }
    polc_free(c);
    return st;
}

/* --since: epoch seconds (as in audit(EPOCH.MS:SERIAL) and `date +%s`),
 * @EPOCH, or YYYY-MM-DD HH:MM:SS / YYYY-MM-DDTHH:MM:SS in UTC (as the
 * learned header prints times). Returns 0 when not understood. */
/* The base presets (stdlib/presets/base/NAME.pol, docs/presets.md): what a
 * runtime does between loading the filter and exec, and what a libc or the
 * Go runtime does before main. A trace of the program (strace from its
 * execve on) never shows the first kind. */
static const struct {
    const char *name, *why;
} BASE_PRESETS[] = {
    {"runc", "what runc does between loading the filter and exec"},
    {"crun", "what crun does between loading the filter and exec"},
    {"polc-run", "what polc run does between loading the filter and exec"},
    {"glibc", "what glibc does before main"},
    {"musl", "what musl does before main"},
    {"go", "what the Go runtime does before main"},
};
#define NBASE (sizeof BASE_PRESETS / sizeof *BASE_PRESETS)

/* --base LIST into picked[] (indexes of BASE_PRESETS, detected[] says which
 * were chosen from the trace). NULL: runc, plus glibc, musl or go when the
 * trace shows them. */
/* A learned condition on a call the included base presets allow for every
 * input would be a dead rule (W0004): the rule is written without it (the
 * preset allows the call anyway, and the policy says it was seen). */
static void drop_conditions_presets_cover(const polc_ctx *ctx, const int *base_ids, size_t nbase, ArchId arch,
                                          Learned *ls, size_t n)
{
    if (!nbase)
        return;
    StrBuf sb;
    sb_init(&sb);
    sb_printf(&sb, "policy base\narch %s\ndefault errno(EPERM)\n", arch_info(arch)->name);
    for (size_t i = 0; i < nbase; i++)
        sb_printf(&sb, "include <presets/base/%s.pol>\n", BASE_PRESETS[base_ids[i]].name);
    polc_ctx *c = verify_ctx(ctx);
    if (c && polc_compile_buffer(c, "<base presets>", sb.data, sb.len) == POLC_OK)
        for (size_t i = 0; i < n; i++)
            if (ls[i].cond && old_allows_all_inputs(c, arch, ls[i].s->nr)) {
                ls[i].cond = NULL;
                ls[i].why = "no condition: the base preset allows every value";
            }
    polc_free(c);
    sb_free(&sb);
}

static bool pick_base(polc_ctx *ctx, const char *list, const char *runtime, const LearnData *d, int *picked,
                      bool *detected, size_t *n)
{
    *n = 0;
    if (!list && d->arch != ARCH_X86_64)
        return true; /* measured on x86_64 only (docs/presets.md) */
    if (!list) {
        int rt = 0;
        for (size_t i = 0; runtime && i < NBASE; i++)
            if (strcmp(BASE_PRESETS[i].name, runtime) == 0)
                rt = (int)i;
        picked[(*n)++] = rt;
        const bool seen[] = {false, false, false, d->saw_glibc, d->saw_musl, d->saw_go};
        for (size_t i = 3; i < NBASE; i++)
            if (seen[i]) {
                detected[*n] = true;
                picked[(*n)++] = (int)i;
            }
        return true;
    }
    if (strcmp(list, "none") == 0)
        return true;
    const char *p = list;
    while (*p) {
        size_t len = strcspn(p, ",");
        size_t i = 0;
        while (i < NBASE && !(strlen(BASE_PRESETS[i].name) == len && strncmp(BASE_PRESETS[i].name, p, len) == 0))
            i++;
        if (i == NBASE) {
            Diag *g = diag_error(&ctx->diag, "E0910", SPAN_NONE, "--base: `%.*s` is not a base preset", (int)len, p);
            diag_help(&ctx->diag, g, "known: runc, crun, polc-run, glibc, musl, go (joined by ','), or none");
            return false;
        }
        bool dup = false;
        for (size_t k = 0; k < *n; k++)
            dup |= picked[k] == (int)i;
        if (!dup && *n < NBASE) {
            detected[*n] = false;
            picked[(*n)++] = (int)i;
        }
        p += len;
        if (*p == ',')
            p++;
    }
    return true;
}

/* "comm=redis-server, since 2024-05-01 10:00:00 UTC" */
static const char *filter_text(Arena *a, const LearnFilter *f, const char *since)
{
    const char *t = "";
    if (f->comm)
        t = arena_printf(a, "comm=%s", f->comm);
    if (f->exe)
        t = arena_printf(a, "%s%sexe=%s", t, *t ? ", " : "", f->exe);
    if (f->pid)
        t = arena_printf(a, "%s%spid=%ld", t, *t ? ", " : "", f->pid);
    if (since)
        t = arena_printf(a, "%s%ssince %s", t, *t ? ", " : "", fmt_time(a, f->since, T_FULL_UTC));
    return t;
}

static double parse_since(const char *s)
{
    if (*s == '@')
        s++;
    char *end;
    double v = strtod(s, &end);
    if (end != s && *end == '\0' && isdigit((unsigned char)*s))
        return v > 0 ? v : 0;
    int y, mo, d, h, mi, sec, n = 0;
    if (sscanf(s, "%4d-%2d-%2d%*1[ T]%2d:%2d:%2d%n", &y, &mo, &d, &h, &mi, &sec, &n) != 6 || s[n] != '\0')
        return 0;
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 60)
        return 0;
    struct tm tm = {.tm_year = y - 1900, .tm_mon = mo - 1, .tm_mday = d, .tm_hour = h, .tm_min = mi, .tm_sec = sec};
    time_t t = timegm(&tm);
    return t > 0 ? (double)t : 0;
}

static polc_status learn_with(polc_ctx *ctx, const StdlibView *std, ArchId arch, const char *const *inputs,
                              size_t ninputs, const polc_learn_options *opts, unsigned max_values, char **pol_out);

polc_status polc_learn(polc_ctx *ctx, const char *const *inputs, size_t ninputs, const polc_learn_options *opts,
                       char **pol_out)
{
    polc_learn_options o = {0};
    if (opts)
        o = *opts;
    *pol_out = NULL;
    Arena *a = &ctx->arena;
    unsigned max_values = o.max_values ? o.max_values : 4;
    if (max_values > LEARN_MAX_VALUES)
        max_values = LEARN_MAX_VALUES;
    ArchId arch = arch_host();
    if (o.arch && !arch_from_name(o.arch, &arch)) {
        Diag *g = diag_error(&ctx->diag, "E0217", SPAN_NONE, "unknown architecture `%s` in --arch", o.arch);
        diag_help(&ctx->diag, g, "known: x86_64, x86, x32, aarch64, arm, riscv64, ppc64le, s390x");
        return POLC_EUSAGE;
    }
    if (arch == ARCH__COUNT) {
        diag_error(&ctx->diag, "E0217", SPAN_NONE, "polc does not know this host's architecture: use --arch");
        return POLC_EUSAGE;
    }
    if (ninputs == 0) {
        diag_error(&ctx->diag, "E0700", SPAN_NONE, "nothing to learn from: give strace traces or audit logs");
        return POLC_EUSAGE;
    }

    /* The names: with --merge the old policy's (its constants, the traced
     * arch's table added to its tables), else the stdlib's for the traced
     * arch. */
    StdlibView *std;
    if (o.merge_path) {
        polc_status st = polc_compile_file(ctx, o.merge_path, NULL);
        if (st != POLC_OK)
            return st;
        if (!ctx->policy.db.arch[arch].loaded &&
            !syscalldb_load_arch(&ctx->policy.db, a, &ctx->diag, &ctx->sm, arch, stdlib_locate, ctx))
            return POLC_EUSAGE;
        if (!ctx->policy.db.sigs_loaded &&
            !syscalldb_load_signatures(&ctx->policy.db, a, &ctx->diag, &ctx->sm, stdlib_locate, ctx))
            return POLC_EUSAGE;
        std = stdlib_view_of(ctx);
    } else {
        std = stdlib_view_load(ctx, 1u << arch, "polc learn", &ctx->diag);
    }
    if (!std)
        return POLC_EUSAGE;
    polc_status st = learn_with(ctx, std, arch, inputs, ninputs, &o, max_values, pol_out);
    stdlib_view_free(std);
    return st;
}

/* polc_learn once the names are known: std answers constants, groups and the
 * traced arch's table. */
static polc_status learn_with(polc_ctx *ctx, const StdlibView *std, ArchId arch, const char *const *inputs,
                              size_t ninputs, const polc_learn_options *opts, unsigned max_values, char **pol_out)
{
    polc_learn_options o = *opts;
    Arena *a = &ctx->arena;
    const char *archname = arch_info(arch)->name;
    polc_status st;
    LearnData d = {.ctx = ctx, .db = stdlib_view_db(std), .arch = arch};
    d.filter = (LearnFilter){.comm = o.comm, .exe = o.exe, .pid = o.pid};
    if (o.since) {
        d.filter.since = parse_since(o.since);
        if (d.filter.since <= 0) {
            Diag *g = diag_error(&ctx->diag, "E0909", SPAN_NONE, "--since `%s` is not a time polc learn understands",
                                 o.since);
            diag_help(&ctx->diag, g, "give epoch seconds as in audit(1700000100.001:501) or `date +%%s`, or "
                                     "`YYYY-MM-DD HH:MM:SS` in UTC");
            return POLC_EUSAGE;
        }
    }
    d.filter.any = o.comm || o.exe || o.pid || o.since;
    for (size_t i = 0; i < ninputs; i++)
        if (!learn_parse_file(&d, inputs[i]))
            return POLC_EUSAGE;

    /* what could not be learned */
    for (size_t i = 0; i < d.inputs.len; i++) {
        const LearnInput *in = &d.inputs.items[i];
        if (in->unknown_lines)
            diag_warning(&ctx->diag, "W0701", SPAN_NONE,
                         "`%s`: %llu line%s not recognised and skipped (first at line %zu: `%s`)", in->path,
                         (unsigned long long)in->unknown_lines, in->unknown_lines == 1 ? "" : "s",
                         in->first_unknown_line, in->first_unknown_text);
    }
    for (size_t i = 0; i < d.inputs.len; i++) {
        const LearnInput *in = &d.inputs.items[i];
        if (in->audit_filtered && !in->audit_records)
            diag_warning(&ctx->diag, "W0903", SPAN_NONE,
                         "`%s`: the filters (%s) kept none of its %llu audit record%s", in->path,
                         filter_text(a, &d.filter, o.since), (unsigned long long)in->audit_filtered,
                         in->audit_filtered == 1 ? "" : "s");
    }
    for (size_t i = 0; i < d.unknown_names.cap; i++)
        if (d.unknown_names.slots[i].key)
            diag_warning(&ctx->diag, "W0702", SPAN_NONE,
                         "`%s` (%llu call%s) is not a syscall in polc's %s table: not learned",
                         d.unknown_names.slots[i].key, (unsigned long long)*(uint64_t *)d.unknown_names.slots[i].value,
                         *(uint64_t *)d.unknown_names.slots[i].value == 1 ? "" : "s", archname);
    uint64_t other_total = 0;
    for (int x = 0; x < ARCH__COUNT; x++) {
        if (!d.other_arch[x])
            continue;
        other_total += d.other_arch[x];
        Diag *g = diag_warning(&ctx->diag, "W0703", SPAN_NONE,
                               "%llu call%s made in %s mode %s not learned: polc learn learns %s calls only",
                               (unsigned long long)d.other_arch[x], d.other_arch[x] == 1 ? "" : "s",
                               arch_info((ArchId)x)->name, d.other_arch[x] == 1 ? "is" : "are", archname);
        diag_help(&ctx->diag, g, "learn a policy for them with --arch %s from the same inputs",
                  arch_info((ArchId)x)->name);
    }
    if (d.sys.len == 0) {
        Diag *g = diag_error(&ctx->diag, "E0704", SPAN_NONE, "no %s system calls found in the input%s", archname,
                             ninputs == 1 ? "" : "s");
        diag_help(&ctx->diag, g,
                  "polc learn reads `strace -f -o FILE` traces, `strace -c` summaries and type=SECCOMP/1326 "
                  "audit records; --arch names the traced arch");
        return POLC_EINPUT;
    }

    /* What every program needs to survive signals and restarts, seen or not:
     * a signal handler returns through rt_sigreturn (sigreturn on 32-bit
     * ABIs), a call interrupted by a stopped-and-continued signal is resumed
     * with restart_syscall, and a program ends with exit/exit_group. A trace
     * rarely shows them all (redis, traced without a signal, segfaulted on
     * SIGTERM under a policy without rt_sigreturn: its handler could not
     * return). Denying them never protects anything. */
    size_t nkept = 0;
    const char *kept[SURVIVAL_COUNT];
    for (size_t i = 0; i < SURVIVAL_COUNT; i++) {
        LearnSys *k = learn_keep(&d, SURVIVAL_CALLS[i]);
        if (k && k->survival)
            kept[nkept++] = k->name;
    }

    int base_ids[NBASE];
    bool base_detected[NBASE] = {false};
    size_t nbase = 0;
    if (!pick_base(ctx, o.base, o.runtime, &d, base_ids, base_detected, &nbase))
        return POLC_EUSAGE;

    /* one rule per syscall seen */
    size_t n = 0;
    LearnSys **sys = arena_alloc(a, d.sys.len * sizeof *sys);
    for (size_t i = 0; i < d.sys.cap; i++)
        if (d.sys.slots[i].key)
            sys[n++] = d.sys.slots[i].value;
    qsort(sys, n, sizeof *sys, cmp_sys);
    Learned *ls = arena_alloc(a, n * sizeof *ls);
    uint32_t target_mask = o.merge_path ? ctx->policy.arch_mask : 1u << arch;
    for (size_t i = 0; i < n; i++) {
        ls[i].s = sys[i];
        learn_condition(ctx, std, &ls[i], max_values, target_mask);
    }
    if (!o.merge_path)
        drop_conditions_presets_cover(ctx, base_ids, nbase, arch, ls, n);

    time_t t_now = now();
    const char *date = fmt_time(a, (double)t_now, T_FULL_UTC);
    StrBuf sb;
    sb_init(&sb);
    const char **failed = arena_alloc(a, n * sizeof *failed);
    size_t nfailed = 0;
    for (size_t i = 0; i < n; i++)
        if (sys[i]->failed && sys[i]->failed >= sys[i]->calls)
            failed[nfailed++] = sys[i]->nerrnos ? arena_printf(a, "%s (%s)", sys[i]->name, sys[i]->errnos[0])
                                                : sys[i]->name;

    if (o.merge_path) {
        if (!(ctx->policy.arch_mask & (1u << arch)))
            diag_warning(&ctx->diag, "W0705", SPAN_NONE,
                         "`%s` does not target %s, the traced arch: additions are made by name for its arches",
                         o.merge_path, archname);
        size_t nadd = 0, nnote = 0;
        const char **added = arena_alloc(a, n * sizeof *added);
        const char **notes = arena_alloc(a, n * sizeof *notes);
        for (size_t i = 0; i < n; i++) {
            merge_one(ctx, std, arch, &ls[i], base(o.merge_path), max_values);
            if (ls[i].merge_note)
                notes[nnote++] = ls[i].merge_note;
            if (!ls[i].skip)
                added[nadd++] = ls[i].cond ? arena_printf(a, "%s (if %s)", ls[i].s->name, ls[i].cond) : ls[i].s->name;
        }
        const char *text = NULL;
        size_t tlen = 0;
        int err = 0;
        text = read_file_arena(a, o.merge_path, &tlen, &err);
        if (!text)
            return POLC_EUSAGE; /* it compiled a moment ago */
        sb_putn(&sb, text, tlen);
        if (tlen && text[tlen - 1] != '\n')
            sb_putc(&sb, '\n');
        sb_puts(&sb, "\n");
        const char *files = "";
        for (size_t i = 0; i < d.inputs.len; i++)
            files = arena_printf(a, "%s%s%s", files, i ? ", " : "", base(d.inputs.items[i].path));
        sb_printf(&sb, "# ---- added by polc learn --merge on %s from %s ----\n", date, files);
        put_inputs(ctx, &sb, &d);
        if (nadd)
            put_list(&sb, arena_printf(a, "added %zu syscall%s (%s):", nadd, nadd == 1 ? "" : "s", archname), added,
                     nadd);
        else
            sb_printf(&sb, "# nothing added: %s already allows every call seen\n", base(o.merge_path));
        for (size_t i = 0; i < nnote; i++)
            sb_printf(&sb, "# note: %s\n", notes[i]);
        if (nfailed)
            put_list(&sb, "failed every time traced (allowed; review):", failed, nfailed);
        if (nadd) {
            bool other = !(ctx->policy.arch_mask & (1u << arch));
            /* the traced arch's family (one decision per family in Docker
             * profiles); no block when that is every arch of OLD.pol */
            const char *fam = "";
            uint32_t fam_mask = 0;
            for (int x = 0; x < ARCH__COUNT; x++)
                if ((ctx->policy.arch_mask & (1u << x)) && arch_info((ArchId)x)->family == arch_info(arch)->family) {
                    fam = arena_printf(a, "%s%s%s", fam, *fam ? ", " : "", arch_info((ArchId)x)->name);
                    fam_mask |= 1u << x;
                }
            bool when = !other && fam_mask != ctx->policy.arch_mask;
            sb_puts(&sb, "syscalls {\n");
            if (when)
                sb_printf(&sb, "  when arch %s {\n", fam);
            for (size_t i = 0; i < n; i++)
                if (!ls[i].skip)
                    put_rule(&sb, when ? "    " : "  ", &ls[i], a);
            if (when)
                sb_puts(&sb, "  }\n");
            sb_puts(&sb, "}\n");
        }
    } else {
        const char *name = polc_name_text(a, o.policy_name ? o.policy_name : "learned", POLC_WORD_NAME, "learned");
        sb_printf(&sb, "# Learned by polc learn %s on %s from:\n", polc_version(), date);
        put_inputs(ctx, &sb, &d);
        sb_printf(&sb, "# %zu distinct syscalls seen.\n", n - nkept);
        sb_printf(&sb, "# arch %s only%s: any other ABI is killed.\n", archname,
                  arch == ARCH_X86_64 ? " (not the x86 family)" : "");
        if (arch == ARCH_X86_64)
            sb_puts(&sb, "# (x86 reaches socket calls through socketcall(2), where polc cannot\n"
                         "# check their arguments; 32-bit and x32 processes are killed.)\n");
        if (other_total)
            sb_printf(&sb, "# %s of other ABIs (32-bit or x32 processes) seen and NOT allowed.\n",
                      count(a, other_total, "call"));
        if (d.filter.any)
            sb_printf(&sb, "# Audit records kept: %s.\n", filter_text(a, &d.filter, o.since));
        if (nkept)
            put_list(&sb, "Kept though not seen (needed to survive signals and restarts):", kept, nkept);
        if (nfailed)
            put_list(&sb, "Failed every time traced (allowed anyway; review):", failed, nfailed);
        if (nbase) {
            sb_puts(&sb, "# Base presets included (docs/presets.md; --base LIST or --base none):\n");
            for (size_t i = 0; i < nbase; i++)
                sb_printf(&sb, "#   %s: %s%s\n", BASE_PRESETS[base_ids[i]].name, BASE_PRESETS[base_ids[i]].why,
                          base_detected[i] ? " (detected in the trace)"
                          : o.base          ? " (--base)"
                          : o.runtime       ? " (the runtime that recorded it)"
                                            : " (the default runtime)");
        } else if (o.base)
            sb_puts(&sb, "# No base preset included (--base none).\n");
        else
            sb_printf(&sb, "# No base preset included: they are measured on x86_64, not %s (--base LIST\n"
                           "# includes one anyway; docs/presets.md).\n",
                      archname);
        sb_puts(&sb, "# A trace shows one run, not every path the program can take: review.\n");
        sb_printf(&sb, "policy %s \"%s\"\n", name, desc_string(a, &d));
        sb_printf(&sb, "arch %s\n", archname);
        sb_puts(&sb, "default errno(EPERM)\n\n");
        for (size_t i = 0; i < nbase; i++)
            sb_printf(&sb, "include <presets/base/%s.pol>\n", BASE_PRESETS[base_ids[i]].name);
        sb_puts(&sb, nbase ? "\nsyscalls {\n" : "syscalls {\n");

        StrMap uncond = {0};
        for (size_t i = 0; i < n; i++)
            if (!ls[i].cond)
                strmap_put(&uncond, a, ls[i].s->name, &ls[i]);
        VEC(Group) groups = {0};
        pick_groups(ctx, std, arch, &uncond, &groups);
        if (groups.len) {
            sb_printf(&sb, "  # systemd groups: every %s member was seen\n", archname);
            for (size_t i = 0; i < groups.len; i++)
                sb_printf(&sb, "  allow @%-24s # %zu syscalls\n", groups.items[i].name, groups.items[i].members.len);
            sb_puts(&sb, "\n");
        }
        for (size_t i = 0; i < n; i++)
            if (!ls[i].cond && !ls[i].in_group)
                put_rule(&sb, "  ", &ls[i], a);
        bool any = false;
        for (size_t i = 0; i < n; i++)
            if (ls[i].cond) {
                if (!any)
                    sb_puts(&sb, "\n  # arguments: only the values seen\n");
                any = true;
                put_rule(&sb, "  ", &ls[i], a);
            }
        sb_puts(&sb, "}\n");
    }
    char *out = fmt_canonical(sb_take(&sb));
    st = verify(ctx, out, o.merge_path);
    if (st != POLC_OK) {
        free(out);
        return st;
    }
    *pol_out = out;
    return POLC_OK;
}

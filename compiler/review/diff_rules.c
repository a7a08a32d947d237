/* polc diff: the rules behind a change, named as the reviewer finds them:
 * a policy's rule by file:line (with its line of text), a rule of an
 * imported profile by the syscalls[] entries import read it from, and the
 * default by its `default` statement or the profile's defaultAction. */
#include <ctype.h>
#include <string.h>

#include "import/import.h"
#include "review/region.h"
#include "review/review.h"

static const char *line_text(const polc_ctx *ctx, Span sp, unsigned *line_out)
{
    const SourceFile *f = source_get(&ctx->sm, sp.file);
    unsigned line, col;
    source_linecol(f, sp.start, &line, &col);
    *line_out = line;
    size_t len;
    const char *t = source_line(f, line, &len);
    while (len && isspace((unsigned char)*t))
        t++, len--;
    while (len && isspace((unsigned char)t[len - 1]))
        len--;
    return arena_printf((Arena *)&ctx->arena, "%.*s", (int)len, t);
}

static const char *span_at(const polc_ctx *ctx, Span sp)
{
    unsigned line;
    (void)line_text(ctx, sp, &line);
    return arena_printf((Arena *)&ctx->arena, "%s:%u", source_get(&ctx->sm, sp.file)->name, line);
}

static bool entry_names(const ProfileEntry *e, const char *sys)
{
    for (size_t i = 0; i < e->nnames; i++)
        if (!strcmp(e->names[i], sys))
            return true;
    return false;
}

/* runc's reading of an entry's args on one call */
static bool cond_holds(const ImpCond *c, const uint64_t args[6])
{
    uint64_t v = c->index < 6 ? args[c->index] : 0;
    switch (c->op) {
    case IOP_EQ: return v == c->value;
    case IOP_NE: return v != c->value;
    case IOP_LT: return v < c->value;
    case IOP_LE: return v <= c->value;
    case IOP_GT: return v > c->value;
    case IOP_GE: return v >= c->value;
    default: return (v & c->value) == c->value2;
    }
}

static bool entry_holds(const ProfileEntry *e, const uint64_t args[6])
{
    if (!e->nconds)
        return true;
    for (size_t i = 0; i < e->nconds; i++)
        if (cond_holds(&e->conds[i], args) == e->conds_or)
            return e->conds_or;
    return !e->conds_or;
}

/* Calls of the change's region, one per term (a few suffice to tell the
 * entries of a merged rule apart). */
#define MAX_WITNESSES 16
typedef struct Witnesses {
    uint64_t args[MAX_WITNESSES][6];
    size_t n;
} Witnesses;

typedef VEC(DiffRuleRef) RefVec;

/* The profile entries behind a rule of the imported policy: those that
 * list sys with that action and match a call of the region (when none
 * does, every entry that lists it); false when none lists sys with that
 * action (the rule is then named by its line). */
static bool profile_refs(const polc_ctx *ctx, ArchId arch, const char *sys, Action act, const Witnesses *w,
                         RefVec *out)
{
    Arena *A = (Arena *)&ctx->arena;
    bool any = false;
    for (int pass = 0; pass < 2 && !any; pass++) {
        for (size_t i = 0; i < ctx->profile_entries.len; i++) {
        const ProfileEntry *e = &ctx->profile_entries.items[i];
        if (!action_eq(e->action, act) || !(e->arch_mask & (1u << arch)) || !entry_names(e, sys))
            continue;
        bool holds = false;
        for (size_t k = 0; k < w->n && !holds; k++)
            holds = entry_holds(e, w->args[k]);
        if (pass == 0 && !holds)
            continue;
        const char *at = arena_printf(A, "%s: syscalls[%zu]", ctx->profile_name, e->index);
        bool dup = false;
        for (size_t k = 0; k < out->len && !dup; k++)
            dup = !strcmp(out->items[k].at, at);
        if (!dup) {
            DiffRuleRef r = {"profile-entry", at, NULL};
            VEC_PUSH(A, *out, r);
        }
        any = true;
        }
    }
    return any;
}

DiffRules diff_rule_refs(const polc_ctx *ctx, ArchId arch, const char *sys, Action act, const int *ids, size_t n,
                         const RegionOf *rof, Dnf region)
{
    Arena *A = (Arena *)&ctx->arena;
    RefVec out = {0};
    Witnesses w = {.n = 0};
    for (size_t t = 0; ctx->profile_name && rof && t < region.n && w.n < MAX_WITNESSES; t++)
        if (region_term_witness(rof, &region.terms[t], w.args[w.n]))
            w.n++;
    for (size_t i = 0; i < n; i++) {
        DiffRuleRef r = {0};
        if (ids[i] < 0) {
            if (ctx->profile_name) {
                r.kind = "profile-default";
                r.at = arena_printf(A, "the default (%s: defaultAction)", ctx->profile_name);
            } else {
                r.kind = "default";
                r.at = ctx->policy.default_span.file == UINT32_MAX
                           ? "the default"
                           : arena_printf(A, "the default (%s)", span_at(ctx, ctx->policy.default_span));
            }
            VEC_PUSH(A, out, r);
            continue;
        }
        const Rule *rule = ctx->policy.rules.items[ids[i]];
        if (ctx->profile_name && !rule->from_stdlib && profile_refs(ctx, arch, sys, act, &w, &out))
            continue;
        unsigned line;
        r.kind = "rule";
        r.text = line_text(ctx, (Span){rule->file, rule->span.start, rule->span.end}, &line);
        r.at = arena_printf(A, "%s:%u", source_get(&ctx->sm, rule->file)->name, line);
        VEC_PUSH(A, out, r);
    }
    /* rules of one line (the network section's `deny raw, packet` lowers to
     * two) are one place to a reviewer: name it once */
    size_t kept = 0;
    for (size_t i = 0; i < out.len; i++) {
        bool seen = false;
        for (size_t j = 0; j < kept && !seen; j++)
            seen = strcmp(out.items[j].at, out.items[i].at) == 0;
        if (!seen)
            out.items[kept++] = out.items[i];
    }
    return (DiffRules){out.items, kept};
}

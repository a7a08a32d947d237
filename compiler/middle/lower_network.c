/* The network section's families and types as seccomp rules on socket() and
 * socketpair(), so that every seccomp output (and polc run, which loads the
 * BPF) enforces what the AppArmor back end already means by them
 * (middle/model.c net_allowed, docs/apparmor.md):
 *   - each `deny` entry becomes `deny socket, socketpair errno(EACCES) if
 *     <it matches>`;
 *   - when `allow` entries exist, one more rule denies every (family, type)
 *     that no `allow` entry matches, families polc cannot name included.
 * The rules carry the entries' spans, so diagnostics, explain and --dump-ir
 * point at the network line, and lower combines them with the syscalls
 * section like any rule: the most restrictive matching rule wins (and a
 * stricter default still decides what no syscalls rule names, lower.c).
 * A type is compared masked: SOCK_NONBLOCK and SOCK_CLOEXEC ride in the type
 * argument. EACCES is the errno AppArmor gives for the same denial.
 * Where socket() is also reachable through socketcall(2) (x86, ppc64le,
 * s390x) seccomp cannot read the family, so the section is refused (E0316)
 * rather than enforced on one path only. */
#include <errno.h>
#include <string.h>

#include "compile.h"
#include "facts/abi.h"
#include "front/ast.h"

/* linux/socket.h and linux/net.h: the same values on every arch polc targets
 * (MIPS, whose SOCK_STREAM differs, is not one of them) */
static const struct {
    const char *name;
    uint64_t value;
} FAMILIES[] = {{"unix", 1},  {"inet", 2},       {"inet6", 10}, {"netlink", 16}, {"packet", 17}, {"alg", 38},
                {"vsock", 40}, {"bluetooth", 31}, {"can", 29},   {"xdp", 44},     {"key", 15},    {"tipc", 30}};
static const struct {
    const char *name;
    uint64_t value;
} TYPES[] = {{"stream", 1}, {"dgram", 2}, {"raw", 3}, {"seqpacket", 5}, {"rdm", 4}};
#define NFAM (sizeof FAMILIES / sizeof *FAMILIES)
#define NTYPE (sizeof TYPES / sizeof *TYPES)
/* The flags socket() and socketpair() accept in the type argument
 * (SOCK_NONBLOCK, SOCK_CLOEXEC): a type is matched with each of their four
 * combinations, which is the masked comparison `type & ~flags == T` for
 * every value the kernel accepts (any other flag bit is EINVAL). Written as
 * values, not as a mask, because its negation (the allow list) is then one
 * conjunction of `!=` instead of a disjunction over every bit of the mask. */
#define TYPE_MASK 0xfull
#define NET_ERRNO EACCES

typedef struct Build {
    polc_ctx *ctx;
    Span span; /* every node's: the entry the rule comes from */
} Build;

static Expr *node(Build *b, ExprKind k)
{
    Expr *e = arena_alloc(&b->ctx->arena, sizeof *e);
    e->kind = k;
    e->span = e->name_span = b->span;
    e->depth = 1;
    return e;
}

static Expr *num(Build *b, uint64_t v)
{
    Expr *e = node(b, EX_NUM);
    e->num = v;
    return e;
}

static Expr *join(Build *b, ExprKind k, Expr *x, Expr *y)
{
    if (!x)
        return y;
    if (!y)
        return x;
    Expr *e = node(b, k);
    e->a = x;
    e->b = y;
    e->depth = 1 + (x->depth > y->depth ? x->depth : y->depth);
    return e;
}

static Expr *family_is(Build *b, uint64_t v)
{
    Expr *e = node(b, EX_CMP);
    e->name = "domain";
    e->op = CMP_EQ;
    e->b = num(b, v);
    return e;
}

/* The type is one of the types in `set` (a bit per TYPES index). */
static Expr *type_in(Build *b, unsigned set)
{
    Expr *out = NULL;
    for (size_t t = 0; t < NTYPE; t++) {
        if (!(set & (1u << t)))
            continue;
        Expr *e = node(b, EX_MASKCMP);
        e->name = "type";
        e->op = CMP_EQ;
        e->b = num(b, TYPE_MASK);
        e->c = num(b, TYPES[t].value);
        out = join(b, EX_OR, out, e);
    }
    return out;
}

static Expr *negate(Build *b, Expr *x)
{
    Expr *e = node(b, EX_NOT);
    e->a = x;
    e->depth = x->depth + 1;
    return e;
}

static int family_index(const char *name)
{
    for (size_t i = 0; i < NFAM; i++)
        if (strcmp(FAMILIES[i].name, name) == 0)
            return (int)i;
    return -1;
}

static int type_index(const char *name)
{
    for (size_t i = 0; i < NTYPE; i++)
        if (strcmp(TYPES[i].name, name) == 0)
            return (int)i;
    return -1;
}

/* One entry's match; NULL fields match anything. */
static Expr *entry_match(Build *b, const NetRule *r)
{
    Expr *f = r->family ? family_is(b, FAMILIES[family_index(r->family)].value) : NULL;
    Expr *t = r->type ? type_in(b, 1u << type_index(r->type)) : NULL;
    return join(b, EX_AND, f, t);
}

/* Cells of the universe: the named families and types, and one "other" of
 * each (a family or type polc has no name for), index NFAM / NTYPE. */
static bool cell_allowed(const Policy *p, size_t f, size_t t)
{
    for (size_t i = 0; i < p->net.rules.len; i++) {
        const NetRule *r = &p->net.rules.items[i];
        if (r->deny)
            continue;
        bool fam = !r->family || (f < NFAM && strcmp(r->family, FAMILIES[f].name) == 0);
        bool typ = !r->type || (t < NTYPE && strcmp(r->type, TYPES[t].name) == 0);
        if (fam && typ)
            return true;
    }
    return false;
}

/* What no allow entry matches: families grouped by the set of their types
 * that are not allowed, one term per group. */
static Expr *not_allowed(Build *b, const Policy *p)
{
    unsigned denied[NFAM + 1];
    for (size_t f = 0; f <= NFAM; f++) {
        denied[f] = 0;
        for (size_t t = 0; t <= NTYPE; t++)
            if (!cell_allowed(p, f, t))
                denied[f] |= 1u << t;
    }
    const unsigned all_types = (1u << (NTYPE + 1)) - 1;
    bool done[NFAM + 1] = {0};
    Expr *out = NULL;
    for (size_t f = 0; f <= NFAM; f++) {
        if (done[f] || !denied[f])
            continue;
        /* the families with this set of denied types */
        bool member[NFAM + 1] = {0}, every = true;
        for (size_t g = f; g <= NFAM; g++)
            if (!done[g] && denied[g] == denied[f])
                member[g] = done[g] = true;
        for (size_t g = 0; g <= NFAM; g++)
            every &= member[g];
        Expr *fams = NULL;
        if (!every) {
            /* with "other" among them: not one of the named families outside the group */
            bool other = member[NFAM];
            Expr *in = node(b, EX_IN);
            in->name = "domain";
            in->negated = other;
            for (size_t g = 0; g < NFAM; g++)
                if (member[g] != other)
                    VEC_PUSH(&b->ctx->arena, in->list, num(b, FAMILIES[g].value));
            fams = in;
        }
        Expr *types = NULL;
        unsigned d = denied[f];
        if (d != all_types) {
            /* with "other" among them: none of the named types outside the set */
            unsigned named = d & ((1u << NTYPE) - 1);
            if (d & (1u << NTYPE))
                types = negate(b, type_in(b, ~named & ((1u << NTYPE) - 1)));
            else
                types = type_in(b, named);
        }
        /* not both NULL: an allow entry allows some cell */
        out = join(b, EX_OR, out, join(b, EX_AND, fams, types));
    }
    return out;
}

static void add_rule(polc_ctx *ctx, Span span, Expr *cond)
{
    Rule *r = arena_alloc(&ctx->arena, sizeof *r);
    r->id = (int)ctx->policy.rules.len;
    r->span = r->action_span = r->cond_span = span;
    r->action = (Action){ACT_ERRNO, NET_ERRNO};
    r->arch_mask = ctx->policy.arch_mask;
    r->cond = cond;
    r->file = span.file;
    r->from_stdlib = true; /* never reported as shadowed or redundant: the section says what it says */
    r->from_network = true;
    r->is_used_somewhere = true;
    static const char *const calls[] = {"socket", "socketpair"};
    for (size_t i = 0; i < 2; i++) {
        RuleTarget t = {calls[i], span, false, false};
        VEC_PUSH(&ctx->arena, r->targets, t);
    }
    const SourceFile *f = source_get(&ctx->sm, span.file);
    unsigned line, col;
    source_linecol(f, span.start, &line, &col);
    r->loc = span.file == ctx->policy.root_file ? arena_printf(&ctx->arena, "%s.pol:%u", ctx->opt.backend.basename, line)
                                                 : arena_printf(&ctx->arena, "%s:%u", f->name, line);
    VEC_PUSH(&ctx->arena, ctx->policy.rules, r);
}

/* Refuses the section on an arch where socket() is multiplexed (E0316). */
static bool muxed_arches_refused(polc_ctx *ctx)
{
    const NetRule *first = &ctx->policy.net.rules.items[0];
    bool ok = true;
    for (int a = 0; a < ARCH__COUNT; a++) {
        if (!(ctx->policy.arch_mask & (1u << a)) || !arch_has_muxer(&ctx->policy.db, (ArchId)a, "socketcall"))
            continue;
        const char *an = arch_info((ArchId)a)->name;
        Diag *g = diag_error(&ctx->diag, "E0316", first->span,
                             "the network section's families and types cannot be enforced on %s", an);
        diag_note(&ctx->diag, g, SPAN_NONE,
                  "on %s socket() and socketpair() are also reachable through socketcall(2), whose arguments "
                  "are in memory where seccomp cannot read them; the family would be checked on one path only",
                  an);
        diag_help(&ctx->diag, g, "drop %s from the `arch` line, or give %s a policy of its own without "
                                 "network families and types", an, an);
        ok = false;
    }
    return ok;
}

bool lower_network(polc_ctx *ctx)
{
    const Policy *p = &ctx->policy;
    if (!p->net.rules.len)
        return true;
    if (!muxed_arches_refused(ctx))
        return false;
    size_t n = p->net.rules.len;
    const NetRule *first_allow = NULL;
    for (size_t i = 0; i < n; i++) {
        const NetRule *r = &p->net.rules.items[i];
        if (!r->deny) {
            if (!first_allow)
                first_allow = r;
            continue;
        }
        Build b = {ctx, r->span};
        add_rule(ctx, r->span, entry_match(&b, r));
    }
    if (first_allow) {
        /* the first allow statement's list of entries: its entries are
         * apart only by commas and white space */
        Span s = first_allow->span;
        const SourceFile *f = source_get(&ctx->sm, s.file);
        for (size_t i = 0; i < n; i++) {
            const NetRule *r = &p->net.rules.items[i];
            if (r->deny || r->span.file != s.file || r->span.start < s.end)
                continue;
            size_t gap = s.end;
            while (gap < r->span.start && strchr(", \t\r\n", f->text[gap]))
                gap++;
            if (gap != r->span.start)
                break;
            s.end = r->span.end;
        }
        Build b = {ctx, s};
        Expr *cond = not_allowed(&b, p);
        if (cond)
            add_rule(ctx, s, cond);
    }
    return true;
}

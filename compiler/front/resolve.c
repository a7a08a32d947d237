/* Resolve stage: collect definitions from every file, pick the policy header
 * (a file's own statements override those of the files it includes), expand
 * syscall groups, evaluate constants, and build the rule list and the
 * non-seccomp sections of the model. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "facts/abi.h"
#include "front/resolve_resources.h"
#include "compile.h"
#include "util/polc_limits.h"

const char *const docker_default_caps[] = {
    "CHOWN", "DAC_OVERRIDE", "FSETID", "FOWNER", "MKNOD", "NET_RAW", "SETGID",
    "SETUID", "SETFCAP", "SETPCAP", "NET_BIND_SERVICE", "SYS_CHROOT", "KILL", "AUDIT_WRITE",
    NULL};

/* ---- small helpers ---- */

static const char *closest_in_map(const StrMap *m, const char *name)
{
    VEC(const char *) c = {0};
    Arena tmp;
    arena_init(&tmp);
    for (size_t i = 0; i < m->cap; i++)
        if (m->slots[i].key)
            VEC_PUSH(&tmp, c, m->slots[i].key);
    const char *r = closest_name(name, c.items, c.len);
    arena_release(&tmp);
    return r;
}

/* ---- constants ---- */

typedef enum ValueUse { USE_VALUE, USE_ERRNO } ValueUse;

static bool eval_value(polc_ctx *ctx, Expr *e, uint64_t *out, ValueUse use);

/* Both operands, even when the first fails, so one run reports the errors
 * of both. */
static bool eval_both(polc_ctx *ctx, Expr *e, uint64_t *a, uint64_t *b, ValueUse use)
{
    bool ok_a = eval_value(ctx, e->a, a, use);
    bool ok_b = eval_value(ctx, e->b, b, use);
    return ok_a && ok_b;
}

static bool eval_const(polc_ctx *ctx, ConstDef *c, Span use_span, uint64_t *out)
{
    if (c->state == DEF_DONE) {
        *out = c->value;
        return true;
    }
    if (c->state == DEF_FAILED)
        return false;
    if (c->state == DEF_BUSY) {
        Diag *g = diag_error(&ctx->diag, "E0219", use_span, "constant `%s` is defined in terms of itself",
                             c->name);
        diag_note(&ctx->diag, g, c->span, "`%s` is defined here", c->name);
        c->state = DEF_FAILED;
        return false;
    }
    if (ctx->front.def_depth >= POLC_MAX_DEFINITION_DEPTH) {
        if (ctx->front.depth_reported) {
            c->state = DEF_FAILED;
            return false;
        }
        ctx->front.depth_reported = true;
        Diag *g = diag_error(&ctx->diag, "E0107", use_span,
                             "constant `%s` is defined through more than %d other constants", c->name,
                             POLC_MAX_DEFINITION_DEPTH);
        diag_note(&ctx->diag, g, c->span, "`%s` is defined here", c->name);
        c->state = DEF_FAILED;
        return false;
    }
    c->state = DEF_BUSY;
    uint64_t v;
    ctx->front.def_depth++;
    bool ok = eval_value(ctx, c->expr, &v, USE_VALUE);
    ctx->front.def_depth--;
    if (!ok) {
        c->state = DEF_FAILED;
        return false;
    }
    c->value = v;
    c->state = DEF_DONE;
    NamedConst *named = arena_alloc(&ctx->arena, sizeof *named);
    *named = (NamedConst){c->name, v, c->span, c->is_errno};
    strmap_put(&ctx->policy.constants, &ctx->arena, c->name, named);
    *out = v;
    return true;
}

static bool eval_value(polc_ctx *ctx, Expr *e, uint64_t *out, ValueUse use)
{
    uint64_t a, b;
    switch (e->kind) {
    case EX_NUM:
        *out = e->num;
        return true;
    case EX_NAME: {
        ConstDef *c = strmap_get(&ctx->front.consts, e->name);
        if (!c) {
            Diag *g;
            if (use == USE_ERRNO)
                g = diag_error(&ctx->diag, "E0216", e->span, "unknown errno name `%s`", e->name);
            else
                g = diag_error(&ctx->diag, "E0212", e->span, "unknown constant `%s`", e->name);
            const char *s = closest_in_map(&ctx->front.consts, e->name);
            if (s)
                diag_help(&ctx->diag, g, "did you mean `%s`?", s);
            else if (use == USE_ERRNO)
                diag_help(&ctx->diag, g, "errno names such as EPERM come from stdlib constants/errno.pol; a number also works");
            return false;
        }
        return eval_const(ctx, c, e->span, out);
    }
    case EX_NEG:
        if (!eval_value(ctx, e->a, &a, use))
            return false;
        if (a > (uint64_t)1 << 63) { /* below INT64_MIN: it would wrap around */
            Diag *g = diag_error(&ctx->diag, "E0103", e->span, "`-%llu` does not fit in 64 bits",
                                 (unsigned long long)a);
            diag_help(&ctx->diag, g, "the smallest negative value is -9223372036854775808 (-0x8000000000000000)");
            return false;
        }
        *out = (uint64_t)0 - a;
        return true;
    case EX_BITNOT:
        if (!eval_value(ctx, e->a, &a, use))
            return false;
        *out = ~a;
        return true;
    case EX_BITOR:
        if (!eval_both(ctx, e, &a, &b, use))
            return false;
        *out = a | b;
        return true;
    case EX_SHL:
        if (!eval_both(ctx, e, &a, &b, use))
            return false;
        if (b >= 64 || (b && (a >> (64 - b)) != 0)) {
            diag_error(&ctx->diag, "E0103", e->span, "shift overflows 64 bits");
            return false;
        }
        *out = a << b;
        return true;
    default:
        diag_error(&ctx->diag, "E0100", e->span, "expected a value");
        return false;
    }
}

/* Exposed to check.c. */
bool resolve_value(polc_ctx *ctx, Expr *e, uint64_t *out);
bool resolve_value(polc_ctx *ctx, Expr *e, uint64_t *out) { return eval_value(ctx, e, out, USE_VALUE); }

/* ---- definitions ---- */

/* Candidates for `policy`, `arch` and `default`: the shallowest wins, so a
 * file's own statement overrides those of the files it includes. */
typedef struct HeaderPick {
    Stmt *stmt;
    int depth;
    VEC(Stmt *) all;
    VEC(int) depths;
} HeaderPick;

typedef struct Walk {
    HeaderPick policy, arch, dflt, dflt_newer, dflt_unknown, mode;
} Walk;

static void add_header(polc_ctx *ctx, HeaderPick *p, Stmt *s, int depth)
{
    VEC_PUSH(&ctx->arena, p->all, s);
    VEC_PUSH(&ctx->arena, p->depths, depth);
}

static bool same_expr(const Expr *a, const Expr *b)
{
    if (!a || !b)
        return a == b;
    if (a->kind != b->kind)
        return false;
    if (a->kind == EX_NUM)
        return a->num == b->num;
    if (a->kind == EX_NAME)
        return strcmp(a->name, b->name) == 0;
    return false;
}

static bool same_header(Stmt *a, Stmt *b)
{
    if (a->kind == ST_DEFAULT)
        return a->action.kind == b->action.kind && same_expr(a->action.arg, b->action.arg);
    return false;
}

static void pick_header(polc_ctx *ctx, HeaderPick *p, const char *what)
{
    for (size_t i = 0; i < p->all.len; i++)
        if (!p->stmt || p->depths.items[i] < p->depth) {
            p->stmt = p->all.items[i];
            p->depth = p->depths.items[i];
        }
    for (size_t i = 0; i < p->all.len; i++) {
        Stmt *s = p->all.items[i];
        if (s == p->stmt || p->depths.items[i] != p->depth)
            continue;
        if (s->file != p->stmt->file && same_header(p->stmt, s))
            continue; /* two included files agree */
        Diag *g = diag_error(&ctx->diag, "E0313", s->span, "more than one `%s` statement", what);
        diag_note(&ctx->diag, g, p->stmt->span, "the first `%s` is here", what);
        if (p->stmt->file != s->file)
            diag_help(&ctx->diag, g, "a file's own `%s` overrides those of the files it includes; "
                      "state it once in the including file", what);
    }
}

static void collect_defs(polc_ctx *ctx, StmtList *list, int depth, Walk *w)
{
    for (size_t i = 0; i < list->len; i++) {
        Stmt *s = list->items[i];
        const SourceFile *f = source_get(&ctx->sm, s->file);
        bool stdlib = f ? f->from_stdlib : true;
        switch (s->kind) {
        case ST_INCLUDE:
            collect_defs(ctx, &s->body, depth + 1, w);
            break;
        case ST_POLICY: add_header(ctx, &w->policy, s, depth); break;
        case ST_ARCH: add_header(ctx, &w->arch, s, depth); break;
        case ST_MODE: add_header(ctx, &w->mode, s, depth); break;
        case ST_DEFAULT:
            add_header(ctx, s->sub == DEFAULT_FOR_NEWER ? &w->dflt_newer
                            : s->sub == DEFAULT_FOR_UNKNOWN ? &w->dflt_unknown : &w->dflt,
                       s, depth);
            break;
        case ST_CONST: {
            ConstDef *c = arena_alloc(&ctx->arena, sizeof *c);
            c->name = s->name;
            c->span = s->name_span;
            c->expr = s->expr;
            c->is_errno = stdlib && f && strstr(f->name, "errno") != NULL;
            ConstDef *prev = strmap_put(&ctx->front.consts, &ctx->arena, s->name, c);
            if (prev) {
                Diag *g = diag_error(&ctx->diag, "E0218", s->name_span, "constant `%s` is defined twice", s->name);
                diag_note(&ctx->diag, g, prev->span, "the first definition is here");
            }
            break;
        }
        case ST_CAPDECL: {
            uint64_t v = 0;
            CapDef *c = arena_alloc(&ctx->arena, sizeof *c);
            c->name = s->name;
            c->span = s->name_span;
            if (s->expr->kind != EX_NUM || (v = s->expr->num) > 63) {
                diag_error(&ctx->diag, "E0215", s->expr->span,
                           "a capability is declared with a plain number from 0 to 63");
                break;
            }
            c->num = (int)v;
            CapDef *prev = strmap_put(&ctx->front.caps, &ctx->arena, s->name, c);
            if (prev) {
                Diag *g = diag_error(&ctx->diag, "E0218", s->name_span, "capability `%s` is declared twice", s->name);
                diag_note(&ctx->diag, g, prev->span, "the first declaration is here");
            }
            break;
        }
        case ST_SET: {
            SetDef *d = arena_alloc(&ctx->arena, sizeof *d);
            d->name = s->name;
            d->span = s->name_span;
            d->targets = s->targets;
            d->file = s->file;
            d->from_stdlib = stdlib;
            SetDef *prev = strmap_put(&ctx->front.sets, &ctx->arena, s->name, d);
            if (prev) {
                Diag *g = diag_error(&ctx->diag, "E0218", s->name_span, "set `@%s` is defined twice", s->name);
                diag_note(&ctx->diag, g, prev->span, "the first definition is here");
            }
            break;
        }
        default:
            break;
        }
    }
}

/* ---- syscall names ---- */

static bool name_on_arch(polc_ctx *ctx, const char *name, ArchId a)
{
    return syscalldb_lookup(&ctx->policy.db, a, name) != NULL;
}

static void suggest_syscall(polc_ctx *ctx, Diag *g, const char *name, uint32_t mask)
{
    const char *s = syscalldb_closest(&ctx->policy.db, mask, name);
    if (s)
        diag_help(&ctx->diag, g, "did you mean `%s`?", s);
}

static bool expand_set(polc_ctx *ctx, SetDef *d, Span use);

static void push_target(polc_ctx *ctx, void *vec_, RuleTarget t)
{
    if (++ctx->front.expanded_names > POLC_MAX_EXPANDED_NAMES) {
        if (!ctx->front.limit_reported) {
            Diag *g = diag_error(&ctx->diag, "E0107", t.span,
                                 "sets and rules name more than %d syscalls in all", POLC_MAX_EXPANDED_NAMES);
            diag_help(&ctx->diag, g, "a set that names another set twice doubles; name each set once");
            ctx->front.limit_reported = true;
        }
        return;
    }
    VEC(RuleTarget) *v = vec_;
    VEC_PUSH(&ctx->arena, *v, t);
}

static void expand_targets(polc_ctx *ctx, const TargetList *tl, bool via_group, void *out)
{
    for (size_t i = 0; i < tl->len; i++) {
        const Target *t = &tl->items[i];
        if (!t->is_group) {
            push_target(ctx, out, (RuleTarget){t->name, t->span, via_group, false});
            continue;
        }
        SetDef *d = strmap_get(&ctx->front.sets, t->name);
        if (!d) {
            Diag *g = diag_error(&ctx->diag, "E0211", t->span, "unknown syscall group `@%s`", t->name);
            const char *s = closest_in_map(&ctx->front.sets, t->name);
            if (s)
                diag_help(&ctx->diag, g, "did you mean `@%s`?", s);
            continue;
        }
        d->used = true;
        if (!expand_set(ctx, d, t->span))
            continue; /* reported: a set containing itself */
        for (size_t j = 0; j < d->expanded.len; j++) {
            RuleTarget rt = d->expanded.items[j];
            rt.via_group = rt.via_group || d->from_stdlib;
            rt.from_set = true;
            rt.span = rt.via_group ? t->span : rt.span;
            push_target(ctx, out, rt);
        }
    }
}

static bool expand_set(polc_ctx *ctx, SetDef *d, Span use)
{
    if (d->state == DEF_DONE)
        return true;
    if (d->state == DEF_BUSY) {
        if (!d->cycle_reported) {
            Diag *g = diag_error(&ctx->diag, "E0219", use, "set `@%s` contains itself", d->name);
            diag_note(&ctx->diag, g, d->span, "`@%s` is defined here", d->name);
            d->cycle_reported = true;
        }
        return false;
    }
    if (ctx->front.def_depth >= POLC_MAX_DEFINITION_DEPTH) {
        d->state = DEF_DONE; /* reported once; empty from here on */
        if (ctx->front.depth_reported)
            return false;
        ctx->front.depth_reported = true;
        Diag *g = diag_error(&ctx->diag, "E0107", use, "set `@%s` is defined through more than %d other sets",
                             d->name, POLC_MAX_DEFINITION_DEPTH);
        diag_note(&ctx->diag, g, d->span, "`@%s` is defined here", d->name);
        return false;
    }
    d->state = DEF_BUSY;
    ctx->front.def_depth++;
    expand_targets(ctx, &d->targets, false, &d->expanded);
    ctx->front.def_depth--;
    d->state = DEF_DONE;
    return true;
}

/* ---- capabilities ---- */

static bool lookup_cap(polc_ctx *ctx, const Ident *id, int *num)
{
    const char *n = id->name;
    if (strncmp(n, "CAP_", 4) == 0)
        n += 4;
    CapDef *c = strmap_get(&ctx->front.caps, n);
    if (!c) {
        Diag *g = diag_error(&ctx->diag, "E0215", id->span, "unknown capability `%s`", id->name);
        const char *s = closest_in_map(&ctx->front.caps, n);
        static const char *const all[] = {"all"};
        if (s)
            diag_help(&ctx->diag, g, "did you mean `%s`?", s);
        else if (closest_name(n, all, 1))
            diag_help(&ctx->diag, g, "did you mean `all` (`drop all`, `add all`)?");
        else
            diag_help(&ctx->diag, g, "capabilities are written without the CAP_ prefix, e.g. SYS_ADMIN");
        return false;
    }
    *num = c->num;
    return true;
}

/* ---- rules ---- */

typedef struct RuleCtx {
    uint64_t cap_req, cap_forbid;
    uint32_t arch_mask;
} RuleCtx;

static bool eval_action(polc_ctx *ctx, ActionSpec *as, Action *out)
{
    out->kind = as->kind;
    out->data = 0;
    uint64_t v = 0;
    if (as->kind == ACT_ERRNO) {
        if (!as->arg) {
            out->data = 1; /* deny without errno(...) means EPERM */
            return true;
        }
        if (!eval_value(ctx, as->arg, &v, USE_ERRNO))
            return false;
        if (v > 4095) {
            Diag *g = diag_error(&ctx->diag, "E0303", as->arg->span, "errno value %llu is out of range",
                                 (unsigned long long)v);
            diag_help(&ctx->diag, g, "the kernel accepts errno values from 0 to 4095");
            return false;
        }
    } else if (as->arg) {
        if (!eval_value(ctx, as->arg, &v, USE_VALUE))
            return false;
        if (v > 0xffff) {
            diag_error(&ctx->diag, "E0304", as->arg->span, "%s value %llu is out of range (0 to 65535)",
                       act_kind_name(as->kind), (unsigned long long)v);
            return false;
        }
    }
    out->data = (uint32_t)v;
    return true;
}

static void check_names(polc_ctx *ctx, Rule *r)
{
    const SourceFile *f = source_get(&ctx->sm, r->file);
    for (size_t i = 0; i < r->targets.len; i++) {
        RuleTarget *t = &r->targets.items[i];
        uint32_t have = 0;
        const char *muxer;
        uint32_t call;
        bool muxed = muxed_call(t->name, &muxer, &call);
        for (int a = 0; a < ARCH__COUNT; a++)
            if ((r->arch_mask & (1u << a)) &&
                (name_on_arch(ctx, t->name, (ArchId)a) || (muxed && arch_has_muxer(&ctx->policy.db, (ArchId)a, muxer))))
                have |= 1u << a;
        if (have)
            r->is_used_somewhere = true;
        if (t->via_group || t->from_set)
            continue; /* stdlib groups name other arches' calls; user sets are checked where defined */
        if (!have) {
            Diag *g = diag_error(&ctx->diag, "E0210", t->span, "unknown syscall `%s`", t->name);
            suggest_syscall(ctx, g, t->name, r->arch_mask);
            continue;
        }
        if (have != r->arch_mask && !(f && f->from_stdlib)) {
            char buf[256];
            size_t o = 0;
            for (int a = 0; a < ARCH__COUNT; a++)
                if ((r->arch_mask & (1u << a)) && !(have & (1u << a)))
                    o += (size_t)snprintf(buf + o, sizeof buf - o, "%s%s", o ? ", " : "", arch_info((ArchId)a)->name);
            Diag *g = diag_warning(&ctx->diag, "W0001", t->span, "syscall `%s` does not exist on %s",
                                   t->name, buf);
            diag_note(&ctx->diag, g, SPAN_NONE, "the rule has no effect there");
        }
    }
}

static void unknown_arch(polc_ctx *ctx, const Ident *id)
{
    Diag *g = diag_error(&ctx->diag, "E0217", id->span, "unknown architecture `%s`", id->name);
    static const char *const names[] = {"x86_64", "x86", "x32", "aarch64", "arm", "riscv64", "ppc64le", "s390x",
                                        "amd64", "i386", "arm64"};
    const char *c = closest_name(id->name, names, sizeof names / sizeof *names);
    if (c)
        diag_help(&ctx->diag, g, "did you mean `%s`?", c);
    else
        diag_help(&ctx->diag, g, "known: x86_64, x86, x32, aarch64, arm, riscv64, ppc64le, s390x");
}

static void collect_rules(polc_ctx *ctx, StmtList *body, RuleCtx rc)
{
    for (size_t i = 0; i < body->len; i++) {
        Stmt *s = body->items[i];
        if (s->kind == ST_WHEN_CAP) {
            RuleCtx inner = rc;
            for (size_t j = 0; j < s->idents.len; j++) {
                int num;
                if (!lookup_cap(ctx, &s->idents.items[j], &num))
                    continue;
                if (s->negated)
                    inner.cap_forbid |= 1ull << num;
                else
                    inner.cap_req |= 1ull << num;
            }
            collect_rules(ctx, &s->body, inner);
            continue;
        }
        if (s->kind == ST_WHEN_ARCH) {
            uint32_t m = 0;
            for (size_t j = 0; j < s->idents.len; j++) {
                ArchId a;
                if (!arch_from_name(s->idents.items[j].name, &a)) {
                    unknown_arch(ctx, &s->idents.items[j]);
                    m = UINT32_MAX; /* do not report the block's rules as well */
                    continue;
                }
                m |= 1u << a;
            }
            RuleCtx inner = rc;
            inner.arch_mask = s->negated ? (rc.arch_mask & ~m) : (rc.arch_mask & m);
            if (!inner.arch_mask) {
                const SourceFile *sf = source_get(&ctx->sm, s->file);
                if ((m || s->negated) && !(sf && sf->from_stdlib)) {
                    Diag *g = diag_warning(&ctx->diag, "W0010", s->span,
                                           "this `when arch` block applies to none of the policy's architectures");
                    diag_help(&ctx->diag, g, "add the architecture to the `arch` statement, or remove the block");
                }
                continue;
            }
            collect_rules(ctx, &s->body, inner);
            continue;
        }
        if (s->kind != ST_RULE)
            continue;
        if (ctx->policy.rules.len >= POLC_MAX_RULES) {
            if (!ctx->front.limit_reported) {
                Diag *g = diag_error(&ctx->diag, "E0107", s->span, "the policy has more than %d rules",
                                     POLC_MAX_RULES);
                diag_help(&ctx->diag, g, "name several syscalls in one rule, or group them in a set");
                ctx->front.limit_reported = true;
            }
            return;
        }
        Rule *r = arena_alloc(&ctx->arena, sizeof *r);
        r->id = (int)ctx->policy.rules.len;
        r->span = s->span;
        r->action_span = s->action.span;
        r->cap_req = rc.cap_req;
        r->cap_forbid = rc.cap_forbid;
        r->arch_mask = rc.arch_mask;
        r->cond = s->expr;
        r->file = s->file;
        const SourceFile *f = source_get(&ctx->sm, s->file);
        r->from_stdlib = f->from_stdlib;
        unsigned line, col;
        source_linecol(f, s->span.start, &line, &col);
        r->loc = arena_printf(&ctx->arena, "%s:%u", s->file == ctx->policy.root_file ? ctx->opt.backend.basename : f->name, line);
        if (s->file == ctx->policy.root_file)
            r->loc = arena_printf(&ctx->arena, "%s.pol:%u", ctx->opt.backend.basename, line);
        if (r->cap_req & r->cap_forbid) {
            diag_error(&ctx->diag, "E0308", s->span,
                       "this rule requires a capability to be both present and absent");
            continue;
        }
        if (!eval_action(ctx, &s->action, &r->action))
            continue;
        expand_targets(ctx, &s->targets, false, &r->targets);
        check_names(ctx, r);
        VEC_PUSH(&ctx->arena, ctx->policy.rules, r);
    }
}

static void walk_sections(polc_ctx *ctx, StmtList *list, uint32_t all_arches);

static void resolve_caps_section(polc_ctx *ctx, Stmt *s)
{
    ctx->policy.caps.declared = true;
    for (size_t i = 0; i < s->body.len; i++) {
        Stmt *it = s->body.items[i];
        if (it->all) {
            if (it->sub == CAP_DROP)
                ctx->policy.caps.drop_all = true;
            else if (!ctx->policy.caps.add_all) {
                ctx->policy.caps.add_all = true;
                ctx->policy.caps.add_all_span = it->span;
            }
            continue;
        }
        for (size_t j = 0; j < it->idents.len; j++) {
            int num;
            if (!lookup_cap(ctx, &it->idents.items[j], &num))
                continue;
            CapRef cr = {num, cap_name(&ctx->policy, num), it->idents.items[j].span};
            if (it->sub == CAP_DROP)
                VEC_PUSH(&ctx->arena, ctx->policy.caps.drops, cr);
            else
                VEC_PUSH(&ctx->arena, ctx->policy.caps.adds, cr);
        }
    }
}

const char *const net_families[] = {"unix", "inet", "inet6", "netlink", "packet", "alg",
                                    "vsock", "bluetooth", "can", "xdp", "key", "tipc", NULL};
const char *const net_types[] = {"stream", "dgram", "raw", "seqpacket", "rdm", NULL};
#define NET_FAMILIES net_families
#define NET_TYPES net_types

static bool in_list(const char *const *l, const char *s)
{
    for (; *l; l++)
        if (strcmp(*l, s) == 0)
            return true;
    return false;
}

/* `allow tcp bind|connect PORTS`: Landlock only grants, so ports are only
 * allowed; `tcp` is not an address family (E0314 says what to write). */
static void resolve_tcp_ports(polc_ctx *ctx, bool deny, const NetItem *n)
{
    bool bind = n->type.name && strcmp(n->type.name, "bind") == 0;
    bool connect = n->type.name && strcmp(n->type.name, "connect") == 0;
    if (strcmp(n->family.name, "tcp") != 0) {
        Diag *g = diag_error(&ctx->diag, "E0314", n->span, "ports can only follow `tcp bind` or `tcp connect`");
        if (strcmp(n->family.name, "udp") == 0)
            /* Landlock has no UDP port rights (ABI 7): a family and type is all */
            diag_help(&ctx->diag, g, "UDP ports cannot be restricted (Landlock has TCP port rules only); allow "
                                     "UDP sockets with `allow inet dgram` (and `inet6 dgram`)");
        else if (in_list(NET_FAMILIES, n->family.name))
            diag_help(&ctx->diag, g, "families and types take no ports: write `%s%s%s` alone, and the ports as "
                                     "`allow tcp bind PORT` or `allow tcp connect PORT`",
                      n->family.name, n->type.name ? " " : "", n->type.name ? n->type.name : "");
        else
            diag_help(&ctx->diag, g, "write the ports as `allow tcp bind PORT` or `allow tcp connect PORT`");
        return;
    }
    if (!bind && !connect) {
        Diag *g = diag_error(&ctx->diag, "E0314", n->type.name ? n->type.span : n->family.span,
                             "`tcp` takes `bind` or `connect` and ports");
        diag_help(&ctx->diag, g, "write `allow tcp bind 8080` or `allow tcp connect 443, 5432`; the families are "
                                 "`inet` and `inet6`");
        return;
    }
    if (!n->ports.len) {
        Diag *g = diag_error(&ctx->diag, "E0314", n->span, "`tcp %s` needs the ports it allows", n->type.name);
        diag_help(&ctx->diag, g, "write `allow tcp %s 8080` or a range `allow tcp %s 8000-8100`", n->type.name,
                  n->type.name);
        return;
    }
    if (deny) {
        Diag *g = diag_error(&ctx->diag, "E0314", n->span, "TCP ports can only be allowed, not denied");
        diag_note(&ctx->diag, g, SPAN_NONE,
                  "once any `allow tcp %s` entry exists, every port it does not list is denied", n->type.name);
        diag_help(&ctx->diag, g, "list the ports that may be used with `allow tcp %s`", n->type.name);
        return;
    }
    for (size_t k = 0; k < n->ports.len; k++) {
        const PortRange *pr = &n->ports.items[k];
        if (pr->lo > 65535 || pr->hi > 65535 || pr->lo > pr->hi) {
            uint64_t bad = pr->lo > 65535 ? pr->lo : pr->hi;
            Diag *g = bad > 65535 ? diag_error(&ctx->diag, "E0315", pr->span, "port %llu is not a TCP port",
                                               (unsigned long long)bad)
                                  : diag_error(&ctx->diag, "E0315", pr->span, "the port range %llu-%llu is empty",
                                               (unsigned long long)pr->lo, (unsigned long long)pr->hi);
            diag_help(&ctx->diag, g, "ports are 0 to 65535, and a range is written LOW-HIGH");
            continue;
        }
        NetPort p = {connect, (uint16_t)pr->lo, (uint16_t)pr->hi, n->span};
        VEC_PUSH(&ctx->arena, ctx->policy.net.tcp, p);
    }
}

/* `scope NAME`: abstract-unix in network, signal in process. */
static bool resolve_scope(polc_ctx *ctx, const Stmt *it, const char *want, const char *section, const char *other,
                          const char *other_section)
{
    const Ident *id = &it->idents.items[0];
    if (strcmp(id->name, want) == 0)
        return true;
    Diag *g = diag_error(&ctx->diag, "E0318", id->span, "`scope %s` is not a scope of `%s`", id->name, section);
    if (strcmp(id->name, other) == 0)
        diag_help(&ctx->diag, g, "`scope %s` belongs in the `%s` section", other, other_section);
    else
        diag_help(&ctx->diag, g, "`%s` scopes `%s`; `%s` scopes `%s`", section, want, other_section, other);
    return false;
}

static void resolve_net_section(polc_ctx *ctx, Stmt *s)
{
    for (size_t i = 0; i < s->body.len; i++) {
        Stmt *it = s->body.items[i];
        if (it->sub == NET_SCOPE) {
            if (resolve_scope(ctx, it, "abstract-unix", "network", "signal", "process")) {
                ctx->policy.net.scope_abstract_unix = true;
                ctx->policy.net.scope_abstract_unix_span = it->span;
            }
            continue;
        }
        for (size_t j = 0; j < it->net.len; j++) {
            NetItem *n = &it->net.items[j];
            if (n->ports.len || strcmp(n->family.name, "tcp") == 0) {
                resolve_tcp_ports(ctx, it->sub == NET_DENY, n);
                continue;
            }
            NetRule r = {it->sub == NET_DENY, NULL, NULL, n->span};
            if (!n->type.name && in_list(NET_TYPES, n->family.name) && !in_list(NET_FAMILIES, n->family.name)) {
                r.type = n->family.name; /* `deny raw`: any family, raw sockets */
            } else {
                if (!in_list(NET_FAMILIES, n->family.name)) {
                    Diag *g = diag_error(&ctx->diag, "E0310", n->family.span, "unknown address family `%s`",
                                         n->family.name);
                    const char *c = closest_name(n->family.name, NET_FAMILIES, sizeof NET_FAMILIES / sizeof *NET_FAMILIES - 1);
                    /* protocols are a family and a type here */
                    if (strcmp(n->family.name, "udp") == 0)
                        diag_help(&ctx->diag, g, "UDP is `inet dgram` (and `inet6 dgram`)");
                    else if (strcmp(n->family.name, "icmp") == 0)
                        diag_help(&ctx->diag, g, "ICMP sockets are `inet dgram` (ping) or `inet raw`");
                    else if (c)
                        diag_help(&ctx->diag, g, "did you mean `%s`?", c);
                    continue;
                }
                r.family = n->family.name;
                if (n->type.name) {
                    if (!in_list(NET_TYPES, n->type.name)) {
                        Diag *g = diag_error(&ctx->diag, "E0310", n->type.span, "unknown socket type `%s`",
                                             n->type.name);
                        diag_help(&ctx->diag, g, "socket types: stream, dgram, raw, seqpacket, rdm");
                        continue;
                    }
                    r.type = n->type.name;
                }
            }
            VEC_PUSH(&ctx->arena, ctx->policy.net.rules, r);
        }
    }
}

/* `landlock-abi N`: the least Landlock ABI polc run needs (docs/run.md) */
static void resolve_landlock_abi(polc_ctx *ctx, const Stmt *it)
{
    if (ctx->policy.fs.landlock_abi) {
        Diag *g = diag_error(&ctx->diag, "E0317", it->span, "`landlock-abi` is given twice");
        diag_note(&ctx->diag, g, ctx->policy.fs.landlock_abi_span, "the first `landlock-abi` is here");
        return;
    }
    if (it->n1 < 1 || it->n1 > 1000) {
        Diag *g = diag_error(&ctx->diag, "E0317", it->n1_span, "Landlock ABI %llu is out of range (1 to 1000)",
                             (unsigned long long)it->n1);
        diag_help(&ctx->diag, g, "Landlock ABIs count from 1 (Linux 5.13); polc run reads the host's at run time");
        return;
    }
    ctx->policy.fs.landlock_abi = (int)it->n1;
    ctx->policy.fs.landlock_abi_span = it->span;
}

static void resolve_fs_section(polc_ctx *ctx, Stmt *s)
{
    for (size_t i = 0; i < s->body.len; i++) {
        Stmt *it = s->body.items[i];
        if (it->sub == FS_READ_ONLY_ROOT) {
            ctx->policy.fs.read_only_root = true;
            ctx->policy.fs.read_only_root_span = it->span;
            continue;
        }
        if (it->sub == FS_ITEM_CONFINE_READS) {
            ctx->policy.fs.confine_reads = true;
            ctx->policy.fs.confine_reads_span = it->span;
            continue;
        }
        if (it->sub == FS_ITEM_LANDLOCK_ABI) {
            resolve_landlock_abi(ctx, it);
            continue;
        }
        for (size_t j = 0; j < it->idents.len; j++) {
            Ident *p = &it->idents.items[j];
            if (p->name[0] != '/') {
                Diag *g = diag_error(&ctx->diag, "E0309", p->span, "path `%s` is not absolute", p->name);
                diag_help(&ctx->diag, g, "file rules name absolute paths inside the container, e.g. /etc/nginx/**");
                continue;
            }
            FsRule r = {(FsAccess)it->sub, p->name, p->span};
            VEC_PUSH(&ctx->arena, ctx->policy.fs.rules, r);
        }
    }
}

/* A number is the id itself; a name is kept for the runtime to look up in
 * the image, except `root`, which is 0 everywhere. */
static void set_account(uint32_t *id, const char **name, bool *known, uint64_t num, const char *word)
{
    if (word && strcmp(word, "root") != 0) {
        *name = word, *known = false, *id = 0;
        return;
    }
    *name = NULL, *known = true, *id = word ? 0 : (uint32_t)num;
}

static void resolve_process_section(polc_ctx *ctx, Stmt *s, Span *user_span)
{
    for (size_t i = 0; i < s->body.len; i++) {
        Stmt *it = s->body.items[i];
        switch ((ProcItemKind)it->sub) {
        case PROC_USER:
            if (ctx->policy.process.has_user) {
                Diag *g = diag_error(&ctx->diag, "E0307", it->span, "`user` is given twice");
                diag_note(&ctx->diag, g, *user_span, "the first `user` is here");
                break;
            }
            if (!it->n1_word && it->n1 > 0xfffffffeull) {
                diag_error(&ctx->diag, "E0307", it->n1_span, "user id %llu is out of range (0 to 4294967294)",
                           (unsigned long long)it->n1);
                break;
            }
            if (it->has_n2 && !it->n2_word && it->n2 > 0xfffffffeull) {
                diag_error(&ctx->diag, "E0307", it->n2_span, "group id %llu is out of range (0 to 4294967294)",
                           (unsigned long long)it->n2);
                break;
            }
            if (it->has_n2 && ctx->policy.process.has_gid) {
                Diag *g = diag_error(&ctx->diag, "E0307", it->n2_span, "the group id is given twice");
                diag_note(&ctx->diag, g, *user_span, "an earlier `group` already sets it");
                break;
            }
            ctx->policy.process.has_user = true;
            *user_span = it->span;
            set_account(&ctx->policy.process.uid, &ctx->policy.process.user_name, &ctx->policy.process.uid_known,
                        it->n1, it->n1_word);
            if (it->has_n2) {
                ctx->policy.process.has_gid = true;
                set_account(&ctx->policy.process.gid, &ctx->policy.process.group_name,
                            &ctx->policy.process.gid_known, it->n2, it->n2_word);
            }
            break;
        case PROC_GROUP:
            if (ctx->policy.process.has_gid) {
                Diag *g = diag_error(&ctx->diag, "E0307", it->span, "the group id is given twice");
                diag_note(&ctx->diag, g, *user_span, "`user UID:GID` or an earlier `group` already sets it");
                break;
            }
            if (!it->n1_word && it->n1 > 0xfffffffeull) {
                diag_error(&ctx->diag, "E0307", it->n1_span, "group id %llu is out of range (0 to 4294967294)",
                           (unsigned long long)it->n1);
                break;
            }
            ctx->policy.process.has_gid = true;
            set_account(&ctx->policy.process.gid, &ctx->policy.process.group_name, &ctx->policy.process.gid_known,
                        it->n1, it->n1_word);
            *user_span = it->span;
            break;
        case PROC_NO_NEW_PRIVS:
            ctx->policy.process.no_new_privs = true;
            break;
        case PROC_SCOPE:
            if (resolve_scope(ctx, it, "signal", "process", "abstract-unix", "network")) {
                ctx->policy.process.scope_signal = true;
                ctx->policy.process.scope_signal_span = it->span;
            }
            break;
        }
    }
}



static void walk_sections(polc_ctx *ctx, StmtList *list, uint32_t all_arches)
{
    for (size_t i = 0; i < list->len; i++) {
        Stmt *s = list->items[i];
        switch (s->kind) {
        case ST_INCLUDE: walk_sections(ctx, &s->body, all_arches); break;
        case ST_SYSCALLS: collect_rules(ctx, &s->body, (RuleCtx){0, 0, all_arches}); break;
        case ST_CAPS: resolve_caps_section(ctx, s); break;
        case ST_FS: resolve_fs_section(ctx, s); break;
        case ST_NET: resolve_net_section(ctx, s); break;
        case ST_PROCESS: resolve_process_section(ctx, s, &ctx->policy.process.user_span); break;
        case ST_RESOURCES: resolve_resources_section(ctx, s); break;
        default: break;
        }
    }
}

/* `default ACTION for newer-than X.Y` becomes a rule the lowering applies to
 * each syscall added after X.Y that no other rule names. */
static void resolve_default_newer(polc_ctx *ctx, Stmt *s)
{
    uint32_t v = kernel_version(s->str);
    if (!v) {
        Diag *g = diag_error(&ctx->diag, "E0222", s->name_span, "`%s` is not a kernel version", s->str);
        diag_help(&ctx->diag, g, "write it as MAJOR.MINOR, e.g. 5.10");
        return;
    }
    if (!syscalldb_load_versions(&ctx->policy.db, &ctx->arena, &ctx->diag, &ctx->sm, stdlib_locate, ctx))
        return;
    Rule *r = arena_alloc(&ctx->arena, sizeof *r);
    if (!eval_action(ctx, &s->action, &r->action))
        return;
    r->id = (int)ctx->policy.rules.len;
    r->span = s->span;
    r->action_span = s->action.span;
    r->arch_mask = ctx->policy.arch_mask;
    r->file = s->file;
    r->from_stdlib = true; /* never reported as shadowed or redundant */
    r->is_default_refinement = true;
    const SourceFile *f = source_get(&ctx->sm, s->file);
    unsigned line, col;
    source_linecol(f, s->span.start, &line, &col);
    r->loc = s->file == ctx->policy.root_file ? arena_printf(&ctx->arena, "%s.pol:%u", ctx->opt.backend.basename, line)
                                       : arena_printf(&ctx->arena, "%s:%u", f->name, line);
    ctx->policy.newer_rule = r;
    ctx->policy.newer_than = v;
    VEC_PUSH(&ctx->arena, ctx->policy.rules, r);
}

/* `mode complain|enforce`: the AppArmor profile's mode (enforce unless said). */
static void resolve_mode(polc_ctx *ctx, Stmt *s)
{
    ctx->policy.mode.span = s->span;
    if (strcmp(s->name, "complain") == 0) {
        ctx->policy.mode.complain = true;
    } else if (strcmp(s->name, "enforce") != 0) {
        Diag *g = diag_error(&ctx->diag, "E0802", s->name_span, "unknown mode `%s`", s->name);
        static const char *const modes[] = {"complain", "enforce"};
        const char *c = closest_name(s->name, modes, 2);
        if (c)
            diag_help(&ctx->diag, g, "did you mean `%s`?", c);
        else
            diag_help(&ctx->diag, g, "the mode is `complain` (log what the profile would deny) or `enforce`");
    }
}

static uint32_t host_arches(void)
{
#if defined(__x86_64__) || defined(__i386__)
    return (1u << ARCH_X86_64) | (1u << ARCH_X86) | (1u << ARCH_X32);
#elif defined(__aarch64__) || defined(__arm__)
    return (1u << ARCH_AARCH64) | (1u << ARCH_ARM);
#elif defined(__riscv)
    return 1u << ARCH_RISCV64;
#elif defined(__powerpc64__)
    return 1u << ARCH_PPC64LE;
#elif defined(__s390x__)
    return 1u << ARCH_S390X;
#else
    return 1u << ARCH_X86_64;
#endif
}

static uint32_t arch_list_mask(polc_ctx *ctx, const IdentList *ids)
{
    uint32_t m = 0;
    for (size_t j = 0; j < ids->len; j++) {
        ArchId a;
        if (!arch_from_name(ids->items[j].name, &a)) {
            unknown_arch(ctx, &ids->items[j]);
            continue;
        }
        if (m & (1u << a)) {
            diag_warning(&ctx->diag, "W0009", ids->items[j].span, "architecture `%s` is listed twice",
                         ids->items[j].name);
        }
        m |= 1u << a;
    }
    return m;
}

static uint32_t override_mask(polc_ctx *ctx)
{
    uint32_t m = 0;
    char *copy = arena_strdup(&ctx->arena, ctx->opt.arch_override);
    for (char *tok = strtok(copy, ","); tok; tok = strtok(NULL, ",")) {
        ArchId a;
        if (arch_from_name(tok, &a))
            m |= 1u << a;
    }
    return m;
}

/* The Policy's capability names; the first declaration met in the table
 * names a number that more than one name declares. */
static void name_capabilities(polc_ctx *ctx)
{
    for (size_t i = 0; i < ctx->front.caps.cap; i++)
        if (ctx->front.caps.slots[i].key) {
            const CapDef *c = ctx->front.caps.slots[i].value;
            if (!ctx->policy.cap_names[c->num])
                ctx->policy.cap_names[c->num] = c->name;
        }
}

bool resolve_policy(polc_ctx *ctx)
{
    size_t before = ctx->diag.nerrors;
    Walk w = {0};
    ctx->policy.caps.add_all_span = SPAN_NONE;
    ctx->policy.arch_span = SPAN_NONE;
    collect_defs(ctx, &ctx->front.stmts, 0, &w);
    name_capabilities(ctx);
    pick_header(ctx, &w.policy, "policy");
    pick_header(ctx, &w.arch, "arch");
    pick_header(ctx, &w.dflt, "default");
    pick_header(ctx, &w.dflt_newer, "default ... for newer-than");
    pick_header(ctx, &w.dflt_unknown, "default ... for unknown");
    pick_header(ctx, &w.mode, "mode");
    if (w.mode.stmt)
        resolve_mode(ctx, w.mode.stmt);
    /* the prelude is an include of the root: depth 1 like any other include */
    if (w.policy.stmt) {
        ctx->policy.name = w.policy.stmt->name;
        ctx->policy.desc = w.policy.stmt->str;
        ctx->policy.name_span = w.policy.stmt->name_span;
    } else {
        ctx->policy.name_span = SPAN_NONE;
        ctx->policy.name = ctx->opt.backend.basename;
    }
    if (ctx->opt.arch_override)
        ctx->policy.arch_mask = override_mask(ctx);
    else if (w.arch.stmt) {
        ctx->policy.arch_mask = arch_list_mask(ctx, &w.arch.stmt->idents);
        ctx->policy.arch_span = w.arch.stmt->span;
    } else
        ctx->policy.arch_mask = host_arches();
    if (!ctx->policy.arch_mask)
        ctx->policy.arch_mask = host_arches();
    for (int a = 0; a < ARCH__COUNT; a++)
        if (ctx->policy.arch_mask & (1u << a))
            syscalldb_load_arch(&ctx->policy.db, &ctx->arena, &ctx->diag, &ctx->sm, (ArchId)a, stdlib_locate, ctx);
    syscalldb_load_signatures(&ctx->policy.db, &ctx->arena, &ctx->diag, &ctx->sm, stdlib_locate, ctx);
    if (ctx->diag.nerrors != before)
        return false;
    /* evaluate every constant once so errors in unused ones are still reported */
    for (size_t i = 0; i < ctx->front.consts.cap; i++)
        if (ctx->front.consts.slots[i].key) {
            uint64_t v;
            ConstDef *c = ctx->front.consts.slots[i].value;
            eval_const(ctx, c, c->span, &v);
        }
    if (w.dflt.stmt) {
        ctx->policy.have_default = eval_action(ctx, &w.dflt.stmt->action, &ctx->policy.default_action);
        ctx->policy.default_span = w.dflt.stmt->span;
    }
    if (w.dflt_newer.stmt)
        resolve_default_newer(ctx, w.dflt_newer.stmt);
    if (w.dflt_unknown.stmt) {
        ctx->policy.have_unknown = eval_action(ctx, &w.dflt_unknown.stmt->action, &ctx->policy.unknown_action);
        ctx->policy.unknown_span = w.dflt_unknown.stmt->span;
    }
    walk_sections(ctx, &ctx->front.stmts, ctx->policy.arch_mask);
    StrMap reported = {0}; /* "file:offset" of unknown names: a set that names a set twice repeats them */
    for (size_t i = 0; i < ctx->front.sets.cap; i++)
        if (ctx->front.sets.slots[i].key) {
            SetDef *d = ctx->front.sets.slots[i].value;
            expand_set(ctx, d, d->span);
            if (!d->used && !d->from_stdlib) {
                Diag *g = diag_warning(&ctx->diag, "W0003", d->span, "set `@%s` is never used", d->name);
                diag_help(&ctx->diag, g, "use it in a rule, e.g. `allow @%s`, or remove it", d->name);
            }
            if (!d->from_stdlib)
                for (size_t j = 0; j < d->expanded.len; j++) {
                    RuleTarget *t = &d->expanded.items[j];
                    if (t->via_group)
                        continue;
                    bool any = false;
                    for (int a = 0; a < ARCH__COUNT && !any; a++)
                        if (ctx->policy.arch_mask & (1u << a))
                            any = name_on_arch(ctx, t->name, (ArchId)a);
                    if (!any && t->span.file == d->file) {
                        char *key = arena_printf(&ctx->arena, "%u:%u", t->span.file, t->span.start);
                        if (strmap_get(&reported, key))
                            continue;
                        strmap_put(&reported, &ctx->arena, key, (void *)1);
                        Diag *g = diag_error(&ctx->diag, "E0210", t->span, "unknown syscall `%s`", t->name);
                        suggest_syscall(ctx, g, t->name, ctx->policy.arch_mask);
                    }
                }
        }
    /* capabilities: the set a container gets */
    uint64_t eff = 0;
    if (!ctx->policy.caps.drop_all)
        for (const char *const *c = docker_default_caps; *c; c++) {
            CapDef *d = strmap_get(&ctx->front.caps, *c);
            if (d)
                eff |= 1ull << d->num;
        }
    if (ctx->policy.caps.add_all)
        for (size_t i = 0; i < ctx->front.caps.cap; i++)
            if (ctx->front.caps.slots[i].key)
                eff |= 1ull << ((CapDef *)ctx->front.caps.slots[i].value)->num;
    for (size_t i = 0; i < ctx->policy.caps.adds.len; i++) {
        for (size_t j = 0; j < ctx->policy.caps.drops.len; j++)
            if (ctx->policy.caps.drops.items[j].num == ctx->policy.caps.adds.items[i].num) {
                Diag *g = diag_error(&ctx->diag, "E0308", ctx->policy.caps.adds.items[i].span,
                                     "capability `%s` is both added and dropped", ctx->policy.caps.adds.items[i].name);
                diag_note(&ctx->diag, g, ctx->policy.caps.drops.items[j].span, "dropped here");
            }
        eff |= 1ull << ctx->policy.caps.adds.items[i].num;
    }
    for (size_t j = 0; j < ctx->policy.caps.drops.len; j++) {
        bool added = false;
        for (size_t i = 0; i < ctx->policy.caps.adds.len; i++)
            added |= ctx->policy.caps.adds.items[i].num == ctx->policy.caps.drops.items[j].num;
        if (!added)
            eff &= ~(1ull << ctx->policy.caps.drops.items[j].num);
    }
    ctx->policy.caps.effective = eff;
    if (ctx->opt.backend.caps_override_set && ctx->opt.backend.caps_override_text) {
        char *copy = arena_strdup(&ctx->arena, ctx->opt.backend.caps_override_text);
        for (char *save = NULL, *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
            Ident id = {tok, SPAN_NONE};
            int num;
            if (lookup_cap(ctx, &id, &num))
                ctx->opt.backend.caps_override |= 1ull << num;
        }
    }
    if (!ctx->policy.have_default && ctx->diag.nerrors == before) {
        Span sp = {ctx->policy.root_file, 0, 0};
        Diag *g = diag_error(&ctx->diag, "E0221", sp, "the policy has no `default` action");
        diag_help(&ctx->diag, g, "say what happens to syscalls no rule names, e.g. `default errno(EPERM)`");
    }
    return ctx->diag.nerrors == before;
}

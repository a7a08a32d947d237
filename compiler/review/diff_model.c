/* polc diff outside the syscalls: the capability set, the filesystem and
 * network sections, the process settings (docs/diff.md says which changes
 * widen). */
#include <stdlib.h>
#include <string.h>

#include "middle/accounts.h"
#include "middle/model.h"
#include "review/review.h"

void diff_add_item(PolicyDiff *d, Arena *a, const char *section, const char *item, const char *from,
                   const char *to, DiffClass cls)
{
    ItemChange c = {section, item, from, to, cls, NULL};
    VEC_PUSH(a, d->items, c);
    d->counts[cls]++;
}

static int str_cmp(const void *a, const void *b) { return strcmp(*(const char *const *)a, *(const char *const *)b); }

static void diff_caps(polc_ctx *o, polc_ctx *n, PolicyDiff *d, Arena *A)
{
    const char *added[64], *removed[64];
    size_t na = 0, nr = 0;
    for (int c = 0; c < 64; c++) {
        uint64_t b = 1ull << c;
        if ((o->policy.caps.effective & b) == (n->policy.caps.effective & b))
            continue;
        const char *name = cap_name(&n->policy, c);
        if (!name)
            name = cap_name(&o->policy, c);
        if (!name)
            name = arena_printf(A, "%d", c);
        if (n->policy.caps.effective & b)
            added[na++] = name;
        else
            removed[nr++] = name;
    }
    qsort(added, na, sizeof *added, str_cmp);
    qsort(removed, nr, sizeof *removed, str_cmp);
    for (size_t i = 0; i < na; i++)
        diff_add_item(d, A, "capabilities", added[i], NULL, added[i], DIFF_WIDENED);
    for (size_t i = 0; i < nr; i++)
        diff_add_item(d, A, "capabilities", removed[i], removed[i], NULL, DIFF_NARROWED);
}

static const char *fs_text(Arena *A, const FsRule *r)
{
    return arena_printf(A, "%s %s", fs_access_name(r->access), r->path);
}

static bool fs_has(const polc_ctx *ctx, const FsRule *r)
{
    for (size_t i = 0; i < ctx->policy.fs.rules.len; i++)
        if (ctx->policy.fs.rules.items[i].access == r->access && !strcmp(ctx->policy.fs.rules.items[i].path, r->path))
            return true;
    return false;
}

/* What adding one filesystem rule does (removing it does the opposite):
 * write, append and exec grant; deny and deny exec take away; read makes a
 * path read-only, which takes away only when the root is writable. */
/* under `confine reads` a `read` rule also grants reading */
static DiffClass fs_added_class(const FsRule *r, bool root_writable, bool confined)
{
    switch (r->access) {
    case FS_WRITE:
    case FS_APPEND:
    case FS_EXEC: return DIFF_WIDENED;
    case FS_READ:
        if (confined)
            return root_writable ? DIFF_OTHER : DIFF_WIDENED;
        return root_writable ? DIFF_NARROWED : DIFF_OTHER;
    default: return DIFF_NARROWED;
    }
}

/* The part of a glob before its first wildcard. A path both globs match
 * starts with both parts, so one is a prefix of the other: when neither
 * is, the globs never meet. */
static bool may_meet(const char *a, const char *b)
{
    size_t la = strcspn(a, "*?[{"), lb = strcspn(b, "*?[{");
    return strncmp(a, b, la < lb ? la : lb) == 0;
}

/* Whether ctx already lets the container write everywhere path may name:
 * its root is writable and none of its `read` (read-only) or `deny` rules
 * may meet path. Sound, not exact: globs are not compared further. */
static bool writable_in(const polc_ctx *ctx, const char *path)
{
    if (ctx->policy.fs.read_only_root)
        return false;
    for (size_t i = 0; i < ctx->policy.fs.rules.len; i++) {
        const FsRule *r = &ctx->policy.fs.rules.items[i];
        if ((r->access == FS_READ || r->access == FS_DENY) && may_meet(r->path, path))
            return false;
    }
    return true;
}

static bool grants_write(const FsRule *r) { return r->access == FS_WRITE || r->access == FS_APPEND; }

static DiffClass opposite(DiffClass c) { return c == DIFF_WIDENED ? DIFF_NARROWED : c == DIFF_NARROWED ? DIFF_WIDENED : c; }

typedef struct FsChange {
    const char *text;
    bool added;
    DiffClass cls;
    const char *at;
} FsChange;

/* file:line of a statement, as diff names rules */
static const char *stmt_at(const polc_ctx *ctx, Span sp)
{
    if (sp.file == UINT32_MAX)
        return NULL;
    const SourceFile *f = source_get(&ctx->sm, sp.file);
    unsigned line, col;
    source_linecol(f, sp.start, &line, &col);
    return arena_printf((Arena *)&ctx->arena, "%s:%u", f->name, line);
}

static void set_at(PolicyDiff *d, const char *at) { d->items.items[d->items.len - 1].at = at; }

static int fs_change_cmp(const void *pa, const void *pb)
{
    const FsChange *a = pa, *b = pb;
    if (a->added != b->added)
        return a->added ? -1 : 1;
    return strcmp(a->text, b->text);
}

static void diff_fs(polc_ctx *o, polc_ctx *n, PolicyDiff *d, Arena *A)
{
    if (o->policy.fs.read_only_root != n->policy.fs.read_only_root)
        diff_add_item(d, A, "filesystem", "read-only root", o->policy.fs.read_only_root ? "yes" : "no",
                      n->policy.fs.read_only_root ? "yes" : "no", o->policy.fs.read_only_root ? DIFF_WIDENED : DIFF_NARROWED);
    if (o->policy.fs.read_only_root != n->policy.fs.read_only_root)
        set_at(d, o->policy.fs.read_only_root ? stmt_at(o, o->policy.fs.read_only_root_span)
                                               : stmt_at(n, n->policy.fs.read_only_root_span));
    if (o->policy.fs.confine_reads != n->policy.fs.confine_reads)
        diff_add_item(d, A, "filesystem", "confine reads", o->policy.fs.confine_reads ? "yes" : "no",
                      n->policy.fs.confine_reads ? "yes" : "no",
                      o->policy.fs.confine_reads ? DIFF_WIDENED : DIFF_NARROWED);
    if (o->policy.fs.confine_reads != n->policy.fs.confine_reads)
        set_at(d, o->policy.fs.confine_reads ? stmt_at(o, o->policy.fs.confine_reads_span)
                                              : stmt_at(n, n->policy.fs.confine_reads_span));
    VEC(FsChange) ch = {0};
    for (size_t i = 0; i < n->policy.fs.rules.len; i++) {
        const FsRule *r = &n->policy.fs.rules.items[i];
        FsChange c = {fs_text(A, r), true,
                      fs_added_class(r, !n->policy.fs.read_only_root, n->policy.fs.confine_reads), stmt_at(n, r->span)};
        /* a write path OLD could already write to (its root was writable)
         * grants nothing new, whatever NEW's root */
        if (grants_write(r) && writable_in(o, r->path))
            c.cls = DIFF_OTHER;
        bool dup = false;
        for (size_t k = 0; k < ch.len && !dup; k++)
            dup = !strcmp(ch.items[k].text, c.text);
        if (!fs_has(o, r) && !dup)
            VEC_PUSH(A, ch, c);
    }
    size_t added = ch.len;
    for (size_t i = 0; i < o->policy.fs.rules.len; i++) {
        const FsRule *r = &o->policy.fs.rules.items[i];
        FsChange c = {fs_text(A, r), false,
                      opposite(fs_added_class(r, !n->policy.fs.read_only_root, n->policy.fs.confine_reads)),
                      stmt_at(o, r->span)};
        /* a write path dropped where NEW's root is writable takes nothing away */
        if (grants_write(r) && writable_in(n, r->path))
            c.cls = DIFF_OTHER;
        bool dup = false;
        for (size_t k = added; k < ch.len && !dup; k++)
            dup = !strcmp(ch.items[k].text, c.text);
        if (!fs_has(n, r) && !dup)
            VEC_PUSH(A, ch, c);
    }
    if (ch.len)
        qsort(ch.items, ch.len, sizeof *ch.items, fs_change_cmp);
    for (size_t i = 0; i < ch.len; i++) {
        diff_add_item(d, A, "filesystem", ch.items[i].text, ch.items[i].added ? NULL : ch.items[i].text,
                      ch.items[i].added ? ch.items[i].text : NULL, ch.items[i].cls);
        set_at(d, ch.items[i].at);
    }
}

/* The TCP ports `allow tcp bind|connect` lists, as text; every port when
 * the kind has no entry (Landlock handles only the kinds listed). */
static bool port_allowed(const Policy *p, bool connect, uint32_t port, bool *handled)
{
    bool any = false;
    for (size_t i = 0; i < p->net.tcp.len; i++) {
        const NetPort *np = &p->net.tcp.items[i];
        if (np->connect != connect)
            continue;
        any = true;
        if (port >= np->lo && port <= np->hi)
            return *handled = true;
    }
    *handled = any;
    return !any;
}

static const char *ports_text(Arena *A, const Policy *p, bool connect)
{
    const char *t = "";
    bool handled;
    for (uint32_t port = 0; port < 65536; port++) {
        if (!port_allowed(p, connect, port, &handled) || !handled)
            continue;
        uint32_t hi = port;
        while (hi + 1 < 65536 && port_allowed(p, connect, hi + 1, &handled))
            hi++;
        t = arena_printf(A, hi == port ? "%s%s%u" : "%s%s%u-%u", t, *t ? ", " : "", port, hi);
        port = hi;
    }
    (void)port_allowed(p, connect, 0, &handled);
    return handled ? (*t ? t : "none") : "any port";
}

static void diff_ports(polc_ctx *o, polc_ctx *n, PolicyDiff *d, Arena *A)
{
    for (int connect = 0; connect < 2; connect++) {
        bool widened = false, narrowed = false, h;
        for (uint32_t port = 0; port < 65536; port++) {
            bool ov = port_allowed(&o->policy, connect, port, &h), nv = port_allowed(&n->policy, connect, port, &h);
            widened |= nv && !ov;
            narrowed |= ov && !nv;
        }
        if (widened || narrowed)
            diff_add_item(d, A, "network", connect ? "tcp connect" : "tcp bind", ports_text(A, &o->policy, connect),
                          ports_text(A, &n->policy, connect), widened ? DIFF_WIDENED : DIFF_NARROWED);
    }
    if (o->policy.net.scope_abstract_unix != n->policy.net.scope_abstract_unix)
        diff_add_item(d, A, "network", "scope abstract-unix", o->policy.net.scope_abstract_unix ? "yes" : "no",
                      n->policy.net.scope_abstract_unix ? "yes" : "no",
                      o->policy.net.scope_abstract_unix ? DIFF_WIDENED : DIFF_NARROWED);
}

/* Sockets, per family and type, as the network section decides them; a
 * family whose every type changes the same way is one item. */
static void diff_net(polc_ctx *o, polc_ctx *n, PolicyDiff *d, Arena *A)
{
    diff_ports(o, n, d, A);
    for (size_t f = 0; net_families[f]; f++) {
        bool ov[8], nv[8], uniform = true;
        size_t nt = 0, changed = 0;
        for (; net_types[nt]; nt++) {
            ov[nt] = net_allowed(&o->policy, net_families[f], net_types[nt], NULL);
            nv[nt] = net_allowed(&n->policy, net_families[f], net_types[nt], NULL);
            changed += ov[nt] != nv[nt];
            uniform = uniform && ov[nt] == ov[0] && nv[nt] == nv[0];
        }
        if (!changed)
            continue;
        if (uniform) {
            diff_add_item(d, A, "network", net_families[f], ov[0] ? "allowed" : "denied", nv[0] ? "allowed" : "denied",
                          nv[0] ? DIFF_WIDENED : DIFF_NARROWED);
            continue;
        }
        for (size_t t = 0; t < nt; t++)
            if (ov[t] != nv[t])
                diff_add_item(d, A, "network", arena_printf(A, "%s %s", net_families[f], net_types[t]),
                              ov[t] ? "allowed" : "denied", nv[t] ? "allowed" : "denied",
                              nv[t] ? DIFF_WIDENED : DIFF_NARROWED);
    }
}

static const char *user_text(Arena *A, const polc_ctx *c)
{
    if (!c->policy.process.has_user)
        return "image default";
    if (c->policy.process.user_name)
        return c->policy.process.user_name;
    return c->policy.process.uid == 0 ? "0 (root)" : arena_printf(A, "%u", c->policy.process.uid);
}

/* The group the process runs in: the policy's, else a numeric user's own
 * (`user U` is group U), else a named user's primary group, else the
 * image's. */
static bool group_set(const Policy *p) { return p->process.has_gid || p->process.has_user; }
static const char *group_name(const Policy *p) { return p->process.has_gid ? p->process.group_name : p->process.user_name; }
static uint32_t group_id(const Policy *p) { return p->process.has_gid ? p->process.gid : p->process.uid; }

static const char *group_text(Arena *A, const polc_ctx *c)
{
    const Policy *p = &c->policy;
    if (!group_set(p))
        return "image default";
    if (!p->process.has_gid && p->process.user_name)
        return arena_printf(A, "%s's primary group", p->process.user_name);
    return group_name(p) ? group_name(p) : group_id(p) == 0 ? "0 (root)" : arena_printf(A, "%u", group_id(p));
}

static bool group_is_root(const Policy *p)
{
    return group_set(p) && ((!group_name(p) && group_id(p) == 0) || (group_name(p) && strcmp(group_name(p), "root") == 0));
}

/* the same account, by the same name or number */
static bool same_account(const char *name_a, uint32_t id_a, const char *name_b, uint32_t id_b)
{
    if (name_a || name_b)
        return name_a && name_b && strcmp(name_a, name_b) == 0;
    return id_a == id_b;
}

/* Running as root, or as whatever the image says (often root), after a
 * pinned non-root user widens. */
static void diff_process(polc_ctx *o, polc_ctx *n, PolicyDiff *d, Arena *A)
{
    const Policy *op = &o->policy, *np = &n->policy;
    if (op->process.has_user != np->process.has_user ||
        (op->process.has_user &&
         !same_account(op->process.user_name, op->process.uid, np->process.user_name, np->process.uid))) {
        bool was_nonroot = op->process.has_user && !accounts_runs_as_root(op);
        bool now_rootish = !np->process.has_user || accounts_runs_as_root(np);
        diff_add_item(d, A, "process", "user", user_text(A, o), user_text(A, n),
                      was_nonroot && now_rootish ? DIFF_WIDENED
                      : (!op->process.has_user || accounts_runs_as_root(op)) && np->process.has_user && !accounts_runs_as_root(np) ? DIFF_NARROWED
                                                                                      : DIFF_OTHER);
    }
    /* compared as each side runs: `user 1000` is group 1000; the root group
     * (or the image's, often root's) after another widens */
    const char *og = group_text(A, o), *ng = group_text(A, n);
    if (strcmp(og, ng) != 0) {
        bool now_rootish = !group_set(np) || group_is_root(np);
        bool was_rootish = !group_set(op) || group_is_root(op);
        diff_add_item(d, A, "process", "group", og, ng,
                      !was_rootish && now_rootish ? DIFF_WIDENED : was_rootish && !now_rootish ? DIFF_NARROWED : DIFF_OTHER);
    }
    if (o->policy.process.no_new_privs != n->policy.process.no_new_privs)
        diff_add_item(d, A, "process", "no-new-privileges", o->policy.process.no_new_privs ? "yes" : "no",
                      n->policy.process.no_new_privs ? "yes" : "no", o->policy.process.no_new_privs ? DIFF_WIDENED : DIFF_NARROWED);
    if (o->policy.process.scope_signal != n->policy.process.scope_signal)
        diff_add_item(d, A, "process", "scope signal", o->policy.process.scope_signal ? "yes" : "no",
                      n->policy.process.scope_signal ? "yes" : "no",
                      o->policy.process.scope_signal ? DIFF_WIDENED : DIFF_NARROWED);
    if (o->policy.mode.complain != n->policy.mode.complain)
        diff_add_item(d, A, "process", "mode", o->policy.mode.complain ? "complain" : "enforce",
                      n->policy.mode.complain ? "complain" : "enforce", n->policy.mode.complain ? DIFF_WIDENED : DIFF_NARROWED);
}

void diff_model(polc_ctx *o, polc_ctx *n, PolicyDiff *d)
{
    Arena *A = &n->arena;
    diff_caps(o, n, d, A);
    diff_fs(o, n, d, A);
    diff_net(o, n, d, A);
    diff_process(o, n, d, A);
    diff_resources(&o->policy, &n->policy, d, A);
}

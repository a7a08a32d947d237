/* polc explain: what runs without conditions, grouped by systemd's syscall
 * groups (stdlib/groups/), so a reviewer reads "@basic-io: all 16" instead of
 * sixteen names. */
#include <stdlib.h>
#include <string.h>

#include "front/stdlib_view.h"
#include "review/explain.h"

static int cmp_call(const void *a, const void *b) { return strcmp(((const Call *)a)->name, ((const Call *)b)->name); }

static Call *find_call(Ex *x, const char *name)
{
    Call key = {.name = name};
    return bsearch(&key, x->calls.items, x->calls.len, sizeof key, cmp_call);
}

void ex_collect_calls(Ex *x)
{
    polc_ctx *ctx = x->ctx;
    StrMap seen = {0};
    for (size_t i = 0; i < x->narches; i++) {
        const ArchTable *t = &ctx->policy.db.arch[x->arches[i]];
        for (size_t k = 0; k < t->len; k++)
            if (!strmap_get(&seen, t->entries[k].name)) {
                strmap_put(&seen, &ctx->arena, t->entries[k].name, (void *)1);
                Call c = {.name = t->entries[k].name};
                VEC_PUSH(&ctx->arena, x->calls, c);
            }
    }
    qsort(x->calls.items, x->calls.len, sizeof(Call), cmp_call);
    for (size_t i = 0; i < x->calls.len; i++) {
        Call *c = &x->calls.items[i];
        bool any_all = false, any_none = false, any_cond = false;
        for (size_t a = 0; a < x->narches; a++) {
            Allowed al = review_allowed(ctx, &x->cc, x->arches[a], c->name);
            if (!al.exists)
                continue;
            if (dnf_is_true(al.region))
                any_all = true;
            else if (dnf_is_false(al.region))
                any_none = true;
            else if (!any_cond) {
                any_cond = true;
                c->cond_arch = x->arches[a];
            }
            if (al.rule >= 0 && ctx->policy.rules.items[al.rule]->action.kind == ACT_LOG)
                c->logged = true;
        }
        c->status = any_cond ? CALL_COND : any_all && any_none ? CALL_MIXED : any_all ? CALL_ALL : CALL_NONE;
    }
}

/* ---- the syscall groups of stdlib/groups/ ---- */

typedef struct Group {
    const StdlibGroup *set;
    size_t members, allowed;
} Group;

static int cmp_group(const void *a, const void *b)
{
    const StdlibGroup *x = ((const Group *)a)->set, *y = ((const Group *)b)->set;
    return x->offset < y->offset ? -1 : x->offset > y->offset;
}

/* Leaf groups (no @references) of the stdlib's group files, in file order. */
static size_t collect_groups(Ex *x, const StdlibView *std, Group **out)
{
    polc_ctx *ctx = x->ctx;
    VEC(Group) gs = {0};
    size_t nsets;
    const StdlibGroup *sets = stdlib_view_groups(std, &nsets);
    for (size_t i = 0; i < nsets; i++) {
        const StdlibGroup *sd = &sets[i];
        if (!strstr(sd->file, "groups/") || !sd->leaf)
            continue;
        Group g = {.set = sd};
        for (size_t k = 0; k < sd->nlisted; k++) {
            Call *c = find_call(x, sd->listed[k]);
            if (!c)
                continue;
            g.members++;
            g.allowed += c->status == CALL_ALL;
        }
        if (g.members)
            VEC_PUSH(&ctx->arena, gs, g);
    }
    if (gs.len)
        qsort(gs.items, gs.len, sizeof(Group), cmp_group);
    *out = gs.items;
    return gs.len;
}

static void list_names(StrBuf *sb, const char *const *names, size_t n)
{
    for (size_t i = 0; i < n; i++)
        sb_printf(sb, "%s%s", i ? ", " : "", names[i]);
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* Members of a group with (or without) status CALL_ALL, not yet listed, sorted. */
static size_t group_names(Ex *x, const StdlibGroup *sd, bool allowed, bool unlisted_only, const char **out)
{
    size_t n = 0;
    for (size_t k = 0; k < sd->nlisted; k++) {
        Call *c = find_call(x, sd->listed[k]);
        if (!c || (c->status == CALL_ALL) != allowed || (unlisted_only && c->listed))
            continue;
        bool dup = false;
        for (size_t j = 0; j < n; j++)
            dup |= strcmp(out[j], c->name) == 0;
        if (!dup)
            out[n++] = c->name;
    }
    qsort(out, n, sizeof *out, cmp_str);
    return n;
}

static void mark(Ex *x, const StdlibGroup *sd)
{
    for (size_t k = 0; k < sd->nlisted; k++) {
        Call *c = find_call(x, sd->listed[k]);
        if (c && c->status == CALL_ALL)
            c->listed = true;
    }
}

void ex_section_allowed(Ex *x)
{
    polc_ctx *ctx = x->ctx;
    size_t total = 0;
    for (size_t i = 0; i < x->calls.len; i++)
        total += x->calls.items[i].status == CALL_ALL;
    ExSection *s = ex_section(&x->doc, arena_printf(&ctx->arena, "Allowed without conditions (%zu syscalls)", total));
    if (!total) {
        ex_item(&x->doc, s, NULL, "none");
        return;
    }
    /* the groups of the stdlib files this policy read */
    StdlibView *std = stdlib_view_of(ctx);
    Group *gs = NULL;
    size_t ng = std ? collect_groups(x, std, &gs) : 0;
    const char **names = arena_alloc(&ctx->arena, (x->calls.len + 1) * sizeof *names);
    /* whole groups first: a reviewer knows what @basic-io means */
    for (size_t i = 0; i < ng; i++)
        if (gs[i].allowed == gs[i].members) {
            ex_item(&x->doc, s, arena_printf(&ctx->arena, "@%s", gs[i].set->name), "all %zu", gs[i].members);
            mark(x, gs[i].set);
        }
    /* then groups mostly allowed ("all but ..."), then the rest by group */
    for (size_t i = 0; i < ng; i++) {
        if (gs[i].allowed == gs[i].members || gs[i].allowed == 0)
            continue;
        StrBuf sb;
        sb_init(&sb);
        size_t n;
        if (gs[i].allowed * 2 > gs[i].members) {
            n = group_names(x, gs[i].set, false, false, names);
            sb_printf(&sb, "%zu of %zu, all but ", gs[i].allowed, gs[i].members);
            list_names(&sb, names, n);
            mark(x, gs[i].set);
        } else {
            n = group_names(x, gs[i].set, true, true, names);
            if (!n) {
                sb_free(&sb);
                continue;
            }
            list_names(&sb, names, n);
            sb_printf(&sb, " (%zu of %zu", gs[i].allowed, gs[i].members);
            if (gs[i].allowed > n)
                sb_printf(&sb, "; %zu more listed above", gs[i].allowed - n);
            sb_putc(&sb, ')');
            mark(x, gs[i].set);
        }
        ex_item(&x->doc, s, arena_printf(&ctx->arena, "@%s", gs[i].set->name), "%s", sb.data);
        sb_free(&sb);
    }
    stdlib_view_free(std);
    size_t n = 0;
    for (size_t i = 0; i < x->calls.len; i++)
        if (x->calls.items[i].status == CALL_ALL && !x->calls.items[i].listed)
            names[n++] = x->calls.items[i].name;
    if (n) {
        StrBuf sb;
        sb_init(&sb);
        list_names(&sb, names, n);
        ex_item(&x->doc, s, "in no group", "%s", sb.data);
        sb_free(&sb);
    }
    n = 0;
    for (size_t i = 0; i < x->calls.len; i++)
        if (x->calls.items[i].status == CALL_ALL && x->calls.items[i].logged)
            names[n++] = x->calls.items[i].name;
    if (n) {
        StrBuf sb;
        sb_init(&sb);
        list_names(&sb, names, n);
        ex_item(&x->doc, s, "logged", "%s (allowed, and each call is written to the audit log)", sb.data);
        sb_free(&sb);
    }
}

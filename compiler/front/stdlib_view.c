/* The stdlib view (front/stdlib_view.h): the front end reads the prelude
 * once (read_sources and resolve on an empty policy for the asked arches),
 * and the view copies out the groups with their expansions when first asked
 * and answers the rest from the resolved definitions. */
#include <stdlib.h>
#include <string.h>

#include "compile.h"
#include "front/stdlib_view.h"
#include "middle/const_names.h"

struct StdlibView {
    polc_ctx *own;         /* stdlib_view_load: the view's own compilation */
    const polc_ctx *src;   /* whose definitions and tables the view answers from */
    Arena arena;           /* the group arrays */
    bool have_groups;      /* groups is built, on the first group query */
    VEC(StdlibGroup) groups;
    StrMap by_name;        /* name -> StdlibGroup index + 1 */
};

/* The groups of src: its sets defined in stdlib files, in the order of its
 * definition table, each with its targets as written and its expansion. */
static void collect_groups(StdlibView *v)
{
    const polc_ctx *src = v->src;
    const StrMap *sets = &src->front.sets;
    StrMap seen = {0}; /* name -> the number of the last group it was met in */
    v->have_groups = true;
    for (size_t i = 0; i < sets->cap; i++) {
        if (!sets->slots[i].key)
            continue;
        const SetDef *d = sets->slots[i].value;
        if (!d->from_stdlib || d->state != DEF_DONE)
            continue;
        const SourceFile *f = source_get(&src->sm, d->span.file);
        StdlibGroup g = {.name = d->name,
                         .file = f ? (f->path ? f->path : f->name) : "",
                         .offset = d->span.start,
                         .leaf = true};
        const char **listed = arena_alloc(&v->arena, (d->targets.len + 1) * sizeof *listed);
        for (size_t k = 0; k < d->targets.len; k++) {
            const Target *t = &d->targets.items[k];
            listed[k] = t->is_group ? arena_printf(&v->arena, "@%s", t->name) : t->name;
            g.leaf &= !t->is_group;
        }
        g.listed = listed;
        g.nlisted = d->targets.len;
        const char **members = arena_alloc(&v->arena, (d->expanded.len + 1) * sizeof *members);
        void *mark = (void *)(uintptr_t)(v->groups.len + 1);
        for (size_t k = 0; k < d->expanded.len; k++) {
            const char *nm = d->expanded.items[k].name;
            if (strmap_get(&seen, nm) == mark)
                continue;
            strmap_put(&seen, &v->arena, nm, mark);
            members[g.nmembers++] = nm;
        }
        g.members = members;
        VEC_PUSH(&v->arena, v->groups, g);
        strmap_put(&v->by_name, &v->arena, d->name, (void *)(uintptr_t)v->groups.len);
    }
}

static StdlibView *view_new(void)
{
    StdlibView *v = calloc(1, sizeof *v);
    if (v)
        arena_init(&v->arena);
    return v;
}

StdlibView *stdlib_view_load(const polc_ctx *like, uint32_t arch_mask, const char *who, DiagEngine *diag)
{
    polc_ctx *sc = compile_new_like(like);
    StdlibView *v = sc ? view_new() : NULL;
    if (!v) {
        polc_free(sc);
        return NULL;
    }
    /* the arches as an override of an empty policy: only its default */
    StrBuf arches;
    sb_init(&arches);
    for (int a = 0; a < ARCH__COUNT; a++)
        if (!arch_mask || (arch_mask & (1u << a)))
            sb_printf(&arches, "%s%s", arches.len ? "," : "", arch_info((ArchId)a)->name);
    sc->opt.arch_override = arena_strdup(&sc->arena, arches.data ? arches.data : "");
    sb_free(&arches);
    static const char EMPTY[] = "default allow\n";
    char *text = arena_strndup(&sc->arena, EMPTY, sizeof EMPTY - 1);
    bool ok = read_sources(sc, NULL, "<stdlib>", text, sizeof EMPTY - 1) && resolve_policy(sc) &&
              sc->policy.db.sigs_loaded;
    v->own = sc;
    v->src = sc;
    if (!ok) {
        char *r = polc_render_diagnostics(sc, POLC_DIAG_TEXT, 0);
        Diag *e = diag_error(diag, "E0200", SPAN_NONE, "%s cannot load polc's stdlib", who);
        diag_note(diag, e, SPAN_NONE, "%s", r ? r : "");
        free(r);
        diag->install_error = true;
        stdlib_view_free(v);
        return NULL;
    }
    return v;
}

StdlibView *stdlib_view_of(const polc_ctx *ctx)
{
    StdlibView *v = view_new();
    if (!v)
        return NULL;
    v->src = ctx;
    return v;
}

void stdlib_view_free(StdlibView *v)
{
    if (!v)
        return;
    polc_free(v->own);
    arena_release(&v->arena);
    free(v);
}

const SyscallDb *stdlib_view_db(const StdlibView *v) { return &v->src->policy.db; }

bool stdlib_view_has_syscall(const StdlibView *v, ArchId a, const char *name)
{
    return syscalldb_lookup(&v->src->policy.db, a, name) != NULL;
}

const NamedConst *stdlib_view_const(const StdlibView *v, const char *name)
{
    return strmap_get(&v->src->policy.constants, name);
}

const char *stdlib_view_errno_name(const StdlibView *v, uint32_t value) { return errno_name(&v->src->policy, value); }

void stdlib_view_format_arg(const StdlibView *v, StrBuf *sb, const char *sys, unsigned index, uint64_t value,
                            bool paren)
{
    const_format_arg_value(&v->src->policy, sb, sys, index, value, paren);
}

int stdlib_view_cap_num(const StdlibView *v, const char *name)
{
    const CapDef *c = strmap_get(&v->src->front.caps, name);
    return c ? c->num : -1;
}

const char *stdlib_view_cap_name(const StdlibView *v, int num) { return cap_name(&v->src->policy, num); }

/* The groups are an answer computed once: a view is not shared between
 * threads, so the first query may fill them in. */
static const StdlibView *with_groups(const StdlibView *v)
{
    if (!v->have_groups)
        collect_groups((StdlibView *)v);
    return v;
}

const StdlibGroup *stdlib_view_groups(const StdlibView *v, size_t *n)
{
    v = with_groups(v);
    *n = v->groups.len;
    return v->groups.items;
}

const StdlibGroup *stdlib_view_group(const StdlibView *v, const char *name)
{
    v = with_groups(v);
    uintptr_t i = (uintptr_t)strmap_get(&v->by_name, name);
    return i ? &v->groups.items[i - 1] : NULL;
}

/* Parse stage: read the root file and the prelude, expand includes through
 * the search path, detect include cycles. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "compile.h"
#include "front/parse.h"
#include "util/polc_limits.h"
#include "util/file.h"


static bool is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static const char *join(Arena *a, const char *dir, const char *rel)
{
    size_t n = strlen(dir);
    return arena_printf(a, "%s%s%s", dir, (n && dir[n - 1] == '/') ? "" : "/", rel);
}

/* Stdlib data (prelude, syscall tables) is searched like include <...>:
 * -I, POLC_PATH, then the stdlib directories, so a stdlib checkout given
 * with -I or POLC_PATH works too. */
const char *stdlib_locate(void *vctx, const char *relpath)
{
    polc_ctx *ctx = vctx;
    for (size_t i = 0; i < ctx->opt.include_dirs.len; i++) {
        const char *p = join(&ctx->arena, ctx->opt.include_dirs.items[i], relpath);
        if (is_file(p))
            return p;
    }
    for (size_t i = 0; i < ctx->opt.env_dirs.len; i++) {
        const char *p = join(&ctx->arena, ctx->opt.env_dirs.items[i], relpath);
        if (is_file(p))
            return p;
    }
    for (size_t i = 0; i < ctx->opt.stdlib_dirs.len; i++) {
        const char *p = join(&ctx->arena, ctx->opt.stdlib_dirs.items[i], relpath);
        if (is_file(p))
            return p;
    }
    return NULL;
}

/* A directory with prelude.pol at its top is a stdlib, however it was found
 * (-I, POLC_PATH or the installed one): its files are polc's, not the user's. */
static bool is_stdlib_dir(polc_ctx *ctx, const char *dir)
{
    return is_file(join(&ctx->arena, dir, "prelude.pol"));
}

/* <path>: -I dirs, then POLC_PATH, then stdlib. */
static const char *find_angle(polc_ctx *ctx, const char *rel, bool *from_stdlib)
{
    for (size_t i = 0; i < ctx->opt.include_dirs.len; i++) {
        const char *p = join(&ctx->arena, ctx->opt.include_dirs.items[i], rel);
        if (is_file(p))
            return *from_stdlib = is_stdlib_dir(ctx, ctx->opt.include_dirs.items[i]), p;
    }
    for (size_t i = 0; i < ctx->opt.env_dirs.len; i++) {
        const char *p = join(&ctx->arena, ctx->opt.env_dirs.items[i], rel);
        if (is_file(p))
            return *from_stdlib = is_stdlib_dir(ctx, ctx->opt.env_dirs.items[i]), p;
    }
    const char *p = stdlib_locate(ctx, rel);
    if (p)
        *from_stdlib = true;
    return p;
}

static const char *dir_of(Arena *a, const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return ".";
    if (slash == path)
        return "/";
    return arena_strndup(a, path, (size_t)(slash - path));
}

static void expand_includes(polc_ctx *ctx, StmtList *stmts, uint32_t file, int depth);

static void parse_file(polc_ctx *ctx, uint32_t id, StmtList *out)
{
    ParseOutcome o;
    parse_source_outcome(&ctx->arena, &ctx->diag, source_get(&ctx->sm, id), id, out, &o);
    ctx->front.syntax_errors += o.syntax_errors;
    if (o.aborted || o.dropped_definition)
        ctx->front.syntax_unsafe = true;
}

static void include_one(polc_ctx *ctx, Stmt *s, uint32_t from_file, int depth)
{
    const SourceFile *from = source_get(&ctx->sm, from_file);
    bool from_stdlib = false;
    const char *path = NULL;
    if (s->angle) {
        path = find_angle(ctx, s->str, &from_stdlib);
    } else {
        const char *p = s->str[0] == '/' ? s->str : join(&ctx->arena, dir_of(&ctx->arena, from->path), s->str);
        struct stat st;
        if (stat(p, &st) == 0 && !S_ISREG(st.st_mode)) {
            /* a directory or a FIFO is there: say so (and never open a FIFO) */
            diag_error(&ctx->diag, "E0202", s->name_span, "cannot read `%s`: %s", s->str,
                       S_ISDIR(st.st_mode) ? strerror(EISDIR) : read_file_error(EINVAL));
            return;
        }
        if (is_file(p))
            path = p, from_stdlib = from->from_stdlib;
        else if (s->str[0] != '/')
            path = find_angle(ctx, s->str, &from_stdlib);
    }
    if (!path) {
        Diag *g = diag_error(&ctx->diag, "E0200", s->name_span, "cannot find include file `%s`",
                             s->str);
        if (s->angle)
            diag_help(&ctx->diag, g,
                      "searched -I directories, POLC_PATH and the stdlib directories");
        else
            diag_help(&ctx->diag, g, "\"...\" paths are relative to the including file");
        return;
    }
    char real[PATH_MAX];
    if (!realpath(path, real)) {
        diag_error(&ctx->diag, "E0202", s->name_span, "cannot read `%s`: %s", path,
                   strerror(errno));
        return;
    }
    for (size_t i = 0; i < ctx->front.include_stack.len; i++) {
        if (strcmp(ctx->front.include_stack.items[i], real) == 0) {
            Diag *g = diag_error(&ctx->diag, "E0201", s->span,
                                 "include cycle: `%s` is already being included", s->str);
            for (size_t j = i; j < ctx->front.include_stack.len; j++)
                diag_note(&ctx->diag, g, SPAN_NONE, "%s `%s`", j == i ? "the cycle starts at" : "which includes",
                          ctx->front.include_names.items[j]);
            diag_note(&ctx->diag, g, SPAN_NONE, "which includes `%s` again", ctx->front.include_names.items[i]);
            diag_help(&ctx->diag, g, "remove one of the includes that close the cycle");
            return;
        }
    }
    if (strmap_get(&ctx->front.included, real))
        return; /* included before: once is enough, definitions are global */
    if (depth >= POLC_MAX_INCLUDE_DEPTH) {
        diag_error(&ctx->diag, "E0201", s->span, "includes nested deeper than %d levels",
                   POLC_MAX_INCLUDE_DEPTH);
        return;
    }
    size_t len;
    int err;
    char *text = read_file_arena_max(&ctx->arena, path, POLC_MAX_SOURCE_BYTES, &len, &err);
    if (!text) {
        diag_error(&ctx->diag, "E0202", s->name_span, "cannot read `%s`: %s", s->str, read_file_error(err));
        return;
    }
    const char *rreal = arena_strdup(&ctx->arena, real);
    /* "..." includes are shown relative to the including file's shown name */
    const char *shown = s->str;
    if (!s->angle && s->str[0] != '/' && strchr(from->name, '/') && span_valid(s->span))
        shown = join(&ctx->arena, dir_of(&ctx->arena, from->name), s->str);
    uint32_t id = source_add(&ctx->sm, &ctx->arena, shown, path, text, len, from_stdlib);
    strmap_put(&ctx->front.included, &ctx->arena, rreal, (void *)(uintptr_t)(id + 1));
    parse_file(ctx, id, &s->body);
    VEC_PUSH(&ctx->arena, ctx->front.include_stack, rreal);
    VEC_PUSH(&ctx->arena, ctx->front.include_names, shown);
    expand_includes(ctx, &s->body, id, depth + 1);
    ctx->front.include_stack.len--;
    ctx->front.include_names.len--;
}

static void expand_includes(polc_ctx *ctx, StmtList *stmts, uint32_t file, int depth)
{
    for (size_t i = 0; i < stmts->len; i++)
        if (stmts->items[i]->kind == ST_INCLUDE)
            include_one(ctx, stmts->items[i], file, depth);
}

static const char *base_name(Arena *a, const char *display)
{
    if (display[0] == '<')
        return "stdin"; /* <stdin> without --stdin-name */
    const char *slash = strrchr(display, '/');
    const char *b = slash ? slash + 1 : display;
    size_t n = strlen(b);
    if (n > 4 && strcmp(b + n - 4, ".pol") == 0)
        n -= 4;
    if (n == 0)
        return "policy";
    return arena_strndup(a, b, n);
}

bool read_sources(polc_ctx *ctx, const char *path, const char *display, const char *text,
                 size_t len)
{
    size_t errors_before = ctx->diag.nerrors;
    ctx->opt.backend.basename = base_name(&ctx->arena, display);
    if (!ctx->opt.no_prelude) {
        /* The prelude behaves as if the root file began with include <prelude.pol>. */
        Stmt *inc = arena_alloc(&ctx->arena, sizeof *inc);
        inc->kind = ST_INCLUDE;
        inc->str = "prelude.pol";
        inc->angle = true;
        inc->span = inc->name_span = SPAN_NONE;
        const char *p = stdlib_locate(ctx, "prelude.pol");
        if (!p) {
            Diag *g = diag_error(&ctx->diag, "E0200", SPAN_NONE,
                                 "cannot find the stdlib (prelude.pol)");
            diag_help(&ctx->diag, g,
                      "install polc, or point -I or POLC_PATH at its stdlib directory; "
                      "--no-prelude skips the prelude");
            ctx->front.install_error = true;
            return false;
        }
        VEC_PUSH(&ctx->arena, ctx->front.stmts, inc);
    }
    /* Text from standard input or a buffer is read as the file it is shown
     * as (an editor's --stdin-name), so its "..." includes resolve beside
     * that file; without a directory in the name, in the working directory. */
    bool from_input = !path || strcmp(path, "-") == 0;
    const char *where = !from_input ? path : display && strchr(display, '/') ? display : "./-";
    char real[PATH_MAX];
    const char *rreal = strcmp(where, "./-") != 0 && realpath(where, real) ? arena_strdup(&ctx->arena, real)
                                                                            : "<stdin>";
    ctx->policy.root_file = source_add(&ctx->sm, &ctx->arena, display, where, text, len, false);
    strmap_put(&ctx->front.included, &ctx->arena, rreal, (void *)(uintptr_t)(ctx->policy.root_file + 1));
    VEC_PUSH(&ctx->arena, ctx->front.include_stack, rreal);
    VEC_PUSH(&ctx->arena, ctx->front.include_names, display);
    if (!ctx->opt.no_prelude)
        include_one(ctx, ctx->front.stmts.items[0], ctx->policy.root_file, 1);
    size_t first = ctx->front.stmts.len;
    parse_file(ctx, ctx->policy.root_file, &ctx->front.stmts);
    for (size_t i = first; i < ctx->front.stmts.len; i++)
        if (ctx->front.stmts.items[i]->kind == ST_INCLUDE)
            include_one(ctx, ctx->front.stmts.items[i], ctx->policy.root_file, 1);
    ctx->front.include_stack.len--;
    ctx->front.include_names.len--;
    size_t errors = ctx->diag.nerrors - errors_before;
    /* Syntax errors alone, none of which dropped a definition: every other
     * statement is as written, so resolve and check can judge them without
     * false errors (docs/diagnostics.md, "Syntax errors"). Any other error
     * (a missing include, a bad number, a limit) may leave a name undefined. */
    ctx->front.recovered_tree = errors > 0 && errors == ctx->front.syntax_errors && !ctx->front.syntax_unsafe;
    return errors == 0;
}

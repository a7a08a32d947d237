/* polc fmt's entry point: parse (syntax errors are the user's), lay out, and
 * refuse any result that does not parse to the same syntax tree: a formatter
 * must never change what a policy means. */
#include <stdlib.h>
#include <string.h>

#include "compile.h"
#include "fmt/fmt.h"

/* The syntax tree of text as --dump-ast prints it without spans; NULL after
 * errors (reported to d). */
static char *tree_of(polc_ctx *ctx, DiagEngine *d, const char *name, const char *text, size_t len,
                     uint32_t *file)
{
    *file = source_add(&ctx->sm, &ctx->arena, name, name, text, len, false);
    StmtList stmts = {0};
    if (parse_source(&ctx->arena, d, source_get(&ctx->sm, *file), *file, &stmts) != 0)
        return NULL;
    StrBuf sb;
    sb_init(&sb);
    ast_dump_stmts(&sb, &stmts, false);
    char *s = sb_take(&sb);
    char *copy = arena_strdup(&ctx->arena, s);
    free(s);
    return copy;
}

polc_status polc_format(polc_ctx *ctx, const char *display_name, const char *text, size_t len, char **out,
                        size_t *out_len)
{
    *out = NULL;
    *out_len = 0;
    const char *name = display_name ? display_name : "<input>";
    char *src = arena_strndup(&ctx->arena, text, len);
    uint32_t file;
    char *before = tree_of(ctx, &ctx->diag, name, src, len, &file);
    if (!before)
        return POLC_EINPUT;

    LexTokenList lexed = {0};
    if (lex_source_tokens(&ctx->arena, &ctx->diag, source_get(&ctx->sm, file), file, &lexed) != 0)
        return POLC_EINPUT; /* not reached: the parse saw the same errors */
    FmtTokList toks = {0};
    fmt_tokens(&ctx->arena, src, &lexed, &toks);
    StrBuf sb;
    sb_init(&sb);
    bool laid_out = fmt_layout(&toks, &sb);

    /* The check: the formatted text, parsed on its own, gives the same tree. */
    DiagEngine quiet;
    diag_init(&quiet, &ctx->arena, &ctx->sm);
    uint32_t ofile;
    char *after = laid_out ? tree_of(ctx, &quiet, name, sb.data ? sb.data : "", sb.len, &ofile) : NULL;
    if (!after || strcmp(before, after) != 0) {
        Diag *g = diag_error(&ctx->diag, "E0190", SPAN_NONE,
                             "internal error: polc fmt could not lay out `%s` without changing its syntax "
                             "tree; the file is left as it is",
                             name);
        diag_help(&ctx->diag, g, "this is a bug in polc fmt; please report it with the file");
        sb_free(&sb);
        return POLC_EUSAGE;
    }
    *out_len = sb.len;
    *out = sb_take(&sb);
    return POLC_OK;
}

char *fmt_canonical(char *text)
{
    polc_ctx *scratch = polc_new();
    if (!scratch)
        return text;
    char *out = NULL;
    size_t out_len = 0;
    if (polc_format(scratch, NULL, text, strlen(text), &out, &out_len) == POLC_OK && out) {
        free(text);
        text = out;
    }
    polc_free(scratch);
    return text;
}

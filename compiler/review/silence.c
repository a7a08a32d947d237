/* Silencing a warning where it is: a `# polc: allow L0101[, L0102...]`
 * comment on a line of the reported span. Codes are separated by spaces or
 * commas; anything else after them is free text (the reason). */
#include <ctype.h>
#include <string.h>

#include "review/lint.h"

/* L0101, W0004: a capital letter and four digits. */
static bool looks_like_code(const char *s, size_t n)
{
    if (n != 5 || !isupper((unsigned char)s[0]))
        return false;
    for (size_t i = 1; i < 5; i++)
        if (!isdigit((unsigned char)s[i]))
            return false;
    return true;
}

static bool line_allows(const char *line, size_t len, const char *code)
{
    static const char key[] = "polc: allow";
    for (size_t i = 0; i + sizeof key - 1 <= len; i++) {
        if (line[i] != '#')
            continue;
        size_t j = i + 1;
        while (j < len && line[j] == ' ')
            j++;
        if (len - j < sizeof key - 1 || memcmp(line + j, key, sizeof key - 1) != 0)
            continue;
        j += sizeof key - 1;
        size_t clen = strlen(code);
        while (j < len) {
            while (j < len && (line[j] == ' ' || line[j] == ','))
                j++;
            size_t s = j;
            while (j < len && line[j] != ' ' && line[j] != ',')
                j++;
            if (!looks_like_code(line + s, j - s))
                break; /* the codes end where the free text starts */
            if (j - s == clen && memcmp(line + s, code, clen) == 0)
                return true;
        }
    }
    return false;
}

static bool lines_allow(const polc_ctx *ctx, Span span, const char *code);

static bool holds_file(const StmtList *l, uint32_t file)
{
    for (size_t i = 0; i < l->len; i++)
        if (l->items[i]->file == file || holds_file(&l->items[i]->body, file))
            return true;
    return false;
}

/* A finding inside an included file (the stdlib's, say) is silenced by the
 * comment on an `include` line that brings that file in. */
static bool include_allows(const polc_ctx *ctx, const StmtList *l, uint32_t file, const char *code)
{
    for (size_t i = 0; i < l->len; i++) {
        const Stmt *s = l->items[i];
        if (s->kind != ST_INCLUDE || !holds_file(&s->body, file))
            continue;
        if (lines_allow(ctx, s->span, code) || include_allows(ctx, &s->body, file, code))
            return true;
    }
    return false;
}

bool review_silenced_in_source(const polc_ctx *ctx, Span span, const char *code)
{
    if (!span_valid(span) || !code)
        return false;
    return lines_allow(ctx, span, code) ||
           (span.file != ctx->policy.root_file && include_allows(ctx, &ctx->front.stmts, span.file, code));
}

static bool lines_allow(const polc_ctx *ctx, Span span, const char *code)
{
    if (!span_valid(span) || !code)
        return false;
    const SourceFile *sf = source_get(&ctx->sm, span.file);
    if (!sf)
        return false;
    unsigned l1, l2, col;
    source_linecol(sf, span.start, &l1, &col);
    source_linecol(sf, span.end > span.start ? span.end - 1 : span.start, &l2, &col);
    for (unsigned ln = l1; ln <= l2; ln++) {
        size_t len;
        const char *line = source_line(sf, ln, &len);
        if (line && line_allows(line, len, code))
            return true;
    }
    return false;
}

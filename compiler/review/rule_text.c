/* A rule in its author's words (rule_text.h). */
#include <string.h>

#include "review/rule_text.h"

const char *review_source_text(const polc_ctx *ctx, Span sp)
{
    const SourceFile *f = span_valid(sp) ? source_get(&ctx->sm, sp.file) : NULL;
    if (!f || sp.end > f->len || sp.end < sp.start)
        return "?";
    StrBuf sb;
    sb_init(&sb);
    bool space = false;
    for (uint32_t i = sp.start; i < sp.end; i++) {
        char c = f->text[i];
        if (c == '#') { /* a comment inside a multi-line condition */
            while (i < sp.end && f->text[i] != '\n')
                i++;
            space = true;
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = true;
            continue;
        }
        if (space && sb.len)
            sb_putc(&sb, ' ');
        space = false;
        sb_putc(&sb, c);
    }
    const char *r = arena_strdup((Arena *)&ctx->arena, sb.data ? sb.data : "");
    sb_free(&sb);
    return r;
}

const char *review_rule_cond_text(const polc_ctx *ctx, const Rule *r)
{
    const char *text = review_source_text(ctx, r->cond->span);
    if (!r->from_network)
        return text;
    for (size_t i = 0; i < ctx->policy.net.rules.len; i++) {
        const NetRule *n = &ctx->policy.net.rules.items[i];
        if (n->span.file == r->span.file && n->span.start == r->span.start)
            return arena_printf((Arena *)&ctx->arena, n->deny ? "network `deny %s`" : "not network `allow %s`", text);
    }
    return text;
}

const char *review_rule_loc(const polc_ctx *ctx, const Rule *r)
{
    const SourceFile *f = source_get(&ctx->sm, r->span.file);
    unsigned line, col;
    if (!f)
        return "?";
    source_linecol(f, r->span.start, &line, &col);
    const char *base = strrchr(f->name, '/');
    return arena_printf((Arena *)&ctx->arena, "%s:%u", base ? base + 1 : f->name, line);
}

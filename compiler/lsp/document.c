/* A document's compilation and its diagnostics in LSP's shape: the same
 * codes, messages and spans as `polc --check`, notes as related
 * information, help lines in the message. */
#include "lsp/document.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void lsp_doc_compile(LspDoc *d, const polc_ctx *like)
{
    polc_ctx *prev = d->ctx, *prev_names = d->names;
    d->ctx = compile_new_like(like);
    if (d->ctx)
        polc_set_verify_libseccomp(d->ctx, 0); /* as --check: validation runs when outputs are written */
    if (d->ctx && polc_compile_buffer(d->ctx, d->path ? d->path : d->uri, d->text, d->len) == POLC_OK)
        (void)polc_check(d->ctx, polc_default_targets());
    /* resolve ran when the policy has arches (it always gives it some) */
    if (d->ctx && d->ctx->policy.arch_mask) {
        d->names = d->ctx;
        if (prev_names && prev_names != prev)
            polc_free(prev_names);
    } else {
        d->names = prev_names; /* may be prev itself */
    }
    if (prev && prev != d->names)
        polc_free(prev);
}

void lsp_doc_free(LspDoc *d)
{
    if (d->names && d->names != d->ctx)
        polc_free(d->names);
    if (d->ctx)
        polc_free(d->ctx);
    free(d->uri);
    free(d->path);
    free(d->text);
    memset(d, 0, sizeof *d);
}

/* The root file's top-level `include` through which file `file` was read. */
static bool includes_file(const StmtList *body, uint32_t file)
{
    for (size_t i = 0; i < body->len; i++) {
        const Stmt *s = body->items[i];
        if (s->file == file || (s->kind == ST_INCLUDE && includes_file(&s->body, file)))
            return true;
    }
    return false;
}

static Span include_span_for(const polc_ctx *ctx, uint32_t file)
{
    const StmtList *top = &ctx->front.stmts;
    for (size_t i = 0; i < top->len; i++) {
        const Stmt *s = top->items[i];
        if (s->kind == ST_INCLUDE && s->file == ctx->policy.root_file && includes_file(&s->body, file))
            return s->span;
    }
    return SPAN_NONE;
}

static const char *where(const polc_ctx *ctx, Span sp, char *buf, size_t cap)
{
    const SourceFile *f = source_get(&ctx->sm, sp.file);
    unsigned line, col;
    source_linecol(f, sp.start, &line, &col);
    snprintf(buf, cap, "%s:%u:%u", f->name, line, col);
    return buf;
}

static json_object *one(const LspDoc *d, const Diag *g)
{
    const polc_ctx *ctx = d->ctx;
    uint32_t root = ctx->policy.root_file;
    Span at = g->span;
    StrBuf msg;
    sb_init(&msg);
    char loc[512];
    if (span_valid(at) && at.file != root) {
        /* reported in an included file: shown at the include that reads it */
        sb_printf(&msg, "%s: ", where(ctx, at, loc, sizeof loc));
        at = include_span_for(ctx, at.file);
    }
    sb_printf(&msg, "%s", g->msg);
    json_object *related = json_object_new_array();
    for (size_t i = 0; i < g->notes.len; i++) {
        const DiagNote *n = &g->notes.items[i];
        const char *kind = n->sev == SEV_HELP ? "help" : "note";
        if (span_valid(n->span) && n->span.file == root) {
            json_object *r = json_object_new_object(), *l = json_object_new_object();
            json_object_object_add(l, "uri", json_object_new_string(d->uri));
            json_object_object_add(l, "range", lsp_range(d->text, d->len, n->span.start, n->span.end));
            json_object_object_add(r, "location", l);
            json_object_object_add(r, "message", json_object_new_string(n->msg));
            json_object_array_add(related, r);
        } else if (span_valid(n->span)) {
            sb_printf(&msg, "\n%s: %s: %s", kind, where(ctx, n->span, loc, sizeof loc), n->msg);
        } else {
            sb_printf(&msg, "\n%s: %s", kind, n->msg);
        }
    }
    json_object *o = json_object_new_object();
    size_t start = span_valid(at) ? at.start : 0, end = span_valid(at) ? at.end : 0;
    json_object_object_add(o, "range", lsp_range(d->text, d->len, start, end));
    json_object_object_add(o, "severity", json_object_new_int(g->sev == SEV_ERROR ? 1 : 2));
    json_object_object_add(o, "code", json_object_new_string(g->code));
    json_object_object_add(o, "source", json_object_new_string("polc"));
    json_object_object_add(o, "message", json_object_new_string(msg.data ? msg.data : ""));
    if (json_object_array_length(related))
        json_object_object_add(o, "relatedInformation", related);
    else
        json_object_put(related);
    sb_free(&msg);
    return o;
}

json_object *lsp_doc_diagnostics(const LspDoc *d)
{
    json_object *arr = json_object_new_array();
    if (!d->ctx)
        return arr;
    for (size_t i = 0; i < d->ctx->diag.list.len; i++)
        json_object_array_add(arr, one(d, d->ctx->diag.list.items[i]));
    return arr;
}

/* An open document and its latest compilation (document.c, features.c). */
#ifndef POLC_LSP_DOCUMENT_H
#define POLC_LSP_DOCUMENT_H
#include <json-c/json.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "compile.h"
#include "lsp/position.h"

typedef struct LspDoc {
    char *uri;
    char *path;      /* the file the URI names; NULL for other schemes */
    char *text;      /* NUL terminated */
    size_t len;
    int64_t version;
    polc_ctx *ctx;   /* compiled as `polc --check` does, from text */
    /* the latest compilation that got as far as resolving names (hover,
     * completion and definition keep working while a syntax error is being
     * typed): ctx itself, or an older one kept for that */
    polc_ctx *names;
} LspDoc;

/* Compile d's text as the file d names (includes beside it), like `like`;
 * replaces d->ctx. */
void lsp_doc_compile(LspDoc *d, const polc_ctx *like);
void lsp_doc_free(LspDoc *d);
/* The compilation's diagnostics as LSP Diagnostic objects (a new array). */
json_object *lsp_doc_diagnostics(const LspDoc *d);

/* Requests answered from d's compilation (features.c): each returns the
 * response's result, consumed by the caller (json null when nothing). */
json_object *lsp_hover(const LspDoc *d, LspPos pos);
json_object *lsp_completion(const LspDoc *d, LspPos pos);
json_object *lsp_definition(const LspDoc *d, LspPos pos);
json_object *lsp_document_symbols(const LspDoc *d);
json_object *lsp_formatting(const LspDoc *d);

#endif

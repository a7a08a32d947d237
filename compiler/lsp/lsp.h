/* polc lsp: a language server on stdio (JSON-RPC 2.0 with LSP's
 * Content-Length framing). It compiles each open document as `polc --check`
 * does and answers hover, completion, definition, formatting and document
 * symbols from that compilation. See docs/editors.md. */
#ifndef POLC_LSP_H
#define POLC_LSP_H
#include <stdio.h>

#include "polc/polc.h"

/* Serve until `exit`: read requests from in, write responses and
 * notifications to out. Each document compiles like `like` (its -I, POLC_PATH
 * and stdlib directories). The exit status LSP asks for: 0 after shutdown,
 * 1 otherwise. */
int lsp_serve(FILE *in, FILE *out, const polc_ctx *like);

#endif

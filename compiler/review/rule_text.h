/* A rule in its author's words: the source text of its condition and where
 * it is written, for the tools that show a reviewer why a call is decided
 * (polc explain, polc graph). Strings live in the compilation's arena. */
#ifndef POLC_REVIEW_RULE_TEXT_H
#define POLC_REVIEW_RULE_TEXT_H
#include "compile.h"

/* The text of a span on one line: runs of blanks and comments become one
 * space. "?" when the span is not in a loaded file. */
const char *review_source_text(const polc_ctx *ctx, Span sp);
/* A conditional rule's condition as written; a network entry's rule (middle/
 * lower_network.c) says which entry it is: `deny raw`, or the allow list it
 * is the rest of. */
const char *review_rule_cond_text(const polc_ctx *ctx, const Rule *r);
/* "nginx.pol:27": the rule's file (base name) and line. */
const char *review_rule_loc(const polc_ctx *ctx, const Rule *r);

#endif

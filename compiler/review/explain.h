/* polc explain's document: titled sections of (key, text) lines, rendered
 * as text for a reviewer or as JSON for tools. */
#ifndef POLC_REVIEW_EXPLAIN_H
#define POLC_REVIEW_EXPLAIN_H
#include "lint.h"

typedef struct ExItem {
    const char *key; /* may be NULL: a plain line */
    const char *text;
} ExItem;

typedef struct ExSection {
    const char *title;
    VEC(ExItem) items;
} ExSection;

typedef struct ExDoc {
    polc_ctx *ctx;
    const char *heading;
    VEC(ExSection *) sections;
} ExDoc;

ExSection *ex_section(ExDoc *doc, const char *title);
void ex_item(ExDoc *doc, ExSection *s, const char *key, const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* explain_backends.c: what each back end enforces for this policy, and what
 * it cannot, from running it. */
void explain_backends(ExDoc *doc);

#endif

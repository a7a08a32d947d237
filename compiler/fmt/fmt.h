/* polc fmt: the canonical layout of a policy file (docs/fmt.md).
 *
 *   text -> lex_source_tokens (comments kept) -> fmt_tokens: tokens with their
 *   comments attached -> fmt_layout: the canonical text -> format.c checks that
 *   the result parses to the same syntax tree as the input. */
#ifndef POLC_FMT_H
#define POLC_FMT_H
#include <stdbool.h>
#include <stddef.h>

#include "util/arena.h"
#include "front/parse.h"

/* The longest line the layout aims for; comments and single long tokens may
 * exceed it. */
#define FMT_WIDTH 100
#define FMT_INDENT 4

typedef struct FmtComment {
    const char *text; /* from `#`, trailing blanks and CR removed */
    size_t len;
    bool blank_before; /* an empty line separates it from what comes before */
} FmtComment;

/* A token of the file, `;` left out (it only separates statements). */
typedef struct FmtTok {
    int kind; /* the parser's token number; END for the end of the file */
    const char *text;
    size_t len;
    unsigned line;          /* 1-based line of the input */
    bool blank_before;      /* an empty line right before it (after its comments) */
    bool semi_before;       /* a `;` separates it from the token before */
    VEC(FmtComment) lead;   /* comments on their own lines before it */
    const FmtComment *trail; /* the comment that ends its line, or NULL */
} FmtTok;

typedef VEC(FmtTok) FmtTokList;

/* Attach every comment to a token: a comment after a token on the same line
 * trails it, any other comment leads the next token (END for the last ones). */
void fmt_tokens(Arena *a, const char *text, const LexTokenList *lexed, FmtTokList *out);

/* Lay the tokens out; false when they are not a policy the layout knows
 * (a bug: the caller parsed the text first). */
bool fmt_layout(const FmtTokList *toks, StrBuf *out);

/* Policy text that polc writes itself (import, learn) in the canonical
 * layout, so `polc fmt --check` passes on it: takes the malloc'd text and
 * returns its formatted replacement (the text unchanged if it cannot be
 * laid out). */
char *fmt_canonical(char *text);

#endif

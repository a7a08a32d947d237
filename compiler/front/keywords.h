/* The policy language's keywords, one table for the whole compiler, and the
 * one way to write a name into policy source so that it parses back.
 *
 * The table is generated at build time from grammar/lexer.l (and which
 * keywords the grammar still takes as names from grammar/parser.y) by
 * grammar/keywords.py; editors/gen_grammars.py reads the lexer the same way.
 * Everything that writes policy text (polc import, polc learn) writes names
 * through polc_name_text. */
#ifndef POLC_KEYWORDS_H
#define POLC_KEYWORDS_H
#include <stdbool.h>
#include <stddef.h>

#include "util/arena.h"

/* Every keyword of the lexer, in lexer.l's order; NULL-terminated. */
extern const char *const polc_keywords[];
size_t polc_keyword_count(void);
bool polc_is_keyword(const char *s);

/* Where a word is written. */
typedef enum {
    POLC_WORD_NAME,    /* the grammar's `name`: policy, const and capability names (and
                          syscall names): an identifier, or kill/read/write */
    POLC_WORD_OPERAND, /* an argument name in a condition: an identifier, or
                          user/group/policy/mode */
} PolcWordPlace;

/* s lexes as one identifier token: [A-Za-z_][A-Za-z0-9_]*(-[A-Za-z0-9_]+)*,
 * at most POLC_MAX_NAME_BYTES, and not a keyword. */
bool polc_is_identifier(const char *s);

/* s, written as is at `where`, parses back as the same word. */
bool polc_word_fits(const char *s, PolcWordPlace where);

/* s as a word that fits `where` (see polc_word_fits): s itself when it fits,
 * else made into one: every byte outside [A-Za-z0-9_] becomes `-`, runs of
 * `-` collapse, and leading and trailing ones go; a word that does not start
 * with a letter or `_` gets `_` in front; a keyword the place does not take
 * gets `_` after it (`mode` -> `mode_`); at most 128 bytes. Nothing left:
 * fallback (which must fit). */
const char *polc_name_text(Arena *a, const char *s, PolcWordPlace where, const char *fallback);

#endif

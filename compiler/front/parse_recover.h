/* Syntax error recovery's view of the token stream: where a statement that
 * had an error ends (so the parser resumes at the next one and reports its
 * errors too), which `{` are open, and the guards that keep recovery from
 * looping. The grammar-aware half (corrections of misspelt keywords, a missing
 * `}`) lives in grammar/parser.y; docs/diagnostics.md, "Syntax errors",
 * describes both. */
#ifndef POLC_PARSE_RECOVER_H
#define POLC_PARSE_RECOVER_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/polc_limits.h"

typedef struct PolcLoc {
    uint32_t start, end;
} PolcLoc;

/* A token the parser is given later: a keyword (no value) held back while a
 * `}` is inserted before it, or the second word of a split `notin`. */
typedef struct HeldToken {
    int kind;
    PolcLoc loc;
    uint32_t index;
} HeldToken;

typedef struct ParseRecovery {
    uint32_t ntok;       /* tokens read from the lexer; end of file counts once */
    uint32_t cur;        /* index (1-based) of the token the parser was given last */
    bool eof;            /* the lexer said end of file: it is never called again */
    PolcLoc eof_loc;
    uint32_t eof_index;
    int prev_kind, before_kind; /* the last token read and the one before it, and where they ended */
    uint32_t prev_end, before_end;
    bool skipping;       /* dropping the rest of a statement that had an error */
    int skip_depth;      /* `{` open in the statement being skipped */
    bool skip_closed;    /* the last skipped token closed a `{ }` group */
    uint32_t skip_base;  /* open `{` (nopen) outside the statement being skipped */
    bool skip_stray;     /* the error was at a `{`: stray if it ends its line */
    HeldToken held[2];
    int nheld;
    uint32_t open[POLC_MAX_NESTING]; /* start offsets of the open `{` */
    uint32_t nopen;
    uint32_t errok_at;   /* token at which errors were last re-enabled without consuming it */
    uint32_t errok_count;
    uint32_t reported_at; /* token of the last syntax error reported */
    uint32_t guessed_at;  /* token whose misspelt keyword was replaced */
    uint32_t closed_at;   /* token before which a missing `}` was reported */
    uint32_t ended_at;    /* token before which a `;` was given */
    uint32_t no_brace_at; /* token reported where only `{` could follow */
    uint32_t inserted;    /* `}` inserted in this file */
    size_t reported;      /* syntax errors this parser reported */
    bool dropped_definition; /* recovery dropped a statement that may define something */
} ParseRecovery;

/* A token was read: track brackets and the previous token; while skipping,
 * returns true when the token belongs to the statement being dropped. */
bool recovery_skips(ParseRecovery *r, const char *text, int kind, PolcLoc loc);

/* Drop the rest of the statement that had an error at token `kind` (at
 * loc; region: from the statement's first token): up to a `;`, a `}` of an
 * enclosing block, or the first token of a new line that does not continue
 * the statement; `{ ... }` opened on the way or before the error are skipped
 * whole. no_brace: the statement lacks its `{`, so skip through its `}`. */
void recovery_start_skip(ParseRecovery *r, PolcLoc region, int kind, PolcLoc loc, bool no_brace);

/* A new statement of the top level begins in the middle of a skip: stop, and
 * forget the `{` the skip opened. */
void recovery_stop_skip(ParseRecovery *r);

/* Does the token just read (at loc) begin a line? */
bool recovery_on_new_line(const ParseRecovery *r, const char *text, PolcLoc loc);

/* May errors be reported again at once (yyerrok) though the current token
 * is kept? At most POLC_MAX_NESTING + 2 times per token, so recovery always
 * ends (bison then discards the token itself). */
bool recovery_errok_allowed(ParseRecovery *r);

/* Could a top-level statement beginning at `start` define something other
 * statements use (a constant, set, capability, default, arch...)? */
bool recovery_may_define(const char *text, size_t len, uint32_t start);

#endif

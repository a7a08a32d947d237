/* The parser's entry point and the state the generated lexer/parser share. */
#ifndef POLC_PARSE_H
#define POLC_PARSE_H
#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"
#include "front/ast.h"
#include "front/parse_recover.h"
#include "util/diag.h"

typedef struct ParseState {
    Arena *arena;
    DiagEngine *diag;
    uint32_t file;
    uint32_t offset;   /* lexer position, bytes */
    int after_include; /* the next `<...>` is an include path */
    int prev_include;  /* after_include as it was before the current token */
    int after_res_key; /* the next number may be a size (`memory 512MiB`): after a resources key or its `-` */
    int prev_res_key;
    StmtList *out;
    NetItemList net_acc; /* network items of the statement being parsed */
    int keep_comments;   /* polc fmt: the lexer returns COMMENT tokens */
    int nesting;         /* `(` and `{` open (POLC_MAX_NESTING) */
    bool stopped;        /* a limit ended the file early: no follow-up syntax errors */
    bool depth_reported; /* POLC_MAX_EXPR_DEPTH was reported in this file */
    const char *text;    /* the source (a misspelt keyword's "did you mean") */
    size_t len;
    ParseRecovery rec;   /* syntax error recovery (front/parse_recover.h) */
} ParseState;

/* What parsing one file found, for read_sources: whether the statements it
 * kept can be checked further although the file had syntax errors. */
typedef struct ParseOutcome {
    size_t errors;           /* all errors reported while parsing the file */
    size_t syntax_errors;    /* the syntax errors among them (recovered) */
    bool dropped_definition; /* recovery dropped a statement that may define a name */
    bool aborted;            /* the parser gave up: statements may be missing */
} ParseOutcome;

/* Parse one source file; statements are appended to *out. Returns the number
 * of errors found in this file. */
size_t parse_source(Arena *a, DiagEngine *d, const SourceFile *src, uint32_t file, StmtList *out);
/* The same, saying what recovery did. */
void parse_source_outcome(Arena *a, DiagEngine *d, const SourceFile *src, uint32_t file, StmtList *out,
                          ParseOutcome *outcome);

/* polc fmt's view of a file: every token, comments included (kind is the
 * parser's token number, or the character for one-character tokens). */
typedef struct LexToken {
    int kind;
    uint32_t start, end;
} LexToken;
typedef VEC(LexToken) LexTokenList;
size_t lex_source_tokens(Arena *a, DiagEngine *d, const SourceFile *src, uint32_t file, LexTokenList *out);

#endif

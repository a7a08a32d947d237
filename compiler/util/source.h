/* Source files of one compilation and byte spans into them. */
#ifndef POLC_SOURCE_H
#define POLC_SOURCE_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"

typedef struct Span {
    uint32_t file; /* index into SourceMap.files; UINT32_MAX = no location */
    uint32_t start, end; /* byte offsets, end exclusive */
} Span;

#define SPAN_NONE ((Span){UINT32_MAX, 0, 0})

typedef struct SourceFile {
    const char *name;     /* as shown in diagnostics */
    const char *path;     /* as opened (for include resolution and cycles) */
    const char *text;     /* NUL terminated */
    size_t len;
    uint32_t *line_starts;
    size_t nlines;
    bool from_stdlib;     /* found in a stdlib directory: no style warnings */
} SourceFile;

typedef struct SourceMap {
    VEC(SourceFile *) files;
} SourceMap;

uint32_t source_add(SourceMap *sm, Arena *a, const char *name, const char *path,
                    const char *text, size_t len, bool from_stdlib);
const SourceFile *source_get(const SourceMap *sm, uint32_t file);
/* 1-based line and byte column of offset. */
void source_linecol(const SourceFile *f, uint32_t offset, unsigned *line, unsigned *col);
/* The text of a line (without newline): pointer and length. */
const char *source_line(const SourceFile *f, unsigned line, size_t *len);
Span span_join(Span a, Span b);
/* Length of the well-formed UTF-8 sequence at p (n bytes available): 1 for
 * ASCII other than NUL, 2..4 for a valid multibyte character, 0 for NUL, a
 * stray or overlong byte, a surrogate or a code point beyond U+10FFFF. */
size_t utf8_char_len(const unsigned char *p, size_t n);
static inline bool span_valid(Span s) { return s.file != UINT32_MAX; }

#endif

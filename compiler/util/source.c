#include "util/source.h"

#include <string.h>

uint32_t source_add(SourceMap *sm, Arena *a, const char *name, const char *path,
                    const char *text, size_t len, bool from_stdlib)
{
    SourceFile *f = arena_alloc(a, sizeof *f);
    f->name = arena_strdup(a, name);
    f->path = arena_strdup(a, path);
    f->text = text;
    f->len = len;
    f->from_stdlib = from_stdlib;
    size_t n = 1;
    for (size_t i = 0; i < len; i++)
        if (text[i] == '\n')
            n++;
    f->line_starts = arena_alloc(a, n * sizeof(uint32_t));
    f->nlines = 0;
    f->line_starts[f->nlines++] = 0;
    for (size_t i = 0; i < len; i++)
        if (text[i] == '\n')
            f->line_starts[f->nlines++] = (uint32_t)(i + 1);
    VEC_PUSH(a, sm->files, f);
    return (uint32_t)(sm->files.len - 1);
}

const SourceFile *source_get(const SourceMap *sm, uint32_t file)
{
    if (file >= sm->files.len)
        return NULL;
    return sm->files.items[file];
}

void source_linecol(const SourceFile *f, uint32_t offset, unsigned *line, unsigned *col)
{
    size_t lo = 0, hi = f->nlines;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (f->line_starts[mid] <= offset)
            lo = mid;
        else
            hi = mid;
    }
    *line = (unsigned)lo + 1;
    *col = offset - f->line_starts[lo] + 1;
}

const char *source_line(const SourceFile *f, unsigned line, size_t *len)
{
    if (line == 0 || line > f->nlines) {
        *len = 0;
        return "";
    }
    size_t start = f->line_starts[line - 1];
    size_t end = start;
    while (end < f->len && f->text[end] != '\n')
        end++;
    if (end > start && f->text[end - 1] == '\r')
        end--;
    *len = end - start;
    return f->text + start;
}

Span span_join(Span a, Span b)
{
    if (!span_valid(a))
        return b;
    if (!span_valid(b) || a.file != b.file)
        return a;
    Span s = a;
    if (b.start < s.start)
        s.start = b.start;
    if (b.end > s.end)
        s.end = b.end;
    return s;
}

size_t utf8_char_len(const unsigned char *p, size_t n)
{
    if (n == 0 || p[0] == 0)
        return 0;
    if (p[0] < 0x80)
        return 1;
    size_t len;
    uint32_t cp;
    if (p[0] >= 0xc2 && p[0] <= 0xdf)
        len = 2, cp = p[0] & 0x1f;
    else if (p[0] >= 0xe0 && p[0] <= 0xef)
        len = 3, cp = p[0] & 0x0f;
    else if (p[0] >= 0xf0 && p[0] <= 0xf4)
        len = 4, cp = p[0] & 0x07;
    else
        return 0;
    if (n < len)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((p[i] & 0xc0) != 0x80)
            return 0;
        cp = (cp << 6) | (p[i] & 0x3f);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10ffff ||
        (cp >= 0xd800 && cp <= 0xdfff))
        return 0;
    return len;
}

#include "util/diag.h"
#include "util/diag_codes.h"

#include <json-c/json.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void diag_init(DiagEngine *d, Arena *a, const SourceMap *sm)
{
    memset(d, 0, sizeof *d);
    d->arena = a;
    d->sm = sm;
}

static Diag *diag_new(DiagEngine *d, Severity sev, const char *code, Span span, const char *fmt,
                      va_list ap)
{
    /* A code missing from compiler/util/diag_codes.def is a bug in polc: stop
     * here, so that the test that reaches it fails (diag_codes_registry
     * finds it from the sources too). Lint's L codes have their own
     * registry, docs/lint.md (test lint_codes_documented). */
    if (!(code && code[0] == 'L') && !diag_code_known(code)) {
        fprintf(stderr, "polc: internal error: diagnostic code `%s` is not in compiler/util/diag_codes.def\n",
                code ? code : "(null)");
        abort();
    }
    if (sev == SEV_ERROR) {
        d->internal_error |= strcmp(code, "E0499") == 0;
        d->nerrors++;
        if (d->nerrors > DIAG_MAX_ERRORS) {
            d->truncated = true;
            memset(&d->sink, 0, sizeof d->sink);
            return &d->sink;
        }
    } else {
        d->nwarnings++;
    }
    Diag *g = arena_alloc(d->arena, sizeof *g);
    g->sev = sev;
    g->code = code;
    g->span = span;
    g->msg = arena_vprintf(d->arena, fmt, ap);
    VEC_PUSH(d->arena, d->list, g);
    return g;
}

void diag_drop_warnings_since(DiagEngine *d, size_t mark)
{
    size_t o = mark;
    for (size_t i = mark; i < d->list.len; i++) {
        if (d->list.items[i]->sev == SEV_WARNING)
            d->nwarnings--;
        else
            d->list.items[o++] = d->list.items[i];
    }
    d->list.len = o;
}

Diag *diag_error(DiagEngine *d, const char *code, Span span, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    Diag *g = diag_new(d, SEV_ERROR, code, span, fmt, ap);
    va_end(ap);
    return g;
}

Diag *diag_warning(DiagEngine *d, const char *code, Span span, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    Diag *g = diag_new(d, SEV_WARNING, code, span, fmt, ap);
    va_end(ap);
    return g;
}

static void add_note(DiagEngine *d, Diag *g, Severity sev, Span span, const char *fmt, va_list ap)
{
    if (g == &d->sink)
        return;
    DiagNote n = {sev, span, arena_vprintf(d->arena, fmt, ap)};
    VEC_PUSH(d->arena, g->notes, n);
}

void diag_note(DiagEngine *d, Diag *g, Span span, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    add_note(d, g, SEV_NOTE, span, fmt, ap);
    va_end(ap);
}

void diag_help(DiagEngine *d, Diag *g, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    add_note(d, g, SEV_HELP, SPAN_NONE, fmt, ap);
    va_end(ap);
}

static const char *sev_name(Severity s)
{
    switch (s) {
    case SEV_ERROR: return "error";
    case SEV_WARNING: return "warning";
    case SEV_NOTE: return "note";
    case SEV_HELP: return "help";
    }
    return "?";
}

static const char *sev_color(Severity s)
{
    switch (s) {
    case SEV_ERROR: return "\033[1;31m";
    case SEV_WARNING: return "\033[1;33m";
    case SEV_NOTE: return "\033[1;36m";
    case SEV_HELP: return "\033[1;32m";
    }
    return "";
}

/* The source line and an underline below the span (first line only when the
 * span crosses lines). Tabs are copied into the underline so it lines up. */
static void render_snippet(StrBuf *sb, const SourceFile *f, Span span, bool color, Severity sev)
{
    unsigned line, col, eline, ecol;
    source_linecol(f, span.start, &line, &col);
    uint32_t end = span.end > span.start ? span.end - 1 : span.start;
    source_linecol(f, end, &eline, &ecol);
    size_t len;
    const char *text = source_line(f, line, &len);
    /* very long lines: show a window around the caret */
    enum { WINDOW = 160 };
    size_t skip = 0;
    if (len > WINDOW) {
        if (col > WINDOW / 2)
            skip = col - WINDOW / 2;
        if (skip > len - WINDOW)
            skip = len - WINDOW;
        text += skip;
        len = WINDOW;
        col -= (unsigned)skip;
        ecol = ecol > skip ? ecol - (unsigned)skip : 1;
    }
    char num[16];
    int w = snprintf(num, sizeof num, "%u", line);
    sb_printf(sb, " %s | ", num);
    for (size_t i = 0; i < len;) {
        const unsigned char *u = (const unsigned char *)text + i;
        size_t n = utf8_char_len(u, len - i);
        if (n > 1) { /* a whole character; anything not UTF-8 is shown as ? */
            sb_putn(sb, text + i, n);
            i += n;
            continue;
        }
        sb_putc(sb, n == 0 || (u[0] < 0x20 && u[0] != '\t') || u[0] == 0x7f ? '?' : (char)u[0]);
        i++;
    }
    sb_putc(sb, '\n');
    sb_printf(sb, " %*s | ", w, "");
    size_t caret_start = col - 1;
    size_t caret_end = (eline == line && ecol <= len) ? ecol : len; /* inclusive column -> exclusive index */
    if (caret_end <= caret_start)
        caret_end = caret_start + 1;
    for (size_t i = 0; i < caret_start && i < len; i++)
        sb_putc(sb, text[i] == '\t' ? '\t' : ' ');
    for (size_t i = len; i < caret_start; i++)
        sb_putc(sb, ' ');
    if (color)
        sb_puts(sb, sev_color(sev));
    for (size_t i = caret_start; i < caret_end; i++)
        sb_putc(sb, i == caret_start ? '^' : '~');
    if (color)
        sb_puts(sb, "\033[0m");
    sb_putc(sb, '\n');
}

static void render_head(StrBuf *sb, const DiagEngine *d, Span span, Severity sev, const char *code,
                        const char *msg, bool color)
{
    const SourceFile *f = span_valid(span) ? source_get(d->sm, span.file) : NULL;
    if (f) {
        unsigned line, col;
        source_linecol(f, span.start, &line, &col);
        sb_printf(sb, "%s:%u:%u: ", f->name, line, col);
    }
    if (color)
        sb_puts(sb, sev_color(sev));
    sb_puts(sb, sev_name(sev));
    if (code)
        sb_printf(sb, "[%s]", code);
    if (color)
        sb_puts(sb, "\033[0m");
    sb_printf(sb, ": %s\n", msg);
    if (f)
        render_snippet(sb, f, span, color, sev);
}

char *diag_render_text(const DiagEngine *d, bool color)
{
    StrBuf sb;
    sb_init(&sb);
    for (size_t i = 0; i < d->list.len; i++) {
        const Diag *g = d->list.items[i];
        render_head(&sb, d, g->span, g->sev, g->code, g->msg, color);
        for (size_t j = 0; j < g->notes.len; j++) {
            const DiagNote *n = &g->notes.items[j];
            render_head(&sb, d, n->span, n->sev, NULL, n->msg, color);
        }
    }
    if (d->truncated)
        sb_printf(&sb, "error: too many errors (%zu); only the first %d are shown\n", d->nerrors,
                  DIAG_MAX_ERRORS);
    return sb_take(&sb);
}

static json_object *span_json(const DiagEngine *d, Span span)
{
    const SourceFile *f = span_valid(span) ? source_get(d->sm, span.file) : NULL;
    if (!f)
        return NULL;
    unsigned line, col, eline, ecol;
    source_linecol(f, span.start, &line, &col);
    source_linecol(f, span.end, &eline, &ecol);
    json_object *o = json_object_new_object();
    json_object_object_add(o, "file", json_object_new_string(f->name));
    json_object_object_add(o, "start", json_object_new_int64(span.start));
    json_object_object_add(o, "end", json_object_new_int64(span.end));
    json_object_object_add(o, "line", json_object_new_int64(line));
    json_object_object_add(o, "column", json_object_new_int64(col));
    json_object_object_add(o, "end_line", json_object_new_int64(eline));
    json_object_object_add(o, "end_column", json_object_new_int64(ecol));
    return o;
}

char *diag_render_json(const DiagEngine *d)
{
    json_object *arr = json_object_new_array();
    for (size_t i = 0; i < d->list.len; i++) {
        const Diag *g = d->list.items[i];
        json_object *o = json_object_new_object();
        json_object *sp = span_json(d, g->span);
        json_object_object_add(o, "file",
                               sp ? json_object_get(json_object_object_get(sp, "file")) : NULL);
        json_object_object_add(o, "severity", json_object_new_string(sev_name(g->sev)));
        json_object_object_add(o, "code", g->code ? json_object_new_string(g->code) : NULL);
        json_object_object_add(o, "message", json_object_new_string(g->msg));
        json_object_object_add(o, "span", sp);
        json_object *notes = json_object_new_array();
        for (size_t j = 0; j < g->notes.len; j++) {
            const DiagNote *n = &g->notes.items[j];
            json_object *no = json_object_new_object();
            json_object_object_add(no, "severity", json_object_new_string(sev_name(n->sev)));
            json_object_object_add(no, "message", json_object_new_string(n->msg));
            json_object_object_add(no, "span", span_json(d, n->span));
            json_object_array_add(notes, no);
        }
        json_object_object_add(o, "notes", notes);
        json_object_array_add(arr, o);
    }
    if (d->truncated) {
        json_object *o = json_object_new_object();
        json_object_object_add(o, "file", NULL);
        json_object_object_add(o, "severity", json_object_new_string("error"));
        json_object_object_add(o, "code", NULL);
        char msg[96];
        snprintf(msg, sizeof msg, "too many errors (%zu); only the first %d are shown", d->nerrors, DIAG_MAX_ERRORS);
        json_object_object_add(o, "message", json_object_new_string(msg));
        json_object_object_add(o, "span", NULL);
        json_object_object_add(o, "notes", json_object_new_array());
        json_object_array_add(arr, o);
    }
    char *out = diag_json_text(arr);
    json_object_put(arr);
    return out;
}

char *diag_json_text(struct json_object *o)
{
    const char *s = json_object_to_json_string_ext(o, JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED |
                                                          JSON_C_TO_STRING_NOSLASHESCAPE);
    size_t n = strlen(s);
    char *out = malloc(n + 2);
    if (!out)
        abort();
    memcpy(out, s, n);
    out[n] = '\n';
    out[n + 1] = '\0';
    return out;
}

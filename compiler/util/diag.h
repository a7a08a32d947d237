/* Diagnostics: every stage reports through here, never by printing. */
#ifndef POLC_DIAG_H
#define POLC_DIAG_H
#include <stdbool.h>
#include <stddef.h>

#include "util/arena.h"
#include "util/source.h"

typedef enum Severity { SEV_ERROR, SEV_WARNING, SEV_NOTE, SEV_HELP } Severity;

typedef struct DiagNote {
    Severity sev; /* SEV_NOTE or SEV_HELP */
    Span span;    /* may be SPAN_NONE */
    const char *msg;
} DiagNote;

typedef struct Diag {
    Severity sev;
    const char *code; /* "E0210", "W0002" */
    Span span;
    const char *msg;
    VEC(DiagNote) notes;
} Diag;

#define DIAG_MAX_ERRORS 20

typedef struct DiagEngine {
    Arena *arena;
    const SourceMap *sm;
    VEC(Diag *) list;
    size_t nerrors, nwarnings;
    bool truncated; /* errors beyond DIAG_MAX_ERRORS were dropped */
    bool install_error; /* polc's own files are missing */
    bool internal_error; /* an E0499 (a bug in polc) was reported: exit status 2, not 1 */
    Diag sink;      /* absorbs notes added to dropped diagnostics */
} DiagEngine;

void diag_init(DiagEngine *d, Arena *a, const SourceMap *sm);
Diag *diag_error(DiagEngine *d, const char *code, Span span, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
Diag *diag_warning(DiagEngine *d, const char *code, Span span, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void diag_note(DiagEngine *d, Diag *diag, Span span, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void diag_help(DiagEngine *d, Diag *diag, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Forget the warnings reported since the list held `mark` diagnostics (the
 * checks that run on a file with syntax errors report only errors). */
void diag_drop_warnings_since(DiagEngine *d, size_t mark);

char *diag_render_text(const DiagEngine *d, bool color);
char *diag_render_json(const DiagEngine *d);
/* A JSON value as the JSON outputs write it (pretty, spaced, slashes as
 * they are), with a final newline; malloc'd. The value is the caller's. */
struct json_object;
char *diag_json_text(struct json_object *o);

#endif

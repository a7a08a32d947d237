/* SARIF 2.1.0 logs of polc's diagnostics (docs/sarif.md): one run, tool
 * polc, rules = the codes that appear, results in the order they are added.
 * A log is built from diagnostic engines, single results (polc diff's
 * widenings) and other rendered logs (several inputs make one log), then
 * rendered once. */
#ifndef POLC_SARIF_H
#define POLC_SARIF_H
#include <stdbool.h>

#include "util/diag.h"

/* The rule text of CODE: its one-line meaning and the document that explains
 * it ("docs/diagnostics.md"); NULL when CODE is unknown. */
typedef const char *(*SarifMeaningFn)(const char *code, const char **doc);

typedef struct SarifLog {
    struct json_object *results; /* array */
    struct json_object *rules;   /* object: code -> reportingDescriptor */
    struct json_object *notes;   /* array of toolExecutionNotifications */
    SarifMeaningFn meaning;
} SarifLog;

/* meaning NULL: the E and W codes of compiler/util/diag_codes.def only. */
void sarif_init(SarifLog *log, SarifMeaningFn meaning);
/* Every diagnostic of d as a result (notes as relatedLocations and message
 * lines; "too many errors" as a tool notification). */
void sarif_add_diags(SarifLog *log, const DiagEngine *d);
/* One result of CODE about the file PATH (NULL: no location) as a whole
 * (region: its first line). */
void sarif_add_file_result(SarifLog *log, const char *code, Severity sev, const char *msg, const char *path);
/* The results, rules and notifications of a log sarif_render made; false
 * when TEXT is not one. */
bool sarif_add_log(SarifLog *log, const char *text);
/* The log as pretty-printed JSON with a final newline (malloc'd); frees the
 * log's parts. */
char *sarif_render(SarifLog *log, const char *tool_version);

/* PATH (as diagnostics name a file) as a URI reference: relative to the
 * current directory when it is inside it, else a file:// URI; characters
 * outside RFC 3986's unreserved set and '/' are percent-encoded (malloc'd). */
char *sarif_uri(const char *path);

#endif

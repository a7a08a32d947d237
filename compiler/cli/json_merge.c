/* Commands that take several files print one JSON array of diagnostics with
 * --diagnostics-format=json: the entries of each file's array, in order;
 * with --diagnostics-format=sarif one SARIF log (util/sarif.h merges). */
#include <stdlib.h>
#include <string.h>

#include "cli/commands.h"
#include "polc/polc.h"
#include "util/sarif.h"

int cli_json_merge(CliJsonArray *arr, const char *rendered)
{
    const char *open = strchr(rendered, '['), *close = strrchr(rendered, ']');
    if (!open || !close || close <= open)
        return 0;
    size_t inner = (size_t)(close - open - 1);
    if (strspn(open + 1, " \n") >= inner)
        return 0; /* an empty array */
    char *grown = realloc(arr->text, arr->len + inner + 2);
    if (!grown)
        return -1;
    arr->text = grown;
    if (arr->len)
        arr->text[arr->len++] = ',';
    memcpy(arr->text + arr->len, open + 1, inner);
    arr->len += inner;
    arr->text[arr->len] = '\0';
    return 0;
}

void cli_json_print(CliJsonArray *arr, FILE *out)
{
    fprintf(out, "[%s]\n", arr->text ? arr->text : "");
    free(arr->text);
    arr->text = NULL;
    arr->len = 0;
}

void cli_sarif_print(SarifLog *log, int print, FILE *out)
{
    char *s = sarif_render(log, polc_version());
    if (print)
        fputs(s, out);
    free(s);
}

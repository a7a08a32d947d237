/* SARIF 2.1.0 logs of diagnostics (sarif.h, docs/sarif.md). */
#include "util/sarif.h"
#include "util/diag_codes.h"

#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define SARIF_SCHEMA "https://json.schemastore.org/sarif-2.1.0.json"

static const char *registry_meaning(const char *code, const char **doc)
{
    const DiagCodeInfo *i = diag_code_lookup(code);
    *doc = "docs/diagnostics.md";
    return i ? i->meaning : NULL;
}

void sarif_init(SarifLog *log, SarifMeaningFn meaning)
{
    log->results = json_object_new_array();
    log->rules = json_object_new_object();
    log->notes = json_object_new_array();
    log->meaning = meaning ? meaning : registry_meaning;
}

static json_object *text_obj(const char *text)
{
    json_object *o = json_object_new_object();
    json_object_object_add(o, "text", json_object_new_string(text));
    return o;
}

static const char *level_name(Severity s)
{
    return s == SEV_ERROR ? "error" : s == SEV_WARNING ? "warning" : "note";
}

static void add_rule(SarifLog *log, const char *code)
{
    if (!code || json_object_object_get_ex(log->rules, code, NULL))
        return;
    json_object *r = json_object_new_object();
    json_object_object_add(r, "id", json_object_new_string(code));
    const char *doc = NULL;
    const char *meaning = log->meaning(code, &doc);
    if (meaning) {
        json_object_object_add(r, "shortDescription", text_obj(meaning));
        size_t n = strlen(code) + strlen(meaning) + (doc ? strlen(doc) : 0) + 32;
        char *help = malloc(n);
        if (!help)
            abort();
        if (doc)
            snprintf(help, n, "%s: %s. See %s.", code, meaning, doc);
        else
            snprintf(help, n, "%s: %s.", code, meaning);
        json_object_object_add(r, "help", text_obj(help));
        free(help);
    }
    json_object *cfg = json_object_new_object();
    json_object_object_add(cfg, "level", json_object_new_string(code[0] == 'E' ? "error" : "warning"));
    json_object_object_add(r, "defaultConfiguration", cfg);
    json_object_object_add(log->rules, code, r);
}

static bool unreserved(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
           c == '_' || c == '~' || c == '/';
}

static void encode(StrBuf *sb, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (unreserved(*p))
            sb_putc(sb, (char)*p);
        else
            sb_printf(sb, "%%%02X", *p);
    }
}

char *sarif_uri(const char *path)
{
    StrBuf sb;
    sb_init(&sb);
    while (path[0] == '.' && path[1] == '/') {
        path += 2;
        while (*path == '/')
            path++;
    }
    if (path[0] == '/') {
        char cwd[4096];
        size_t n = getcwd(cwd, sizeof cwd) ? strlen(cwd) : 0;
        if (n > 1 && strncmp(path, cwd, n) == 0 && path[n] == '/' && path[n + 1]) {
            encode(&sb, path + n + 1);
        } else {
            sb_puts(&sb, "file://");
            encode(&sb, path);
        }
    } else {
        encode(&sb, path);
    }
    return sb_take(&sb);
}

/* The 1-based column of offset in code points (SARIF's unicodeCodePoints). */
static unsigned cp_column(const SourceFile *f, uint32_t offset, unsigned line)
{
    uint32_t start = f->line_starts[line - 1];
    unsigned col = 1;
    for (uint32_t i = start; i < offset && i < f->len; i++)
        if (((unsigned char)f->text[i] & 0xC0) != 0x80)
            col++;
    return col;
}

static json_object *artifact(const char *path)
{
    json_object *a = json_object_new_object();
    char *uri = sarif_uri(path);
    json_object_object_add(a, "uri", json_object_new_string(uri));
    free(uri);
    return a;
}

static json_object *physical(const char *path, json_object *region)
{
    json_object *p = json_object_new_object();
    json_object_object_add(p, "artifactLocation", artifact(path));
    json_object_object_add(p, "region", region);
    return p;
}

/* {"physicalLocation": ...} of a span, or NULL when it has none. */
static json_object *span_location(const DiagEngine *d, Span span)
{
    const SourceFile *f = span_valid(span) ? source_get(d->sm, span.file) : NULL;
    if (!f)
        return NULL;
    unsigned line, col, eline, ecol;
    source_linecol(f, span.start, &line, &col);
    uint32_t end = span.end >= span.start ? span.end : span.start;
    source_linecol(f, end, &eline, &ecol);
    json_object *r = json_object_new_object();
    json_object_object_add(r, "startLine", json_object_new_int64(line));
    json_object_object_add(r, "startColumn", json_object_new_int64(cp_column(f, span.start, line)));
    json_object_object_add(r, "endLine", json_object_new_int64(eline));
    json_object_object_add(r, "endColumn", json_object_new_int64(cp_column(f, end, eline)));
    json_object *l = json_object_new_object();
    json_object_object_add(l, "physicalLocation", physical(f->name, r));
    return l;
}

static json_object *new_result(const char *code, Severity sev, const char *text)
{
    json_object *o = json_object_new_object();
    if (code)
        json_object_object_add(o, "ruleId", json_object_new_string(code));
    json_object_object_add(o, "level", json_object_new_string(level_name(sev)));
    json_object_object_add(o, "message", text_obj(text));
    return o;
}

void sarif_add_diags(SarifLog *log, const DiagEngine *d)
{
    for (size_t i = 0; i < d->list.len; i++) {
        const Diag *g = d->list.items[i];
        StrBuf msg;
        sb_init(&msg);
        sb_puts(&msg, g->msg);
        for (size_t j = 0; j < g->notes.len; j++)
            sb_printf(&msg, "\n%s: %s", g->notes.items[j].sev == SEV_HELP ? "help" : "note", g->notes.items[j].msg);
        char *text = sb_take(&msg);
        json_object *o = new_result(g->code, g->sev, text);
        free(text);
        add_rule(log, g->code);
        json_object *loc = span_location(d, g->span);
        if (loc) {
            json_object *locs = json_object_new_array();
            json_object_array_add(locs, loc);
            json_object_object_add(o, "locations", locs);
        }
        json_object *related = NULL;
        for (size_t j = 0; j < g->notes.len; j++) {
            json_object *rl = span_location(d, g->notes.items[j].span);
            if (!rl)
                continue;
            if (!related)
                related = json_object_new_array();
            json_object_object_add(rl, "id", json_object_new_int64((int64_t)json_object_array_length(related)));
            json_object_object_add(rl, "message", text_obj(g->notes.items[j].msg));
            json_object_array_add(related, rl);
        }
        if (related)
            json_object_object_add(o, "relatedLocations", related);
        json_object_array_add(log->results, o);
    }
    if (d->truncated) {
        char msg[96];
        snprintf(msg, sizeof msg, "too many errors (%zu); only the first %d are shown", d->nerrors, DIAG_MAX_ERRORS);
        json_object *n = json_object_new_object();
        json_object_object_add(n, "level", json_object_new_string("error"));
        json_object_object_add(n, "message", text_obj(msg));
        json_object_array_add(log->notes, n);
    }
}

void sarif_add_file_result(SarifLog *log, const char *code, Severity sev, const char *msg, const char *path)
{
    json_object *o = new_result(code, sev, msg);
    add_rule(log, code);
    if (path) {
        json_object *r = json_object_new_object();
        json_object_object_add(r, "startLine", json_object_new_int64(1));
        json_object *l = json_object_new_object();
        json_object_object_add(l, "physicalLocation", physical(path, r));
        json_object *locs = json_object_new_array();
        json_object_array_add(locs, l);
        json_object_object_add(o, "locations", locs);
    }
    json_object_array_add(log->results, o);
}

bool sarif_add_log(SarifLog *log, const char *text)
{
    json_object *root = json_tokener_parse(text), *runs, *run, *x;
    if (!root || !json_object_object_get_ex(root, "runs", &runs) || json_object_array_length(runs) != 1) {
        json_object_put(root);
        return false;
    }
    run = json_object_array_get_idx(runs, 0);
    if (json_object_object_get_ex(run, "results", &x))
        for (size_t i = 0; i < json_object_array_length(x); i++)
            json_object_array_add(log->results, json_object_get(json_object_array_get_idx(x, i)));
    json_object *tool, *driver, *rules;
    if (json_object_object_get_ex(run, "tool", &tool) && json_object_object_get_ex(tool, "driver", &driver) &&
        json_object_object_get_ex(driver, "rules", &rules))
        for (size_t i = 0; i < json_object_array_length(rules); i++) {
            json_object *r = json_object_array_get_idx(rules, i), *id;
            if (json_object_object_get_ex(r, "id", &id) &&
                !json_object_object_get_ex(log->rules, json_object_get_string(id), NULL))
                json_object_object_add(log->rules, json_object_get_string(id), json_object_get(r));
        }
    json_object *inv, *notes;
    if (json_object_object_get_ex(run, "invocations", &inv) && json_object_array_length(inv) > 0 &&
        json_object_object_get_ex(json_object_array_get_idx(inv, 0), "toolExecutionNotifications", &notes))
        for (size_t i = 0; i < json_object_array_length(notes); i++)
            json_object_array_add(log->notes, json_object_get(json_object_array_get_idx(notes, i)));
    json_object_put(root);
    return true;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

char *sarif_render(SarifLog *log, const char *tool_version)
{
    json_object *driver = json_object_new_object();
    json_object_object_add(driver, "name", json_object_new_string("polc"));
    json_object_object_add(driver, "version", json_object_new_string(tool_version));
    size_t nrules = (size_t)json_object_object_length(log->rules), k = 0;
    const char **ids = malloc((nrules ? nrules : 1) * sizeof *ids);
    if (!ids)
        abort();
    json_object_object_foreach(log->rules, key, val) {
        (void)val;
        ids[k++] = key;
    }
    qsort(ids, nrules, sizeof *ids, cmp_str);
    json_object *rules = json_object_new_array();
    for (size_t i = 0; i < nrules; i++)
        json_object_array_add(rules, json_object_get(json_object_object_get(log->rules, ids[i])));
    free(ids);
    json_object_object_add(driver, "rules", rules);
    json_object *tool = json_object_new_object();
    json_object_object_add(tool, "driver", driver);
    json_object *run = json_object_new_object();
    json_object_object_add(run, "tool", tool);
    if (json_object_array_length(log->notes) > 0) {
        json_object *inv = json_object_new_object();
        json_object_object_add(inv, "executionSuccessful", json_object_new_boolean(1));
        json_object_object_add(inv, "toolExecutionNotifications", json_object_get(log->notes));
        json_object *invs = json_object_new_array();
        json_object_array_add(invs, inv);
        json_object_object_add(run, "invocations", invs);
    }
    json_object_object_add(run, "columnKind", json_object_new_string("unicodeCodePoints"));
    json_object_object_add(run, "results", json_object_get(log->results));
    json_object *runs = json_object_new_array();
    json_object_array_add(runs, run);
    json_object *root = json_object_new_object();
    json_object_object_add(root, "$schema", json_object_new_string(SARIF_SCHEMA));
    json_object_object_add(root, "version", json_object_new_string("2.1.0"));
    json_object_object_add(root, "runs", runs);
    char *out = diag_json_text(root);
    json_object_put(root);
    json_object_put(log->results);
    json_object_put(log->rules);
    json_object_put(log->notes);
    log->results = log->rules = log->notes = NULL;
    return out;
}

/* The language server's loop: LSP's lifecycle (initialize, shutdown,
 * exit), full-text document sync with diagnostics published after every
 * change, and the requests of features.c. Requests are answered in order;
 * a compilation takes milliseconds (docs/performance.md), so nothing is
 * debounced or cancelled. */
#include <stdlib.h>
#include <string.h>

#include "lsp/document.h"
#include "lsp/lsp.h"
#include "lsp/rpc.h"

enum { RPC_PARSE_ERROR = -32700, RPC_INVALID_REQUEST = -32600, RPC_METHOD_NOT_FOUND = -32601,
       RPC_INVALID_PARAMS = -32602, LSP_NOT_INITIALIZED = -32002 };

typedef struct Server {
    FILE *out;
    const polc_ctx *like;
    bool initialized, shut_down;
    LspDoc *docs;
    size_t ndocs, cap;
} Server;

static LspDoc *find_doc(Server *sv, const char *uri)
{
    for (size_t i = 0; i < sv->ndocs; i++)
        if (strcmp(sv->docs[i].uri, uri) == 0)
            return &sv->docs[i];
    return NULL;
}

static const char *str_at(json_object *o, const char *key)
{
    json_object *v;
    return o && json_object_object_get_ex(o, key, &v) && json_object_is_type(v, json_type_string)
               ? json_object_get_string(v)
               : NULL;
}

static json_object *obj_at(json_object *o, const char *key)
{
    json_object *v;
    return o && json_object_object_get_ex(o, key, &v) && json_object_is_type(v, json_type_object) ? v : NULL;
}

static bool pos_at(json_object *params, LspPos *pos)
{
    json_object *p = obj_at(params, "position"), *l, *c;
    if (!p || !json_object_object_get_ex(p, "line", &l) || !json_object_object_get_ex(p, "character", &c) ||
        !json_object_is_type(l, json_type_int) || !json_object_is_type(c, json_type_int))
        return false;
    int64_t line = json_object_get_int64(l), ch = json_object_get_int64(c);
    if (line < 0 || ch < 0 || line > UINT32_MAX || ch > UINT32_MAX)
        return false;
    *pos = (LspPos){(uint32_t)line, (uint32_t)ch};
    return true;
}

static void publish(Server *sv, const LspDoc *d, bool cleared)
{
    json_object *p = json_object_new_object();
    json_object_object_add(p, "uri", json_object_new_string(d->uri));
    if (!cleared)
        json_object_object_add(p, "version", json_object_new_int64(d->version));
    json_object_object_add(p, "diagnostics", cleared ? json_object_new_array() : lsp_doc_diagnostics(d));
    rpc_notify(sv->out, "textDocument/publishDiagnostics", p);
}

static void set_text(LspDoc *d, const char *text, size_t len)
{
    free(d->text);
    d->text = malloc(len + 1);
    if (d->text) {
        memcpy(d->text, text, len);
        d->text[len] = '\0';
    }
    d->len = d->text ? len : 0;
}

static void did_open(Server *sv, json_object *params)
{
    json_object *td = obj_at(params, "textDocument"), *text, *ver;
    const char *uri = str_at(td, "uri");
    if (!uri || !json_object_object_get_ex(td, "text", &text) || !json_object_is_type(text, json_type_string))
        return;
    LspDoc *d = find_doc(sv, uri);
    if (!d) {
        if (sv->ndocs == sv->cap) {
            size_t cap = sv->cap ? 2 * sv->cap : 8;
            LspDoc *n = realloc(sv->docs, cap * sizeof *n);
            if (!n)
                return;
            sv->docs = n, sv->cap = cap;
        }
        d = &sv->docs[sv->ndocs++];
        memset(d, 0, sizeof *d);
        d->uri = strdup(uri);
        d->path = lsp_uri_to_path(uri);
    }
    set_text(d, json_object_get_string(text), (size_t)json_object_get_string_len(text));
    d->version = json_object_object_get_ex(td, "version", &ver) ? json_object_get_int64(ver) : 0;
    lsp_doc_compile(d, sv->like);
    publish(sv, d, false);
}

static void did_change(Server *sv, json_object *params)
{
    json_object *td = obj_at(params, "textDocument"), *changes, *ver;
    LspDoc *d = find_doc(sv, str_at(td, "uri") ? str_at(td, "uri") : "");
    if (!d || !json_object_object_get_ex(params, "contentChanges", &changes) ||
        !json_object_is_type(changes, json_type_array))
        return;
    /* full sync (textDocumentSync 1): the last change holds the whole text */
    size_t n = json_object_array_length(changes);
    json_object *last = n ? json_object_array_get_idx(changes, n - 1) : NULL, *text;
    if (!last || !json_object_object_get_ex(last, "text", &text) || !json_object_is_type(text, json_type_string))
        return;
    set_text(d, json_object_get_string(text), (size_t)json_object_get_string_len(text));
    if (json_object_object_get_ex(td, "version", &ver))
        d->version = json_object_get_int64(ver);
    lsp_doc_compile(d, sv->like);
    publish(sv, d, false);
}

static void did_close(Server *sv, json_object *params)
{
    LspDoc *d = find_doc(sv, str_at(obj_at(params, "textDocument"), "uri") ?: "");
    if (!d)
        return;
    publish(sv, d, true);
    lsp_doc_free(d);
    *d = sv->docs[--sv->ndocs];
}

static json_object *capabilities(void)
{
    json_object *caps = json_object_new_object(), *sync = json_object_new_object(), *comp = json_object_new_object();
    json_object_object_add(sync, "openClose", json_object_new_boolean(1));
    json_object_object_add(sync, "change", json_object_new_int(1));
    json_object_object_add(caps, "textDocumentSync", sync);
    json_object_object_add(caps, "hoverProvider", json_object_new_boolean(1));
    json_object *trig = json_object_new_array();
    json_object_array_add(trig, json_object_new_string("@"));
    json_object_object_add(comp, "triggerCharacters", trig);
    json_object_object_add(caps, "completionProvider", comp);
    json_object_object_add(caps, "definitionProvider", json_object_new_boolean(1));
    json_object_object_add(caps, "documentFormattingProvider", json_object_new_boolean(1));
    json_object_object_add(caps, "documentSymbolProvider", json_object_new_boolean(1));
    json_object *r = json_object_new_object(), *info = json_object_new_object();
    json_object_object_add(r, "capabilities", caps);
    json_object_object_add(info, "name", json_object_new_string("polc"));
    json_object_object_add(info, "version", json_object_new_string(polc_version()));
    json_object_object_add(r, "serverInfo", info);
    return r;
}

/* A request about one open document at one position (or none). */
static void document_request(Server *sv, json_object *id, const char *method, json_object *params)
{
    LspDoc *d = find_doc(sv, str_at(obj_at(params, "textDocument"), "uri") ?: "");
    LspPos pos = {0, 0};
    bool positional = strcmp(method, "textDocument/hover") == 0 || strcmp(method, "textDocument/completion") == 0 ||
                      strcmp(method, "textDocument/definition") == 0;
    if (!d || (positional && !pos_at(params, &pos))) {
        rpc_respond_error(sv->out, id, RPC_INVALID_PARAMS, d ? "no position" : "the document is not open");
        return;
    }
    json_object *r = NULL;
    if (strcmp(method, "textDocument/hover") == 0)
        r = lsp_hover(d, pos);
    else if (strcmp(method, "textDocument/completion") == 0)
        r = lsp_completion(d, pos);
    else if (strcmp(method, "textDocument/definition") == 0)
        r = lsp_definition(d, pos);
    else if (strcmp(method, "textDocument/documentSymbol") == 0)
        r = lsp_document_symbols(d);
    else
        r = lsp_formatting(d);
    rpc_respond(sv->out, id, r);
}

static const char *const DOCUMENT_REQUESTS[] = {"textDocument/hover", "textDocument/completion",
                                                "textDocument/definition", "textDocument/documentSymbol",
                                                "textDocument/formatting", NULL};

/* One message; false after `exit`. */
static bool handle(Server *sv, json_object *msg, int *status)
{
    json_object *id = NULL, *params = NULL;
    bool is_request = json_object_object_get_ex(msg, "id", &id);
    json_object_object_get_ex(msg, "params", &params);
    const char *method = str_at(msg, "method");
    if (!method) {
        if (is_request) /* a response to us (we send no requests) or junk */
            rpc_respond_error(sv->out, id, RPC_INVALID_REQUEST, "a request needs a method");
        return true;
    }
    if (strcmp(method, "exit") == 0) {
        *status = sv->shut_down ? 0 : 1;
        return false;
    }
    if (strcmp(method, "initialize") == 0) {
        sv->initialized = true;
        if (is_request)
            rpc_respond(sv->out, id, capabilities());
        return true;
    }
    if (!sv->initialized) {
        if (is_request)
            rpc_respond_error(sv->out, id, LSP_NOT_INITIALIZED, "initialize first");
        return true;
    }
    if (strcmp(method, "shutdown") == 0) {
        sv->shut_down = true;
        if (is_request)
            rpc_respond(sv->out, id, NULL);
        return true;
    }
    if (sv->shut_down) {
        if (is_request)
            rpc_respond_error(sv->out, id, RPC_INVALID_REQUEST, "the server is shutting down");
        return true;
    }
    if (strcmp(method, "textDocument/didOpen") == 0)
        did_open(sv, params);
    else if (strcmp(method, "textDocument/didChange") == 0)
        did_change(sv, params);
    else if (strcmp(method, "textDocument/didClose") == 0)
        did_close(sv, params);
    else if (is_request) {
        for (const char *const *m = DOCUMENT_REQUESTS; *m; m++)
            if (strcmp(method, *m) == 0) {
                document_request(sv, id, method, params);
                return true;
            }
        rpc_respond_error(sv->out, id, RPC_METHOD_NOT_FOUND, "polc lsp does not implement this method");
    }
    return true; /* other notifications ($/cancelRequest, initialized, …) need nothing */
}

int lsp_serve(FILE *in, FILE *out, const polc_ctx *like)
{
    Server sv = {out, like, false, false, NULL, 0, 0};
    int status = 1;
    for (;;) {
        json_object *msg;
        RpcRead r = rpc_read(in, &msg);
        if (r == RPC_EOF || r == RPC_BAD_FRAME)
            break; /* the client is gone, or the stream is out of step */
        if (r == RPC_BAD_JSON) {
            rpc_respond_error(out, NULL, RPC_PARSE_ERROR, "the message is not a JSON object");
            continue;
        }
        bool go_on = handle(&sv, msg, &status);
        json_object_put(msg);
        if (!go_on)
            break;
    }
    for (size_t i = 0; i < sv.ndocs; i++)
        lsp_doc_free(&sv.docs[i]);
    free(sv.docs);
    return status;
}

/* LSP's base protocol: `Content-Length: N` (and optionally Content-Type)
 * header lines ending in CRLF, an empty line, then N bytes of JSON. */
#include "lsp/rpc.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/polc_limits.h"

/* One header line without its CRLF; false at EOF or on a line too long. */
static bool read_header_line(FILE *in, char *buf, size_t cap, bool *eof)
{
    size_t n = 0;
    int c;
    *eof = false;
    while ((c = getc(in)) != EOF) {
        if (c == '\n') {
            if (n && buf[n - 1] == '\r')
                n--;
            buf[n] = '\0';
            return true;
        }
        if (n + 1 >= cap)
            return false;
        buf[n++] = (char)c;
    }
    *eof = n == 0;
    return false;
}

RpcRead rpc_read(FILE *in, json_object **msg)
{
    *msg = NULL;
    char line[256];
    long length = -1;
    bool eof, any = false;
    for (;;) {
        if (!read_header_line(in, line, sizeof line, &eof))
            return eof && !any ? RPC_EOF : RPC_BAD_FRAME;
        if (!line[0])
            break;
        any = true;
        if (strncasecmp(line, "Content-Length:", 15) == 0) {
            char *end;
            length = strtol(line + 15, &end, 10);
            while (*end == ' ')
                end++;
            if (*end || length < 0)
                return RPC_BAD_FRAME;
        } else if (strncasecmp(line, "Content-Type:", 13) != 0) {
            return RPC_BAD_FRAME;
        }
    }
    /* a policy is at most POLC_MAX_SOURCE_BYTES; its JSON escaping at most 6x */
    if (length < 0 || length > 6L * POLC_MAX_SOURCE_BYTES + 65536)
        return RPC_BAD_FRAME;
    char *body = malloc((size_t)length + 1);
    if (!body)
        return RPC_BAD_FRAME;
    if (fread(body, 1, (size_t)length, in) != (size_t)length) {
        free(body);
        return RPC_BAD_FRAME;
    }
    body[length] = '\0';
    json_tokener *tok = json_tokener_new();
    json_object *obj = tok ? json_tokener_parse_ex(tok, body, (int)length) : NULL;
    bool whole = tok && json_tokener_get_error(tok) == json_tokener_success &&
                 json_tokener_get_parse_end(tok) == (size_t)length;
    if (tok)
        json_tokener_free(tok);
    free(body);
    if (!obj || !whole || !json_object_is_type(obj, json_type_object)) {
        json_object_put(obj);
        return RPC_BAD_JSON;
    }
    *msg = obj;
    return RPC_MESSAGE;
}

void rpc_send(FILE *out, json_object *msg)
{
    size_t len;
    const char *text = json_object_to_json_string_length(msg, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE,
                                                         &len);
    fprintf(out, "Content-Length: %zu\r\n\r\n", len);
    fwrite(text, 1, len, out);
    fflush(out);
    json_object_put(msg);
}

static json_object *envelope(void)
{
    json_object *m = json_object_new_object();
    json_object_object_add(m, "jsonrpc", json_object_new_string("2.0"));
    return m;
}

void rpc_respond(FILE *out, json_object *id, json_object *result)
{
    json_object *m = envelope();
    json_object_object_add(m, "id", json_object_get(id));
    json_object_object_add(m, "result", result);
    rpc_send(out, m);
}

void rpc_respond_error(FILE *out, json_object *id, int code, const char *message)
{
    json_object *m = envelope();
    json_object_object_add(m, "id", json_object_get(id));
    json_object *e = json_object_new_object();
    json_object_object_add(e, "code", json_object_new_int(code));
    json_object_object_add(e, "message", json_object_new_string(message));
    json_object_object_add(m, "error", e);
    rpc_send(out, m);
}

void rpc_notify(FILE *out, const char *method, json_object *params)
{
    json_object *m = envelope();
    json_object_object_add(m, "method", json_object_new_string(method));
    json_object_object_add(m, "params", params);
    rpc_send(out, m);
}

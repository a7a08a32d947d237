/* JSON-RPC messages with LSP's base protocol framing (rpc.c). */
#ifndef POLC_LSP_RPC_H
#define POLC_LSP_RPC_H
#include <json-c/json.h>
#include <stdio.h>

typedef enum RpcRead { RPC_MESSAGE, RPC_EOF, RPC_BAD_FRAME, RPC_BAD_JSON } RpcRead;

/* The next message from in: RPC_MESSAGE with *msg owned by the caller,
 * RPC_EOF at end of input, RPC_BAD_FRAME for a header LSP does not allow
 * (the stream cannot be trusted after it), RPC_BAD_JSON for a body that is
 * not a JSON object (the next message can still be read). */
RpcRead rpc_read(FILE *in, json_object **msg);
/* Write msg (consumed) with its Content-Length header, then flush. */
void rpc_send(FILE *out, json_object *msg);
/* A response to id (borrowed): result (consumed) or, when message is not
 * NULL, an error with that code. */
void rpc_respond(FILE *out, json_object *id, json_object *result);
void rpc_respond_error(FILE *out, json_object *id, int code, const char *message);
/* A notification: method and params (consumed). */
void rpc_notify(FILE *out, const char *method, json_object *params);

#endif

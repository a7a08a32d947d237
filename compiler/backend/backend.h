/* Back ends: each turns the IR (and the model) into one output format. A back
 * end that cannot express the policy exactly reports an error and returns
 * false; it never emits something weaker. */
#ifndef POLC_BACKEND_H
#define POLC_BACKEND_H
#include <stdbool.h>

#include "../compile.h"

bool backend_docker_json(polc_ctx *ctx, StrBuf *out);

#endif

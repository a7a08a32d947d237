/* Queries of the resolved model (compile.h) shared by back ends and review
 * tools (model.c). */
#ifndef POLC_MODEL_H
#define POLC_MODEL_H
#include <stdbool.h>

#include "middle/policy.h"

/* Whether the network section lets a socket of (family, type) be created (a
 * deny wins; with no allow entry everything else is allowed); *by (may be
 * NULL) is the deciding entry. Also used by polc diff. */
bool net_allowed(const Policy *policy, const char *fam, const char *type, const NetRule **by);

#endif

/* The resources section into Policy.resources (resolve stage). */
#ifndef POLC_RESOLVE_RESOURCES_H
#define POLC_RESOLVE_RESOURCES_H
#include "compile.h"

/* One `resources { ... }` statement; a second one in the compilation, its
 * includes' included, is E0325. */
void resolve_resources_section(polc_ctx *ctx, const Stmt *s);

#endif

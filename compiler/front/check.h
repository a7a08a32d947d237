/* Type checking of argument conditions against syscall signatures. */
#ifndef POLC_CHECK_H
#define POLC_CHECK_H
#include "compile.h"
#include "middle/cond.h"

/* The condition of rule r for syscall `sysname` on `arch` as a DNF. With
 * report set, problems become diagnostics; returns false on any problem. */
bool rule_cond_dnf(polc_ctx *ctx, CondCtx *cc, const Rule *r, const char *sysname, ArchId arch,
                   bool report, Dnf *out);
bool resolve_value(polc_ctx *ctx, Expr *e, uint64_t *out);

#endif

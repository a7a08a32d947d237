/* Type checking of argument conditions against syscall signatures. */
#ifndef POLC_CHECK_H
#define POLC_CHECK_H
#include "compile.h"
#include "cond.h"

/* The condition of rule r for syscall `sysname` on `arch` as a DNF. With
 * report set, problems become diagnostics; returns false on any problem. */
bool rule_cond_dnf(polc_ctx *ctx, CondCtx *cc, const Rule *r, const char *sysname, ArchId arch,
                   bool report, Dnf *out);
bool resolve_value(polc_ctx *ctx, Expr *e, uint64_t *out);
/* socketcall(2)/ipc(2) multiplexing: the multiplexer and call number of a
 * socket or SysV IPC syscall name. */
bool muxed_call(const char *name, const char **muxer, uint32_t *call);
/* The reverse: the syscall that call number `call` of `muxer` stands for. */
const char *muxed_call_name(const char *muxer, uint32_t call);
bool arch_has_muxer(const polc_ctx *ctx, ArchId arch, const char *muxer);

#endif

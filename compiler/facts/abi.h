/* ABI facts shared by the stages, next to the syscall tables
 * (syscall_table.h): socketcall(2)/ipc(2) multiplexing. */
#ifndef POLC_ABI_H
#define POLC_ABI_H
#include <stdbool.h>
#include <stdint.h>

#include "facts/syscall_table.h"

/* socketcall(2)/ipc(2) multiplexing: the multiplexer and call number of a
 * socket or SysV IPC syscall name. */
bool muxed_call(const char *name, const char **muxer, uint32_t *call);
/* The reverse: the syscall that call number `call` of `muxer` stands for. */
const char *muxed_call_name(const char *muxer, uint32_t call);
bool arch_has_muxer(const SyscallDb *db, ArchId arch, const char *muxer);

#endif

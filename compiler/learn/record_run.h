/* polc learn --run: record CMD's syscalls through polc run's seccomp
 * user-notification supervisor (no strace), as a trace polc learn reads. */
#ifndef POLC_RECORD_RUN_H
#define POLC_RECORD_RUN_H
#include "polc/polc.h"

/* Runs argv (CMD ARGS...) with every syscall notified and allowed (CONTINUE),
 * writing one strace-style line per call of the host's arch to trace_path.
 * *cmd_status: CMD's exit status (128+N for signal N). POLC_OK, or an error
 * with diagnostics on ctx (CMD did not run, or its run was stopped). */
polc_status learn_record_run(polc_ctx *ctx, char *const *argv, const char *trace_path, int *cmd_status);

#endif

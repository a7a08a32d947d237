/* libpolc's self-sandboxing call: a program confines itself by a compiled
 * policy, as polc run confines CMD (the same run_prepare and run_enforce, the
 * same BPF bytes as NAME.bpf). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compile.h"
#include "polc/polc.h"
#include "run/run.h"

/* The kernel confines one thread per call (seccomp without TSYNC, Landlock,
 * capabilities): a process with other threads would keep them unconfined. */
static int thread_count(void)
{
    FILE *f = fopen("/proc/self/status", "r");
    if (!f)
        return -1;
    char line[256];
    int n = -1;
    while (fgets(line, sizeof line, f))
        if (sscanf(line, "Threads: %d", &n) == 1)
            break;
    fclose(f);
    return n;
}

polc_status polc_apply_self(polc_ctx *ctx)
{
    if (!ctx->compiled || ctx->diag.nerrors)
        return POLC_EUSAGE;
    int threads = thread_count();
    if (threads != 1) {
        Diag *g = diag_error(&ctx->diag, "E1130", SPAN_NONE,
                             "polc_apply_self: the process has %d threads; only the calling one would be confined",
                             threads);
        diag_help(&ctx->diag, g, "call polc_apply_self before creating threads");
        return POLC_EUSAGE;
    }
    char *bpf = NULL;
    size_t len = 0;
    /* the ports and scopes the BPF program cannot hold are Landlock's here,
     * as under polc run (run_prepare plans them) */
    bool was = ctx->opt.backend.landlock_enforced;
    ctx->opt.backend.landlock_enforced = true;
    polc_status st = polc_emit(ctx, POLC_TARGET_BPF, &bpf, &len);
    ctx->opt.backend.landlock_enforced = was;
    if (st != POLC_OK)
        return st;
    RunOptions ro = {0};
    EnforcePlan ep;
    if (!run_prepare(&ctx->policy, &ro, &ctx->diag, bpf, len, &ep)) {
        free(bpf);
        return POLC_EINPUT;
    }
    RunFailure f;
    bool ok = run_enforce(&ep, &f);
    free(bpf);
    if (!ok) {
        f.code[sizeof f.code - 1] = f.msg[sizeof f.msg - 1] = f.help[sizeof f.help - 1] = '\0';
        Diag *g = diag_error(&ctx->diag, arena_strdup(&ctx->arena, f.code), SPAN_NONE, "%s", f.msg);
        diag_help(&ctx->diag, g, "the process may be partly confined: it should exit");
        return POLC_EUSAGE;
    }
    return POLC_OK;
}

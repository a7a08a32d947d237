/* polc learn --run: the recorder. CMD runs under polc run's launcher with a
 * filter in which every syscall notifies (complain_filter's NOTIFY_EVERYTHING
 * scope: the transformation of a `default allow` policy for the host arch),
 * and the supervisor answers every call CONTINUE. Each call becomes one line
 * of an strace trace (`PID name(ARGS) = 0`, arguments as the complain report
 * decodes them, pointers as numbers, clone's flags by key as strace prints
 * them), so polc learn's parser and generator do the rest: one generator of
 * learned policies, whatever the input. The supervisor cannot see results
 * (CONTINUE lets the kernel run the call), so every call reads as returning
 * 0: the header's failure statistics do not apply to recorded runs. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/capability.h>

#include "compile.h"
#include "learn/record_run.h"
#include "middle/const_names.h"
#include "run/complain.h"

typedef struct Recorder {
    const Policy *p;
    ArchId arch;
    FILE *out;
    uint64_t calls, other_arch;
} Recorder;

static void record_call(void *vr, int listener, const struct seccomp_notif *req)
{
    Recorder *r = vr;
    ArchId arch;
    if (!arch_from_audit(req->data.arch, (uint32_t)req->data.nr, &arch) || arch != r->arch) {
        r->other_arch++;
        return;
    }
    const SyscallEntry *e = syscalldb_by_nr(&r->p->db, arch, (uint32_t)req->data.nr);
    if (!e)
        return;
    r->calls++;
    StrBuf sb;
    sb_init(&sb);
    if (strcmp(e->name, "clone") == 0) {
        sb_puts(&sb, "child_stack=NULL, flags=");
        const_format_arg_value(r->p, &sb, "clone", 0, req->data.args[0], false);
    } else {
        complain_format_args(r->p, listener, req, arch, e->name, false, &sb);
    }
    fprintf(r->out, "%u %s(%s) = 0\n", req->pid, e->name, sb.data ? sb.data : "");
    sb_free(&sb);
}

polc_status learn_record_run(polc_ctx *ctx, char *const *argv, const char *trace_path, int *cmd_status)
{
    ArchId host = arch_host();
    if (host == ARCH__COUNT) {
        diag_error(&ctx->diag, "E0217", SPAN_NONE, "polc does not know this host's architecture");
        return POLC_EUSAGE;
    }
    /* the recording's own policy: everything allowed, on the host's arch */
    polc_ctx *rc = compile_new_like(ctx);
    if (!rc)
        return POLC_EUSAGE;
    /* CMD keeps exactly the capabilities polc was started with (a policy
     * without a capabilities section would mean Docker's default set: a
     * recording under other privileges than the program's own run) */
    char text[4096];
    int tn = snprintf(text, sizeof text, "policy recording\narch %s\ndefault allow\ncapabilities { drop all",
                     arch_info(host)->name);
    cap_t now = cap_get_proc();
    const char *sep = "; add ";
    for (cap_value_t c = 0; now && c <= CAP_LAST_CAP && tn > 0 && (size_t)tn < sizeof text - 64; c++) {
        cap_flag_value_t v = CAP_CLEAR;
        char *name = cap_get_flag(now, c, CAP_EFFECTIVE, &v) == 0 && v == CAP_SET ? cap_to_name(c) : NULL;
        if (!name)
            continue;
        /* libcap says cap_net_raw, the language NET_RAW */
        tn += snprintf(text + tn, sizeof text - (size_t)tn, "%s", sep);
        for (const char *q = strncmp(name, "cap_", 4) == 0 ? name + 4 : name; *q && (size_t)tn < sizeof text - 2; q++)
            text[tn++] = (char)toupper((unsigned char)*q);
        text[tn] = '\0';
        sep = ", ";
        cap_free(name);
    }
    if (now)
        cap_free(now);
    snprintf(text + tn, sizeof text - (size_t)tn, " }\n");
    polc_set_verify_libseccomp(rc, 0);
    polc_status st = polc_compile_buffer(rc, "<polc learn --run>", text, strlen(text));
    FILE *out = st == POLC_OK ? fopen(trace_path, "w") : NULL;
    if (st == POLC_OK && !out) {
        diag_error(&ctx->diag, "E1122", SPAN_NONE, "polc learn --run: cannot write the recording `%s`", trace_path);
        st = POLC_EUSAGE;
    }
    if (st == POLC_OK) {
        Recorder r = {&rc->policy, host, out, 0, 0};
        SuperviseHooks h = {record_call, &r};
        RunOptions ro;
        memset(&ro, 0, sizeof ro);
        ro.backend = &rc->opt.backend;
        ro.record = &h;
        DiagEngine diag;
        diag_init(&diag, &rc->arena, &rc->sm);
        int status = run_launch(&rc->policy, &ro, &diag, NULL, 0, argv);
        fclose(out);
        if (status < 0) {
            /* polc run's diagnostics, on the learn context */
            char *t = diag_render_text(&diag, false);
            size_t n = strlen(t);
            while (n && t[n - 1] == '\n')
                t[--n] = '\0';
            Diag *g = diag_error(&ctx->diag, "E1122", SPAN_NONE, "polc learn --run: CMD was not recorded");
            diag_note(&ctx->diag, g, SPAN_NONE, "%s", t);
            free(t);
            st = POLC_EUSAGE;
        } else {
            *cmd_status = status;
        }
    }
    if (st != POLC_OK && rc->diag.nerrors) {
        char *d = polc_render_diagnostics(rc, POLC_DIAG_TEXT, 0);
        Diag *g = diag_error(&ctx->diag, "E1122", SPAN_NONE, "polc learn --run: the recording policy failed");
        diag_note(&ctx->diag, g, SPAN_NONE, "%s", d);
        free(d);
    }
    polc_free(rc);
    return st;
}

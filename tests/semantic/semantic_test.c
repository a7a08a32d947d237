/* Semantic test: a policy's Docker JSON, compiled by libseccomp the way runc
 * does it (tests/oracle), must give the same action as polc's IR for every
 * syscall number 0..1023 of each x86 target arch (and a few huge numbers),
 * over boundary argument vectors built from the constants the policy uses,
 * with Docker's default capability set and with CAP_SYS_ADMIN added.
 *
 * runc also puts an -ENOSYS stub in front of the filter for numbers above
 * the profile's largest known syscall; with the stub, a difference is only
 * allowed where polc denies and runc answers ENOSYS (still denied).
 *
 * usage: semantic_test STDLIB_DIR POLICY.pol */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <seccomp.h>

#include "backend/backend.h"
#include "bpf/asm.h"
#include "facts/abi.h"
#include "compile.h"
#include "middle/ir.h"
#include "oracle.h"
#include "../common/ir_test_values.h"

#define MAX_VALUES 64

static bool lets_through(uint32_t ret)
{
    uint32_t act = ret & SECCOMP_RET_ACTION_FULL;
    return act == SECCOMP_RET_ALLOW || act == SECCOMP_RET_LOG || act == SECCOMP_RET_TRACE ||
           act == SECCOMP_RET_USER_NOTIF;
}

static void collect_values(const polc_ctx *ctx, TestValues *vs)
{
    static const uint64_t boundaries[] = {0, 1, 2, 0x7fffffff, 0x80000000, 0xffffffff, 0x100000000ull,
                                          UINT64_MAX};
    for (size_t i = 0; i < sizeof boundaries / sizeof *boundaries; i++)
        test_values_add(vs, boundaries[i]);
    test_values_add_ir(vs, ctx->policy.ir, NULL);
}

static int test_cap_num(const polc_ctx *ctx, const char *name)
{
    const CapDef *c = strmap_get(&ctx->front.caps, name + 4); /* skip CAP_ */
    return c ? c->num : -1;
}

typedef struct Stats {
    size_t checked, mismatches, stub_diffs, bad_arch, bpf_checked;
} Stats;

/* exact/runc are NULL on arches the oracle does not cover (it emulates an
 * x86_64 host): there only polc's BPF is compared with the IR. */
static void check_arch(const polc_ctx *ctx, ArchId arch, const OracleFilter *exact, const OracleFilter *runc,
                       const BpfProgram *bpf, uint64_t capmask, const char *capdesc, const TestValues *vs, bool *skip_nr,
                       Stats *st)
{
    const ArchInfo *ai = arch_info(arch);
    uint32_t base = arch == ARCH_X32 ? 0x40000000u : 0;
    uint32_t extra[] = {0x7fffffffu, 0xffffffffu, 0x40000000u + 2000, 0xbfffffffu};
    size_t nnr = 1024 + sizeof extra / sizeof *extra;
    for (size_t i = 0; i < nnr; i++) {
        uint32_t nr = i < 1024 ? base + (uint32_t)i : extra[i - 1024];
        bool oracle_here = exact && !(i < 1024 && skip_nr[i]);
        /* vectors: all zero; one argument set to each value; all set to each value */
        size_t nvec = 1 + vs->n * 7;
        for (size_t v = 0; v < nvec; v++) {
            uint64_t args[6] = {0};
            if (v > 0) {
                size_t val = (v - 1) / 7, which = (v - 1) % 7;
                for (int k = 0; k < 6; k++)
                    if (which == 6 || (size_t)k == which)
                        args[k] = vs->v[val];
            }
            struct seccomp_data d = {(int)nr, ai->audit, 0, {0}};
            memcpy(d.args, args, sizeof args);
            IrVerdict iv = ir_eval(&ctx->policy, arch, nr, args, capmask);
            uint32_t want = ir_action_ret(iv.action);
            /* polc's own BPF must say exactly what the IR says; on a big-endian
             * arch the program reads the 64-bit arguments as that host lays
             * them out (high half first), so present them that way */
            struct seccomp_data dm = d;
            if (arch == ARCH_S390X)
                for (int k = 0; k < 6; k++)
                    dm.args[k] = (args[k] << 32) | (args[k] >> 32);
            BpfResult mine = bpf_run(bpf->insns, bpf->len, &dm);
            st->bpf_checked++;
            if (mine.error || mine.ret != want) {
                if (st->mismatches++ < 20)
                    fprintf(stderr, "BPF MISMATCH %s %s nr=%#x args=[%#llx,%#llx,%#llx,%#llx,%#llx,%#llx]: IR %#x, polc BPF %#x%s\n",
                            ai->name, capdesc, nr, (unsigned long long)args[0], (unsigned long long)args[1],
                            (unsigned long long)args[2], (unsigned long long)args[3], (unsigned long long)args[4],
                            (unsigned long long)args[5], want, mine.ret, mine.error ? " (interpreter error)" : "");
            }
            if (!oracle_here)
                continue;
            BpfResult got = oracle_eval(exact, &d);
            BpfResult got_runc = oracle_eval(runc, &d);
            st->checked++;
            /* and directly: polc's BPF against libseccomp's for the same rules
             * (an untargeted ABI: both kill, polc the process, libseccomp the thread) */
            if (iv.rule != IR_RULE_BAD_ARCH && mine.ret != got.ret && st->mismatches++ < 20)
                fprintf(stderr, "BPF vs LIBSECCOMP %s %s nr=%#x: polc %#x, libseccomp %#x\n", ai->name, capdesc, nr,
                        mine.ret, got.ret);
            if (iv.rule == IR_RULE_BAD_ARCH) {
                /* an ABI the policy does not target: each back end kills it,
                 * libseccomp with its bad-arch action (kill-thread) */
                uint32_t act = got.ret & SECCOMP_RET_ACTION_FULL;
                if (act != SECCOMP_RET_KILL_THREAD && act != SECCOMP_RET_KILL_PROCESS && st->mismatches++ < 20)
                    fprintf(stderr, "MISMATCH %s nr=%#x: not targeted, libseccomp %#x instead of a kill\n", ai->name,
                            nr, got.ret);
                st->bad_arch++;
                continue;
            }
            if (got.error || got.ret != want) {
                if (st->mismatches++ < 20) {
                    const SyscallEntry *e = syscalldb_by_nr(&ctx->policy.db, arch, nr);
                    fprintf(stderr,
                            "MISMATCH %s %s nr=%u (%s) args=[%#llx,%#llx,%#llx,%#llx,%#llx,%#llx]: polc %#x, libseccomp %#x%s\n",
                            ai->name, capdesc, nr, e ? e->name : "?", (unsigned long long)args[0],
                            (unsigned long long)args[1], (unsigned long long)args[2], (unsigned long long)args[3],
                            (unsigned long long)args[4], (unsigned long long)args[5], want, got.ret,
                            got.error ? " (interpreter error)" : "");
                }
            }
            if (got_runc.ret != want) {
                st->stub_diffs++;
                bool widening = lets_through(got_runc.ret) && !lets_through(want);
                bool enosys = got_runc.ret == (SECCOMP_RET_ERRNO | 38);
                /* runc's stub may answer ENOSYS where polc decides otherwise (it
                 * also hits i386's direct socket calls, which libseccomp files
                 * under socketcall): stricter, never wider */
                if (widening || !enosys) {
                    if (st->mismatches++ < 20)
                        fprintf(stderr, "RUNC-STUB MISMATCH %s %s nr=%u: polc %#x, runc %#x\n", ai->name, capdesc,
                                nr, want, got_runc.ret);
                }
            }
        }
    }
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: semantic_test STDLIB_DIR POLICY.pol\n");
        return 2;
    }
    polc_ctx *ctx = polc_new();
    polc_add_stdlib_dir(ctx, argv[1]);
    /* a frequency profile reshapes the BPF dispatch; it must not change a decision */
    const char *freq = getenv("POLC_FREQUENCY");
    if (freq && polc_set_frequency_profile(ctx, freq) != POLC_OK) {
        fprintf(stderr, "cannot load frequency profile %s\n", freq);
        return 2;
    }
    if (polc_compile_file(ctx, argv[2], NULL) != POLC_OK) {
        char *d = polc_render_diagnostics(ctx, POLC_DIAG_TEXT, 0);
        fprintf(stderr, "%s", d);
        free(d);
        return 1;
    }
    char *json;
    size_t len;
    if (polc_emit(ctx, POLC_TARGET_DOCKER, &json, &len) != POLC_OK) {
        char *d = polc_render_diagnostics(ctx, POLC_DIAG_TEXT, 0);
        fprintf(stderr, "%s", d);
        free(d);
        return 1;
    }
    TestValues vs = TEST_VALUES(MAX_VALUES);
    collect_values(ctx, &vs);

    const char *caps_default[32], *caps_admin[32];
    size_t n = 0;
    for (; oracle_docker_default_caps[n]; n++)
        caps_default[n] = caps_admin[n] = oracle_docker_default_caps[n];
    caps_default[n] = NULL;
    caps_admin[n] = "CAP_SYS_ADMIN";
    caps_admin[n + 1] = NULL;
    const char *const *capsets[2] = {caps_default, caps_admin};
    const char *capdesc[2] = {"docker-default-caps", "docker-default-caps+SYS_ADMIN"};

    Stats st = {0, 0, 0, 0, 0};
    static bool skipped_here[ARCH__COUNT][1024];
    for (int cs = 0; cs < 2; cs++) {
        uint64_t mask = 0;
        for (const char *const *c = capsets[cs]; *c; c++) {
            int num = test_cap_num(ctx, *c);
            if (num < 0) {
                fprintf(stderr, "unknown capability %s in the stdlib\n", *c);
                return 1;
            }
            mask |= 1ull << num;
        }
        char err[512];
        /* the oracle emulates an x86_64 host: it compares the x86 ABIs only, and
         * libseccomp refuses foreign big-endian arches in such a filter */
        bool any_x86 = false;
        for (int a = 0; a < ARCH__COUNT; a++)
            any_x86 |= (ctx->policy.arch_mask & (1u << a)) && arch_info((ArchId)a)->family == ARCH_X86_64;
        OracleOptions exact_opts = {capsets[cs], 0, 0, 0, 1};
        OracleOptions runc_opts = {capsets[cs], 0, 0, 0, 0};
        OracleFilter *exact = NULL, *runc = NULL;
        if (any_x86) {
            exact = oracle_load_json_opts(json, &exact_opts, err, sizeof err);
            runc = exact ? oracle_load_json_opts(json, &runc_opts, err, sizeof err) : NULL;
            if (!exact || !runc) {
                fprintf(stderr, "libseccomp rejected polc's JSON: %s\n", err);
                return 1;
            }
        }
        const char **skipped = NULL;
        size_t nskipped = exact ? oracle_skipped_names(exact, &skipped) : 0;
        BpfProgram prog;
        if (!bpf_generate(&(BackendRun){&ctx->policy, &ctx->opt.backend, &ctx->diag, &ctx->arena}, mask, &prog)) {
            fprintf(stderr, "polc's BPF code generator failed\n");
            return 1;
        }
        for (int a = 0; a < ARCH__COUNT; a++) {
            if (!(ctx->policy.arch_mask & (1u << a)))
                continue;
            if (arch_info((ArchId)a)->family != ARCH_X86_64) {
                bool none[1024] = {false};
                check_arch(ctx, (ArchId)a, NULL, NULL, &prog, mask, capdesc[cs], &vs, none, &st);
                continue;
            }
            bool skip_nr[1024] = {false};
            uint32_t base = a == ARCH_X32 ? 0x40000000u : 0;
            for (size_t k = 0; k < nskipped; k++) {
                const SyscallEntry *e = syscalldb_lookup(&ctx->policy.db, (ArchId)a, skipped[k]);
                if (e && e->nr - base < 1024) {
                    skip_nr[e->nr - base] = true;
                    if (cs == 0)
                        printf("left out on %s: %s (%u), unknown to the installed libseccomp\n",
                               arch_info((ArchId)a)->name, e->name, e->nr);
                }
            }
            /* libseccomp may know a name on one arch and still drop its rules
             * there (2.5.4: map_shadow_stack on x32): ask it, with a profile
             * that allows only that name, for each syscall the policy decides */
            const IrArch *ia = ir_arch(ctx->policy.ir, (ArchId)a);
            for (size_t k = 0; cs == 0 && ia && k < ia->syscalls.len; k++) {
                const IrSyscall *is = &ia->syscalls.items[k];
                if (is->nr - base >= 1024 || skip_nr[is->nr - base])
                    continue;
                char probe[512], perr[128];
                snprintf(probe, sizeof probe,
                         "{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"architectures\":[\"%s\"],"
                         "\"syscalls\":[{\"names\":[\"%s\"],\"action\":\"SCMP_ACT_ALLOW\"}]}",
                         arch_info((ArchId)a)->scmp, is->name);
                OracleOptions po = {NULL, 0, 0, 0, 1};
                OracleFilter *pf = oracle_load_json_opts(probe, &po, perr, sizeof perr);
                uint64_t zero[6] = {0};
                struct seccomp_data pd = {(int)is->nr, arch_info((ArchId)a)->audit, 0, {0}};
                memcpy(pd.args, zero, sizeof zero);
                bool applied = pf && oracle_eval(pf, &pd).ret == SECCOMP_RET_ALLOW;
                if (pf)
                    oracle_free(pf);
                /* i386 socket calls live under socketcall in libseccomp: modelled, keep them */
                const char *mux;
                uint32_t call;
                if (!applied && !(muxed_call(is->name, &mux, &call) && arch_has_muxer(&ctx->policy.db, (ArchId)a, mux))) {
                    skip_nr[is->nr - base] = true;
                    skipped_here[a][is->nr - base] = true;
                    printf("left out on %s: %s (%u), for which the installed libseccomp adds no rule on this arch\n",
                           arch_info((ArchId)a)->name, is->name, is->nr);
                }
            }
            for (size_t k = 0; cs > 0 && k < 1024; k++)
                if (skipped_here[a][k])
                    skip_nr[k] = true;
            check_arch(ctx, (ArchId)a, exact, runc, &prog, mask, capdesc[cs], &vs, skip_nr, &st);
        }
        if (exact)
            oracle_free(exact);
        if (runc)
            oracle_free(runc);
    }
    printf("%s: polc's BPF checked against the IR on %zu decisions (all target arches) and against libseccomp's "
           "BPF on the %zu x86 ones\n", argv[2], st.bpf_checked, st.checked);
    printf("%s: %zu decisions compared over %zu argument values, %zu mismatches, "
           "%zu ENOSYS answers from runc's stub where polc denies otherwise, "
           "%zu calls of an untargeted ABI killed by both\n",
           argv[2], st.checked, vs.n, st.mismatches, st.stub_diffs, st.bad_arch);
    free(json);
    polc_free(ctx);
    return st.mismatches ? 1 : 0;
}

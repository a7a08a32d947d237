/* polc explain, per back end: run each back end on the policy and say what
 * its output enforces and what it cannot, from the IR, the model and the
 * back end's result. Each back end reports into a scratch diagnostic engine
 * whose diagnostics are listed here: explain reports them, it does not fail. */
#include <stdlib.h>
#include <string.h>

#include "review/explain.h"

typedef struct Run {
    bool ok;
    char *out; /* malloc'd, NULL when refused */
    size_t len;
    const char *said; /* the back end's diagnostics, "; " separated, or NULL */
} Run;

/* A diagnostic engine of explain's own for one back end run: same arena and
 * sources as the compilation's, but what is reported there stays there. */
static void scratch_diag(polc_ctx *ctx, DiagEngine *d) { diag_init(d, &ctx->arena, &ctx->sm); }

/* What the scratch engine heard, "; " separated; NULL if nothing. An E0499
 * (a bug in polc) still marks the compilation's engine. */
static const char *scratch_said(polc_ctx *ctx, const DiagEngine *d)
{
    if (d->internal_error)
        ctx->diag.internal_error = true;
    StrBuf sb;
    sb_init(&sb);
    for (size_t i = 0; i < d->list.len; i++) {
        const Diag *g = d->list.items[i];
        sb_printf(&sb, "%s%s[%s]: %s", sb.len ? "; " : "", g->sev == SEV_ERROR ? "error" : "warning",
                  g->code ? g->code : "", g->msg);
    }
    const char *said = sb.len ? arena_strdup(&ctx->arena, sb.data) : NULL;
    sb_free(&sb);
    return said;
}

static Run run_backend(polc_ctx *ctx, polc_target t)
{
    DiagEngine d;
    scratch_diag(ctx, &d);
    Run r = {0};
    /* explain answers what `--check` answers: each output checked against
     * the policy, the libseccomp build left to writing (docs/validation.md) */
    bool skip = ctx->opt.backend.skip_libseccomp_validation;
    ctx->opt.backend.skip_libseccomp_validation = true;
    r.ok = compile_emit(ctx, t, &d, &r.out, &r.len) == POLC_OK;
    ctx->opt.backend.skip_libseccomp_validation = skip;
    r.said = scratch_said(ctx, &d);
    return r;
}

/* Syscalls the IR decides (by name, over all target arches), those whose
 * decision under the policy's capabilities tests arguments, and those that
 * depend on capabilities. */
typedef struct Counts {
    size_t decided, conditional, by_caps, pointer_conds;
} Counts;

static Counts count_ir(const polc_ctx *ctx)
{
    Counts c = {0};
    StrMap seen = {0}, cond = {0}, caps = {0}, ptr = {0};
    Arena *a = (Arena *)&ctx->arena;
    for (size_t i = 0; i < ctx->policy.ir->arches.len; i++) {
        const IrArch *ia = &ctx->policy.ir->arches.items[i];
        for (size_t k = 0; k < ia->syscalls.len; k++) {
            const IrSyscall *s = &ia->syscalls.items[k];
            if (!strmap_get(&seen, s->name))
                strmap_put(&seen, a, s->name, (void *)1), c.decided++;
            const IrDecision *d = ir_scenario(s, ctx->policy.caps.effective);
            unsigned tested = ir_args_tested(d);
            if (tested && !strmap_get(&cond, s->name))
                strmap_put(&cond, a, s->name, (void *)1), c.conditional++;
            if (s->ncaps && !strmap_get(&caps, s->name))
                strmap_put(&caps, a, s->name, (void *)1), c.by_caps++;
            const Signature *sig = syscalldb_signature_on(&ctx->policy.db, s->name, ia->arch);
            for (int j = 0; sig && j < sig->nargs; j++)
                if ((tested & (1u << j)) && sig->arg_types[j] == AT_PTR && !strmap_get(&ptr, s->name))
                    strmap_put(&ptr, a, s->name, (void *)1), c.pointer_conds++;
        }
    }
    return c;
}

/* What a seccomp filter cannot carry: the engine's flags instead, exactly
 * the run-flags back end's output (one line per flag). */
static const char *runtime_flags(polc_ctx *ctx)
{
    Run r = run_backend(ctx, POLC_TARGET_RUN_FLAGS);
    if (!r.ok)
        return NULL;
    for (size_t i = 0; i + 1 < r.len; i++)
        if (r.out[i] == '\n')
            r.out[i] = ' ';
    if (r.len && r.out[r.len - 1] == '\n')
        r.out[r.len - 1] = '\0';
    const char *flags = arena_strdup(&ctx->arena, r.out);
    free(r.out);
    return flags;
}

static const char *not_in_seccomp(polc_ctx *ctx)
{
    StrBuf sb;
    sb_init(&sb);
    if (ctx->policy.fs.rules.len)
        sb_printf(&sb, "the %zu filesystem rules", ctx->policy.fs.rules.len);
    /* the network section's families and types are rules of the program (lower_network.c) */
    const char *flags = runtime_flags(ctx);
    sb_printf(&sb, "%scapabilities, user, no-new-privileges and read-only root (the runtime's job: %s%s%s)",
              sb.len ? ", " : "", flags ? "docker run $(cat " : "the run-flags output refuses this policy",
              flags ? arena_printf(&ctx->arena, "%s.run-flags), which holds: ", polc_policy_basename(ctx)) : "",
              flags ? flags : "");
    const char *r = arena_strdup((Arena *)&ctx->arena, sb.data);
    sb_free(&sb);
    return r;
}

static size_t count_lines_citing(const char *text, const char *needle)
{
    size_t n = 0;
    for (const char *p = text; p && (p = strstr(p, needle)); p += strlen(needle))
        n++;
    return n;
}

/* The runtimes' outputs (docs/runtimes.md): what each one carries of the
 * policy and what it cannot, then what its back end said. */
static void explain_runtime(ExDoc *doc, polc_target t, const char *title, const char *enforces,
                            const char *cannot)
{
    polc_ctx *ctx = doc->ctx;
    ExSection *s = ex_section(doc, title);
    Run r = run_backend(ctx, t);
    if (r.ok)
        ex_item(doc, s, "enforces", "%s", enforces);
    else
        ex_item(doc, s, "refuses", "this policy cannot be written exactly in this output");
    ex_item(doc, s, "cannot", "%s", cannot);
    if (r.said)
        ex_item(doc, s, "back end says", "%s", r.said);
    free(r.out);
}

static const char *resources_text(const polc_ctx *ctx)
{
    return ctx->policy.resources.declared ? ", the resources section" : "";
}

static void explain_runtimes(ExDoc *doc)
{
    polc_ctx *ctx = doc->ctx;
    Arena *A = &ctx->arena;
    const char *base = polc_policy_basename(ctx), *res = resources_text(ctx);
    const char *fs = "the filesystem and network rules only where AppArmor is enabled: it carries them in the "
                     "AppArmor profile named after the policy, which must be loaded";
    explain_runtime(doc, POLC_TARGET_RUN_FLAGS, arena_printf(A, "docker/podman run flags (%s.run-flags)", base),
                    arena_printf(A, "the Docker seccomp profile and the AppArmor profile by name; capabilities "
                                    "(--cap-drop ALL, --cap-add each kept one), user, no-new-privileges, read-only "
                                    "root with a tmpfs per `write` directory%s", res),
                    arena_printf(A, "TCP ports and scopes (refused); %s (Docker ignores a missing AppArmor, podman "
                                    "refuses to start); a non-root user holds no effective capabilities under "
                                    "Docker, where podman makes the added ones effective",
                                 fs));
    explain_runtime(doc, POLC_TARGET_COMPOSE, arena_printf(A, "Compose service (%s.compose.yaml)", base),
                    arena_printf(A, "what the run flags carry, as security_opt, cap_drop, cap_add, user, read_only "
                                    "and tmpfs of a service named after the policy%s", res),
                    arena_printf(A, "what the run flags cannot; docker-compose opens the seccomp profile relative "
                                    "to the directory it runs in (./%s.seccomp.json)",
                                 base));
    explain_runtime(doc, POLC_TARGET_SYSTEMD, arena_printf(A, "systemd drop-in (%s.service.d/polc.conf)", base),
                    arena_printf(A, "the syscall decisions by name (SystemCallFilter=, SystemCallErrorNumber=, "
                                    "SystemCallLog=, SystemCallArchitectures=), CapabilityBoundingSet= and "
                                    "AmbientCapabilities=, User=/Group=, NoNewPrivileges=, ProtectSystem=strict with "
                                    "ReadWritePaths= for `write` directories, ReadOnlyPaths=/InaccessiblePaths=/"
                                    "NoExecPaths= for whole-directory rules, AppArmorProfile=%s",
                                 res),
                    "argument conditions, and in an allow list any answer but the default's (refused: start the "
                    "service through polc run instead); TCP ports and scopes (refused: SocketBindAllow= is skipped "
                    "without cgroup v2 BPF and nothing says connect ports); RestrictAddressFamilies= is not written "
                    "(the network section is socket() rules with conditions); `confine reads` and globbed paths only "
                    "through AppArmor, which systemd skips where it is not enabled");
    explain_runtime(doc, POLC_TARGET_OCI, arena_printf(A, "OCI fragment (%s.oci.json, polc oci-merge)", base),
                    arena_printf(A, "linux.seccomp (the Docker profile at the policy's capability set), all five "
                                    "capability sets, process.user, noNewPrivileges, apparmorProfile, root.readonly "
                                    "with a tmpfs mount per `write` directory%s",
                                 ctx->policy.resources.declared ? ", rlimits and linux.resources" : ""),
                    arena_printf(A, "TCP ports and scopes (refused); a syscall decided differently on two arch "
                                    "families (refused: compile per family with --arch); %s (runc refuses an "
                                    "apparmorProfile where AppArmor is not enabled)",
                                 fs));
}

void explain_backends(ExDoc *doc)
{
    polc_ctx *ctx = doc->ctx;
    const char *base = polc_policy_basename(ctx);
    Counts c = count_ir(ctx);
    const char *ptr = c.pointer_conds
                          ? arena_printf(&ctx->arena, "; %zu condition(s) on pointer arguments compare addresses, "
                                                      "not the memory behind them",
                                         c.pointer_conds)
                          : "";

    ExSection *s = ex_section(doc, arena_printf(&ctx->arena, "Docker seccomp JSON (%s.seccomp.json)", base));
    Run r = run_backend(ctx, POLC_TARGET_DOCKER);
    if (r.ok) {
        ex_item(doc, s, "enforces", "the syscalls section: %zu syscalls decided, %zu with argument conditions%s%s%s",
                c.decided, c.conditional,
                c.by_caps ? arena_printf(&ctx->arena, ", %zu by capability (includes.caps)", c.by_caps) : "", ptr,
                ctx->policy.net.rules.len ? "; the network section's socket families and types, as rules on "
                                            "socket() and socketpair()"
                                          : "");
        ex_item(doc, s, "not enforced", "%s", not_in_seccomp(ctx));
        ex_resources_profile(doc, s);
    } else {
        ex_item(doc, s, "refuses", "this policy cannot be written exactly in the format");
    }
    if (r.said)
        ex_item(doc, s, "back end says", "%s", r.said);
    free(r.out);

    s = ex_section(doc, arena_printf(&ctx->arena, "raw seccomp BPF (%s.bpf)", base));
    r = run_backend(ctx, POLC_TARGET_BPF);
    if (r.ok) {
        const char *why;
        uint64_t caps = bpf_chosen_caps(&ctx->policy, &ctx->opt.backend, &why);
        StrBuf sb;
        sb_init(&sb);
        for (int k = 0; k < 64; k++)
            if (caps & (1ull << k))
                sb_printf(&sb, "%s%s", sb.len ? ", " : "", cap_name(&ctx->policy, k));
        ex_item(doc, s, "enforces", "the same syscall decisions in %zu instructions%s%s%s%s%s", r.len / 8,
                c.by_caps ? "; capability rules are fixed at compile time for " : "",
                c.by_caps ? (sb.len ? sb.data : "no capabilities") : "", c.by_caps ? ", from " : "",
                c.by_caps ? why : "", "");
        sb_free(&sb);
        ex_item(doc, s, "not enforced", "%s", not_in_seccomp(ctx));
        ex_resources_profile(doc, s);
    } else {
        ex_item(doc, s, "refuses", "this policy cannot be compiled to BPF");
    }
    if (r.said)
        ex_item(doc, s, "back end says", "%s", r.said);
    free(r.out);

    s = ex_section(doc, arena_printf(&ctx->arena, "AppArmor profile (%s.apparmor)", base));
    r = run_backend(ctx, POLC_TARGET_APPARMOR);
    if (r.ok) {
        size_t cites = count_lines_citing(r.out, arena_printf(&ctx->arena, "# %s.pol:", base));
        if (ctx->policy.mode.complain)
            ex_item(doc, s, "mode", "complain: the profile only logs, nothing is enforced");
        StrBuf what;
        sb_init(&what);
        if (cites)
            sb_printf(&what, "%zu profile rules from the policy: ", cites);
        if (ctx->policy.fs.rules.len)
            sb_printf(&what, "the filesystem section (%zu rules%s), ", ctx->policy.fs.rules.len,
                      ctx->policy.fs.read_only_root ? ", writes only to `write` paths" : "");
        else
            sb_puts(&what, "polc's baseline file rules (the policy has none), ");
        if (ctx->policy.net.rules.len)
            sb_printf(&what, "the network section (%zu rules), ", ctx->policy.net.rules.len);
        sb_puts(&what, "the capability set, and mount and ptrace as the syscalls section decides");
        ex_item(doc, s, ctx->policy.mode.complain ? "would enforce" : "enforces", "%s", what.data);
        sb_free(&what);
        ex_item(doc, s, "not enforced", "syscall filtering and argument conditions (seccomp's job), the user, "
                                        "no-new-privileges");
        ex_resources_profile(doc, s);
    } else {
        ex_item(doc, s, "refuses", "the profile cannot express this policy for the target feature set");
    }
    if (r.said)
        ex_item(doc, s, "back end says", "%s", r.said);
    free(r.out);

    s = ex_section(doc, arena_printf(&ctx->arena, "Kubernetes (%s.k8s.yaml)", base));
    DiagEngine kd;
    scratch_diag(ctx, &kd);
    bool skip = ctx->opt.backend.skip_libseccomp_validation;
    ctx->opt.backend.skip_libseccomp_validation = true; /* as run_backend */
    K8sManifest m;
    bool ok = compile_k8s_manifest(ctx, &kd, &m);
    ctx->opt.backend.skip_libseccomp_validation = skip;
    if (ok) { /* what --check answers: the manifest renders too */
        StrBuf yaml;
        sb_init(&yaml);
        ok = k8s_render(&m, &kd, &yaml);
        sb_free(&yaml);
    }
    const char *said = scratch_said(ctx, &kd);
    if (ok) {
        StrBuf sb;
        sb_init(&sb);
        sb_printf(&sb, "allowPrivilegeEscalation: %s, readOnlyRootFilesystem: %s",
                  m.allow_privilege_escalation ? "true" : "false", m.read_only_root_filesystem ? "true" : "false");
        if (m.has_user)
            sb_printf(&sb, ", runAsNonRoot: %s, runAsUser: %u", m.run_as_non_root ? "true" : "false", m.run_as_user);
        if (m.has_group)
            sb_printf(&sb, ", runAsGroup: %u", m.run_as_group);
        sb_puts(&sb, ", capabilities.drop: [ALL]");
        for (int k = 0; k < m.ncaps; k++)
            sb_printf(&sb, "%s%s", k ? ", " : ", capabilities.add: [", m.caps[k]);
        if (m.ncaps)
            sb_putc(&sb, ']');
        ex_item(doc, s, "carries", "%s", sb.data);
        sb_free(&sb);
        ex_item(doc, s, "references", "seccomp profile %s and AppArmor profile `%s`, which must be installed "
                                      "on every node; they carry the syscall, file and network rules",
                m.seccomp_profile, m.apparmor_profile);
        ex_item(doc, s, "Pod Security Standards", "%s", pss_level_name(m.level));
    } else {
        ex_item(doc, s, "refuses", "the securityContext cannot express this policy");
    }
    ex_resources_k8s(doc, s, ok ? &m : NULL);
    if (said)
        ex_item(doc, s, "back end says", "%s", said);
    explain_runtimes(doc);
    ex_resources_run(doc);
}

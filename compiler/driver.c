/* The pipeline on one screen:
 *
 *   source -> parse (load.c, grammar/) -> resolve (resolve.c) -> check (check.c)
 *          -> lower (lower.c) -> optimize (optimize.c) -> back ends (backend/)
 *
 * and the public API of include/polc/polc.h around it. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dlfcn.h>
#include <sys/stat.h>

#include "backend/backend.h"
#include "backend/landlock_only.h"
#include "compile.h"
#include "middle/ir.h"
#include "output.h"
#include "review/lint.h"
#include "util/diag_codes.h"
#include "util/sarif.h"
#include "util/polc_limits.h"
#include "util/file.h"
#include "validate/validate.h"

const char *polc_version(void) { return POLC_VERSION; }

polc_ctx *polc_new(void)
{
    polc_ctx *ctx = calloc(1, sizeof *ctx);
    if (!ctx)
        return NULL;
    arena_init(&ctx->arena);
    diag_init(&ctx->diag, &ctx->arena, &ctx->sm);
    ctx->policy.arena = &ctx->arena;
    ctx->policy.sm = &ctx->sm;
    return ctx;
}

polc_ctx *compile_new_like(const polc_ctx *like)
{
    polc_ctx *c = polc_new();
    if (!c)
        return NULL;
    for (size_t i = 0; i < like->opt.include_dirs.len; i++)
        polc_add_include_dir(c, like->opt.include_dirs.items[i]);
    for (size_t i = 0; i < like->opt.env_dirs.len; i++)
        VEC_PUSH(&c->arena, c->opt.env_dirs, arena_strdup(&c->arena, like->opt.env_dirs.items[i]));
    for (size_t i = 0; i < like->opt.stdlib_dirs.len; i++)
        polc_add_stdlib_dir(c, like->opt.stdlib_dirs.items[i]);
    return c;
}

void polc_free(polc_ctx *ctx)
{
    if (!ctx)
        return;
    arena_release(&ctx->arena);
    free(ctx);
}

void polc_add_include_dir(polc_ctx *ctx, const char *dir)
{
    VEC_PUSH(&ctx->arena, ctx->opt.include_dirs, arena_strdup(&ctx->arena, dir));
}

void polc_add_stdlib_dir(polc_ctx *ctx, const char *dir)
{
    VEC_PUSH(&ctx->arena, ctx->opt.stdlib_dirs, arena_strdup(&ctx->arena, dir));
}

/* The stdlib `cmake --install` put under PREFIX/share/polc: found beside the
 * libpolc this code was loaded from (an installed tree moved elsewhere, or
 * installed with --prefix), else at the configured prefix. */
void polc_add_installed_stdlib_dir(polc_ctx *ctx)
{
    struct stat st;
    Dl_info info;
    if (dladdr((void *)polc_add_installed_stdlib_dir, &info) && info.dli_fname) {
        char *lib = arena_strdup(&ctx->arena, info.dli_fname);
        char *slash = strrchr(lib, '/');
        if (slash) {
            *slash = '\0';
            char *cand = arena_printf(&ctx->arena, "%s/%s", lib, POLC_LIB_TO_STDLIB);
            if (stat(cand, &st) == 0 && S_ISDIR(st.st_mode)) {
                polc_add_stdlib_dir(ctx, cand);
                return;
            }
        }
    }
    if (stat(POLC_STDLIB_INSTALL_DIR, &st) == 0 && S_ISDIR(st.st_mode))
        polc_add_stdlib_dir(ctx, POLC_STDLIB_INSTALL_DIR);
}

void polc_use_env_path(polc_ctx *ctx)
{
    const char *p = getenv("POLC_PATH");
    if (!p)
        return;
    char *copy = arena_strdup(&ctx->arena, p);
    for (char *save = NULL, *tok = strtok_r(copy, ":", &save); tok; tok = strtok_r(NULL, ":", &save))
        if (*tok)
            VEC_PUSH(&ctx->arena, ctx->opt.env_dirs, tok);
}

void polc_set_no_prelude(polc_ctx *ctx, int no_prelude) { ctx->opt.no_prelude = no_prelude != 0; }

polc_status polc_set_arches(polc_ctx *ctx, const char *arches)
{
    char *copy = arena_strdup(&ctx->arena, arches);
    for (char *save = NULL, *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
        ArchId a;
        if (!arch_from_name(tok, &a)) {
            Diag *g = diag_error(&ctx->diag, "E0217", SPAN_NONE, "unknown architecture `%s` in --arch", tok);
            diag_help(&ctx->diag, g, "known: x86_64, x86, x32, aarch64, arm, riscv64, ppc64le, s390x");
            return POLC_EUSAGE;
        }
    }
    ctx->opt.arch_override = arena_strdup(&ctx->arena, arches);
    return POLC_OK;
}

/* A file with syntax errors whose statements were otherwise kept as written
 * (read_sources: recovered_tree): resolve and check them too, so one run
 * reports a misspelt syscall or errno beside the misspelt keyword. Their
 * warnings wait for a policy that parses (a set whose only use was in a
 * dropped statement would be "never used"). */
static void check_recovered(polc_ctx *ctx)
{
    size_t mark = ctx->diag.list.len;
    if (resolve_policy(ctx))
        lower_network(ctx);
    if (!ctx->diag.install_error)
        check_policy(ctx);
    diag_drop_warnings_since(&ctx->diag, mark);
}

polc_status compile_pipeline(polc_ctx *ctx, const char *path, const char *display, const char *text, size_t len)
{
    if (!read_sources(ctx, path, display, text, len)) {
        if (ctx->front.install_error)
            return POLC_EUSAGE;
        if (ctx->front.recovered_tree)
            check_recovered(ctx);
        return POLC_EINPUT;
    }
    /* check runs even when resolve found errors, so one run reports both */
    bool resolved = resolve_policy(ctx) && lower_network(ctx);
    if (ctx->diag.install_error)
        return POLC_EUSAGE;
    bool checked = check_policy(ctx);
    if (!resolved || !checked)
        return POLC_EINPUT;
    if (!lower_policy(ctx))
        return POLC_EINPUT;
    optimize_ir(ctx);
    ctx->opt.backend.aa_features_stdlib = stdlib_locate(ctx, "apparmor/features/abi-3.0");
    ctx->compiled = true;
    return POLC_OK;
}

polc_status polc_compile_buffer(polc_ctx *ctx, const char *display, const char *text, size_t len)
{
    if (len > POLC_MAX_SOURCE_BYTES) { /* spans are 32-bit offsets */
        diag_error(&ctx->diag, "E0202", SPAN_NONE, "cannot read `%s`: %s", display ? display : "<input>",
                   read_file_error(EFBIG));
        return POLC_EUSAGE;
    }
    char *copy = arena_strndup(&ctx->arena, text, len);
    return compile_pipeline(ctx, NULL, display ? display : "<input>", copy, len);
}

polc_status polc_compile_file(polc_ctx *ctx, const char *path, const char *display)
{
    size_t len = 0;
    char *text;
    if (strcmp(path, "-") == 0) {
        StrBuf sb;
        sb_init(&sb);
        char buf[65536];
        size_t n;
        while ((n = fread(buf, 1, sizeof buf, stdin)) > 0 && sb.len <= POLC_MAX_SOURCE_BYTES)
            sb_putn(&sb, buf, n);
        if (sb.len > POLC_MAX_SOURCE_BYTES) {
            sb_free(&sb);
            diag_error(&ctx->diag, "E0202", SPAN_NONE, "cannot read standard input: %s", read_file_error(EFBIG));
            return POLC_EUSAGE;
        }
        if (ferror(stdin)) {
            sb_free(&sb);
            diag_error(&ctx->diag, "E0202", SPAN_NONE, "cannot read standard input");
            return POLC_EUSAGE;
        }
        len = sb.len;
        text = arena_strndup(&ctx->arena, sb.data ? sb.data : "", len);
        sb_free(&sb);
        return compile_pipeline(ctx, "-", display ? display : "<stdin>", text, len);
    }
    int err = 0;
    text = read_file_arena_max(&ctx->arena, path, POLC_MAX_SOURCE_BYTES, &len, &err);
    if (!text) {
        diag_error(&ctx->diag, "E0202", SPAN_NONE, "cannot read `%s`: %s", path, read_file_error(err));
        return POLC_EUSAGE;
    }
    return compile_pipeline(ctx, path, display ? display : path, text, len);
}

const char *polc_policy_basename(const polc_ctx *ctx) { return ctx->opt.backend.basename ? ctx->opt.backend.basename : "policy"; }

unsigned polc_default_targets(void)
{
    return POLC_TARGET_DOCKER | POLC_TARGET_BPF | POLC_TARGET_APPARMOR | POLC_TARGET_K8S;
}

unsigned polc_available_targets(void)
{
    return polc_default_targets() | POLC_TARGET_RUN_FLAGS | POLC_TARGET_COMPOSE | POLC_TARGET_SYSTEMD |
           POLC_TARGET_OCI;
}

static const struct {
    polc_target t;
    const char *name, *suffix;
} TARGETS[] = {
    {POLC_TARGET_DOCKER, "docker", "seccomp.json"},
    {POLC_TARGET_BPF, "bpf", "bpf"},
    {POLC_TARGET_APPARMOR, "apparmor", "apparmor"},
    {POLC_TARGET_K8S, "k8s", "k8s.yaml"},
    {POLC_TARGET_RUN_FLAGS, "run-flags", "run-flags"},
    {POLC_TARGET_COMPOSE, "compose", "compose.yaml"},
    {POLC_TARGET_SYSTEMD, "systemd", "service.d/polc.conf"},
    {POLC_TARGET_OCI, "oci", "oci.json"},
};

#define NTARGETS (sizeof TARGETS / sizeof *TARGETS)

unsigned polc_target_from_name(const char *name)
{
    for (size_t i = 0; i < NTARGETS; i++)
        if (strcmp(TARGETS[i].name, name) == 0)
            return TARGETS[i].t;
    return 0;
}

const char *polc_target_name(polc_target t)
{
    for (size_t i = 0; i < NTARGETS; i++)
        if (TARGETS[i].t == t)
            return TARGETS[i].name;
    return "?";
}

const char *polc_target_suffix(polc_target t)
{
    for (size_t i = 0; i < NTARGETS; i++)
        if (TARGETS[i].t == t)
            return TARGETS[i].suffix;
    return "out";
}

/* The Docker profile, built, rendered and validated once per compilation:
 * the Docker target writes its text, the Kubernetes target refers to it or
 * embeds it, and a refusal is reported once. NULL when refused. */
static const DockerProfile *docker_profile(polc_ctx *ctx, polc_target target, DiagEngine *diag)
{
    if (ctx->docker.state == DOCKER_NOT_BUILT) {
        StrBuf sb;
        sb_init(&sb);
        bool ok = docker_build(&ctx->policy, &ctx->opt.backend, diag, &ctx->docker.profile);
        if (ok)
            docker_render(&ctx->docker.profile, &sb);
        if (ok && ctx->tamper)
            ctx->tamper(ctx, target, &sb);
        ctx->docker.state = ok ? DOCKER_UNCHECKED : DOCKER_REFUSED;
        ctx->docker.json = ok ? arena_strdup(&ctx->arena, sb.data ? sb.data : "") : NULL;
        sb_free(&sb);
    }
    /* --check returns no profile and validates it only when asked to
     * (--verify-libseccomp); anything that returns or writes it validates it
     * first, once */
    bool wanted = !ctx->opt.backend.check_only || !ctx->opt.backend.skip_libseccomp_validation;
    if (ctx->docker.state == DOCKER_UNCHECKED && wanted) {
        BackendRun run = {&ctx->policy, &ctx->opt.backend, diag, &ctx->arena};
        bool ok = validate_docker_profile(&run, ctx->docker.json);
        ctx->docker.state = ok ? DOCKER_BUILT : DOCKER_REFUSED;
        if (!ok)
            ctx->docker.json = NULL;
    }
    return ctx->docker.state == DOCKER_REFUSED ? NULL : &ctx->docker.profile;
}

static bool emit_bpf(polc_ctx *ctx, polc_target target, DiagEngine *diag, StrBuf *sb)
{
    BackendRun run = {&ctx->policy, &ctx->opt.backend, diag, &ctx->arena};
    const char *why;
    if (!backend_bpf(&ctx->policy, &ctx->opt.backend, diag, sb))
        return false;
    if (ctx->opt.backend.check_only)
        return true; /* no program was made: nothing to validate (BackendOptions.check_only) */
    if (ctx->tamper)
        ctx->tamper(ctx, target, sb);
    return validate_bpf_program(&run, (const struct sock_filter *)(const void *)sb->data,
                                sb->len / sizeof(struct sock_filter),
                                bpf_chosen_caps(&ctx->policy, &ctx->opt.backend, &why));
}

/* The runtime outputs refer to the AppArmor profile named after the policy
 * (and all but systemd's to NAME.seccomp.json, which the OCI fragment
 * embeds): refused when the back end that writes it refuses the policy. The
 * AppArmor back end runs into an engine of its own here: its reasons are its
 * target's to report. */
static bool references_written(polc_ctx *ctx, polc_target target, const char *output, DiagEngine *diag,
                               const DockerProfile **docker)
{
    Span at = span_valid(ctx->policy.name_span) ? ctx->policy.name_span : (Span){ctx->policy.root_file, 0, 0};
    *docker = NULL;
    if (target != POLC_TARGET_SYSTEMD && !(*docker = docker_profile(ctx, target, diag))) {
        Diag *g = diag_error(diag, "E1206", at, "polc's seccomp profile `%s.seccomp.json`, which the %s refer%s to, "
                             "was refused by the Docker back end", polc_policy_basename(ctx), output,
                             target == POLC_TARGET_RUN_FLAGS ? "" : "s");
        diag_note(diag, g, SPAN_NONE, "the errors above say why");
        return false;
    }
    if (!ctx->apparmor_state) {
        DiagEngine scratch;
        diag_init(&scratch, &ctx->arena, &ctx->sm);
        StrBuf sb;
        sb_init(&sb);
        ctx->apparmor_state = backend_apparmor(&ctx->policy, &ctx->opt.backend, &scratch, &sb) ? 1 : 2;
        sb_free(&sb);
    }
    if (ctx->apparmor_state == 2) {
        Diag *g = diag_error(diag, "E1206", at, "polc's AppArmor profile, which the %s refer%s to, is refused by "
                             "the AppArmor back end", output, target == POLC_TARGET_RUN_FLAGS ? "" : "s");
        diag_help(diag, g, "`polc --check -t apparmor` says why");
        return false;
    }
    return true;
}

bool compile_k8s_manifest(polc_ctx *ctx, DiagEngine *diag, K8sManifest *out)
{
    return k8s_build(&ctx->policy, &ctx->opt.backend, diag, docker_profile(ctx, POLC_TARGET_K8S, diag), out);
}

polc_status compile_emit(polc_ctx *ctx, polc_target target, DiagEngine *diag, char **out, size_t *len)
{
    *out = NULL;
    *len = 0;
    if (!ctx->compiled)
        return POLC_EINPUT;
    static const struct {
        polc_target t;
        const char *output;
    } NAMES[] = {{POLC_TARGET_DOCKER, "Docker seccomp profile"},
                 {POLC_TARGET_BPF, "BPF program"},
                 {POLC_TARGET_APPARMOR, "AppArmor profile"},
                 {POLC_TARGET_K8S, "Kubernetes output"},
                 {POLC_TARGET_RUN_FLAGS, "docker/podman run flags"},
                 {POLC_TARGET_COMPOSE, "Compose service"},
                 {POLC_TARGET_SYSTEMD, "systemd drop-in"},
                 {POLC_TARGET_OCI, "OCI fragment"}};
    const char *output = NULL;
    for (size_t i = 0; i < sizeof NAMES / sizeof *NAMES; i++)
        if (NAMES[i].t == target)
            output = NAMES[i].output;
    for (size_t i = 0; i < sizeof NAMES / sizeof *NAMES; i++)
        if (NAMES[i].t == target &&
            (backend_refuses_tcp_ports(&ctx->policy, &ctx->opt.backend, NAMES[i].output,
                                       target == POLC_TARGET_APPARMOR, diag) |
             backend_refuses_scopes(&ctx->policy, &ctx->opt.backend, NAMES[i].output,
                                    target == POLC_TARGET_APPARMOR, diag)))
            return POLC_EINPUT;
    StrBuf sb;
    sb_init(&sb);
    bool ok;
    switch (target) {
    case POLC_TARGET_DOCKER:
        ok = docker_profile(ctx, target, diag) != NULL;
        if (ok)
            sb_puts(&sb, ctx->docker.json);
        break;
    case POLC_TARGET_BPF:
        ok = emit_bpf(ctx, target, diag, &sb);
        break;
    case POLC_TARGET_APPARMOR:
        ok = backend_apparmor(&ctx->policy, &ctx->opt.backend, diag, &sb);
        break;
    case POLC_TARGET_K8S: {
        K8sManifest m;
        ok = compile_k8s_manifest(ctx, diag, &m) && k8s_render(&m, diag, &sb);
        break;
    }
    case POLC_TARGET_RUN_FLAGS:
    case POLC_TARGET_COMPOSE:
    case POLC_TARGET_SYSTEMD:
    case POLC_TARGET_OCI: {
        const DockerProfile *dp;
        ok = references_written(ctx, target, output, diag, &dp);
        if (ok && target == POLC_TARGET_RUN_FLAGS)
            ok = backend_run_flags(&ctx->policy, &ctx->opt.backend, diag, &sb);
        else if (ok && target == POLC_TARGET_COMPOSE)
            ok = backend_compose(&ctx->policy, &ctx->opt.backend, diag, &sb);
        else if (ok && target == POLC_TARGET_SYSTEMD)
            ok = backend_systemd(&ctx->policy, &ctx->opt.backend, diag, &sb);
        else if (ok)
            ok = backend_oci(&ctx->policy, &ctx->opt.backend, diag, dp, &sb);
        break;
    }
    default:
        diag_error(diag, "E0405", SPAN_NONE, "the %s back end is not available in this build",
                   polc_target_name(target));
        sb_free(&sb);
        return POLC_EUSAGE;
    }
    if (!ok) {
        sb_free(&sb);
        return diag->internal_error ? POLC_EUSAGE : POLC_EINPUT;
    }
    *len = sb.len;
    *out = sb_take(&sb);
    return POLC_OK;
}

polc_status polc_emit(polc_ctx *ctx, polc_target target, char **out, size_t *len)
{
    return compile_emit(ctx, target, &ctx->diag, out, len);
}

polc_status polc_check(polc_ctx *ctx, unsigned targets)
{
    if (!ctx->compiled)
        return POLC_EINPUT;
    polc_status worst = POLC_OK;
    ctx->opt.backend.check_only = true;
    for (size_t i = 0; i < NTARGETS; i++) {
        if (!(targets & TARGETS[i].t))
            continue;
        char *out;
        size_t len;
        polc_status st = compile_emit(ctx, TARGETS[i].t, &ctx->diag, &out, &len);
        free(out);
        if (st != POLC_OK) {
            worst = st > worst ? st : worst;
            break;
        }
    }
    ctx->opt.backend.check_only = false;
    return worst;
}

polc_status polc_write_outputs(polc_ctx *ctx, const char *dir, unsigned targets)
{
    OutFile files[NTARGETS];
    char *bufs[NTARGETS] = {0};
    size_t n = 0;
    polc_status st_all = POLC_OK;
    if (!ctx->opt.backend.out_dir_fixed) { /* as the engine's client will name it: the directory as given */
        size_t len = strlen(dir);
        while (len > 1 && dir[len - 1] == '/')
            len--;
        ctx->opt.backend.out_dir = arena_strndup(&ctx->arena, dir, len);
    }
    for (size_t i = 0; i < NTARGETS; i++) {
        if (!(targets & TARGETS[i].t))
            continue;
        size_t len;
        polc_status s = polc_emit(ctx, TARGETS[i].t, &bufs[n], &len);
        if (s != POLC_OK) {
            if (s > st_all)
                st_all = s;
            continue;
        }
        files[n].path = arena_printf(&ctx->arena, "%s/%s.%s", dir, polc_policy_basename(ctx), TARGETS[i].suffix);
        files[n].data = bufs[n];
        files[n].len = len;
        n++;
    }
    /* made only once every output is there: a refusal leaves no directory */
    struct stat st;
    if (st_all == POLC_OK && stat(dir, &st) != 0 && mkdir(dir, 0755) != 0 && errno != EEXIST) {
        diag_error(&ctx->diag, "E0500", SPAN_NONE, "cannot create output directory `%s`: %s", dir, strerror(errno));
        st_all = POLC_EUSAGE;
    }
    if (st_all == POLC_OK && (targets & POLC_TARGET_SYSTEMD)) {
        const char *d = arena_printf(&ctx->arena, "%s/%s.service.d", dir, polc_policy_basename(ctx));
        if (mkdir(d, 0755) != 0 && errno != EEXIST) {
            diag_error(&ctx->diag, "E0500", SPAN_NONE, "cannot create output directory `%s`: %s", d, strerror(errno));
            st_all = POLC_EUSAGE;
        }
    }
    if (st_all == POLC_OK) {
        const char *failed = NULL;
        int err = output_commit(files, n, &failed);
        if (err) {
            diag_error(&ctx->diag, "E0500", SPAN_NONE, "cannot write `%s`: %s", failed, strerror(err));
            st_all = POLC_EUSAGE;
        }
    }
    for (size_t i = 0; i < n; i++)
        free(bufs[i]);
    return st_all;
}

polc_status polc_emit_bpf_listing(polc_ctx *ctx, char **out)
{
    *out = NULL;
    if (!ctx->compiled)
        return POLC_EINPUT;
    StrBuf sb;
    sb_init(&sb);
    if (!backend_bpf_listing(&ctx->policy, &ctx->opt.backend, &ctx->diag, &sb)) {
        sb_free(&sb);
        return POLC_EINPUT;
    }
    *out = sb_take(&sb);
    return POLC_OK;
}

polc_status polc_set_frequency_profile(polc_ctx *ctx, const char *path)
{
    size_t len;
    int err;
    char *text = read_file_arena(&ctx->arena, path, &len, &err);
    if (!text) {
        diag_error(&ctx->diag, "E0202", SPAN_NONE, "cannot read frequency profile `%s`: %s", path, strerror(err));
        return POLC_EUSAGE;
    }
    unsigned line = 0;
    for (char *save = NULL, *l = strtok_r(text, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
        line++;
        while (*l == ' ' || *l == '\t')
            l++;
        if (*l == '#' || *l == '\0')
            continue;
        char name[128];
        unsigned long long count;
        if (sscanf(l, "%127s %llu", name, &count) != 2 && sscanf(l, "%127[^:]: %llu", name, &count) != 2) {
            diag_error(&ctx->diag, "E0202", SPAN_NONE, "%s:%u: expected `NAME COUNT`", path, line);
            return POLC_EUSAGE;
        }
        strmap_put(&ctx->opt.backend.frequency, &ctx->arena, arena_strdup(&ctx->arena, name), (void *)(uintptr_t)(count + 1));
    }
    ctx->opt.backend.have_frequency = true;
    return POLC_OK;
}

void polc_set_profile_dir(polc_ctx *ctx, const char *dir)
{
    ctx->opt.backend.out_dir = arena_strdup(&ctx->arena, dir);
    ctx->opt.backend.out_dir_fixed = true;
}

void polc_set_image_root(polc_ctx *ctx, const char *dir)
{
    ctx->opt.backend.image_root = arena_strdup(&ctx->arena, dir);
}

polc_status polc_set_engine(polc_ctx *ctx, const char *engine)
{
    if (strcmp(engine, "docker") && strcmp(engine, "podman"))
        return POLC_EUSAGE;
    ctx->opt.backend.engine_podman = strcmp(engine, "podman") == 0;
    return POLC_OK;
}

void polc_set_strict_int_args(polc_ctx *ctx, int on) { ctx->policy.strict_int_args = on != 0; }

void polc_set_verify_libseccomp(polc_ctx *ctx, int on) { ctx->opt.backend.skip_libseccomp_validation = on == 0; }

polc_status polc_set_caps(polc_ctx *ctx, const char *caps)
{
    ctx->opt.backend.caps_override_set = true;
    ctx->opt.backend.caps_override = 0;
    ctx->opt.backend.caps_override_text = arena_strdup(&ctx->arena, caps);
    return POLC_OK;
}

size_t polc_error_count(const polc_ctx *ctx) { return ctx->diag.nerrors; }
size_t polc_warning_count(const polc_ctx *ctx) { return ctx->diag.nwarnings; }

/* The rule text of a code in SARIF: the registry's meaning for E and W
 * codes, docs/lint.md's for L codes. */
static const char *code_meaning(const char *code, const char **doc)
{
    if (code && code[0] == 'L') {
        *doc = "docs/lint.md";
        return lint_code_meaning(code);
    }
    *doc = "docs/diagnostics.md";
    const DiagCodeInfo *i = diag_code_lookup(code);
    return i ? i->meaning : NULL;
}

char *polc_render_diagnostics(const polc_ctx *ctx, polc_diag_format format, int color)
{
    if (format == POLC_DIAG_SARIF) {
        SarifLog log;
        sarif_init(&log, code_meaning);
        sarif_add_diags(&log, &ctx->diag);
        return sarif_render(&log, polc_version());
    }
    return format == POLC_DIAG_JSON ? diag_render_json(&ctx->diag) : diag_render_text(&ctx->diag, color != 0);
}

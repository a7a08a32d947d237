/* The Kubernetes back end's typed result: K8sManifest's Pod Security
 * Standards level, its reasons and the profiles it references, read from
 * fields (as polc explain does), for policies at each level; the Docker
 * profile it is built from, rendered again, is the validated text; and a
 * build into a scratch diagnostic engine leaves the compilation's alone.
 *
 * usage: k8s_manifest_test STDLIB_DIR */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compile.h"

static int failures;

#define CHECK(cond, ...)                                                                                           \
    do {                                                                                                           \
        if (!(cond)) {                                                                                             \
            fprintf(stderr, "FAIL %s:%d: %s: ", __FILE__, __LINE__, #cond);                                        \
            fprintf(stderr, __VA_ARGS__);                                                                          \
            fputc('\n', stderr);                                                                                   \
            failures++;                                                                                            \
        }                                                                                                          \
    } while (0)

typedef struct Case {
    const char *basename, *source;
    PssLevel level;
    size_t nreasons;
    const char *seccomp, *apparmor;
    int ncaps;
    const char *warning; /* the code the build warns with, or NULL */
} Case;

static const Case CASES[] = {
    {"tight",
     "policy tight\narch x86_64\ndefault kill-process\n"
     "syscalls {\n  allow read, write, exit_group\n  allow mmap if prot & PROT_EXEC == 0\n}\n"
     "capabilities {\n  drop all\n}\nprocess {\n  user 1000\n  no-new-privileges\n}\n",
     PSS_RESTRICTED, 0, "tight.seccomp.json", "tight", 0, NULL},
    {"web",
     "policy web-server\narch x86_64\ndefault errno(EPERM)\n"
     "syscalls {\n  allow read, write, exit_group\n}\n"
     "capabilities {\n  drop all\n  add CHOWN, NET_BIND_SERVICE\n}\nprocess {\n  user 0\n}\n",
     PSS_BASELINE, 3, "web.seccomp.json", "web-server", 2, "W0901"},
    {"priv",
     "policy priv\narch x86_64\ndefault errno(EPERM)\n"
     "syscalls {\n  allow read, write, exit_group\n}\n"
     "capabilities {\n  drop all\n  add SYS_ADMIN\n}\nprocess {\n  user 1\n  no-new-privileges\n}\n",
     PSS_PRIVILEGED, 1, "priv.seccomp.json", "priv", 1, "W0902"},
};

static void run_case(const char *stdlib, const Case *c)
{
    polc_ctx *ctx = polc_new();
    polc_add_stdlib_dir(ctx, stdlib);
    ctx->opt.backend.basename = c->basename;
    if (polc_compile_buffer(ctx, c->basename, c->source, strlen(c->source)) != POLC_OK) {
        char *d = polc_render_diagnostics(ctx, POLC_DIAG_TEXT, 0);
        fprintf(stderr, "FAIL %s: does not compile:\n%s", c->basename, d);
        free(d);
        failures++;
        polc_free(ctx);
        return;
    }
    size_t nerr = polc_error_count(ctx), nwarn = polc_warning_count(ctx);

    DiagEngine scratch;
    diag_init(&scratch, &ctx->arena, &ctx->sm);
    K8sManifest m;
    bool ok = compile_k8s_manifest(ctx, &scratch, &m);
    CHECK(ok, "%s: the manifest was refused", c->basename);
    if (!ok) {
        polc_free(ctx);
        return;
    }
    CHECK(m.level == c->level, "%s: level %s, want %s", c->basename, pss_level_name(m.level),
          pss_level_name(c->level));
    CHECK(m.reasons.len == c->nreasons, "%s: %zu reasons, want %zu", c->basename, m.reasons.len, c->nreasons);
    for (size_t i = 0; i < m.reasons.len; i++)
        CHECK(m.reasons.items[i].level <= m.level && m.reasons.items[i].level > PSS_RESTRICTED,
              "%s: reason %zu has level %s", c->basename, i, pss_level_name(m.reasons.items[i].level));
    CHECK(strcmp(m.seccomp_profile, c->seccomp) == 0, "%s: seccomp profile %s", c->basename, m.seccomp_profile);
    CHECK(m.apparmor_profile && strcmp(m.apparmor_profile, c->apparmor) == 0, "%s: AppArmor profile %s",
          c->basename, m.apparmor_profile ? m.apparmor_profile : "(null)");
    CHECK(m.ncaps == c->ncaps, "%s: %d capabilities, want %d", c->basename, m.ncaps, c->ncaps);
    /* the warning went to the scratch engine, and only there */
    CHECK(scratch.nwarnings == (c->warning ? 1u : 0u) && scratch.nerrors == 0, "%s: scratch heard %zu/%zu",
          c->basename, scratch.nerrors, scratch.nwarnings);
    if (c->warning && scratch.list.len)
        CHECK(strcmp(scratch.list.items[0]->code, c->warning) == 0, "%s: warned %s", c->basename,
              scratch.list.items[0]->code);
    CHECK(polc_error_count(ctx) == nerr && polc_warning_count(ctx) == nwarn,
          "%s: the compilation's engine heard the scratch run", c->basename);

    /* the Docker profile it was built from renders to the validated text */
    CHECK(m.docker && m.docker == &ctx->docker.profile, "%s: not the compilation's Docker profile", c->basename);
    if (m.docker) {
        StrBuf sb;
        sb_init(&sb);
        docker_render(m.docker, &sb);
        CHECK(ctx->docker.json && strcmp(sb.data, ctx->docker.json) == 0, "%s: the Docker profile renders otherwise",
              c->basename);
        CHECK(m.docker->entries.len > 0 && m.docker->architectures.len == 1 && !m.docker->use_arch_map,
              "%s: Docker profile shape", c->basename);
        sb_free(&sb);
    }
    /* the rendered YAML states the level of the field */
    StrBuf y;
    sb_init(&y);
    CHECK(k8s_render(&m, &scratch, &y), "%s: not rendered", c->basename);
    char want[96];
    snprintf(want, sizeof want, "# Pod Security Standards: %s.", pss_level_name(c->level));
    CHECK(y.data && strstr(y.data, want), "%s: YAML lacks `%s`", c->basename, want);
    sb_free(&y);
    polc_free(ctx);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: k8s_manifest_test STDLIB_DIR\n");
        return 2;
    }
    for (size_t i = 0; i < sizeof CASES / sizeof *CASES; i++)
        run_case(argv[1], &CASES[i]);
    if (failures) {
        fprintf(stderr, "%d check(s) failed\n", failures);
        return 1;
    }
    printf("k8s_manifest_test: %zu policies, all checks passed\n", sizeof CASES / sizeof *CASES);
    return 0;
}

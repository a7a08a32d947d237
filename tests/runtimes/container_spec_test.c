/* The resources section in every runtime output, until the language can say
 * it: a compiled policy's Policy.resources is filled here directly, and each
 * back end's output must carry exactly these lines (run-flags, Compose,
 * systemd, OCI), "unlimited" written the way each format says it; memory-swap
 * without memory, or below it, is refused (E1207) by every output; and the
 * cpus text keeps thousandths without trailing zeros.
 *
 * usage: container_spec_test STDLIB_DIR */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backend/container_spec.h"
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

static const char SOURCE[] = "policy svc\narch x86_64\ndefault errno(EPERM)\n"
                             "syscalls {\n  allow read, write, exit_group, execve\n}\n"
                             "capabilities {\n  drop all\n}\nprocess {\n  user www-data\n  no-new-privileges\n}\n";

typedef struct Limits {
    uint64_t pids, memory, swap, cpus, nofile_soft, nofile_hard, nproc_soft, nproc_hard;
    bool no_memory;
} Limits;

static polc_ctx *compiled(const char *stdlib, const Limits *l)
{
    polc_ctx *ctx = polc_new();
    polc_add_stdlib_dir(ctx, stdlib);
    ctx->opt.backend.basename = "svc";
    /* `user www-data`: systemd takes the name (a number would be refused,
     * E1211), the OCI fragment the image's numbers */
    char root[4096];
    snprintf(root, sizeof root, "%s/../tests/runtimes/fixtures/image-root", stdlib);
    polc_set_image_root(ctx, root);
    if (polc_compile_buffer(ctx, "svc.pol", SOURCE, strlen(SOURCE)) != POLC_OK) {
        char *d = polc_render_diagnostics(ctx, POLC_DIAG_TEXT, 0);
        fprintf(stderr, "FAIL: the policy does not compile:\n%s", d);
        free(d);
        exit(1);
    }
#define r (&ctx->policy.resources)
    r->declared = true;
    r->pids = (ResourceLimit){true, l->pids, SPAN_NONE};
    r->memory = (ResourceLimit){!l->no_memory, l->memory, SPAN_NONE};
    r->memory_swap = (ResourceLimit){true, l->swap, SPAN_NONE};
    r->cpus = (ResourceLimit){true, l->cpus, SPAN_NONE};
    r->nofile = (RlimitPair){true, l->nofile_soft, l->nofile_hard, SPAN_NONE};
    r->nproc = (RlimitPair){true, l->nproc_soft, l->nproc_hard, SPAN_NONE};
#undef r
    return ctx;
}

/* The output of one target, NULL when refused (with the codes it reported in `codes`). */
static char *emit(polc_ctx *ctx, polc_target t, char *codes, size_t n)
{
    DiagEngine d;
    diag_init(&d, &ctx->arena, &ctx->sm);
    char *out = NULL;
    size_t len;
    polc_status st = compile_emit(ctx, t, &d, &out, &len);
    codes[0] = '\0';
    for (size_t i = 0; i < d.list.len; i++)
        snprintf(codes + strlen(codes), n - strlen(codes), "%s ", d.list.items[i]->code);
    if (st != POLC_OK) {
        free(out);
        return NULL;
    }
    return out;
}

/* Every line of `want` is a line of `text`, in order. */
static void has_lines(const char *what, const char *text, const char *want)
{
    const char *at = text;
    char line[256];
    for (const char *w = want; *w;) {
        size_t n = strcspn(w, "\n");
        snprintf(line, sizeof line, "%.*s\n", (int)n, w);
        const char *hit = at ? strstr(at, line) : NULL;
        while (hit && hit != text && hit[-1] != '\n')
            hit = strstr(hit + 1, line);
        CHECK(hit, "%s: no line `%.*s` (in order) in:\n%s", what, (int)n, w, text ? text : "(refused)");
        if (hit)
            at = hit + strlen(line);
        w += n + (w[n] == '\n');
    }
}

static void check_outputs(const char *stdlib)
{
    Limits l = {256, 512ull << 20, 768ull << 20, 1500, 1024, 4096, 512, 512, false};
    polc_ctx *ctx = compiled(stdlib, &l);
    char codes[256], *o;

    o = emit(ctx, POLC_TARGET_RUN_FLAGS, codes, sizeof codes);
    has_lines("run-flags", o,
              "--pids-limit=256\n--memory=536870912\n--memory-swap=805306368\n--cpus=1.5\n"
              "--ulimit=nofile=1024:4096\n--ulimit=nproc=512:512\n");
    free(o);
    o = emit(ctx, POLC_TARGET_COMPOSE, codes, sizeof codes);
    has_lines("compose", o,
              "    pids_limit: 256\n    mem_limit: 536870912\n    memswap_limit: 805306368\n    cpus: 1.5\n"
              "    ulimits:\n      nofile:\n        soft: 1024\n        hard: 4096\n"
              "      nproc:\n        soft: 512\n        hard: 512\n");
    free(o);
    o = emit(ctx, POLC_TARGET_SYSTEMD, codes, sizeof codes);
    has_lines("systemd", o, /* MemorySwapMax= is the swap alone: 768 - 512 MiB */
              "TasksMax=256\nMemoryMax=536870912\nMemorySwapMax=268435456\nCPUQuota=150%\n"
              "LimitNOFILE=1024:4096\nLimitNPROC=512:512\n");
    free(o);
    o = emit(ctx, POLC_TARGET_OCI, codes, sizeof codes);
    has_lines("oci", o,
              "    \"rlimits\": [\n      {\n        \"type\": \"RLIMIT_NOFILE\",\n        \"hard\": 4096,\n"
              "        \"soft\": 1024\n      },\n      {\n        \"type\": \"RLIMIT_NPROC\",\n"
              "        \"hard\": 512,\n        \"soft\": 512\n      }\n    ],\n"
              "    \"resources\": {\n      \"pids\": {\n        \"limit\": 256\n      },\n"
              "      \"memory\": {\n        \"limit\": 536870912,\n        \"swap\": 805306368\n      },\n"
              "      \"cpu\": {\n        \"quota\": 150000,\n        \"period\": 100000\n      }\n    },\n");
    free(o);
    polc_free(ctx);

    /* no limit: -1 for the engines and runc's int64 fields, infinity for systemd */
    Limits u = {CONTAINER_UNLIMITED, 64ull << 20, CONTAINER_UNLIMITED, 250, 1024, CONTAINER_UNLIMITED,
                CONTAINER_UNLIMITED, CONTAINER_UNLIMITED, false};
    ctx = compiled(stdlib, &u);
    o = emit(ctx, POLC_TARGET_RUN_FLAGS, codes, sizeof codes);
    has_lines("run-flags unlimited", o,
              "--pids-limit=-1\n--memory=67108864\n--memory-swap=-1\n--cpus=0.25\n--ulimit=nofile=1024:-1\n"
              "--ulimit=nproc=-1:-1\n");
    free(o);
    o = emit(ctx, POLC_TARGET_COMPOSE, codes, sizeof codes);
    has_lines("compose unlimited", o, "    pids_limit: -1\n    memswap_limit: -1\n    cpus: 0.25\n"
                                      "        soft: 1024\n        hard: -1\n");
    free(o);
    o = emit(ctx, POLC_TARGET_SYSTEMD, codes, sizeof codes);
    has_lines("systemd unlimited", o, "TasksMax=infinity\nMemoryMax=67108864\nMemorySwapMax=infinity\n"
                                      "CPUQuota=25%\nLimitNOFILE=1024:infinity\nLimitNPROC=infinity:infinity\n");
    free(o);
    o = emit(ctx, POLC_TARGET_OCI, codes, sizeof codes);
    has_lines("oci unlimited", o, "        \"hard\": 18446744073709551615,\n"
                                  "        \"limit\": -1\n"
                                  "        \"swap\": -1\n"
                                  "        \"quota\": 25000,\n");
    free(o);
    polc_free(ctx);

    /* memory-swap without memory, and below memory: E1207 from every output */
    for (int below = 0; below < 2; below++) {
        Limits s = {10, 512ull << 20, 256ull << 20, 1000, 1, 1, 1, 1, !below};
        ctx = compiled(stdlib, &s);
        static const polc_target T[] = {POLC_TARGET_RUN_FLAGS, POLC_TARGET_COMPOSE, POLC_TARGET_SYSTEMD,
                                        POLC_TARGET_OCI};
        for (size_t i = 0; i < 4; i++) {
            o = emit(ctx, T[i], codes, sizeof codes);
            CHECK(!o && strcmp(codes, "E1207 ") == 0, "%s: memory-swap %s memory: %s, codes `%s`",
                  polc_target_name(T[i]), below ? "below" : "without", o ? "written" : "refused", codes);
            free(o);
        }
        polc_free(ctx);
    }
}

static void check_cpus_text(void)
{
    static const struct {
        uint64_t milli;
        const char *text;
    } C[] = {{1500, "1.5"}, {250, "0.25"}, {1, "0.001"}, {2000, "2"}, {1230, "1.23"}, {0, "0"}};
    for (size_t i = 0; i < sizeof C / sizeof *C; i++) {
        char buf[32];
        CHECK(strcmp(container_cpus_text(C[i].milli, buf), C[i].text) == 0, "%llu -> %s, want %s",
              (unsigned long long)C[i].milli, buf, C[i].text);
    }
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: container_spec_test STDLIB_DIR\n");
        return 2;
    }
    check_cpus_text();
    check_outputs(argv[1]);
    if (failures) {
        fprintf(stderr, "%d check(s) failed\n", failures);
        return 1;
    }
    printf("ok\n");
    return 0;
}

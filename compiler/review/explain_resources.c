/* polc explain, the resources section per output: which limits an output
 * enforces and which it cannot (docs/language.md, "Resources"). Only a
 * policy with a resources section gets these lines. */
#include <string.h>

#include "middle/resources_text.h"
#include "review/explain.h"

static void add(StrBuf *sb, const char *what) { sb_printf(sb, "%s%s", sb->len ? ", " : "", what); }

static bool any_limit(const Policy *p)
{
    return p->resources.pids.set || p->resources.memory.set || p->resources.memory_swap.set ||
           p->resources.cpus.set || p->resources.nofile.set || p->resources.nproc.set;
}

/* The cgroup limits (cgroup: true) or the rlimits, as the policy writes them; NULL when none. */
static const char *limits_text(polc_ctx *ctx, bool cgroup)
{
    const Policy *p = &ctx->policy;
    Arena *A = &ctx->arena;
    StrBuf sb;
    sb_init(&sb);
    if (cgroup) {
        if (p->resources.pids.set)
            add(&sb, arena_printf(A, "pids %llu", (unsigned long long)p->resources.pids.value));
        if (p->resources.memory.set)
            add(&sb, arena_printf(A, "memory %s", res_size_text(A, p->resources.memory.value)));
        if (p->resources.memory_swap.set)
            add(&sb, arena_printf(A, "memory-swap %s", res_size_text(A, p->resources.memory_swap.value)));
        if (p->resources.cpus.set)
            add(&sb, arena_printf(A, "cpus %s", res_cpus_text(A, p->resources.cpus.value)));
    } else {
        if (p->resources.nofile.set)
            add(&sb, arena_printf(A, "nofile %s", res_rlimit_text(A, &p->resources.nofile)));
        if (p->resources.nproc.set)
            add(&sb, arena_printf(A, "nproc %s", res_rlimit_text(A, &p->resources.nproc)));
    }
    const char *r = sb.len ? arena_strdup(A, sb.data) : NULL;
    sb_free(&sb);
    return r;
}

static const char *all_limits(polc_ctx *ctx)
{
    const char *c = limits_text(ctx, true), *r = limits_text(ctx, false);
    return c && r ? arena_printf(&ctx->arena, "%s, %s", c, r) : c ? c : r;
}

void ex_resources_profile(ExDoc *doc, ExSection *s)
{
    if (any_limit(&doc->ctx->policy))
        ex_item(doc, s, "resources", "not enforced: %s; a profile cannot limit resources (polc run, the "
                                     "Kubernetes output and the runtime outputs do)",
                all_limits(doc->ctx));
}

void ex_resources_k8s(ExDoc *doc, ExSection *s, const K8sManifest *m)
{
    polc_ctx *ctx = doc->ctx;
    const Policy *p = &ctx->policy;
    if (!any_limit(p))
        return;
    if (m && (m->limit_cpu || m->limit_memory))
        ex_item(doc, s, "resources.limits", "%s%s%s%s%s: the kubelet makes them the container's cgroup limits",
                m->limit_cpu ? "cpu " : "", m->limit_cpu ? m->limit_cpu : "",
                m->limit_cpu && m->limit_memory ? ", " : "", m->limit_memory ? "memory " : "",
                m->limit_memory ? m->limit_memory : "");
    StrBuf sb;
    sb_init(&sb);
    if (p->resources.pids.set)
        add(&sb, arena_printf(&ctx->arena, "pids %llu", (unsigned long long)p->resources.pids.value));
    if (p->resources.memory_swap.set)
        add(&sb, arena_printf(&ctx->arena, "memory-swap %s", res_size_text(&ctx->arena, p->resources.memory_swap.value)));
    if (p->resources.nofile.set)
        add(&sb, arena_printf(&ctx->arena, "nofile %s", res_rlimit_text(&ctx->arena, &p->resources.nofile)));
    if (p->resources.nproc.set)
        add(&sb, arena_printf(&ctx->arena, "nproc %s", res_rlimit_text(&ctx->arena, &p->resources.nproc)));
    if (sb.len)
        ex_item(doc, s, "per node only",
                "%s: no Pod field holds them (the kubelet's podPidsLimit and swapBehavior, the runtime's rlimits "
                "do); %s",
                sb.data,
                ctx->opt.backend.k8s_node_limits ? "--k8s-node-limits: the output lists those node settings"
                                                 : "refused (E0921) unless --k8s-node-limits states the nodes "
                                                   "enforce them");
    sb_free(&sb);
    ex_item(doc, s, "spo form", "its SeccompProfile carries no resources (a seccomp profile only); the Pod beside "
                                "it has the limits");
}

void ex_resources_run(ExDoc *doc)
{
    polc_ctx *ctx = doc->ctx;
    if (!any_limit(&ctx->policy))
        return;
    ExSection *s = ex_section(doc, "polc run (the resources section)");
    const char *cg = limits_text(ctx, true), *rl = limits_text(ctx, false);
    if (cg)
        ex_item(doc, s, "cgroup", "%s: limits of a cgroup polc creates for CMD's tree (v1 or v2, as the host "
                                  "mounts them) and removes afterwards",
                cg);
    if (rl)
        ex_item(doc, s, "rlimits", "%s: setrlimit in CMD before it starts", rl);
    ex_item(doc, s, "cannot", "where the host lacks a controller, swap accounting, or lets polc write no cgroup, "
                              "or the invoker may not raise a hard rlimit, polc run refuses (E1110, E1111) "
                              "rather than run CMD without the limit");
}

/* The resources section in a Kubernetes container: cpus and memory are
 * resources.limits, which the kubelet makes cgroup limits of the container.
 * pids, memory-swap, nofile and nproc have no per-container field: a Pod
 * that left them out would let the program use more than the policy says,
 * so they are refused (E0921) unless --k8s-node-limits states that the
 * nodes enforce them, and then the output lists the node settings that do
 * (docs/kubernetes.md, "Resources"). */
#include "backend/k8s_parts.h"
#include "middle/resources_text.h"

#include <string.h>

static void node_limit(const BackendRun *run, K8sManifest *m, bool *ok, Span span, const char *entry,
                       const char *setting)
{
    if (!run->opt->k8s_node_limits) {
        Diag *g = diag_error(run->diag, "E0921", span, "a Kubernetes Pod cannot limit `%s` per container", entry);
        diag_note(run->diag, g, SPAN_NONE, "only the node can: %s", setting);
        diag_help(run->diag, g, "add --k8s-node-limits to state that the cluster's nodes enforce it (the output "
                                "lists the settings), or remove the entry from `resources`");
        *ok = false;
        return;
    }
    VEC_PUSH(run->arena, m->node, ((K8sNodeLimit){entry, setting, span}));
}

static const char *runtime_rlimit(Arena *a, const char *name, const RlimitPair *r)
{
    return arena_printf(a,
                        "the container runtime's default RLIMIT_%s of at most %llu:%llu (CRI-O: default_ulimits "
                        "\"%s=%llu:%llu\"; containerd: its service's Limit%s)",
                        strcmp(name, "nofile") == 0 ? "NOFILE" : "NPROC", (unsigned long long)r->soft,
                        (unsigned long long)r->hard, name, (unsigned long long)r->soft, (unsigned long long)r->hard,
                        strcmp(name, "nofile") == 0 ? "NOFILE" : "NPROC");
}

bool k8s_resources_build(const BackendRun *run, K8sManifest *m)
{
    const Policy *p = run->policy;
    Arena *A = run->arena;
    bool ok = true;
    m->node_limits = run->opt->k8s_node_limits;
    if (p->resources.cpus.set)
        m->limit_cpu = arena_printf(A, "%llum", (unsigned long long)p->resources.cpus.value);
    if (p->resources.memory.set) {
        /* a quantity in the binary suffixes Kubernetes reads exactly: 512Mi */
        const char *t = res_size_text(A, p->resources.memory.value);
        size_t n = strlen(t);
        m->limit_memory = n >= 3 && t[n - 2] == 'i' ? arena_strndup(A, t, n - 1)
                                                    : arena_printf(A, "%llu", (unsigned long long)p->resources.memory.value);
    }
    if (p->resources.pids.set)
        node_limit(run, m, &ok, p->resources.pids.span,
                   arena_printf(A, "pids %llu", (unsigned long long)p->resources.pids.value),
                   arena_printf(A, "the kubelet's podPidsLimit (--pod-max-pids) of at most %llu, for the Pod's "
                                   "containers together",
                                (unsigned long long)p->resources.pids.value));
    if (p->resources.memory_swap.set)
        node_limit(run, m, &ok, p->resources.memory_swap.span,
                   arena_printf(A, "memory-swap %s", res_size_text(A, p->resources.memory_swap.value)),
                   "no swap for containers: the kubelet's memorySwap.swapBehavior NoSwap (the default) or nodes "
                   "without swap; LimitedSwap would give swap the policy does not bound");
    if (p->resources.nofile.set)
        node_limit(run, m, &ok, p->resources.nofile.span,
                   arena_printf(A, "nofile %s", res_rlimit_text(A, &p->resources.nofile)),
                   runtime_rlimit(A, "nofile", &p->resources.nofile));
    if (p->resources.nproc.set)
        node_limit(run, m, &ok, p->resources.nproc.span,
                   arena_printf(A, "nproc %s", res_rlimit_text(A, &p->resources.nproc)),
                   runtime_rlimit(A, "nproc", &p->resources.nproc));
    return ok;
}

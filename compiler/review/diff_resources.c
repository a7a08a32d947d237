/* polc diff of the resources section: a limit raised or removed lets the
 * program use more, so it widens; one lowered or added narrows (docs/diff.md). */
#include "middle/resources_text.h"
#include "review/review.h"

#define NONE "none (the runtime's)"

static void diff_limit(PolicyDiff *d, Arena *A, const char *item, const ResourceLimit *o, const ResourceLimit *n,
                       const char *(*text)(Arena *, uint64_t))
{
    if (o->set == n->set && (!o->set || o->value == n->value))
        return;
    bool widened = !n->set || (o->set && n->value > o->value);
    diff_add_item(d, A, "resources", item, o->set ? text(A, o->value) : NONE, n->set ? text(A, n->value) : NONE,
                  widened ? DIFF_WIDENED : DIFF_NARROWED);
}

static const char *count_text(Arena *A, uint64_t v) { return arena_printf(A, "%llu", (unsigned long long)v); }

static void diff_rlimit(PolicyDiff *d, Arena *A, const char *item, const RlimitPair *o, const RlimitPair *n)
{
    if (o->set == n->set && (!o->set || (o->soft == n->soft && o->hard == n->hard)))
        return;
    /* either half raised is more than the policy allowed before */
    bool widened = !n->set || (o->set && (n->soft > o->soft || n->hard > o->hard));
    diff_add_item(d, A, "resources", item, o->set ? res_rlimit_text(A, o) : NONE,
                  n->set ? res_rlimit_text(A, n) : NONE, widened ? DIFF_WIDENED : DIFF_NARROWED);
}

void diff_resources(const Policy *o, const Policy *n, PolicyDiff *d, Arena *A)
{
    diff_limit(d, A, "pids", &o->resources.pids, &n->resources.pids, count_text);
    diff_limit(d, A, "memory", &o->resources.memory, &n->resources.memory, res_size_text);
    diff_limit(d, A, "memory-swap", &o->resources.memory_swap, &n->resources.memory_swap, res_size_text);
    diff_limit(d, A, "cpus", &o->resources.cpus, &n->resources.cpus, res_cpus_text);
    diff_rlimit(d, A, "nofile", &o->resources.nofile, &n->resources.nofile);
    diff_rlimit(d, A, "nproc", &o->resources.nproc, &n->resources.nproc);
}

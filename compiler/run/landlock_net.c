/* The network section's TCP ports as Landlock network rules (ABI 4):
 * `allow tcp bind P` and `allow tcp connect P` become LANDLOCK_RULE_NET_PORT
 * rules, and each kind that has an entry becomes a handled right, denied on
 * every port no rule lists (bind() and connect() then fail with EACCES).
 * Landlock only grants, which is why the language has no `deny tcp`. Socket
 * families and types are not here: they are rules of the seccomp program
 * (middle/lower_network.c). And the scopes (ABI 6): `scope abstract-unix`
 * and `scope signal` confine abstract unix sockets and signals to the
 * sandbox's own processes. docs/run.md has the mapping. */
#include <errno.h>
#include <linux/landlock.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "run/run.h"

/* ABI 4 (Linux 6.7), newer than Debian 12's linux/landlock.h */
#define LL_NET_BIND_TCP (1ULL << 0)
#define LL_NET_CONNECT_TCP (1ULL << 1)
#define LL_RULE_NET_PORT 2
#define LL_NET_ABI 4
#define LL_SCOPE_ABI 6 /* LL_SCOPE_*: run.h */

struct ll_ruleset_attr_scoped { /* struct landlock_ruleset_attr from ABI 6 */
    uint64_t handled_access_fs;
    uint64_t handled_access_net;
    uint64_t scoped;
};

struct ll_net_port_attr { /* struct landlock_net_port_attr */
    uint64_t allowed_access;
    uint64_t port;
};

int landlock_net_plan(const Policy *p, LlPlan *out)
{
    out->handled_net = 0;
    out->nports = 0;
    if (!p->net.tcp.len)
        return 0;
    /* one rule per port, with the rights of every entry that lists it */
    uint8_t *rights = arena_alloc(p->arena, 65536);
    memset(rights, 0, 65536);
    for (size_t i = 0; i < p->net.tcp.len; i++) {
        const NetPort *np = &p->net.tcp.items[i];
        uint8_t r = np->connect ? LL_NET_CONNECT_TCP : LL_NET_BIND_TCP;
        out->handled_net |= r;
        for (uint32_t port = np->lo; port <= np->hi; port++) {
            out->nports += !rights[port];
            rights[port] |= r;
        }
    }
    out->ports = arena_alloc(p->arena, out->nports * sizeof *out->ports);
    size_t k = 0;
    for (uint32_t port = 0; port < 65536; port++)
        if (rights[port])
            out->ports[k++] = (LlPort){(uint16_t)port, rights[port]};
    return LL_NET_ABI;
}

int landlock_scope_plan(const Policy *p, LlPlan *out)
{
    out->scoped = (p->net.scope_abstract_unix ? LL_SCOPE_ABSTRACT_UNIX_SOCKET : 0) |
                  (p->process.scope_signal ? LL_SCOPE_SIGNAL : 0);
    return out->scoped ? LL_SCOPE_ABI : 0;
}

int landlock_create_ruleset(const LlPlan *plan)
{
    struct ll_ruleset_attr_scoped attr = {plan->handled, plan->handled_net, plan->scoped};
    /* a kernel below ABI 4 (6) knows only the first (two) fields: never pass
     * it more (and the plan never has their rights below those ABIs) */
    size_t size = plan->scoped        ? sizeof attr
                  : plan->handled_net ? 2 * sizeof(uint64_t)
                                      : sizeof attr.handled_access_fs;
    return (int)syscall(SYS_landlock_create_ruleset, &attr, size, 0);
}

int landlock_net_add_rules(const LlPlan *plan, int ruleset)
{
    for (size_t i = 0; i < plan->nports; i++) {
        struct ll_net_port_attr a = {plan->ports[i].access, plan->ports[i].port};
        if (syscall(SYS_landlock_add_rule, ruleset, LL_RULE_NET_PORT, &a, 0) != 0)
            return errno;
    }
    return 0;
}

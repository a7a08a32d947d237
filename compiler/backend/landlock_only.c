/* What only Landlock enforces, in the container outputs: refused.
 *
 * TCP ports (`allow tcp bind|connect PORTS`): seccomp sees bind() and
 * connect() with a pointer to the address, never the port, and AppArmor 3.0
 * (Debian's) has no port rules. Leaving the entries out would let every port
 * be used.
 *
 * Scopes (`scope abstract-unix`, `scope signal`): the sandbox is one
 * Landlock domain, CMD's process tree. Seccomp cannot see a signal's or a
 * socket's peer, and AppArmor's peer rules (`peer=@{profile_name}`) cannot
 * tell this sandbox from another one confined by the same profile, so both
 * would allow more than the policy.
 *
 * Each output refuses the policy, naming the entry; polc run enforces both
 * with Landlock and loads the same BPF program (BackendOptions.landlock_enforced). */
#include <stdio.h>

#include "backend/landlock_only.h"

static const char *entry_text(const Policy *p, const NetPort *first)
{
    StrBuf sb;
    sb_init(&sb);
    sb_printf(&sb, "allow tcp %s ", first->connect ? "connect" : "bind");
    const char *sep = "";
    for (size_t i = 0; i < p->net.tcp.len; i++) {
        const NetPort *np = &p->net.tcp.items[i];
        if (np->span.file != first->span.file || np->span.start != first->span.start)
            continue;
        sb_printf(&sb, np->lo == np->hi ? "%s%u" : "%s%u-%u", sep, np->lo, np->hi);
        sep = ", ";
    }
    const char *t = arena_strdup(p->arena, sb.data ? sb.data : "");
    sb_free(&sb);
    return t;
}

bool backend_refuses_tcp_ports(const Policy *p, const BackendOptions *opt, const char *output, bool apparmor,
                               DiagEngine *diag)
{
    if (!p->net.tcp.len || opt->landlock_enforced)
        return false;
    const NetPort *first = &p->net.tcp.items[0];
    Diag *g = diag_error(diag, apparmor ? "E0807" : "E0417", first->span, "the %s cannot express `%s`", output,
                         entry_text(p, first));
    if (apparmor)
        diag_note(diag, g, SPAN_NONE, "AppArmor 3.0 has no rules on ports; without the entry every port could be used");
    else
        diag_note(diag, g, SPAN_NONE, "seccomp sees a pointer to the address of bind() and connect(), never the port; "
                                      "without the entry every port could be used");
    diag_help(diag, g, "run the program with `polc run`, which enforces TCP ports with Landlock (Linux 6.7 or "
                       "later); for a container, remove the `tcp` entries");
    return true;
}

bool backend_refuses_scopes(const Policy *p, const BackendOptions *opt, const char *output, bool apparmor,
                            DiagEngine *diag)
{
    if (opt->landlock_enforced || (!p->net.scope_abstract_unix && !p->process.scope_signal))
        return false;
    bool sig = p->process.scope_signal;
    Span at = sig ? p->process.scope_signal_span : p->net.scope_abstract_unix_span;
    Diag *g = diag_error(diag, apparmor ? "E0808" : "E0422", at, "the %s cannot express `scope %s`", output,
                         sig ? "signal" : "abstract-unix");
    if (apparmor)
        diag_note(diag, g, SPAN_NONE, "AppArmor's peer rules name a profile, not one sandbox: another program confined "
                                      "by the same profile would count as inside");
    else
        diag_note(diag, g, SPAN_NONE, "seccomp sees a %s, never whose it is", sig ? "process id" : "socket address");
    diag_help(diag, g, "run the program with `polc run`, which enforces scopes with Landlock (Linux 6.12 or "
                       "later); for a container, remove the `scope` statements (a container's own pid and "
                       "network namespaces scope signals and abstract sockets to it)");
    return true;
}

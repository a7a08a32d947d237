/* TCP ports (`allow tcp bind|connect PORTS`) in the container outputs: none
 * of them can express a port. Seccomp sees bind() and connect() with a
 * pointer to the address, never the port, and AppArmor 3.0 (Debian's) has no
 * port rules. Leaving the entries out would let every port be used, so each
 * output refuses the policy, naming the entry; polc run enforces the ports
 * with Landlock and loads the same BPF program (BackendOptions.tcp_ports_by_landlock). */
#include <stdio.h>

#include "backend/net_ports.h"

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
    if (!p->net.tcp.len || opt->tcp_ports_by_landlock)
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

/* bind() and connect() against the network section's TCP ports, as Landlock
 * enforces them (ABI 4). Landlock has no permissive mode, so complain mode
 * applies no ruleset and the supervisor judges here instead, as the kernel's
 * security/landlock/net.c does: only TCP sockets are checked (inet or inet6,
 * SOCK_STREAM, IPPROTO_TCP), the port comes from the address the call passes,
 * and a connect() with AF_UNSPEC (a disconnect) is not checked. The socket's
 * kind is read from the socket itself, taken from the task with pidfd_getfd. */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "run/complain.h"

#define LL_NET_BIND_TCP (1ULL << 0)
#define LL_NET_CONNECT_TCP (1ULL << 1)

const char *const complain_net_syscalls[] = {"bind", "connect", NULL};

/* The task's socket fd, duplicated into polc; -1 when it is not a TCP socket
 * or cannot be reached (then the kernel decides nothing Landlock would). */
static bool is_tcp_socket(int listener, const struct seccomp_notif *req, int fd)
{
    int pidfd = (int)syscall(SYS_pidfd_open, req->pid, 0);
    if (pidfd < 0)
        return false;
    /* the pid may have been reused since the notification: check it names
     * the notifying task before trusting the fd we take from it */
    uint64_t id = req->id;
    if (ioctl(listener, SECCOMP_IOCTL_NOTIF_ID_VALID, &id) != 0) {
        close(pidfd);
        return false;
    }
    int sock = (int)syscall(SYS_pidfd_getfd, pidfd, fd, 0);
    close(pidfd);
    if (sock < 0)
        return false;
    int type = 0, proto = 0, domain = 0;
    socklen_t l1 = sizeof type, l2 = sizeof proto, l3 = sizeof domain;
    bool tcp = getsockopt(sock, SOL_SOCKET, SO_TYPE, &type, &l1) == 0 &&
               getsockopt(sock, SOL_SOCKET, SO_PROTOCOL, &proto, &l2) == 0 &&
               getsockopt(sock, SOL_SOCKET, SO_DOMAIN, &domain, &l3) == 0 && type == SOCK_STREAM &&
               proto == IPPROTO_TCP && (domain == AF_INET || domain == AF_INET6);
    close(sock);
    return tcp;
}

/* The port the address names; false when Landlock does not check it. */
static bool address_port(int listener, const struct seccomp_notif *req, bool connect, uint16_t *port)
{
    uint64_t addr = req->data.args[1], len = req->data.args[2];
    struct sockaddr_in6 sa; /* the larger of the two: sin_port is at the same offset */
    memset(&sa, 0, sizeof sa);
    if (len < sizeof(sa_family_t) || !addr)
        return false; /* EINVAL or EFAULT from the kernel itself */
    size_t n = len < sizeof sa ? (size_t)len : sizeof sa;
    if (!supervise_read_mem(listener, req, addr, &sa, n))
        return false;
    switch (sa.sin6_family) {
    case AF_UNSPEC:
        if (connect)
            return false; /* a disconnect */
        break;            /* bind: checked as AF_INET */
    case AF_INET:
    case AF_INET6: break;
    default: return false; /* the kernel refuses a mismatched family itself */
    }
    if (n < offsetof(struct sockaddr_in, sin_port) + sizeof sa.sin6_port)
        return false;
    *port = ntohs(sa.sin6_port);
    return true;
}

/* The entry that makes the right handled: the first of its kind. */
static Span handled_by(const Policy *p, bool connect)
{
    for (size_t i = 0; i < p->net.tcp.len; i++)
        if (p->net.tcp.items[i].connect == connect)
            return p->net.tcp.items[i].span;
    return p->name_span;
}

const char *complain_net_judge(ComplainState *cs, int listener, const struct seccomp_notif *req, const char *sys,
                               Span *span, const char **right, const char **port_out)
{
    bool connect = strcmp(sys, "connect") == 0;
    if (!connect && strcmp(sys, "bind") != 0)
        return NULL;
    uint64_t want = connect ? LL_NET_CONNECT_TCP : LL_NET_BIND_TCP;
    if (!(cs->ll->handled_net & want))
        return NULL;
    uint16_t port;
    if (!address_port(listener, req, connect, &port) || !is_tcp_socket(listener, req, (int)req->data.args[0]))
        return NULL;
    for (size_t i = 0; i < cs->ll->nports; i++)
        if (cs->ll->ports[i].port == port)
            if (cs->ll->ports[i].access & want)
                return NULL;
    Arena *a = cs->p->arena;
    *span = handled_by(cs->p, connect);
    *right = connect ? "connect-tcp" : "bind-tcp";
    *port_out = arena_printf(a, "%u", port);
    return arena_printf(a, "network tcp %s (port %u)", connect ? "connect" : "bind", port);
}

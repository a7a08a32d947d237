#!/usr/bin/env python3
"""audit_backlog.py [LIMIT]: print the kernel audit backlog limit, or set it.

Without auditd the kernel keeps at most audit_backlog_limit (64 by default)
records waiting for kauditd to print them, and drops the rest under load:
a learning run that reads SECCOMP_RET_LOG records from the kernel's log then
misses calls. AUDIT_GET / AUDIT_SET over the audit netlink socket (what
`auditctl -b` does; auditd is not installed here). Needs CAP_AUDIT_CONTROL.
"""
import socket
import struct
import sys

NETLINK_AUDIT, AUDIT_GET, AUDIT_SET = 9, 1000, 1001
NLM_F_REQUEST, NLM_F_ACK, NLMSG_ERROR = 1, 4, 2
AUDIT_STATUS_BACKLOG_LIMIT = 0x10
STATUS = struct.Struct("=11I")  # struct audit_status (uapi/linux/audit.h)


def request(sock, kind, payload, flags):
    sock.send(struct.pack("=IHHII", 16 + len(payload), kind, flags, 1, 0) + payload)
    while True:
        data = sock.recv(65536)
        length, rtype = struct.unpack_from("=IH", data)
        if rtype == NLMSG_ERROR:
            err = struct.unpack_from("=i", data, 16)[0]
            if err:
                raise OSError(-err, "audit netlink request refused")
            if kind == AUDIT_SET:
                return None
            continue
        if rtype == kind:
            return data[16:length]


def main():
    sock = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, NETLINK_AUDIT)
    sock.bind((0, 0))
    if len(sys.argv) > 1:
        status = [0] * 11
        status[0], status[5] = AUDIT_STATUS_BACKLOG_LIMIT, int(sys.argv[1])
        request(sock, AUDIT_SET, STATUS.pack(*status), NLM_F_REQUEST | NLM_F_ACK)
    reply = request(sock, AUDIT_GET, b"", NLM_F_REQUEST)
    print(STATUS.unpack_from(reply.ljust(STATUS.size, b"\0"))[5])


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Writes the seccomp filter a running process has loaded, as raw BPF bytes
(the layout of NAME.bpf), read from the kernel with PTRACE_SECCOMP_GET_FILTER
(needs CAP_SYS_ADMIN): what polc run really loaded, not what it says it did.

Usage: seccomp_filter.py PID OUT [INDEX]   (INDEX 0: the most recent filter)
"""
import ctypes
import os
import sys

PTRACE_DETACH = 17
PTRACE_SEIZE = 0x4206
PTRACE_INTERRUPT = 0x4207
PTRACE_SECCOMP_GET_FILTER = 0x420C
WALL = 0x40000000

libc = ctypes.CDLL(None, use_errno=True)
libc.ptrace.restype = ctypes.c_long
libc.ptrace.argtypes = [ctypes.c_long, ctypes.c_long, ctypes.c_void_p, ctypes.c_void_p]


def check(r, what):
    if r < 0:
        e = ctypes.get_errno()
        sys.exit(f"seccomp_filter.py: {what}: {os.strerror(e)}")
    return r


def main():
    pid, out = int(sys.argv[1]), sys.argv[2]
    index = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    check(libc.ptrace(PTRACE_SEIZE, pid, None, None), "PTRACE_SEIZE")
    check(libc.ptrace(PTRACE_INTERRUPT, pid, None, None), "PTRACE_INTERRUPT")
    os.waitpid(pid, WALL)
    n = check(libc.ptrace(PTRACE_SECCOMP_GET_FILTER, pid, ctypes.c_void_p(index), None), "count")
    buf = ctypes.create_string_buffer(n * 8)
    check(libc.ptrace(PTRACE_SECCOMP_GET_FILTER, pid, ctypes.c_void_p(index), buf), "PTRACE_SECCOMP_GET_FILTER")
    libc.ptrace(PTRACE_DETACH, pid, None, None)
    with open(out, "wb") as f:
        f.write(buf.raw)


main()

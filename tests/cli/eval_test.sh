#!/usr/bin/env bash
# polc eval: the action and the deciding rule for calls on the examples.
#   eval_test.sh POLC EXAMPLES_DIR
set -euo pipefail
polc=$1 ex=$2
fail=0 pass=0
check() { # policy, arch, call, expected action, expected "decided by" text
    local out
    if ! out=$("$polc" eval "$ex/$1" --arch "$2" "$3" 2>&1); then
        echo "FAIL $1 $3: polc eval failed:"; echo "$out"; fail=$((fail + 1)); return
    fi
    if grep -qx "action: $4" <<<"$out" && grep -q "decided by: $5" <<<"$out"; then
        pass=$((pass + 1))
    else
        echo "FAIL $1 $2 $3: expected action $4 decided by $5, got:"; echo "$out" | head -3; fail=$((fail + 1))
    fi
}
check nginx.pol x86_64 'socket(AF_INET, SOCK_STREAM, 0)' allow 'nginx.pol:25'
check nginx.pol x86_64 'socket(AF_NETLINK, SOCK_RAW, 0)' 'errno(EPERM)' 'the default'
check nginx.pol aarch64 'socket(AF_UNIX, SOCK_STREAM, 0)' allow 'nginx.pol:25'
check nginx.pol x86_64 'ptrace(0, 0, 0, 0)' kill-process 'nginx.pol:35'
check nginx.pol x86_64 'clone(CLONE_NEWUSER | SIGCHLD, 0, 0, 0, 0)' 'errno(EPERM)' 'the default'
check nginx.pol x86_64 'clone(CLONE_VM | CLONE_THREAD | CLONE_SIGHAND, 0, 0, 0, 0)' allow 'nginx.pol:28'
check nginx.pol x86_64 'memfd_create(0, 0)' 'errno(ENOSYS)' 'nginx.pol:34'
check nginx.pol x86 'getpid()' kill-process 'the policy does not target'
check go-service.pol x86_64 'execve(0, 0, 0)' 'errno(EACCES)' 'go-service.pol'
check go-service.pol x86_64 'getcwd(0, 0)' kill-process 'the default'
check python-worker.pol x86_64 'mprotect(0, 4096, PROT_READ | PROT_WRITE | PROT_EXEC)' 'errno(EPERM)' 'the default'
check python-worker.pol x86_64 'mprotect(0, 4096, PROT_READ | PROT_EXEC)' allow 'python-worker.pol'
# bad input: an unknown syscall and an unknown constant are usage errors
if "$polc" eval "$ex/nginx.pol" 'nosuchcall()' >/dev/null 2>&1; then echo "FAIL unknown syscall accepted"; fail=$((fail + 1)); else pass=$((pass + 1)); fi
if "$polc" eval "$ex/nginx.pol" 'socket(AF_NOPE)' >/dev/null 2>&1; then echo "FAIL unknown constant accepted"; fail=$((fail + 1)); else pass=$((pass + 1)); fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]

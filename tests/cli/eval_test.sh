#!/usr/bin/env bash
# polc eval: the action and the deciding rule for calls on the examples.
#   eval_test.sh POLC EXAMPLES_DIR
set -euo pipefail
polc=$1 ex=$2
fail=0 pass=0
check() { # policy, arch, call, expected action, expected "decided by" text
    local out
    if ! out=$("$polc" eval ${strict:+--strict-int-args} "$ex/$1" --arch "$2" "$3" 2>&1); then
        echo "FAIL $1 $3: polc eval failed:"; echo "$out"; fail=$((fail + 1)); return
    fi
    if grep -qx "action: $4" <<<"$out" && grep -q "decided by: $5" <<<"$out"; then
        pass=$((pass + 1))
    else
        echo "FAIL $1 $2 $3: expected action $4 decided by $5, got:"; echo "$out" | head -3; fail=$((fail + 1))
    fi
}
# "nginx.pol:N" of the example's first line matching a pattern (the examples change)
at() { echo "$1:$(grep -n -m1 -- "$2" "$ex/$1" | cut -d: -f1)"; }
check nginx.pol x86_64 'socket(AF_INET, SOCK_STREAM, 0)' allow "$(at nginx.pol 'allow socket if')"
check nginx.pol x86_64 'socket(AF_NETLINK, SOCK_RAW, 0)' 'errno(EPERM)' 'the default'
check nginx.pol aarch64 'socket(AF_UNIX, SOCK_STREAM, 0)' allow "$(at nginx.pol 'allow socket if')"
check nginx.pol x86_64 'ptrace(0, 0, 0, 0)' kill-process "$(at nginx.pol 'kill-process ptrace')"
check nginx.pol x86_64 'clone(CLONE_NEWUSER | SIGCHLD, 0, 0, 0, 0)' 'errno(EPERM)' "$(at nginx.pol 'deny clone$')"
# runc's preset allows clone for its Go runtime (the example denies the namespace flags)
check nginx.pol x86_64 'clone(CLONE_VM | CLONE_THREAD | CLONE_SIGHAND, 0, 0, 0, 0)' allow 'presets/base/go.pol'
check nginx.pol x86_64 'memfd_create(0, 0)' 'errno(ENOSYS)' "$(at nginx.pol 'deny memfd_create')"
check nginx.pol x86 'getpid()' kill-process 'the policy does not target'
# a signal handler returns through rt_sigreturn: denying it crashes the service (and runc's Go runtime,
# preempted by a signal after the filter is loaded, before it execs the program)
check nginx.pol x86_64 'rt_sigreturn()' allow 'presets/base/go.pol'
check postgres.pol x86_64 'rt_sigreturn()' allow 'presets/base/go.pol'
# postgres: its System V segment attaches, never executable; isatty() only through ioctl
check postgres.pol x86_64 'shmat(0, 0, SHM_EXEC)' 'errno(EACCES)' "$(at postgres.pol 'deny shmat')"
check postgres.pol x86_64 'shmat(0, 0, 0)' allow "$(at postgres.pol 'allow shmget')"
check postgres.pol x86_64 'ioctl(0, TIOCSTI, 0)' 'errno(EPERM)' 'the default'
# the Go service: a fork (clone without CLONE_THREAD) refused over the go preset's clone rule
check go-service.pol x86_64 'clone(SIGCHLD, 0, 0, 0, 0)' 'errno(EPERM)' "$(at go-service.pol 'deny clone if')"
check go-service.pol aarch64 'clone(CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD, 0, 0, 0, 0)' allow 'presets/base/go.pol'
check go-service.pol x86_64 'prlimit64(1, 7, 0, 0)' 'errno(EPERM)' 'the default'
# a deny rule's errno and a kill-process default: the go-service example as
# shipped before issue 16 (tests/lint/old-examples)
ex_save=$ex; ex=$(cd "$(dirname "$0")/../lint/old-examples" && pwd)
check go-service.pol x86_64 'execve(0, 0, 0)' 'errno(EACCES)' 'go-service.pol'
check go-service.pol x86_64 'getcwd(0, 0)' kill-process 'the default'
ex=$ex_save
# W^X: the deny on the writable-and-executable mask decides; the rest is the glibc preset's
check python-worker.pol x86_64 'mprotect(0, 4096, PROT_READ | PROT_WRITE | PROT_EXEC)' 'errno(EPERM)' "$(at python-worker.pol 'deny mprotect if')"
check python-worker.pol x86_64 'mprotect(0, 4096, PROT_READ | PROT_EXEC)' allow 'presets/base/glibc.pol'
# a fork is denied, a thread (runc's Go runtime) allowed by the preset
check python-worker.pol x86_64 'clone(SIGCHLD, 0, 0, 0, 0)' 'errno(EPERM)' "$(at python-worker.pol 'deny clone if flags & CLONE_THREAD')"
check python-worker.pol x86_64 'clone(CLONE_VM | CLONE_THREAD | CLONE_SIGHAND, 0, 0, 0, 0)' allow 'presets/base/go.pol'
check python-worker.pol x86_64 'ioctl(0, TIOCSTI, 0)' 'errno(EPERM)' 'the default'
check python-worker.pol x86_64 'ioctl(3, FIONBIO, 0)' allow "$(at python-worker.pol 'allow ioctl if')"
# the example as shipped before issue 16: a conditional allow (mask != value)
# decides, nothing else allows mprotect there
ex_save=$ex; ex=$(cd "$(dirname "$0")/../lint/old-examples" && pwd)
check python-worker.pol x86_64 'mprotect(0, 4096, PROT_READ | PROT_WRITE | PROT_EXEC)' 'errno(EPERM)' 'the default'
check python-worker.pol x86_64 'mprotect(0, 4096, PROT_READ | PROT_EXEC)' allow 'python-worker.pol:29'
ex=$ex_save
# security regressions (tests/cli/regress.pol)
reg=$(cd "$(dirname "$0")" && pwd)/regress.pol
ex_save=$ex; ex=$(dirname "$reg")
check regress.pol x86_64 'mkdir(0, 0)' 'errno(EACCES)' 'regress.pol:8'
# x32 bypass: x32 is not a target, so x32 numbers (0x40000000 | nr) are killed, never allowed
check regress.pol x32 'mkdir(0, 0)' kill-process 'the policy does not target'
check regress.pol x32 'getpid()' kill-process 'the policy does not target'
# i386 through int 0x80 arrives as the x86 ABI: decided by the x86 tree
check regress.pol x86 'mkdir(0, 0)' 'errno(EACCES)' 'regress.pol:8'
# high-word confusion: a 32-bit argument is what the kernel reads, its low
# half, so junk in the high half cannot slip past a denial ...
check regress.pol x86_64 'personality(0xffffffff)' 'errno(EPERM)' 'regress.pol:9'
check regress.pol x86_64 'personality(0x1ffffffff)' 'errno(EPERM)' 'regress.pol:9'
check regress.pol x86_64 'personality(0xffffffffffffffff)' 'errno(EPERM)' 'regress.pol:9'
check regress.pol x86_64 'personality(0x1fffffffe)' allow 'the default'
# ... while a 64-bit argument compares both halves
check regress.pol x86_64 'lseek(0, 0x100000000, 0)' 'errno(EINVAL)' 'regress.pol:10'
check regress.pol x86_64 'lseek(0, 0, 0)' allow 'the default'
check regress.pol x86_64 'lseek(0, 0x200000000, 0)' allow 'the default'
# on the 32-bit x86 ABI the kernel passes 32-bit values: the low half decides
check regress.pol x86 'personality(0xffffffff)' 'errno(EPERM)' 'regress.pol:9'
# sign extension: -1 is the sign-extended 64-bit value C callers pass
check regress.pol x86_64 'kill(-1, 9)' 'errno(EPERM)' 'regress.pol:11'
check regress.pol x86_64 'kill(0xffffffffffffffff, 9)' 'errno(EPERM)' 'regress.pol:11'
check regress.pol x86_64 'kill(0xffffffff, 9)' 'errno(EPERM)' 'regress.pol:11'
# the kernel reads pid as int -1 here too: a 64-bit compare would let it through
check regress.pol x86_64 'kill(0x7fffffffffffffff, 9)' 'errno(EPERM)' 'regress.pol:11'
check regress.pol x86_64 'kill(0x1fffffffe, 9)' allow 'the default'
check regress.pol x86 'kill(0xffffffff, 9)' 'errno(EPERM)' 'regress.pol:11'
# socketcall multiplexing: denying bind also denies socketcall(SYS_BIND) on i386
check regress.pol x86 'bind(3, 0, 0)' 'errno(EADDRNOTAVAIL)' 'regress.pol:12'
check regress.pol x86 'socketcall(2, 0)' 'errno(EADDRNOTAVAIL)' 'regress.pol:12'
check regress.pol x86 'socketcall(1, 0)' allow 'the default'
# --strict-int-args: a high half that is neither zero nor the sign extension of
# the low half gets the harshest outcome of the syscall (the IR and the BPF)
strict=1
check regress.pol x86_64 'kill(0x1fffffffe, 9)' 'errno(EPERM)' 'regress.pol:11'
check regress.pol x86_64 'kill(0xffffffff, 9)' 'errno(EPERM)' 'regress.pol:11'
check regress.pol x86_64 'kill(0xfffffffffffffffe, 9)' allow 'the default'
check regress.pol x86_64 'kill(0xfffffffe, 9)' allow 'the default'
check regress.pol x86_64 'kill(0xffffffff7ffffffe, 9)' 'errno(EPERM)' 'regress.pol:11'
check regress.pol x86 'kill(0xfffffffe, 9)' allow 'the default'
check regress.pol x86_64 'lseek(0, 0x200000000, 0)' allow 'the default'
strict=
ex=$ex_save

# bad input: an unknown syscall and an unknown constant are usage errors
if "$polc" eval "$ex/nginx.pol" 'nosuchcall()' >/dev/null 2>&1; then echo "FAIL unknown syscall accepted"; fail=$((fail + 1)); else pass=$((pass + 1)); fi
if "$polc" eval "$ex/nginx.pol" 'socket(AF_NOPE)' >/dev/null 2>&1; then echo "FAIL unknown constant accepted"; fail=$((fail + 1)); else pass=$((pass + 1)); fi
# a misspelt syscall gets the closest name of the arch asked about
got=$("$polc" eval "$ex/nginx.pol" 'opnat(1)' 2>&1 >/dev/null || true)
want=$(printf 'error[E0210]: unknown syscall `opnat` on x86_64\nhelp: did you mean `openat`?')
if [ "$got" = "$want" ]; then pass=$((pass + 1)); else echo "FAIL misspelt syscall: [$got]"; fail=$((fail + 1)); fi
# the Docker format cannot carry --strict-int-args: refused, nothing written
out=$(mktemp -d)
if "$polc" --strict-int-args -t docker "$ex/nginx.pol" -o "$out" 2>"$out.err" || ! grep -q 'E0412' "$out.err" ||
    [ -n "$(ls -A "$out")" ]; then
    echo "FAIL --strict-int-args with the Docker back end:"; cat "$out.err"; fail=$((fail + 1))
else
    pass=$((pass + 1))
fi
rm -rf "$out" "$out.err"
# a rule whose action is the default's is folded into it by the optimizer;
# the rule is still the one named (and a call no rule matches is the default's)
same=$(mktemp -d)
printf 'policy same\narch x86_64\ndefault errno(EPERM)\nsyscalls {\n    allow mprotect if prot & PROT_EXEC == 0\n    deny mprotect if prot & PROT_EXEC\n    deny mkdir\n}\n' >"$same/same.pol"
ex=$same
check same.pol x86_64 'mprotect(0, 4096, PROT_READ | PROT_EXEC)' 'errno(EPERM)' 'same.pol:6  deny mprotect if prot & PROT_EXEC'
check same.pol x86_64 'mkdir(0, 0)' 'errno(EPERM)' 'same.pol:7  deny mkdir'
check same.pol x86_64 'mprotect(0, 4096, PROT_READ)' allow 'same.pol:5'
check same.pol x86_64 'getpid()' 'errno(EPERM)' 'the default'
# issue 18's case: after Docker's profile (which allows socket for almost every
# family), the policy's own `deny socket if ...` decides, with the default's errno
printf 'policy web\narch x86_64\ninclude <docker/default.pol>\nsyscalls {\n    deny socket if domain not in {AF_INET, AF_INET6, AF_UNIX}\n}\n' >"$same/web.pol"
check web.pol x86_64 'socket(AF_NETLINK, SOCK_RAW, 0)' 'errno(EPERM)' 'web.pol:5  deny socket if domain not in {AF_INET, AF_INET6, AF_UNIX}'
check web.pol x86_64 'socket(AF_INET, SOCK_STREAM, 0)' allow 'docker/default.pol:102'
check web.pol x86_64 'socket(AF_ALG, SOCK_SEQPACKET, 0)' 'errno(EPERM)' 'web.pol:5'
check web.pol x86_64 'kexec_load(0, 0, 0, 0)' 'errno(EPERM)' 'the default'
rm -rf "$same"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]

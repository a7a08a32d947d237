#!/usr/bin/env bash
# over_limit.sh POLC GEN_SCALE SECCOMP_ORACLE STDLIB
# A generated policy of 3000 rules (x86_64 and aarch64, argument conditions
# over ~190 syscalls) needs far more than 4096 BPF instructions.
set -u
polc=$1 gen=$2 oracle=$3 stdlib=$4
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
cd "$tmp" || exit 1
"$gen" "$stdlib" 3000 > big.pol || fail "gen_scale"

# 1. the BPF back end refuses, with the size, the costly rules and what to do
"$polc" --color=never -t bpf big.pol -o out 2> bpf.err
rc=$?
[ "$rc" -eq 1 ] || { cat bpf.err; fail "polc -t bpf exited $rc, expected 1"; }
[ ! -e out/big.bpf ] || fail "a refused program was written"
grep -Eq '^error\[E0410\]: the BPF program has [0-9]+ instructions; the kernel accepts at most 4096 in one filter$' bpf.err ||
    { cat bpf.err; fail "no E0410 headline"; }
n=$(sed -n 's/^error\[E0410\]: the BPF program has \([0-9]*\) instructions.*/\1/p' bpf.err)
[ "$n" -gt 4096 ] || fail "E0410 for $n instructions"
[ "$(grep -Ec '^big\.pol:[0-9]+:[0-9]+: note: [0-9]+ instructions test this rule' bpf.err)" -eq 3 ] ||
    { cat bpf.err; fail "expected the three costliest rules with file:line:col"; }
grep -Eq '^note: [0-9]+ instructions test the arguments of [0-9]+ syscalls \([0-9]+ rules with conditions\); most: `' bpf.err ||
    { cat bpf.err; fail "no per-syscall cost note"; }
grep -q '^help: .*--arch (this program serves x86_64, aarch64)$' bpf.err || { cat bpf.err; fail "no help naming --arch"; }
grep -q '^help: the Docker profile (-t docker) has no such limit' bpf.err || { cat bpf.err; fail "no help about -t docker"; }
# one architecture fewer is still too large here: the same error, smaller
"$polc" --color=never -t bpf --arch x86_64 big.pol -o out 2> bpf1.err && fail "x86_64 alone fits: make the policy larger"
n1=$(sed -n 's/^error\[E0410\]: the BPF program has \([0-9]*\) instructions.*/\1/p' bpf1.err)
[ -n "$n1" ] && [ "$n1" -lt "$n" ] || { cat bpf1.err; fail "--arch x86_64: expected a smaller E0410 program"; }

# 2. the Docker back end compiles it
"$polc" --color=never -t docker big.pol -o out 2> docker.err || { cat docker.err; fail "polc -t docker"; }
[ -s out/big.seccomp.json ] || fail "no Docker profile"

# 3. libseccomp builds the filter runc would load, and it decides as the policy:
# the first conditional allow, and a value no rule names
line=$(grep -m1 -E '^  allow [a-z0-9_]+(, [a-z0-9_]+)* if [a-z_0-9]+ == [0-9]+$' big.pol) || fail "no allow rule"
call=$(echo "$line" | sed -E 's/^  allow ([a-z0-9_]+).*/\1/')
arg=$(echo "$line" | sed -E 's/.* if ([a-z_0-9]+) == .*/\1/')
val=$(echo "$line" | sed -E 's/.* == ([0-9]+)$/\1/')
idx=$(grep -m1 "^$call " "$stdlib/syscalls/signatures.tbl" | tr ' ' '\n' | tail -n +2 | grep -n "^$arg:" | cut -d: -f1)
[ -n "$idx" ] || fail "no index for $call $arg"
args=("0" "0" "0" "0" "0" "0")
args[$((idx - 1))]=$val
q1="$call,$(IFS=,; echo "${args[*]}")"
args[$((idx - 1))]=4000000
q2="$call,$(IFS=,; echo "${args[*]}")"
"$oracle" out/big.seccomp.json --cap SYS_ADMIN --cap NET_BIND_SERVICE --info "$q1" "$q2" > oracle.out 2> oracle.err ||
    { cat oracle.err; fail "libseccomp could not build the filter"; }
grep -Eq '^program: [0-9]+ instructions' oracle.err || { cat oracle.err; fail "no program length from the oracle"; }
printf 'allow\nerrno(1)\n' > want
head -2 oracle.out | diff -u want - || fail "libseccomp decides $q1 / $q2 differently from the policy"
sed -n 's/^program: \([0-9]*\) instructions.*/libseccomp program: \1 instructions (polc BPF: '"$n"')/p' oracle.err
echo "PASS"

#!/usr/bin/env bash
# `polc --check` says what writing the output says. --check plans the BPF
# number search only when the program might not fit in one filter
# (compiler/backend/bpf.c, fits_unplanned) and writes nothing; this test is
# that it reports nothing less. For every policy of the examples and of the
# test suites and each back end T, `polc --check --verify-libseccomp -t T
# FILE` and `polc -t T FILE -o DIR` give the same diagnostics (text) and exit
# status (one target at a time, since --check stops at the first back end
# that refuses).
# Generated policies (bench/gen_scale) take the planned path: one whose
# program is over 261 instructions, one over the 4096 limit (E0410).
# usage: check_parity.sh POLC SOURCE_DIR GEN_SCALE
set -u
polc=$1 src=$2 gen=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0 bad=0
check_one() { # DIR FILE ARGS...
    local dir=$1 file=$2
    shift 2
    local a b sa sb
    a=$(cd "$dir" && "$polc" --check --verify-libseccomp --color=never "$@" "$file" 2>&1 >/dev/null)
    sa=$?
    rm -rf "$tmp/out"
    b=$(cd "$dir" && "$polc" --color=never "$@" "$file" -o "$tmp/out" 2>&1 >/dev/null)
    sb=$?
    n=$((n + 1))
    if [ "$a" != "$b" ] || [ $sa != $sb ]; then
        bad=$((bad + 1))
        echo "FAIL: $dir/$file ${*:-}: --check exit $sa, -o exit $sb"
        diff <(printf '%s\n' "$a") <(printf '%s\n' "$b") | head -20
    fi
}
for f in "$src"/examples/*.pol "$src"/tests/semantic/cases/*.pol "$src"/tests/widening/*.pol \
         "$src"/tests/apparmor/policies/*.pol "$src"/tests/k8s/policies/*.pol "$src"/bench/*.pol; do
    for t in docker bpf apparmor k8s; do
        [ -e "$f" ] && check_one "$(dirname "$f")" "$(basename "$f")" -t $t
    done
done
cases=$src/tests/diagnostics/cases
for f in "$cases"/*.pol; do
    name=$(basename "$f" .pol)
    [ -e "$cases/$name.stdin" ] && continue
    args=()
    [ -e "$cases/$name.args" ] && read -r -a args <"$cases/$name.args"
    # cases whose arguments choose targets, name other files or are --check's own are pinned as they are
    case " ${args[*]} " in *" -t "*|*" --target "*|*" --verify-libseccomp "*|*" --stdin-name "*) continue ;; esac
    for t in docker bpf apparmor k8s; do
        check_one "$cases" "$name.pol" "${args[@]}" -t $t
    done
done
# the planned path: programs too long to be sure of without planning
"$gen" "$src/stdlib" 100 >"$tmp/mid.pol" && "$gen" "$src/stdlib" 3000 >"$tmp/big.pol" || { echo "FAIL: gen_scale"; exit 1; }
check_one "$tmp" mid.pol -t bpf
len=$(( $(stat -c %s "$tmp/out/mid.bpf") / 8 ))
[ "$len" -gt 261 ] || { echo "FAIL: mid.pol's program has $len instructions: make it larger"; exit 1; }
check_one "$tmp" big.pol -t bpf
grep -q 'error\[E0410\]' <(cd "$tmp" && "$polc" --check -t bpf big.pol 2>&1) || { echo "FAIL: --check misses E0410"; exit 1; }
echo "compared $n policies: $bad differ"
[ $n -gt 400 ] || { echo "FAIL: only $n policies compared"; exit 1; }
[ $bad = 0 ]

#!/usr/bin/env bash
# polc diff and polc verify on every example against its own outputs (the
# Docker JSON, the BPF program and the SPO SeccompProfile): "no changes",
# exit 0. Then the nginx JSON
# edited by hand to allow keyctl: verify exits 1 and names the call
# (expected golden edited.expected; POLC_UPDATE_GOLDEN=1 rewrites it).
#
#   run.sh POLC SOURCE_DIR
set -uo pipefail
polc=$1 src=$2
cd "$src" || exit 2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0
. tests/common/example_args.sh
for pol in examples/*.pol; do
    n=$(basename "$pol" .pol)
    mapfile -t xargs < <(example_args . "$n")
    "$polc" "${xargs[@]}" "$pol" -o "$work/" >/dev/null 2>&1 || { echo "FAIL: $pol does not compile"; fail=1; continue; }
    mkdir -p "$work/spo"
    "$polc" "${xargs[@]}" -t k8s --k8s-form spo --k8s-image example.invalid/$n:1 "$pol" -o "$work/spo/" >/dev/null 2>&1 ||
        { echo "FAIL: $pol: no SPO form"; fail=1; continue; }
    for out in "$work/$n.seccomp.json" "$work/$n.bpf" "$work/spo/$n.k8s.yaml"; do
        got=$("$polc" diff "$pol" "$out" 2>"$work/stderr")
        s=$?
        if [ $s != 0 ] || [ "$(printf '%s\n' "$got" | tail -n 1)" != "no changes" ]; then
            echo "FAIL: polc diff $pol $out: exit $s"; printf '%s\n' "$got"; cat "$work/stderr"; fail=1
        fi
    done
    got=$("$polc" verify "$pol" "$work/$n.seccomp.json" "$work/$n.bpf" "$work/spo/$n.k8s.yaml" 2>&1)
    s=$?
    want="$work/$n.seccomp.json: decides exactly as $pol
$work/$n.bpf: decides exactly as $pol
$work/spo/$n.k8s.yaml: decides exactly as $pol"
    if [ $s != 0 ] || [ "$got" != "$want" ]; then
        echo "FAIL: polc verify $pol: exit $s"; printf '%s\n' "$got"; fail=1
    fi
done
jq '.syscalls = [{"names": ["keyctl"], "action": "SCMP_ACT_ALLOW"}] + .syscalls' \
    "$work/nginx.seccomp.json" >"$work/nginx.edited.json" || exit 2
"$polc" verify examples/nginx.pol "$work/nginx.edited.json" 2>&1 | sed "s|$work|OUT|g" >"$work/edited.txt"
s=${PIPESTATUS[0]}
echo "exit $s" >>"$work/edited.txt"
# what verify refuses: a file that is no BPF program (E0720), an AppArmor profile (E0721)
printf 'abc' >"$work/broken.bpf"
"$polc" verify examples/nginx.pol "$work/broken.bpf" 2>&1 | sed "s|$work|OUT|g" >>"$work/edited.txt"
echo "exit ${PIPESTATUS[0]}" >>"$work/edited.txt"
"$polc" verify examples/nginx.pol "$work/nginx.apparmor" 2>&1 | sed "s|$work|OUT|g" >>"$work/edited.txt"
echo "exit ${PIPESTATUS[0]}" >>"$work/edited.txt"
# ... and a securityContext manifest, which holds no SeccompProfile (E0721)
"$polc" verify examples/nginx.pol "$work/nginx.k8s.yaml" 2>&1 | sed "s|$work|OUT|g" >>"$work/edited.txt"
echo "exit ${PIPESTATUS[0]}" >>"$work/edited.txt"
golden=tests/diff/verify/edited.expected
if [ "${POLC_UPDATE_GOLDEN:-}" = 1 ]; then
    cp "$work/edited.txt" "$golden"
elif ! diff -u "$golden" "$work/edited.txt"; then
    echo "FAIL: the hand-edited JSON"; fail=1
fi
[ $fail = 0 ] && echo "ok"
exit $fail

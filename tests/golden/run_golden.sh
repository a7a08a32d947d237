#!/usr/bin/env bash
# Golden test for one policy: its IR dump and every back end's output must
# match the reviewed files under tests/golden/<name>/, and compiling twice
# (from another directory, with another environment) must give identical bytes.
#
#   run_golden.sh POLC POLICY.pol GOLDEN_DIR [POLC_OPTION...]
#
# POLC_OPTIONs go to every compile (e.g. --k8s-node-limits for a policy with
# resources a Pod cannot say).
#
# POLC_UPDATE_GOLDEN=1 rewrites the golden files instead; review them in the diff.
set -euo pipefail
polc=$1 policy=$2 golden=$3
shift 3
opts=("$@")
name=$(basename "$policy" .pol)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$polc" --dump-ir "$policy" >"$work/$name.ir" 2>"$work/stderr" || { cat "$work/stderr"; exit 1; }
"$polc" --emit bpf-asm "$policy" >"$work/$name.bpf.asm" 2>>"$work/stderr" || { cat "$work/stderr"; exit 1; }
"$polc" "${opts[@]}" "$policy" -o "$work/out" 2>>"$work/stderr" || { cat "$work/stderr"; exit 1; }
# The Kubernetes back end's other forms (the default run writes the snippet).
for form in pod spo; do
    "$polc" "${opts[@]}" --target k8s --k8s-form "$form" --k8s-image "example.invalid/$name:latest" "$policy" -o "$work/$form" 2>/dev/null || {
        "$polc" "${opts[@]}" --target k8s --k8s-form "$form" --k8s-image "example.invalid/$name:latest" "$policy" -o "$work/$form"; exit 1; }
    mv "$work/$form/$name.k8s.yaml" "$work/$name.k8s-$form.yaml"
done
# The runtimes' outputs (docs/runtimes.md), each on its own: written from a
# directory of its own with `-o out`, so the run flags name
# out/NAME.seccomp.json as `docker run $(cat out/NAME.run-flags)` would from
# there. An output that refuses the example pins its diagnostics instead
# (NAME.TARGET.refused).
runtime_outputs() { # DIR: every runtime output of the policy into DIR/out
    local t rc
    mkdir -p "$1"
    for t in run-flags compose systemd oci; do
        rc=0
        (cd "$1" && env -i PATH=/usr/bin:/bin LANG=C.UTF-8 "$polc" "${opts[@]}" -t "$t" "$abs_policy" -o out) \
            2>"$1/$t.stderr" || rc=$?
        if [ "$rc" = 1 ]; then
            e=$(cat "$1/$t.stderr")
            printf '%s\n' "${e//"$abs_policy"/$name.pol}" >"$1/out/$name.$t.refused"
        elif [ "$rc" != 0 ] || [ -s "$1/$t.stderr" ]; then
            echo "FAIL: -t $t on $policy: exit $rc"
            cat "$1/$t.stderr"
            exit 1
        fi
    done
    # podman's run flags (--engine podman: every tmpfs notmpcopyup), from a
    # directory of their own so that they name out/NAME.seccomp.json too
    if [ -f "$1/out/$name.run-flags" ]; then
        mkdir -p "$1/podman"
        (cd "$1/podman" && env -i PATH=/usr/bin:/bin LANG=C.UTF-8 "$polc" "${opts[@]}" -t run-flags \
            --engine podman "$abs_policy" -o out) || { echo "FAIL: --engine podman on $policy"; exit 1; }
        mv "$1/podman/out/$name.run-flags" "$1/out/$name.podman.run-flags"
    fi
    if [ -f "$1/out/$name.service.d/polc.conf" ]; then
        mv "$1/out/$name.service.d/polc.conf" "$1/out/$name.systemd.conf"
    fi
    rmdir "$1/out/$name.service.d" 2>/dev/null || true
}
abs_policy=$(cd "$(dirname "$policy")" && pwd)/$(basename "$policy")
runtime_outputs "$work/rt"
runtime_outputs "$work/rt2"
if ! diff -r "$work/rt/out" "$work/rt2/out" >/dev/null; then
    echo "FAIL: runtime outputs differ between two runs"
    exit 1
fi

# Examples must be clean, except for the Kubernetes back end's Pod Security
# Standards warnings (W0901/W0902): those are pinned in NAME.warnings.
: >"$work/$name.warnings"
if [ -s "$work/stderr" ]; then
    if grep -E '^[^ ].*(error|warning)\[' "$work/stderr" | grep -vqE 'warning\[W090[12]\]'; then
        echo "FAIL: $policy compiles with diagnostics; examples must be clean:"
        cat "$work/stderr"
        exit 1
    fi
    w=$(cat "$work/stderr")
    printf '%s\n' "${w//"$policy"/$name.pol}" >"$work/$name.warnings" # no checkout path in goldens
fi

# Determinism: another working directory, another environment, same bytes.
(cd "$work" && env -i PATH=/usr/bin:/bin LANG=C.UTF-8 TZ=Asia/Tokyo "$polc" "${opts[@]}" "$abs_policy" -o "$work/out2")
if ! diff -r "$work/out" "$work/out2" >/dev/null; then
    echo "FAIL: output differs between two runs"
    diff -r "$work/out" "$work/out2" | head -20
    exit 1
fi

files=("$name.ir" "$name.bpf.asm" "$name.k8s-pod.yaml" "$name.k8s-spo.yaml")
[ -s "$work/$name.warnings" ] && files+=("$name.warnings")
for f in "$work"/out/*; do files+=("$(basename "$f")"); cp "$f" "$work/"; done
for f in "$work"/rt/out/*; do files+=("$(basename "$f")"); cp "$f" "$work/"; done

if [ "${POLC_UPDATE_GOLDEN:-}" = 1 ]; then
    mkdir -p "$golden"
    rm -f "$golden"/*
    for f in "${files[@]}"; do cp "$work/$f" "$golden/$f"; done
    echo "updated ${#files[@]} golden files in $golden"
    exit 0
fi

status=0
for f in "${files[@]}"; do
    if [ ! -f "$golden/$f" ]; then
        echo "FAIL: missing golden file $golden/$f (run with POLC_UPDATE_GOLDEN=1)"
        status=1
    elif ! diff -u "$golden/$f" "$work/$f"; then
        echo "FAIL: $f differs from $golden/$f"
        status=1
    else
        echo "ok: $f"
    fi
done
for g in "$golden"/*; do
    [ -e "$g" ] || continue
    b=$(basename "$g")
    # no `printf | grep -q` under pipefail: grep's early exit can kill printf
    # with SIGPIPE, and the pipeline then fails although $b is there
    produced=0
    for f in "${files[@]}"; do [ "$f" = "$b" ] && produced=1; done
    [ "$produced" = 1 ] || { echo "FAIL: golden file $b is no longer produced"; status=1; }
done
exit $status

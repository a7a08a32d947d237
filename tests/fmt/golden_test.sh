#!/usr/bin/env bash
# polc fmt golden pairs: cases/NAME.pol (messy input) must format to
# cases/NAME.expected, and NAME.expected must be a fixed point (formatting
# it again changes nothing). POLC_UPDATE_GOLDEN=1 rewrites the .expected
# files instead; read the diff before committing.
#
#   golden_test.sh POLC CASES_DIR
set -euo pipefail
polc=$1 cases=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0 n=0
for input in "$cases"/*.pol; do
    name=$(basename "$input" .pol)
    expected=$cases/$name.expected
    n=$((n + 1))
    if ! "$polc" fmt "$input" >"$work/$name.out" 2>"$work/$name.err"; then
        echo "FAIL: $name: polc fmt failed:"; cat "$work/$name.err"; status=1; continue
    fi
    if [ -s "$work/$name.err" ]; then
        echo "FAIL: $name: polc fmt printed diagnostics:"; cat "$work/$name.err"; status=1
    fi
    if [ "${POLC_UPDATE_GOLDEN:-}" = 1 ]; then
        cp "$work/$name.out" "$expected"
        echo "updated $expected"
        continue
    fi
    if [ ! -f "$expected" ]; then
        echo "FAIL: $name: missing $expected (run with POLC_UPDATE_GOLDEN=1)"; status=1; continue
    fi
    if ! diff -u "$expected" "$work/$name.out"; then
        echo "FAIL: $name: output differs from $name.expected"; status=1; continue
    fi
    "$polc" fmt "$expected" >"$work/$name.again"
    if ! cmp -s "$expected" "$work/$name.again"; then
        echo "FAIL: $name: $name.expected is not a fixed point of polc fmt:"
        diff -u "$expected" "$work/$name.again" || true
        status=1; continue
    fi
    # every comment of the input is in the output, in the same order
    { grep -o '#.*' "$input" || true; } | tr -d '\r' | sed 's/[[:space:]]*$//' >"$work/$name.cin"
    { grep -o '#.*' "$work/$name.out" || true; } >"$work/$name.cout"
    if ! diff -u "$work/$name.cin" "$work/$name.cout"; then
        echo "FAIL: $name: comments differ between input and output"; status=1; continue
    fi
    echo "ok: $name"
done
[ "$n" -gt 0 ] || { echo "FAIL: no cases in $cases"; exit 1; }
exit $status

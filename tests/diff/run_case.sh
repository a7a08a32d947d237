#!/usr/bin/env bash
# One polc diff case: tests/diff/cases/NAME/ holds the inputs (old.pol and
# new.pol, or an `args` file: the command line after `polc diff`, with paths
# relative to the source tree) and the reviewed results: expected.txt (text
# form), expected.json (--format json) and expected.status (exit status).
#
#   run_case.sh POLC SOURCE_DIR CASE_DIR
#
# Runs from SOURCE_DIR so the paths in the output do not depend on the
# checkout. POLC_UPDATE_GOLDEN=1 rewrites the expected files; review them.
# A case on ../shared/reference exits 77 (skip) when the reference is missing.
set -uo pipefail
polc=$1 src=$2 case=$3
cd "$src" || exit 2
rel=${case#"$src"/}
if [ -f "$case/args" ]; then
    read -r -a args <"$case/args"
else
    args=("$rel/old.pol" "$rel/new.pol")
fi
for a in "${args[@]}"; do
    case $a in
    ../shared/*) [ -e "$a" ] || { echo "SKIP: $a is missing"; exit 77; } ;;
    esac
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$polc" diff --color never "${args[@]}" >"$work/expected.txt" 2>"$work/stderr.txt"
echo $? >"$work/expected.status"
"$polc" diff --format json "${args[@]}" >"$work/expected.json" 2>>"$work/stderr.txt"
json_status=$?
if [ "$json_status" != "$(cat "$work/expected.status")" ]; then
    echo "FAIL: exit status $json_status with --format json, $(cat "$work/expected.status") without"
    exit 1
fi
if [ -s "$work/expected.json" ] && ! jq -e . "$work/expected.json" >/dev/null; then
    echo "FAIL: --format json is not JSON"
    exit 1
fi
# Determinism: the same bytes again, from another directory and environment.
abs=()
for a in "${args[@]}"; do
    if [ -e "$a" ]; then abs+=("$src/$a"); else abs+=("$a"); fi
done
(cd "$work" && env -i PATH=/usr/bin:/bin LANG=C.UTF-8 "$polc" diff --color never "${abs[@]}" \
    >"$work/again.txt" 2>/dev/null)
if ! diff <(sed "s#$src/##g" "$work/again.txt") "$work/expected.txt" >/dev/null; then
    echo "FAIL: a second run differs"
    diff <(sed "s#$src/##g" "$work/again.txt") "$work/expected.txt" | head
    exit 1
fi

if [ "${POLC_UPDATE_GOLDEN:-}" = 1 ]; then
    cp "$work/expected.txt" "$work/expected.json" "$work/expected.status" "$case/"
    echo "updated $case"
    exit 0
fi
fail=0
for f in expected.txt expected.json expected.status; do
    if ! diff -u "$case/$f" "$work/$f"; then
        echo "FAIL: $rel/$f differs (POLC_UPDATE_GOLDEN=1 rewrites it)"
        fail=1
    fi
done
[ $fail = 0 ] || { echo "stderr:"; cat "$work/stderr.txt"; }
exit $fail

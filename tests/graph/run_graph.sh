#!/usr/bin/env bash
# polc graph on one policy: the dot must match the reviewed golden file,
# come out identical on a second run, render with Graphviz's `dot -Tsvg`
# without a word on stderr, and the SVG must show the expected node labels.
#
#   run_graph.sh POLC POLICY GOLDEN.dot [--arch ARCH] -- LABEL...
#
# POLC_UPDATE_GOLDEN=1 rewrites the golden file; review it. Without
# Graphviz the test is skipped (exit 77; CI installs it).
set -uo pipefail
polc=$1 policy=$2 golden=$3
shift 3
opts=()
while [ $# -gt 0 ] && [ "$1" != -- ]; do opts+=("$1"); shift; done
[ $# -gt 0 ] && shift
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$polc" graph "${opts[@]}" "$policy" >"$work/out.dot" 2>"$work/stderr" || { cat "$work/stderr"; exit 1; }
(cd "$work" && env -i PATH=/usr/bin:/bin "$polc" graph "${opts[@]}" "$policy" >"$work/again.dot" 2>/dev/null)
cmp -s "$work/out.dot" "$work/again.dot" || { echo "FAIL: a second run differs"; exit 1; }
if [ "${POLC_UPDATE_GOLDEN:-}" = 1 ]; then
    cp "$work/out.dot" "$golden"
    echo "updated $golden"
else
    diff -u "$golden" "$work/out.dot" || { echo "FAIL: $golden differs (POLC_UPDATE_GOLDEN=1 rewrites it)"; exit 1; }
fi

command -v dot >/dev/null || { echo "SKIP: Graphviz's dot is not installed"; exit 77; }
dot -Tsvg "$work/out.dot" -o "$work/out.svg" 2>"$work/dot.stderr" || { cat "$work/dot.stderr"; exit 1; }
[ -s "$work/dot.stderr" ] && { echo "FAIL: dot said:"; cat "$work/dot.stderr"; exit 1; }
fail=0
for label in "$@"; do
    # SVG text escapes XML's specials, and Graphviz writes - as &#45;
    esc=$(printf '%s' "$label" | sed 's/&/\&amp;/g; s/</\&lt;/g; s/>/\&gt;/g; s/-/\&#45;/g')
    grep -qF ">$esc</text>" "$work/out.svg" || { echo "FAIL: no node labelled '$label' in the SVG"; fail=1; }
done
[ $fail = 0 ] && echo "ok: $(grep -c '<g id="node' "$work/out.svg") nodes rendered"
exit $fail

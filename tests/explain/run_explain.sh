#!/usr/bin/env bash
# Golden test for `polc explain`:
#
#   run_explain.sh POLC RUN_DIR FILE GOLDEN_BASE
#
# Runs, in RUN_DIR, `POLC explain FILE` and `POLC explain --format json FILE`
# and compares stdout with GOLDEN_BASE.txt and GOLDEN_BASE.json byte for
# byte. Whatever the goldens say, it fails when polc does not exit 0, writes
# anything on stderr, prints an empty explanation, or prints JSON that does
# not parse or lacks the sections the text has.
# POLC_UPDATE_GOLDEN=1 rewrites the goldens (after the same checks).
set -u
[ $# -eq 4 ] || { echo "usage: $0 POLC RUN_DIR FILE GOLDEN_BASE" >&2; exit 2; }
polc=$1 run_dir=$2 file=$3 golden=$4
case "$polc" in /*) ;; *) polc=$(pwd)/$polc ;; esac
case "$golden" in /*) ;; *) golden=$(pwd)/$golden ;; esac
command -v jq >/dev/null 2>&1 || { echo "FAIL $file: jq is needed" >&2; exit 1; }
cd "$run_dir" || exit 1
tmp=$(mktemp -d "${TMPDIR:-/tmp}/polc-explain.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
fail=0
failmsg() { echo "FAIL $file: $*" >&2; fail=1; }

timeout 60 "$polc" explain "$file" >"$tmp/txt" 2>"$tmp/txt.err"
rc=$?
[ "$rc" = 0 ] || failmsg "polc explain exited with $rc"
timeout 60 "$polc" explain --format json "$file" >"$tmp/json" 2>"$tmp/json.err"
jrc=$?
[ "$jrc" = 0 ] || failmsg "polc explain --format json exited with $jrc"
for e in txt.err json.err; do
    [ -s "$tmp/$e" ] && { failmsg "wrote to stderr:"; cat "$tmp/$e" >&2; }
done
[ -s "$tmp/txt" ] || failmsg "empty explanation"
if ! jtitles=$(jq -r '.sections[].title' <"$tmp/json" 2>&1); then
    failmsg "JSON does not parse: $jtitles"
else
    ttitles=$(grep -E '^[^ ].*:$' "$tmp/txt" | sed 's/:$//')
    [ "$jtitles" = "$ttitles" ] || failmsg "JSON sections differ from the text's: $jtitles / $ttitles"
fi
for t in "Syscalls" "Review findings (polc lint)" "Container"; do
    grep -qxF "$t:" "$tmp/txt" || failmsg "no \`$t' section"
done

if [ "${POLC_UPDATE_GOLDEN:-}" = 1 ]; then
    [ "$fail" = 0 ] && cp "$tmp/txt" "$golden.txt" && cp "$tmp/json" "$golden.json" && echo "updated $golden.{txt,json}"
    exit "$fail"
fi
for ext in txt json; do
    if [ ! -f "$golden.$ext" ]; then
        failmsg "golden $golden.$ext is missing (POLC_UPDATE_GOLDEN=1 creates it)"
    elif ! cmp -s "$golden.$ext" "$tmp/$ext"; then
        failmsg "output differs from $golden.$ext:"
        diff -u --label expected --label actual "$golden.$ext" "$tmp/$ext" >&2
    fi
done
[ "$fail" = 0 ] && echo "PASS $file"
exit "$fail"

#!/usr/bin/env bash
# An editor checks an unsaved buffer with `polc --check - --stdin-name PATH`
# from any working directory: "..." includes resolve beside PATH, as they do
# for the file itself, and a buffer that includes its own file is a cycle.
#   stdin_name_includes.sh POLC
set -u
polc=$1
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/project" "$tmp/elsewhere"
printf 'syscalls { allow read }\n' >"$tmp/project/local.pol"
printf 'policy app\narch x86_64\ndefault errno(EPERM)\ninclude "local.pol"\n' >"$tmp/project/app.pol"
cd "$tmp/elsewhere" || exit 1
if ! out=$("$polc" --check -t docker - --stdin-name "$tmp/project/app.pol" <"$tmp/project/app.pol" 2>&1); then
    echo "FAIL: the buffer's include was not found beside --stdin-name:"; echo "$out"; fail=1
fi
# the same buffer without --stdin-name: the include is looked up here, and missing
if out=$("$polc" --check -t docker - <"$tmp/project/app.pol" 2>&1) || ! grep -q 'error\[E0200\]' <<<"$out"; then
    echo "FAIL: without --stdin-name the include should be missing from the working directory:"; echo "$out"; fail=1
fi
printf 'policy app\narch x86_64\ndefault errno(EPERM)\ninclude "app.pol"\n' >"$tmp/buffer"
if out=$("$polc" --check -t docker - --stdin-name "$tmp/project/app.pol" <"$tmp/buffer" 2>&1) ||
    ! grep -q 'error\[E0201\]' <<<"$out"; then
    echo "FAIL: a buffer including its own file is not a cycle:"; echo "$out"; fail=1
fi
[ $fail = 0 ] && echo "stdin-name includes: resolved beside the named file"
exit $fail

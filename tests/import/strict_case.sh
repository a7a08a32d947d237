#!/bin/sh
# One case of "polc import reads the file as the runtime does"
# (tests/import/strict/, docs/import.md "Reading the file like the runtime").
#
#   strict_case.sh POLC DIR FILE
#
# Runs `polc import --color=never FILE -o OUT` in DIR and compares, byte for
# byte, its standard error with NAME.stderr (NAME = FILE without extension),
# its exit status with NAME.exit and, when it is 0, the policy written with
# NAME.pol. A case must pin something: NAME.stderr must not be empty unless
# the exit status is 0 and NAME.pol exists. POLC_UPDATE_GOLDEN=1 rewrites the
# golden files instead.
set -u
polc=$1 dir=$2 file=$3
name=${file%.*}
cd "$dir" || exit 1
tmp=$(mktemp -d "${TMPDIR:-/tmp}/polc-strict.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
"$polc" import --color=never "$file" -o "$tmp/out.pol" 2>"$tmp/stderr" >"$tmp/stdout"
rc=$?
fail=0
case $rc in 0 | 1) ;; *) echo "FAIL $file: exit status $rc (crash or usage error?)"; fail=1 ;; esac
if [ -s "$tmp/stdout" ]; then echo "FAIL $file: wrote to stdout"; fail=1; fi
if [ "${POLC_UPDATE_GOLDEN:-}" = 1 ]; then
    cp "$tmp/stderr" "$name.stderr"
    echo "$rc" >"$name.exit"
    if [ "$rc" = 0 ]; then cp "$tmp/out.pol" "$name.pol"; else rm -f "$name.pol"; fi
    echo "updated $name.stderr $name.exit"
    exit "$fail"
fi
want_rc=$(cat "$name.exit" 2>/dev/null)
if [ "$want_rc" != "$rc" ]; then echo "FAIL $file: exit status $rc, expected ${want_rc:-(no $name.exit)}"; fail=1; fi
if ! cmp -s "$name.stderr" "$tmp/stderr"; then
    echo "FAIL $file: diagnostics differ from $name.stderr:"
    diff -u "$name.stderr" "$tmp/stderr"
    fail=1
fi
if [ "$rc" = 0 ]; then
    if [ ! -f "$name.pol" ]; then
        echo "FAIL $file: imported, but there is no $name.pol to compare with"; fail=1
    elif ! cmp -s "$name.pol" "$tmp/out.pol"; then
        echo "FAIL $file: the imported policy differs from $name.pol:"
        diff -u "$name.pol" "$tmp/out.pol"
        fail=1
    fi
elif [ -f "$name.pol" ]; then
    echo "FAIL $file: refused, but $name.pol says it imports"; fail=1
fi
if [ ! -s "$name.stderr" ] && [ ! -f "$name.pol" ]; then
    echo "FAIL $file: the case pins nothing (no diagnostics, no policy)"; fail=1
fi
[ "$fail" = 0 ] && echo "PASS $file"
exit "$fail"

#!/usr/bin/env bash
# polc fmt on the command line: --check exit codes and the names it prints,
# -i (atomic, keeps the mode, follows symlinks, leaves formatted files and
# files with errors alone), standard input, usage errors.
#
#   cli_test.sh POLC CASES_DIR
set -uo pipefail
polc=$1 cases=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
fail() { echo "FAIL: $*"; status=1; }
ok() { echo "ok: $*"; }
# expect STATUS DESCRIPTION -- COMMAND...: run it, stdout/stderr in $work/out, $work/err
expect() {
    local want=$1 what=$2
    shift 3
    "$@" >"$work/out" 2>"$work/err"
    local got=$?
    if [ "$got" -ne "$want" ]; then
        fail "$what: exit $got, expected $want"; sed 's/^/    /' "$work/err" | head -5
        return 1
    fi
    ok "$what (exit $got)"
}

cp "$cases/sections.pol" "$work/messy.pol"
cp "$cases/sections.expected" "$work/clean.pol"
printf 'policy broken\nsyscalls { allow read if }\n' >"$work/broken.pol"

# --check
expect 0 "--check on a formatted file" -- "$polc" fmt --check "$work/clean.pol"
[ -s "$work/out" ] && fail "--check printed something for a formatted file: $(cat "$work/out")"
expect 1 "--check on a messy file" -- "$polc" fmt --check "$work/messy.pol"
[ "$(cat "$work/out")" = "$work/messy.pol" ] || fail "--check should name exactly the messy file, printed: $(cat "$work/out")"
expect 1 "--check on a formatted and a messy file" -- "$polc" fmt --check "$work/clean.pol" "$work/messy.pol"
[ "$(cat "$work/out")" = "$work/messy.pol" ] || fail "--check named: $(cat "$work/out")"
grep -q '1 file is not formatted' "$work/err" || fail "--check summary missing: $(cat "$work/err")"
expect 1 "--check on a file with a syntax error" -- "$polc" fmt --check "$work/broken.pol"
grep -qE "^$work/broken.pol:2:[0-9]+: error\[E0100\]" "$work/err" || fail "no file:line:col: error[E0100]: $(cat "$work/err")"
expect 2 "--check on a missing file" -- "$polc" fmt --check "$work/missing.pol"
grep -q 'E0202' "$work/err" || fail "missing file: no E0202: $(cat "$work/err")"
expect 2 "a directory" -- "$polc" fmt "$work"
grep -q 'E0202.*Is a directory' "$work/err" || fail "directory: $(cat "$work/err")"
cp "$work/messy.pol" "$work/before.pol"
"$polc" fmt --check "$work/messy.pol" >/dev/null 2>&1
cmp -s "$work/messy.pol" "$work/before.pol" || fail "--check changed the file"

# printing
expect 0 "print a messy file" -- "$polc" fmt "$work/messy.pol"
cmp -s "$work/out" "$cases/sections.expected" || fail "printed text is not sections.expected"
cmp -s "$work/messy.pol" "$work/before.pol" || fail "printing changed the file"
expect 0 "print standard input" -- sh -c "\"$polc\" fmt - <\"$work/messy.pol\""
cmp -s "$work/out" "$cases/sections.expected" || fail "stdin output is not sections.expected"
expect 1 "syntax error on standard input" -- sh -c "\"$polc\" fmt --stdin-name web.pol - <\"$work/broken.pol\""
grep -qE '^web.pol:2:[0-9]+: error\[E0100\]' "$work/err" || fail "--stdin-name not used: $(cat "$work/err")"
[ -s "$work/out" ] && fail "a file with errors printed output"
expect 0 "two files print one after the other" -- "$polc" fmt "$work/messy.pol" "$work/clean.pol"
cat "$cases/sections.expected" "$cases/sections.expected" | cmp -s - "$work/out" || fail "two files: wrong output"

# -i
chmod 0640 "$work/messy.pol"
expect 0 "-i on a messy file" -- "$polc" fmt -i "$work/messy.pol"
cmp -s "$work/messy.pol" "$cases/sections.expected" || fail "-i did not write the formatted text"
[ "$(stat -c %a "$work/messy.pol")" = 640 ] || fail "-i changed the mode to $(stat -c %a "$work/messy.pol")"
[ -s "$work/out" ] && fail "-i printed to stdout: $(cat "$work/out")"
grep -q '\.fmt-' <<<"$(ls -A "$work")" && fail "-i left a temporary file: $(ls -A "$work")"
inode=$(stat -c %i "$work/clean.pol") mtime=$(stat -c %Y.%y "$work/clean.pol")
sleep 0.01
expect 0 "-i on a formatted file" -- "$polc" fmt -i "$work/clean.pol"
[ "$(stat -c %i "$work/clean.pol")" = "$inode" ] && [ "$(stat -c %Y.%y "$work/clean.pol")" = "$mtime" ] ||
    fail "-i rewrote a file that was already formatted"
cp "$work/broken.pol" "$work/broken.before"
expect 1 "-i on a file with a syntax error" -- "$polc" fmt -i "$work/broken.pol"
cmp -s "$work/broken.pol" "$work/broken.before" || fail "-i changed a file with a syntax error"
grep -qE "^$work/broken.pol:2:[0-9]+: error\[E0100\]" "$work/err" || fail "no diagnostics for -i on a broken file"
cp "$cases/sections.pol" "$work/target.pol"
ln -s target.pol "$work/link.pol"
expect 0 "-i through a symlink" -- "$polc" fmt -i "$work/link.pol"
[ -L "$work/link.pol" ] || fail "-i replaced the symlink with a file"
cmp -s "$work/target.pol" "$cases/sections.expected" || fail "-i through a symlink did not format its target"
cp "$cases/sections.pol" "$work/m2.pol"
expect 1 "-i on a messy and a broken file" -- "$polc" fmt -i "$work/m2.pol" "$work/broken.pol"
cmp -s "$work/m2.pol" "$cases/sections.expected" || fail "-i skipped the good file next to a broken one"
mkdir "$work/ro" && cp "$cases/sections.pol" "$work/ro/x.pol" && chmod 0555 "$work/ro"
if [ "$(id -u)" != 0 ]; then
    expect 2 "-i in a read-only directory" -- "$polc" fmt -i "$work/ro/x.pol"
    grep -q 'E0500' "$work/err" || fail "read-only directory: no E0500: $(cat "$work/err")"
    cmp -s "$work/ro/x.pol" "$cases/sections.pol" || fail "read-only directory: the file changed"
fi
chmod 0755 "$work/ro"
if [ "$(id -u)" = 0 ]; then
    cp "$cases/sections.pol" "$work/owned.pol" && chown 1234:5678 "$work/owned.pol"
    expect 0 "-i as root on another user's file" -- "$polc" fmt -i "$work/owned.pol"
    [ "$(stat -c %u:%g "$work/owned.pol")" = 1234:5678 ] || fail "-i changed the owner to $(stat -c %u:%g "$work/owned.pol")"
fi

# usage errors
expect 2 "-i with --check" -- "$polc" fmt -i --check "$work/clean.pol"
expect 2 "-i on standard input" -- "$polc" fmt -i -
expect 2 "no file" -- "$polc" fmt
expect 2 "unknown option" -- "$polc" fmt --frobnicate "$work/clean.pol"
expect 0 "--help" -- "$polc" fmt --help
grep -q 'usage: polc fmt' "$work/out" || fail "--help: no usage"

# JSON diagnostics: one array on stdout with --check
cp "$work/broken.before" "$work/broken2.pol"
expect 1 "--check --diagnostics-format json" -- "$polc" fmt --check --diagnostics-format json "$work/broken.pol" \
    "$work/clean.pol" "$work/broken2.pol"
python3 - "$work/out" "$work/broken.pol" "$work/broken2.pol" <<'PY' || fail "JSON diagnostics: $(cat "$work/out")"
import json, sys
d = json.load(open(sys.argv[1]))  # one array for all files
assert [x["file"] for x in d] == sys.argv[2:4], d
assert all(x["code"] == "E0100" and x["span"]["line"] == 2 for x in d), d
PY
exit $status

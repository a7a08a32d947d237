#!/usr/bin/env bash
# One SARIF golden: polc's SARIF log for cases/NAME.cmd.
#
#   run_case.sh POLC SOURCE_DIR NAME
#
# NAME.cmd holds two lines: the directory to run in (from the source root,
# so that file URIs are relative and stable) and polc's arguments (split on
# white space), which include --diagnostics-format sarif. Checks:
#   - stdout is byte for byte cases/NAME.sarif (POLC_UPDATE_GOLDEN=1 rewrites
#     it; polc's own version is @POLC_VERSION@ there), and a second run
#     prints the same bytes;
#   - nothing on stderr; the exit status is cases/NAME.exit, and the same as
#     the run without --diagnostics-format sarif (text mode);
#   - the log validates against the SARIF 2.1.0 JSON schema (validate.cjs,
#     ajv and the schema pinned in package-lock.json).
# node or the npm packages missing is a failure, never a skip.
set -u
polc=$1 src=$2 name=$3
here=$src/tests/sarif
cmd=$here/cases/$name.cmd
fail=0
failmsg() { echo "FAIL: $name: $*" >&2; fail=1; }
command -v node >/dev/null || { echo "FAIL: node not found (install Debian's nodejs: .ci/install-deps)" >&2; exit 1; }
[ -d "$here/node_modules/ajv-draft-04" ] && [ -d "$here/node_modules/@microsoft/jest-sarif" ] ||
    { echo "FAIL: tests/sarif/node_modules is missing: run \`npm ci\` in tests/sarif (.ci/install-deps does)" >&2; exit 1; }
[ -f "$cmd" ] || { echo "FAIL: $cmd is missing" >&2; exit 1; }
dir=$(sed -n 1p "$cmd")
read -r -a args <<<"$(sed -n 2p "$cmd")"
printf '%s\n' "${args[@]}" | grep -qxE 'sarif|--diagnostics-format=sarif' || { echo "FAIL: $name.cmd does not ask for sarif" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$src/$dir" || exit 1
"$polc" "${args[@]}" >"$tmp/out" 2>"$tmp/err"
rc=$?
"$polc" "${args[@]}" >"$tmp/out2" 2>/dev/null
# the same command in text mode: drop `--diagnostics-format sarif`
text_args=()
skip=0
for a in "${args[@]}"; do
    if [ "$skip" = 1 ]; then skip=0; continue; fi
    if [ "$a" = "--diagnostics-format" ]; then skip=1; continue; fi
    [ "$a" = "--diagnostics-format=sarif" ] && continue
    text_args+=("$a")
done
"$polc" "${text_args[@]}" >/dev/null 2>&1
text_rc=$?

# polc's version (the driver's) is @POLC_VERSION@ in the goldens
ver=$("$polc" --version | sed -n 's/^polc //p')
for f in out out2; do
    sed -i "s/\"version\": \"$ver\",/\"version\": \"@POLC_VERSION@\",/" "$tmp/$f"
done
[ -s "$tmp/err" ] && { failmsg "wrote to stderr:"; cat "$tmp/err" >&2; }
[ "$rc" = "$text_rc" ] || failmsg "exit $rc in SARIF mode but $text_rc in text mode"
cmp -s "$tmp/out" "$tmp/out2" || failmsg "two runs printed different logs"
if [ "${POLC_UPDATE_GOLDEN:-}" = 1 ]; then
    cp "$tmp/out" "$here/cases/$name.sarif"
    echo "$rc" >"$here/cases/$name.exit"
else
    [ "$rc" = "$(cat "$here/cases/$name.exit" 2>/dev/null)" ] ||
        failmsg "exit $rc, expected $(cat "$here/cases/$name.exit" 2>/dev/null)"
    diff -u "$here/cases/$name.sarif" "$tmp/out" >&2 || failmsg "stdout differs from cases/$name.sarif"
fi
node "$here/validate.cjs" "$tmp/out" || failmsg "the log does not validate against the SARIF 2.1.0 schema"
[ "$fail" = 0 ] && echo "PASS: $name"
exit "$fail"

#!/usr/bin/env bash
# The SARIF checks can fail, and the option's usage errors:
#   - validate.cjs rejects each log in bad/ (no version, a level SARIF does
#     not have, a 0 line, a result without a message and a rule without id);
#   - a --diagnostics-format value polc does not know exits 2, for the
#     compiler, lint and diff; diff refuses json there (its JSON report is
#     --format json) and --format json together with sarif.
#   cli_test.sh POLC SOURCE_DIR
set -u
polc=$1 src=$2
here=$src/tests/sarif
fail=0
command -v node >/dev/null || { echo "FAIL: node not found (install Debian's nodejs: .ci/install-deps)" >&2; exit 1; }
[ -d "$here/node_modules/ajv-draft-04" ] ||
    { echo "FAIL: tests/sarif/node_modules is missing: run \`npm ci\` in tests/sarif (.ci/install-deps does)" >&2; exit 1; }
n=0
for f in "$here"/bad/*.sarif; do
    n=$((n + 1))
    node "$here/validate.cjs" "$f" >/dev/null 2>&1
    rc=$?
    [ "$rc" = 1 ] || { echo "FAIL: validate.cjs exits $rc on $(basename "$f"), expected 1" >&2; fail=1; }
done
[ "$n" -ge 4 ] || { echo "FAIL: only $n logs in bad/" >&2; fail=1; }
check() { # expected-status description command...
    local want=$1 what=$2
    shift 2
    "$@" >/dev/null 2>&1
    local rc=$?
    [ "$rc" = "$want" ] || { echo "FAIL: $what: exit $rc, expected $want" >&2; fail=1; }
}
clean=$src/tests/lint/cases/clean.pol
check 2 "polc --diagnostics-format xml" "$polc" --check --diagnostics-format xml "$clean"
check 2 "polc lint --diagnostics-format xml" "$polc" lint --diagnostics-format xml "$clean"
check 2 "polc diff --diagnostics-format json" "$polc" diff --diagnostics-format json "$clean" "$clean"
check 2 "polc diff --format json --diagnostics-format sarif" "$polc" diff --format json --diagnostics-format sarif "$clean" "$clean"
check 0 "polc diff --diagnostics-format text" "$polc" diff --diagnostics-format text "$clean" "$clean"
for cmd in "" lint diff; do
    "$polc" $cmd --help | grep -q 'sarif' || { echo "FAIL: polc $cmd --help does not mention sarif" >&2; fail=1; }
done
[ "$fail" = 0 ] && echo "PASS"
exit "$fail"

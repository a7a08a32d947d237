#!/usr/bin/env bash
# polc lint and polc explain on the command line: usage errors exit 2,
# several files give one JSON array, --allow takes lists, a missing file is
# an I/O error, a broken policy exits 1 with its errors.
#   cli_test.sh POLC CASES_DIR
set -u
polc=$1 cases=$2
fail=0
check() { # expected-status description command...
    local want=$1 what=$2
    shift 2
    "$@" >/tmp/polc-lint-cli.$$ 2>&1
    local rc=$?
    if [ "$rc" != "$want" ]; then
        echo "FAIL: $what: exit $rc, expected $want" >&2
        cat /tmp/polc-lint-cli.$$ >&2
        fail=1
    fi
}
cd "$cases" || exit 1
check 2 "lint without a file" "$polc" lint
check 2 "lint with a bad option" "$polc" lint --bogus clean.pol
check 2 "lint of a missing file" "$polc" lint no-such-file.pol
check 0 "lint of a clean policy" "$polc" lint clean.pol
check 1 "lint with a finding" "$polc" lint sigreturn.pol
check 0 "--allow silences the only findings" "$polc" lint --allow L0120,L0122 sigreturn.pol
check 0 "--allow takes a list, twice" "$polc" lint --allow L0999,L0120 --allow L0122 sigreturn.pol
check 2 "explain without a file" "$polc" explain
check 2 "explain of a missing file" "$polc" explain no-such-file.pol
check 2 "explain with a bad format" "$polc" explain --format yaml clean.pol
printf 'policy broken\narch x86_64\ndefault errno(EPERM)\nsyscalls { allow sokcet }\n' >/tmp/polc-broken.$$.pol
check 1 "lint of a broken policy" "$polc" lint /tmp/polc-broken.$$.pol
check 1 "explain of a broken policy" "$polc" explain /tmp/polc-broken.$$.pol
grep -q 'E0210' /tmp/polc-lint-cli.$$ || { echo "FAIL: explain did not print the policy's error" >&2; fail=1; }
# a CI gate: --baseline reports only what the change adds, --min-severity
# only what is severe enough (docs/lint.md)
check 0 "an unchanged policy against its baseline" "$polc" lint --baseline sigreturn.pol sigreturn.pol
sed 's/^syscalls {$/syscalls {\n  allow ptrace/' sigreturn.pol >/tmp/polc-lint-new.$$.pol
grep -q ptrace /tmp/polc-lint-new.$$.pol || { echo "FAIL: the changed policy was not made" >&2; fail=1; }
out=$("$polc" lint --baseline sigreturn.pol --diagnostics-format=json /tmp/polc-lint-new.$$.pol 2>&1)
[ "$(printf '%s' "$out" | jq -r '[.[].code] | join(",")')" = "L0101" ] ||
    { echo "FAIL: --baseline kept more than the new finding: $out" >&2; fail=1; }
check 1 "a new finding against the baseline" "$polc" lint --baseline sigreturn.pol /tmp/polc-lint-new.$$.pol
check 0 "--min-severity high: L0120 and L0122 are medium" "$polc" lint --min-severity high sigreturn.pol
check 1 "--min-severity high: L0101 is high" "$polc" lint --min-severity high /tmp/polc-lint-new.$$.pol
check 2 "--min-severity with a bad level" "$polc" lint --min-severity urgent sigreturn.pol
check 2 "a baseline that does not compile" "$polc" lint --baseline /tmp/polc-broken.$$.pol sigreturn.pol
rm -f /tmp/polc-lint-new.$$.pol
# several files: one JSON array holding the findings of both, nothing on stderr
out=$("$polc" lint --diagnostics-format=json sigreturn.pol caps_added.pol clean.pol 2>/tmp/polc-lint-err.$$)
codes=$(printf '%s' "$out" | jq -r '[.[].code] | join(",")')
[ "$codes" = "L0120,L0122,L0122,L0130,L0130,L0132,L0132" ] || { echo "FAIL: merged JSON holds [$codes]" >&2; fail=1; }
[ -s /tmp/polc-lint-err.$$ ] && { echo "FAIL: JSON mode wrote to stderr" >&2; fail=1; }
rm -f /tmp/polc-lint-cli.$$ /tmp/polc-lint-err.$$ /tmp/polc-broken.$$.pol
[ "$fail" = 0 ] && echo "PASS"
exit "$fail"

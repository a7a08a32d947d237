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
# several files: one JSON array holding the findings of both, nothing on stderr
out=$("$polc" lint --diagnostics-format=json sigreturn.pol caps_added.pol clean.pol 2>/tmp/polc-lint-err.$$)
codes=$(printf '%s' "$out" | jq -r '[.[].code] | join(",")')
[ "$codes" = "L0120,L0122,L0122,L0130,L0130,L0132,L0132" ] || { echo "FAIL: merged JSON holds [$codes]" >&2; fail=1; }
[ -s /tmp/polc-lint-err.$$ ] && { echo "FAIL: JSON mode wrote to stderr" >&2; fail=1; }
rm -f /tmp/polc-lint-cli.$$ /tmp/polc-lint-err.$$ /tmp/polc-broken.$$.pol
[ "$fail" = 0 ] && echo "PASS"
exit "$fail"

#!/usr/bin/env bash
# polc's E0804 ("the target feature set cannot enforce ...") agrees with
# apparmor_parser: for each reduced feature set, apparmor_parser drops rules of
# the profile polc compiles for the full abi 3.0 set when that reduced set is
# the kernel's (an error under --Werror=rule-not-enforced, or for network
# rules only a "not enforced" warning: --Werror alone lets that drop through),
# and polc itself refuses the policy for that set with E0804.
#
#   enforce_test.sh POLC CASES_DIR ABI_FEATURES
set -uo pipefail
polc=$1 cases=$2 abi=$3
parser=$(command -v apparmor_parser || ls /usr/sbin/apparmor_parser /sbin/apparmor_parser 2>/dev/null | head -1)
if [ -z "$parser" ]; then
    echo "SKIP: apparmor_parser is not installed"; exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
# case policy : reduced feature set
for pair in aa_abi_no_mount:inc/aa-features-no-mount aa_abi_no_network:inc/aa-features-no-network \
            aa_abi_dir_family:inc/aa-features-dir; do
    case=${pair%%:*} feat=$cases/${pair#*:}
    "$polc" -t apparmor --apparmor-features "$abi" "$cases/$case.pol" -o "$work" 2>"$work/diag" ||
        { echo "FAIL: $case does not compile for abi 3.0:"; cat "$work/diag"; status=1; continue; }
    prof=$work/$case.apparmor
    if ! "$parser" -Q -K -M "$abi" --Werror=rule-not-enforced "$prof" >/dev/null 2>&1; then
        echo "FAIL: $case: apparmor_parser rejects it for abi 3.0 itself"; status=1; continue
    fi
    # apparmor_parser drops the rule: an error under --Werror=rule-not-enforced,
    # or (network rules, deny rules on unix sockets) only a warning
    if "$parser" -Q -K -M "$feat" --Werror=rule-not-enforced "$prof" >/dev/null 2>&1 &&
        ! grep -q 'not enforce' <<<"$("$parser" -Q -K -M "$feat" --warn=rule-not-enforced "$prof" 2>&1)"; then
        echo "FAIL: $case: apparmor_parser enforces the profile on ${pair#*:}, yet polc says it cannot"; status=1
        continue
    fi
    out=$("$polc" --check -t apparmor --apparmor-features "$feat" "$cases/$case.pol" 2>&1)
    if ! grep -q 'error\[E0804\]' <<<"$out"; then
        echo "FAIL: $case: polc does not report E0804 for ${pair#*:}:"; echo "$out"; status=1; continue
    fi
    echo "ok: $case: apparmor_parser and polc agree that ${pair#*:} cannot enforce it"
done
exit $status

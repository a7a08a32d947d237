#!/usr/bin/env bash
# One policy's AppArmor output through apparmor_parser, the way a host loads it
# but without a kernel: -Q (no load) -K (no cache), the abi 3.0 feature set as
# the kernel's (-M), and --Werror=rule-not-enforced so a rule the kernel would
# silently drop fails. apparmor_parser 3.0 exits 1 without a message on that
# error, and a few drops (deny rules on unix sockets) are only warnings: so the
# same profile must also compile with --warn=all and print nothing.
#
#   parser_test.sh POLC POLICY.pol FEATURES
# Exit 77 (skipped; a failure under CI=true) when apparmor_parser is missing.
set -uo pipefail
polc=$1 policy=$2 features=$3
parser=$(command -v apparmor_parser || ls /usr/sbin/apparmor_parser /sbin/apparmor_parser 2>/dev/null | head -1)
if [ -z "$parser" ]; then
    echo "SKIP: apparmor_parser is not installed (Debian package apparmor)"
    exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
name=$(basename "$policy" .pol)
if ! "$polc" -t apparmor "$policy" -o "$work" 2>"$work/diag"; then
    echo "FAIL: polc refused $policy:"; cat "$work/diag"; exit 1
fi
if [ -s "$work/diag" ]; then
    echo "FAIL: $policy compiles with diagnostics; these policies must be clean:"; cat "$work/diag"; exit 1
fi
profile=$work/$name.apparmor
if ! "$parser" -Q -K -M "$features" --Werror=rule-not-enforced "$profile" >"$work/out" 2>&1; then
    echo "FAIL: apparmor_parser -Q -K -M $features --Werror=rule-not-enforced rejects $profile:"
    cat "$work/out"
    "$parser" -Q -K -M "$features" --warn=all "$profile" 2>&1 | head -20
    cat -n "$profile" | head -120
    exit 1
fi
"$parser" -Q -K -M "$features" --warn=all "$profile" >"$work/warn" 2>&1
if [ -s "$work/warn" ]; then
    echo "FAIL: apparmor_parser --warn=all has something to say about $profile:"; cat "$work/warn"; exit 1
fi
# the compiled policy is what polc load hands the kernel: it must exist
"$parser" -Q -K -S -M "$features" "$profile" >"$work/bin" 2>/dev/null
if [ ! -s "$work/bin" ]; then
    echo "FAIL: apparmor_parser -S produced no compiled policy"; exit 1
fi
echo "ok: $name.apparmor accepted ($(grep -c ',' "$profile") rule lines, $(wc -c <"$work/bin") bytes compiled)"

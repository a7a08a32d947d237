#!/usr/bin/env bash
# A shipped example run for real on the host under `polc run` (issue 16):
# the real program starts under the example's whole policy, serves requests
# over loopback, reloads where it has a reload, stops cleanly on SIGTERM, and
# a probe standing in for the program (bind-mounted over its binary, so the
# policy's `exec` rule admits it) sees the calls the policy denies fail.
#
#   polc_run_case.sh POLC SYSPROBE EXAMPLE
#
# Each run has its own mount and network namespaces: a tmpfs on every write
# path of the policy (as a container engine's --tmpfs), loopback only.
# Needs root, the program (Debian's package, .ci/packages.txt) and Landlock:
# without them the test fails, it never skips.
set -u
polc=$1 sysprobe=$2 example=$3
here=$(cd "$(dirname "$0")" && pwd)
examples=$(cd "$here/../../examples" && pwd)
fail=0
failmsg() { echo "FAIL $example: $*" >&2; fail=1; }
[ "$(id -u)" = 0 ] || { echo "FAIL $example: needs root" >&2; exit 1; }
for t in unshare curl ip; do
    command -v "$t" >/dev/null || { echo "FAIL $example: $t is missing" >&2; exit 1; }
done
tmp=$(mktemp -d /tmp/polc-example.XXXXXX)
trap 'rm -rf "$tmp"' EXIT

. "$here/cases/$example.polc_run.sh" || { echo "FAIL: no polc run case for $example" >&2; exit 1; }
export -f "inside_$example"
export polc sysprobe examples tmp
out=$(unshare -m -n --propagation private bash -c "inside_$example" 2>&1)
rc=$?
printf '%s\n' "$out" | grep -v '^FAIL' || true
printf '%s\n' "$out" | grep '^FAIL' >&2 && fail=1
[ "$rc" = 0 ] || failmsg "the run inside the namespaces failed ($rc)"
[ "$fail" = 0 ] && echo "PASS $example under polc run"
exit "$fail"

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

# probe_in_place EXAMPLE PROBE TARGET POLICY [PROBE_ARG...] -- "CALL|EXPECTED"...:
# PROBE (sysprobe, goprobe) bind-mounted over the program's binary TARGET, so
# the policy's `exec` rule admits it, runs the CALLs under `polc run POLICY`
# and must answer each as EXPECTED (`ok FD` for any descriptor; empty: the
# call ends the probe, no answer, see PROBE_RC); a FAIL line
# per difference. PROBE_RC: polc run's exit status (128+31 when a kill-process
# rule ended the probe).
probe_in_place() {
    local ex=$1 probe=$2 target=$3 policy=$4 args=() calls=() want=() c
    shift 4
    while [ "$1" != -- ]; do args+=("$1"); shift; done
    shift
    for c in "$@"; do calls+=("${c%%|*}"); [ -z "${c#*|}" ] || want+=("${c#*|}"); done
    mount --bind "$probe" "$target" || { echo "FAIL $ex: cannot bind $probe over $target"; PROBE_RC=1; return; }
    "$polc" run "$policy" -- "$target" "${args[@]}" "${calls[@]}" >"$tmp/probe.raw" 2>&1
    PROBE_RC=$?
    umount "$target"
    sed 's/^ok [0-9]*$/ok FD/' "$tmp/probe.raw" >"$tmp/probe.out"
    : >"$tmp/probe.want"
    [ "${#want[@]}" = 0 ] || printf '%s\n' "${want[@]}" >"$tmp/probe.want"
    diff -u "$tmp/probe.want" "$tmp/probe.out" | sed "s/^/FAIL $ex: probe: /"
}

. "$here/cases/$example.polc_run.sh" || { echo "FAIL: no polc run case for $example" >&2; exit 1; }
export -f "inside_$example" probe_in_place
export polc sysprobe examples tmp
out=$(unshare -m -n --propagation private bash -c "inside_$example" 2>&1)
rc=$?
printf '%s\n' "$out" | grep -v '^FAIL' || true
printf '%s\n' "$out" | grep '^FAIL' >&2 && fail=1
[ "$rc" = 0 ] || failmsg "the run inside the namespaces failed ($rc)"
[ "$fail" = 0 ] && echo "PASS $example under polc run"
exit "$fail"

#!/usr/bin/env bash
# systemd_analyze.sh POLC POLICY.pol...
# Each policy's drop-in (polc -t systemd) on top of a small unit:
#  - `systemd-analyze verify` accepts it: exit 0, and nothing on its output
#    but "Failed to parse system call, ignoring: NAME" for names the local
#    libseccomp does not know (polc's tables are newer; systemd skips them);
#  - `systemd-analyze security --offline=yes` scores the unit with the drop-in
#    lower (less exposed) than the same unit without it. The figures are
#    printed for the record (docs/runtimes.md quotes them).
# Exit 0 pass, 1 fail, 77 no systemd-analyze (1 when CI=true).
set -euo pipefail
polc=$1
shift
skip() { echo "SKIP: $*"; [[ ${CI:-} == true ]] && exit 1; exit 77; }
command -v systemd-analyze >/dev/null || skip "systemd-analyze not installed"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0
score() { # UNIT_FILE [UNIT_PATH]: the overall exposure, e.g. 9.6
    SYSTEMD_UNIT_PATH=${2:-} systemd-analyze security --offline=yes "$1" 2>/dev/null |
        sed -n 's/^→ Overall exposure level for .*: \([0-9.]*\) .*/\1/p'
}
for policy in "$@"; do
    name=$(basename "$policy" .pol)
    unit=polc-$name.service
    mkdir -p "$work/bare" "$work/with/$unit.d"
    printf '[Unit]\nDescription=polc drop-in test\n[Service]\nExecStart=/bin/true\n' >"$work/bare/$unit"
    cp "$work/bare/$unit" "$work/with/$unit"
    "$polc" -t systemd "$policy" -o "$work/out"
    cp "$work/out/$name.service.d/polc.conf" "$work/with/$unit.d/polc.conf"
    rc=0
    SYSTEMD_UNIT_PATH=$work/with: systemd-analyze verify --man=no "$work/with/$unit" >"$work/verify.log" 2>&1 || rc=$?
    other=$(grep -v 'Failed to parse system call, ignoring: [a-z0-9_]*$' "$work/verify.log" || true)
    skipped=$(grep -c 'Failed to parse system call' "$work/verify.log" || true)
    if [[ $rc != 0 || -n $other ]]; then
        echo "FAIL $name: systemd-analyze verify (exit $rc):"
        cat "$work/verify.log"
        fail=1
    else
        echo "ok $name: systemd-analyze verify accepts the drop-in ($skipped names unknown to libseccomp skipped)"
    fi
    before=$(score "$work/bare/$unit")
    after=$(score "$work/with/$unit" "$work/with:")
    if [[ -z $before || -z $after ]] || ! awk -v a="$after" -v b="$before" 'BEGIN { exit !(a < b) }'; then
        echo "FAIL $name: exposure without the drop-in ${before:-?}, with it ${after:-?}: not lower"
        fail=1
    else
        echo "ok $name: systemd-analyze security exposure $before without the drop-in, $after with it"
    fi
    rm -rf "$work/bare" "$work/with" "$work/out"
done
exit $fail

#!/usr/bin/env bash
# Golden-file test for one polc command that is not `polc --check FILE.pol`
# (polc import, polc learn, polc diff, writing outputs): the diagnostics of
# codes the cases/ suite cannot reach.
#
#   run_command.sh POLC CMD_DIR NAME
#
# NAME.cmd holds a first line `# what it tests` and a second line: the
# arguments after `polc`, split on white space (no quoting, no globbing).
# They run with CMD_DIR as the working directory; standard output is
# discarded. Standard error must equal NAME.stderr byte for byte, and the
# exit status NAME.exit. A case must produce at least one diagnostic.
# With POLC_UPDATE_GOLDEN=1 the golden files are rewritten instead.
set -u
export SOURCE_DATE_EPOCH=0 # polc learn --merge stamps its additions
if [ $# -ne 3 ]; then
    echo "usage: $0 POLC CMD_DIR NAME" >&2
    exit 2
fi
polc=$1 dir=$2 name=$3
case "$polc" in /*) ;; *) polc=$(pwd)/$polc ;; esac
cd "$dir" || exit 1
fail=0
failmsg() { echo "FAIL $name: $*" >&2; fail=1; }
[ -f "$name.cmd" ] || { echo "FAIL $name: no $name.cmd" >&2; exit 1; }
case "$(sed -n 1p "$name.cmd")" in
'#'*) ;;
*) failmsg "$name.cmd must start with a comment line saying what it tests" ;;
esac
set -f
args=($(sed -n 2p "$name.cmd"))
set +f
[ ${#args[@]} -gt 0 ] || failmsg "$name.cmd has no command line on its second line"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/polc-diagcmd.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
timeout_cmd=()
command -v timeout >/dev/null 2>&1 && timeout_cmd=(timeout 60)
"${timeout_cmd[@]}" "$polc" "${args[@]}" </dev/null >/dev/null 2>"$tmp/stderr"
rc=$?
case "$rc" in 0 | 1 | 2) ;; 124) failmsg "polc timed out" ;; *) failmsg "polc exited with status $rc (crash?)" ;; esac
grep -qE '(error|warning)\[[EW][0-9]{4}\]' "$tmp/stderr" || failmsg "no diagnostic on standard error"
if [ "${POLC_UPDATE_GOLDEN:-}" = 1 ]; then
    if [ "$fail" = 0 ]; then
        cp "$tmp/stderr" "$name.stderr"
        echo "$rc" >"$name.exit"
        echo "updated golden files for $name ($name.stderr, $name.exit)"
    else
        echo "NOT updating golden files for $name: sanity checks failed" >&2
    fi
    exit "$fail"
fi
if [ ! -f "$name.stderr" ]; then
    failmsg "golden file $name.stderr is missing (run with POLC_UPDATE_GOLDEN=1 to create it)"
elif ! cmp -s "$name.stderr" "$tmp/stderr"; then
    failmsg "standard error differs from $name.stderr:"
    diff -u --label "$name.stderr (expected)" --label "$name.stderr (actual)" "$name.stderr" "$tmp/stderr" >&2
fi
want_rc=$(tr -d ' \n' <"$name.exit" 2>/dev/null)
[ "$want_rc" = "$rc" ] || failmsg "exit status $rc, expected ${want_rc:-(no $name.exit)}"
[ "$fail" = 0 ] && echo "PASS $name"
exit "$fail"

#!/usr/bin/env bash
# Golden-file test for one `polc lint` case (the style of
# tests/diagnostics/run_case.sh).
#
#   run_case.sh POLC CASE_DIR NAME [FILE GOLDEN_DIR]
#
# Runs, with CASE_DIR as the working directory:
#
#   POLC lint --color=never [ARGS] FILE                  -> NAME.stderr
#   POLC lint --diagnostics-format=json [ARGS] FILE      -> NAME.json
#
# FILE defaults to NAME.pol (a case in CASE_DIR) and the goldens live beside
# it; the examples test runs examples/NAME.pol from the source tree with its
# goldens in GOLDEN_DIR (tests/lint/examples), so examples/ stays untouched.
# Both outputs are compared byte for byte with the goldens, the exit status
# (the same for both runs) with NAME.exit. NAME.args: extra arguments, split
# on white space.
#
# Sanity checks that hold whatever the goldens say:
#   - exit 0 comes with no diagnostics at all, exit 1 with at least one;
#   - JSON mode writes exactly one JSON array on stdout and nothing on stderr;
#   - text mode writes nothing on stdout;
#   - the exit status is 0, 1 or 2 (anything else is a crash or a hang);
#   - every lint finding (code L....) is a warning with a help line;
#   - a case's .pol starts with a comment line saying what it tests.
#
# POLC_UPDATE_GOLDEN=1 rewrites the goldens instead (sanity checks still apply).
set -u
if [ $# -ne 3 ] && [ $# -ne 5 ]; then
    echo "usage: $0 POLC CASE_DIR NAME [FILE GOLDEN_DIR]" >&2
    exit 2
fi
polc=$1 case_dir=$2 name=$3 input=${4:-$3.pol} golden_dir=${5:-$2}
case "$polc" in /*) ;; *) polc=$(pwd)/$polc ;; esac
case "$golden_dir" in /*) ;; *) golden_dir=$(pwd)/$golden_dir ;; esac
[ -x "$polc" ] || { echo "FAIL $name: $polc is not executable" >&2; exit 1; }
command -v jq >/dev/null 2>&1 || { echo "FAIL $name: jq is needed" >&2; exit 1; }
cd "$case_dir" || { echo "FAIL $name: cannot cd to $case_dir" >&2; exit 1; }
[ -f "$input" ] || { echo "FAIL $name: $input does not exist" >&2; exit 1; }

fail=0
failmsg() { echo "FAIL $name: $*" >&2; fail=1; }
if [ $# -eq 3 ]; then
    case "$(head -n 1 "$input")" in '#'*) ;; *) failmsg "$input must start with a comment line" ;; esac
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/polc-lint.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
extra=()
g=$golden_dir/$name
if [ -f "$g.args" ]; then
    set -f
    extra=($(cat "$g.args"))
    set +f
fi
timeout 60 "$polc" lint --color=never "${extra[@]}" "$input" >"$tmp/text.stdout" 2>"$tmp/text.stderr"
text_rc=$?
timeout 60 "$polc" lint --diagnostics-format=json "${extra[@]}" "$input" >"$tmp/json.stdout" 2>"$tmp/json.stderr"
json_rc=$?

for rc in "$text_rc" "$json_rc"; do
    case "$rc" in 0 | 1 | 2) ;; 124) failmsg "polc timed out" ;; *) failmsg "polc exited with $rc (crash?)" ;; esac
done
[ "$text_rc" = "$json_rc" ] || failmsg "exit status differs: text $text_rc, JSON $json_rc"
[ -s "$tmp/text.stdout" ] && { failmsg "text mode wrote to stdout:"; cat "$tmp/text.stdout" >&2; }
[ -s "$tmp/json.stderr" ] && { failmsg "JSON mode wrote to stderr:"; cat "$tmp/json.stderr" >&2; }
if ! n=$(jq -s -r 'if length != 1 or (.[0] | type) != "array" then "bad"
                   else "\(.[0] | length) \([.[0][] | select((.code // "") | startswith("L"))
                        | select(.severity != "warning" or ([.notes[]? | select(.severity == "help")] | length) == 0)]
                        | length)" end' <"$tmp/json.stdout" 2>&1); then
    failmsg "JSON output does not parse: $n"
elif [ "$n" = bad ]; then
    failmsg "JSON stdout is not exactly one array"
else
    count=${n% *} badl=${n#* }
    [ "$json_rc" = 0 ] && [ "$count" != 0 ] && failmsg "exit 0 with $count diagnostic(s)"
    [ "$json_rc" = 0 ] && [ -s "$tmp/text.stderr" ] && failmsg "exit 0 but text mode printed diagnostics"
    [ "$json_rc" = 1 ] && [ "$count" = 0 ] && failmsg "exit 1 without a diagnostic"
    [ "$badl" != 0 ] && failmsg "$badl lint finding(s) not a warning with a help line"
fi

if [ "${POLC_UPDATE_GOLDEN:-}" = 1 ]; then
    if [ "$fail" = 0 ]; then
        cp "$tmp/text.stderr" "$g.stderr"
        cp "$tmp/json.stdout" "$g.json"
        echo "$text_rc" >"$g.exit"
        echo "updated golden files for $name"
    fi
    exit "$fail"
fi
for pair in "text.stderr:$g.stderr" "json.stdout:$g.json"; do
    got=$tmp/${pair%%:*} want=${pair#*:}
    if [ ! -f "$want" ]; then
        failmsg "golden $want is missing (POLC_UPDATE_GOLDEN=1 creates it)"
    elif ! cmp -s "$want" "$got"; then
        failmsg "output differs from $want:"
        diff -u --label "$want (expected)" --label "$want (actual)" "$want" "$got" >&2
    fi
done
if [ ! -f "$g.exit" ]; then
    failmsg "golden $g.exit is missing"
elif [ "$(tr -d ' \n' <"$g.exit")" != "$text_rc" ]; then
    failmsg "exit status $text_rc, expected $(cat "$g.exit")"
fi
[ "$fail" = 0 ] && echo "PASS $name"
exit "$fail"

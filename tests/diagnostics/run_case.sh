#!/usr/bin/env bash
# Golden-file test for one polc diagnostics case.
#
#   run_case.sh POLC CASE_DIR NAME
#
# Runs, with CASE_DIR as the working directory (so file names in messages are
# relative and stable):
#
#   POLC --check --color=never [ARGS] NAME.pol                    -> NAME.stderr
#   POLC --check --diagnostics-format=json [ARGS] NAME.pol        -> NAME.json
#
# and compares both byte for byte with the golden files, and the exit status
# (the same for both runs) with NAME.exit.
#
# Optional per-case files:
#   NAME.args   extra command-line arguments, split on white space (no quoting)
#   NAME.stdin  marker: feed NAME.pol on standard input and pass `-` instead
#               of the file name (combine with `--stdin-name X` in NAME.args)
#
# Sanity checks that hold whatever the goldens say:
#   - the case produces at least one diagnostic (a case that cannot fail is useless);
#   - JSON mode writes exactly one JSON array on stdout and nothing on stderr;
#   - text mode writes nothing on stdout;
#   - the exit status is 0, 1 or 2 (anything else is a crash or a hang);
#   - exit 1 comes with at least one error, exit 0 with none;
#   - NAME.pol starts with a comment line saying what it tests.
#
# Absolute paths of CASE_DIR (polc prints some, e.g. in include-cycle notes)
# are replaced by `<cases>` before comparing, so goldens do not depend on where
# the tree is checked out.
#
# With POLC_UPDATE_GOLDEN=1 the golden files are rewritten instead of compared
# (the sanity checks still apply). Review the result in `git diff`.
set -u

if [ $# -ne 3 ]; then
    echo "usage: $0 POLC CASE_DIR NAME" >&2
    exit 2
fi
polc=$1
case_dir=$2
name=$3

case "$polc" in
/*) ;;
*) polc=$(pwd)/$polc ;;
esac
if [ ! -x "$polc" ]; then
    echo "FAIL $name: polc binary \`$polc' is not executable" >&2
    exit 1
fi
if ! command -v jq >/dev/null 2>&1; then
    echo "FAIL $name: jq is needed to check the JSON output" >&2
    exit 1
fi
cd "$case_dir" || { echo "FAIL $name: cannot cd to $case_dir" >&2; exit 1; }
if [ ! -f "$name.pol" ]; then
    echo "FAIL $name: $case_dir/$name.pol does not exist" >&2
    exit 1
fi

fail=0
failmsg() {
    echo "FAIL $name: $*" >&2
    fail=1
}

first=$(head -n 1 "$name.pol")
case "$first" in
'#'*) ;;
*) failmsg "$name.pol must start with a comment line saying what it tests" ;;
esac

tmp=$(mktemp -d "${TMPDIR:-/tmp}/polc-diag.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

extra=()
if [ -f "$name.args" ]; then
    set -f # no globbing; word splitting only
    extra=($(cat "$name.args"))
    set +f
fi
if [ -f "$name.stdin" ]; then
    input=-
    stdin_file=$name.pol
else
    input=$name.pol
    stdin_file=/dev/null
fi

timeout_cmd=()
if command -v timeout >/dev/null 2>&1; then
    timeout_cmd=(timeout 60)
fi

# Text mode.
"${timeout_cmd[@]}" "$polc" --check --color=never "${extra[@]}" "$input" \
    <"$stdin_file" >"$tmp/text.stdout" 2>"$tmp/text.stderr"
text_rc=$?
# JSON mode.
"${timeout_cmd[@]}" "$polc" --check --diagnostics-format=json "${extra[@]}" "$input" \
    <"$stdin_file" >"$tmp/json.stdout" 2>"$tmp/json.stderr"
json_rc=$?

# Make absolute paths of the case directory stable.
abs=$(pwd -P)
pat=$(printf '%s' "$abs" | sed 's/[][\.*^$|/]/\\&/g')
for f in text.stderr json.stdout; do
    sed "s/$pat/<cases>/g" "$tmp/$f" >"$tmp/$f.norm"
done

# ---- sanity checks ----
for rc in "$text_rc" "$json_rc"; do
    case "$rc" in
    0 | 1 | 2) ;;
    124) failmsg "polc timed out" ;;
    *) failmsg "polc exited with status $rc (crash?)" ;;
    esac
done
if [ "$text_rc" != "$json_rc" ]; then
    failmsg "exit status differs between text ($text_rc) and JSON ($json_rc) mode"
fi
if [ -s "$tmp/text.stdout" ]; then
    failmsg "text mode wrote to stdout:"
    cat "$tmp/text.stdout" >&2
fi
if [ -s "$tmp/json.stderr" ]; then
    failmsg "JSON mode wrote to stderr:"
    cat "$tmp/json.stderr" >&2
fi
if [ ! -s "$tmp/text.stderr" ]; then
    failmsg "no diagnostics in text mode (a case must produce at least one)"
fi
# Exactly one JSON value on stdout, and it is a non-empty array.
if ! jq_out=$(jq -s -r 'if length != 1 then "values:\(length)"
                  elif (.[0] | type) != "array" then "type:\(.[0] | type)"
                  elif (.[0] | length) == 0 then "empty"
                  else "errors:\([.[0][] | select(.severity == "error")] | length)" end' \
        <"$tmp/json.stdout" 2>&1); then
    failmsg "JSON output does not parse: $jq_out"
    cat "$tmp/json.stdout" >&2
else
    case "$jq_out" in
    values:*) failmsg "JSON stdout holds ${jq_out#values:} JSON values, expected exactly one array" ;;
    type:*) failmsg "JSON stdout is a ${jq_out#type:}, expected an array" ;;
    empty) failmsg "no diagnostics in JSON mode (a case must produce at least one)" ;;
    errors:*)
        nerr=${jq_out#errors:}
        if [ "$json_rc" = 1 ] && [ "$nerr" = 0 ]; then
            failmsg "exit status 1 but no error in the JSON output"
        fi
        if [ "$json_rc" = 0 ] && [ "$nerr" != 0 ]; then
            failmsg "exit status 0 but $nerr error(s) in the JSON output"
        fi
        ;;
    esac
fi

# ---- goldens ----
if [ "${POLC_UPDATE_GOLDEN:-}" = 1 ]; then
    if [ "$fail" = 0 ]; then
        cp "$tmp/text.stderr.norm" "$name.stderr"
        cp "$tmp/json.stdout.norm" "$name.json"
        echo "$text_rc" >"$name.exit"
        echo "updated golden files for $name ($name.stderr, $name.json, $name.exit)"
    else
        echo "NOT updating golden files for $name: sanity checks failed" >&2
    fi
    exit "$fail"
fi

for pair in "text.stderr.norm:$name.stderr" "json.stdout.norm:$name.json"; do
    got=$tmp/${pair%%:*}
    want=${pair#*:}
    if [ ! -f "$want" ]; then
        failmsg "golden file $want is missing (run with POLC_UPDATE_GOLDEN=1 to create it)"
        continue
    fi
    if ! cmp -s "$want" "$got"; then
        failmsg "output differs from $want:"
        diff -u --label "$want (expected)" --label "$want (actual)" "$want" "$got" >&2
    fi
done
if [ ! -f "$name.exit" ]; then
    failmsg "golden file $name.exit is missing (run with POLC_UPDATE_GOLDEN=1 to create it)"
else
    want_rc=$(tr -d ' \n' <"$name.exit")
    if [ "$want_rc" != "$text_rc" ]; then
        failmsg "exit status $text_rc, expected $want_rc"
    fi
fi

if [ "$fail" = 0 ]; then
    echo "PASS $name"
fi
exit "$fail"

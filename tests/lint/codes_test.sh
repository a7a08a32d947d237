#!/usr/bin/env bash
# Every L code polc lint can report (a string "L0xxx" in compiler/review/)
# is in docs/lint.md's code table, has its own section there, and is pinned
# by at least one golden in tests/lint/cases/; the docs list no code the
# source does not have; and compiler/review/lint_codes.c, the meanings SARIF
# rules give, is the docs' table.
#   codes_test.sh SOURCE_DIR
set -u
src=$1
fail=0
# (lint_codes.c, the table of meanings, is checked against the docs below)
codes=$(grep -ohE '"L0[0-9]{3}"' $(ls "$src"/compiler/review/*.c | grep -v '/lint_codes\.c$') | tr -d '"' | sort -u)
[ -n "$codes" ] || { echo "FAIL: no L codes found in compiler/review" >&2; exit 1; }
for c in $codes; do
    grep -q "^| $c |" "$src/docs/lint.md" || { echo "FAIL: $c is not in docs/lint.md's table" >&2; fail=1; }
    grep -q "^#### $c " "$src/docs/lint.md" || { echo "FAIL: $c has no section in docs/lint.md" >&2; fail=1; }
    grep -lq "warning\[$c\]" "$src"/tests/lint/cases/*.stderr ||
        { echo "FAIL: no case in tests/lint/cases reports $c" >&2; fail=1; }
done
for c in $(grep -oE '^\| L0[0-9]{3} ' "$src/docs/lint.md" | tr -d '| '); do
    echo "$codes" | grep -qx "$c" || { echo "FAIL: docs/lint.md lists $c, which polc never reports" >&2; fail=1; }
done
# compiler/review/lint_codes.c (SARIF's rule texts) is docs/lint.md's table, row for row
table=$(sed -nE 's/^    \{"(L0[0-9]{3})", "(.*)", LINT_[A-Z]+\},$/| \1 | \2 |/p' "$src/compiler/review/lint_codes.c")
rows=$(grep -E '^\| L0[0-9]{3} \|' "$src/docs/lint.md")
[ -n "$table" ] && [ "$table" = "$rows" ] ||
    { echo "FAIL: compiler/review/lint_codes.c does not list docs/lint.md's code table, row for row:" >&2
      diff <(printf '%s\n' "$rows") <(printf '%s\n' "$table") >&2; fail=1; }
[ "$fail" = 0 ] && echo "PASS: $(echo $codes | wc -w) codes documented and tested"
exit "$fail"

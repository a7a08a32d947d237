#!/usr/bin/env bash
# Every L code polc lint can report (a string "L0xxx" in compiler/review/)
# is in docs/lint.md's code table, has its own section there, and is pinned
# by at least one golden in tests/lint/cases/; and the docs list no code the
# source does not have.
#   codes_test.sh SOURCE_DIR
set -u
src=$1
fail=0
codes=$(grep -ohE '"L0[0-9]{3}"' "$src"/compiler/review/*.c | tr -d '"' | sort -u)
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
[ "$fail" = 0 ] && echo "PASS: $(echo $codes | wc -w) codes documented and tested"
exit "$fail"

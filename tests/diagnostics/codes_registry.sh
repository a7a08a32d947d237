#!/usr/bin/env bash
# The registry of diagnostic codes, compiler/util/diag_codes.def, agrees with the
# sources, the docs and the tests:
#   - every "E0xxx"/"W0xxx" string in compiler/ and grammar/ is registered;
#   - every registered code is emitted somewhere (a code that is not must be
#     dropped from the registry; docs/diagnostics.md may list it as reserved);
#   - every registered code is a row `| CODE |` of docs/diagnostics.md, and
#     every such row is registered;
#   - every registered code is pinned by a golden: `error[CODE]`,
#     `warning[CODE]`, `"code": "CODE"` or (SARIF) `"ruleId": "CODE"` in an
#     expected-output file under
#     tests/ (not in a .pol, a script or a C source: a comment or a grep
#     pattern pins nothing). Instead, DIAG_CODE_TESTED_BY names the test
#     file that checks it, which must exist and mention it, and
#     DIAG_CODE_UNTESTABLE says, in a non-empty reason, why nothing can
#     trigger it.
#   codes_registry.sh SOURCE_DIR
set -u
src=$1
def=$src/compiler/util/diag_codes.def
doc=$src/docs/diagnostics.md
fail=0
failmsg() { echo "FAIL: $*" >&2; fail=1; }
[ -f "$def" ] || { echo "FAIL: $def is missing" >&2; exit 1; }

# Registry lines, one per code: KIND CODE (KIND: plain, tested_by, untestable).
# Entries may span lines; join each DIAG_CODE...( ... ) into one line first.
entries=$(awk '
    /^DIAG_CODE/ { cur = $0; open = 1 }
    open && !/^DIAG_CODE/ { cur = cur " " $0 }
    open && /\)[ \t]*$/ { print cur; open = 0 }
' "$def")
registry=$(printf '%s\n' "$entries" | sed -nE 's/^DIAG_CODE(_[A-Z_]+)?\(([EW][0-9]{4}),.*/\2/p')
[ -n "$registry" ] || { echo "FAIL: no codes in $def" >&2; exit 1; }
dups=$(printf '%s\n' "$registry" | sort | uniq -d)
[ -z "$dups" ] || failmsg "defined more than once in diag_codes.def: $(echo $dups)"
printf '%s\n' "$registry" | sort -c 2>/dev/null || failmsg "diag_codes.def is not sorted by code"
nlines=$(grep -cE '^DIAG_CODE' "$def")
[ "$nlines" = "$(printf '%s\n' "$registry" | wc -l)" ] ||
    failmsg "diag_codes.def has $nlines DIAG_CODE lines but $(printf '%s\n' "$registry" | wc -l) parse as CODE, \"MEANING\""
# every entry has a non-empty meaning
printf '%s\n' "$entries" | grep -vE '^DIAG_CODE(_[A-Z_]+)?\([EW][0-9]{4}, *"[^"]+"' | while read -r l; do
    [ -n "$l" ] && echo "FAIL: no meaning: $l" >&2 && echo x
done | grep -q x && fail=1

emitted=$(grep -rhoE '"[EW][0-9]{4}"' "$src/compiler" "$src/grammar" --include='*.c' --include='*.h' \
    --include='*.l' --include='*.y' | tr -d '"' | sort -u)
for c in $emitted; do
    printf '%s\n' "$registry" | grep -qx "$c" || failmsg "$c is emitted (grep -rn '\"$c\"' compiler grammar) but not in compiler/util/diag_codes.def"
done

# Expected-output files: everything under tests/ but inputs and programs.
goldens=$(find "$src/tests/" -type f ! -name '*.pol' ! -name '*.sh' ! -name '*.c' ! -name '*.h' \
    ! -name '*.py' ! -name '*.cjs' ! -name '*.js' ! -name '*.md' ! -name 'CMakeLists.txt' \
    ! -name '*.args' ! -name '*.cmd' ! -name '*.vim')
# the codes the goldens pin
pinned=$(printf '%s\n' $goldens | xargs grep -ohE '(error|warning)\[[EW][0-9]{4}\]|"(code|ruleId)": *"[EW][0-9]{4}"' 2>/dev/null |
    grep -oE '[EW][0-9]{4}' | sort -u)
reserved=$(grep -E '^Codes not in these tables' "$doc" | grep -oE '[EW][0-9]{4}')

for c in $registry; do
    entry=$(printf '%s\n' "$entries" | grep -E "^DIAG_CODE(_[A-Z_]+)?\($c,")
    printf '%s\n' "$emitted" | grep -qx "$c" ||
        failmsg "$c is in diag_codes.def but nothing in compiler/ or grammar/ emits it (remove it; docs/diagnostics.md may list it as reserved)"
    printf '%s\n' "$reserved" | grep -qx "$c" && failmsg "$c is registered but docs/diagnostics.md lists it as reserved"
    grep -q "^| $c |" "$doc" || failmsg "$c is not documented in docs/diagnostics.md (a table row \`| $c |\`)"
    case $entry in
    DIAG_CODE_UNTESTABLE*)
        why=$(printf '%s\n' "$entry" | sed -nE 's/.*"[^"]*", *"([^"]*)"[ \t]*\)[ \t]*$/\1/p')
        [ -n "$why" ] || failmsg "$c is DIAG_CODE_UNTESTABLE without a reason"
        printf '%s\n' "$pinned" | grep -qx "$c" &&
            failmsg "$c is marked untestable but a golden pins it: use DIAG_CODE"
        ;;
    DIAG_CODE_TESTED_BY*)
        file=$(printf '%s\n' "$entry" | sed -nE 's/.*"[^"]*", *"([^"]*)"[ \t]*\)[ \t]*$/\1/p')
        if [ -z "$file" ] || [ ! -f "$src/$file" ]; then
            failmsg "$c: DIAG_CODE_TESTED_BY names \`$file', which does not exist"
        elif ! grep -q "$c" "$src/$file"; then
            failmsg "$c: $file, named by DIAG_CODE_TESTED_BY, does not mention $c"
        fi
        ;;
    DIAG_CODE\(*)
        printf '%s\n' "$pinned" | grep -qx "$c" ||
            failmsg "$c appears in no golden under tests/: add a case (tests/diagnostics/cases or commands), or mark it DIAG_CODE_TESTED_BY / DIAG_CODE_UNTESTABLE with the reason"
        ;;
    *) failmsg "$c: unknown registry macro in: $entry" ;;
    esac
done
for c in $(grep -oE '^\| [EW][0-9]{4} ' "$doc" | tr -d '| '); do
    printf '%s\n' "$registry" | grep -qx "$c" || failmsg "docs/diagnostics.md documents $c, which is not in compiler/util/diag_codes.def"
done
grep -q 'compiler/util/diag_codes.def' "$doc" || failmsg "docs/diagnostics.md does not say that compiler/util/diag_codes.def is the registry"

if [ "$fail" = 0 ]; then
    echo "PASS: $(echo $registry | wc -w) codes registered, emitted, documented and tested" \
        "($(grep -c '^DIAG_CODE_UNTESTABLE' "$def") untestable, $(grep -c '^DIAG_CODE_TESTED_BY' "$def") tested by a named test)"
fi
exit "$fail"

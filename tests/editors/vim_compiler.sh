#!/usr/bin/env bash
# editors/vim/compiler/polc.vim on every diagnostics golden: Vim's quickfix
# list must hold exactly one entry per error and warning, at its
# file:line:col, with its type, `[CODE]: message` and its note:/help: lines
# (the expectation is built from the golden's own lines, not from Vim).
#   vim_compiler.sh SOURCE_DIR
set -u
src=$1
command -v vim >/dev/null || { echo "FAIL: vim is missing"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0 n=0
for golden in "$src"/tests/diagnostics/cases/*.stderr; do
    grep -qE '^[^ ]+:[0-9]+:[0-9]+: (error|warning)\[' "$golden" || continue
    n=$((n + 1))
    QF_INPUT=$golden QF_OUTPUT=$tmp/got vim -u NONE -N -es -c "set rtp^=$src/editors/vim" \
        -c "source $src/tests/editors/vim_quickfix.vim" </dev/null >/dev/null 2>&1
    awk '
        function flush() { if (have) print entry; have = 0 }
        match($0, /^[^ ]+:[0-9]+:[0-9]+: (error|warning)\[/) {
            flush()
            split($0, p, ":")
            rest = substr($0, length(p[1]) + length(p[2]) + length(p[3]) + 5)
            type = substr(rest, 1, 1) == "e" ? "E" : "W"
            sub(/^(error|warning)/, "", rest)
            entry = p[1] ":" p[2] ":" p[3] " " type " " rest
            have = 1
            next
        }
        /^(help|note): / { if (have) entry = entry " | " $0; next }
        /^[^ ]/ { flush() }
        END { flush() }
    ' "$golden" >"$tmp/want"
    if ! diff -u "$tmp/want" "$tmp/got" >"$tmp/diff"; then
        echo "FAIL: ${golden#"$src"/}:"; cat "$tmp/diff"; fail=1
    fi
done
[ $n -gt 50 ] || { echo "FAIL: only $n goldens with diagnostics found"; fail=1; }
[ $fail = 0 ] && echo "vim compiler plugin: quickfix entries match $n diagnostics goldens"
exit $fail

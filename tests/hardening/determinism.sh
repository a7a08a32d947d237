#!/usr/bin/env bash
# Identical input gives byte-identical output, whatever the environment:
# every example compiled to all four back ends twice, the second time from
# another working directory (the input named by a different path), under
# env -i with odd LANG/LC_ALL/TZ, no POLC_PATH, another umask and another
# output directory path; outputs, their names and modes must be the same.
# Also --dump-ir and --emit bpf-asm.
#   determinism.sh POLC EXAMPLES_DIR
set -u
polc=$(realpath "$1")
examples=$(cd "$2" && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/polc-determinism.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
fail=0
n=0
mkdir -p "$tmp/a" "$tmp/elsewhere/deeper" "$tmp/b/with space/out"
. "$(dirname "$0")/../common/example_args.sh"
for pol in "$examples"/*.pol; do
    name=$(basename "$pol" .pol)
    mapfile -t xargs < <(example_args "$examples/.." "$name")
    (cd "$examples" && umask 022 && LANG=C.UTF-8 TZ=UTC "$polc" "${xargs[@]}" "$name.pol" -o "$tmp/a/out" 2>/dev/null &&
        "$polc" --dump-ir "$name.pol" >"$tmp/a/$name.ir" 2>/dev/null &&
        "$polc" --emit bpf-asm "$name.pol" >"$tmp/a/$name.asm" 2>/dev/null) ||
        { echo "FAIL $name: does not compile"; fail=1; continue; }
    rel=$(realpath --relative-to="$tmp/elsewhere/deeper" "$pol")
    (cd "$tmp/elsewhere/deeper" && umask 077 &&
        env -i PATH=/usr/bin:/bin LANG=tr_TR.UTF-8 LC_ALL=tr_TR.UTF-8 TZ=Pacific/Chatham HOME=/nonexistent \
            "$polc" "${xargs[@]}" "$rel" -o "$tmp/b/with space/out/" 2>/dev/null &&
        env -i LC_ALL=de_DE.ISO-8859-1 TZ=Asia/Kathmandu "$polc" --dump-ir "$rel" >"$tmp/b/$name.ir" 2>/dev/null &&
        env -i LC_ALL=C TZ=America/St_Johns "$polc" --emit bpf-asm "$rel" >"$tmp/b/$name.asm" 2>/dev/null) ||
        { echo "FAIL $name: does not compile from elsewhere"; fail=1; continue; }
    for f in "$tmp/a/$name.ir" "$tmp/a/$name.asm"; do
        if ! cmp -s "$f" "$tmp/b/$(basename "$f")"; then
            echo "FAIL $name: $(basename "$f") differs"; fail=1
        fi
        n=$((n + 1))
    done
done
la=$(cd "$tmp/a/out" && find . -type f -printf '%P %m %s\n' | sort)
lb=$(cd "$tmp/b/with space/out" && find . -type f -printf '%P %m %s\n' | sort)
if [ "$la" != "$lb" ] || [ "$(echo "$la" | wc -l)" -lt 16 ]; then
    echo "FAIL: the output directories differ in files, modes or sizes:"
    diff <(echo "$la") <(echo "$lb")
    fail=1
fi
for f in "$tmp/a/out"/*; do
    n=$((n + 1))
    if ! cmp "$f" "$tmp/b/with space/out/$(basename "$f")"; then
        echo "FAIL: $(basename "$f") differs"; fail=1
    fi
done
echo "compared $n files"
exit $fail

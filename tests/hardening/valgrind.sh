#!/usr/bin/env bash
# valgrind memcheck over the compiles the test suite does: every example to
# all back ends (and --dump-ir, --emit bpf-asm, eval, disasm of its BPF,
# fmt, lint, explain, graph; diff of two),
# --check on every diagnostics case (with its arguments or stdin), import of
# the test profiles, learn. Zero errors and zero leaks of any kind, or fail.
#   valgrind.sh POLC SOURCE_DIR
set -u
polc=$(realpath "$1")
src=$(realpath "$2")
command -v valgrind >/dev/null || { echo "SKIP: valgrind is not installed"; exit 77; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/polc-valgrind.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
runs=0 bad=0

# vg NAME [polc args...]: one run under memcheck; stdin comes from the caller
vg() {
    local name=$1
    shift
    runs=$((runs + 1))
    valgrind -q --leak-check=full --show-leak-kinds=all --errors-for-leak-kinds=all --error-exitcode=99 \
        --log-file="$tmp/vg.$runs.log" "$polc" "$@" >"$tmp/out.txt" 2>"$tmp/err.txt"
    local rc=$?
    if [ "$rc" = 99 ] || [ "$rc" -ge 128 ] || [ -s "$tmp/vg.$runs.log" ]; then
        echo "FAIL $name (exit $rc): polc $*"
        cat "$tmp/vg.$runs.log"
        bad=$((bad + 1))
    fi
}

# Writing outputs builds the Docker profile with libseccomp in a child
# process (docs/validation.md). Under valgrind that cannot work (valgrind
# does not know seccomp(2), which libseccomp probes) and the child, which
# leaves through _exit, would report the parent's memory as reachable: the
# compiles here check polc's own outputs only (--no-verify-libseccomp).
nolsc=--no-verify-libseccomp
ex=$src/examples
for pol in "$ex"/*.pol; do
    name=$(basename "$pol" .pol)
    vg "compile $name" $nolsc "$pol" -o "$tmp/out"
    vg "dump-ir $name" --dump-ir "$pol" </dev/null
    vg "bpf-asm $name" --emit bpf-asm --frequency "$src/tests/semantic/freq-sample.txt" "$pol"
    vg "k8s pod $name" $nolsc -t k8s --k8s-form pod --k8s-image "example.invalid/$name:latest" "$pol" -o "$tmp/pod"
    vg "k8s spo $name" $nolsc -t k8s --k8s-form spo --k8s-image "example.invalid/$name:latest" "$pol" -o "$tmp/spo"
    vg "disasm $name" disasm "$tmp/out/$name.bpf"
    vg "eval $name" eval "$pol" 'socket(AF_INET, SOCK_STREAM, 0)'
    vg "dump-ast $name" --dump-ast --check "$pol"
    for sub in fmt lint explain graph; do
        vg "$sub $name" $sub "$pol" </dev/null
    done
done
vg "diff" diff "$ex/nginx.pol" "$ex/postgres.pol" </dev/null
vg "strict-int-args" --strict-int-args -t bpf "$ex/nginx.pol" -o "$tmp/strict"

# diagnostics cases: those without arguments in one process, the others one by one
cases=$src/tests/diagnostics/cases
plain=()
cd "$cases" || exit 1
for pol in *.pol; do
    b=${pol%.pol}
    if [ -f "$b.stdin" ]; then
        args=()
        [ -f "$b.args" ] && { set -f; args=($(cat "$b.args")); set +f; }
        vg "case $b" --check "${args[@]}" - <"$pol"
    elif [ -f "$b.args" ]; then
        set -f
        args=($(cat "$b.args"))
        set +f
        args=("${args[@]/--verify-libseccomp/$nolsc}") # see $nolsc above
        vg "case $b" --check "${args[@]}" "$pol" </dev/null
        vg "case $b (json)" --check --diagnostics-format=json "${args[@]}" "$pol" </dev/null
    else
        plain+=("$pol")
    fi
done
vg "cases (${#plain[@]} files)" --check "${plain[@]}" </dev/null
vg "cases json (${#plain[@]} files)" --check --diagnostics-format=json "${plain[@]}" </dev/null
cd "$tmp" || exit 1

for prof in "$src"/tests/import/profiles/* "$src"/tests/import/fixtures/*; do
    [ -f "$prof" ] || continue
    vg "import $(basename "$prof")" import "$prof" -o "$tmp/imported.pol" </dev/null
done
for tr in "$src"/tests/learn/fixtures/*; do
    [ -f "$tr" ] || continue
    vg "learn $(basename "$tr")" learn "$tr" -o "$tmp/learned.pol" </dev/null
done
for blob in "$src"/tests/bpfkernel/golden/*.raw "$src"/tests/bpfkernel/*.bin; do
    [ -f "$blob" ] || continue
    vg "disasm $(basename "$blob")" disasm "$blob"
done

echo "valgrind: $runs runs, $bad with errors or leaks"
[ "$bad" = 0 ]

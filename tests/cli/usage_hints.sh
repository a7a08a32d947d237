#!/usr/bin/env bash
# Misspelt subcommands and options: each case's stderr and exit status,
# compared with expected/usage_hints.txt (jq-style pinned text).
#   usage_hints.sh POLC EXPECTED [--update]
set -u
polc=$1 expected=$2
cd "$(mktemp -d)" || exit 1
trap 'rm -rf "$PWD"' EXIT
run() {
    printf '$ polc %s\n' "$*"
    "$polc" "$@" 2>&1 >/dev/null
    printf 'exit %d\n\n' $?
}
{
    run lern x.pol
    run frmt
    run --taget json x.pol
    run --target
    run -o
    run -x x.pol
    run x.pol --chek
    run diff --formt json a.pol b.pol
    run fmt --chek x.pol
    run lint -q x.pol
    run import --nmae x x.json
    run disasm --arhc x86_64 x.bpf
    run run --complian x.pol -- /bin/true
    run learn --bsae runc x.txt
} >got.txt
if [ "${3:-}" = --update ]; then
    cp got.txt "$expected"
    exit 0
fi
diff -u "$expected" got.txt && echo "usage hints: as pinned"

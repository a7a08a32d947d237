#!/bin/sh
# Builds the seed corpora of the fuzz harnesses at run time, from what the
# tree already has (nothing is copied into git):
#   OUT/fuzz_policy        examples/, the tests' policies, stdlib/*.pol
#   OUT/fuzz_import        tests/import profiles, ../shared/reference/*.json
#   OUT/fuzz_disasm        the golden .bpf files, tests/bpfkernel's blobs and
#                          libseccomp's programs (when the tools are given)
#   OUT/fuzz_differential  fixed byte strings and the examples' first bytes
# usage: make_seeds.sh SOURCE_DIR OUT [make_test_blobs] [seccomp-oracle]
set -eu
src=$1
out=$2
blobs_tool=${3:-}
oracle_tool=${4:-}
for h in fuzz_policy fuzz_import fuzz_disasm fuzz_differential; do
    rm -rf "$out/$h"
    mkdir -p "$out/$h"
done

# one file per seed, named by its origin (slashes become '-')
seed() { # harness file
    name=$(printf '%s' "${2#"$src"/}" | tr '/' '-')
    cp "$2" "$out/$1/$name"
}

for f in "$src"/examples/*.pol $(find "$src/tests" "$src/stdlib" -name '*.pol' | sort); do
    seed fuzz_policy "$f"
done

for f in "$src"/tests/import/profiles/* "$src"/tests/import/fixtures/* "$src"/tests/bpfkernel/small-profile.json \
         "$src"/tests/equiv/*.json "$src"/../shared/reference/*.json; do
    [ -f "$f" ] && seed fuzz_import "$f"
done

for f in "$src"/tests/golden/*/*.bpf; do
    seed fuzz_disasm "$f"
done
if [ -n "$blobs_tool" ]; then
    tmp=$(mktemp -d)
    "$blobs_tool" "$tmp" >/dev/null
    for f in "$tmp"/*.bpf; do
        [ -f "$f" ] && cp "$f" "$out/fuzz_disasm/bpfkernel-$(basename "$f")"
    done
    rm -rf "$tmp"
fi
if [ -n "$oracle_tool" ]; then
    for f in "$src"/tests/bpfkernel/small-profile.json "$src"/../shared/reference/moby-default-seccomp.json; do
        [ -f "$f" ] && "$oracle_tool" "$f" --dump-bpf "$out/fuzz_disasm/libseccomp-$(basename "$f" .json).bpf" >/dev/null
    done
fi

# the differential harness reads bytes as choices: any bytes make a policy
i=0
for hex in 00 0102030405060708090a0b0c0d0e0f10 ffffffffffffffffffffffffffffffff \
           0300030103020303030403050306 01020a0b0c0d0e0f7fff80000000ffffffff \
           0004000104020004030000000000000001ff; do
    printf '%s' "$hex" | sed 's/../\\x&/g' | xargs -0 printf > "$out/fuzz_differential/bytes-$i"
    i=$((i + 1))
done
for f in "$src"/examples/*.pol; do
    head -c 256 "$f" > "$out/fuzz_differential/example-$(basename "$f" .pol)"
done
for h in fuzz_policy fuzz_import fuzz_disasm fuzz_differential; do
    echo "$h: $(ls "$out/$h" | wc -l) seeds in $out/$h"
done

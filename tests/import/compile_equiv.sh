#!/bin/sh
# compile_equiv.sh POLC PROFILE_EQUIV STDLIB POLICY.pol REFERENCE.json
# Compile POLICY.pol to Docker JSON and compare it with REFERENCE.json
# (x86_64, x32; Docker's default caps and +CAP_SYS_ADMIN).
set -eu
polc=$1 equiv=$2 stdlib=$3 pol=$4 ref=$5
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
stem=$(basename "$pol" .pol)
"$polc" "$pol" -o "$tmp/out"
"$equiv" "$ref" "$tmp/out/$stem.seccomp.json" --arch x86_64,x32 --kernel-view "$stdlib"

#!/bin/sh
# A profile whose name is a keyword of the policy language round-trips:
# import takes the policy name from the file name (or --name), and writes
# one that parses back (compiler/front/keywords.c), for every name below.
# usage: keyword_names.sh POLC PROFILE_EQUIV STDLIB_DIR PROFILE
set -eu
polc=$1 equiv=$2 stdlib=$3 src=$4
here=$(dirname "$0")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ext=${src##*.}
for n in mode for unknown newer-than policy default kill-process 1st; do
    echo "=== $n.$ext"
    cp "$src" "$tmp/$n.$ext"
    sh "$here/roundtrip.sh" "$polc" "$equiv" "$stdlib" "$tmp/$n.$ext"
    "$polc" import "$tmp/$n.$ext" --name "$n" -o "$tmp/named.pol"
    grep '^policy ' "$tmp/named.pol"
    "$polc" "$tmp/named.pol" -o "$tmp/named-out" >/dev/null
done
# kill, read and write are keywords the grammar takes as names: kept as is
cp "$src" "$tmp/kill.$ext"
"$polc" import "$tmp/kill.$ext" -o "$tmp/kill.pol"
grep -q '^policy kill ' "$tmp/kill.pol"
"$polc" "$tmp/kill.pol" -o "$tmp/kill-out" >/dev/null
echo "ok"

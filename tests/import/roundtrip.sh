#!/bin/sh
# Round trip of one profile through `polc import`:
#   polc import P -o p.pol && polc p.pol -o out/ && profile_equiv P' out/p.seccomp.json --arch A
# usage: roundtrip.sh POLC PROFILE_EQUIV STDLIB_DIR PROFILE
# P' is P as a moby JSON profile (see tests/import/SOURCES.md): an OCI
# config.json: its .linux.seccomp; a SeccompProfile (YAML/JSON): its .spec.
# A is x86_64,x32 plus x86 when x86 stayed a target of the import.
set -eu
polc=$1 equiv=$2 stdlib=$3 src=$4
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
base=$(basename "$src")
stem=${base%%.*}

echo "== polc import $base"
"$polc" import "$src" -o "$tmp/$stem.pol"
echo "== polc fmt --check $stem.pol (import writes the canonical layout)"
"$polc" fmt --check "$tmp/$stem.pol"
echo "== polc $stem.pol"
"$polc" "$tmp/$stem.pol" -o "$tmp/out"
grep -E '^(arch|default) ' "$tmp/$stem.pol"

arches=x86_64,x32
if sed -n 's/^arch //p' "$tmp/$stem.pol" | tr ',' '\n' | tr -d ' ' | grep -qx x86; then
    arches=x86_64,x32,x86
fi

# the source as a moby JSON profile
case "$base" in
*.yaml | *.yml)
    python3 - "$src" > "$tmp/src.json" <<'PY'
import json, sys, yaml
docs = [d for d in yaml.safe_load_all(open(sys.argv[1])) if d]
doc = next((d for d in docs if d.get("kind") == "SeccompProfile"), docs[0])
json.dump(doc["spec"] if doc.get("kind") == "SeccompProfile" else doc, sys.stdout)
PY
    ;;
*)
    jq '(if .kind == "SeccompProfile" then .spec elif (.linux.seccomp != null) then .linux.seccomp else . end)' \
        "$src" > "$tmp/src.json"
    ;;
esac
echo "== profile_equiv (--arch $arches)"
"$equiv" "$tmp/src.json" "$tmp/out/$stem.seccomp.json" --arch "$arches" --kernel-view "$stdlib"

#!/bin/sh
# ir_golden.sh POLC POLICY.pol GOLDEN.ir: `polc --dump-ir` (stdout, then the
# diagnostics with the checkout path cut) must equal GOLDEN.ir.
# POLC_UPDATE_GOLDEN=1 rewrites GOLDEN.ir instead.
set -eu
polc=$1 policy=$2 golden=$3
out=$(mktemp)
trap 'rm -f "$out"' EXIT
{ "$polc" --dump-ir "$policy" 2>&1; echo "exit $?"; } | sed "s|$(dirname "$policy")/||g" >"$out"
if [ "${POLC_UPDATE_GOLDEN:-}" = 1 ]; then cp "$out" "$golden"; exit 0; fi
diff -u "$golden" "$out"

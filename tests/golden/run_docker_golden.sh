#!/usr/bin/env bash
# Golden test for the Docker back end alone: polc's seccomp JSON for one
# policy must match the reviewed file.
#
#   run_docker_golden.sh POLC POLICY.pol GOLDEN.seccomp.json
#
# POLC_UPDATE_GOLDEN=1 rewrites the golden file instead; review it in the diff.
set -euo pipefail
polc=$1 policy=$2 golden=$3
name=$(basename "$policy" .pol)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# from the policy's directory, so that the comments name it as NAME.pol
(cd "$(dirname "$policy")" && "$polc" --target docker "$name.pol" -o "$work") || exit 1
if [ "${POLC_UPDATE_GOLDEN:-}" = 1 ]; then
    cp "$work/$name.seccomp.json" "$golden"
    exit 0
fi
diff -u "$golden" "$work/$name.seccomp.json"

#!/usr/bin/env bash
# Compile a policy with polc and run its Docker JSON in a real container:
#   run_polc_case.sh POLC POLICY.pol EXPECT_FILE [run_seccomp_case.sh args...]
# Exit codes follow run_seccomp_case.sh (77 = skipped, a failure when CI=true).
set -euo pipefail
polc=$1 policy=$2 expect=$3
shift 3
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$polc" --target docker "$policy" -o "$out"
json="$out/$(basename "$policy" .pol).seccomp.json"
exec "$(dirname "$0")/run_seccomp_case.sh" --profile "$json" --expect-file "$expect" "$@"

#!/usr/bin/env bash
# oci_merge.sh POLC FIXTURES GOLDEN_DIR
# polc oci-merge: `runc spec`'s config.json (with supplementary groups, an
# RLIMIT_CORE and a /run mount added) merged with the nginx example's
# fragment must be the golden file: user replaced whole (no additionalGids),
# capabilities and seccomp replaced, rlimits merged by type (RLIMIT_CORE
# kept), mounts by destination (/run is the fragment's tmpfs, last), the rest
# kept. Merging twice changes nothing more. Not JSON objects: exit 2 and
# nothing written. POLC_UPDATE_GOLDEN=1 rewrites the golden.
set -euo pipefail
polc=$1 fixtures=$2 golden=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$polc" oci-merge "$fixtures/runc-spec-config.json" "$golden/../../golden/nginx/nginx.oci.json" -o "$work/merged.json"
"$polc" oci-merge "$work/merged.json" "$golden/../../golden/nginx/nginx.oci.json" >"$work/twice.json"
if [[ ${POLC_UPDATE_GOLDEN:-} == 1 ]]; then
    cp "$work/merged.json" "$golden/nginx-merged-config.json"
    echo "updated $golden/nginx-merged-config.json"
    exit 0
fi
status=0
diff -u "$golden/nginx-merged-config.json" "$work/merged.json" || { echo "FAIL: merged config differs"; status=1; }
cmp -s "$work/merged.json" "$work/twice.json" || { echo "FAIL: merging twice changed the config"; status=1; }
echo '[1]' >"$work/array.json"
rc=0
"$polc" oci-merge "$work/array.json" "$work/merged.json" -o "$work/none.json" 2>"$work/err" || rc=$?
if [[ $rc != 2 || -e $work/none.json ]] || ! grep -q 'not a readable JSON object' "$work/err"; then
    echo "FAIL: a base that is no JSON object: exit $rc, $(cat "$work/err")"
    status=1
fi
[[ $status == 0 ]] && echo "ok: merged config, idempotent, refuses non-objects"
exit $status

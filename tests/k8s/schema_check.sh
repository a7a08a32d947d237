#!/usr/bin/env bash
# Validate polc's Kubernetes output against the Kubernetes API schema
# (tests/k8s/schema/validate.cjs: kubernetes-models + strict fields, and the
# SPO SeccompProfile CRD), for every example and test policy in every form,
# and check that the validator rejects each broken manifest in schema/bad/.
#
#   schema_check.sh POLC
#
# Needs node and `npm ci` run in tests/k8s/schema (.ci/install-deps does it).
# Exit 77 (skip) without them, a failure when CI=true.
set -euo pipefail
polc=$1
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
skip() {
    if [[ ${CI:-} == true ]]; then echo "FAIL (skip not allowed with CI=true): $*"; exit 1; fi
    echo "SKIP: $*"; exit 77
}
command -v node >/dev/null || skip "node is not installed"
[[ -d $here/schema/node_modules/kubernetes-models ]] || skip "run \`npm ci\` in tests/k8s/schema (see .ci/install-deps)"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
. "$root/tests/common/example_args.sh"
files=()
for pol in "$root"/examples/*.pol "$here"/policies/*.pol "$root"/tests/podman/policies/service.pol; do
    name=$(basename "$pol" .pol)
    for variant in snippet pod spo snippet:--k8s-profile-dir=profiles/polc spo:--k8s-namespace=team-a; do
        form=${variant%%:*} extra=()
        [[ $variant == *:* ]] && extra=("${variant#*:}")
        [[ $form != snippet ]] && extra+=(--k8s-image "registry.example/$name:1.0")
        # the resources a Pod cannot say per container: the nodes enforce them
        extra+=(--k8s-node-limits)
        mapfile -t -O "${#extra[@]}" extra < <(example_args "$root" "$name")
        out=$work/$name-${variant//[:=\/]/_}
        "$polc" --target k8s --k8s-form "$form" "${extra[@]}" "$pol" -o "$out" 2>/dev/null ||
            { "$polc" --target k8s --k8s-form "$form" "${extra[@]}" "$pol" -o "$out"; echo "FAIL: polc $pol"; exit 1; }
        files+=("$out/$name.k8s.yaml")
    done
done
status=0
node "$here/schema/validate.cjs" "${files[@]}" || status=1

# The validator must fail on every broken manifest.
for bad in "$here"/schema/bad/*.yaml; do
    if node "$here/schema/validate.cjs" "$bad" >"$work/bad.out" 2>&1; then
        echo "FAIL: the validator accepts $(basename "$bad"): $(head -1 "$bad")"
        status=1
    else
        echo "ok: rejected $(basename "$bad"): $(grep -m1 '^  ' "$work/bad.out" | sed 's/^ *//')"
    fi
done
exit $status

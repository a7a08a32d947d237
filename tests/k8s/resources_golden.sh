#!/usr/bin/env bash
# The Kubernetes output of tests/k8s/policies/resources.pol in every form
# (resources.limits, the node limits' comment, an emptyDir per write
# directory) against tests/k8s/golden/. POLC_UPDATE_GOLDEN=1 rewrites them.
#
#   resources_golden.sh POLC
set -euo pipefail
polc=$1
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
for form in snippet pod spo; do
    "$polc" --target k8s --k8s-form "$form" --k8s-image registry.example/cache-worker:1.0 --k8s-node-limits \
        "$here/policies/resources.pol" -o "$work/$form" 2>"$work/err" || { cat "$work/err"; exit 1; }
    [ -s "$work/err" ] && { echo "FAIL: $form: diagnostics:"; cat "$work/err"; status=1; }
    got=$work/$form/resources.k8s.yaml want=$here/golden/resources.k8s-$form.yaml
    if [ "${POLC_UPDATE_GOLDEN:-}" = 1 ]; then
        cp "$got" "$want"
    elif ! diff -u "$want" "$got"; then
        echo "FAIL: $form differs from $want"
        status=1
    fi
done
# without --k8s-node-limits the same policy is refused, naming each limit
if "$polc" --target k8s "$here/policies/resources.pol" -o "$work/refused" 2>"$work/err"; then
    echo "FAIL: compiled without --k8s-node-limits"
    status=1
fi
[ "$(grep -c 'error\[E0921\]' "$work/err")" = 3 ] || { echo "FAIL: not three E0921:"; cat "$work/err"; status=1; }
[ ! -e "$work/refused/resources.k8s.yaml" ] || { echo "FAIL: a refused manifest was written"; status=1; }
[ "$status" = 0 ] && echo PASS
exit $status

#!/usr/bin/env bash
# default_errno_engines.sh POLC SYSPROBE POLICY.pol EXPECT_FILE
# Compile POLICY with polc (-t docker) and run the probes of EXPECT_FILE in a
# container under Docker Engine 20.10 AND under podman + runc, from the same
# JSON: each engine must give the expected results, and the two engines the
# same ones (Docker 20.10 ignores defaultErrnoRet: docs/docker.md).
# Exit 0 pass, 1 fail, 77 an engine cannot run here (1 when CI=true).
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$HERE/dockerd_env.sh"
. "$HERE/../podman/podman_env.sh"
. "$HERE/../common/probe_results.sh"
polc=$1 SYSPROBE=$(realpath "$2") policy=$3 expect=$4
export SYSPROBE
out=$(mktemp -d)
trap 'docker_env_teardown; podman_env_teardown; rm -rf "$out"' EXIT
trap 'exit 130' INT TERM
"$polc" -t docker "$policy" -o "$out" 2>/dev/null
json=$out/$(basename "$policy" .pol).seccomp.json
probe_read_expect "$expect"

t0=$(date +%s.%N)
docker_available || probe_cannot_test "Docker: $POLC_DOCKER_WHY"
echo "# dockerd ready in $(probe_elapsed "$t0") s"
probe_run_all docker docker_run_probe "$json"
docker_results=("${RESULTS[@]}")
probe_compare docker-20.10
failed=$PROBE_FAILED
_polc_docker_stop

t0=$(date +%s.%N)
podman_available || probe_cannot_test "podman: $POLC_PODMAN_WHY"
echo "# podman ready in $(probe_elapsed "$t0") s"
probe_run_all podman podman_run_probe "$json"
probe_compare podman
failed=$((failed + PROBE_FAILED))

for ((i = 0; i < ${#PROBES[@]}; i++)); do
    a=${docker_results[i]:-missing} b=${RESULTS[i]:-missing}
    # a plain "ok" expectation: the value (a pid, a descriptor) may differ
    [[ ${EXPECTS[i]} != ok ]] || a=${a%% *} b=${b%% *}
    if [[ $a != "$b" ]]; then
        echo "FAIL [engines differ] ${PROBES[i]}: Docker 20.10 '${docker_results[i]:-missing}', podman '${RESULTS[i]:-missing}'"
        failed=$((failed + 1))
    fi
done
echo "$failed failed"
((failed == 0))

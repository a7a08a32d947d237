#!/usr/bin/env bash
# compose_smoke.sh POLC SYSPROBE POLICY.pol EXPECT_FILE
# docker-compose 1.29 (Debian's) against the private Docker 20.10 daemon: a
# one-service compose file uses polc's JSON through
# `security_opt: ["seccomp:PATH"]` with `network_mode: none`; `up` runs the
# probes of EXPECT_FILE, `down` removes the project. A smoke test of the
# harness for a Compose back end.
# Exit 0 pass, 1 fail, 77 Docker cannot run here (1 when CI=true).
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$HERE/dockerd_env.sh"
. "$HERE/../common/probe_results.sh"
polc=$1 SYSPROBE=$(realpath "$2") policy=$3 expect=$4
export SYSPROBE
work=$(mktemp -d)
trap 'docker_env_teardown; rm -rf "$work"' EXIT
trap 'exit 130' INT TERM
"$polc" -t docker "$policy" -o "$work" 2>/dev/null
json=$work/$(basename "$policy" .pol).seccomp.json

# compose_run_probe PROFILE -- SYSPROBE_ARGS...: up, the probe's output, down
compose_run_probe() {
    local profile=$1 a rc=0
    shift 2
    {
        echo 'version: "2.4"'
        echo 'services:'
        echo '  probe:'
        echo "    image: $POLC_DOCKER_IMAGE"
        echo '    network_mode: none'
        echo "    security_opt: [\"seccomp:$profile\"]"
        echo '    command:'
        echo '      - /sysprobe'
        for a in "$@"; do
            printf '      - "%s"\n' "$a"
        done
    } >"$work/docker-compose.yml"
    export DOCKER_HOST=unix://$POLC_DOCKER_DIR/docker.sock
    local t0
    t0=$(date +%s.%N)
    docker-compose -p polcsmoke -f "$work/docker-compose.yml" up --no-color --no-build \
        --exit-code-from probe >"$work/up.log" 2>&1 || rc=$?
    echo "# docker-compose up: rc=$rc, $(probe_elapsed "$t0") s" >&2
    polc_docker logs polcsmoke_probe_1 2>&1 || true
    t0=$(date +%s.%N)
    if ! docker-compose -p polcsmoke -f "$work/docker-compose.yml" down >"$work/down.log" 2>&1; then
        echo "# docker-compose down failed:" >&2
        sed 's/^/#   /' "$work/down.log" >&2
        return 1
    fi
    echo "# docker-compose down: $(probe_elapsed "$t0") s" >&2
    ((rc == 0)) || sed 's/^/#   up: /' "$work/up.log" >&2
    return "$rc"
}

t0=$(date +%s.%N)
docker_available || probe_cannot_test "$POLC_DOCKER_WHY"
command -v docker-compose >/dev/null || probe_cannot_test "docker-compose not installed (.ci/packages.txt)"
echo "# dockerd ready in $(probe_elapsed "$t0") s; $(docker-compose version --short)"
probe_read_expect "$expect"
probe_run_all compose compose_run_probe "$json"
probe_compare compose
failed=$PROBE_FAILED
left=$(polc_docker ps -aq --filter label=com.docker.compose.project=polcsmoke)
if [[ -n $left ]]; then
    echo "FAIL [compose] containers left after down: $left"
    failed=$((failed + 1))
fi
echo "$failed failed"
((failed == 0))

#!/usr/bin/env bash
# run_docker_case.sh - syscall probes in real Docker Engine 20.10 containers
# (tests/docker/dockerd_env.sh: one private dockerd for the whole run),
# confined by seccomp profiles, compared with expectations.
#
# Usage:
#   run_docker_case.sh --probe SYSPROBE [--name LABEL]
#       --case PROFILE.json EXPECT_FILE [--case ...]
#       [--polc POLC --policy-case POLICY.pol EXPECT_FILE ...]
#       [--docker-arg ARG]...
#
#   --case FILE EXPECT   one container run of every probe of EXPECT (one
#                        'PROBE=RESULT' per line, '#' comments; the format of
#                        tests/podman/run_seccomp_case.sh) under FILE
#                        ("unconfined" = no filter)
#   --policy-case POLICY EXPECT
#                        the same with POLICY's Docker JSON (`POLC -t docker`)
#   --docker-arg ARG     extra `docker run` argument for every case
#
# Output: "PASS|FAIL [CASE] PROBE => ACTUAL (expected RESULT)" per
# expectation and "N passed, M failed". Exit 0 if all pass, 1 if any fails,
# 2 on usage errors, 77 when Docker cannot run here (a failure, exit 1,
# when CI=true).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=tests/docker/dockerd_env.sh
. "$HERE/dockerd_env.sh"
# shellcheck source=tests/common/probe_results.sh
. "$HERE/../common/probe_results.sh"

die() {
    echo "run_docker_case: $*" >&2
    exit 2
}

probe=
name=docker
cases=()
policy_cases=()
polc=
docker_args=()
while (($# > 0)); do
    case $1 in
    --probe) probe=${2:?}; shift 2 ;;
    --name) name=${2:?}; shift 2 ;;
    --case) cases+=("${2:?}" "${3:?}"); shift 3 ;;
    --polc) polc=${2:?}; shift 2 ;;
    --policy-case) policy_cases+=("${2:?}" "${3:?}"); shift 3 ;;
    --docker-arg) docker_args+=("${2:?}"); shift 2 ;;
    --docker-arg=*) docker_args+=("${1#*=}"); shift ;;
    *) die "unknown argument '$1'" ;;
    esac
done
[[ -x $probe ]] || die "--probe '$probe' is not executable"
((${#cases[@]} + ${#policy_cases[@]} > 0)) || die "no --case given"

SYSPROBE=$(realpath "$probe")
export SYSPROBE
work=$(mktemp -d)
trap 'docker_env_teardown; rm -rf "$work"' EXIT
for ((c = 0; c < ${#policy_cases[@]}; c += 2)); do
    [[ -x $polc ]] || die "--policy-case needs --polc POLC"
    "$polc" -t docker "${policy_cases[c]}" -o "$work" || die "polc refused ${policy_cases[c]}"
    cases+=("$work/$(basename "${policy_cases[c]}" .pol).seccomp.json" "${policy_cases[c + 1]}")
done
trap 'exit 130' INT TERM

t0=$(date +%s.%N)
docker_available || probe_cannot_test "$POLC_DOCKER_WHY"
echo "# [$name] dockerd ready in $(probe_elapsed "$t0") s (storage driver $(cat "$POLC_DOCKER_DIR/driver"))"

failed=0 passed=0
for ((c = 0; c < ${#cases[@]}; c += 2)); do
    profile=${cases[c]} expect=${cases[c + 1]}
    probe_read_expect "$expect"
    probe_run_all "$(basename "$profile")" docker_run_probe "$profile" "${docker_args[@]}"
    probe_compare "$(basename "$profile")"
    passed=$((passed + PROBE_PASSED)) failed=$((failed + PROBE_FAILED))
done
t1=$(date +%s.%N)
_polc_docker_stop
echo "# [$name] dockerd stopped in $(probe_elapsed "$t1") s"
echo "$passed passed, $failed failed"
((failed == 0))

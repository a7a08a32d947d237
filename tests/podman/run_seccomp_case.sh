#!/usr/bin/env bash
# run_seccomp_case.sh - run syscall probes in a real container (podman + runc)
# confined by a seccomp profile, and compare the results with expectations.
#
# Usage:
#   run_seccomp_case.sh --probe PATH_TO_SYSPROBE --profile FILE.json \
#       --expect 'getpid=ok' \
#       --expect 'personality 1=err EPERM' \
#       --expect 'unshare 0x10000000=err EPERM' \
#       [--expect-file FILE] [--podman-arg ARG]... [--in-process] \
#       [--name LABEL] [--install-packages]
#
#   --probe PATH         static sysprobe binary (tests/probe), copied into
#                        the image localhost/polc-test:latest
#   --profile FILE       moby/Docker-format seccomp JSON given to podman via
#                        --security-opt seccomp=FILE ("unconfined" = none)
#   --expect 'PROBE=RESULT'
#                        PROBE is a sysprobe probe ("NAME_OR_NR [ARG...]",
#                        ARG = 123 | -1 | 0x10 | s:TEXT | buf:N); the LAST '='
#                        separates it from RESULT, which is one of
#                          ok            any successful return
#                          ok N          success returning exactly N
#                          err NAME      failure with errno NAME (e.g. EPERM)
#                          err N         failure with errno number N
#                          err NAME N    both
#                          killed SIG    probe killed by signal SIG (SIGSYS
#                                        for SCMP_ACT_KILL_*)
#   --expect-file FILE   one 'PROBE=RESULT' per line; '#' comments allowed
#   --podman-arg ARG     extra `podman run` argument (repeatable), e.g.
#                        --podman-arg=--cap-add=SYS_ADMIN
#   --in-process         run all probes sequentially in ONE process
#                        (sysprobe -M) instead of one forked child per probe
#                        (sysprobe -m, default).  A probe killed by seccomp
#                        then kills the container: podman exits 128+31=159,
#                        which is reported as "killed SIGSYS", and the
#                        remaining probes are re-run in a new container.
#   --install-packages   apt-get install the missing packages.txt entries
#                        first (for CI images; needs network)
#
# All probes normally run in a single container start (~0.3-1 s).
# Output: one "PASS|FAIL PROBE => ACTUAL (expected RESULT)" line per
# expectation and a final "N passed, M failed".  Exit status: 0 if all pass,
# 1 if any fail (or on usage errors: 2), 77 to SKIP when not root,
# podman/runc/busybox-static missing, or the engine cannot start a container
# -- except that with CI=true a skip is a failure (exit 1).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=tests/podman/podman_env.sh
. "$HERE/podman_env.sh"
# shellcheck source=tests/common/probe_results.sh
. "$HERE/../common/probe_results.sh"

usage() {
    sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed -e '$d' -e 's/^# \{0,1\}//'
    exit 2
}

die() {
    echo "run_seccomp_case: $*" >&2
    exit 2
}

skip() {
    if [[ ${CI:-} == true ]]; then
        echo "FAIL (skip not allowed with CI=true): $*"
        exit 1
    fi
    echo "SKIP: $*"
    exit 77
}

probe=
profile=
name=
mode=-m
install=0
podman_args=()

while (($# > 0)); do
    case $1 in
    --probe) probe=${2:?}; shift 2 ;;
    --probe=*) probe=${1#*=}; shift ;;
    --profile) profile=${2:?}; shift 2 ;;
    --profile=*) profile=${1#*=}; shift ;;
    --expect) probe_add_expect "${2:?}"; shift 2 ;;
    --expect=*) probe_add_expect "${1#*=}"; shift ;;
    --expect-file | --expect-file=*)
        if [[ $1 == *=* ]]; then f=${1#*=}; shift; else f=${2:?}; shift 2; fi
        [[ -r $f ]] || die "cannot read expect file $f"
        while IFS= read -r line || [[ -n $line ]]; do
            line=${line%%#*}
            [[ $line =~ [^[:space:]] ]] || continue
            probe_add_expect "$line"
        done <"$f"
        ;;
    --podman-arg) podman_args+=("${2:?}"); shift 2 ;;
    --podman-arg=*) podman_args+=("${1#*=}"); shift ;;
    --in-process) mode=-M; shift ;;
    --name) name=${2:?}; shift 2 ;;
    --name=*) name=${1#*=}; shift ;;
    --install-packages) install=1; shift ;;
    -h | --help) usage ;;
    *) die "unknown argument '$1' (see --help)" ;;
    esac
done

[[ -n $probe ]] || die "--probe is required"
[[ -n $profile ]] || die "--profile is required"
((${#PROBES[@]} > 0)) || die "no --expect given"
[[ -x $probe ]] || die "probe '$probe' is not an executable file"
if [[ $profile != unconfined ]]; then
    [[ -r $profile ]] || die "profile '$profile' not readable"
fi
[[ -n $name ]] || name=$(basename "$profile")

if ((install)); then
    podman_install_packages || skip "installing packages failed"
fi

SYSPROBE=$(realpath "$probe")
export SYSPROBE
trap podman_env_teardown EXIT
trap 'exit 130' INT TERM

t0=$(date +%s.%N)
if ! podman_available; then
    skip "$POLC_PODMAN_WHY"
fi
t1=$(date +%s.%N)
echo "# [$name] engine ready in $(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.2f", b-a}') s (storage driver $(cat "$POLC_PODMAN_DIR/driver"))"

PROBE_MODE=$mode PROBE_ERRFILE=$POLC_PODMAN_DIR/podman.stderr \
    probe_run_all "$name" podman_run_probe "$profile" "${podman_args[@]}"
probe_compare "$name"
if ((PROBE_FAILED > 0)) && [[ -s $POLC_PODMAN_DIR/podman.stderr ]]; then
    echo "# [$name] podman stderr (last run):"
    sed 's/^/#   /' "$POLC_PODMAN_DIR/podman.stderr"
fi
echo "$PROBE_PASSED passed, $PROBE_FAILED failed"
((PROBE_FAILED == 0))

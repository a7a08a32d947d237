# shellcheck shell=bash
# engine_args.sh - sourceable, by tests/podman/podman_env.sh and
# tests/docker/dockerd_env.sh: the arguments of their ENGINE_run_probe.
#
#   engine_probe_args WHO PROFILE [engine run args...] -- SYSPROBE_ARGS...
#     -> ENGINE_SECCOMP (seccomp=unconfined, or seccomp=the profile's real
#        path), ENGINE_EXTRA[] (the engine's run arguments), ENGINE_PROBE[]
#        (sysprobe's); 125, with a message naming WHO, without the `--`

# shellcheck disable=SC2034 # ENGINE_* are set for the caller
engine_probe_args() {
    local who=$1 profile=$2
    shift 2
    ENGINE_EXTRA=()
    while (($# > 0)) && [[ $1 != -- ]]; do
        ENGINE_EXTRA+=("$1")
        shift
    done
    if (($# == 0)); then
        echo "$who: missing '--' before the probe arguments" >&2
        return 125
    fi
    shift
    ENGINE_PROBE=("$@")
    if [[ $profile == unconfined ]]; then
        ENGINE_SECCOMP=seccomp=unconfined
    else
        ENGINE_SECCOMP=seccomp=$(realpath "$profile")
    fi
}

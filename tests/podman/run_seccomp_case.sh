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
probes=()
expects=()
podman_args=()

add_expect() {
    local spec=$1
    [[ $spec == *=* ]] || die "bad --expect '$spec' (want 'PROBE=RESULT')"
    local p=${spec%=*} r=${spec##*=}
    # trim surrounding blanks
    p=$(sed -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' <<<"$p")
    r=$(sed -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' <<<"$r")
    [[ -n $p && -n $r ]] || die "bad --expect '$spec'"
    case $r in
    ok | "ok "* | "err "* | "killed "* | "exit "*) ;;
    *) die "bad expected result '$r' in '$spec'" ;;
    esac
    probes+=("$p")
    expects+=("$r")
}

while (($# > 0)); do
    case $1 in
    --probe) probe=${2:?}; shift 2 ;;
    --probe=*) probe=${1#*=}; shift ;;
    --profile) profile=${2:?}; shift 2 ;;
    --profile=*) profile=${1#*=}; shift ;;
    --expect) add_expect "${2:?}"; shift 2 ;;
    --expect=*) add_expect "${1#*=}"; shift ;;
    --expect-file | --expect-file=*)
        if [[ $1 == *=* ]]; then f=${1#*=}; shift; else f=${2:?}; shift 2; fi
        [[ -r $f ]] || die "cannot read expect file $f"
        while IFS= read -r line || [[ -n $line ]]; do
            line=${line%%#*}
            [[ $line =~ [^[:space:]] ]] || continue
            add_expect "$line"
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
((${#probes[@]} > 0)) || die "no --expect given"
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

n=${#probes[@]}
results=()
errfile=$POLC_PODMAN_DIR/podman.stderr
start=0
runs=0
while ((start < n)); do
    runs=$((runs + 1))
    rc=0
    ts=$(date +%s.%N)
    out=$(podman_run_probe "$profile" "${podman_args[@]}" -- "$mode" "${probes[@]:start}" 2>"$errfile") || rc=$?
    te=$(date +%s.%N)
    echo "# [$name] container run $runs: $((n - start)) probe(s), rc=$rc, $(awk -v a="$ts" -v b="$te" 'BEGIN{printf "%.2f", b-a}') s"
    got=0
    while IFS= read -r line; do
        case $line in
        "ok "* | "err "* | "killed "* | "exit "* | "bad "*)
            if ((start + got < n)); then
                results[start + got]=$line
                got=$((got + 1))
            fi
            ;;
        "") ;;
        *) echo "# [$name] probe output: $line" ;;
        esac
    done <<<"$out"
    start=$((start + got))
    ((start < n)) || break
    # The probe process died before answering every probe.
    if ((rc > 128 && rc < 128 + 65)); then
        sig=$(kill -l $((rc - 128)) 2>/dev/null || echo $((rc - 128)))
        results[start]="killed SIG${sig#SIG}"
        start=$((start + 1))
        continue
    fi
    msg=$(tail -n 3 "$errfile" | tr '\n' ' ')
    for ((i = start; i < n; i++)); do
        results[i]="engine-error rc=$rc: ${msg:-no output}"
    done
    break
done

match() { # match EXPECTED ACTUAL
    local e=$1 a=$2
    local -a ea aa
    read -r -a ea <<<"$e"
    read -r -a aa <<<"$a"
    [[ ${ea[0]} == "${aa[0]:-}" ]] || return 1
    case ${ea[0]} in
    ok) ((${#ea[@]} == 1)) || [[ ${ea[1]} == "${aa[1]:-}" ]] ;;
    err)
        if ((${#ea[@]} == 3)); then
            [[ ${ea[1]} == "${aa[1]:-}" && ${ea[2]} == "${aa[2]:-}" ]]
        else
            [[ ${ea[1]} == "${aa[1]:-}" || ${ea[1]} == "${aa[2]:-}" ]]
        fi
        ;;
    *) [[ $e == "$a" ]] ;;
    esac
}

passed=0
failed=0
for ((i = 0; i < n; i++)); do
    actual=${results[i]:-missing}
    if match "${expects[i]}" "$actual"; then
        echo "PASS ${probes[i]} => $actual (expected ${expects[i]})"
        passed=$((passed + 1))
    else
        echo "FAIL ${probes[i]} => $actual (expected ${expects[i]})"
        failed=$((failed + 1))
    fi
done
if ((failed > 0)) && [[ -s $errfile ]]; then
    echo "# [$name] podman stderr (last run):"
    sed 's/^/#   /' "$errfile"
fi
echo "$passed passed, $failed failed"
((failed == 0))

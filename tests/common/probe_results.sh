# shellcheck shell=bash
# probe_results.sh - sourceable: run sysprobe probes through an engine's run
# function and compare the results with 'PROBE=RESULT' expectations (the
# format of tests/podman/run_seccomp_case.sh: RESULT is ok, ok N, err NAME,
# err N, err NAME N, killed SIG or exit N). Shared by the podman and Docker
# engine tests.
#
#   probe_read_expect FILE          -> PROBES[], EXPECTS[]
#   probe_add_expect 'PROBE=RESULT' -> appends to PROBES[], EXPECTS[]
#   probe_run_all LABEL RUNNER PROFILE [engine args...]
#                                   -> RESULTS[]: runs every probe in forked
#                                      children (sysprobe -m; PROBE_MODE=-M:
#                                      in process, in order) of one container
#                                      started by `RUNNER PROFILE [args] --`;
#                                      PROBE_ERRFILE: the engine's last stderr
#   probe_compare LABEL             -> prints PASS/FAIL lines, sets
#                                      PROBE_PASSED, PROBE_FAILED
#   probe_cannot_test REASON        -> exit 77, or 1 when CI=true
#   probe_elapsed T0                -> seconds since T0 (date +%s.%N)

PROBES=()
EXPECTS=()
RESULTS=()

probe_cannot_test() {
    if [[ ${CI:-} == true ]]; then
        echo "FAIL (a skip is a failure with CI=true): $*"
        exit 1
    fi
    echo "SKIP: $*"
    exit 77
}

probe_elapsed() {
    awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN{printf "%.2f", b-a}'
}

probe_add_expect() {
    local spec=$1 p r
    if [[ $spec != *=* ]]; then
        echo "probe_results: bad expectation '$spec' (want PROBE=RESULT)" >&2
        exit 2
    fi
    p=${spec%=*} r=${spec##*=}
    p=$(sed -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' <<<"$p")
    r=$(sed -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' <<<"$r")
    case $r in
    ok | "ok "* | "err "* | "killed "* | "exit "*) ;;
    *)
        echo "probe_results: bad expected result '$r' in '$spec'" >&2
        exit 2
        ;;
    esac
    PROBES+=("$p")
    EXPECTS+=("$r")
}

probe_read_expect() {
    local line
    PROBES=() EXPECTS=()
    while IFS= read -r line || [[ -n $line ]]; do
        line=${line%%#*}
        [[ $line =~ [^[:space:]] ]] || continue
        probe_add_expect "$line"
    done <"$1"
}

probe_run_all() {
    local label=$1 runner=$2 profile=$3
    shift 3
    local n=${#PROBES[@]} start=0 rc out line got ts errf=${PROBE_ERRFILE:-} own=0
    [[ -n $errf ]] || { errf=$(mktemp); own=1; }
    RESULTS=()
    while ((start < n)); do
        rc=0
        ts=$(date +%s.%N)
        out=$("$runner" "$profile" "$@" -- "${PROBE_MODE:--m}" "${PROBES[@]:start}" 2>"$errf") || rc=$?
        echo "# [$label] container run: $((n - start)) probe(s), rc=$rc, $(probe_elapsed "$ts") s"
        got=0
        while IFS= read -r line; do
            case $line in
            "ok "* | "err "* | "killed "* | "exit "* | "bad "*)
                if ((start + got < n)); then
                    RESULTS[start + got]=$line
                    got=$((got + 1))
                fi
                ;;
            "") ;;
            *) echo "# [$label] probe output: $line" ;;
            esac
        done <<<"$out"
        start=$((start + got))
        ((start < n)) || break
        # the probe process died before answering every probe (in process:
        # the probe that killed it; forked: only after some answers, else
        # the container itself failed)
        if { ((got > 0)) || [[ ${PROBE_MODE:--m} == -M ]]; } && ((rc > 128 && rc < 128 + 65)); then
            RESULTS[start]="killed SIG$(kill -l $((rc - 128)) 2>/dev/null || echo $((rc - 128)))"
            start=$((start + 1))
            continue
        fi
        local msg
        msg=$(tail -n 3 "$errf" | tr '\n' ' ')
        for ((i = start; i < n; i++)); do
            RESULTS[i]="engine-error rc=$rc: ${msg:-no output}"
        done
        break
    done
    ((own)) && rm -f "$errf"
    return 0
}

_probe_match() { # EXPECTED ACTUAL
    local -a ea aa
    read -r -a ea <<<"$1"
    read -r -a aa <<<"$2"
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
    *) [[ $1 == "$2" ]] ;;
    esac
}

probe_compare() {
    local label=$1 i actual
    PROBE_PASSED=0 PROBE_FAILED=0
    for ((i = 0; i < ${#PROBES[@]}; i++)); do
        actual=${RESULTS[i]:-missing}
        if _probe_match "${EXPECTS[i]}" "$actual"; then
            echo "PASS [$label] ${PROBES[i]} => $actual (expected ${EXPECTS[i]})"
            PROBE_PASSED=$((PROBE_PASSED + 1))
        else
            echo "FAIL [$label] ${PROBES[i]} => $actual (expected ${EXPECTS[i]})"
            PROBE_FAILED=$((PROBE_FAILED + 1))
        fi
    done
}

#!/usr/bin/env bash
# A real server (Debian 12's redis-server) learned and confined under podman.
#
#   run_server_case.sh POLC SYSPROBE SCENARIO
#
#   learned   (issue 15, must-show 6) redis runs under runc with a `default
#             log` profile, answers real requests over loopback in its own
#             network namespace (redis-cli in a second container joined to
#             it) and is stopped with SIGTERM; `polc learn --pid PID --since
#             T --base none` learns from the kernel's SECCOMP_RET_LOG records
#             of the container's process (runc's own calls after the filter
#             included). The learned policy starts under runc the first
#             time, serves the same requests and exits 0 on SIGTERM; with
#             rt_sigreturn removed, polc lint reports it (L0120) and the
#             container no longer ends cleanly on SIGTERM.
#   presets   (must-show 7) policies of only `include <presets/base/runc.pol>`
#             (or crun.pol) plus redis's own learned calls (`polc learn --exe`,
#             the default base preset, or `--base crun`) start under runc
#             (and crun), serve the requests and exit 0 on SIGTERM.
#
# The root file system is built once with mmdebstrap from the Debian archive
# (~30-60 s) and cached as $POLC_TEST_CACHE/redis-bookworm.tar (default
# ${XDG_CACHE_HOME:-$HOME/.cache}/polc-tests); later runs reuse it.
# Exit 0 pass, 1 fail, 77 skipped (not root, no podman/mmdebstrap, no
# network for the first build); with CI=true a skip is a failure.
set -u
POLC=$1 SYSPROBE=$2 scenario=$3
export SYSPROBE
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=podman_env.sh
. "$here/podman_env.sh"

fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
ok() { echo "ok: $*"; }
skip() {
    if [[ ${CI:-} == true ]]; then echo "FAIL (CI=true): $*"; exit 1; fi
    echo "SKIP: $*"; exit 77
}

[[ $(id -u) == 0 ]] || skip "not root"
command -v mmdebstrap >/dev/null || skip "mmdebstrap not installed (tests/podman/packages.txt)"
podman_available || skip "podman: $POLC_PODMAN_WHY"
W=$(mktemp -d "${TMPDIR:-/tmp}/polc-server.XXXXXX") || exit 1
AUDIT_BACKLOG=$(cd "$(dirname "$0")/../common" && pwd)/audit_backlog.py
backlog_was=
cleanup() {
    [[ -n $backlog_was ]] && "$AUDIT_BACKLOG" "$backlog_was" >/dev/null
    kmsg_follow_stop
    podman_env_teardown
    rm -rf "$W"
}
trap cleanup EXIT

# ---- the image (cached tarball) ----
cache=${POLC_TEST_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/polc-tests}
mkdir -p "$cache" || exit 1
tarball=$cache/redis-bookworm.tar
(
    flock 9
    if [[ ! -s $tarball ]]; then
        echo "building $tarball with mmdebstrap (once)"
        mmdebstrap --quiet --variant=essential --include=redis-server,redis-tools \
            --dpkgopt='path-exclude=/usr/share/{doc,man,locale,info}/*' \
            bookworm "$tarball.tmp.tar" && mv "$tarball.tmp.tar" "$tarball"
    fi
) 9>"$cache/.redis.lock"
[[ -s $tarball ]] || skip "mmdebstrap could not build the redis root file system (no Debian mirror?)"
IMG=localhost/polc-redis:latest
polc_podman import -q "$tarball" "$IMG" >/dev/null || { fail "podman import"; exit 1; }
ok "image $IMG from $tarball"

# redis-server in the foreground, no persistence, loopback only
REDIS=(redis-server --bind 127.0.0.1 --port 6379 --save "" --appendonly no --protected-mode no)

# start ENGINE NAME PROFILE: a detached redis container (ENGINE runc|crun)
start() {
    local engine=$1 name=$2 profile=$3
    if [[ $engine == crun ]]; then
        podman_crun run -d --name "$name" --network=none --security-opt "seccomp=$profile" "$IMG" "${REDIS[@]}"
    else
        polc_podman run -d --name "$name" --network=none --security-opt "seccomp=$profile" "$IMG" "${REDIS[@]}"
    fi >/dev/null
}

# cli NAME ARGS...: redis-cli in a second, unconfined container in NAME's
# network namespace (its calls make no SECCOMP records)
cli() {
    local name=$1
    shift
    polc_podman run --rm --network "container:$name" --security-opt seccomp=unconfined "$IMG" \
        redis-cli -h 127.0.0.1 -p 6379 "$@" 2>&1
}

# requests NAME: wait for PONG, then the same SET/GET/INCR/DEL as when learned
requests() {
    local name=$1 i out
    for i in $(seq 1 30); do
        out=$(cli "$name" ping) && [[ $out == PONG ]] && break
        [[ $(polc_podman inspect --format '{{.State.Running}}' "$name" 2>/dev/null) == true ]] || break
        sleep 0.3
    done
    [[ ${out:-} == PONG ]] || { echo "no PONG from $name: ${out:-}"; return 1; }
    out=$(cli "$name" set polc learned) && [[ $out == OK ]] || { echo "SET: $out"; return 1; }
    out=$(cli "$name" get polc) && [[ $out == learned ]] || { echo "GET: $out"; return 1; }
    out=$(cli "$name" incr hits) && [[ $out == 1 ]] || { echo "INCR: $out"; return 1; }
    out=$(cli "$name" del polc hits) && [[ $out == 2 ]] || { echo "DEL: $out"; return 1; }
    return 0
}

# pod ENGINE ARGS...: podman for a container of ENGINE
pod() {
    local engine=$1
    shift
    if [[ $engine == crun ]]; then podman_crun "$@"; else polc_podman "$@"; fi
}

# stop NAME [ENGINE]: SIGTERM (podman stop), then the exit status
stop() {
    local name=$1 engine=${2:-runc}
    pod "$engine" stop -t 20 "$name" >/dev/null 2>&1
    pod "$engine" inspect --format '{{.State.ExitCode}}' "$name" 2>/dev/null
}

# serve ENGINE NAME JSON WHAT: start, requests, SIGTERM, exit status 0
serve() {
    local engine=$1 name=$2 json=$3 what=$4 msg rc
    if ! start "$engine" "$name" "$json"; then
        fail "$what: the container did not start under $engine"
        return
    fi
    if msg=$(requests "$name"); then
        ok "$what: served PING/SET/GET/INCR/DEL under $engine"
    else
        fail "$what: requests under $engine: $msg"
        polc_podman logs "$name" 2>&1 | tail -5 | sed 's/^/  | /'
    fi
    rc=$(stop "$name" "$engine")
    [[ $rc == 0 ]] && ok "$what: exit status 0 on SIGTERM under $engine" ||
        { fail "$what: exit status ${rc:-?} on SIGTERM under $engine"; pod "$engine" logs "$name" 2>&1 | tail -5 | sed 's/^/  | /'; }
    pod "$engine" rm -f "$name" >/dev/null 2>&1
}

# ---- learning: a `default log` profile, the kernel's records ----
# Without auditd the kernel holds 64 records for kauditd and drops the rest
# under load (every learning run of a fresh-clone CI once lost 14-129): a
# larger backlog for the learning runs, the old one back at exit
backlog_was=$("$AUDIT_BACKLOG") && "$AUDIT_BACKLOG" 8192 >/dev/null ||
    fail "cannot raise the kernel's audit backlog (audit netlink)"
printf 'policy logall "every call logged"\narch x86_64\ndefault log\n' >"$W/logall.pol"
"$POLC" "$W/logall.pol" -o "$W" 2>/dev/null || { fail "compile logall.pol"; exit 1; }
# records_lost FILE SINCE: how many audit serial numbers are missing among
# the records at or after SINCE. Every audit event takes the next serial; a
# gap means the kernel's log lost records (a ring buffer overwritten before
# dmesg -w read it, under the load of a parallel test run), and a policy
# learned from it would miss calls: the learning run is repeated instead.
records_lost() {
    sed -n 's/.*audit(\([0-9]*\)\.[0-9]*:\([0-9]*\)).*/\1 \2/p' "$1" |
        awk -v since="$2" '$1 >= since { print $2 }' | sort -n -u |
        awk 'NR > 1 && $1 > prev + 1 { lost += $1 - prev - 1 } { prev = $1 } END { print lost + 0 }'
}
for attempt in 1 2 3; do
    since=$(date +%s)
    kmsg_follow "$W/dmesg.txt"
    start runc learn "$W/logall.seccomp.json" || { fail "the learning container did not start"; exit 1; }
    pid=$(polc_podman inspect --format '{{.State.Pid}}' learn)
    msg=$(requests learn) || fail "requests while learning: $msg"
    rc=$(stop learn)
    [[ $rc == 0 ]] || fail "learning run: exit status $rc on SIGTERM"
    exe=$(polc_podman run --rm --network=none "$IMG" readlink -f /usr/bin/redis-server)
    polc_podman rm -f learn >/dev/null 2>&1
    kmsg_follow_stop
    lost=$(records_lost "$W/dmesg.txt" "$since")
    # a run that shows redis's records with no gap is complete; one with none
    # at all (seen once in a CI run: no record reached the log while the
    # container ran) is retried like a lossy one
    nrec=$(grep -c "pid=$pid " "$W/dmesg.txt")
    [[ $lost == 0 ]] && ((nrec >= 20)) && break
    echo "note: learning run $attempt: $nrec records of redis, $lost audit records lost; running it again"
    sleep 2
done
[[ $lost == 0 ]] && ((nrec >= 20)) || fail "every learning run lost audit records (or had none of redis)"
ok "learning run: pid $pid, $(grep -c "pid=$pid " "$W/dmesg.txt") records, exe $exe"

case $scenario in
learned)
    if ! "$POLC" learn --name redis --pid "$pid" --since "$since" --base none -o "$W/redis.pol" "$W/dmesg.txt" \
        2>"$W/learn.err"; then
        fail "polc learn"; cat "$W/learn.err"; exit 1
    fi
    grep -q "allow rt_sigreturn " "$W/redis.pol" || fail "redis.pol does not allow rt_sigreturn"
    grep -q "Audit records kept: pid=$pid, since" "$W/redis.pol" || fail "redis.pol: the filters are not in the header"
    "$POLC" "$W/redis.pol" -o "$W" 2>/dev/null || { fail "redis.pol does not compile"; exit 1; }
    ok "learned redis.pol: $(grep -c '^ *allow ' "$W/redis.pol") rules"
    serve runc learned "$W/redis.seccomp.json" "learned policy"
    "$POLC" lint "$W/redis.pol" >/dev/null 2>"$W/lint.err"
    grep -q "L012[01]" "$W/lint.err" && fail "polc lint finds L0120/L0121 in the learned policy"

    # the same policy with rt_sigreturn removed
    grep -v "allow rt_sigreturn " "$W/redis.pol" >"$W/nosigret.pol"
    "$POLC" "$W/nosigret.pol" -o "$W" 2>/dev/null || { fail "nosigret.pol does not compile"; exit 1; }
    "$POLC" lint "$W/nosigret.pol" >/dev/null 2>"$W/lint2.err"
    lrc=$?
    if [[ $lrc == 1 ]] && grep -q "warning\[L0120\]: \`rt_sigaction\` is allowed but \`rt_sigreturn\` is not" "$W/lint2.err"; then
        ok "polc lint catches the policy without rt_sigreturn (L0120, exit 1)"
    else
        fail "polc lint on nosigret.pol: exit $lrc"; cat "$W/lint2.err"
    fi
    # and it does break: no clean exit on SIGTERM (or no start at all)
    if start runc nosigret "$W/nosigret.seccomp.json"; then
        requests nosigret >/dev/null
        rc=$(stop nosigret)
        [[ $rc != 0 ]] && ok "without rt_sigreturn: exit status $rc on SIGTERM (not a clean exit)" ||
            fail "without rt_sigreturn the container still exits 0 on SIGTERM"
        polc_podman rm -f nosigret >/dev/null 2>&1
    else
        ok "without rt_sigreturn: the container does not even start"
    fi
    ;;
presets)
    # redis's own calls only (records of its executable), plus the base preset
    for engine in runc crun; do
        if ! "$POLC" learn --name "redis-$engine" --exe "$exe" --since "$since" --base "$engine" \
            -o "$W/$engine.pol" "$W/dmesg.txt" 2>"$W/$engine.err"; then
            fail "polc learn --base $engine"; cat "$W/$engine.err"; continue
        fi
        incl=$(grep -c '^include ' "$W/$engine.pol")
        grep -q "^include <presets/base/$engine.pol>$" "$W/$engine.pol" && [[ $incl == 1 ]] ||
            fail "$engine.pol: not exactly one include of presets/base/$engine.pol"
        grep -q "allow execve " "$W/$engine.pol" && fail "$engine.pol: execve learned from redis's own records?"
        "$POLC" "$W/$engine.pol" -o "$W" 2>/dev/null || { fail "$engine.pol does not compile"; continue; }
        ok "$engine.pol: include <presets/base/$engine.pol> + $(grep -c '^ *allow ' "$W/$engine.pol") learned rules"
        serve "$engine" "p-$engine" "$W/$engine.seccomp.json" "preset $engine + learned calls"
    done
    # without the preset, redis's own calls do not let runc start it
    "$POLC" learn --exe "$exe" --since "$since" --base none -o "$W/none.pol" "$W/dmesg.txt" 2>/dev/null &&
        "$POLC" "$W/none.pol" -o "$W" 2>/dev/null || fail "learn --base none"
    if start runc none "$W/none.seccomp.json" 2>/dev/null; then
        fail "redis's own calls alone start under runc: the presets test proves nothing"
    else
        ok "without the base preset runc cannot start the container"
    fi
    polc_podman rm -f none >/dev/null 2>&1
    # the runc preset is the default base of polc learn
    "$POLC" learn --exe "$exe" --since "$since" -o "$W/default.pol" "$W/dmesg.txt" 2>/dev/null
    grep -q "^include <presets/base/runc.pol>$" "$W/default.pol" && grep -q "^#   runc: .*(the default runtime)" "$W/default.pol" ||
        fail "polc learn does not include the runc preset by default"
    ;;
*)
    echo "unknown scenario $scenario"; exit 2 ;;
esac

if [[ $fails != 0 ]]; then echo "$fails failure(s)"; exit 1; fi
echo "all passed"
exit 0

#!/usr/bin/env bash
# engines.sh ENGINE POLC SYSPROBE CAPS_POL EXAMPLES_DIR POLICY...
# ENGINE: podman | docker | compose | runc. Each POLICY is an example, or,
# for an example whose syscall rules a busybox container with sysprobe
# cannot run under (go-service denies execve, python-worker fork), its probe
# policy tests/runtimes/engine/NAME.pol: the example's capabilities,
# filesystem, network and process sections and syscall rules from runc's
# base preset; its run flags must be the example's, byte for byte (checked
# first). Then one container runs with:
#   podman   `podman run $(cat out/NAME.run-flags)` (runc)
#   docker   `docker run $(cat out/NAME.run-flags)` (Docker 20.10, a private dockerd)
#   compose  `docker-compose up` of out/NAME.compose.yaml, plus a file that
#            gives the service its image and command
#   runc     `runc run` of a bundle whose config.json is `runc spec`'s merged
#            with out/NAME.oci.json by `polc oci-merge`
# and reads, inside: the capability sets, NoNewPrivs, uid/gid, that the root
# is read-only and each tmpfs writable, the pids and memory limits from the
# cgroup files when the flags set them, and that denied calls get the
# policy's answer (from `polc eval` at the container's capability set).
# Capabilities as each engine documents them: podman and runc (the fragment's
# five sets) make the kept ones effective for any user; Docker gives a
# non-root user none (CapEff 0), only the bounding set.
# Without AppArmor in the kernel the `apparmor=` flag is left out for podman
# (which refuses it) and the fragment's apparmorProfile for runc (likewise);
# Docker ignores it and gets the flags whole.
# Exit 0 pass, 1 fail, 77 the engine cannot run here (1 when CI=true).
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$HERE/../common/probe_results.sh"
engine=$1 polc=$(realpath "$2") SYSPROBE=$(realpath "$3") caps_pol=$(realpath "$4") examples=$(realpath "$5")
shift 5
export SYSPROBE
case $engine in
podman | runc) . "$HERE/../podman/podman_env.sh" ;;
docker | compose) . "$HERE/../docker/dockerd_env.sh" ;;
*) echo "unknown engine $engine" >&2; exit 2 ;;
esac
work=$(mktemp -d)
cleanup() {
    case $engine in
    podman | runc) podman_env_teardown ;;
    *) docker_env_teardown ;;
    esac
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
apparmor=no
[[ $(cat /sys/module/apparmor/parameters/enabled 2>/dev/null) == Y ]] && apparmor=yes

t0=$(date +%s.%N)
case $engine in
podman) podman_available || probe_cannot_test "$POLC_PODMAN_WHY" ;;
runc)
    command -v runc >/dev/null || probe_cannot_test "runc not installed"
    podman_env_setup || probe_cannot_test "$POLC_PODMAN_WHY" # its busybox rootfs
    ;;
docker | compose)
    docker_available || probe_cannot_test "$POLC_DOCKER_WHY"
    if [[ $engine == compose ]]; then
        command -v docker-compose >/dev/null || probe_cannot_test "docker-compose not installed"
    fi
    ;;
esac
echo "# $engine ready in $(probe_elapsed "$t0") s; AppArmor in the kernel: $apparmor"

cap_mask() { # NAME... -> the mask as /proc prints it
    local m=0 n v
    for n in "$@"; do
        v=$(sed -n "s/^capability $n = \([0-9]*\)$/\1/p" "$caps_pol")
        [[ -n $v ]] || { echo "unknown capability $n" >&2; return 1; }
        m=$((m | (1 << v)))
    done
    printf '%016x\n' "$m"
}

# The probes: sysprobe's form | polc eval's form | the call can succeed in a container
probes=('memfd_create s:x 0|memfd_create(0, 0)|y' 'unshare 0x10000000|unshare(0x10000000)|n'
    'personality 0xffffffff|personality(0xffffffff)|y' 'ptrace 16 1 0 0|ptrace(16, 1, 0, 0)|n'
    'getpid|getpid()|y')

failed=0
fail() { echo "FAIL [$name] $*"; failed=$((failed + 1)); }

# run_container FLAGS_FILE -- SYSPROBE_ARGS...: the probe's output on stdout
run_container() {
    local flags_file=$1 f
    shift 2
    local flags=()
    mapfile -t flags <"$flags_file"
    case $engine in
    podman)
        local kept=()
        for f in "${flags[@]}"; do
            [[ $apparmor == no && $f == --security-opt=apparmor=* ]] || kept+=("$f")
        done
        (cd "$work" && polc_podman run --rm --network=none "${kept[@]}" "$POLC_PODMAN_IMAGE" /sysprobe "$@")
        ;;
    docker) (cd "$work" && polc_docker run --rm --pull never --network none "${flags[@]}" "$POLC_DOCKER_IMAGE" /sysprobe "$@") ;;
    compose)
        {
            echo 'version: "2.4"'
            echo 'services:'
            echo "  \"$name\":"
            echo "    image: $POLC_DOCKER_IMAGE"
            echo '    network_mode: none'
            echo '    command:'
            echo '      - /sysprobe'
            for a in "$@"; do printf '      - "%s"\n' "$a"; done
        } >"$work/out/probe.yaml"
        local rc=0 p=polcrt${RANDOM}
        (cd "$work/out" && DOCKER_HOST=unix://$POLC_DOCKER_DIR/docker.sock docker-compose -p "$p" \
            -f "$name.compose.yaml" -f probe.yaml up --no-color --no-build --exit-code-from "$name" \
            >"$work/up.log" 2>&1) || rc=$?
        polc_docker logs "${p}_${name}_1" 2>/dev/null || true
        (cd "$work/out" && DOCKER_HOST=unix://$POLC_DOCKER_DIR/docker.sock docker-compose -p "$p" \
            -f "$name.compose.yaml" -f probe.yaml down >>"$work/up.log" 2>&1) || rc=1
        ((rc == 0)) || sed 's/^/#   up: /' "$work/up.log" >&2
        return $rc
        ;;
    runc)
        local b=$work/bundle args='' a
        rm -rf "$b" && mkdir -p "$b/rootfs"
        tar -C "$b/rootfs" -xf "$POLC_PODMAN_DIR/rootfs.tar"
        (cd "$b" && runc spec)
        for a in /sysprobe "$@"; do args+="${args:+, }\"$a\""; done
        printf '{"process": {"terminal": false, "args": [%s]}}\n' "$args" >"$work/probe.json"
        "$polc" oci-merge "$b/config.json" "$work/probe.json" -o "$b/config.json"
        "$polc" oci-merge "$b/config.json" "$work/out/$name.oci.json" -o "$b/config.json"
        if [[ $apparmor == no ]]; then
            echo '{"process": {"apparmorProfile": ""}}' >"$work/noaa.json"
            "$polc" oci-merge "$b/config.json" "$work/noaa.json" -o "$b/config.json"
        fi
        runc run -b "$b" "polc-rt-$name-$$" </dev/null
        ;;
    esac
}

# probe_case FLAGS_FILE: run the container and check what it reads inside
probe_case() {
    local flags=$1 adds mask user uid gid nnp eff dirs pids mem args mlist ecalls p c capnames acts rc out
    local results res i d k probe works got act e
    mapfile -t adds < <(sed -n 's/^--cap-add=//p' "$flags")
    mask=$(cap_mask "${adds[@]}")
    user=$(sed -n 's/^--user=//p' "$flags")
    uid=${user%%:*} gid=${user#*:}
    [[ -n $user ]] || uid=0 gid=0
    nnp=0
    grep -qx -- '--security-opt=no-new-privileges' "$flags" && nnp=1
    eff=$mask
    [[ $engine == docker || $engine == compose ]] && ((uid != 0)) && eff=0000000000000000
    mapfile -t dirs < <(sed -n 's/^--tmpfs=\([^:]*\):.*/\1/p' "$flags")
    pids=$(sed -n 's/^--pids-limit=//p' "$flags")
    mem=$(sed -n 's/^--memory=//p' "$flags")
    args=(--creds --status)
    [[ -n $pids ]] && args+=(--file=/sys/fs/cgroup/pids/pids.max --file=/sys/fs/cgroup/pids.max)
    [[ -n $mem ]] && args+=(--file=/sys/fs/cgroup/memory/memory.limit_in_bytes --file=/sys/fs/cgroup/memory.max)
    mlist=("mkdir s:/polc-ro-probe 0755")
    for d in "${dirs[@]}"; do mlist+=("mkdir s:$d/polc-probe 0755"); done
    ecalls=()
    for p in "${probes[@]}"; do
        mlist+=("${p%%|*}")
        c=${p#*|} && ecalls+=("${c%|*}")
    done
    capnames=$(IFS=,; echo "${adds[*]}")
    mapfile -t acts < <("$polc" eval --caps "$capnames" "$pol" "${ecalls[@]}" | sed -n 's/^action: //p')
    rc=0
    out=$(run_container "$flags" -- "${args[@]}" -m "${mlist[@]}" 2>"$work/err") || rc=$?
    if ((rc != 0)) || [[ -z $out ]]; then
        fail "the container did not run (exit $rc):"
        sed 's/^/#   /' "$work/err" | tail -n 5
        return
    fi
    check() { # WHAT EXPECTED_LINE
        if grep -qxF -- "$2" <<<"$out"; then echo "ok   [$name] $1: $2"; else fail "$1: want \`$2\`, got:"; sed 's/^/#   /' <<<"$out"; fi
    }
    check "bounding set" "CapBnd:	$mask"
    check "effective set" "CapEff:	$eff"
    [[ $engine == runc ]] && check "ambient set" "CapAmb:	$mask"
    check "no-new-privileges" "NoNewPrivs:	$nnp"
    check "user" "Uid:	$uid	$uid	$uid	$uid"
    check "group" "Gid:	$gid	$gid	$gid	$gid"
    results=$(grep -E '^(ok|err|killed|exit|bad) ' <<<"$out")
    mapfile -t res <<<"$results"
    i=0
    if grep -qx -- '--read-only' "$flags"; then
        [[ ${res[0]} == "err EROFS 30" ]] && echo "ok   [$name] read-only root: mkdir / gives EROFS" ||
            fail "read-only root: mkdir / gave \`${res[0]}\`"
    fi
    i=1
    for d in "${dirs[@]}"; do
        [[ ${res[i]} == "ok 0" ]] && echo "ok   [$name] tmpfs $d is writable" || fail "tmpfs $d: mkdir gave \`${res[i]}\`"
        i=$((i + 1))
    done
    for ((k = 0; k < ${#probes[@]}; k++)); do
        IFS='|' read -r probe _ works <<<"${probes[k]}"
        got=${res[i + k]:-} act=${acts[k]:-?}
        case $act in
        allow | log) [[ $works == n || $got == ok* ]] ;;
        errno\(*\)) e=${act#errno(} && [[ $got == "err ${e%)} "* ]] ;;
        kill | kill-process | trap) [[ $got == "killed SIGSYS" ]] ;;
        *) false ;;
        esac && echo "ok   [$name] $probe: $act -> $got" || fail "$probe: the policy says $act, the container gave \`$got\`"
    done
    if [[ -n $pids ]]; then
        grep -qE "^file /sys/fs/cgroup/(pids/)?pids.max: $pids\$" <<<"$out" && echo "ok   [$name] pids limit $pids" ||
            fail "pids limit $pids not in the cgroup files: $(grep '^file ' <<<"$out" | tr '\n' ' ')"
    fi
    if [[ -n $mem ]]; then
        grep -qE "^file /sys/fs/cgroup/(memory/memory.limit_in_bytes|memory.max): $mem\$" <<<"$out" &&
            echo "ok   [$name] memory limit $mem" ||
            fail "memory limit $mem not in the cgroup files: $(grep '^file ' <<<"$out" | tr '\n' ' ')"
    fi
}

# podman's own run flags (each tmpfs notmpcopyup, owned with `U`: podman
# refuses uid=/gid=); the others read Docker's
engine_opt=()
[[ $engine == podman ]] && engine_opt=(--engine podman)
for pol in "$@"; do
    pol=$(realpath "$pol")
    name=$(basename "$pol" .pol)
    rm -rf "$work/out" "$work/ex"
    (cd "$work" && "$polc" "${engine_opt[@]}" -t docker -t run-flags -t compose -t oci "$pol" -o out) || {
        fail "polc refused the probe policy"; continue; }
    if [[ ! -f $examples/$name.pol ]]; then
        echo "#    [$name] a test policy of its own, not an example's probe"
    elif ! (cd "$work" && "$polc" "${engine_opt[@]}" -t run-flags "$examples/$name.pol" -o ex); then
        fail "polc refused the example"
        continue
    elif ! cmp -s <(sed 's|=ex/|=out/|' "$work/ex/$name.run-flags") "$work/out/$name.run-flags"; then
        fail "the probe policy's run flags are not the example's:"
        diff <(sed 's|=ex/|=out/|' "$work/ex/$name.run-flags") "$work/out/$name.run-flags" | sed 's/^/#   /'
        continue
    fi
    probe_case "$work/out/$name.run-flags"
    any_limits=${any_limits:-}$(grep -E '^--(pids-limit|memory)=' "$work/out/$name.run-flags" || true)
done
# Until a policy sets resources, the cgroup checks above run nowhere: check
# them once on the last policy with limits added to its flags (podman and
# Docker read the flags file; Compose and runc get the same spec's limits).
if [[ -z $any_limits && ($engine == podman || $engine == docker) ]]; then
    cp "$work/out/$name.run-flags" "$work/limits.run-flags"
    printf '%s\n' --pids-limit=77 --memory=67108864 >>"$work/limits.run-flags"
    name="$name+limits" probe_case "$work/limits.run-flags"
fi
echo "$failed failed; $(probe_elapsed "$t0") s"
((failed == 0))

# shellcheck shell=bash
# dockerd_env.sh - sourceable helpers to run the sysprobe binary inside a real
# Docker Engine 20.10 container (Debian's docker.io: a private dockerd, the
# 20.10 CLI at /usr/bin/docker) with a given seccomp profile.
#
# Usage (bash, from a script running as root):
#   . tests/docker/dockerd_env.sh
#   SYSPROBE=/path/to/sysprobe         # static binary (tests/probe)
#   trap docker_env_teardown EXIT
#   if docker_available; then          # starts dockerd, imports the image,
#                                      # runs one trivial container
#       docker_run_probe profile.json -- getpid         # -> "ok 1"
#       docker_run_probe profile.json --cap-add SYS_ADMIN -- -m getpid 'unshare 0'
#   else
#       echo "cannot test: $POLC_DOCKER_WHY"
#   fi
#
# Functions:
#   docker_env_setup     temp dir ($POLC_DOCKER_DIR): daemon.json holding {}
#                        (an empty file or /dev/null makes dockerd fail with
#                        EOF), dockerd with its own --data-root, --exec-root,
#                        --pidfile and -H unix://DIR/docker.sock, no network
#                        plumbing (--iptables=false --ip6tables=false
#                        --ip-forward=false --ip-masq=false --bridge=none),
#                        storage driver overlay2, else vfs; waits until it
#                        answers, then `docker import`s a busybox-static
#                        rootfs with /sysprobe as polc-docker-test:latest.
#   docker_run_probe FILE [docker run args...] -- SYSPROBE_ARGS...
#                        `docker run --rm --pull never --network none
#                        --security-opt seccomp=FILE [args] IMAGE /sysprobe
#                        ARGS`; stdout is the probe's, the engine's stderr goes
#                        to stderr; returns docker's exit status (128+N when
#                        the probe died from signal N; 125-127: engine
#                        errors). FILE may be "unconfined".
#   polc_docker ARGS...  /usr/bin/docker -H unix://DIR/docker.sock ARGS
#   docker_available     0 if root, dockerd + /usr/bin/docker (20.10) +
#                        busybox-static present, dockerd started and a
#                        trivial container runs; else 1, reason in
#                        $POLC_DOCKER_WHY. Cached per shell.
#   docker_env_teardown  removes the containers, stops dockerd by its pid
#                        (SIGTERM, SIGKILL after 20 s), unmounts what is left
#                        under the temp dir, removes it, and removes the
#                        global files dockerd created that did not exist
#                        before (/etc/docker/key.json, /run/docker/plugins,
#                        /run/docker, /run/containerd/s, /run/containerd).
#
# Environment knobs:
#   SYSPROBE                     path of the static sysprobe binary (required)
#   POLC_DOCKER_STORAGE_DRIVER   force "overlay2" or "vfs"
#   POLC_DOCKER_TMPDIR           parent of the temp dir (default ${TMPDIR:-/tmp})
#   POLC_DOCKER_KEEP=1           teardown keeps the temp dir (debugging)
#
# Always /usr/bin/docker: /usr/local/bin/docker on these machines is a newer
# CLI that comes first on PATH and talks a newer API. One dockerd per script
# run: it starts in ~2 s and stops in ~1-2 s (docs/docker.md).

# shellcheck source=tests/common/engine_args.sh
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/../common/engine_args.sh"

POLC_DOCKER_CLI=${POLC_DOCKER_CLI:-/usr/bin/docker}
POLC_DOCKER_IMAGE=${POLC_DOCKER_IMAGE:-polc-docker-test:latest}
POLC_DOCKER_DIR=${POLC_DOCKER_DIR:-}
POLC_DOCKER_WHY=${POLC_DOCKER_WHY:-}
POLC_DOCKER_AVAILABLE=${POLC_DOCKER_AVAILABLE:-}
_POLC_DOCKER_CREATED_GLOBAL=()

polc_docker() {
    if [[ -z $POLC_DOCKER_DIR ]]; then
        echo "dockerd_env: not set up (call docker_env_setup)" >&2
        return 125
    fi
    "$POLC_DOCKER_CLI" -H "unix://$POLC_DOCKER_DIR/docker.sock" "$@"
}

_polc_docker_is_static() {
    ! grep -q 'INTERP' <<<"$(readelf -lW "$1" 2>/dev/null)"
}

_polc_docker_prereqs() {
    if [[ $(id -u) != 0 ]]; then
        POLC_DOCKER_WHY="not running as root (dockerd needs root)"
        return 1
    fi
    if ! command -v dockerd >/dev/null 2>&1; then
        POLC_DOCKER_WHY="dockerd not installed (Debian package docker.io, .ci/packages.txt)"
        return 1
    fi
    if [[ ! -x $POLC_DOCKER_CLI ]]; then
        POLC_DOCKER_WHY="$POLC_DOCKER_CLI missing (Debian package docker.io)"
        return 1
    fi
    if [[ ! -x /bin/busybox ]] || ! _polc_docker_is_static /bin/busybox; then
        POLC_DOCKER_WHY="/bin/busybox missing or not static (install busybox-static)"
        return 1
    fi
    if [[ -z ${SYSPROBE:-} || ! -x ${SYSPROBE:-} ]]; then
        POLC_DOCKER_WHY="SYSPROBE not set or not executable: '${SYSPROBE:-}'"
        return 1
    fi
    return 0
}

_polc_docker_build_rootfs() {
    local d=$1 r=$1/rootfs a
    mkdir -p "$r/bin" "$r/etc" "$r/tmp" "$r/proc" "$r/sys" "$r/dev" "$r/root"
    chmod 1777 "$r/tmp"
    cp /bin/busybox "$r/bin/busybox"
    for a in $(/bin/busybox --list); do
        [[ $a == busybox ]] || ln -sf busybox "$r/bin/$a"
    done
    cp "$SYSPROBE" "$r/sysprobe"
    chmod 0755 "$r/sysprobe"
    printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n' >"$r/etc/passwd"
    printf 'root:x:0:\nnogroup:x:65534:\n' >"$r/etc/group"
    tar -C "$r" --numeric-owner --owner=0 --group=0 -cf "$d/rootfs.tar" .
}

# Start dockerd with storage driver $1; 0 once it answers.
_polc_docker_start() {
    local d=$POLC_DOCKER_DIR driver=$1 i
    rm -rf "$d/data" "$d/exec"
    mkdir -p "$d/data" "$d/exec"
    dockerd --data-root "$d/data" --exec-root "$d/exec" --pidfile "$d/dockerd.pid" \
        -H "unix://$d/docker.sock" --config-file "$d/daemon.json" \
        --iptables=false --ip6tables=false --ip-forward=false --ip-masq=false --bridge=none \
        --storage-driver "$driver" >"$d/dockerd.log" 2>&1 &
    echo $! >"$d/dockerd.bgpid"
    for ((i = 0; i < 300; i++)); do
        if polc_docker version >/dev/null 2>&1; then
            return 0
        fi
        kill -0 "$(cat "$d/dockerd.bgpid")" 2>/dev/null || return 1
        sleep 0.1
    done
    return 1
}

# Stop the dockerd started above by its pid; waits for it to exit.
_polc_docker_stop() {
    local d=$POLC_DOCKER_DIR pid i
    [[ -f $d/dockerd.bgpid ]] || return 0
    pid=$(cat "$d/dockerd.bgpid")
    rm -f "$d/dockerd.bgpid"
    kill -TERM "$pid" 2>/dev/null || return 0
    for ((i = 0; i < 200; i++)); do
        kill -0 "$pid" 2>/dev/null || return 0
        sleep 0.1
    done
    echo "dockerd_env: dockerd $pid did not stop in 20 s; SIGKILL" >&2
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}

docker_env_setup() {
    local parent d g driver drivers out
    if [[ -n $POLC_DOCKER_DIR && -f $POLC_DOCKER_DIR/.ready ]]; then
        return 0
    fi
    _polc_docker_prereqs || return 1
    parent=${POLC_DOCKER_TMPDIR:-${TMPDIR:-/tmp}}
    d=$(mktemp -d "$parent/polc-docker.XXXXXX") || return 1
    POLC_DOCKER_DIR=$d
    # dockerd 20.10 writes these global paths whatever its flags say.
    _POLC_DOCKER_CREATED_GLOBAL=()
    for g in /etc/docker/key.json /etc/docker /run/docker/plugins /run/docker \
        /run/containerd/s /run/containerd; do
        [[ -e $g ]] || _POLC_DOCKER_CREATED_GLOBAL+=("$g")
    done
    echo '{}' >"$d/daemon.json"
    _polc_docker_build_rootfs "$d" || {
        POLC_DOCKER_WHY="building the rootfs tarball failed"
        return 1
    }
    if [[ -n ${POLC_DOCKER_STORAGE_DRIVER:-} ]]; then
        drivers=("$POLC_DOCKER_STORAGE_DRIVER")
    else
        drivers=(overlay2 vfs)
    fi
    for driver in "${drivers[@]}"; do
        if ! _polc_docker_start "$driver"; then
            echo "dockerd_env: dockerd with storage driver $driver did not come up:" >&2
            tail -n 5 "$d/dockerd.log" >&2
            _polc_docker_stop
            continue
        fi
        # 20.10's import has no -q: it prints the image id
        if out=$(polc_docker import "$d/rootfs.tar" "$POLC_DOCKER_IMAGE" 2>&1); then
            echo "$driver" >"$d/driver"
            touch "$d/.ready"
            return 0
        fi
        echo "dockerd_env: import with storage driver $driver failed: $out" >&2
        _polc_docker_stop
    done
    POLC_DOCKER_WHY="dockerd did not start or import with storage drivers: ${drivers[*]} (log: $d/dockerd.log)"
    return 1
}

# docker_run_probe SECCOMP_JSON [docker run args...] -- SYSPROBE_ARGS...
docker_run_probe() {
    engine_probe_args docker_run_probe "$@" || return
    polc_docker run --rm --pull never --network none --security-opt "$ENGINE_SECCOMP" \
        "${ENGINE_EXTRA[@]}" "$POLC_DOCKER_IMAGE" /sysprobe "${ENGINE_PROBE[@]}"
}

docker_available() {
    local out rc
    if [[ -n $POLC_DOCKER_AVAILABLE ]]; then
        [[ $POLC_DOCKER_AVAILABLE == yes ]]
        return
    fi
    POLC_DOCKER_AVAILABLE=no
    docker_env_setup || return 1
    rc=0
    out=$(polc_docker run --rm --pull never --network none "$POLC_DOCKER_IMAGE" /sysprobe getpid 2>&1) || rc=$?
    if ((rc != 0)) || [[ $out != "ok 1" ]]; then
        POLC_DOCKER_WHY="trivial container run failed (rc=$rc): $(printf '%s' "$out" | tail -n 3 | tr '\n' ' ')"
        return 1
    fi
    POLC_DOCKER_AVAILABLE=yes
    return 0
}

docker_env_teardown() {
    local d=$POLC_DOCKER_DIR g mnts ids=()
    [[ -n $d ]] || return 0
    if [[ -d $d ]]; then
        if [[ -f $d/dockerd.bgpid ]]; then
            mapfile -t ids < <(polc_docker ps -aq 2>/dev/null)
            ((${#ids[@]} == 0)) || polc_docker rm -f "${ids[@]}" >/dev/null 2>&1 || true
        fi
        _polc_docker_stop
        # Mounts dockerd left behind would make rm -rf fail.
        mnts=$(findmnt -rn -o TARGET | grep -F "$d/" | sort -r) || true
        while IFS= read -r g; do
            [[ -n $g ]] && { umount -l "$g" 2>/dev/null || true; }
        done <<<"$mnts"
        if [[ ${POLC_DOCKER_KEEP:-0} == 1 ]]; then
            echo "dockerd_env: keeping $d" >&2
        else
            rm -rf "$d"
        fi
    fi
    for g in "${_POLC_DOCKER_CREATED_GLOBAL[@]}"; do
        if [[ -d $g ]]; then
            rm -rf "$g" 2>/dev/null || true
        elif [[ -e $g ]]; then
            rm -f "$g"
        fi
    done
    _POLC_DOCKER_CREATED_GLOBAL=()
    POLC_DOCKER_DIR=
    POLC_DOCKER_AVAILABLE=
}

# shellcheck shell=bash
# podman_env.sh - sourceable helpers to run the sysprobe binary inside a real
# container (podman + runc) with a given seccomp profile.
#
# Usage (bash, from a script running as root):
#   . tests/podman/podman_env.sh
#   podman_install_packages            # optional, CI only: apt-get install
#                                      # the packages in packages.txt
#   SYSPROBE=/path/to/sysprobe         # static binary (tests/probe)
#   if podman_available; then          # sets up the env on first use and
#                                      # tries one trivial container run
#       podman_run_probe profile.json -- getpid          # -> "ok 1"
#       podman_run_probe profile.json --cap-add SYS_ADMIN -- -m getpid 'unshare 0'
#   else
#       echo "skip: $POLC_PODMAN_WHY"
#   fi
#   podman_env_teardown                # always (e.g. from an EXIT trap)
#
# Functions:
#   podman_env_setup       temp dir ($POLC_PODMAN_DIR) with containers.conf
#                          (runtime runc, cgroupfs, default_ulimits), a private
#                          storage.conf (graphroot/runroot inside the temp dir,
#                          driver overlay with fallback to vfs), a rootfs
#                          tarball (busybox-static + applet symlinks +
#                          /sysprobe) imported as localhost/polc-test:latest.
#   podman_run_probe FILE [podman run args...] -- SYSPROBE_ARGS...
#                          runs `podman --runtime runc run --rm --network=none
#                          --security-opt seccomp=FILE [args] polc-test
#                          /sysprobe SYSPROBE_ARGS`; prints the probe's stdout,
#                          podman's stderr goes to stderr; returns podman's exit
#                          status (128+N when the probe died from signal N,
#                          e.g. 159 = SIGSYS; 125-127 = engine errors).
#                          FILE may be "unconfined" (no seccomp filter).
#   podman_available       0 if root, podman/runc/busybox present and a trivial
#                          container runs; else 1 with the reason in
#                          $POLC_PODMAN_WHY.  Result cached per shell.
#   podman_env_teardown    removes containers/images, the temp dir and the
#                          few global files podman 4.3 creates even with a
#                          private store (only if they did not exist before).
#   polc_podman ARGS...    podman with the private config/storage (debugging).
#
# Environment knobs:
#   SYSPROBE                      path of the static sysprobe binary (required)
#   POLC_PODMAN_STORAGE_DRIVER    force "overlay" or "vfs" (default: try overlay)
#   POLC_PODMAN_TMPDIR            parent of the temp dir (default ${TMPDIR:-/tmp})
#   POLC_PODMAN_KEEP=1            teardown keeps the temp dir (for debugging)
#   POLC_PODMAN_IMAGE             image name (default localhost/polc-test:latest)
#
# Notes: crun fails on hybrid cgroup v1/v2 hosts, so runc is forced.  The
# nproc/nofile ulimits are pinned because podman otherwise asks runc for
# limits above the hard limits of this host (EPERM without CAP_SYS_RESOURCE).
# Passing --ulimit in the extra podman args replaces ALL default ulimits.

# shellcheck source=tests/common/engine_args.sh
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/../common/engine_args.sh"

POLC_PODMAN_IMAGE=${POLC_PODMAN_IMAGE:-localhost/polc-test:latest}
POLC_PODMAN_DIR=${POLC_PODMAN_DIR:-}
POLC_PODMAN_WHY=${POLC_PODMAN_WHY:-}
POLC_PODMAN_AVAILABLE=${POLC_PODMAN_AVAILABLE:-}
_POLC_PODMAN_CREATED_GLOBAL=()

_polc_podman_here() {
    local src=${BASH_SOURCE[0]}
    (cd "$(dirname "$src")" && pwd)
}

# Install the Debian packages listed in packages.txt that are missing.
podman_install_packages() {
    local here pkgs=() p
    here=$(_polc_podman_here)
    while IFS= read -r p; do
        p=${p%%#*}
        p=${p//[[:space:]]/}
        [[ -n $p ]] || continue
        dpkg -s "$p" >/dev/null 2>&1 || pkgs+=("$p")
    done <"$here/packages.txt"
    if ((${#pkgs[@]} == 0)); then
        return 0
    fi
    echo "podman_env: installing ${pkgs[*]}" >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -q &&
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${pkgs[@]}"
}

polc_podman() {
    if [[ -z $POLC_PODMAN_DIR ]]; then
        echo "podman_env: not set up (call podman_env_setup)" >&2
        return 125
    fi
    CONTAINERS_CONF="$POLC_PODMAN_DIR/containers.conf" \
        CONTAINERS_STORAGE_CONF="$POLC_PODMAN_DIR/storage.conf" \
        podman --runtime runc "$@"
}

_polc_podman_prereqs() {
    local c
    if [[ $(id -u) != 0 ]]; then
        POLC_PODMAN_WHY="not running as root (rootful podman needed)"
        return 1
    fi
    for c in podman runc; do
        if ! command -v "$c" >/dev/null 2>&1; then
            POLC_PODMAN_WHY="$c not installed (see tests/podman/packages.txt)"
            return 1
        fi
    done
    if [[ ! -x /bin/busybox ]] || ! /bin/busybox --list >/dev/null 2>&1; then
        POLC_PODMAN_WHY="/bin/busybox missing (install busybox-static)"
        return 1
    fi
    if ! file_is_static /bin/busybox; then
        POLC_PODMAN_WHY="/bin/busybox is not static (install busybox-static)"
        return 1
    fi
    if [[ -z ${SYSPROBE:-} || ! -x ${SYSPROBE:-} ]]; then
        POLC_PODMAN_WHY="SYSPROBE not set or not executable: '${SYSPROBE:-}'"
        return 1
    fi
    return 0
}

# True if the ELF file has no program interpreter (i.e. is statically linked).
file_is_static() {
    local f=$1
    # PT_INTERP present <=> dynamic.  Use readelf if available, else ldd.
    if command -v readelf >/dev/null 2>&1; then
        # a here-string, not a pipe: under pipefail grep's early exit could
        # kill readelf with SIGPIPE and turn the answer around
        ! grep -q 'INTERP' <<<"$(readelf -lW "$f" 2>/dev/null)"
    else
        ! ldd "$f" >/dev/null 2>&1
    fi
}

_polc_podman_write_conf() {
    local d=$1 driver=$2 nofile nproc
    # Pin limits at or below this host's hard limits (see notes above).
    nofile=$(ulimit -Hn)
    [[ $nofile == unlimited || $nofile -gt 1024 ]] && nofile=1024
    nproc=$(ulimit -Hu)
    [[ $nproc == unlimited || $nproc -gt 1024 ]] && nproc=1024
    cat >"$d/containers.conf" <<EOF
[containers]
default_ulimits = ["nofile=$nofile:$nofile", "nproc=$nproc:$nproc"]
log_driver = "k8s-file"

[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
events_logfile_path = "$d/events.log"
tmp_dir = "$d/tmp"
volume_path = "$d/volumes"
static_dir = "$d/root/libpod"

[network]
network_config_dir = "$d/networks"
EOF
    cat >"$d/storage.conf" <<EOF
[storage]
driver = "$driver"
graphroot = "$d/root"
runroot = "$d/runroot"
EOF
}

_polc_podman_build_rootfs() {
    local d=$1 r=$1/rootfs a
    mkdir -p "$r/bin" "$r/sbin" "$r/usr/bin" "$r/usr/sbin" "$r/etc" "$r/tmp" \
        "$r/proc" "$r/sys" "$r/dev" "$r/root"
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

podman_env_setup() {
    local parent driver drivers d out
    if [[ -n $POLC_PODMAN_DIR && -f $POLC_PODMAN_DIR/.ready ]]; then
        return 0
    fi
    _polc_podman_prereqs || return 1
    parent=${POLC_PODMAN_TMPDIR:-${TMPDIR:-/tmp}}
    d=$(mktemp -d "$parent/polc-podman.XXXXXX") || return 1
    POLC_PODMAN_DIR=$d
    # podman 4.3 writes these global paths even with a private store.
    _POLC_PODMAN_CREATED_GLOBAL=()
    local g
    for g in /var/lib/containers/cache/blob-info-cache-v1.boltdb \
        /var/lib/containers/cache /var/lib/containers \
        /run/containers/networks /run/containers; do
        [[ -e $g ]] || _POLC_PODMAN_CREATED_GLOBAL+=("$g")
    done
    _polc_podman_build_rootfs "$d" || {
        POLC_PODMAN_WHY="building the rootfs tarball failed"
        return 1
    }
    if [[ -n ${POLC_PODMAN_STORAGE_DRIVER:-} ]]; then
        drivers=("$POLC_PODMAN_STORAGE_DRIVER")
    else
        drivers=(overlay vfs)
    fi
    for driver in "${drivers[@]}"; do
        rm -rf "$d/root" "$d/runroot"
        mkdir -p "$d/tmp" "$d/volumes" "$d/networks"
        _polc_podman_write_conf "$d" "$driver"
        if out=$(polc_podman import -q "$d/rootfs.tar" "$POLC_PODMAN_IMAGE" 2>&1); then
            echo "$driver" >"$d/driver"
            touch "$d/.ready"
            return 0
        fi
        echo "podman_env: import with storage driver $driver failed: $out" >&2
        polc_podman rmi -af >/dev/null 2>&1 || true
    done
    POLC_PODMAN_WHY="podman import failed with storage drivers: ${drivers[*]}"
    return 1
}

# podman_run_probe SECCOMP_JSON [podman run args...] -- SYSPROBE_ARGS...
podman_run_probe() {
    engine_probe_args podman_run_probe "$@" || return
    polc_podman run --rm --network=none --security-opt "$ENGINE_SECCOMP" \
        "${ENGINE_EXTRA[@]}" "$POLC_PODMAN_IMAGE" /sysprobe "${ENGINE_PROBE[@]}"
}

# podman_crun ARGS...: podman with crun instead of runc. crun 1.8.1 (Debian 12)
# refuses this machine kind's hybrid cgroup layout ("cgroups in hybrid mode
# not supported, drop all controllers from cgroupv2": the v2 hierarchy at
# /sys/fs/cgroup/unified holds the hugetlb controller) whatever the cgroup
# manager, and on the v2 hierarchy alone it cannot load its eBPF device
# filter (it then raises RLIMIT_MEMLOCK, which needs CAP_SYS_RESOURCE, not
# held here). So: a private mount namespace where /sys/fs/cgroup is the v2
# hierarchy, and --cgroups=disabled (no cgroup, no device filter). Nothing
# outside the mount namespace changes.
podman_crun() {
    local q=() a
    for a in "$@"; do q+=("$(printf '%q' "$a")"); done
    # run/create take --cgroups=disabled; the other commands (stop, rm, ...) not
    [[ ${1:-} == run || ${1:-} == create ]] && q=("${q[0]}" --cgroups=disabled "${q[@]:1}")
    CONTAINERS_CONF="$POLC_PODMAN_DIR/containers.conf" \
        CONTAINERS_STORAGE_CONF="$POLC_PODMAN_DIR/storage.conf" \
        unshare -m --propagation private sh -c \
        "mount --bind /sys/fs/cgroup/unified /sys/fs/cgroup && exec podman --runtime crun --cgroup-manager cgroupfs ${q[*]}"
}

# kmsg_follow FILE: copy the kernel's log to FILE from now until
# kmsg_follow_stop (SECCOMP_RET_LOG records: `audit: type=1326 ...`). A
# follower of /dev/kmsg (dmesg -w) keeps its own position: another test's
# `dmesg -C` on the same machine does not make records disappear, as it does
# for a later plain `dmesg`. Records from before the call are in FILE too
# (dmesg -w prints the buffer first): filter them with polc learn --since.
# kauditd prints the records through the printk rate limit (10 per 5 s)
# when no auditd reads them: it is lifted until kmsg_follow_stop.
_POLC_KMSG_PID= _POLC_KMSG_BURST=
kmsg_follow() {
    _POLC_KMSG_BURST=$(cat /proc/sys/kernel/printk_ratelimit_burst)
    echo 100000 >/proc/sys/kernel/printk_ratelimit_burst
    dmesg -w >"$1" 2>/dev/null &
    _POLC_KMSG_PID=$!
}
kmsg_follow_stop() {
    sleep 0.5 # kauditd prints asynchronously
    [[ -n $_POLC_KMSG_PID ]] && kill "$_POLC_KMSG_PID" 2>/dev/null && wait "$_POLC_KMSG_PID" 2>/dev/null
    [[ -n $_POLC_KMSG_BURST ]] && echo "$_POLC_KMSG_BURST" >/proc/sys/kernel/printk_ratelimit_burst
    _POLC_KMSG_PID= _POLC_KMSG_BURST=
    return 0
}

podman_available() {
    local out rc
    if [[ -n $POLC_PODMAN_AVAILABLE ]]; then
        [[ $POLC_PODMAN_AVAILABLE == yes ]]
        return
    fi
    POLC_PODMAN_AVAILABLE=no
    _polc_podman_prereqs || return 1
    podman_env_setup || return 1
    rc=0
    out=$(polc_podman run --rm --network=none "$POLC_PODMAN_IMAGE" /sysprobe getpid 2>&1) || rc=$?
    if ((rc != 0)) || [[ $out != "ok 1" ]]; then
        POLC_PODMAN_WHY="trivial container run failed (rc=$rc): $(printf '%s' "$out" | tail -n 3 | tr '\n' ' ')"
        return 1
    fi
    POLC_PODMAN_AVAILABLE=yes
    return 0
}

podman_env_teardown() {
    local d=$POLC_PODMAN_DIR g
    [[ -n $d ]] || return 0
    if [[ -d $d ]]; then
        polc_podman rm -af -t 0 >/dev/null 2>&1 || true
        polc_podman rmi -af >/dev/null 2>&1 || true
        # Lingering overlay mounts under the store would make rm -rf fail.
        if command -v findmnt >/dev/null 2>&1; then
            local mnts
            mnts=$(findmnt -rn -o TARGET | grep -F "$d/" | sort -r) || true
            while IFS= read -r g; do
                [[ -n $g ]] && { umount -l "$g" 2>/dev/null || true; }
            done <<<"$mnts"
        fi
        if [[ ${POLC_PODMAN_KEEP:-0} == 1 ]]; then
            echo "podman_env: keeping $d" >&2
        else
            rm -rf "$d"
        fi
    fi
    for g in "${_POLC_PODMAN_CREATED_GLOBAL[@]}"; do
        if [[ -d $g ]]; then
            rmdir "$g" 2>/dev/null || true
        elif [[ -f $g ]]; then
            rm -f "$g"
        fi
    done
    _POLC_PODMAN_CREATED_GLOBAL=()
    POLC_PODMAN_DIR=
    POLC_PODMAN_AVAILABLE=
}

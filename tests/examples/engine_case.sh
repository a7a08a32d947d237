#!/usr/bin/env bash
# A shipped example under a real container engine (issue 16): Debian's
# package of the program in an image built with mmdebstrap
# (tests/common/debian_rootfs.sh, cached), run with the example's whole
# policy: its seccomp profile (polc's Docker JSON), capabilities, read-only
# root with a tmpfs on each write path, no-new-privileges. The program
# starts, serves requests from a second container in its network namespace,
# reloads (SIGHUP) where it has a reload, stops cleanly on SIGTERM; then a
# probe in the program's place (sysprobe bind-mounted over its binary) sees
# the calls the policy denies fail as it says.
#
#   engine_case.sh POLC SYSPROBE EXAMPLE podman|docker|kube
#
# kube: polc's Pod (--k8s-form pod: securityContext, the seccomp profile
# through the legacy annotation, an emptyDir on each write directory) under
# `podman kube play`; the test sets only the container's command and
# restartPolicy: Never.
# The flags are polc's run-flags output for that engine (`--engine`), less
# the AppArmor profile under podman (no AppArmor LSM in this kernel: podman
# refuses it; Docker ignores it). podman runs with runc (podman_env.sh), Docker is Debian's 20.10 through a
# private dockerd (dockerd_env.sh). Exit 0 pass, 1 fail, 77 the engine cannot
# run here (1 when CI=true).
set -u
polc=$1 SYSPROBE=$(realpath "$2") example=$3 engine=$4
export SYSPROBE
here=$(cd "$(dirname "$0")" && pwd)
examples=$(cd "$here/../../examples" && pwd)
. "$here/../common/debian_rootfs.sh"
case $engine in
podman | kube) . "$here/../podman/podman_env.sh" ;;
docker) . "$here/../docker/dockerd_env.sh" ;;
*) echo "usage: $0 POLC SYSPROBE EXAMPLE podman|docker|kube" >&2; exit 2 ;;
esac
fail=0
failmsg() { echo "FAIL $example/$engine: $*" >&2; fail=1; }
skip() {
    if [[ ${CI:-} == true ]]; then echo "FAIL (CI=true): $*" >&2; exit 1; fi
    echo "SKIP: $*"; exit 77
}
W=$(mktemp -d "${TMPDIR:-/tmp}/polc-example.XXXXXX") || exit 1
cleanup() {
    if [[ $engine == docker ]]; then docker_env_teardown; else podman_env_teardown; fi
    rm -rf "$W"
}
trap cleanup EXIT
t0=$SECONDS
eng() { if [[ $engine == docker ]]; then polc_docker "$@"; else polc_podman "$@"; fi; }
if [[ $engine != docker ]]; then
    podman_available || skip "podman: $POLC_PODMAN_WHY"
else
    docker_available || skip "docker: $POLC_DOCKER_WHY"
fi

# the example's whole policy as the engine's flags: polc's run-flags output
# into `run` (kube: the Pod instead, below), once the image is there: a
# named user's tmpfs owner is looked up in the image's accounts
# ($W/image-root, which image() extracts)
make_run_flags() {
    local root=()
    [[ -f $W/image-root/etc/passwd ]] && root=(--image-root "$W/image-root")
    "$polc" -t docker -t run-flags --engine "${engine/kube/podman}" "${root[@]}" "$examples/$example.pol" \
        -o "$W" 2>"$W/polc.err" || { cat "$W/polc.err"; exit 1; }
    mapfile -t run < "$W/$example.run-flags"
    # no AppArmor LSM in this kernel: podman refuses a profile it cannot
    # load, Docker ignores it (tests/apparmor/vm enforces the profile)
    if [[ $engine != docker ]]; then
        local kept=() f
        for f in "${run[@]}"; do [[ $f == --security-opt=apparmor=* ]] || kept+=("$f"); done
        run=("${kept[@]}")
    fi
}

image() { # NAME PACKAGES...: the cached Debian root file system, imported
    local name=$1 tarball
    shift
    tarball=$(debian_rootfs "$name" "$@") || { failmsg "no root file system for $name"; exit 1; }
    # the image's accounts, where polc looks up `user NAME` for the Pod
    mkdir -p "$W/image-root" && tar -xf "$tarball" -C "$W/image-root" ./etc/passwd ./etc/group || exit 1
    if [[ $engine == kube && -n ${KUBE_EMPTY_DIRS:-} ]]; then
        # podman 4.3's kube play fills a new emptyDir with the image's files
        # at its path, where Kubernetes mounts it empty: the image's files
        # there (KUBE_EMPTY_DIRS) are removed from the copy kube play runs,
        # so the Pod sees what a cluster gives it (docs/examples.md)
        python3 - "$tarball" "$W/kube-image.tar" $KUBE_EMPTY_DIRS <<'PY' || exit 1
import sys, tarfile
src, dst, dirs = sys.argv[1], sys.argv[2], [d.strip("/") + "/" for d in sys.argv[3:]]
with tarfile.open(src) as i, tarfile.open(dst, "w", format=i.format) as o:
    for m in i:
        name = m.name[2:] if m.name.startswith("./") else m.name
        if any(name.startswith(d) and name != d for d in dirs):
            continue
        o.addfile(m, i.extractfile(m) if m.isreg() else None)
PY
        tarball=$W/kube-image.tar
    fi
    eng import "$tarball" "polc-$name:latest" >/dev/null || { failmsg "$engine import $tarball"; exit 1; }
    make_run_flags
}

# the network of CONTAINER for a client container (curl, psql, redis-cli):
# kube play's Pods share one network namespace, which only a container in
# the Pod may join (POD: set by start_server)
peer_net() { if [[ $engine == kube ]]; then echo "--pod=$POD"; else echo "--network=container:$1"; fi; }

# confined PID CAPEFF: the process has exactly the capabilities CAPEFF (16 hex
# digits), no_new_privs and a seccomp filter, read from the host's /proc
confined() {
    grep -q "^CapEff:.*$2\$" "/proc/$1/status" || failmsg "capabilities: $(grep CapEff "/proc/$1/status"), not $2"
    grep -q '^NoNewPrivs:.*1' "/proc/$1/status" || failmsg "no_new_privs is not set"
    grep -q '^Seccomp:.*2' "/proc/$1/status" || failmsg "no seccomp filter"
}

# the host pid of a container's first process
host_pid() { eng inspect -f '{{.State.Pid}}' "$1"; }

# the probe: NAME=(PROBE EXPECT) pairs, run in BINARY's place under the policy
probe() { # BINARY RUN-ARGS... -- PROBE|EXPECT...
    local bin=$1 args=() probes=() want=()
    shift
    while [[ $1 != -- ]]; do args+=("$1"); shift; done
    shift
    local p
    for p in "$@"; do probes+=("${p%%|*}"); want+=("${p#*|}"); done
    eng run --rm --network none "${args[@]}" -v "$SYSPROBE:$bin:ro" "$IMG" "$bin" -m "${probes[@]}" \
        2>"$W/probe.err" | sed 's/^ok [0-9]*$/ok FD/' >"$W/probe.out"
    printf '%s\n' "${want[@]}" >"$W/probe.want"
    diff -u "$W/probe.want" "$W/probe.out" >"$W/probe.diff" ||
        failmsg "probe: $(cat "$W/probe.diff" "$W/probe.err")"
}

# start_server NAME CMD...: the program detached, with the example's whole
# policy (run: the run flags; kube: polc's Pod, its command set) and the
# case's `mounts` (HOST_DIR:CONTAINER_DIR entries, mounted read-only: -v, or
# hostPath volumes in the Pod), for what the image lacks (a script, its
# configuration)
mounts=()
start_server() {
    local name=$1 m vols=()
    shift
    POD=$name
    if [[ $engine != kube ]]; then
        for m in "${mounts[@]}"; do vols+=(-v "$m:ro"); done
        eng run -d --name "$name" --network none "${run[@]}" "${vols[@]}" "$IMG" "$@" >/dev/null
        return
    fi
    "$polc" -t docker -t k8s --k8s-form pod --k8s-image "$IMG" --image-root "$W/image-root" \
        "$examples/$example.pol" -o "$W/pod" \
        2>"$W/pod.err" || { cat "$W/pod.err" >&2; return 1; }
    NAME=$name CMD=$(printf '%s\n' "$@") MOUNTS=$(printf '%s\n' "${mounts[@]}") \
        python3 - "$W/pod/$example.k8s.yaml" "$W/pod.yaml" <<'PY' || return 1
import os, sys, yaml
pod = yaml.safe_load(open(sys.argv[1]))
pod["metadata"]["name"] = os.environ["NAME"]
c = pod["spec"]["containers"][0]
c["name"] = os.environ["NAME"]
c["command"] = os.environ["CMD"].split("\n")
pod["spec"]["restartPolicy"] = "Never"
for i, m in enumerate(filter(None, os.environ["MOUNTS"].split("\n"))):
    host, path = m.split(":")
    c.setdefault("volumeMounts", []).append({"name": f"case-{i}", "mountPath": path, "readOnly": True})
    pod["spec"].setdefault("volumes", []).append(
        {"name": f"case-{i}", "hostPath": {"path": host, "type": "Directory"}})
yaml.safe_dump(pod, open(sys.argv[2], "w"), sort_keys=False)
PY
    polc_podman kube play --network none --seccomp-profile-root "$W/pod" "$W/pod.yaml" >"$W/play.out" 2>&1 ||
        { cat "$W/play.out" >&2; return 1; }
}
stop_server() {
    if [[ $engine == kube ]]; then
        polc_podman kube down "$W/pod.yaml" >/dev/null 2>&1
    else
        eng rm -f "$1" >/dev/null 2>&1
    fi
}

. "$here/cases/$example.engine.sh" || { echo "FAIL: no engine case for $example" >&2; exit 1; }
"case_$example"
[[ $fail == 0 ]] && echo "PASS $example under $engine ($((SECONDS - t0)) s)"
exit "$fail"

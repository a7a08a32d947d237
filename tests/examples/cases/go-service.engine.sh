# shellcheck shell=bash
# go-service under a container engine: sourced by ../engine_case.sh (its
# helpers: start_server, stop_server, host_pid, probe, eng, failmsg). The
# image is Debian's root file system (curl, procps: the requests, ps) plus
# what a package of the service would install: the static binary built from
# examples/go-service (POLC_EXAMPLE_BUILD) and its configuration. No
# /var/lib/go-service: every engine mounts the write path empty (podman
# would give its tmpfs the mode of an image's directory there, not its
# owner: a 0700 nobody directory became a 0700 root tmpfs). The port rule of go-service/polc-run.pol is not
# in the container outputs (E0417): the engine tests check the rest.
go_service_image() {
    local tarball add=$W/image-add
    tarball=$(debian_rootfs go-service curl procps) || { failmsg "no root file system for go-service"; exit 1; }
    [[ -x $POLC_EXAMPLE_BUILD/go-service ]] || { failmsg "$POLC_EXAMPLE_BUILD/go-service is missing (golang-go)"; exit 1; }
    mkdir -p "$add/usr/local/bin" "$add/etc/go-service"
    cp "$POLC_EXAMPLE_BUILD/go-service" "$add/usr/local/bin/"
    printf '{"greeting": "Hello from the image"}\n' >"$add/etc/go-service/config.json"
    cp "$tarball" "$W/image.tar"
    tar -rf "$W/image.tar" -C "$add" --owner=0 --group=0 ./usr/local/bin/go-service ./etc/go-service ||
        { failmsg "adding the service to the image"; exit 1; }
    eng import "$W/image.tar" polc-go-service:latest >/dev/null || { failmsg "$engine import"; exit 1; }
    make_run_flags
}
case_go-service() {
    go_service_image
    IMG=localhost/polc-go-service:latest
    [[ $engine == docker ]] && IMG=polc-go-service:latest
    [[ $engine == kube ]] && CTR=polc-go-service-polc-go-service || CTR=polc-go-service
    start_server polc-go-service /usr/local/bin/go-service || { failmsg "the container did not start"; return; }
    # the requests from a second container in the service's network namespace (its Pod's under kube)
    get() { eng run --rm "$(peer_net "$CTR")" "$IMG" curl -s --max-time 5 "$@" 2>>"$W/get.err"; }
    local i out
    for i in $(seq 100); do
        out=$(get http://127.0.0.1:8080/healthz)
        [[ $out == ok ]] && break
        [[ $(eng inspect -f '{{.State.Running}}' "$CTR") == true ]] || break
        sleep 0.2
    done
    if [[ $out != ok ]]; then
        failmsg "go-service did not answer GET /healthz ($out); its log: $(eng logs "$CTR" 2>&1 | tail -5); curl: $(tail -3 "$W/get.err")"
        stop_server "$CTR" >/dev/null 2>&1
        return
    fi
    echo "ok go-service answers GET /healthz under $engine ($((SECONDS - t0)) s)"
    local pid
    pid=$(host_pid "$CTR")
    grep -q '^Uid:.*65534' "/proc/$pid/status" || failmsg "not nobody: $(grep Uid "/proc/$pid/status")"
    confined "$pid" 0000000000000000
    out=$(get 'http://127.0.0.1:8080/hello?name=polc')
    [[ $out == 'Hello from the image, polc!' ]] || failmsg "GET /hello gave '$out'"
    out=$(get -X PUT --data 'stored by the test' http://127.0.0.1:8080/items/k1)
    [[ $out == 'stored k1 (18 bytes)' ]] || failmsg "PUT /items/k1 gave '$out'"
    out=$(get http://127.0.0.1:8080/items/k1)
    [[ $out == 'stored by the test' ]] || failmsg "GET /items/k1 gave '$out'"
    # SIGHUP: the configuration is re-read (read-only here: the same greeting)
    eng kill --signal HUP "$CTR" >/dev/null
    for i in $(seq 50); do
        eng logs "$CTR" 2>&1 | grep -q 'reloaded /etc/go-service/config.json' && break
        sleep 0.1
    done
    eng logs "$CTR" 2>&1 | grep -q 'reloaded /etc/go-service/config.json: greeting "Hello from the image"' ||
        failmsg "SIGHUP was not logged as a reload"
    out=$(get 'http://127.0.0.1:8080/hello?name=again')
    [[ $out == 'Hello from the image, again!' ]] || failmsg "GET /hello after SIGHUP gave '$out'"
    eng stop -t 10 "$CTR" >/dev/null
    local rc
    rc=$(eng inspect -f '{{.State.ExitCode}}' "$CTR")
    [[ $rc == 0 ]] || failmsg "exit status $rc after SIGTERM"
    eng logs "$CTR" 2>&1 | grep -q 'terminated: shutting down' || failmsg "no graceful shutdown logged"
    eng logs "$CTR" 2>&1 | grep -E 'error|panic|SIGSYS' | while read -r l; do failmsg "log: $l"; done
    stop_server "$CTR" >/dev/null
    echo "ok go-service serves, reloads and stops cleanly under $engine ($((SECONDS - t0)) s)"
    # the probe in the service's place: goprobe (a Go program; sysprobe's
    # glibc start-up is not in the policy), in-process, in order, as nobody
    SYSPROBE=$POLC_EXAMPLE_BUILD/goprobe probe /usr/local/bin/go-service "${run[@]}" -- \
        "socket 2 1 0|ok FD" "socket 10 1 0|ok FD" "socket 1 1 0|err EACCES 13" \
        "socket 2 2 0|err EACCES 13" "socket 17 3 0|err EACCES 13" "clone 0x11 0 0 0 0|err EPERM 1" \
        "unshare 0x10000000|err EPERM 1" "connect 0 0 0|err EPERM 1" "memfd_create s:x 0|err ENOSYS 38" \
        "openat -100 s:/etc/go-service/config.json 0 0|ok FD" \
        "openat -100 s:/var/lib/go-service/probe 0x41 0644|ok FD" \
        "openat -100 s:/etc/polc-probe 0x41 0644|err EROFS 30"
    # (no execve probe: seccomp lets runc's execve through, and the exec
    # rule is AppArmor's, not loaded in this kernel: an exec would replace
    # the probe; polc run's Landlock refuses it, example_go-service_polc_run)
    # ptrace is killed: alone, as the kill ends the probe
    eng run --rm --network none "${run[@]}" -v "$POLC_EXAMPLE_BUILD/goprobe:/usr/local/bin/go-service:ro" "$IMG" \
        /usr/local/bin/go-service "ptrace 0 1 0 0" >"$W/ptrace.out" 2>&1
    rc=$?
    [[ $rc == 159 ]] || failmsg "ptrace: exit status $rc, not SIGSYS's 159: $(cat "$W/ptrace.out")"
}

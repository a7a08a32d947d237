# shellcheck shell=bash
# The Python worker under a container engine: sourced by ../engine_case.sh
# (its helpers: image, start_server, stop_server, host_pid, probe, eng,
# failmsg). The worker container runs under the example's policy with its
# own network namespace (loopback only); Redis, a plain container of the same
# image and not under the policy, joins that namespace (--network
# container:), so the worker reaches it on 127.0.0.1:6379 as under polc run.
# kube: the worker is polc's Pod, and Redis joins the Pod once it runs
# (peer_net: `podman run --pod`), so they share the Pod's network namespace;
# the Pod YAML stays as polc writes it but for the command and the mounts.
# The worker script and its configuration are read-only mounts of host
# directories (hostPath volumes in the Pod).

# pw_want ID TEXT [UPPER]: the result the worker must give for the job
pw_want() {
    local sha words
    sha=$(printf '%s' "$2" | sha256sum | cut -d' ' -f1)
    words=$(printf '%s' "$2" | wc -w)
    if [[ -n ${3:-} ]]; then
        jq -cn --argjson id "$1" --arg sha "$sha" --argjson w "$words" --arg t "${2^^}" \
            '{id: $id, sha256: $sha, text: $t, words: $w}'
    else
        jq -cn --argjson id "$1" --arg sha "$sha" --argjson w "$words" '{id: $id, sha256: $sha, words: $w}'
    fi
}

case_python-worker() {
    image python-worker python3 python3-redis redis-tools redis-server procps
    IMG=localhost/polc-python-worker:latest
    [[ $engine == docker ]] && IMG=polc-python-worker:latest
    [[ $engine == kube ]] && CTR=polc-python-worker-polc-python-worker || CTR=polc-python-worker
    local redis=polc-python-worker-redis i
    cli() { eng exec "$redis" /usr/bin/redis-cli "$@"; }
    wait_results() { # KEY N: until the list holds N results (10 s at most)
        local n
        for i in $(seq 50); do
            n=$(cli llen "$1" 2>/dev/null)
            [[ $n =~ ^[0-9]+$ ]] && ((n >= $2)) && return 0
            sleep 0.2
        done
        return 1
    }
    # the worker and its configuration, readable by nobody
    mkdir -p "$W/opt" "$W/etc" && chmod 0755 "$W/opt" "$W/etc" || return
    install -m 0644 "$examples/python-worker/worker.py" "$W/opt/" || return
    echo '{"results": "results", "uppercase": false}' >"$W/etc/config.json" && chmod 0644 "$W/etc/config.json"
    mounts=("$W/opt:/opt/python-worker" "$W/etc:/etc/python-worker")
    start_server polc-python-worker /usr/bin/python3 -I /opt/python-worker/worker.py ||
        { failmsg "the container did not start"; return; }
    for i in $(seq 50); do
        eng logs "$CTR" 2>&1 | grep -q 'redis unreachable' && break
        sleep 0.2
    done
    eng logs "$CTR" 2>&1 | grep -q 'redis unreachable' || {
        failmsg "the worker did not start and wait for Redis: $(eng logs "$CTR" 2>&1 | tail -5)"
        stop_server "$CTR"
        return
    }
    eng run -d --name "$redis" "$(peer_net "$CTR")" "$IMG" \
        /usr/bin/redis-server --save '' --port 6379 --bind 127.0.0.1 --daemonize no >/dev/null ||
        { failmsg "redis did not start"; stop_server "$CTR"; return; }
    local pid
    pid=$(host_pid "$CTR")
    grep -q '^Uid:.*65534' "/proc/$pid/status" || failmsg "not nobody: $(grep Uid "/proc/$pid/status")"
    confined "$pid" 0000000000000000

    cli rpush jobs '{"id": 1, "text": "hello world"}' '{"id": 2, "text": "the quick brown fox"}' >/dev/null
    if ! wait_results results 2; then
        failmsg "no results for jobs 1 and 2; its log: $(eng logs "$CTR" 2>&1 | tail -5)"
        stop_server "$CTR"
        eng rm -f "$redis" >/dev/null 2>&1
        return
    fi
    diff -u <(pw_want 1 'hello world'; pw_want 2 'the quick brown fox') \
        <(cli --raw lrange results 0 -1 | jq -c -S .) >"$W/results.diff" ||
        failmsg "results: $(cat "$W/results.diff")"
    echo "ok python-worker does jobs under $engine ($((SECONDS - t0)) s)"

    # SIGHUP: the new configuration sends results elsewhere, in upper case
    echo '{"results": "results2", "uppercase": true}' >"$W/etc/config.json"
    eng kill --signal HUP "$CTR" >/dev/null
    for i in $(seq 50); do
        eng logs "$CTR" 2>&1 | grep -q 'reloaded' && break
        sleep 0.1
    done
    eng logs "$CTR" 2>&1 | grep -q 'reloaded: config {"results": "results2", "uppercase": true}' ||
        failmsg "SIGHUP did not reload the configuration"
    cli rpush jobs '{"id": 3, "text": "after the reload"}' >/dev/null
    wait_results results2 1 || failmsg "no result for job 3 after SIGHUP"
    diff -u <(pw_want 3 'after the reload' upper) <(cli --raw lrange results2 0 -1 | jq -c -S .) >"$W/results.diff" ||
        failmsg "results after SIGHUP: $(cat "$W/results.diff")"

    eng stop -t 10 "$CTR" >/dev/null
    local rc
    rc=$(eng inspect -f '{{.State.ExitCode}}' "$CTR")
    [[ $rc == 0 ]] || failmsg "exit status $rc after SIGTERM"
    eng logs "$CTR" 2>&1 | grep -q 'stopping after 3 jobs' || failmsg "it did not stop after 3 jobs"
    eng logs "$CTR" 2>&1 | grep -v -e ' INFO python-worker: ' -e ' WARNING python-worker: redis unreachable (Error 111 ' |
        while read -r l; do failmsg "log: $l"; done
    stop_server "$CTR" >/dev/null
    eng rm -f "$redis" >/dev/null 2>&1
    echo "ok python-worker reloads and stops cleanly under $engine ($((SECONDS - t0)) s)"

    # the probe in python3's place: fork is denied, so sysprobe runs the
    # probes in its own process (and ptrace, which kills, runs alone below)
    probe /usr/bin/python3.11 "${run[@]}" -- \
        "socket 2 1 0|ok FD" "socket 2 2 0|err EACCES 13" "socket 10 1 0|err EACCES 13" \
        "socket 1 1 0|err EACCES 13" "socket 16 3 0|err EACCES 13" "socket 17 3 0|err EACCES 13" \
        "listen 0 1|err EPERM 1" "bind 0 0 0|err EPERM 1" "clone 0x11 0 0 0 0|err EPERM 1" "fork|err EPERM 1" \
        "clone3 0 0|err ENOSYS 38" "unshare 0x10000000|err EPERM 1" "ioctl 0 0x5412 0|err EPERM 1" \
        "mount s:none s:/tmp s:tmpfs 0 0|err EPERM 1" "memfd_create s:x 0|err ENOSYS 38" \
        "openat -100 s:/etc/polc-probe 0x41 0644|err EROFS 30"
    rc=0
    eng run --rm --network none "${run[@]}" -v "$SYSPROBE:/usr/bin/python3.11:ro" "$IMG" \
        /usr/bin/python3.11 ptrace 0 1 0 0 >/dev/null 2>&1 || rc=$?
    [[ $rc == 159 ]] || failmsg "probe: ptrace did not kill it (exit status $rc, not 159)"
}

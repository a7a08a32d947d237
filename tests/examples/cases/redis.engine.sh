# shellcheck shell=bash
# Redis under a container engine: sourced by ../engine_case.sh (its helpers:
# image, start_server, stop_server, peer_net, host_pid, probe, eng, failmsg).
case_redis() {
    KUBE_EMPTY_DIRS="/var/lib/redis /var/log/redis /run/redis"
    image redis-example redis-server redis-tools procps
    IMG=localhost/polc-redis-example:latest
    [[ $engine == docker ]] && IMG=polc-redis-example:latest
    [[ $engine == kube ]] && CTR=polc-redis-polc-redis || CTR=polc-redis
    start_server polc-redis /usr/bin/redis-server /etc/redis/redis.conf --daemonize no ||
        { failmsg "the container did not start"; return; }
    cli() { eng run --rm "$(peer_net "$CTR")" "$IMG" timeout 10 redis-cli -h 127.0.0.1 "$@" 2>/dev/null; }
    local i pong=
    for i in $(seq 100); do
        pong=$(cli ping)
        [[ $pong == PONG ]] && break
        [[ $(eng inspect -f '{{.State.Running}}' "$CTR") == true ]] || break
        sleep 0.2
    done
    if [[ $pong != PONG ]]; then
        failmsg "redis did not answer PING; its log: $(eng logs "$CTR" 2>&1 | tail -5)"
        stop_server "$CTR" >/dev/null 2>&1
        return
    fi
    echo "ok redis answers under $engine ($((SECONDS - t0)) s)"
    local got
    got=$(cli set greeting hello; cli get greeting; cli incr hits; cli incr hits; cli rpush jobs a b c;
          cli lrange jobs 0 -1; cli del greeting)
    [[ $got == "$(printf '%s\n' OK hello 1 2 3 a b c 1)" ]] || failmsg "replies: $got"
    cli bgsave >/dev/null
    for i in $(seq 50); do cli info persistence | grep -q '^rdb_bgsave_in_progress:0' && break; sleep 0.1; done
    cli info persistence | grep -q '^rdb_last_bgsave_status:ok' || failmsg "BGSAVE failed"
    local server
    server=$(host_pid "$CTR")
    confined "$server" 0000000000000000
    local uid
    uid=$(awk -F: '$1 == "redis" {print $3}' "$W/image-root/etc/passwd")
    [[ $(awk '/^Uid:/ {print $2}' "/proc/$server/status") == "$uid" ]] || failmsg "not running as the image's redis ($uid)"
    # SIGHUP: redis has no reload; it must survive it
    eng kill --signal HUP "$CTR" >/dev/null
    sleep 0.3
    [[ $(cli get hits) == 2 ]] || failmsg "no answer after SIGHUP"
    eng stop -t 10 "$CTR" >/dev/null
    local rc
    rc=$(eng inspect -f '{{.State.ExitCode}}' "$CTR")
    [[ $rc == 0 ]] || failmsg "exit status $rc after SIGTERM"
    stop_server "$CTR" >/dev/null
    echo "ok redis served, snapshotted, survived SIGHUP and stopped under $engine ($((SECONDS - t0)) s)"
    probe /usr/bin/redis-server "${run[@]}" -- \
        "socket 2 1 0|ok FD" "socket 1 1 0|err EPERM 1" "socket 16 3 0|err EPERM 1" "socket 17 3 0|err EPERM 1" \
        "unshare 0x10000000|err EPERM 1" "clone 0x10000000 0 0 0 0|err EPERM 1" "ioctl 0 0x5412 0|err EPERM 1" \
        "mount s:none s:/tmp s:tmpfs 0 0|err EPERM 1" "memfd_create s:x 0|err ENOSYS 38" "setuid 0|err EPERM 1" \
        "ptrace 0 1 0 0|killed SIGSYS" "openat -100 s:/etc/redis/probe 0x41 0644|err EROFS 30" \
        "openat -100 s:/var/lib/redis/probe 0x41 0644|ok FD"
}

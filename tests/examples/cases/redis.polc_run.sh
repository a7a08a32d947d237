# shellcheck shell=bash
# Redis under `polc run`: sourced by ../polc_run_case.sh; inside_redis runs
# in the test's own mount and network namespaces (variables: polc, sysprobe,
# examples, tmp). Failures are printed as lines starting with FAIL.
inside_redis() {
    command -v redis-server >/dev/null && command -v redis-cli >/dev/null ||
        { echo "FAIL redis: redis-server or redis-cli is missing (redis-server, redis-tools)"; return 1; }
    local d uid gid
    uid=$(id -u redis) && gid=$(id -g redis) || { echo "FAIL redis: no user redis on this host"; return 1; }
    mount -t tmpfs -o mode=0755 tmpfs /run && mkdir /run/redis || return 1
    for d in /var/lib/redis /var/log/redis /run/redis; do
        mount -t tmpfs -o "mode=0750,uid=$uid,gid=$gid" tmpfs "$d" || return 1
    done
    ip link set lo up
    local cli=(timeout 10 redis-cli -h 127.0.0.1)
    "$polc" run "$examples/redis.pol" -- redis-server /etc/redis/redis.conf --daemonize no 2>"$tmp/polc.err" &
    local pid=$! i
    for i in $(seq 100); do [ "$("${cli[@]}" ping 2>/dev/null)" = PONG ] && break; sleep 0.1; done
    if [ "$("${cli[@]}" ping 2>/dev/null)" != PONG ]; then
        echo "FAIL redis: did not answer PING"
        sed 's/^/FAIL redis: polc run: /' "$tmp/polc.err"
        tail -5 /var/log/redis/redis-server.log | sed 's/^/FAIL redis: log: /'
        kill -TERM "$pid" 2>/dev/null
        wait "$pid"
        return 0
    fi
    # real requests: strings, counters, lists; a snapshot from a forked child
    local got
    got=$("${cli[@]}" set greeting hello; "${cli[@]}" get greeting; "${cli[@]}" incr hits; "${cli[@]}" incr hits;
          "${cli[@]}" rpush jobs a b c; "${cli[@]}" lrange jobs 0 -1; "${cli[@]}" del greeting)
    [ "$got" = "$(printf '%s\n' OK hello 1 2 3 a b c 1)" ] || echo "FAIL redis: replies: $got"
    "${cli[@]}" bgsave >/dev/null
    for i in $(seq 50); do
        "${cli[@]}" info persistence | grep -q '^rdb_bgsave_in_progress:0' && break
        sleep 0.1
    done
    "${cli[@]}" info persistence | grep -q '^rdb_last_bgsave_status:ok' ||
        echo "FAIL redis: BGSAVE failed: $("${cli[@]}" info persistence | grep bgsave)"
    [ -s /var/lib/redis/dump.rdb ] || echo "FAIL redis: no dump.rdb after BGSAVE"
    local server
    server=$(cat /run/redis/redis-server.pid 2>/dev/null)
    [ -n "$server" ] || echo "FAIL redis: no pid file"
    # the server keeps no capability and runs as redis with no_new_privs
    if [ -n "$server" ]; then
        grep -q '^CapEff:.*0000000000000000$' "/proc/$server/status" || echo "FAIL redis: capabilities: $(grep CapEff "/proc/$server/status")"
        grep -q '^NoNewPrivs:.*1' "/proc/$server/status" || echo "FAIL redis: no_new_privs is not set"
        [ "$(awk '/^Uid:/ {print $2}' "/proc/$server/status")" = "$uid" ] || echo "FAIL redis: not running as redis"
        # SIGHUP: redis has no reload; it must survive it
        kill -HUP "$server"
        sleep 0.3
        [ "$("${cli[@]}" get hits)" = 2 ] || echo "FAIL redis: no answer after SIGHUP"
        kill -TERM "$server"
    fi
    wait "$pid"
    local rc=$?
    [ "$rc" = 0 ] || echo "FAIL redis: exit status $rc after SIGTERM"
    grep -q 'DB saved on disk' /var/log/redis/redis-server.log || echo "FAIL redis: no final snapshot on SIGTERM"
    # a denied call shows up in redis's log as a warning or an error (the
    # host's vm.overcommit_memory=0 warning is the host's)
    grep -iE 'warning|fail|error|denied|permission|can.t|unable' /var/log/redis/redis-server.log |
        grep -v 'WARNING Memory overcommit' | sed 's/^/FAIL redis: log: /'
    [ -e /run/redis/redis-server.pid ] && echo "FAIL redis: the pid file is left behind"
    [ -s "$tmp/polc.err" ] && sed 's/^/FAIL redis: polc run: /' "$tmp/polc.err"
    # the probe in redis's place, under the same policy (as redis)
    probe_in_place redis "$sysprobe" /usr/bin/redis-server "$examples/redis.pol" -m -- \
        "socket 2 1 0|ok FD" "socket 1 1 0|err EPERM 1" "socket 16 3 0|err EPERM 1" "socket 17 3 0|err EPERM 1" \
        "unshare 0x10000000|err EPERM 1" "clone 0x10000000 0 0 0 0|err EPERM 1" "ioctl 0 0x5412 0|err EPERM 1" \
        "mount s:none s:/tmp s:tmpfs 0 0|err EPERM 1" "memfd_create s:x 0|err ENOSYS 38" "setuid 0|err EPERM 1" \
        "ptrace 0 1 0 0|killed SIGSYS" "openat -100 s:/etc/redis/probe 0x41 0644|err EACCES 13" \
        "openat -100 s:/var/lib/redis/probe 0x41 0644|ok FD" "openat -100 s:/etc/shadow 0 0|err EACCES 13" \
        "execve s:/bin/sh 0 0|err EACCES 13"
    return 0
}

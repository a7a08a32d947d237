# shellcheck shell=bash
# PostgreSQL 15 under a container engine: sourced by ../engine_case.sh (its
# helpers: image, start_server, stop_server, host_pid, probe, eng, failmsg).
# The container's command is what an entrypoint does on an empty data
# directory: initdb, then exec the server, both under the policy.
case_postgres() {
    KUBE_EMPTY_DIRS="/var/lib/postgresql/data /run/postgresql /dev/shm"
    image postgres postgresql-15 procps
    IMG=localhost/polc-postgres:latest
    [[ $engine == docker ]] && IMG=polc-postgres:latest
    [[ $engine == kube ]] && CTR=polc-postgres-polc-postgres || CTR=polc-postgres
    local bin=/usr/lib/postgresql/15/bin data=/var/lib/postgresql/data/pgdata
    start_server polc-postgres /bin/sh -c \
        "$bin/initdb -D $data --auth=trust -U postgres >/dev/null && exec $bin/postgres -D $data -c listen_addresses=127.0.0.1" ||
        { failmsg "the container did not start"; return; }
    # psql in a second container in the server's network namespace
    sql() { eng run --rm "$(peer_net "$CTR")" "$IMG" "$bin/psql" -X -q -A -t -v ON_ERROR_STOP=1 \
        -h 127.0.0.1 -U postgres "$@"; }
    local i got=
    for i in $(seq 150); do
        got=$(sql -c 'SELECT 1' 2>/dev/null)
        [[ $got == 1 ]] && break
        [[ $(eng inspect -f '{{.State.Running}}' "$CTR") == true ]] || break
        sleep 0.2
    done
    if [[ $got != 1 ]]; then
        failmsg "postgres did not answer SELECT 1 ($(sql -c "SELECT 1" 2>&1 | tail -2)); its log: $(eng logs "$CTR" 2>&1 | tail -5)"
        stop_server "$CTR" >/dev/null 2>&1
        return
    fi
    got=$(sql -c 'CREATE TABLE t (id int PRIMARY KEY, v text)' \
        -c "INSERT INTO t SELECT g, 'row ' || g FROM generate_series(1, 1000) g" \
        -c 'BEGIN' -c "UPDATE t SET v = 'x' WHERE id <= 10" -c 'SAVEPOINT s' -c 'DELETE FROM t' \
        -c 'ROLLBACK TO s' -c 'COMMIT' -c 'CHECKPOINT' \
        -c "SELECT count(*), sum(id), count(*) FILTER (WHERE v = 'x') FROM t" 2>&1)
    [[ $got == "1000|500500|10" ]] || failmsg "SQL over TCP gave: $got"
    # initdb chose POSIX shared memory: /dev/shm was writable. Not under kube
    # play: podman 4.3 gives an emptyDir on a directory the image has (the
    # root file system's /dev/shm) that directory's owner root and mode 0755,
    # so initdb falls back to System V segments (a cluster's emptyDir is 0777)
    local dsm=posix
    [[ $engine == kube ]] && dsm=sysv
    got=$(sql -c 'SHOW dynamic_shared_memory_type' 2>&1)
    [[ $got == "$dsm" ]] || failmsg "dynamic_shared_memory_type is $got, not $dsm"
    echo "ok postgres answers SQL under $engine ($((SECONDS - t0)) s)"
    local master uid
    master=$(host_pid "$CTR")
    uid=$(awk -F: '$1 == "postgres" { print $3 }' "$W/image-root/etc/passwd")
    grep -q "^Uid:[[:space:]]*$uid[[:space:]]" "/proc/$master/status" ||
        failmsg "the postmaster is not the image's postgres ($uid): $(grep Uid "/proc/$master/status")"
    confined "$master" 0000000000000000
    # SIGHUP: a setting changed in postgresql.auto.conf takes effect
    got=$(sql -c "ALTER SYSTEM SET work_mem = '8MB'" -c 'SHOW work_mem' 2>&1)
    [[ $got == 4MB ]] || failmsg "work_mem before the reload is $got"
    eng kill --signal HUP "$CTR" >/dev/null
    for i in $(seq 50); do
        got=$(sql -c 'SHOW work_mem' 2>&1)
        [[ $got == 8MB ]] && break
        sleep 0.1
    done
    [[ $got == 8MB ]] || failmsg "work_mem after SIGHUP is $got"
    eng stop -t 20 "$CTR" >/dev/null
    local rc
    rc=$(eng inspect -f '{{.State.ExitCode}}' "$CTR")
    [[ $rc == 0 ]] || failmsg "exit status $rc after SIGTERM"
    eng logs "$CTR" >"$W/server.log" 2>&1
    grep -q 'received SIGHUP, reloading configuration files' "$W/server.log" || failmsg "no reload in the log"
    grep -q 'database system is shut down' "$W/server.log" || failmsg "no clean shutdown in the log"
    grep -Ev '^[0-9-]+ [0-9:.]+ UTC \[[0-9]+\] LOG: ' "$W/server.log" | sed 's/^/log: /' |
        while read -r l; do failmsg "$l"; done
    stop_server "$CTR" >/dev/null
    echo "ok postgres reloads and stops cleanly under $engine ($((SECONDS - t0)) s)"
    probe "$bin/postgres" "${run[@]}" -- \
        "socket 2 1 0|ok FD" "socket 1 1 0|ok FD" "socket 2 2 0|err EACCES 13" \
        "socket 17 3 0|err EPERM 1" "socket 16 3 0|err EPERM 1" "unshare 0x10000000|err EPERM 1" \
        "clone 0x10000000 0 0 0 0|err EPERM 1" "clone3 0 0|err ENOSYS 38" "ioctl 0 0x5412 0|err EPERM 1" \
        "shmat 0 0 0x8000|err EACCES 13" "mount s:none s:/tmp s:tmpfs 0 0|err EPERM 1" \
        "setuid 0|err EPERM 1" "memfd_create s:x 0|err ENOSYS 38" "ptrace 0 1 0 0|killed SIGSYS" \
        "openat -100 s:/etc/polc-probe 0x41 0644|err EROFS 30" \
        "openat -100 s:/var/lib/postgresql/data/probe 0x41 0644|ok FD" \
        "openat -100 s:/dev/shm/probe 0x41 0644|ok FD" "openat -100 s:/run/postgresql/probe 0x41 0644|ok FD"
}

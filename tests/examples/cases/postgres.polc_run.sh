# shellcheck shell=bash
# PostgreSQL 15 under `polc run`: sourced by ../polc_run_case.sh;
# inside_postgres runs in the test's own mount and network namespaces
# (variables: polc, sysprobe, examples, tmp). Failures are printed as lines
# starting with FAIL. initdb and the server both run under the policy, as a
# container's entrypoint runs them on its empty data directory.
# Runs inside the namespaces: initdb, the server's life, then the probe.
inside_postgres() {
    local pg_bin=/usr/lib/postgresql/15/bin pg_data=/var/lib/postgresql/data/pgdata
    # psql as the postgres role (-h 127.0.0.1: TCP on loopback, -h
    # /run/postgresql: the Unix socket); no ~/.psqlrc, stop at the first
    # error, bare output
    pg_sql() { "$pg_bin/psql" -X -q -A -t -v ON_ERROR_STOP=1 -U postgres "$@"; }
    [ -x "$pg_bin/postgres" ] || { echo "FAIL postgres: $pg_bin/postgres is missing (postgresql-15)"; return 1; }
    # the server and initdb run as postgres, which may not enter the build
    # tree (a clone in a 0700 mktemp directory): postgres logs its failed
    # chdir back to the working directory
    cd / || return 1
    local uid
    uid=$(id -u postgres) || { echo "FAIL postgres: no postgres user (postgresql-15 adds it)"; return 1; }
    local d
    # the write paths root's, world-writable, as a cluster's emptyDir (the
    # engines' tmpfs would be postgres's); a tmpfs on /var/lib/postgresql
    # first: the host's has no data/
    mount -t tmpfs -o mode=0755 tmpfs /var/lib/postgresql && mkdir /var/lib/postgresql/data || return 1
    for d in /var/lib/postgresql/data /run/postgresql /dev/shm; do mount -t tmpfs -o mode=1777 tmpfs "$d" || return 1; done
    ip link set lo up
    "$polc" run "$examples/postgres.pol" -- "$pg_bin/initdb" -D "$pg_data" --auth=trust -U postgres \
        >"$tmp/initdb.out" 2>&1 || { sed 's/^/FAIL postgres: initdb: /' "$tmp/initdb.out"; return 0; }
    "$polc" run "$examples/postgres.pol" -- "$pg_bin/postgres" -D "$pg_data" -c listen_addresses=127.0.0.1 \
        2>"$tmp/server.log" &
    local pid=$! i
    for i in $(seq 100); do "$pg_bin/pg_isready" -q -h 127.0.0.1 -U postgres && break; sleep 0.1; done
    if ! pg_sql -h 127.0.0.1 -c 'CREATE TABLE t (id int PRIMARY KEY, v text)' \
        -c "INSERT INTO t SELECT g, 'row ' || g FROM generate_series(1, 1000) g" >"$tmp/sql.out" 2>&1; then
        echo "FAIL postgres: CREATE TABLE/INSERT over TCP failed: $(cat "$tmp/sql.out")"
        sed 's/^/FAIL postgres: server log: /' "$tmp/server.log"
        kill -TERM "$pid" 2>/dev/null
        wait "$pid"
        return 0
    fi
    local got
    got=$(pg_sql -h 127.0.0.1 -c 'SELECT count(*), sum(id) FROM t' 2>&1)
    [ "$got" = "1000|500500" ] || echo "FAIL postgres: SELECT over TCP gave $got"
    # initdb picks POSIX shared memory only where /dev/shm is writable (else
    # System V): the policy's /dev/shm write path is what makes it posix
    got=$(pg_sql -h 127.0.0.1 -c 'SHOW dynamic_shared_memory_type' 2>&1)
    [ "$got" = posix ] || echo "FAIL postgres: dynamic_shared_memory_type is $got"
    # a transaction with a savepoint rolled back, an index, a sort that
    # spills to a temporary file, a checkpoint; over the Unix socket
    got=$(pg_sql -h /run/postgresql 2>&1 <<'SQL'
BEGIN;
UPDATE t SET v = 'x' WHERE id <= 10;
SAVEPOINT s;
DELETE FROM t;
ROLLBACK TO s;
COMMIT;
CREATE INDEX ON t (v);
SET work_mem = '64kB';
SELECT count(DISTINCT v) FROM (SELECT v || g AS v FROM t, generate_series(1, 50) g) s;
CHECKPOINT;
SELECT count(*) FROM t WHERE v = 'x';
SQL
)
    got=$(grep -v '^$' <<<"$got")  # CHECKPOINT's empty result
    [ "$got" = "$(printf '%s\n' 46346 10)" ] || echo "FAIL postgres: the transaction over the Unix socket gave: $got"
    # the postmaster: postgres's uid, no capability, no_new_privs
    local master
    master=$(head -1 "$pg_data/postmaster.pid")
    grep -q "^Uid:[[:space:]]*$uid[[:space:]]" "/proc/$master/status" || echo "FAIL postgres: the postmaster is not postgres ($uid)"
    grep -q "^Groups:[[:space:]]*$" "/proc/$master/status" || echo "FAIL postgres: supplementary groups: $(grep Groups "/proc/$master/status")"
    grep -q "^CapEff:.*0000000000000000$" "/proc/$master/status" ||
        echo "FAIL postgres: postmaster's capabilities: $(grep CapEff "/proc/$master/status")"
    grep -q '^NoNewPrivs:.*1' "/proc/$master/status" || echo "FAIL postgres: no_new_privs is not set"
    # SIGHUP: a setting changed in postgresql.auto.conf takes effect
    got=$(pg_sql -h 127.0.0.1 -c "ALTER SYSTEM SET work_mem = '8MB'" -c 'SHOW work_mem' 2>&1)
    [ "$got" = 4MB ] || echo "FAIL postgres: work_mem before the reload is $got"
    kill -HUP "$master"
    for i in $(seq 50); do
        got=$(pg_sql -h 127.0.0.1 -c 'SHOW work_mem' 2>&1)
        [ "$got" = 8MB ] && break
        sleep 0.1
    done
    [ "$got" = 8MB ] || echo "FAIL postgres: work_mem after SIGHUP is $got"
    grep -q 'received SIGHUP, reloading configuration files' "$tmp/server.log" ||
        echo "FAIL postgres: no reload in the log"
    kill -TERM "$master"
    wait "$pid"
    local rc=$?
    [ "$rc" = 0 ] || echo "FAIL postgres: exit status $rc after SIGTERM"
    grep -q 'database system is shut down' "$tmp/server.log" || echo "FAIL postgres: no clean shutdown in the log"
    grep -Ev '^[0-9-]+ [0-9:.]+ UTC \[[0-9]+\] LOG: ' "$tmp/server.log" | sed 's/^/FAIL postgres: server log: /'
    [ -e "$pg_data/postmaster.pid" ] && echo "FAIL postgres: postmaster.pid is left behind"
    # the probe in the server's place, under the same policy (as postgres)
    probe_in_place postgres "$sysprobe" "$pg_bin/postgres" "$examples/postgres.pol" -m -- \
        "socket 2 1 0|ok FD" "socket 10 1 0|ok FD" "socket 2 2 0|err EACCES 13" "socket 16 3 0|err EPERM 1" \
        "socket 17 3 0|err EPERM 1" "unshare 0x10000000|err EPERM 1" "clone 0x10000000 0 0 0 0|err EPERM 1" \
        "clone3 0 0|err ENOSYS 38" "ioctl 0 0x5412 0|err EPERM 1" "shmat 0 0 0x8000|err EACCES 13" \
        "mount s:none s:/tmp s:tmpfs 0 0|err EPERM 1" "setuid 0|err EPERM 1" "memfd_create s:x 0|err ENOSYS 38" \
        "ptrace 0 1 0 0|killed SIGSYS" "openat -100 s:/etc/polc-probe 0x41 0644|err EACCES 13" \
        "openat -100 s:/etc/hostname 0 0|err EACCES 13" \
        "openat -100 s:/var/lib/postgresql/data/probe 0x41 0644|ok FD" \
        "openat -100 s:/dev/shm/probe 0x41 0644|ok FD" "openat -100 s:/run/postgresql/probe 0x41 0644|ok FD" \
        "execve s:/usr/bin/true 0 0|err EACCES 13"
    return 0
}

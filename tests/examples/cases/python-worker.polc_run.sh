# shellcheck shell=bash
# The Python worker under `polc run`: sourced by ../polc_run_case.sh;
# inside_python-worker runs in the test's own mount and network namespaces
# (variables: polc, sysprobe, examples, tmp). Failures are printed as lines
# starting with FAIL. Redis runs unconfined beside it (it is not the example).

# Runs inside the namespaces: the worker's life, the interpreter's limits, the probe.
inside_python-worker() {
    # helpers (defined here: only inside_python-worker reaches the namespaces)
    # pw_results KEY: the results list, one JSON object a line
    pw_results() { redis-cli --raw lrange "$1" 0 -1; }

    # pw_wait_results KEY N: until the list holds N results (5 s at most)
    pw_wait_results() {
        local i
        for i in $(seq 50); do
            [ "$(redis-cli llen "$1")" -ge "$2" ] && return 0
            sleep 0.1
        done
        return 1
    }

    # pw_want ID TEXT [UPPER]: the result the worker must give for the job
    pw_want() {
        local sha words
        sha=$(printf '%s' "$2" | sha256sum | cut -d' ' -f1)
        words=$(printf '%s' "$2" | wc -w)
        if [ -n "${3:-}" ]; then
            jq -cn --argjson id "$1" --arg sha "$sha" --argjson w "$words" --arg t "${2^^}" \
                '{id: $id, sha256: $sha, text: $t, words: $w}'
        else
            jq -cn --argjson id "$1" --arg sha "$sha" --argjson w "$words" '{id: $id, sha256: $sha, words: $w}'
        fi
    }

    local t
    for t in redis-server redis-cli jq sha256sum /usr/bin/python3.11; do
        command -v "$t" >/dev/null || { echo "FAIL python-worker: $t is missing (.ci/packages.txt)"; return 1; }
    done
    /usr/bin/python3 -c 'import redis' 2>/dev/null ||
        { echo "FAIL python-worker: Debian's python3-redis is missing"; return 1; }
    # The policy's read paths must exist: the worker in /opt (a tmpfs here)
    # and its configuration in /etc (an overlay here: the host's /etc stays
    # untouched).
    mkdir -p "$tmp/etc-upper" "$tmp/etc-work" || return 1
    mount -t overlay overlay -o "lowerdir=/etc,upperdir=$tmp/etc-upper,workdir=$tmp/etc-work" /etc || return 1
    mkdir -p /etc/python-worker && echo '{"results": "results", "uppercase": false}' >/etc/python-worker/config.json
    mount -t tmpfs -o mode=0755 tmpfs /opt || return 1
    mkdir /opt/python-worker && install -m 0644 "$examples/python-worker/worker.py" /opt/python-worker/ || return 1
    ip link set lo up
    # the worker first: it waits for Redis, trying again every second
    "$polc" run "$examples/python-worker/run.pol" -- /usr/bin/python3 -I /opt/python-worker/worker.py \
        2>"$tmp/worker.log" &
    local pid=$! worker='' i
    for i in $(seq 50); do
        worker=$(pgrep -P "$pid" -x python3) && grep -q 'redis unreachable' "$tmp/worker.log" && break
        sleep 0.1
    done
    if ! grep -q 'redis unreachable' "$tmp/worker.log"; then
        echo "FAIL python-worker: it did not start and wait for Redis"
        sed 's/^/FAIL python-worker: log: /' "$tmp/worker.log"
        kill -TERM "$pid" 2>/dev/null
        wait "$pid"
        return 0
    fi
    redis-server --save '' --port 6379 --bind 127.0.0.1 --daemonize no >"$tmp/redis.log" 2>&1 &
    local redis=$!
    for i in $(seq 50); do redis-cli ping 2>/dev/null | grep -q PONG && break; sleep 0.1; done
    redis-cli ping 2>/dev/null | grep -q PONG || echo "FAIL python-worker: redis-server did not start"
    grep -q '^Uid:.*65534' "/proc/$worker/status" || echo "FAIL python-worker: not nobody: $(grep Uid "/proc/$worker/status")"
    grep -q '^CapEff:.*0000000000000000$' "/proc/$worker/status" ||
        echo "FAIL python-worker: capabilities: $(grep CapEff "/proc/$worker/status")"
    grep -q '^NoNewPrivs:.*1' "/proc/$worker/status" || echo "FAIL python-worker: no_new_privs is not set"
    grep -q '^Seccomp:.*2' "/proc/$worker/status" || echo "FAIL python-worker: no seccomp filter"

    # two jobs, their results checked against sha256sum and wc -w
    redis-cli rpush jobs '{"id": 1, "text": "hello world"}' '{"id": 2, "text": "the quick brown fox"}' >/dev/null
    pw_wait_results results 2 || echo "FAIL python-worker: no results for jobs 1 and 2"
    diff -u <(pw_want 1 'hello world'; pw_want 2 'the quick brown fox') <(pw_results results | jq -c -S .) |
        sed 's/^/FAIL python-worker: results: /'

    # SIGHUP (through polc run, which forwards it): the new configuration
    # sends results elsewhere, in upper case
    echo '{"results": "results2", "uppercase": true}' >/etc/python-worker/config.json
    kill -HUP "$pid"
    for i in $(seq 50); do grep -q 'reloaded' "$tmp/worker.log" && break; sleep 0.1; done
    grep -q 'reloaded: config {"results": "results2", "uppercase": true}' "$tmp/worker.log" ||
        echo "FAIL python-worker: SIGHUP did not reload the configuration"
    redis-cli rpush jobs '{"id": 3, "text": "after the reload"}' >/dev/null
    pw_wait_results results2 1 || echo "FAIL python-worker: no result for job 3 after SIGHUP"
    diff -u <(pw_want 3 'after the reload' upper) <(pw_results results2 | jq -c -S .) |
        sed 's/^/FAIL python-worker: results after SIGHUP: /'

    # SIGTERM: it stops with status 0, having done three jobs
    kill -TERM "$pid"
    wait "$pid"
    local rc=$?
    [ "$rc" = 0 ] || echo "FAIL python-worker: exit status $rc after SIGTERM"
    grep -q 'stopping after 3 jobs' "$tmp/worker.log" || echo "FAIL python-worker: it did not stop after 3 jobs"
    grep -v -e ' INFO python-worker: ' -e ' WARNING python-worker: redis unreachable (Error 111 ' "$tmp/worker.log" |
        sed 's/^/FAIL python-worker: log: /'

    # The interpreter itself under the policy: Redis's port connects, any
    # other is refused by Landlock; no fork, no other program, no listening
    # socket, no file outside the read paths.
    "$polc" run "$examples/python-worker/run.pol" -- /usr/bin/python3 -I -c '
import os, socket
def attempt(name, f):
    try:
        f()
        print(name, "ok")
    except OSError as e:
        print(name, e.errno)
def connect(port):
    with socket.socket() as s:
        s.connect(("127.0.0.1", port))
def listen():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
attempt("connect 6379", lambda: connect(6379))
attempt("connect 6380", lambda: connect(6380))
attempt("bind", listen)
attempt("fork", os.fork)
attempt("exec sh", lambda: os.execv("/bin/sh", ["sh", "-c", "exit 0"]))
attempt("read debian_version", lambda: open("/etc/debian_version").close())
attempt("read config", lambda: open("/etc/python-worker/config.json").close())
attempt("write /tmp", lambda: open("/tmp/polc-probe", "w").close())
' >"$tmp/interp.out" 2>&1
    printf '%s\n' "connect 6379 ok" "connect 6380 13" "bind 1" "fork 1" "exec sh 13" \
        "read debian_version 13" "read config ok" "write /tmp 13" >"$tmp/interp.want"
    diff -u "$tmp/interp.want" "$tmp/interp.out" | sed 's/^/FAIL python-worker: interpreter: /'
    kill "$redis"
    wait "$redis"

    # the probe in python3's place, under the same policy (fork is denied,
    # so sysprobe runs the probes in its own process, and ptrace, killed,
    # comes last: the exit status is 128+SIGSYS)
    probe_in_place python-worker "$sysprobe" /usr/bin/python3.11 "$examples/python-worker/run.pol" -m -- \
        "socket 2 1 0|ok FD" "socket 2 2 0|err EACCES 13" "socket 10 1 0|err EACCES 13" \
        "socket 1 1 0|err EACCES 13" "socket 16 3 0|err EACCES 13" "socket 17 3 0|err EACCES 13" \
        "listen 0 1|err EPERM 1" "bind 0 0 0|err EPERM 1" "clone 0x11 0 0 0 0|err EPERM 1" "fork|err EPERM 1" \
        "clone3 0 0|err ENOSYS 38" "unshare 0x10000000|err EPERM 1" "ioctl 0 0x5412 0|err EPERM 1" \
        "mount s:none s:/tmp s:tmpfs 0 0|err EPERM 1" "memfd_create s:x 0|err ENOSYS 38" \
        "openat -100 s:/etc/polc-probe 0x41 0644|err EACCES 13" \
        "openat -100 s:/etc/debian_version 0 0|err EACCES 13" \
        "openat -100 s:/etc/python-worker/config.json 0 0|ok FD" "execve s:/bin/sh 0 0|err EACCES 13" \
        "ptrace 0 1 0 0|"
    [ "$PROBE_RC" = 159 ] || echo "FAIL python-worker: probe: ptrace did not kill it (exit status $PROBE_RC, not 159)"
    return 0
}

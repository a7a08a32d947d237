# shellcheck shell=bash
# nginx under `polc run`: sourced by ../polc_run_case.sh; inside_nginx runs
# in the test's own mount and network namespaces (variables: polc, sysprobe,
# examples, tmp). Failures are printed as lines starting with FAIL.
# Runs inside the namespaces: the program's life, then the probe.
inside_nginx() {
    command -v nginx >/dev/null || { echo "FAIL nginx: /usr/sbin/nginx is missing (nginx-light)"; return 1; }
    local d
    for d in /var/lib/nginx /var/log/nginx /run; do mount -t tmpfs -o mode=0755 tmpfs "$d" || return 1; done
    ip link set lo up
    "$polc" run "$examples/nginx.pol" -- nginx -g 'daemon off;' 2>"$tmp/polc.err" &
    local pid=$! i code
    for i in $(seq 100); do curl -s -o /dev/null http://127.0.0.1/ && break; sleep 0.1; done
    code=$(curl -s -o "$tmp/page" -w '%{http_code}' http://127.0.0.1/)
    if [ "$code" != 200 ] || ! grep -q 'Welcome to nginx' "$tmp/page"; then
        echo "FAIL nginx: did not serve GET / ($code)"
        sed 's/^/FAIL nginx: polc run: /' "$tmp/polc.err"
        kill -TERM "$pid" 2>/dev/null
        wait "$pid"
        return 0
    fi
    # workers run as www-data, the master keeps exactly the policy's capabilities
    local master
    master=$(cat /run/nginx.pid)
    grep -q "^CapEff:.*00000000000004c1$" "/proc/$master/status" ||
        echo "FAIL nginx: master's capabilities: $(grep CapEff "/proc/$master/status")"
    grep -q '^NoNewPrivs:.*1' "/proc/$master/status" || echo "FAIL nginx: no_new_privs is not set"
    [ "$(ps -o user= --ppid "$master" | sort -u)" = www-data ] || echo "FAIL nginx: workers are not www-data"
    # SIGHUP: new workers replace the old ones
    local before after
    before=$(pgrep -P "$master" | sort)
    kill -HUP "$master"
    for i in $(seq 50); do
        after=$(pgrep -P "$master" | sort)
        [ -n "$after" ] && ! grep -qxF -f <(printf '%s\n' "$before") <<<"$after" && break
        sleep 0.1
    done
    [ -n "$after" ] && ! grep -qxF -f <(printf '%s\n' "$before") <<<"$after" ||
        echo "FAIL nginx: SIGHUP did not replace the workers ($before -> $after)"
    code=$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1/)
    [ "$code" = 200 ] || echo "FAIL nginx: GET / after SIGHUP gave $code"
    kill -TERM "$master"
    wait "$pid"
    local rc=$?
    [ "$rc" = 0 ] || echo "FAIL nginx: exit status $rc after SIGTERM"
    grep -E '\[(emerg|alert|crit|error)\]' /var/log/nginx/error.log | sed 's/^/FAIL nginx: error.log: /'
    [ -e /run/nginx.pid ] && echo "FAIL nginx: the pid file is left behind"
    [ -s "$tmp/polc.err" ] && sed 's/^/FAIL nginx: polc run: /' "$tmp/polc.err"
    # the probe in nginx's place, under the same policy
    probe_in_place nginx "$sysprobe" /usr/sbin/nginx "$examples/nginx.pol" -m -- \
        "socket 2 1 0|ok FD" "socket 17 3 0|err EPERM 1" "socket 16 3 0|err EPERM 1" \
        "unshare 0x10000000|err EPERM 1" "clone 0x10000000 0 0 0 0|err EPERM 1" "ioctl 0 0x5412 0|err EPERM 1" \
        "mount s:none s:/tmp s:tmpfs 0 0|err EPERM 1" "memfd_create s:x 0|err ENOSYS 38" \
        "ptrace 0 1 0 0|killed SIGSYS" "openat -100 s:/etc/polc-probe 0x41 0644|err EACCES 13" \
        "openat -100 s:/var/log/nginx/probe 0x41 0644|ok FD" "execve s:/bin/sh 0 0|err EACCES 13"
    return 0
}

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
    mount --bind "$sysprobe" /usr/sbin/nginx || return 1
    "$polc" run "$examples/nginx.pol" -- /usr/sbin/nginx -m \
        "socket 2 1 0" "socket 17 3 0" "socket 16 3 0" "unshare 0x10000000" \
        "clone 0x10000000 0 0 0 0" "ioctl 0 0x5412 0" "mount s:none s:/tmp s:tmpfs 0 0" \
        "memfd_create s:x 0" "ptrace 0 1 0 0" "openat -100 s:/etc/polc-probe 0x41 0644" \
        "openat -100 s:/var/log/nginx/probe 0x41 0644" "execve s:/bin/sh 0 0" 2>&1 | sed 's/^ok [0-9]*$/ok FD/' >"$tmp/probe.out"
    umount /usr/sbin/nginx
    printf '%s\n' "ok FD" "err EPERM 1" "err EPERM 1" "err EPERM 1" "err EPERM 1" "err EPERM 1" \
        "err EPERM 1" "err ENOSYS 38" "killed SIGSYS" "err EACCES 13" "ok FD" "err EACCES 13" >"$tmp/probe.want"
    diff -u "$tmp/probe.want" "$tmp/probe.out" | sed 's/^/FAIL nginx: probe: /'
    return 0
}

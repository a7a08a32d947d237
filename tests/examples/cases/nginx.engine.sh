# shellcheck shell=bash
# nginx under a container engine: sourced by ../engine_case.sh (its helpers:
# image, start_server, stop_server, host_pid, probe, eng, failmsg).
case_nginx() {
    KUBE_EMPTY_DIRS="/var/lib/nginx /var/log/nginx /run"
    image nginx nginx-light curl procps
    IMG=localhost/polc-nginx:latest
    [[ $engine == docker ]] && IMG=polc-nginx:latest
    [[ $engine == kube ]] && CTR=polc-nginx-polc-nginx || CTR=polc-nginx
    start_server polc-nginx /usr/sbin/nginx -g 'daemon off;' || { failmsg "the container did not start"; return; }
    local i code=000
    for i in $(seq 100); do
        code=$(eng run --rm "$(peer_net "$CTR")" "$IMG" curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1/ 2>/dev/null)
        [[ $code == 200 ]] && break
        [[ $(eng inspect -f '{{.State.Running}}' "$CTR") == true ]] || break
        sleep 0.2
    done
    if [[ $code != 200 ]]; then
        failmsg "nginx did not serve GET / ($code); its log: $(eng logs "$CTR" 2>&1 | tail -5)"
        stop_server "$CTR" >/dev/null 2>&1
        return
    fi
    echo "ok nginx serves GET / under $engine ($((SECONDS - t0)) s)"
    local master
    master=$(host_pid "$CTR")
    confined "$master" 00000000000004c1
    [[ $(ps -o user= --ppid "$master" | sort -u) == www-data || $(ps -o uid= --ppid "$master" | sort -u | tr -d ' ') == 33 ]] ||
        failmsg "workers are not www-data: $(ps -o user= --ppid "$master")"
    local before after
    before=$(pgrep -P "$master" | sort)
    eng kill --signal HUP "$CTR" >/dev/null
    for i in $(seq 50); do
        after=$(pgrep -P "$master" | sort)
        [[ -n $after ]] && ! grep -qxF -f <(printf '%s\n' "$before") <<<"$after" && break
        sleep 0.1
    done
    [[ -n $after ]] && ! grep -qxF -f <(printf '%s\n' "$before") <<<"$after" ||
        failmsg "SIGHUP did not replace the workers"
    code=$(eng run --rm "$(peer_net "$CTR")" "$IMG" curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1/)
    [[ $code == 200 ]] || failmsg "GET / after SIGHUP gave $code"
    eng stop -t 10 "$CTR" >/dev/null
    local rc
    rc=$(eng inspect -f '{{.State.ExitCode}}' "$CTR")
    [[ $rc == 0 ]] || failmsg "exit status $rc after SIGTERM"
    eng logs "$CTR" 2>&1 | grep -E '\[(emerg|alert|crit|error)\]' | sed 's/^/error log: /' | while read -r l; do failmsg "$l"; done
    stop_server "$CTR" >/dev/null
    echo "ok nginx reloads and stops cleanly under $engine ($((SECONDS - t0)) s)"
    probe /usr/sbin/nginx "${run[@]}" -- \
        "socket 2 1 0|ok FD" "socket 17 3 0|err EPERM 1" "socket 16 3 0|err EPERM 1" \
        "socket 1 2 0|err EACCES 13" "unshare 0x10000000|err EPERM 1" \
        "clone 0x10000000 0 0 0 0|err EPERM 1" "ioctl 0 0x5412 0|err EPERM 1" \
        "mount s:none s:/tmp s:tmpfs 0 0|err EPERM 1" "memfd_create s:x 0|err ENOSYS 38" \
        "ptrace 0 1 0 0|killed SIGSYS" "openat -100 s:/etc/polc-probe 0x41 0644|err EROFS 30" \
        "openat -100 s:/var/log/nginx/probe 0x41 0644|ok FD"
}

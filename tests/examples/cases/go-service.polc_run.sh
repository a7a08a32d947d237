# shellcheck shell=bash
# go-service under `polc run`: sourced by ../polc_run_case.sh; inside_go-service
# runs in the test's own mount and network namespaces (variables: polc,
# sysprobe, examples, tmp; POLC_EXAMPLE_BUILD from ctest: the static binary
# built from examples/go-service). Failures are printed as lines starting
# with FAIL. The policy is go-service/polc-run.pol: the example plus its
# port (TCP bind 8080 only, Landlock).
inside_go-service() {
    # helpers defined here: only inside_go-service is exported into the namespaces
    go_service_overlay() { # DIR: DIR writable in this mount namespace only (an overlay on a tmpfs)
        local n
        n=$(printf '%s' "$1" | tr / _)
        mkdir -p "$tmp/ov/$n/up" "$tmp/ov/$n/work"
        mount -t overlay overlay -o "lowerdir=$1,upperdir=$tmp/ov/$n/up,workdir=$tmp/ov/$n/work" "$1"
    }
    go_service_get() { curl -s --max-time 5 "$@"; }
    local bin=${POLC_EXAMPLE_BUILD:-}/go-service
    [ -x "$bin" ] || { echo "FAIL go-service: $bin is missing (go build: golang-go)"; return 1; }
    local policy=$examples/go-service/polc-run.pol
    # the paths of the policy, as an image has them: the binary in
    # /usr/local/bin, the configuration in /etc/go-service, an empty tmpfs
    # for the items (as --tmpfs gives a container)
    mkdir -p "$tmp/ov" && mount -t tmpfs tmpfs "$tmp/ov" || return 1
    go_service_overlay /etc && go_service_overlay /usr/local/bin && go_service_overlay /var/lib || return 1
    mkdir -p /etc/go-service /var/lib/go-service
    printf '{"greeting": "Hello"}\n' >/etc/go-service/config.json
    cp "$bin" /usr/local/bin/go-service
    mount -t tmpfs -o mode=1777 tmpfs /var/lib/go-service || return 1
    ip link set lo up
    "$polc" run "$policy" -- /usr/local/bin/go-service 2>"$tmp/service.log" &
    local pid=$! i out
    for i in $(seq 100); do go_service_get -o /dev/null http://127.0.0.1:8080/healthz && break; sleep 0.1; done
    out=$(go_service_get http://127.0.0.1:8080/healthz)
    if [ "$out" != ok ]; then
        echo "FAIL go-service: did not answer GET /healthz ($out)"
        sed 's/^/FAIL go-service: log: /' "$tmp/service.log"
        kill -TERM "$pid" 2>/dev/null
        wait "$pid"
        return 0
    fi
    # the service is the policy's user, without capabilities, NoNewPrivs set
    local svc
    svc=$(pgrep -P "$pid" -x go-service || echo "$pid")
    grep -q '^Uid:.*65534' "/proc/$svc/status" || echo "FAIL go-service: not nobody: $(grep Uid "/proc/$svc/status")"
    grep -q '^CapEff:.*0000000000000000$' "/proc/$svc/status" ||
        echo "FAIL go-service: capabilities: $(grep CapEff "/proc/$svc/status")"
    grep -q '^NoNewPrivs:.*1' "/proc/$svc/status" || echo "FAIL go-service: no_new_privs is not set"
    out=$(go_service_get 'http://127.0.0.1:8080/hello?name=polc')
    [ "$out" = 'Hello, polc!' ] || echo "FAIL go-service: GET /hello gave '$out'"
    out=$(go_service_get -X PUT --data 'stored by the test' http://127.0.0.1:8080/items/k1)
    [ "$out" = 'stored k1 (18 bytes)' ] || echo "FAIL go-service: PUT /items/k1 gave '$out'"
    out=$(go_service_get http://127.0.0.1:8080/items/k1)
    [ "$out" = 'stored by the test' ] || echo "FAIL go-service: GET /items/k1 gave '$out'"
    [ "$(cat /var/lib/go-service/k1 2>&1)" = 'stored by the test' ] || echo "FAIL go-service: the item is not in /var/lib/go-service"
    out=$(go_service_get -o /dev/null -w '%{http_code}' http://127.0.0.1:8080/items/missing)
    [ "$out" = 404 ] || echo "FAIL go-service: GET of a missing item gave $out"
    # SIGHUP: the new greeting, logged and served
    printf '{"greeting": "Bonjour"}\n' >/etc/go-service/config.json
    kill -HUP "$svc"
    for i in $(seq 50); do grep -q 'greeting "Bonjour"' "$tmp/service.log" && break; sleep 0.1; done
    grep -q 'reloaded /etc/go-service/config.json: greeting "Bonjour"' "$tmp/service.log" ||
        echo "FAIL go-service: SIGHUP was not logged as a reload"
    out=$(go_service_get 'http://127.0.0.1:8080/hello?name=polc')
    [ "$out" = 'Bonjour, polc!' ] || echo "FAIL go-service: GET /hello after SIGHUP gave '$out'"
    # the port rule: a second instance on another port is refused its bind
    "$polc" run "$policy" -- /usr/local/bin/go-service -listen 127.0.0.1:9090 >"$tmp/other.log" 2>&1
    grep -q 'bind: permission denied' "$tmp/other.log" ||
        echo "FAIL go-service: a bind to port 9090 was not refused: $(tail -1 "$tmp/other.log")"
    kill -TERM "$svc"
    wait "$pid"
    local rc=$?
    [ "$rc" = 0 ] || echo "FAIL go-service: exit status $rc after SIGTERM"
    grep -q 'terminated: shutting down' "$tmp/service.log" || echo "FAIL go-service: no graceful shutdown logged"
    grep -E 'error|panic|SIGSYS' "$tmp/service.log" | sed 's/^/FAIL go-service: log: /'
    # the probe in the service's place, under the same policy: goprobe, a
    # static Go program (sysprobe's glibc start-up is not in a Go policy);
    # it probes in-process, as nobody, in order
    probe_in_place go-service "$POLC_EXAMPLE_BUILD/goprobe" /usr/local/bin/go-service "$policy" -- \
        "socket 2 1 0|ok FD" "socket 10 1 0|ok FD" "socket 1 1 0|err EACCES 13" "socket 2 2 0|err EACCES 13" \
        "socket 17 3 0|err EACCES 13" "clone 0x11 0 0 0 0|err EPERM 1" "unshare 0x10000000|err EPERM 1" \
        "connect 0 0 0|err EPERM 1" "memfd_create s:x 0|err ENOSYS 38" \
        "openat -100 s:/etc/go-service/config.json 0 0|ok FD" "openat -100 s:/etc/hostname 0 0|err EACCES 13" \
        "openat -100 s:/var/lib/go-service/probe 0x41 0644|ok FD" \
        "openat -100 s:/etc/polc-probe 0x41 0644|err EACCES 13" "execve s:/bin/sh 0 0|err EACCES 13"
    # ptrace is killed: alone, as the kill ends the probe
    probe_in_place go-service "$POLC_EXAMPLE_BUILD/goprobe" /usr/local/bin/go-service "$policy" -- "ptrace 0 1 0 0|"
    [ "$PROBE_RC" = $((128 + 31)) ] ||
        echo "FAIL go-service: ptrace: exit status $PROBE_RC, not SIGSYS's 159: $(cat "$tmp/probe.raw")"
    return 0
}

#!/usr/bin/env bash
# Measures what the base presets (stdlib/presets/base/*.pol) must allow:
# the system calls a runtime makes between loading the seccomp filter and
# exec'ing the container's program, and those a libc or the Go runtime makes
# before main. docs/presets.md ("Base presets") describes the method.
#
#   measure_base.sh POLC SUBJECT...     SUBJECT: glibc musl go polc-run runc crun
#
# Prints one line per subject, `SUBJECT: name name ...` (kernel names, sorted),
# and exits 1 when a subject could not be measured (the reason on stderr).
#   glibc, musl, go  an empty main() (gcc; musl-gcc static and dynamic; go
#                    build), traced with strace -f: every call after execve
#                    returned (the Go program 20 times: its threads race).
#   polc-run         `polc run` with a `default log` policy under strace -f:
#                    the child's calls after seccomp(SECCOMP_SET_MODE_FILTER).
#   runc, crun       a container (podman, tests/podman/podman_env.sh) started
#                    under a `default log` profile: the kernel's
#                    SECCOMP_RET_LOG records (dmesg) of the runtime's init
#                    process, kept with `polc learn --comm` (runc's is
#                    `runc:[2:INIT]`, crun's `crun`); runc with the default
#                    settings, with no-new-privileges and with --user 65534
#                    (it loads the filter at a different step in each).
#                    crun: see podman_crun in tests/podman/podman_env.sh.
set -u
POLC=$1
shift
here=$(cd "$(dirname "$0")" && pwd)
W=$(mktemp -d "${TMPDIR:-/tmp}/polc-measure.XXXXXX") || exit 1
trap 'rm -rf "$W"' EXIT
status=0
why() { echo "measure_base: $*" >&2; status=1; }

# names KIND FILE...: the syscalls polc learn reads from FILEs, minus those
# polc learn adds itself (kept for survival), sorted, on one line
names() {
    "$POLC" learn --base none "$@" 2>/dev/null |
        sed -n 's/^ *allow \([a-z0-9_]*\).*# \([0-9]\).*/\1/p' | sort -u | tr '\n' ' ' | sed 's/ $//'
}

# the calls of FILE (strace -f) after the traced program's execve returned
after_execve() {
    awk '/execve\(/ && /= 0$/ {on=1; next} /<... execve resumed>.*= 0$/ {on=1; next} on' "$1"
}

printf 'policy measure "every call logged"\narch x86_64\ndefault log\n' >"$W/log.pol"
"$POLC" "$W/log.pol" -o "$W" 2>/dev/null || why "cannot compile the log policy"

empty='int main(void) { return 0; }'
for s in "$@"; do
    case $s in
    glibc)
        printf '%s\n' "$empty" >"$W/e.c"
        gcc -O2 -o "$W/e-glibc" "$W/e.c" || { why "gcc failed"; continue; }
        strace -f -o "$W/g.strace" "$W/e-glibc" || why "strace failed"
        after_execve "$W/g.strace" >"$W/g.after"
        echo "glibc: $(names "$W/g.after")"
        ;;
    musl)
        command -v musl-gcc >/dev/null || { why "musl-gcc missing (Debian: musl-tools)"; continue; }
        printf '%s\n' "$empty" >"$W/e.c"
        musl-gcc -static -O2 -o "$W/e-musl-static" "$W/e.c" && musl-gcc -O2 -o "$W/e-musl-dyn" "$W/e.c" ||
            { why "musl-gcc failed"; continue; }
        strace -f -o "$W/ms.strace" "$W/e-musl-static" && strace -f -o "$W/md.strace" "$W/e-musl-dyn" ||
            why "strace failed"
        after_execve "$W/ms.strace" >"$W/ms.after"
        after_execve "$W/md.strace" >"$W/md.after"
        echo "musl: $(names "$W/ms.after" "$W/md.after")"
        ;;
    go)
        command -v go >/dev/null || { why "go missing (Debian: golang-go)"; continue; }
        printf 'package main\n\nfunc main() {}\n' >"$W/main.go"
        (cd "$W" && GOCACHE=$W/gocache GOPATH=$W/gopath GO111MODULE=off GOFLAGS= go build -o e-go main.go) ||
            { why "go build failed"; continue; }
        files=()
        for i in $(seq 1 20); do
            strace -f -o "$W/go$i.strace" "$W/e-go" || why "strace failed"
            after_execve "$W/go$i.strace" >"$W/go$i.after"
            files+=("$W/go$i.after")
        done
        echo "go: $(names "${files[@]}")"
        ;;
    polc-run)
        # a sanitized polc (the ASan suite): LeakSanitizer cannot work under ptrace
        ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
            strace -f -o "$W/pr.strace" "$POLC" run "$W/log.pol" -- /bin/true || why "polc run failed"
        awk '/seccomp\(SECCOMP_SET_MODE_FILTER/ {p=$1; on=1; next} on && $1 == p {print} /execve\(/ && on && $1 == p {exit}' \
            "$W/pr.strace" >"$W/pr.after"
        echo "polc-run: $(names "$W/pr.after")"
        ;;
    runc | crun)
        # shellcheck source=../podman/podman_env.sh
        . "$here/../podman/podman_env.sh"
        podman_available || { why "podman: $POLC_PODMAN_WHY"; continue; }
        since=$(date +%s)
        kmsg_follow "$W/$s.dmesg"
        if [[ $s == runc ]]; then
            comm='runc:[2:INIT]'
            for extra in "" "--security-opt=no-new-privileges" "--user=65534"; do
                # shellcheck disable=SC2086
                polc_podman run --rm --network=none --security-opt "seccomp=$W/log.seccomp.json" $extra \
                    "$POLC_PODMAN_IMAGE" /bin/true || why "runc: container failed ($extra)"
            done
        else
            comm=crun
            podman_crun run --rm --network=none --security-opt "seccomp=$W/log.seccomp.json" \
                "$POLC_PODMAN_IMAGE" /bin/true || why "crun: container failed"
        fi
        kmsg_follow_stop
        podman_env_teardown
        echo "$s: $(names --comm "$comm" --since "$since" "$W/$s.dmesg")"
        ;;
    *) why "unknown subject $s" ;;
    esac
done
exit $status

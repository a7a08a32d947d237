#!/usr/bin/env bash
# polc run --complain in the real kernel (docs/run.md, "Complain mode"):
#   complain_test.sh POLC PROBE SCENARIO
#   report  complain_probe breaks probe.pol's rules (an explicit deny, the
#           default, repeated calls, threads, a forked child, a file rule):
#           it runs to completion and the text report equals the golden
#   json    the same run's --report FILE --diagnostics-format json
#   loop    tight.pol + --complain --suggest --merge; then the merged policy
#           reports nothing, the program passes enforced, and polc diff lists
#           exactly the suggested syscalls
#   scope   signals and abstract unix sockets judged against the scopes
#   background  a job CMD leaves behind is served and judged after CMD exits
#   both    a call both seccomp and the filesystem section deny: both
#           reported, and one --merge round suffices
#   net_reads  python3 in a network namespace breaks net_reads.pol's TCP
#           ports and read confinement: the findings equal the golden, and
#           --suggest --merge gives a policy that passes enforced
# Paths that differ between checkouts are written WORK and PROBE_DIR in the
# goldens. Needs root and seccomp user notification: never skips.
set -u
polc=$1 probe=$2 scenario=$3
here=$(cd "$(dirname "$0")" && pwd)
fail=0
failmsg() { echo "FAIL run_complain_$scenario: $*" >&2; fail=1; }
[ "$(id -u)" = 0 ] || { echo "FAIL: polc run's tests need root" >&2; exit 1; }
export SOURCE_DATE_EPOCH=0
work=$(mktemp -d /tmp/polc-complain-test.XXXXXX)
trap 'rm -rf "$work"' EXIT
mkdir "$work/inside" "$work/outside"
probe_dir=$(dirname "$probe")
subst() { sed -e "s|@WORK@|$work|g" -e "s|@PROBE_DIR@|$probe_dir|g" "$1"; }
unsubst() { sed -e "s|$work|WORK|g" -e "s|$probe_dir|PROBE_DIR|g"; }
golden() { # NAME ACTUAL-FILE
    if ! diff -u "$here/complain/$1" "$2"; then failmsg "$1 differs from the golden"; fi
}

case $scenario in
report | json)
    subst "$here/complain/probe.pol.in" >"$work/probe.pol"
    (cd "$work" && "$polc" run --complain --report report.json --diagnostics-format json probe.pol -- \
        "$probe" "$work" >out.txt 2>err.txt)
    rc=$?
    [ "$rc" = 7 ] || failmsg "exit status $rc, not CMD's 7"
    [ -s "$work/out.txt" ] && failmsg "CMD printed something"
    [ -e "$work/outside/new.txt" ] || failmsg "the file a rule would deny was not created: something was denied"
    [ -e "$work/inside/ok.txt" ] || failmsg "the allowed file was not created"
    if [ "$scenario" = report ]; then
        unsubst <"$work/err.txt" >"$work/report.txt"
        golden report.stderr "$work/report.txt"
    else
        unsubst <"$work/report.json" >"$work/report.norm.json"
        golden report.json "$work/report.norm.json"
    fi
    ;;
loop)
    subst "$here/complain/tight.pol.in" >"$work/tight.pol"
    cp "$work/tight.pol" "$work/app.pol"
    (cd "$work" && "$polc" run --complain --suggest patch.pol --merge app.pol -- "$probe" "$work" \
        >out.txt 2>err.txt)
    rc=$?
    [ "$rc" = 7 ] || { failmsg "complain run: exit status $rc"; cat "$work/err.txt" >&2; }
    grep -q 'would deny' "$work/err.txt" || failmsg "the too-tight policy gave no findings"
    grep -q '^syscalls {' "$work/patch.pol" || failmsg "no syscalls in patch.pol"
    grep -q "^    exec $probe" "$work/patch.pol" || failmsg "no exec rule for the program in patch.pol"
    grep -q "^    write $work/outside/\*\*" "$work/patch.pol" || failmsg "no write rule for outside/ in patch.pol"
    # the merged policy: nothing left to report, and enforced the program passes
    rm -f "$work/outside/new.txt"
    (cd "$work" && "$polc" run --complain app.pol -- "$probe" "$work" >out2.txt 2>err2.txt)
    grep -q 'nothing would have been denied' "$work/err2.txt" ||
        { failmsg "the merged policy still denies"; cat "$work/err2.txt" >&2; }
    rm -f "$work/outside/new.txt"
    (cd "$work" && "$polc" run app.pol -- "$probe" "$work" >out3.txt 2>err3.txt)
    rc=$?
    [ "$rc" = 7 ] || { failmsg "enforced, the merged policy: exit status $rc"; cat "$work/err3.txt" >&2; }
    [ -e "$work/outside/new.txt" ] || failmsg "enforced, the merged policy did not let the file be created"
    # and the too-tight one, enforced, does not (the loop had something to do)
    rm -f "$work/outside/new.txt"
    (cd "$work" && "$polc" run tight.pol -- "$probe" "$work" >/dev/null 2>&1)
    [ -e "$work/outside/new.txt" ] && failmsg "tight.pol enforced let the file be created"
    # polc diff lists exactly the suggested syscalls as widenings
    (cd "$work" && "$polc" diff tight.pol app.pol >diff.txt 2>&1)
    sed -n 's/^ *allow \([a-z0-9_]*\).*/\1/p' "$work/patch.pol" | sort -u >"$work/suggested.txt"
    sed -n 's/^      \([a-z0-9_]*\)[(:].*-> allow$/\1/p' "$work/diff.txt" | sort -u >"$work/widened.txt"
    [ -s "$work/suggested.txt" ] || failmsg "no suggested syscalls"
    if ! cmp -s "$work/suggested.txt" "$work/widened.txt"; then
        failmsg "polc diff's widenings are not the suggested additions"
        diff "$work/suggested.txt" "$work/widened.txt" >&2
        cat "$work/diff.txt" >&2
    fi
    grep -q 'narrowed' "$work/diff.txt" && ! grep -q ' 0 narrowed' "$work/diff.txt" && failmsg "polc diff shows a narrowing"
    ;;
net_reads)
    py=/usr/bin/python3 # Debian's: its files are under the read baseline (a pyenv one is not)
    subst "$here/complain/net_reads.pol.in" >"$work/net_reads.pol"
    cp "$work/net_reads.pol" "$work/app.pol"
    echo ok >"$work/inside/ok.txt" && echo secret >"$work/outside/secret.txt"
    # the script is one of the files the policy lets python3 read
    cp "$here/complain/net_reads.py" "$work/inside/net_reads.py"
    in_netns() { unshare -n sh -c 'ip link set lo up && exec "$@"' sh "$@"; }
    (cd "$work" && in_netns "$polc" run --complain --suggest patch.pol --merge app.pol -- \
        "$py" -I -S "$work/inside/net_reads.py" "$work" >out.txt 2>err.txt)
    rc=$?
    [ "$rc" = 0 ] && grep -qx done "$work/out.txt" || failmsg "complain run: exit status $rc: $(cat "$work/err.txt")"
    grep -v '^polc run: merged' "$work/err.txt" | unsubst >"$work/report.txt"
    golden net_reads.stderr "$work/report.txt"
    grep -q '^    allow tcp bind 8081 ' "$work/patch.pol" || failmsg "no port rule for bind 8081 in patch.pol"
    grep -q '^    allow tcp connect 8081 ' "$work/patch.pol" || failmsg "no port rule for connect 8081 in patch.pol"
    grep -q "^    read $work/outside/secret.txt " "$work/patch.pol" || failmsg "no read rule in patch.pol"
    # enforced, the policy as written denies what complain mode reported ...
    (cd "$work" && in_netns "$polc" run net_reads.pol -- "$py" -I -S "$work/inside/net_reads.py" "$work" \
        >out2.txt 2>err2.txt)
    grep -q 'PermissionError' "$work/err2.txt" || failmsg "net_reads.pol enforced did not deny: $(cat "$work/err2.txt")"
    # ... and the merged one allows the run
    (cd "$work" && in_netns "$polc" run app.pol -- "$py" -I -S "$work/inside/net_reads.py" "$work" \
        >out3.txt 2>err3.txt)
    rc=$?
    [ "$rc" = 0 ] && grep -qx done "$work/out3.txt" ||
        failmsg "enforced, the merged policy: exit status $rc: $(cat "$work/err3.txt")"
    ;;
scope)
    # the scopes judged: signals to a process outside and to polc, an
    # abstract stream and datagram socket bound outside; the same calls to
    # the sandbox's own child and socket are not findings
    py=/usr/bin/python3
    sleep 120 &
    outside=$!
    name="polc-complain-$(printf %08d $$)" # one length: the address lengths are in the golden
    "$py" -c "
import socket, time
s = socket.socket(socket.AF_UNIX)
s.bind('\0$name')
s.listen()
d = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
d.bind('\0$name-dgram')
time.sleep(120)" &
    server=$!
    for _ in $(seq 50); do grep -q "@$name-dgram\$" /proc/net/unix && break; sleep 0.1; done
    printf '# scopes judged\npolicy scopes\narch x86_64\ndefault allow\nprocess { scope signal }\nnetwork { scope abstract-unix }\n' \
        >"$work/scopes.pol"
    (cd "$work" && "$polc" run --complain --suggest patch.pol scopes.pol -- "$py" -c "
import os, signal, socket, subprocess
os.kill($outside, 0)
os.kill($outside, signal.SIGCONT)
os.kill(os.getppid(), 0)
child = subprocess.Popen(['/bin/sleep', '30'])
os.kill(child.pid, signal.SIGTERM)
child.wait()
socket.socket(socket.AF_UNIX).connect('\0$name')
socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM).sendto(b'x', '\0$name-dgram')
s = socket.socket(socket.AF_UNIX)
s.bind('\0$name-inside')
s.listen()
socket.socket(socket.AF_UNIX).connect('\0$name-inside')
print('done')
" >out.txt 2>err.txt)
    rc=$?
    kill "$outside" "$server" 2>/dev/null
    [ "$rc" = 0 ] && grep -qx done "$work/out.txt" || failmsg "complain run: exit status $rc: $(cat "$work/err.txt")"
    sed -e "s/$outside/OUTSIDE/g" -e "s/$name/NAME/g" -E -e 's/kill\([0-9]+/kill(POLC/; s/pid [0-9]+ is/pid POLC is/' \
        "$work/err.txt" >"$work/report.txt"
    golden scope.stderr "$work/report.txt"
    grep -q '^# not added: kill(' "$work/patch.pol" || failmsg "patch.pol does not list the scope findings: $(cat "$work/patch.pol")"
    ;;
both)
    # mkdir outside the write paths, with mkdir itself denied: complain mode
    # reports both the seccomp rule and the filesystem rule, so one
    # --suggest --merge round gives a policy under which the run passes
    bb=$(readlink -f "$(command -v busybox)")
    printf '# both layers deny\npolicy both\narch x86_64\ndefault errno(EPERM)\nsyscalls { allow execve, exit_group }\nfilesystem { read-only root; write %s/inside/**; exec /usr/** }\n' \
        "$work" >"$work/both.pol"
    (cd "$work" && "$polc" run --complain --merge both.pol -- "$bb" mkdir "$work/outside/nd" >out.txt 2>err.txt)
    rc=$?
    [ "$rc" = 0 ] || failmsg "complain run: exit status $rc: $(cat "$work/err.txt")"
    grep -q 'would deny mkdir(.*default errno(EPERM)' "$work/err.txt" || failmsg "no seccomp finding for mkdir: $(cat "$work/err.txt")"
    grep -q 'would deny mkdir(.*read-only root (make-dir' "$work/err.txt" || failmsg "no filesystem finding for mkdir: $(cat "$work/err.txt")"
    rmdir "$work/outside/nd"
    (cd "$work" && "$polc" run both.pol -- "$bb" mkdir "$work/outside/nd" >out2.txt 2>err2.txt)
    rc=$?
    [ "$rc" = 0 ] && [ -d "$work/outside/nd" ] || failmsg "one merge round did not suffice: exit $rc: $(cat "$work/err2.txt")"
    ;;
background)
    # CMD exits at once; the job it left in the background makes a denied
    # call a moment later: judged (the supervisor serves until the last
    # process using the filter is gone), not failed with ENOSYS
    printf '# background\npolicy bg\narch x86_64\ndefault allow\nsyscalls { deny getppid errno(EPERM) }\n' >"$work/bg.pol"
    bb=$(command -v busybox)
    (cd "$work" && "$polc" run --complain bg.pol -- "$bb" sh -c \
        "($bb sleep 1; /usr/bin/python3 -S -c 'import os; os.getppid()' && echo job done >$work/job) & exit 3" \
        >out.txt 2>err.txt)
    rc=$?
    [ "$rc" = 3 ] || failmsg "exit status $rc, not CMD's 3"
    [ "$(cat "$work/job" 2>/dev/null)" = "job done" ] || failmsg "the background job did not finish: $(cat "$work/err.txt")"
    grep -q 'would deny getppid(): errno(EPERM)' "$work/err.txt" ||
        failmsg "the background job's call was not judged: $(cat "$work/err.txt")"
    # `mode complain` in the policy is said before CMD starts
    printf 'mode complain\n' >>"$work/bg.pol"
    (cd "$work" && "$polc" run bg.pol -- "$bb" true 2>err2.txt)
    [ "$(head -1 "$work/err2.txt")" = "polc run: complain mode (\`mode complain\` at bg.pol:6): nothing is denied" ] ||
        failmsg "no notice of mode complain: $(cat "$work/err2.txt")"
    ;;
*) echo "unknown scenario $scenario" >&2; exit 1 ;;
esac
[ $fail = 0 ] && echo "ok run_complain_$scenario"
exit $fail

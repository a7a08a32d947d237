#!/bin/sh
# polc learn --run end to end: the programs of learn_test.sh (busybox, tar,
# python3), recorded by polc run's seccomp supervisor instead of strace,
# learned, then run again under the learned policy by `polc run` (enforced):
# the same output and status, and a call they never made is denied.
#   learn_run_test.sh SCENARIO        (busybox | tar | python)
# Environment (tests/learn/CMakeLists.txt): POLC WORK. Needs root (polc run
# as root keeps the capabilities the learned policy grants) and seccomp user
# notification: never skips.
set -u
scenario=$1
BUSYBOX=${BUSYBOX:-/bin/busybox}
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
ok() { echo "ok: $*"; }
W=$WORK/run_$scenario
rm -rf "$W"
mkdir -p "$W"
cd "$W" || exit 1
export SOURCE_DATE_EPOCH=0

# record NAME CMD...: NAME.pol learned from one recorded run; its output and status kept
record() {
    name=$1; shift
    "$POLC" learn --run --name "$name" -o "$name.pol" -- "$@" >"$name.rec.out" 2>"$name.learn.err"
    rc=$?
    # polc learn's own lines are on stderr with CMD's: keep CMD's
    grep -v '^polc learn: ' "$name.learn.err" >"$name.rec.err"
    [ $rc = 0 ] || { fail "polc learn --run $name: status $rc"; cat "$name.learn.err"; return 1; }
    grep -q '^default errno(EPERM)$' "$name.pol" || fail "$name.pol: no default errno(EPERM)"
    grep -q 'from recording' "$name.pol" || fail "$name.pol: the recording is not named"
    "$POLC" "$name.pol" --check 2>"$name.check.err" || { fail "$name.pol does not compile"; cat "$name.check.err"; }
    ok "learned $name.pol ($(grep -c '^    allow' "$name.pol") allow lines)"
}
# again NAME WANT_OUT WANT_RC CMD...: CMD under polc run NAME.pol gives the same
again() {
    name=$1 want_out=$2 want_rc=$3; shift 3
    "$POLC" run "$name.pol" -- "$@" >again.out 2>again.err
    rc=$?
    if [ "$rc" != "$want_rc" ]; then
        fail "under $name.pol: $* exited $rc, not $want_rc"; head -20 again.err
    elif ! cmp -s again.out "$want_out"; then
        fail "under $name.pol: $* printed something else"; diff "$want_out" again.out | head -20
    else
        ok "under $name.pol: $* runs again"
    fi
}
# never NAME: busybox mkdir (never done by the recorded run) is denied
never_mkdir() {
    "$POLC" run "$1.pol" -- "$BUSYBOX" mkdir newdir >mk.out 2>&1
    rc=$?
    if [ $rc != 0 ] && [ ! -d newdir ] && grep -q "Operation not permitted" mk.out; then
        ok "under $1.pol: busybox mkdir (never recorded) -> EPERM"
    else
        fail "under $1.pol: busybox mkdir: rc=$rc $(cat mk.out)"
    fi
}

case $scenario in
busybox)
    script='cd box && echo hello > f1; cat f1; ls; wc -c f1; rm f1; echo done'
    mkdir box
    record busybox "$BUSYBOX" sh -c "$script" || exit 1
    again busybox busybox.rec.out 0 "$BUSYBOX" sh -c "$script"
    never_mkdir busybox
    ;;
tar)
    TAR=$(command -v tar) || { fail "tar is not installed"; exit 1; }
    mkdir -p src/sub dst
    echo one >src/a.txt; echo two >src/sub/b.txt
    record tar "$TAR" -cf archive.tar -C src . || exit 1
    rm archive.tar
    again tar tar.rec.out 0 "$TAR" -cf archive.tar -C src .
    [ -s archive.tar ] && ok "archive written" || fail "no archive under tar.pol"
    # the busybox applet is not tar: the mkdir check runs a program tar.pol was
    # not learned for, which is the point (mkdir was never recorded)
    never_mkdir tar
    ;;
python)
    PY=/usr/bin/python3
    [ -x "$PY" ] || { fail "no $PY"; exit 1; }
    code='import json, os, tempfile
d = tempfile.mkdtemp(dir=".")
p = os.path.join(d, "x.json")
with open(p, "w") as f: json.dump({"a": [1, 2]}, f)
with open(p) as f: print(json.load(f))
os.remove(p); os.rmdir(d); print("done")'
    record python "$PY" -c "$code" || exit 1
    again python python.rec.out 0 "$PY" -c "$code"
    "$POLC" run python.pol -- "$PY" -c 'import socket; socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)' >sock.out 2>&1
    grep -q "PermissionError" sock.out && ok "python socket() (never recorded) -> PermissionError" ||
        fail "python socket() under python.pol: $(tail -3 sock.out)"
    ;;
privileges)
    # the recording changes nothing about CMD's privileges: the capability
    # sets polc was started with (as root: its full set, no no_new_privs),
    # and an unprivileged invoker records too (a user namespace, no caps)
    want=$(grep -E '^Cap(Eff|Bnd)' /proc/self/status)
    "$POLC" learn --run -o priv.pol -- /bin/grep -E '^Cap(Eff|Bnd)' /proc/self/status >priv.out 2>priv.err ||
        fail "learn --run as root: $(cat priv.err)"
    [ "$(cat priv.out)" = "$want" ] && ok "recorded with polc's own capabilities" ||
        fail "recorded with other capabilities: $(cat priv.out), not $want"
    # recorded under polc run: its preset is the default base, not runc's
    grep -qx 'include <presets/base/polc-run.pol>' priv.pol && ! grep -q 'base/runc.pol' priv.pol &&
        ok "includes the polc-run preset" || fail "priv.pol's base presets: $(grep include priv.pol)"
    u=$(mktemp -d /tmp/polc-learn-unpriv.XXXXXX)
    chmod 777 "$u"
    cp "$POLC" "$u/polc" && cp -r "$(dirname "$0")/../../stdlib" "$u/stdlib" && chmod -R a+rX "$u"
    setpriv --reuid 65534 --regid 65534 --clear-groups env POLC_PATH="$u/stdlib" \
        "$u/polc" learn --run -o "$u/u.pol" -- /bin/sh -c true >"$u/out" 2>&1 &&
        grep -q '^syscalls {' "$u/u.pol" && ok "an unprivileged user records" ||
        fail "learn --run unprivileged: $(cat "$u/out")"
    rm -rf "$u"
    ;;
*) echo "unknown scenario $scenario"; exit 1 ;;
esac
[ $fails = 0 ] || { echo "$fails failure(s)"; exit 1; }
exit 0

#!/usr/bin/env bash
# polc run's resources section in the real kernel (docs/run.md, "Resources"):
# one scenario per ctest entry (tests/run/CMakeLists.txt).
#   resources_test.sh POLC SCENARIO
# Needs root and the cgroup controllers pids, memory (with swap accounting)
# and cpu, v1 or v2: without them the test fails, it never skips.
set -u
polc=$1 scenario=$2
here=$(cd "$(dirname "$0")" && pwd)
case "$polc" in /*) ;; *) polc=$(pwd)/$polc ;; esac
fail=0
failmsg() { echo "FAIL $scenario: $*" >&2; fail=1; }
[ "$(id -u)" = 0 ] || { echo "FAIL $scenario: polc run's tests need root" >&2; exit 1; }
py=/usr/bin/python3
[ -x "$py" ] || { echo "FAIL $scenario: $py is missing" >&2; exit 1; }
tmp=$(mktemp -d /tmp/polc-res-test.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
chmod 755 "$tmp"
policy() { # NAME RESOURCES-SECTION [PROCESS-SECTION]
    cat >"$tmp/$1.pol" <<POL
# polc run resources test policy $1
policy test_$1
arch x86_64
default allow
capabilities { drop all }
process { ${3:-} }
resources { $2 }
POL
    chmod 644 "$tmp/$1.pol"
}
# CMD writes the directories of its own cgroups to $tmp/cgroups: each must
# be gone once polc run has returned
own_cgroups='
import os
def own_cgroups():
    dirs = {}
    mounts = {}
    for line in open("/proc/self/mountinfo"):
        pre, post = line.split(" - ")
        f = pre.split()
        kind, _, opts = post.split()
        if kind == "cgroup2":
            mounts[""] = (f[3], f[4])
        elif kind == "cgroup":
            for c in opts.split(","):
                mounts[c] = (f[3], f[4])
    for line in open("/proc/self/cgroup"):
        _, ctl, path = line.rstrip("\n").split(":", 2)
        for c in (ctl.split(",") if ctl else [""]):
            if c in ("pids", "memory", "cpu") or (c == "" and "pids" not in mounts):
                root, mnt = mounts[c]
                dirs[c or "unified"] = mnt + path[len(root.rstrip("/")):]
    return dirs
def cg(c):  # the directory of controller c: its v1 hierarchy, or the unified one
    d = own_cgroups()
    return d.get(c) or d["unified"]
'
expect_removed() {
    [ -s "$tmp/cgroups" ] || { failmsg "CMD did not report its cgroups"; return; }
    local d
    while read -r d; do
        case $d in */polc-run.*) ;; *) failmsg "CMD was not in a cgroup of polc's: $d" ;; esac
        [ ! -e "$d" ] || failmsg "the cgroup $d is still there after polc run returned"
    done <"$tmp/cgroups"
}
expect_refusal() { # GOLDEN POLC-ARGS...
    local golden=$here/expected/$1.stderr
    shift
    rm -f "$tmp/marker"
    "$@" -- /usr/bin/touch "$tmp/marker" >"$tmp/out" 2>"$tmp/err"
    local rc=$?
    [ "$rc" = 2 ] || failmsg "exit status $rc, not 2"
    [ ! -e "$tmp/marker" ] || failmsg "CMD ran although polc refused"
    sed -E -e "s|$tmp|<tmp>|g" -e "${normalize:-}" "$tmp/err" >"$tmp/err.n"
    if [ "${POLC_UPDATE_GOLDEN:-}" = 1 ]; then
        cp "$tmp/err.n" "$golden"
    elif ! diff -u "$golden" "$tmp/err.n"; then
        failmsg "stderr differs from $golden"
    fi
}

case $scenario in
pids)
    # a bounded fork bomb: every child waits, so pids 16 (python itself
    # included) lets exactly 15 forks succeed; the 16th fails with EAGAIN
    policy pids "pids 16"
    "$polc" run "$tmp/pids.pol" -- "$py" -c "$own_cgroups
import errno, os, signal
open('$tmp/cgroups', 'w').write(cg('pids') + '\n')
kids = []
try:
    for i in range(200):
        pid = os.fork()
        if pid == 0:
            signal.pause()
            os._exit(0)
        kids.append(pid)
    res = 'no limit: 200 forks'
except OSError as e:
    res = '%d forks, then %s' % (len(kids), errno.errorcode[e.errno])
for k in kids:
    os.kill(k, signal.SIGKILL)
    os.waitpid(k, 0)
print(res)
" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    [ "$rc" = 0 ] || failmsg "exit status $rc: $(cat "$tmp/err")"
    [ "$(cat "$tmp/out")" = "15 forks, then EAGAIN" ] || failmsg "fork bomb: $(cat "$tmp/out")"
    expect_removed
    # the same bomb without the section is not stopped: the test can fail
    policy nolimit ""
    "$polc" run "$tmp/nolimit.pol" -- "$py" -c "
import os, signal
kids = []
for i in range(40):
    pid = os.fork()
    if pid == 0:
        signal.pause()
        os._exit(0)
    kids.append(pid)
for k in kids:
    os.kill(k, signal.SIGKILL)
    os.waitpid(k, 0)
" || failmsg "40 forks failed without a pids limit: the limit above proves nothing"
    ;;
memory)
    # memory 32MiB, no swap (memory-swap equal): touching 64 MiB gets CMD
    # OOM-killed by the kernel (SIGKILL: 128+9); 8 MiB fits
    policy memory "memory 32MiB; memory-swap 32MiB"
    "$polc" run "$tmp/memory.pol" -- "$py" -c "$own_cgroups
d = cg('memory')
open('$tmp/cgroups', 'w').write(d + '\n')
v1 = os.path.exists(d + '/memory.limit_in_bytes')
lim = open(d + ('/memory.limit_in_bytes' if v1 else '/memory.max')).read().strip()
swap = open(d + ('/memory.memsw.limit_in_bytes' if v1 else '/memory.swap.max')).read().strip()
print(lim, swap, flush=True)
b = bytearray(64 * 1024 * 1024)
print('allocated 64 MiB')
" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    [ "$rc" = 137 ] || failmsg "exit status $rc, not 137 (OOM-killed): $(cat "$tmp/out" "$tmp/err")"
    out=$(cat "$tmp/out")
    [ "$out" = "33554432 33554432" ] || [ "$out" = "33554432 0" ] || failmsg "the cgroup's limits: $out"
    expect_removed
    "$polc" run "$tmp/memory.pol" -- "$py" -c "b = bytearray(8 * 1024 * 1024)" ||
        failmsg "8 MiB under a 32 MiB limit failed: the OOM above proves nothing"
    ;;
nofile)
    # nofile 32:64: the soft and hard limit of CMD, and opening more files
    # than the soft limit fails with EMFILE (as nobody: the kernel applies
    # nproc to no root process)
    policy nofile "nofile 32:64; nproc 100:200" "user 65534:65534"
    "$polc" run "$tmp/nofile.pol" -- "$py" -c "
import errno, resource
print(resource.getrlimit(resource.RLIMIT_NOFILE), resource.getrlimit(resource.RLIMIT_NPROC))
files = []
try:
    while True:
        files.append(open('/dev/null'))
except OSError as e:
    print(errno.errorcode[e.errno], len(files) < 32)
" >"$tmp/out" 2>"$tmp/err" || failmsg "exit status $?: $(cat "$tmp/err")"
    want=$(printf '%s\n' "(32, 64) (100, 200)" "EMFILE True")
    [ "$(cat "$tmp/out")" = "$want" ] || failmsg "rlimits: $(cat "$tmp/out")"
    ;;
nproc)
    # nproc 4 as nobody: the kernel counts nobody's processes (CMD's own and
    # any other of uid 65534), so within 4 forks one fails with EAGAIN
    policy nproc "nproc 4" "user 65534:65534"
    "$polc" run "$tmp/nproc.pol" -- "$py" -c "
import errno, os, signal
kids = []
try:
    for i in range(50):
        pid = os.fork()
        if pid == 0:
            signal.pause()
            os._exit(0)
        kids.append(pid)
    res = 'no limit: 50 forks'
except OSError as e:
    res = '%s %s' % (errno.errorcode[e.errno], len(kids) < 4)
for k in kids:
    os.kill(k, signal.SIGKILL)
    os.waitpid(k, 0)
print(res)
" >"$tmp/out" 2>"$tmp/err" || failmsg "exit status $?: $(cat "$tmp/err")"
    [ "$(cat "$tmp/out")" = "EAGAIN True" ] || failmsg "forks under nproc 4: $(cat "$tmp/out")"
    ;;
refuse_nproc_root)
    # as root the kernel never applies RLIMIT_NPROC: refused, not ignored
    policy nprocroot "nproc 64"
    expect_refusal refuse_nproc_root "$polc" run "$tmp/nprocroot.pol"
    ;;
cpus)
    # cpus 1.5: a quota of 150 ms per 100 ms period, read back from CMD's cgroup
    policy cpus "cpus 1.5"
    "$polc" run "$tmp/cpus.pol" -- "$py" -c "$own_cgroups
d = cg('cpu')
open('$tmp/cgroups', 'w').write(d + '\n')
if os.path.exists(d + '/cpu.cfs_quota_us'):
    print(open(d + '/cpu.cfs_quota_us').read().strip(), open(d + '/cpu.cfs_period_us').read().strip())
else:
    print(' '.join(open(d + '/cpu.max').read().split()))
" >"$tmp/out" 2>"$tmp/err" || failmsg "exit status $?: $(cat "$tmp/err")"
    [ "$(cat "$tmp/out")" = "150000 100000" ] || failmsg "cpu quota and period: $(cat "$tmp/out")"
    expect_removed
    ;;
complain)
    # complain mode relaxes seccomp and Landlock only: the limits hold
    policy complain "pids 8"
    "$polc" run --complain "$tmp/complain.pol" -- "$py" -c "
import os, signal
kids = []
try:
    for i in range(20):
        pid = os.fork()
        if pid == 0:
            signal.pause()
            os._exit(0)
        kids.append(pid)
except OSError:
    pass
for k in kids:
    os.kill(k, signal.SIGKILL)
    os.waitpid(k, 0)
print(len(kids))
" >"$tmp/out" 2>"$tmp/err" || failmsg "exit status $?: $(cat "$tmp/err")"
    [ "$(cat "$tmp/out")" = 7 ] || failmsg "forks under --complain with pids 8: $(cat "$tmp/out")"
    ;;
refuse_nofile)
    # a hard nofile above fs.nr_open: even root cannot set it (the host's
    # nr_open becomes N in the golden)
    policy bignofile "nofile 1024:1073741816"
    normalize="s/fs.nr_open is $(cat /proc/sys/fs/nr_open)/fs.nr_open is N/"
    expect_refusal refuse_nofile "$polc" run "$tmp/bignofile.pol"
    ;;
refuse_unpriv_cgroup | refuse_unpriv_nofile)
    # unprivileged: no cgroup can be created (E1110), the hard nofile cannot
    # be raised (E1111); each said before CMD starts (the cgroup's parent,
    # which depends on the host's layout, becomes <cgroup>)
    policy unpriv_cgroup "pids 10"
    policy unpriv_nofile "nofile 512:8192"
    cp "$polc" "$tmp/polc" && cp -r "$here/../../stdlib" "$tmp/stdlib" && chmod -R a+rX "$tmp/polc" "$tmp/stdlib" ||
        failmsg "cannot copy polc for an unprivileged user"
    normalize='s|in /sys/fs/cgroup[^:]*:|in <cgroup>:|'
    expect_refusal "$scenario" bash -c 'ulimit -n 4096 && exec setpriv --reuid 65534 --regid 65534 --clear-groups \
        env POLC_PATH="$0/stdlib" "$0/polc" run "$0/${1#refuse_}.pol" "${@:2}"' "$tmp" "$scenario"
    ;;
*)
    echo "resources_test.sh: unknown scenario $scenario" >&2
    exit 2
    ;;
esac
[ "$fail" = 0 ] && echo "PASS $scenario"
exit "$fail"

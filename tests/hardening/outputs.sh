#!/usr/bin/env bash
# Outputs are all-or-nothing for one input: a policy with errors, a back end
# that refuses, a full or read-only output directory, or an output path that
# is a directory leave the output directory exactly as it was (same files,
# same bytes, no temporary file), with a clear message and exit 1 or 2.
#   outputs.sh POLC EXAMPLES_DIR
# The full and read-only cases mount a tmpfs in a private mount namespace
# (unshare -m), so they need root: without it the test is skipped (77), and
# CI counts a skip as a failure.
set -u
polc=$(realpath "$1")
examples=$2
tmp=$(mktemp -d "${TMPDIR:-/tmp}/polc-outputs.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
fail=0

snapshot() { # DIR -> listing with sizes and checksums
    (cd "$1" && find . -mindepth 1 -printf '%P %y %s %m\n' | sort && find . -type f -exec sha256sum {} + | sort)
}

# check NAME WANT_STATUS PATTERN DIR -- ARGS...: DIR is unchanged afterwards
check() {
    local name=$1 want=$2 pat=$3 dir=$4
    shift 5
    local before
    before=$(snapshot "$dir")
    timeout 60 "$polc" "$@" >"$tmp/$name.out" 2>"$tmp/$name.err"
    local rc=$?
    if [ "$rc" != "$want" ]; then
        echo "FAIL $name: exit status $rc, expected $want"; cat "$tmp/$name.err"; fail=1; return
    fi
    if ! grep -Eq -- "$pat" "$tmp/$name.err"; then
        echo "FAIL $name: stderr does not match /$pat/:"; cat "$tmp/$name.err"; fail=1; return
    fi
    if [ "$(snapshot "$dir")" != "$before" ]; then
        echo "FAIL $name: $dir changed:"
        diff <(echo "$before") <(snapshot "$dir"); fail=1; return
    fi
    echo "ok   $name"
}

# ---- (a) an existing out/ with all four back ends' files ----
out=$tmp/out
mkdir "$out"
cp "$examples/nginx.pol" "$tmp/nginx.pol"
"$polc" "$tmp/nginx.pol" -o "$out" 2>/dev/null || { echo "FAIL: nginx does not compile"; exit 1; }
[ "$(ls "$out" | wc -l)" = 4 ] || { echo "FAIL: expected 4 outputs, got: $(ls "$out")"; exit 1; }
# the same name, now with a syntax error
mkdir "$tmp/broken"
printf 'arch x86_64\ndefault errno(EPERM)\nsyscalls { allow read if }\n' >"$tmp/broken/nginx.pol"
check broken_policy 1 '^.*nginx\.pol:3:26: error\[E0100\]' "$out" -- "$tmp/broken/nginx.pol" -o "$out"
# a policy all back ends but Docker accept: Docker refuses with E0412 under
# --strict-int-args, so no back end's file may change
mkdir "$tmp/refuse"
printf 'arch x86_64\ndefault errno(EPERM)\nsyscalls { allow read; allow socket if domain == 2 }\n' >"$tmp/refuse/nginx.pol"
check docker_refuses 1 'error\[E0412\]' "$out" -- --strict-int-args "$tmp/refuse/nginx.pol" -o "$out"
# a refusal into a directory that does not exist yet leaves none behind
check docker_refuses_new_dir 1 'error\[E0412\]' "$out" -- --strict-int-args "$tmp/refuse/nginx.pol" -o "$tmp/new-out"
if [ -e "$tmp/new-out" ]; then echo "FAIL docker_refuses_new_dir: $tmp/new-out was created"; fail=1; fi
# BPF refuses a program over 4096 instructions; Docker, AppArmor, k8s would succeed
python3 -c "print('arch x86_64\ndefault errno(EPERM)\nsyscalls {\n' + ''.join('allow %s if arg5 == %d\n' % (('read', 'write', 'openat', 'close', 'mmap')[i % 5], i) for i in range(20000)) + '}')" >"$tmp/refuse/nginx.pol"
check bpf_refuses 1 'error\[E0410\]' "$out" -- "$tmp/refuse/nginx.pol" -o "$out"
# an output path that is a directory: found before any rename
mkdir "$tmp/out2"
cp "$out"/* "$tmp/out2/"
rm "$tmp/out2/nginx.bpf"
mkdir "$tmp/out2/nginx.bpf"
check target_is_directory 2 "^error\[E0500\]: cannot write \`$tmp/out2/nginx\.bpf\`: Is a directory" "$tmp/out2" -- "$tmp/nginx.pol" -o "$tmp/out2"
# a good compile still replaces all four
echo "# changed" >>"$tmp/nginx.pol"
if "$polc" "$tmp/nginx.pol" -o "$out" 2>/dev/null && [ "$(ls -A "$out" | wc -l)" = 4 ]; then
    echo "ok   good_compile_after_failures"
else
    echo "FAIL good_compile_after_failures: $(ls -A "$out")"; fail=1
fi

# ---- (b) a full and a read-only output directory ----
if [ "$(id -u)" != 0 ] || ! unshare -m true 2>/dev/null; then
    echo "SKIP full/read-only output directories: need root and unshare -m"
    [ "$fail" = 0 ] && exit 77
    exit 1
fi
cat >"$tmp/mounts.sh" <<'INNER'
set -u
polc=$1 tmp=$2
fail=0
mnt=$tmp/mnt
mkdir -p "$mnt"
mount -t tmpfs -o size=8k,mode=755 polc-test "$mnt" || { echo "FAIL: cannot mount a tmpfs"; exit 1; }
# full: nginx's outputs are larger than 8 KiB together
before=$(ls -A "$mnt")
timeout 60 "$polc" "$tmp/nginx.pol" -o "$mnt" >/dev/null 2>"$tmp/full.err"
rc=$?
if [ "$rc" = 2 ] && grep -Eq "^error\[E0500\]: cannot write \`$mnt/nginx\.[a-z0-9.]+\`: No space left on device" "$tmp/full.err" &&
    [ "$(ls -A "$mnt")" = "$before" ]; then
    echo "ok   output_dir_full"
else
    echo "FAIL output_dir_full: status $rc, left: $(ls -A "$mnt")"; cat "$tmp/full.err"; fail=1
fi
# a small policy fits: then the directory turns read-only
printf 'arch x86_64\ndefault errno(EPERM)\nsyscalls { allow read }\n' >"$tmp/small.pol"
"$polc" -t docker "$tmp/small.pol" -o "$mnt" 2>/dev/null || { echo "FAIL: small.pol does not fit in 8k"; fail=1; }
sum=$(sha256sum "$mnt"/*)
mount -o remount,ro "$mnt"
timeout 60 "$polc" "$tmp/small.pol" -o "$mnt" >/dev/null 2>"$tmp/ro.err"
rc=$?
if [ "$rc" = 2 ] && grep -Eq "^error\[E0500\]: cannot write \`$mnt/small\.[a-z0-9.]+\`: Read-only file system" "$tmp/ro.err" &&
    [ "$(sha256sum "$mnt"/*)" = "$sum" ]; then
    echo "ok   output_dir_read_only"
else
    echo "FAIL output_dir_read_only: status $rc"; cat "$tmp/ro.err"; fail=1
fi
# a missing output directory on a read-only file system cannot be created
timeout 60 "$polc" "$tmp/small.pol" -o "$mnt/sub" >/dev/null 2>"$tmp/ro2.err"
rc=$?
if [ "$rc" = 2 ] && grep -q "^error\[E0500\]: cannot create output directory \`$mnt/sub\`: Read-only file system" "$tmp/ro2.err"; then
    echo "ok   output_dir_cannot_create"
else
    echo "FAIL output_dir_cannot_create: status $rc"; cat "$tmp/ro2.err"; fail=1
fi
umount "$mnt"
exit $fail
INNER
unshare -m --propagation private bash "$tmp/mounts.sh" "$polc" "$tmp" || fail=1
exit $fail

#!/usr/bin/env bash
# AppArmor enforced: boots Debian's kernel (which has the AppArmor LSM) under
# qemu-system-x86_64 with TCG, loads the profiles the polc under test writes
# for POLICY... in enforce mode (complain where the policy says) and runs the
# probes of checks.txt confined by them (guest_init.sh); every probe's outcome
# must be the expected one.
#
#   run_vm.sh POLC AA_PROBE CACHE_DIR POLICY.pol...
#
# CACHE_DIR keeps the kernel (vmlinuz-PACKAGE_VERSION, from `apt-get download`
# of the package linux-image-amd64 depends on) and the base initramfs
# (busybox, apparmor_parser, aa-exec, their libraries and configuration; keyed
# by the versions of busybox-static, apparmor and libc6) between runs. The
# profiles, the probe, the checks and /init go into a second cpio archive
# built every run. Never skips: a missing tool or an unreachable Debian archive
# is a failure that says so. Needs qemu-system-x86, busybox-static, apparmor
# (.ci/packages.txt).
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
polc=$1 probe=$2 cache=$3
shift 3
policies=("$@")
boot_timeout=${AAVM_BOOT_TIMEOUT:-150}
t0=$(date +%s)

fail() { echo "FAIL: $*"; exit 1; }
step() { echo "[$(($(date +%s) - t0)) s] $*"; }

for tool in qemu-system-x86_64 apparmor_parser aa-exec apt-get apt-cache dpkg-deb dpkg-query gzip timeout ldd; do
    command -v "$tool" >/dev/null 2>&1 || [ -x "/usr/sbin/$tool" ] ||
        fail "$tool not found: install the packages of .ci/packages.txt (.ci/install-deps)"
done
busybox=/bin/busybox
file_out=$(od -An -c -N 4 "$busybox" 2>/dev/null | tr -d ' ')
[ "$file_out" = '177ELF' ] || fail "$busybox is missing (Debian package busybox-static)"
ldd "$busybox" >/dev/null 2>&1 && fail "$busybox is dynamically linked: install busybox-static, not busybox"
parser=$(command -v apparmor_parser || echo /usr/sbin/apparmor_parser)
aaexec=$(command -v aa-exec)
[ -r /usr/share/apparmor-features/features ] || fail "/usr/share/apparmor-features/features missing (Debian package apparmor)"
[ -x "$probe" ] || fail "probe $probe not built"

mkdir -p "$cache" || fail "cannot create $cache"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# 1. the profiles, from the polc under test
mkdir -p "$work/profiles"
for p in "${policies[@]}"; do
    "$polc" -t apparmor "$p" -o "$work/profiles" >"$work/polc.out" 2>&1 ||
        { cat "$work/polc.out"; fail "polc -t apparmor $p failed"; }
done
step "compiled ${#policies[@]} profiles: $(cd "$work/profiles" && echo *.apparmor)"

# 2. the kernel: the image package linux-image-amd64 depends on, cached by version
kpkg=$(apt-cache depends linux-image-amd64 2>/dev/null | sed -n 's/^ *Depends: \(linux-image-[^ ]*-amd64\)$/\1/p' | head -1)
[ -n "$kpkg" ] || fail "apt-cache knows no linux-image-amd64: the Debian archive's package lists are missing (apt-get update; the test needs the archive to fetch the kernel)"
kver=$(apt-cache policy "$kpkg" | sed -n 's/^ *Candidate: //p')
{ [ -n "$kver" ] && [ "$kver" != "(none)" ]; } || fail "no candidate version of $kpkg in the Debian archive (apt-get update)"
vmlinuz=$cache/vmlinuz-${kpkg}_$kver
if [ ! -s "$vmlinuz" ]; then
    step "downloading $kpkg $kver from the Debian archive"
    dl=$cache/download
    rm -rf "$dl" && mkdir -p "$dl" && chmod 777 "$dl"
    if ! (cd "$dl" && timeout 120 apt-get -q download "$kpkg=$kver") >"$work/dl.log" 2>&1; then
        cat "$work/dl.log"
        fail "cannot download $kpkg=$kver: the Debian archive is unreachable or the package lists are stale (apt-get update); the AppArmor VM test needs Debian's kernel"
    fi
    debs=("$dl"/*.deb)
    deb=${debs[0]}
    dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$dl" --wildcards './boot/vmlinuz-*' ||
        fail "no boot/vmlinuz-* in $deb"
    rm -f "$cache"/vmlinuz-*   # an older kernel's, replaced
    mv "$dl"/boot/vmlinuz-* "$vmlinuz.tmp" && mv "$vmlinuz.tmp" "$vmlinuz"
    rm -rf "$dl"
fi
step "kernel: $kpkg $kver"

# 3. the base initramfs, cached by the versions of what it holds
pkgver() { dpkg-query -W -f='${Version}' "$1" 2>/dev/null | tr ':~+' '___'; }
key="bb$(pkgver busybox-static)-aa$(pkgver apparmor)-libc$(pkgver libc6)"
base=$cache/base-$key.cpio.gz
if [ ! -s "$base" ]; then
    step "building the base initramfs ($key)"
    root=$work/base
    mkdir -p "$root"/{bin,sbin,usr/bin,usr/sbin,etc/apparmor,etc/apparmor.d,usr/share/apparmor-features,lib64,dev}
    cp "$busybox" "$root/bin/busybox"
    cp "$parser" "$root/sbin/apparmor_parser"
    cp "$aaexec" "$root/usr/bin/aa-exec"
    for lib in $(ldd "$parser" "$aaexec" | grep -o '/[^ ]*\.so[^ ]*' | sort -u); do
        mkdir -p "$root$(dirname "$lib")"
        cp -L "$lib" "$root$lib"
    done
    cp -r /etc/apparmor.d/tunables /etc/apparmor.d/abi "$root/etc/apparmor.d/"
    cp /etc/apparmor/parser.conf "$root/etc/apparmor/"
    cp /usr/share/apparmor-features/features "$root/usr/share/apparmor-features/"
    rm -f "$cache"/base-*.cpio.gz   # other versions'
    if ! (cd "$root" && find . | "$busybox" cpio -o -H newc 2>/dev/null | gzip -1) >"$base.tmp"; then
        fail "cpio of the base initramfs failed"
    fi
    mv "$base.tmp" "$base"
fi

# 4. this run's archive: /init, the probe, the checks, the profiles
run=$work/run
mkdir -p "$run"
cp "$here/guest_init.sh" "$run/init" && chmod 755 "$run/init"
cp "$probe" "$run/aa_probe" && chmod 755 "$run/aa_probe"
cp "$here/checks.txt" "$run/checks.txt"
cp -r "$work/profiles" "$run/profiles"
(cd "$run" && find . | "$busybox" cpio -o -H newc 2>/dev/null | gzip -1) >"$work/run.cpio.gz" ||
    fail "cpio of the run archive failed"
cat "$base" "$work/run.cpio.gz" >"$work/initrd.cpio.gz"
step "initramfs: $(du -k "$work/initrd.cpio.gz" | cut -f1) KiB"

# 5. boot: one VM for every profile and probe
step "booting qemu (TCG)"
tb=$(date +%s)
timeout "$boot_timeout" qemu-system-x86_64 -machine pc -accel tcg,thread=multi -cpu max -smp 2 -m 1024 \
    -kernel "$vmlinuz" -initrd "$work/initrd.cpio.gz" \
    -append "console=ttyS0 apparmor=1 security=apparmor quiet loglevel=1 log_buf_len=1M audit_backlog_limit=8192 panic=-1 rdinit=/init" \
    -nographic -no-reboot -nodefaults -serial stdio </dev/null >"$work/console.log" 2>&1
qrc=$?
tr -d '\r' <"$work/console.log" >"$work/console.txt"
cp "$work/console.txt" "$cache/last-console.txt"   # for a look after the test
step "VM exited ($qrc) after $(($(date +%s) - tb)) s"
if [ $qrc -eq 124 ]; then
    tail -40 "$work/console.txt"
    fail "the VM did not power off within ${boot_timeout} s"
fi
if ! grep -q '^AAVM DONE' "$work/console.txt"; then
    tail -60 "$work/console.txt"
    fail "the guest did not finish its checks (qemu exit $qrc)"
fi

# 6. the results
bad=0
grep '^AAVM \(KERNEL\|ENABLED\)' "$work/console.txt"
grep -q '^AAVM ENABLED Y' "$work/console.txt" || { echo "FAIL: AppArmor is not enabled in the guest"; bad=1; }
for f in "$work"/profiles/*.apparmor; do
    name=$(basename "$f" .apparmor)
    if ! grep -q "^AAVM LOAD $name 0\$" "$work/console.txt"; then
        echo "FAIL: apparmor_parser -r did not load $name in the guest:"
        grep "^AAVM PARSER" "$work/console.txt"
        bad=1
    fi
done
grep '^AAVM PROFILES' "$work/console.txt" | sed 's/^AAVM PROFILES /loaded: /'
n=0 checked=0 failed=0
printf '%-4s %-18s %-7s %-8s %s\n' line profile expect got operation
while IFS= read -r line || [ -n "$line" ]; do
    n=$((n + 1))
    case "$line" in ''|'#'*) continue ;; esac
    if [[ $line == @audit* ]]; then
        re=${line#@audit }
        checked=$((checked + 1))
        # one grep, no pipe: grep -q ending a pipeline early is a SIGPIPE under pipefail
        if grep -Eq -- "^AAVM AUDIT .*$re" "$work/console.txt"; then
            printf '%-4s %-18s %-7s %-8s %s\n' "$n" audit logged ok "$re"
        else
            printf '%-4s %-18s %-7s %-8s %s   <-- FAIL\n' "$n" audit logged missing "$re"
            failed=$((failed + 1))
        fi
        continue
    fi
    read -r profile expect op <<<"$line"
    got=$(sed -n "s/^AAVM RESULT $n //p" "$work/console.txt")
    checked=$((checked + 1))
    if [ "${got// /-}" = "$expect" ]; then  # "exit 3" is written exit-3
        printf '%-4s %-18s %-7s %-8s %s\n' "$n" "$profile" "$expect" "$got" "$op"
    else
        printf '%-4s %-18s %-7s %-8s %s   <-- FAIL\n' "$n" "$profile" "$expect" "${got:-(none)}" "$op"
        failed=$((failed + 1))
    fi
done <"$here/checks.txt"
if [ $failed -ne 0 ] || [ $bad -ne 0 ]; then
    echo "--- the guest's AppArmor audit lines:"
    grep '^AAVM AUDIT' "$work/console.txt" | head -80
    fail "$failed of $checked checks failed (total $(($(date +%s) - t0)) s)"
fi
step "ok: $checked checks passed on $(grep -c '^AAVM LOAD .* 0$' "$work/console.txt") profiles enforced in the VM"

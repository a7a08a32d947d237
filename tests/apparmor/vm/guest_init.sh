#!/bin/busybox sh
# shellcheck shell=dash
# /init of the AppArmor VM test's initramfs (run_vm.sh builds it): mounts the
# kernel's file systems, loads every /profiles/*.apparmor in enforce mode (or
# complain, as the profile says), sets up the files the probes use, runs
# /checks.txt and prints one line per result on the serial console:
#   AAVM LOAD NAME RC          apparmor_parser -r -K of one profile
#   AAVM RESULT N WORD         line N of checks.txt gave WORD (ok, EACCES, ...)
#   AAVM AUDIT TEXT            the AppArmor audit lines from dmesg
#   AAVM DONE                  the end; then the VM powers off
/bin/busybox --install -s /bin
export PATH=/bin:/sbin:/usr/bin:/usr/sbin
mkdir -p /proc /sys /dev /tmp /run
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
mount -t securityfs securityfs /sys/kernel/security
mkdir -p /dev/shm && mount -t tmpfs -o mode=1777 tmpfs /dev/shm
# every audit record reaches dmesg: no printk rate limit
echo 0 >/proc/sys/kernel/printk_ratelimit
echo "AAVM KERNEL $(uname -r) LSM $(cat /sys/kernel/security/lsm)"
echo "AAVM ENABLED $(cat /sys/module/apparmor/parameters/enabled 2>/dev/null)"

for p in /profiles/*.apparmor; do
    name=${p##*/}; name=${name%.apparmor}
    out=$(apparmor_parser -r -K "$p" 2>&1); rc=$?
    echo "AAVM LOAD $name $rc"
    [ -n "$out" ] && echo "$out" | sed 's/^/AAVM PARSER /'
done
sed 's/^/AAVM PROFILES /' /sys/kernel/security/apparmor/profiles

# fixtures: probe copies where the policies exec, files where they read/write
cp_probe() { for d in "$@"; do mkdir -p "${d%/*}"; cp /aa_probe "$d"; chmod 755 "$d"; done; }
mkfile() { for f in "$@"; do mkdir -p "${f%/*}"; echo fixture >"$f"; done; }
cp_probe /usr/sbin/nginx /var/lib/nginx/run /app/server /usr/local/bin/go-service /var/lib/go-service/run /usr/lib/postgresql/15/bin/postgres \
    /tmp/postgres /usr/bin/python3.11 /usr/bin/redis-server /var/lib/redis/run /data/bin/tool /srv/tool \
    /srv/app/bin/server /srv/app/bin/other "/opt/my tools/run" /tmp/tool
mkfile /etc/nginx/nginx.conf /etc/hostname /etc/resolv.conf /etc/ssl/certs/ca.pem /etc/go-service/config.json \
    /etc/postgresql/15/main/postgresql.conf /var/lib/postgresql/15/main/PG_VERSION \
    /var/lib/postgresql/data/pgdata/PG_VERSION \
    /usr/share/postgresql/15/extension.sql /opt/python-worker/worker.py \
    /etc/python-worker/config.json /usr/lib/python3.11/os.py \
    /var/log/app.log /etc/ssl/openssl.cnf /etc/pki/tls.pem /root/secret /etc/redis/redis.conf
mkdir -p /var/log/nginx /run/postgresql /srv/app/mnt /data /var/lib/go-service /var/log/redis /run/redis
for f in control nginx go-service postgres python-worker redis all-caps deny-only-network \
    complain-readonly deny-inet; do : >/dev/shm/owned-$f; done

n=0
while IFS= read -r line || [ -n "$line" ]; do
    n=$((n + 1))
    case "$line" in ''|'#'*|'@'*) continue ;; esac
    eval "set -- $line"
    profile=$1; shift 2  # $2, the expected outcome, is for the host
    if [ "$profile" = - ]; then
        word=$(timeout 20 /aa_probe "$@" 2>&1)
    elif [ "$1" = label ]; then
        # label's answer is its exit status; its stderr says what it saw
        if err=$(timeout 20 aa-exec -p "$profile" -- /aa_probe "$@" 2>&1); then word=ok; else word="fail $err"; fi
    else
        word=$(timeout 20 aa-exec -p "$profile" -- /aa_probe "$@" 2>&1)
    fi
    echo "AAVM RESULT $n $(printf '%s' "$word" | tr '\n' ' ')"
done </checks.txt

sleep 1  # kauditd prints the last records asynchronously
dmesg | grep 'apparmor="' | grep -v 'operation="profile_' | sed 's/^/AAVM AUDIT /'
echo "AAVM DONE"
poweroff -f

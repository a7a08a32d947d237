#!/usr/bin/env bash
# Run the Pod polc writes for a policy under `podman kube play` (runc) and
# observe from inside the container what the policy promises.
#
#   run_kube_case.sh POLC POLICY.pol EXPECT_FILE SYSPROBE [NAME]
#
# polc writes NAME.seccomp.json and NAME.k8s.yaml (--k8s-form pod, image
# localhost/polc-test:latest, the busybox + sysprobe rootfs of
# tests/podman/podman_env.sh). The test sets only what a policy does not say:
# the container's command (tests/probe/sysprobe, no shell) and
# restartPolicy: Never. podman kube play applies seccomp through the legacy
# annotation, found under --seccomp-profile-root.
#
# EXPECT_FILE lines:
#   caps: NAME...    the container's effective capabilities (CapEff), exactly;
#                    must also equal the Pod's capabilities.add
#   uid: N / gid: N  the process's ids; uid must equal runAsUser (0 when the
#                    Pod has none: the image's user)
#   nnp: 0|1         NoNewPrivs; must equal !allowPrivilegeEscalation
#   readonly: 0|1    creating /polc-probe fails with EROFS (1) or works (0);
#                    must equal readOnlyRootFilesystem
#   PROBE=RESULT     a sysprobe probe and its result, as in
#                    tests/podman/run_seccomp_case.sh (ok, err NAME, killed SIG)
#
# AppArmor: podman kube play 4.3 ignores the AppArmor annotation and the
# appArmorProfile field on a host without the AppArmor LSM (podman run
# refuses such a profile there, kube play drops it); the test checks that
# podman reports no AppArmor profile and says so. On a host with AppArmor the
# annotation is removed before playing (the profile comes from the AppArmor
# back end, tested with it), and the test says so too.
#
# Exit 0 pass, 1 fail, 77 skip (no root/podman/runc/busybox); with CI=true a
# skip is a failure.
set -euo pipefail
polc=$1 policy=$2 expect=$3 probe=$4 label=${5:-$(basename "$policy" .pol)}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=tests/podman/podman_env.sh
. "$HERE/../podman/podman_env.sh"

skip() {
    if [[ ${CI:-} == true ]]; then
        echo "FAIL (skip not allowed with CI=true): $*"
        exit 1
    fi
    echo "SKIP: $*"
    exit 77
}

SYSPROBE=$(realpath "$probe")
export SYSPROBE
work=$(mktemp -d "${TMPDIR:-/tmp}/polc-kube.XXXXXX")
cleanup() {
    if [[ -n ${POLC_PODMAN_DIR:-} && -f ${work}/pod.yaml ]]; then
        polc_podman kube down "$work/pod.yaml" >/dev/null 2>&1 || true
    fi
    podman_env_teardown
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

podman_available || skip "$POLC_PODMAN_WHY"
command -v python3 >/dev/null && python3 -c 'import yaml' 2>/dev/null || skip "python3-yaml missing"

name=$(basename "$policy" .pol)
"$polc" --target docker --target k8s --k8s-form pod --k8s-image "$POLC_PODMAN_IMAGE" "$policy" -o "$work/out" \
    2>"$work/polc.err" || { cat "$work/polc.err"; echo "FAIL: polc"; exit 1; }
pod=$work/out/$name.k8s.yaml
[[ -f $work/out/$name.seccomp.json && -f $pod ]] || { echo "FAIL: polc wrote no Pod/profile"; exit 1; }

aa_enabled=0
[[ $(cat /sys/module/apparmor/parameters/enabled 2>/dev/null || true) == Y ]] && aa_enabled=1

# The policy's promises as the Pod states them, and the Pod to play.
# One process, no shell (a policy need not allow what busybox sh does):
# sysprobe reports /proc/self/status and its ids, then runs each probe in a
# forked child: first creating /polc-probe (the read-only root check).
# --creds reads the ids from /proc/self/status: the policy may deny getuid(2)
cmd=(/sysprobe --status --creds -m "openat -100 s:/polc-probe 0x41 0644")
while IFS= read -r line || [[ -n $line ]]; do
    line=${line%%#*}
    [[ $line =~ [^[:space:]] ]] || continue
    case $line in *=*) cmd+=("$(sed 's/^[[:space:]]*//; s/[[:space:]]*$//' <<<"${line%=*}")") ;; esac
done <"$expect"
CMD=$(printf '%s\n' "${cmd[@]}")
export CMD
POD_IN=$pod POD_OUT=$work/pod.yaml AA=$aa_enabled python3 - >"$work/promised" <<'PY'
import os, yaml
pod = yaml.safe_load(open(os.environ["POD_IN"]))
c = pod["spec"]["containers"][0]
sc = c["securityContext"]
print("caps:", " ".join(sorted(sc["capabilities"].get("add", []))))
print("drop:", " ".join(sc["capabilities"]["drop"]))
print("uid:", sc.get("runAsUser", 0))
print("nnp:", 0 if sc["allowPrivilegeEscalation"] else 1)
print("readonly:", 1 if sc["readOnlyRootFilesystem"] else 0)
print("container:", c["name"])
ann = pod["metadata"]["annotations"]
print("apparmor:", ann.get("container.apparmor.security.beta.kubernetes.io/" + c["name"], ""))
if os.environ["AA"] == "1":
    del ann["container.apparmor.security.beta.kubernetes.io/" + c["name"]]
    del sc["appArmorProfile"]
c["command"] = os.environ["CMD"].split("\n")
pod["spec"]["restartPolicy"] = "Never"
yaml.safe_dump(pod, open(os.environ["POD_OUT"], "w"), sort_keys=False)
PY
promised() { sed -n "s/^$1: *//p" "$work/promised"; }
expected() { sed -n "s/^$1: *//p" "$expect" | sed 's/#.*//; s/[[:space:]]*$//'; }
ctr="$(promised container)-$(promised container)"

fail=0
check() { # check WHAT EXPECTED ACTUAL
    if [[ $2 == "$3" ]]; then echo "PASS $1: $3"; else echo "FAIL $1: got '$3', expected '$2'"; fail=1; fi
}
# The expectations are the policy's; the Pod must state the same.
check "Pod capabilities.add = expected caps" "$(expected caps)" "$(promised caps)"
check "Pod capabilities.drop" "ALL" "$(promised drop)"
check "Pod runAsUser = expected uid" "$(expected uid)" "$(promised uid)"
check "Pod !allowPrivilegeEscalation = expected nnp" "$(expected nnp)" "$(promised nnp)"
check "Pod readOnlyRootFilesystem = expected readonly" "$(expected readonly)" "$(promised readonly)"

t0=$(date +%s.%N)
polc_podman kube play --network none --seccomp-profile-root "$work/out" "$work/pod.yaml" >"$work/play.out" 2>&1 || {
    cat "$work/play.out"; echo "FAIL: podman kube play"; exit 1; }
rc=$(polc_podman wait "$ctr" 2>&1) || { echo "FAIL: podman wait $ctr: $rc"; exit 1; }
out=$(polc_podman logs "$ctr" 2>&1)
t1=$(date +%s.%N)
echo "# [$label] podman kube play + wait: $(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.2f", b-a}') s, exit $rc"
sed 's/^/# container: /' <<<"$out"
inspect=$(polc_podman inspect "$ctr" --format '{{.AppArmorProfile}}|{{.EffectiveCaps}}|{{.HostConfig.SecurityOpt}}')
echo "# podman inspect: AppArmorProfile|EffectiveCaps|SecurityOpt = $inspect"

# capabilities: CapEff as names, from the stdlib's numbers
capeff=$(sed -n 's/^CapEff:[[:space:]]*//p' <<<"$out" | head -1)
names=()
if [[ -n $capeff ]]; then
    while read -r _ n _ num; do
        if (((16#$capeff >> num) & 1)); then names+=("$n"); fi
    done < <(grep -E '^capability [A-Z_]+ = [0-9]+$' "$HERE/../../stdlib/constants/capabilities.pol")
fi
check "CapEff (effective capabilities)" "$(expected caps)" "$(printf '%s\n' "${names[@]}" | sort | xargs)"
check "NoNewPrivs" "$(expected nnp)" "$(sed -n 's/^NoNewPrivs:[[:space:]]*//p' <<<"$out")"
check "Seccomp mode (2 = filter)" "2" "$(sed -n 's/^Seccomp:[[:space:]]*//p' <<<"$out")"
check "uid" "$(expected uid)" "$(sed -n 's/^Uid:[[:space:]]*\([0-9]*\).*/\1/p' <<<"$out" | head -1)"
check "gid" "$(expected gid)" "$(sed -n 's/^Gid:[[:space:]]*\([0-9]*\).*/\1/p' <<<"$out" | head -1)"
if [[ $(expected readonly) == 1 ]]; then
    check "root filesystem read-only (create /polc-probe)" "err EROFS" "$(grep -E '^(ok|err|killed|exit|bad) ' <<<"$out" | head -1 | cut -d' ' -f1-2)"
else
    check "root filesystem writable (create /polc-probe)" "ok" "$(grep -E '^(ok|err|killed|exit|bad) ' <<<"$out" | head -1 | cut -d' ' -f1)"
fi
# the probes, in order, after the root filesystem line
mapfile -t results < <(grep -E '^(ok|err|killed|exit|bad) ' <<<"$out" | tail -n +2)
i=0
while IFS= read -r line || [[ -n $line ]]; do
    line=${line%%#*}
    [[ $line == *=* && $line =~ [^[:space:]] ]] || continue
    want=$(sed 's/^[[:space:]]*//; s/[[:space:]]*$//' <<<"${line##*=}")
    got=${results[i]:-missing}
    read -r -a w <<<"$want"
    read -r -a g <<<"$got"
    ok=0
    if [[ ${w[0]} == "${g[0]:-}" ]]; then
        case ${w[0]} in
        ok) ((${#w[@]} == 1)) || [[ ${w[1]} == "${g[1]:-}" ]] && ok=1 ;;
        err) [[ ${w[1]} == "${g[1]:-}" || ${w[1]} == "${g[2]:-}" ]] && ok=1 ;;
        *) [[ $want == "$got" ]] && ok=1 ;;
        esac
    fi
    if ((ok)); then echo "PASS ${line%=*} => $got"; else echo "FAIL ${line%=*} => $got (expected $want)"; fail=1; fi
    i=$((i + 1))
done <"$expect"

# AppArmor: what podman did with the profile the Pod names
aa=${inspect%%|*}
if ((aa_enabled)); then
    echo "NOTE: this host has AppArmor; the annotation and appArmorProfile were removed before playing"
    echo "      (the profile \`$(promised apparmor)\` comes from polc's AppArmor back end)"
else
    check "podman applied no AppArmor profile (host without the AppArmor LSM)" "" "$aa"
    echo "NOTE: no AppArmor LSM here: podman kube play ignored $(promised apparmor); the policy's"
    echo "      filesystem and network rules were NOT enforced in this run"
fi
if ((fail)); then echo "FAIL [$label]"; exit 1; fi
echo "PASS [$label]"

#!/usr/bin/env bash
# run_examples.sh POLC SYSPROBE EXAMPLE.pol...
# Each example policy's Docker JSON (polc -t docker) confining a busybox
# container under Docker Engine 20.10 (one private dockerd for all), with
# Docker's default capabilities. What to expect comes from the policy itself,
# through `polc eval` with the same capabilities:
#  - runc calls execve and, without no-new-privileges, the calls below after
#    loading the filter: if the policy allows them all, the container starts
#    and every probe gives what `polc eval` says (allow: the call succeeds,
#    errno(E): fails with E, kill/trap: SIGSYS); a probe the policy allows
#    that a container cannot make succeed anyway is not checked;
#  - else the container must not start (docker run fails, no probe answers).
# Exit 0 pass, 1 fail, 77 Docker cannot run here (1 when CI=true).
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$HERE/dockerd_env.sh"
. "$HERE/../common/probe_results.sh"
polc=$1 SYSPROBE=$(realpath "$2")
shift 2
export SYSPROBE
# Docker 20.10's default capability set, for `polc eval`
docker_caps=CHOWN,DAC_OVERRIDE,FSETID,FOWNER,MKNOD,NET_RAW,SETGID,SETUID,SETFCAP,SETPCAP,NET_BIND_SERVICE,SYS_CHROOT,KILL,AUDIT_WRITE
# what Debian's runc 1.1.5 calls after loading the filter when
# no-new-privileges is off (docs/docker.md)
runc_calls=('execve(0, 0, 0)' 'fstatfs(0, 0)' 'getdents64(0, 0, 0)' 'fstat(0, 0)' 'getcwd(0, 0)'
    'capget(0, 0)' 'capset(0, 0)' 'chdir(0)' 'prctl(0, 0, 0, 0, 0)')
# sysprobe probe | the call for polc eval | the probe succeeds in a container
probes=(
    'getpid|getpid()|y'
    'getuid|getuid()|y'
    'uname buf:512|uname(0)|y'
    'personality 0xffffffff|personality(0xffffffff)|y'
    'socket 1 1 0|socket(1, 1, 0)|y'
    'socket 2 2 0|socket(2, 2, 0)|y'
    'socket 16 3 0|socket(16, 3, 0)|n'
    'unshare 0x10000000|unshare(0x10000000)|n'
    'mkdir s:/tmp/polc-probe 0755|mkdir(0, 0755)|y'
    'acct 0|acct(0)|n'
    'setns 0 0|setns(0, 0)|n'
    'keyctl 0 0|keyctl(0, 0)|n'
    'ptrace 16 1 0 0|ptrace(16, 1, 0, 0)|n'
    'sethostname s:x 1|sethostname(0, 1)|n'
)
out=$(mktemp -d)
trap 'docker_env_teardown; rm -rf "$out"' EXIT
trap 'exit 130' INT TERM

# eval_actions POLICY CALL... -> one action per line
eval_actions() {
    local pol=$1
    shift
    "$polc" eval --caps "$docker_caps" "$pol" "$@" | sed -n 's/^action: //p'
}

t0=$(date +%s.%N)
docker_available || probe_cannot_test "$POLC_DOCKER_WHY"
echo "# dockerd ready in $(probe_elapsed "$t0") s"
failed=0
for pol in "$@"; do
    name=$(basename "$pol" .pol)
    if ! "$polc" -t docker "$pol" -o "$out" 2>"$out/$name.diag"; then
        echo "FAIL [$name] polc refused the example:"
        sed 's/^/#   /' "$out/$name.diag"
        failed=$((failed + 1))
        continue
    fi
    json=$out/$name.seccomp.json
    mapfile -t runc_acts < <(eval_actions "$pol" "${runc_calls[@]}")
    starts=yes
    for ((i = 0; i < ${#runc_calls[@]}; i++)); do
        [[ ${runc_acts[i]:-} == allow || ${runc_acts[i]:-} == log ]] || {
            starts="no: ${runc_calls[i]} is ${runc_acts[i]:-?}"
            break
        }
    done
    # shellcheck disable=SC2034 # probe_results.sh's arrays
    PROBES=() EXPECTS=()
    calls=()
    for p in "${probes[@]}"; do
        calls+=("$(cut -d'|' -f2 <<<"$p")")
    done
    mapfile -t acts < <(eval_actions "$pol" "${calls[@]}")
    for ((i = 0; i < ${#probes[@]}; i++)); do
        IFS='|' read -r probe _ works <<<"${probes[i]}"
        case ${acts[i]:-} in
        allow | log) [[ $works == n ]] || probe_add_expect "$probe=ok" ;;
        errno\(*\)) e=${acts[i]#errno(} && probe_add_expect "$probe=err ${e%)}" ;;
        kill | kill-process | trap) probe_add_expect "$probe=killed SIGSYS" ;;
        *) echo "# [$name] $probe: action '${acts[i]:-?}' not checked" ;;
        esac
    done
    if [[ $starts == yes ]]; then
        probe_run_all "$name" docker_run_probe "$json"
        probe_compare "$name"
        failed=$((failed + PROBE_FAILED))
    else
        rc=0
        res=$(docker_run_probe "$json" -- -m getpid 2>"$out/$name.err") || rc=$?
        if ((rc != 0)) && [[ -z $res ]]; then
            echo "PASS [$name] does not start under runc ($starts): docker run rc=$rc, $(tail -n 1 "$out/$name.err" | cut -c1-160)"
        else
            echo "FAIL [$name] started although $starts (rc=$rc, output '$res')"
            failed=$((failed + 1))
        fi
    fi
done
echo "$failed failed"
((failed == 0))

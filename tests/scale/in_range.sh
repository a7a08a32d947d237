#!/usr/bin/env bash
# in_range.sh MODE POLC GEN_SCALE STDLIB TOOL
# The generated policy of 1000 rules fits in one BPF filter (its argument
# tests need trampolines to reach the shared returns):
#   MODE semantic: TOOL = semantic_test: polc's BPF against the IR on every
#                  target arch, libseccomp's program from the Docker JSON
#                  against the IR on the x86 ones;
#   MODE kernel:   TOOL = bpf_kernel_run: the program loaded with seccomp(2)
#                  in forked children, on calls whose expected action
#                  `polc eval` gives (it also runs the program in the
#                  interpreter and compares it with the IR). 77 = no seccomp.
set -u
mode=$1 polc=$2 gen=$3 stdlib=$4 tool=$5
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
"$gen" "$stdlib" 1000 > "$tmp/scale1000.pol" || fail "gen_scale"
case $mode in
semantic)
    "$tool" "$stdlib" "$tmp/scale1000.pol" 2>&1 | grep -v '^left out on'
    exit "${PIPESTATUS[0]}"
    ;;
kernel)
    "$polc" -t bpf "$tmp/scale1000.pol" -o "$tmp" || fail "polc -t bpf"
    cases=()
    # calls harmless in a child, whose rules allow, deny with EACCES or
    # EINVAL (a mask), log (a constant) or fall to the default
    for call in close dup sched_get_priority_max sched_getparam inotify_rm_watch; do
        for v in 0 1 2 3 4 5 6 7 8 9 10 11 12 40 4000 0x4000000c 0x80000001; do
            out=$("$polc" eval "$tmp/scale1000.pol" "$call($v, 0)") || { echo "$out"; fail "polc eval $call($v)"; }
            act=$(echo "$out" | sed -n 's/^action: //p')
            case $act in
            allow | log | kill-process) want=$act ;;
            kill) want=kill-thread ;;
            errno\(*\)) want="errno ${act#errno(}"; want=${want%)} ;;
            *) fail "$call($v): unexpected action '$act'" ;;
            esac
            cases+=(-c "x86_64 $call $v 0 -> $want")
        done
    done
    "$tool" --stdlib "$stdlib" "$tmp/scale1000.bpf" "${cases[@]}"
    ;;
*) fail "mode $mode" ;;
esac

#!/usr/bin/env bash
# The base presets (stdlib/presets/base/*.pol, docs/presets.md).
#
#   base_test.sh POLC RUNNER STDLIB start      an empty program of glibc, musl
#       (static and dynamic) and Go runs under a policy of only
#       `include <presets/base/X.pol>` (plus execve, which the runtime makes
#       before the filter's program starts), loaded as runc loads it
#       (RUNNER: tests/learn/run_under_filter); without the include it does
#       not (the test can fail); polc-run.pol alone lets `polc run` exec.
#   base_test.sh POLC RUNNER STDLIB measured SUBJECT...   measure_base.sh's
#       calls of each subject, now, are all in its preset (a new runc, glibc
#       or Go that needs more fails here).
# Exit 0 pass, 1 fail.
set -u
POLC=$1 RUNNER=$2 STDLIB=$3 mode=$4
shift 4
here=$(cd "$(dirname "$0")" && pwd)
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
ok() { echo "ok: $*"; }
W=$(mktemp -d "${TMPDIR:-/tmp}/polc-base.XXXXXX") || exit 1
trap 'rm -rf "$W"' EXIT

# the syscall names a preset allows (its includes followed)
preset_names() {
    local f=$STDLIB/presets/base/$1.pol inc
    sed -e 's/#.*//' "$f" | tr ',{}' '   ' | tr -s ' \n' '\n' | grep -E '^[a-z_0-9]+$' |
        grep -vxE 'syscalls|allow|include'
    for inc in $(sed -n 's/^include "\(.*\)\.pol"$/\1/p' "$f"); do preset_names "$inc"; done
}

case $mode in
start)
    printf 'int main(void) { return 0; }\n' >"$W/e.c"
    gcc -O2 -o "$W/glibc" "$W/e.c" || fail "gcc"
    musl-gcc -static -O2 -o "$W/musl-static" "$W/e.c" || fail "musl-gcc -static (Debian: musl-tools)"
    musl-gcc -O2 -o "$W/musl-dynamic" "$W/e.c" || fail "musl-gcc"
    printf 'package main\n\nfunc main() {}\n' >"$W/main.go"
    (cd "$W" && GOCACHE=$W/gocache GOPATH=$W/gopath GO111MODULE=off GOFLAGS= go build -o go main.go) ||
        fail "go build (Debian: golang-go)"
    for prog in glibc musl-static musl-dynamic go; do
        preset=${prog%-*}
        for variant in with without; do
            {
                printf 'policy %s\narch x86_64\ndefault errno(EPERM)\n' "$prog"
                [[ $variant == with ]] && printf 'include <presets/base/%s.pol>\n' "$preset"
                printf 'syscalls {\n    allow execve\n}\n'
            } >"$W/$prog-$variant.pol"
            "$POLC" "$W/$prog-$variant.pol" -o "$W" 2>/dev/null || { fail "compile $prog-$variant.pol"; continue; }
            # a program that cannot even exit is killed by the timeout
            timeout 20 "$RUNNER" "$W/$prog-$variant.seccomp.json" -- "$W/$prog" >"$W/out" 2>&1
            rc=$?
            if [[ $variant == with ]]; then
                [[ $rc == 0 ]] && ok "$prog starts and exits 0 under presets/base/$preset.pol alone" ||
                    { fail "$prog under presets/base/$preset.pol: exit $rc"; head -5 "$W/out"; }
            else
                [[ $rc != 0 ]] && ok "$prog does not start without the preset (exit $rc)" ||
                    fail "$prog exits 0 without presets/base/$preset.pol: the test proves nothing"
            fi
        done
    done
    # polc run: the preset alone lets CMD start (a static program that
    # makes no call but exit_group, which the preset has)
    printf 'policy pr\narch x86_64\ndefault errno(EPERM)\ninclude <presets/base/polc-run.pol>\ninclude <presets/base/musl.pol>\n' \
        >"$W/pr.pol"
    if "$POLC" run "$W/pr.pol" -- "$W/musl-static" >"$W/pr.out" 2>&1; then
        ok "polc run execs CMD under presets/base/polc-run.pol + musl.pol"
    else
        fail "polc run under presets/base/polc-run.pol: $(head -3 "$W/pr.out")"
    fi
    printf 'policy pr\narch x86_64\ndefault errno(EPERM)\ninclude <presets/base/musl.pol>\n' >"$W/pr2.pol"
    "$POLC" run "$W/pr2.pol" -- "$W/musl-static" >/dev/null 2>&1 && fail "polc run execs CMD without execve?"
    ;;
measured)
    out=$(bash "$here/measure_base.sh" "$POLC" "$@") || fail "measure_base.sh failed"
    while IFS= read -r line; do
        [[ -n $line ]] || continue
        subject=${line%%:*}
        allowed=$(preset_names "$subject" | sort -u)
        missing=()
        for n in ${line#*:}; do
            grep -qx "$n" <<<"$allowed" || missing+=("$n")
        done
        if ((${#missing[@]})); then
            fail "$subject needs ${missing[*]}, not in presets/base/$subject.pol (measured: ${line#*: })"
        else
            ok "$subject: every measured call is in presets/base/$subject.pol (${line#*: })"
        fi
    done <<<"$out"
    ;;
*) echo "unknown mode $mode"; exit 2 ;;
esac
if ((fails)); then echo "$fails failure(s)"; exit 1; fi
echo "all passed"

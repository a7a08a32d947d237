#!/usr/bin/env bash
# Re-measure polc's read baseline (compiler/facts/read_baseline.c): what real
# programs open for reading before they do their own work, recorded with
# strace -f, compared with the table. Prints each program's reads and fails
# when one is not covered by the table (a file entry, or beneath a tree entry,
# after symbolic links are resolved).
#
#   measure_read_baseline.sh [WORKDIR]
# Programs: busybox sh, coreutils (ls -l, cat, date), python3 -c, perl -e and
# a static Go binary (built here with golang-go). Their own files are left
# out: the program itself (a `exec` rule of its policy) and its arguments.
# python3 runs with -S: the site module's .pth hooks are the installation's
# own work (on these machines one reads /etc/ssl/certs), not the interpreter's.
set -u
here=$(cd "$(dirname "$0")" && pwd)
table=$here/../../compiler/facts/read_baseline.c
work=${1:-$(mktemp -d /tmp/polc-baseline.XXXXXX)}
mkdir -p "$work"
for tool in strace busybox python3 perl go; do
    command -v "$tool" >/dev/null || { echo "FAIL: $tool is missing" >&2; exit 1; }
done
# the table: "path" entries and whether each is a tree
mapfile -t entries < <(sed -nE 's/^ *\{"(\/[^"]*)", (true|false),.*/\1 \2/p' "$table")
[ "${#entries[@]}" -gt 10 ] || { echo "FAIL: cannot read the table in $table" >&2; exit 1; }
covered() { # PATH
    local p=$1 e path tree real
    real=$(readlink -f "$p" 2>/dev/null || echo "$p")
    for e in "${entries[@]}"; do
        path=${e% *} tree=${e#* }
        local rp
        rp=$(readlink -f "$path" 2>/dev/null || echo "$path")
        # Landlock checks the file a path resolves to, not the link named
        for q in "$real"; do
            [ "$q" = "$path" ] || [ "$q" = "$rp" ] && return 0
            if [ "$tree" = true ]; then
                case $q in "$path"/* | "$rp"/*) return 0 ;; esac
            fi
        done
    done
    return 1
}
# the Go program: static, prints a line
cat >"$work/hello.go" <<'GO'
package main

import "fmt"

func main() { fmt.Println("hello from Go") }
GO
(cd "$work" && HOME=$work GOCACHE=$work/gocache GOPATH=$work/gopath GO111MODULE=off GOFLAGS= \
    go build -o "$work/hello" hello.go) || { echo "FAIL: go build" >&2; exit 1; }
programs=(
    "$(command -v busybox) sh -c true"
    "/usr/bin/ls -l $work/hello.go"
    "/usr/bin/cat $work/hello.go"
    "/usr/bin/date"
    "/usr/bin/python3 -S -c pass"
    "/usr/bin/perl -e 1"
    "$work/hello"
)
fail=0
for cmd in "${programs[@]}"; do
    # shellcheck disable=SC2086 # the command line is split on purpose
    strace -f -qq -e trace=open,openat,openat2 -e signal=none -o "$work/trace" $cmd >/dev/null 2>&1 ||
        { echo "FAIL: $cmd did not run under strace" >&2; fail=1; continue; }
    exe=${cmd%% *}
    # successful opens without O_WRONLY/O_RDWR: reads (directories included)
    reads=$(grep -E '= [0-9]+$' "$work/trace" | grep -vE 'O_WRONLY|O_RDWR' |
        sed -nE 's/.*open(at2?)?\((AT_FDCWD, )?"([^"]*)".*/\3/p' | sort -u)
    echo "== $cmd"
    while IFS= read -r f; do
        [ -n "$f" ] || continue
        case $f in "$exe" | "$work"/*) continue ;; esac
        if covered "$f"; then
            echo "   $f"
        else
            echo "   $f    NOT IN THE BASELINE"
            fail=1
        fi
    done <<<"$reads"
done
[ "$fail" = 0 ] && echo "PASS: every read is in compiler/facts/read_baseline.c"
exit "$fail"

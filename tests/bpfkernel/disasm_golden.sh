#!/bin/sh
# disasm_golden.sh POLC GOLDEN EXPECTED_STATUS [polc disasm ARGS...]
# Runs `POLC disasm ARGS...`, checks its exit status and compares its standard
# output with GOLDEN. POLC_UPDATE_GOLDEN=1 rewrites GOLDEN instead.
# A missing GOLDEN whose name says "libseccomp-VERSION" is a skip (77): the
# listing of libseccomp's program is pinned to one libseccomp version.
set -u
polc=$1 golden=$2 want=$3
shift 3
out=$(mktemp) || exit 2
trap 'rm -f "$out"' EXIT
"$polc" disasm "$@" >"$out"
status=$?
if [ "$status" != "$want" ]; then
    echo "FAIL: polc disasm $* exited $status, expected $want"
    cat "$out"
    exit 1
fi
if [ "${POLC_UPDATE_GOLDEN:-}" = 1 ]; then
    cp "$out" "$golden" && echo "updated $golden"
    exit $?
fi
if [ ! -f "$golden" ]; then
    case $golden in
    *libseccomp-*)
        echo "no golden listing for this libseccomp version: $golden"
        echo "(regenerate with POLC_UPDATE_GOLDEN=1 ctest -R disasm)"
        exit 77 ;;
    esac
    echo "FAIL: missing $golden (POLC_UPDATE_GOLDEN=1 creates it)"
    exit 1
fi
if ! diff -u "$golden" "$out"; then
    echo "FAIL: listing differs from $golden (POLC_UPDATE_GOLDEN=1 regenerates it)"
    exit 1
fi
echo "ok: $golden"

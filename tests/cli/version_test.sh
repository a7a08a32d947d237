#!/usr/bin/env bash
# One version number: CMake's project(VERSION) is what `polc --version`,
# libpolc's polc_version(), the generated man page and the VS Code package say.
# usage: version_test.sh POLC PROJECT_VERSION MAN_PAGE PACKAGE_JSON
set -u
polc=$1 want=$2 man=$3 pkg=$4
fail=0
got=$("$polc" --version)
[ "$got" = "polc $want" ] || { echo "FAIL: polc --version says '$got', CMake says $want"; fail=1; }
grep -q "^\.TH POLC 1 .*\"polc $want\"" "$man" || { echo "FAIL: $man does not carry polc $want"; fail=1; }
pv=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["version"])' "$pkg")
[ "$pv" = "$want" ] || { echo "FAIL: $pkg says version $pv, CMake says $want"; fail=1; }
if grep -rnF --include=*.c --include=*.h "\"$want\"" "$(dirname "$0")/../../compiler" "$(dirname "$0")/../../include"; then
    echo "FAIL: a version literal in the C sources (above); use POLC_VERSION from CMake"; fail=1
fi
[ $fail = 0 ] && echo "ok: polc $want everywhere"
exit $fail

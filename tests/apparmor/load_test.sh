#!/usr/bin/env bash
# polc load through libapparmor's aa_kernel_interface, against a fake
# interface directory (a .replace file and a features set), and the messages
# where there is no AppArmor.
#
#   load_test.sh POLC EXAMPLE.pol ABI_FEATURES
set -uo pipefail
polc=$1 policy=$2 abi=$3
parser=$(command -v apparmor_parser || ls /usr/sbin/apparmor_parser /sbin/apparmor_parser 2>/dev/null | head -1)
if [ -z "$parser" ]; then
    echo "SKIP: apparmor_parser is not installed"; exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
name=$(basename "$policy" .pol)
"$polc" -t apparmor "$policy" -o "$work" || fail "polc cannot compile $policy"
prof=$work/$name.apparmor

# 1. text profile, fake interface with its own features: .replace gets what
#    apparmor_parser compiles for those features
mkdir "$work/aafs"
: >"$work/aafs/.replace"
cp "$abi" "$work/aafs/features"
"$polc" load --apparmorfs "$work/aafs" "$prof" 2>"$work/err" || { cat "$work/err"; fail "load of $prof"; }
grep -q "loaded" "$work/err" || fail "no confirmation: $(cat "$work/err")"
"$parser" -Q -K -S -M "$work/aafs/features" "$prof" >"$work/expected" 2>/dev/null
[ -s "$work/expected" ] || fail "apparmor_parser -S gave nothing"
cmp -s "$work/expected" "$work/aafs/.replace" || fail ".replace differs from apparmor_parser -S's policy"
echo "ok: text profile loaded through the interface ($(wc -c <"$work/aafs/.replace") bytes)"

# 2. compiled policy: written as is
: >"$work/aafs/.replace"
"$polc" load --apparmorfs "$work/aafs" "$work/expected" 2>"$work/err" || { cat "$work/err"; fail "load of compiled policy"; }
cmp -s "$work/expected" "$work/aafs/.replace" || fail ".replace differs from the compiled policy loaded"
echo "ok: compiled policy loaded byte for byte"

# 3. an interface directory without features/: the target feature set is used
rm "$work/aafs/features"
: >"$work/aafs/.replace"
"$polc" load --apparmorfs "$work/aafs" "$prof" 2>"$work/err" || { cat "$work/err"; fail "load without features/"; }
cmp -s "$work/expected" "$work/aafs/.replace" || fail "without features/ the abi 3.0 set should be used"
echo "ok: without features/, compiled for polc's abi 3.0 set"

# 4. no such interface directory
"$polc" load --apparmorfs "$work/nope" "$prof" 2>"$work/err"
rc=$?
[ $rc = 2 ] || fail "missing interface dir: exit $rc, expected 2"
grep -q 'error\[E0806\]: `.*nope` is not an AppArmor interface directory' "$work/err" || fail "message: $(cat "$work/err")"
echo "ok: missing interface directory is E0806"

# 5. a profile apparmor_parser rejects: exit 1, nothing written
printf 'profile broken {\n  this is not a rule\n}\n' >"$work/broken.apparmor"
mkdir "$work/aafs2" && : >"$work/aafs2/.replace"
"$polc" load --apparmorfs "$work/aafs2" "$work/broken.apparmor" 2>"$work/err"
rc=$?
[ $rc = 1 ] || fail "broken profile: exit $rc, expected 1"
[ ! -s "$work/aafs2/.replace" ] || fail "a rejected profile reached the interface"
echo "ok: a profile apparmor_parser rejects is not loaded (exit 1)"

# 6. the running kernel: without the AppArmor LSM, a clear message and exit 2
if [ ! -d /sys/kernel/security/apparmor ] && [ ! -d /sys/module/apparmor ]; then
    "$polc" load "$prof" 2>"$work/err"
    rc=$?
    [ $rc = 2 ] || fail "no LSM: exit $rc, expected 2"
    grep -q 'error\[E0806\]: cannot load the profile: .*AppArmor' "$work/err" || fail "message: $(cat "$work/err")"
    "$polc" load --diagnostics-format json "$prof" >"$work/json" 2>/dev/null
    jq -e '.[0].code == "E0806"' "$work/json" >/dev/null || fail "JSON: $(cat "$work/json")"
    echo "ok: no AppArmor LSM here: $(head -1 "$work/err")"
else
    echo "note: this kernel has AppArmor; the no-LSM message is covered on hosts without it"
fi

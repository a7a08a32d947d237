#!/usr/bin/env bash
# libpolc installed as a user gets it: `cmake --install` into a fresh prefix,
# then examples/c/count_bytes.c built against that copy, once through
# pkg-config (the shared library) and once against libpolc.a, and run: it
# confines itself by examples/c/count_bytes.pol, counts its input, and its
# open of /etc/passwd fails with the policy's EPERM.
#   install_test.sh BUILD_DIR SOURCE_DIR [EXTRA_CFLAGS]
set -u
build=$1 src=$2 extra=${3:-}
fail=0
failmsg() { echo "FAIL: $*" >&2; fail=1; }
tmp=$(mktemp -d /tmp/polc-install-test.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
cmake --install "$build" --prefix "$tmp/prefix" >"$tmp/install.log" 2>&1 ||
    { cat "$tmp/install.log" >&2; echo "FAIL: cmake --install" >&2; exit 1; }
pc=$(find "$tmp/prefix" -name polc.pc)
[ -n "$pc" ] || { echo "FAIL: no polc.pc installed" >&2; exit 1; }
libdir=$(dirname "$(dirname "$pc")")
for f in libpolc.a libpolc.so libpolc.so.0 include/polc/polc.h share/polc/stdlib/prelude.pol; do
    case $f in lib*) p=$libdir/$f ;; *) p=$tmp/prefix/$f ;; esac
    [ -e "$p" ] || failmsg "$f is not installed ($p)"
done
export PKG_CONFIG_PATH=$(dirname "$pc")
[ "$(pkg-config --modversion polc)" = "$(sed -n 's/^project(polc VERSION \([0-9.]*\).*/\1/p' "$src/CMakeLists.txt")" ] ||
    failmsg "pkg-config --modversion polc says $(pkg-config --modversion polc)"
# shellcheck disable=SC2086 # word splitting of compiler flags is wanted
cc $extra "$src/examples/c/count_bytes.c" $(pkg-config --cflags --libs polc) -o "$tmp/count_shared" ||
    failmsg "the example does not build with pkg-config's flags"
# shellcheck disable=SC2086
cc $extra "$src/examples/c/count_bytes.c" $(pkg-config --cflags polc) "$libdir/libpolc.a" \
    $(pkg-config --libs json-c libseccomp yaml-0.1 libapparmor libcap) -o "$tmp/prefix/bin/count_static" ||
    failmsg "the example does not build against libpolc.a"
printf '12345678' >"$tmp/input"
# Built with the sanitizers (the ASan suite passes them as EXTRA_CFLAGS),
# LeakSanitizer's scan at exit stops the world with a tracer thread (clone,
# ptrace, futex), which the example's policy rightly denies: the scan would
# spin on futex() = EPERM forever. Leaks are checked by the unconfined tests.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
want=$(printf '8 bytes\nopen(/etc/passwd): Operation not permitted')
for kind in shared static; do
    [ -x "$tmp/count_shared" ] || [ $kind = static ] || continue
    [ -x "$tmp/prefix/bin/count_static" ] || [ $kind = shared ] || continue
    if [ $kind = shared ]; then
        LD_LIBRARY_PATH=$libdir ldd "$tmp/count_shared" | grep -q "$libdir/libpolc.so.0" ||
            failmsg "count_shared does not load the installed libpolc.so.0: $(ldd "$tmp/count_shared" | grep polc)"
        got=$(LD_LIBRARY_PATH=$libdir timeout 60 "$tmp/count_shared" "$src/examples/c/count_bytes.pol" <"$tmp/input" 2>"$tmp/err")
    else
        # linked statically, libpolc looks for the stdlib beside the program:
        # installed in PREFIX/bin, it finds PREFIX/share/polc/stdlib
        got=$(timeout 60 "$tmp/prefix/bin/count_static" "$src/examples/c/count_bytes.pol" <"$tmp/input" 2>"$tmp/err")
    fi
    st=$?
    [ "$st" = 0 ] && [ "$got" = "$want" ] ||
        failmsg "count_$kind: exit $st, output [$got], stderr [$(cat "$tmp/err")], wanted [$want]"
done
[ $fail = 0 ] && echo "libpolc install: shared and static examples ran confined"
exit $fail

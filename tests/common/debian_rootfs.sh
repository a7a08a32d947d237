# shellcheck shell=bash
# debian_rootfs NAME PACKAGE... -> prints the path of a tarball of a Debian 12
# root file system with those packages (mmdebstrap --variant=essential from
# the host's apt sources), built once and cached: under $POLC_TEST_CACHE
# (default ${XDG_CACHE_HOME:-$HOME/.cache}/polc-tests) as NAME-bookworm.tar.
# A changed package list rebuilds it (the list is kept beside the tarball).
# Concurrent callers wait on a lock. Returns 1 with the reason on stderr when
# mmdebstrap is missing or the archive cannot be reached: callers fail, they
# do not skip (issue 16: a slow archive is a clear failure).
debian_rootfs() {
    local name=$1
    shift
    local cache=${POLC_TEST_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/polc-tests}
    local tarball=$cache/$name-bookworm.tar want
    want=$(printf '%s\n' "$@" | sort | tr '\n' ' ')
    command -v mmdebstrap >/dev/null || { echo "debian_rootfs: mmdebstrap is not installed" >&2; return 1; }
    mkdir -p "$cache" || return 1
    (
        flock 9
        if [[ ! -s $tarball || $(cat "$tarball.packages" 2>/dev/null) != "$want" ]]; then
            echo "debian_rootfs: building $tarball with mmdebstrap ($*), once" >&2
            local t0=$SECONDS try
            # a second try: apt's downloads failed now and then when several
            # builds ran at once
            for try in 1 2; do
                timeout 600 mmdebstrap --variant=essential --include="$(IFS=,; echo "$*")" \
                    --dpkgopt='path-exclude=/usr/share/{doc,man,locale,info}/*' \
                    bookworm "$tarball.tmp.tar" >"$cache/$name.log" 2>&1 && break
                rm -f "$tarball.tmp.tar"
                if [[ $try == 2 ]]; then
                    echo "debian_rootfs: mmdebstrap failed twice (the Debian archive unreachable or slow?): $(grep -E '^(E|W):' "$cache/$name.log" | tail -5)" >&2
                    exit 1
                fi
                echo "debian_rootfs: mmdebstrap failed, once more: $(grep -E '^E:' "$cache/$name.log" | tail -2)" >&2
            done
            mv "$tarball.tmp.tar" "$tarball" && printf '%s' "$want" >"$tarball.packages"
            echo "debian_rootfs: built in $((SECONDS - t0)) s" >&2
        fi
    ) 9>"$cache/.$name.lock" || return 1
    echo "$tarball"
}

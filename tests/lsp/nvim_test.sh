#!/usr/bin/env bash
# A real client: Neovim (Debian's 0.7) headless, its built-in LSP client
# set up by editors/vim/lua/polc.lua, running `polc lsp` on a buffer with
# two mistakes; the diagnostics it
# collected and one hover are compared with expected/nvim.txt.
#   nvim_test.sh POLC SOURCE_DIR
set -u
polc=$1 src=$2
command -v nvim >/dev/null || { echo "FAIL: nvim is missing (Debian package neovim)"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat >"$tmp/app.pol" <<'POL'
policy app
arch x86_64
default errno(EPERM)
syscalls {
  allow read, wrte
  allow openat if flgs & O_CREAT == 0
}
POL
cd "$tmp" || exit 1
POLC_BIN=$polc POLC_NVIM_OUT=$tmp/out.txt POLC_NVIM_HOVER=5:9 POLC_NVIM_FILE=$tmp/app.pol \
    POLC_EDITORS_VIM=$src/editors/vim HOME=$tmp XDG_CONFIG_HOME=$tmp XDG_DATA_HOME=$tmp \
    XDG_STATE_HOME=$tmp timeout 120 nvim --headless -n -i NONE -u NONE --noplugin \
    -c "luafile $src/tests/lsp/nvim_client.lua" </dev/null >"$tmp/nvim.log" 2>&1
st=$?
[ $st = 0 ] || { echo "FAIL: nvim exited $st"; cat "$tmp/nvim.log"; exit 1; }
diff -u "$src/tests/lsp/expected/nvim.txt" "$tmp/out.txt" || exit 1
echo "neovim: diagnostics and hover from polc lsp as expected"

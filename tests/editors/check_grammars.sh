#!/usr/bin/env bash
# The editor support under editors/ (docs: README "Editor support"):
#   1. the generated grammars are up to date with grammar/lexer.l and the
#      stdlib (editors/gen_grammars.py --check);
#   2. the VS Code extension's JSON files parse and name files that exist;
#   3. the TextMate grammar through vscode-textmate + vscode-oniguruma
#      (tests/editors/textmate, pinned by its package-lock.json; `npm ci`
#      there, as .ci/install-deps does): every regex compiles, every policy
#      below is fully scoped, every lexer keyword, syscall and capability is
#      known;
#   4. the Vim syntax file under `vim -u NONE -N -es` over the same policies:
#      filetype detection, syntax groups of known tokens, no Vim error;
#   5. the Vim ftplugin's :PolcFmt formats a buffer and leaves a broken one.
#
#   check_grammars.sh SOURCE_ROOT POLC
#
# Exit 77 (skip) without python3, node + npm packages or a Vim with +syntax;
# with CI=true a skip is a failure.
set -uo pipefail
root=$(cd "$1" && pwd) polc=$2
here=$root/tests/editors
skip() {
    if [[ ${CI:-} == true ]]; then echo "FAIL (skip not allowed with CI=true): $*"; exit 1; fi
    echo "SKIP: $*"; exit 77
}
status=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# polc fmt's golden outputs too, named .pol so that Vim detects them
mkdir "$work/cases"
for f in "$root"/tests/fmt/cases/*.expected; do cp "$f" "$work/cases/$(basename "$f" .expected).pol"; done
policies=("$here/highlight.pol" "$root"/examples/*.pol "$work"/cases/*.pol)
while IFS= read -r -d '' f; do policies+=("$f"); done < <(find "$root/stdlib" -name '*.pol' -print0 | sort -z)

# 1
python3 "$root/editors/gen_grammars.py" --check || status=1
# 2
python3 - "$root/editors/vscode" <<'PY' || status=1
import json, os, sys
d = sys.argv[1]
pkg = json.load(open(os.path.join(d, "package.json")))
json.load(open(os.path.join(d, "language-configuration.json")))
lang = pkg["contributes"]["languages"][0]
gram = pkg["contributes"]["grammars"][0]
assert lang["id"] == gram["language"] == "polc", "language ids differ"
assert ".pol" in lang["extensions"], "*.pol is not the polc language"
for p in (lang["configuration"], gram["path"]):
    assert os.path.isfile(os.path.join(d, p)), p + " does not exist"
tm = json.load(open(os.path.join(d, gram["path"])))
assert tm["scopeName"] == gram["scopeName"], "scopeName differs from package.json"
print("ok: editors/vscode/package.json and language-configuration.json")
PY
# 3
if ! command -v node >/dev/null; then
    skip "node is not installed"
elif [[ ! -d $here/textmate/node_modules/vscode-textmate ]]; then
    skip "run \`npm ci\` in tests/editors/textmate (see .ci/install-deps)"
fi
node "$here/textmate/check.cjs" "$root/editors/vscode/syntaxes/polc.tmLanguage.json" "$root/grammar/lexer.l" \
    "$root/stdlib" "${policies[@]}" || status=1
# 4
command -v vim >/dev/null || skip "vim is not installed"
grep -q '+syntax' <<<"$(vim --version)" || skip "this vim has no +syntax (vim-tiny); install vim or vim-nox"
HOME=$work vim -u NONE -N -es -i NONE --cmd "set rtp^=$root/editors/vim" -S "$here/vim_check.vim" \
    -- "$work/vim.log" "${policies[@]}" </dev/null >"$work/vim.out" 2>&1
rc=$?
cat "$work/vim.log" 2>/dev/null || { echo "FAIL: vim wrote no log:"; cat "$work/vim.out"; }
if [ $rc -ne 0 ]; then echo "FAIL: vim exit $rc"; status=1; else echo "ok: vim syntax"; fi
# 5
cp "$root/tests/fmt/cases/sections.pol" "$work/messy.pol"
printf 'syscalls { allow }\n' >"$work/broken.pol"
cp "$work/broken.pol" "$work/broken.before"
for f in messy broken; do
    HOME=$work vim -u NONE -N -es -i NONE --cmd "set rtp^=$root/editors/vim" -c 'filetype plugin on' \
        -c "let g:polc_command = '$polc'" -c "edit $work/$f.pol" -c PolcFmt -c wq </dev/null >/dev/null 2>&1
done
if cmp -s "$work/messy.pol" "$root/tests/fmt/cases/sections.expected" && cmp -s "$work/broken.pol" "$work/broken.before"; then
    echo "ok: :PolcFmt"
else
    echo "FAIL: :PolcFmt"; diff "$work/messy.pol" "$root/tests/fmt/cases/sections.expected" | head; status=1
fi
exit $status

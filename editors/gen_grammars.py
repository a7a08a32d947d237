#!/usr/bin/env python3
"""Writes the editor grammars from polc's own sources:

  editors/vscode/syntaxes/polc.tmLanguage.json   (TextMate: VS Code, and
                                                  anything that reads it)
  editors/vim/syntax/polc.vim                    (Vim)

Keywords come from grammar/lexer.l, syscall names from stdlib/syscalls/*.tbl,
capability names from stdlib/constants/capabilities.pol, so a new keyword or
syscall only needs `python3 editors/gen_grammars.py` (a keyword the table
below does not place is an error). `--check` compares instead of writing
(tests/editors runs it).
"""
import glob
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TM = os.path.join(ROOT, "editors/vscode/syntaxes/polc.tmLanguage.json")
VIM = os.path.join(ROOT, "editors/vim/syntax/polc.vim")

# Each lexer keyword's role. kill/read/write also name syscalls: they are
# keywords only where the next token says so (see CONTEXTUAL).
ROLES = {
    "declaration": "policy include arch default const capability set mode",
    "section": "syscalls capabilities filesystem network process resources",
    "action": "allow deny kill-process kill-thread kill trap trace log notify errno",
    "conditional": "if when for",
    "logical": "and or not in",
    "item": "drop add all read write append exec read-only root confine reads landlock-abi scope user group no-new-privileges newer-than unknown "
            "pids memory memory-swap cpus nofile nproc",
}
CONTEXTUAL = {"kill", "read", "write"}
ARCHES = "x86_64 amd64 x86 i386 x32 aarch64 arm64 arm riscv64 ppc64le s390x"
NETWORK = "unix inet inet6 netlink packet alg vsock bluetooth can xdp key tipc stream dgram raw seqpacket rdm"
MODES = "complain enforce"

# a word of the policy language: identifiers may contain inner hyphens
BEFORE = r"(?<![-\w@])"
AFTER = r"(?![\w]|-\w)"
# a number: `-1` is minus and one, `x-1` one identifier
NUM_BEFORE = r"(?<![\w@])(?<!\w-)"


def lexer_keywords():
    # the one reading of the lexer's keywords (the compiler's table is built from it too)
    sys.dont_write_bytecode = True
    sys.path.insert(0, os.path.join(ROOT, "grammar"))
    import keywords

    return keywords.lexer_keywords(os.path.join(ROOT, "grammar/lexer.l"))


def syscall_names():
    names = set()
    for tbl in glob.glob(os.path.join(ROOT, "stdlib/syscalls/*.tbl")):
        base = os.path.basename(tbl)
        if base in ("signatures.tbl", "versions.tbl"):
            continue
        with open(tbl) as f:
            for line in f:
                parts = line.split("#", 1)[0].split()
                if len(parts) >= 2 and parts[0].isdigit():
                    names.add(parts[1])
    return sorted(names)


def capability_names():
    with open(os.path.join(ROOT, "stdlib/constants/capabilities.pol")) as f:
        return sorted(re.findall(r"^capability\s+([A-Z_0-9]+)\s*=", f.read(), re.M))


def words(names):
    """One regex alternative per name, longest first (kill-process before kill)."""
    return "|".join(re.escape(n).replace("\\-", "-") for n in sorted(names, key=lambda n: (-len(n), n)))


def roles():
    keywords = lexer_keywords()
    placed = {w: role for role, ws in ROLES.items() for w in ws.split()}
    missing = [k for k in keywords if k not in placed]
    stale = [w for w in placed if w not in keywords]
    if missing or stale:
        sys.exit("gen_grammars: place the lexer's keywords in ROLES: missing %s, no longer keywords %s"
                 % (missing, stale))
    by_role = {}
    for w, role in placed.items():
        if w not in CONTEXTUAL:
            by_role.setdefault(role, []).append(w)
    return by_role


def textmate():
    r = roles()
    kw = lambda names: BEFORE + "(?:" + words(names) + ")" + AFTER
    repo = {
        "comment": {
            "match": r"(#).*$",
            "name": "comment.line.number-sign.polc",
            "captures": {"1": {"name": "punctuation.definition.comment.polc"}},
        },
        "string": {
            "begin": "\"",
            "end": "\"|$",
            "name": "string.quoted.double.polc",
            "beginCaptures": {"0": {"name": "punctuation.definition.string.begin.polc"}},
            "endCaptures": {"0": {"name": "punctuation.definition.string.end.polc"}},
            "patterns": [
                {"match": r"\\[nt\\\"]", "name": "constant.character.escape.polc"},
                {"match": r"\\.", "name": "invalid.illegal.escape.polc"},
            ],
        },
        "include": {
            "match": BEFORE + r"(include)\s+(<[^<>\s]+>)",
            "captures": {
                "1": {"name": "keyword.other.declaration.polc"},
                "2": {"name": "string.quoted.other.lt-gt.include.polc"},
            },
        },
        "path": {
            "match": r"/[A-Za-z0-9_./*?+@:=~\[\]\-^!]*",  # a `/` always starts a path
            "name": "string.unquoted.path.polc",
        },
        "number": {
            "patterns": [
                # a size of the resources section: `512MiB`, `1.5GiB`
                {"match": NUM_BEFORE + r"(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:B|KiB|MiB|GiB|TiB)" + AFTER,
                 "name": "constant.numeric.size.polc"},
                {"match": NUM_BEFORE + r"[0-9]+\.[0-9]+(?:\.[0-9]+)?" + AFTER, "name": "constant.numeric.version.polc"},
                {"match": NUM_BEFORE + r"0[xX][0-9A-Fa-f_]*[0-9A-Fa-f][0-9A-Fa-f_]*" + AFTER,
                 "name": "constant.numeric.hex.polc"},
                {"match": NUM_BEFORE + r"0[oO][0-7_]*[0-7][0-7_]*" + AFTER, "name": "constant.numeric.octal.polc"},
                {"match": NUM_BEFORE + r"0[bB][01_]*[01][01_]*" + AFTER, "name": "constant.numeric.binary.polc"},
                # a port range, `8000-8100`: the number before `-` is not the
                # start of an identifier (`x-1` is one), so the pair is one match
                {"match": NUM_BEFORE + r"((?:0|[1-9][0-9_]*))(-)((?:0|[1-9][0-9_]*))" + AFTER,
                 "captures": {"1": {"name": "constant.numeric.decimal.polc"},
                              "2": {"name": "keyword.operator.arithmetic.polc"},
                              "3": {"name": "constant.numeric.decimal.polc"}}},
                {"match": NUM_BEFORE + r"(?:0|[1-9][0-9_]*)" + AFTER, "name": "constant.numeric.decimal.polc"},
                {"match": NUM_BEFORE + r"[0-9][0-9A-Za-z_]*" + AFTER, "name": "invalid.illegal.numeric.polc"},
            ]
        },
        "group": {"match": r"@[A-Za-z0-9_]+(?:-[A-Za-z0-9_]+)*", "name": "variable.other.set.polc"},
        "argument": {
            # an argument name is what a comparison, a mask or `in` follows
            "match": BEFORE + r"[a-z_][a-z0-9_]*" + AFTER
                     + r"(?=\s*(?:==|!=|<=|>=|<(?!<)|>|&)|\s+(?:not\s+)?in" + AFTER + ")",
            "name": "variable.parameter.argument.polc",
        },
        "keyword": {
            "patterns": [
                {"match": BEFORE + r"kill(?=\s+[@A-Za-z_(])", "name": "keyword.control.action.polc"},
                {"match": BEFORE + r"(?:read|write)(?=\s+[/\"])", "name": "keyword.other.item.polc"},
                {"match": kw(r["declaration"]), "name": "keyword.other.declaration.polc"},
                {"match": kw(r["section"]), "name": "keyword.other.section.polc"},
                {"match": kw(r["action"]), "name": "keyword.control.action.polc"},
                {"match": kw(r["conditional"]), "name": "keyword.control.conditional.polc"},
                {"match": kw(r["logical"]), "name": "keyword.operator.logical.polc"},
                {"match": kw(r["item"]), "name": "keyword.other.item.polc"},
            ]
        },
        "name": {
            "patterns": [
                {"match": kw(syscall_names()), "name": "support.function.syscall.polc"},
                {"match": BEFORE + "(?:CAP_)?(?:" + words(capability_names()) + ")" + AFTER,
                 "name": "constant.language.capability.polc"},
                {"match": kw(ARCHES.split()), "name": "support.constant.arch.polc"},
                {"match": kw(NETWORK.split()), "name": "support.constant.network.polc"},
                {"match": kw(MODES.split()), "name": "support.constant.mode.polc"},
                {"match": BEFORE + r"[A-Z][A-Z0-9_]*" + AFTER, "name": "constant.other.polc"},
                {"match": r"[A-Za-z_][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*", "name": "variable.other.polc"},
            ]
        },
        "operator": {
            "patterns": [
                {"match": r"==|!=|<=|>=|<|>", "name": "keyword.operator.comparison.polc"},
                {"match": r"<<|&|\||~", "name": "keyword.operator.bitwise.polc"},
                {"match": r"-", "name": "keyword.operator.arithmetic.polc"},
                {"match": r"=", "name": "keyword.operator.assignment.polc"},
                {"match": r":", "name": "punctuation.separator.colon.polc"},
            ]
        },
        "punctuation": {
            "patterns": [
                {"match": r"\{", "name": "punctuation.section.block.begin.polc"},
                {"match": r"\}", "name": "punctuation.section.block.end.polc"},
                {"match": r"\(", "name": "punctuation.section.parens.begin.polc"},
                {"match": r"\)", "name": "punctuation.section.parens.end.polc"},
                {"match": r",", "name": "punctuation.separator.comma.polc"},
                {"match": r";", "name": "punctuation.terminator.statement.polc"},
            ]
        },
        "invalid": {"match": r"\S", "name": "invalid.illegal.character.polc"},
    }
    order = ["comment", "string", "include", "path", "number", "group", "argument", "keyword", "name",
             "operator", "punctuation", "invalid"]
    grammar = {
        "$schema": "https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json",
        "name": "polc",
        "scopeName": "source.polc",
        "fileTypes": ["pol"],
        "comment": "Generated by editors/gen_grammars.py from grammar/lexer.l and stdlib/; do not edit.",
        "patterns": [{"include": "#" + k} for k in order],
        "repository": repo,
    }
    return json.dumps(grammar, indent=2) + "\n"


def vim_words(group, names, width=96):
    lines, cur = [], "syn keyword %s" % group
    for n in names:
        if len(cur) + 1 + len(n) > width:
            lines.append(cur)
            cur = "syn keyword %s" % group
        cur += " " + n
    lines.append(cur)
    return "\n".join(lines)


def vim():
    r = roles()
    out = ['" Vim syntax file for polc policies (*.pol).',
           '" Generated by editors/gen_grammars.py from grammar/lexer.l and stdlib/; do not edit.',
           'if exists("b:current_syntax")',
           "  finish",
           "endif",
           "",
           '" `-` joins words: kill-process, read-only, @basic-io',
           "syn iskeyword @,48-57,_,-",
           "syn case match",
           "",
           vim_words("polcSyscall", [n for n in syscall_names() if n not in CONTEXTUAL]),
           '" kill, read, write: matches, so that the keyword matches below can win',
           "syn match polcSyscall /\\<\\(" + "\\|".join(sorted(CONTEXTUAL)) + "\\)\\>/",
           vim_words("polcCapability", capability_names() + ["CAP_" + c for c in capability_names()]),
           vim_words("polcArch", ARCHES.split()),
           vim_words("polcNetwork", NETWORK.split()),
           vim_words("polcMode", MODES.split()),
           "syn match polcConstant /\\<[A-Z][A-Z0-9_]*\\>/",
           "syn match polcArg /\\<[a-z_][a-z0-9_]*\\>\\ze\\(\\s*\\(==\\|!=\\|<=\\|>=\\|<[^<]\\|>\\|&\\)\\|\\s\\+\\(not\\s\\+\\)\\=in\\>\\)/",
           "",
           '" keywords (a keyword beats a match at the same place; later keywords win)',
           vim_words("polcDeclaration", sorted(r["declaration"])),
           vim_words("polcSection", sorted(r["section"])),
           vim_words("polcAction", sorted(r["action"])),
           vim_words("polcConditional", sorted(r["conditional"])),
           vim_words("polcLogical", sorted(r["logical"])),
           vim_words("polcItem", sorted(r["item"])),
           '" kill, read and write are syscalls, except as an action or before a path',
           "syn match polcAction /\\<kill\\>\\ze\\s\\+[@A-Za-z_(]/",
           "syn match polcItem /\\<\\(read\\|write\\)\\>\\ze\\s\\+[/\"]/",
           "",
           "syn match polcGroup /@[A-Za-z0-9_]\\+\\(-[A-Za-z0-9_]\\+\\)*/",
           "syn match polcNumber /\\<\\d[0-9A-Za-z_]*\\>/",
           "syn match polcNumber /\\<\\d\\+\\.\\d\\+\\(\\.\\d\\+\\)\\=\\>/",
           "syn match polcNumber /\\<\\d\\+\\.\\d\\+\\(B\\|KiB\\|MiB\\|GiB\\|TiB\\)\\>/",
           "syn match polcOperator /==\\|!=\\|<=\\|>=\\|<<\\|[<>&|~=:]/",
           "syn match polcPath +/[A-Za-z0-9_./*?+@:=~\\[\\]^!-]*+",
           "syn match polcIncludePath /\\(\\<include\\s\\+\\)\\@<=<[^<> \\t]\\+>/",
           "syn match polcEscape /\\\\[nt\\\\\"]/ contained",
           "syn region polcString start=/\"/ skip=/\\\\./ end=/\"\\|$/ oneline contains=polcEscape",
           "syn keyword polcTodo TODO FIXME XXX contained",
           "syn match polcComment /#.*$/ contains=polcTodo",
           "",
           "hi def link polcComment Comment",
           "hi def link polcTodo Todo",
           "hi def link polcString String",
           "hi def link polcEscape SpecialChar",
           "hi def link polcIncludePath String",
           "hi def link polcPath String",
           "hi def link polcNumber Number",
           "hi def link polcDeclaration Keyword",
           "hi def link polcSection Structure",
           "hi def link polcAction Statement",
           "hi def link polcConditional Conditional",
           "hi def link polcLogical Operator",
           "hi def link polcItem Keyword",
           "hi def link polcOperator Operator",
           "hi def link polcGroup Identifier",
           "hi def link polcSyscall Function",
           "hi def link polcArg Identifier",
           "hi def link polcCapability Constant",
           "hi def link polcConstant Constant",
           "hi def link polcArch Type",
           "hi def link polcNetwork Type",
           "hi def link polcMode Type",
           "",
           'let b:current_syntax = "polc"',
           ""]
    return "\n".join(out)


def main():
    check = "--check" in sys.argv[1:]
    stale = []
    for path, text in ((TM, textmate()), (VIM, vim())):
        old = open(path).read() if os.path.exists(path) else None
        if old == text:
            continue
        if check:
            stale.append(os.path.relpath(path, ROOT))
        else:
            with open(path, "w") as f:
                f.write(text)
            print("wrote " + os.path.relpath(path, ROOT))
    if stale:
        print("out of date (run python3 editors/gen_grammars.py): " + ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

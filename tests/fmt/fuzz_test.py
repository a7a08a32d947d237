#!/usr/bin/env python3
"""polc fmt against perturbed copies of real policies (a fixed seed: the same
variants on every run).

  * whitespace: the gaps between tokens are replaced by other whitespace that
    keeps empty lines empty and adds none (spaces, tabs, CRLF, newlines in
    the middle of statements). The canonical form must not change at all.
  * comments: `# fuzz N` comments are added at the ends of random tokens'
    lines and on lines of their own. polc fmt must accept the file (never
    E0190, its safety check), keep every comment exactly once and in order,
    and be idempotent.

A file polc fmt refuses with syntax errors only (E01xx: the diagnostics
tests' broken inputs) has nothing to perturb and is counted apart.

    fuzz_test.py POLC FILE.pol...
"""
import os
import random
import re
import subprocess
import sys

polc, files = sys.argv[1], sys.argv[2:]
VARIANTS = int(os.environ.get("POLC_FMT_FUZZ_VARIANTS", "8"))

TOKEN_RES = [
    ("ws", re.compile(r"[ \t\r\n\f\v]+")),
    ("comment", re.compile(r"#[^\n]*")),
    ("word", re.compile(r"[A-Za-z_][A-Za-z0-9_]*(-[A-Za-z0-9_]+)*")),
    ("group", re.compile(r"@[A-Za-z0-9_]+(-[A-Za-z0-9_]+)*")),
    ("size", re.compile(r"[0-9]+\.[0-9]+[A-Za-z]+")),  # `1.5GiB` (resources)
    ("version", re.compile(r"[0-9]+\.[0-9]+(\.[0-9]+)?")),
    ("number", re.compile(r"[0-9][0-9A-Za-z_]*")),
    ("string", re.compile(r'"([^"\\\n]|\\.)*"')),
    ("angle", re.compile(r"<[^<>\n \t]+>")),
    ("path", re.compile(r"/[A-Za-z0-9_./*?+@:=~\[\]\-^!]*")),
    ("op", re.compile(r"==|!=|<=|>=|<<|[<>&|~(){},;=:\-]")),
]


def tokenize(text):
    """(kind, text) pieces as grammar/lexer.l cuts them: longest match, first rule on ties."""
    out, i, after_include = [], 0, False
    while i < len(text):
        best = None
        for kind, rx in TOKEN_RES:
            if kind == "angle" and not after_include:
                continue
            m = rx.match(text, i)
            if m and m.end() > i and (best is None or m.end() > best[1]):
                best = (kind, m.end())
        if best is None:
            raise ValueError("cannot tokenize at %d: %r" % (i, text[i:i + 20]))
        kind, end = best
        piece = text[i:end]
        out.append((kind, piece))
        if kind not in ("ws", "comment"):
            after_include = piece == "include"
        i = end
    return out


def fmt(text):
    p = subprocess.run([polc, "fmt", "-"], input=text.encode(errors="surrogateescape"), stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, timeout=60)
    return p.returncode, p.stdout.decode(errors="surrogateescape"), p.stderr.decode(errors="replace")


def gaps(toks):
    """Indexes of whitespace between two non-comment tokens (or an empty gap)."""
    res = []
    for i in range(1, len(toks) - 1):
        # not before `;`: polc fmt drops it, and a comment after it would move to another line
        if (toks[i][0] == "ws" and toks[i - 1][0] not in ("comment", "ws")
                and toks[i + 1][0] not in ("comment", "ws") and toks[i + 1][1] != ";"):
            res.append(i)
    return res


def reflow(toks, rnd, keep_lines):
    """keep_lines: `# polc: allow` lines keep their tokens (polc fmt writes
    them as they are), so no token may move to another line."""
    out = list(toks)
    for i in gaps(toks):
        nl = toks[i][1].count("\n")
        if keep_lines:
            out[i] = ("ws", rnd.choice([" ", "  ", "\t"]) if nl == 0 else
                      rnd.choice(["\n", "\r\n", "\n        "]) if nl == 1 else "\n\n")
        elif nl >= 2:
            out[i] = ("ws", rnd.choice(["\n\n", "\n\n\n", "\r\n\r\n", "\n \t\n  "]))
        else:
            out[i] = ("ws", rnd.choice([" ", "  ", "\t", " \t ", "\n", "\r\n", "\n        ", " \n"]))
    # adjacent tokens (`errno(`, `-1`, `a,`) may get a space between them
    res = []
    for i, t in enumerate(out):
        res.append(t[1])
        if (t[0] not in ("ws", "comment") and i + 1 < len(out) and out[i + 1][0] not in ("ws", "comment")
                and not keep_lines and rnd.random() < 0.3):
            res.append(" ")
    return "".join(res)


def add_comments(toks, rnd):
    res, n = [], 0
    for i, (kind, text) in enumerate(toks):
        res.append(text)
        nxt = toks[i + 1][0] if i + 1 < len(toks) else None
        if kind in ("ws", "comment") or nxt == "comment":
            continue
        r = rnd.random()
        if r < 0.12:
            n += 1
            res.append(" # fuzz %d\n" % n)
        elif r < 0.2:
            n += 1
            res.append("\n# fuzz %d\n" % n)
    return "".join(res), n


def main():
    failures = 0
    checked = 0
    broken = 0
    for path in files:
        with open(path, encoding="utf-8", errors="surrogateescape", newline="") as f:
            text = f.read()
        rc, canon, err = fmt(text)
        codes = set(re.findall(r"error\[(E\d+)\]", err))
        if rc == 1 and codes and all(c.startswith("E01") for c in codes):
            broken += 1
            continue
        if rc != 0:
            print("FAIL: %s: polc fmt exit %d: %s" % (path, rc, err))
            failures += 1
            continue
        try:
            toks = tokenize(text)
        except ValueError as e:
            print("FAIL: %s: %s" % (path, e))
            failures += 1
            continue
        if "".join(t[1] for t in toks) != text:
            print("FAIL: %s: the test's tokenizer loses text" % path)
            failures += 1
            continue
        rnd = random.Random("polc-fmt:" + path.rsplit("/", 1)[-1])
        for v in range(VARIANTS):
            checked += 1
            variant = reflow(toks, rnd, "polc: allow" in text)
            rc, out, err = fmt(variant)
            if rc != 0 or out != canon:
                print("FAIL: %s: whitespace variant %d formats differently (exit %d) %s" % (path, v, rc, err))
                with open("/tmp/polc-fmt-fuzz-failure.pol", "w") as f:
                    f.write(variant)
                failures += 1
                break
            commented, n = add_comments(toks, rnd)
            rc, out, err = fmt(commented)
            if rc != 0:
                print("FAIL: %s: comment variant %d refused (exit %d): %s" % (path, v, rc, err))
                with open("/tmp/polc-fmt-fuzz-failure.pol", "w") as f:
                    f.write(commented)
                failures += 1
                break
            got = [int(m) for m in re.findall(r"# fuzz (\d+)$", out, re.M)]
            if got != list(range(1, n + 1)):
                print("FAIL: %s: comment variant %d: comments lost or moved: %s" % (path, v, got))
                failures += 1
                break
            rc, again, err = fmt(out)
            if rc != 0 or again != out:
                print("FAIL: %s: comment variant %d is not idempotent" % (path, v))
                with open("/tmp/polc-fmt-fuzz-failure.pol", "w") as f:
                    f.write(commented)
                failures += 1
                break
    print("%d files (%d with syntax errors, not perturbed), %d whitespace and %d comment variants"
          % (len(files), broken, checked, checked))
    if not files:
        print("FAIL: no files")
        return 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Syntax error recovery on broken policies: every example policy, broken one
line at a time in several ways (a line deleted, a keyword misspelt, a brace or
a comma removed, a stray bracket or word added), plus the hand-written files
of tests/hardening/broken/. For each:

  - polc --check ends within the timeout (recovery never loops), exits 1
    with `error[` lines and no internal error (never a crash);
  - one mistake gives at most MAX_SYNTAX_ERRORS syntax errors (E0100), and
    more than one for at most 1% of the mistakes: no cascade of follow-on
    errors.

  syntax_recovery.py POLC EXAMPLES_DIR BROKEN_DIR
"""
import os
import re
import subprocess
import sys
import tempfile

MAX_SYNTAX_ERRORS = 2
TIMEOUT = 20


def mutants(lines):
    """(description, text) for each way of breaking each non-comment line."""
    for i, line in enumerate(lines):
        s = line.strip()
        if not s or s.startswith("#"):
            continue
        where = "line %d" % (i + 1)

        def with_line(new):
            return "".join(lines[:i] + [new] + lines[i + 1:])

        yield where + " deleted", "".join(lines[:i] + lines[i + 1:])
        m = re.search(r"[a-z][a-z-]{3,}", line)
        if m:  # a letter of the first long word dropped
            w = m.group(0)
            yield where + " misspelt", with_line(line[:m.start()] + w[:1] + w[2:] + line[m.end():])
        for ch in "{},":
            if ch in line:
                yield where + " without " + ch, with_line(line.replace(ch, "", 1))
        yield where + " with a stray {", with_line(line.rstrip("\n") + " {\n")
        yield where + " with a stray (", with_line(line.rstrip("\n") + " (\n")
        yield where + " with a stray word", with_line("bogus " + line)


def check(polc, desc, text, single, failures, several):
    with tempfile.NamedTemporaryFile("w", suffix=".pol", delete=False) as f:
        f.write(text)
        path = f.name
    try:
        try:
            p = subprocess.run([polc, "--check", "--color=never", path], capture_output=True, text=True,
                               timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            failures.append("%s: no answer within %d s (a recovery loop?)" % (desc, TIMEOUT))
            return
        err = p.stderr
        if p.returncode not in (0, 1) or "internal error" in err:
            failures.append("%s: exit %d\n%s" % (desc, p.returncode, err[-2000:]))
        elif p.returncode == 1 and "error[" not in err:
            failures.append("%s: exit 1 without an error" % desc)
        elif single and err.count("error[E0100]") > MAX_SYNTAX_ERRORS:
            failures.append("%s: %d syntax errors for one mistake\n%s" % (desc, err.count("error[E0100]"), err))
        elif single and err.count("error[E0100]") > 1:
            several.append(desc)
    finally:
        os.unlink(path)


def main():
    polc, examples, broken = sys.argv[1:4]
    failures = []
    several = []
    runs = 0
    for name in sorted(os.listdir(examples)):
        if not name.endswith(".pol"):
            continue
        with open(os.path.join(examples, name)) as f:
            lines = f.readlines()
        for desc, text in mutants(lines):
            check(polc, "%s, %s" % (name, desc), text, True, failures, several)
            runs += 1
    for name in sorted(os.listdir(broken)):
        with open(os.path.join(broken, name), encoding="utf-8", errors="surrogateescape") as f:
            text = f.read()
        check(polc, name, text, False, failures, several)
        runs += 1
    if len(several) * 100 > runs:
        failures.append("%d of %d mistakes give more than one syntax error:\n  %s" %
                        (len(several), runs, "\n  ".join(several)))
    for f in failures:
        print("FAIL " + f)
    print("%d broken policies, %d with two syntax errors, %d failures" % (runs, len(several), len(failures)))
    return 1 if failures or runs == 0 else 0


if __name__ == "__main__":
    sys.exit(main())

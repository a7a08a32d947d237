#!/usr/bin/env python3
"""polc fmt over every policy in the repository (examples/, stdlib/, tests/).

For each .pol file:
  * polc fmt either formats it or refuses it with lexer/parser errors only
    (E01xx; the diagnostics tests' broken inputs), never an internal error;
  * formatting is idempotent: fmt(fmt(x)) == fmt(x);
  * the formatted file compiles exactly like the original: same exit status,
    same diagnostics, byte-identical outputs of every back end and the same
    --dump-ir, once the `FILE.pol:LINE` citations in them are set aside
    (formatting moves lines; it must not change anything else);
  * polc lint finds the same (its `# polc: allow` comments silence by line,
    so this checks that polc fmt keeps them on their lines), and polc explain
    explains the same; for those that compile, `polc diff ORIGINAL FORMATTED`
    says "no changes".

The formatted copies live in a mirror of the tree (stdlib included, so that
the examples compile against a formatted stdlib); each file is compiled from
its tree's root with the same relative path, so names in outputs match.

    tree_test.py POLC SOURCE_ROOT
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

polc, root = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
TREES = ("examples", "stdlib", "tests")
LINE_CITE = re.compile(rb"([A-Za-z0-9_./<>-]+\.pol):\d+(:\d+)?")
# a rule's citations, once their lines are set aside: polc fmt puts entries of
# one line (`network { allow unix; deny raw }`) on lines of their own, so
# "F:L F:L" and "F:L" are the same citation
REPEATED_CITE = re.compile(rb"([A-Za-z0-9_./<>-]+\.pol:L)((?:,? )\1)+")


def cite(data):
    return REPEATED_CITE.sub(rb"\1", LINE_CITE.sub(rb"\1:L", data))
failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL: " + msg)


def run(args, cwd):
    p = subprocess.run(args, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
    return p.returncode, p.stdout, p.stderr


def policies():
    for tree in TREES:
        for dirpath, dirnames, filenames in os.walk(os.path.join(root, tree)):
            dirnames[:] = sorted(d for d in dirnames if d not in ("node_modules",))
            for name in sorted(filenames):
                if name.endswith(".pol"):
                    yield os.path.relpath(os.path.join(dirpath, name), root)


def normalize_diags(err):
    """Diagnostic head lines and notes, without source snippets or line numbers."""
    lines = [l for l in err.splitlines() if l and not l.startswith(b" ")]
    return [cite(l) for l in lines]


def compile_outputs(tree, rel, stdlib):
    """Everything polc says about one policy, line citations set aside."""
    out = {}
    work = tempfile.mkdtemp()
    try:
        # the outputs are compared byte for byte; building each Docker profile
        # with libseccomp as well (translation validation) would only cost time
        rc, so, se = run([polc, "--no-verify-libseccomp", "-I", stdlib, rel, "-o", work], cwd=tree)
        out["exit"] = rc
        out["diagnostics"] = normalize_diags(se)
        for name in sorted(os.listdir(work)):
            with open(os.path.join(work, name), "rb") as f:
                data = f.read()
            out["file " + name] = data if name.endswith(".bpf") else cite(data)
        rc, so, se = run([polc, "-I", stdlib, "--dump-ir", rel], cwd=tree)
        out["dump-ir exit"] = rc
        out["dump-ir"] = cite(so)
        rc, so, se = run([polc, "lint", "-I", stdlib, rel], cwd=tree)
        out["lint exit"] = rc
        out["lint"] = normalize_diags(se) + normalize_diags(so)
        rc, so, se = run([polc, "explain", "--format", "json", "-I", stdlib, rel], cwd=tree)
        out["explain exit"] = rc
        # explain quotes conditions in the policy's own words: as spaced
        # and with the trailing commas the file has
        out["explain"] = re.sub(rb"\s+", b"", cite(so)).replace(b",}", b"}")
    finally:
        shutil.rmtree(work)
    return out


def main():
    mirror = tempfile.mkdtemp()
    try:
        # The stdlib's data files (syscall tables, AppArmor features) too.
        shutil.copytree(os.path.join(root, "stdlib"), os.path.join(mirror, "stdlib"))
        rels = list(policies())
        formatted, refused = [], 0
        for rel in rels:
            dst = os.path.join(mirror, rel)
            os.makedirs(os.path.dirname(dst), exist_ok=True)
            rc, once, err = run([polc, "fmt", rel], cwd=root)
            if rc == 1:
                codes = set(re.findall(rb"error\[(E\d+)\]", err))
                if not codes or any(not c.startswith(b"E01") for c in codes):
                    fail("%s: refused with %s" % (rel, b", ".join(sorted(codes)).decode() or err.decode()))
                shutil.copyfile(os.path.join(root, rel), dst)
                refused += 1
                continue
            if rc != 0:
                fail("%s: polc fmt exit %d: %s" % (rel, rc, err.decode(errors="replace")))
                shutil.copyfile(os.path.join(root, rel), dst)
                continue
            with open(dst, "wb") as f:
                f.write(once)
            rc, twice, err = run([polc, "fmt", rel], cwd=mirror)
            if rc != 0 or twice != once:
                fail("%s: not idempotent (second run exit %d)" % (rel, rc))
            formatted.append(rel)

        compared = diffed = 0
        for rel in formatted:
            a = compile_outputs(root, rel, os.path.join(root, "stdlib"))
            b = compile_outputs(mirror, rel, os.path.join(mirror, "stdlib"))
            if a != b:
                keys = sorted(k for k in set(a) | set(b) if a.get(k) != b.get(k))
                fail("%s: compiles differently once formatted: %s" % (rel, ", ".join(keys)))
                for k in keys[:2]:
                    print("    original : %r" % (a.get(k),)[:400])
                    print("    formatted: %r" % (b.get(k),)[:400])
            if a["exit"] == 0:
                # polc diff compares the two compiled policies: nothing may differ
                rc, so, se = run([polc, "diff", os.path.join(root, rel), os.path.join(mirror, rel)], cwd=root)
                if rc != 0 or not so.rstrip().endswith(b"no changes"):
                    fail("%s: polc diff original formatted: exit %d: %s" % (rel, rc, (so + se)[-300:]))
                diffed += 1
            compared += 1
        print("%d policies: %d formatted, idempotent and compiled alike (%d also through polc diff); "
              "%d refused with syntax errors" % (len(rels), compared, diffed, refused))
        if len(rels) < 100 or compared < 100:
            fail("too few policies found under %s" % root)
    finally:
        shutil.rmtree(mirror)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

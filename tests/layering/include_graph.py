#!/usr/bin/env python3
"""Layering of compiler/: no include circles, no AST in the back ends.

Reads the `#include "..."` lines of compiler/**/*.c and *.h (a name resolves
next to the including file first, then under compiler/, the -I of libpolc;
names found nowhere under compiler/ -- polc/polc.h, keywords.gen.h, system
headers -- are not part of the graph) and fails when

  1. headers include each other in a circle (x.h includes, perhaps through
     others, a header that includes x.h);
  2. modules do: a module is a .c/.h pair of the same stem (check.c and
     check.h), and module X uses module Y when a file of X includes y.h;
     X uses Y uses ... uses X is a circle even when no header is in one;
  3. a back end (compiler/backend/*.c) or the validation stage
     (compiler/validate/*.c) includes the AST header ast.h, directly or
     through other headers, unless ALLOWED_AST below lists it with a reason.
     A listed file that no longer reaches ast.h fails too, so the list only
     shrinks;
  4. a back end or the validation stage includes compile.h (polc_ctx):
     they read the Policy (middle/policy.h) and their BackendOptions.

Usage: include_graph.py [COMPILER_DIR]   (default: ../../compiler from here)
       include_graph.py --self-test      (the checks fail on broken trees)
"""
import os
import re
import sys
import tempfile

# Back ends that still reach ast.h, each with the reason. All of them reach
# it through compile.h, whose polc_ctx holds the AST (stmts, Rule.cond,
# ConstDef.expr); the Policy model of issue 14 removes this. Remove an entry
# as soon as its file stops reaching ast.h (the test then says so).
# Back ends that still reach the AST, each with the reason; remove an entry as
# soon as its file stops reaching it (the test then says so). Since the Policy
# model (middle/policy.h) back ends read no syntax tree, so the list is empty.
ALLOWED_AST = {}

AST_HEADER = "front/ast.h"
COMPILE_HEADER = "compile.h"  # polc_ctx: options, front-end scratch and the Policy together
BACKEND_DIRS = ("backend", "validate")
INCLUDE_RE = re.compile(r'^\s*#\s*include\s*"([^"]+)"', re.M)


def strip_comments(text):
    # Block comments only: an #include inside /* ... */ is not an include.
    return re.sub(r"/\*.*?\*/", lambda m: "\n" * m.group(0).count("\n"), text, flags=re.S)


def read_graph(root):
    """{file: [included files]} over compiler/, paths relative to root."""
    files = []
    for d, _, names in os.walk(root):
        for n in names:
            if n.endswith((".c", ".h")):
                files.append(os.path.relpath(os.path.join(d, n), root))
    known = set(files)
    graph = {}
    for f in sorted(files):
        with open(os.path.join(root, f), encoding="utf-8", errors="replace") as fh:
            text = strip_comments(fh.read())
        edges = []
        for name in INCLUDE_RE.findall(text):
            for cand in (os.path.join(os.path.dirname(f), name), name):
                cand = os.path.normpath(cand)
                if cand in known:
                    edges.append(cand)
                    break
        graph[f] = edges
    return graph


def cycles(nodes, succ):
    """The strongly connected components with a circle (Tarjan, iterative)."""
    index, low, on, stack, out = {}, {}, set(), [], []
    counter = [0]
    for start in sorted(nodes):
        if start in index:
            continue
        work = [(start, iter(sorted(succ(start))))]
        index[start] = low[start] = counter[0]
        counter[0] += 1
        stack.append(start)
        on.add(start)
        while work:
            v, it = work[-1]
            for w in it:
                if w not in nodes:
                    continue
                if w not in index:
                    index[w] = low[w] = counter[0]
                    counter[0] += 1
                    stack.append(w)
                    on.add(w)
                    work.append((w, iter(sorted(succ(w)))))
                    break
                if w in on:
                    low[v] = min(low[v], index[w])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[v])
                if low[v] == index[v]:
                    comp = []
                    while True:
                        w = stack.pop()
                        on.discard(w)
                        comp.append(w)
                        if w == v:
                            break
                    if len(comp) > 1 or v in succ(v):
                        out.append(sorted(comp))
    return out


def one_circle(comp, succ):
    """A readable circle inside a strongly connected component."""
    members = set(comp)
    start = comp[0]
    prev = {start: None}
    queue = [start]
    while queue:
        v = queue.pop(0)
        for w in sorted(succ(v)):
            if w == start:
                path = [v]
                while prev[path[-1]] is not None:
                    path.append(prev[path[-1]])
                return list(reversed(path)) + [start]
            if w in members and w not in prev:
                prev[w] = v
                queue.append(w)
    return comp


def chain_to(graph, src, target):
    """The include chain from src to target, or None."""
    prev = {src: None}
    queue = [src]
    while queue:
        v = queue.pop(0)
        if v == target:
            path = [v]
            while prev[path[-1]] is not None:
                path.append(prev[path[-1]])
            return list(reversed(path))
        for w in graph.get(v, []):
            if w not in prev:
                prev[w] = v
                queue.append(w)
    return None


def check(root, allowed, out):
    graph = read_graph(root)
    problems = []

    # 1. header circles
    headers = {f for f in graph if f.endswith(".h")}
    for comp in cycles(headers, lambda v: graph[v]):
        circle = one_circle(comp, lambda v: graph[v])
        problems.append("header circle: " + " -> ".join(circle))

    # 2. module circles (.c/.h pairs of one stem)
    def module(f):
        return os.path.splitext(f)[0]

    mods = {}
    for f, edges in graph.items():
        m = mods.setdefault(module(f), set())
        for e in edges:
            if e.endswith(".h") and module(e) != module(f):
                m.add(module(e))
    for comp in cycles(set(mods), lambda v: mods[v]):
        circle = one_circle(comp, lambda v: mods[v])
        problems.append("module circle (x.c/x.h includes y.h): " + " -> ".join(circle))

    # 3. back ends and the AST
    if AST_HEADER not in graph:
        problems.append(f"no {AST_HEADER} under the tree: the AST header moved; say where in AST_HEADER")
    else:
        for f in sorted(graph):
            if not (f.endswith(".c") and f.split(os.sep)[0] in BACKEND_DIRS and len(f.split(os.sep)) == 2):
                continue
            chain = chain_to(graph, f, AST_HEADER)
            key = f.replace(os.sep, "/")
            if chain and key in allowed:
                print(f"allowed: {key} includes {AST_HEADER} ({' -> '.join(chain)}): {allowed[key]}", file=out)
            elif chain:
                problems.append(f"back end includes the AST: {' -> '.join(chain)}")
            elif key in allowed:
                problems.append(f"{key} no longer includes {AST_HEADER}: remove it from ALLOWED_AST")
            # 4. back ends read the Policy and their options, not a compilation
            ctx_chain = chain_to(graph, f, COMPILE_HEADER) if COMPILE_HEADER in graph else None
            if ctx_chain and key not in allowed:
                problems.append(f"back end includes the compilation state: {' -> '.join(ctx_chain)}")
    return problems


def self_test():
    """Each check fails on a tree made to break it."""
    trees = {  # name: (tree, what the report must say)
        "header circle": ({"a.h": '#include "b.h"\n', "b.h": '#include "sub/c.h"\n',
                           "sub/c.h": '#include "../a.h"\n'}, "header circle: a.h -> b.h -> sub/c.h -> a.h"),
        "header includes itself": ({"a.h": '#include "a.h"\n'}, "header circle: a.h -> a.h"),
        "module circle": ({"x.c": '#include "y.h"\n', "x.h": "", "y.c": '#include "x.h"\n', "y.h": ""},
                          "module circle (x.c/x.h includes y.h): x -> y -> x"),
        "back end includes the AST": ({"front/ast.h": "", "compile.h": '#include "front/ast.h"\n',
                                       "backend/b.h": '#include "../compile.h"\n',
                                       "backend/new.c": '#include "b.h"\n'},
                                      "back end includes the AST: backend/new.c -> backend/b.h -> compile.h -> front/ast.h"),
        "back end includes the compilation": ({"front/ast.h": "", "compile.h": "",
                                               "validate/v.c": '#include "compile.h"\n'},
                                              "back end includes the compilation state: validate/v.c -> compile.h"),
        "stale allow-list entry": ({"front/ast.h": "", "backend/apparmor.c": '#include <string.h>\n'},
                                   "backend/apparmor.c no longer includes front/ast.h"),
    }
    fine = {"front/ast.h": "", "a.h": '/* #include "b.h" */\n', "b.h": '#include "a.h"\n#include "polc/polc.h"\n',
            "backend/ok.c": '#include "../b.h"\n', "backend/old.c": '#include "../front/ast.h"\n'}
    failed = False
    for name, (tree, expect) in trees.items():
        with tempfile.TemporaryDirectory() as d:
            for path, text in tree.items():
                os.makedirs(os.path.join(d, os.path.dirname(path)), exist_ok=True)
                with open(os.path.join(d, path), "w") as fh:
                    fh.write(text)
            allowed = {"backend/apparmor.c": "test"} if name == "stale allow-list entry" else {}
            problems = check(d, allowed, open(os.devnull, "w"))
            if not any(expect in p for p in problems):
                print(f"self-test: '{name}' was not reported (got {problems})")
                failed = True
    with tempfile.TemporaryDirectory() as d:
        for path, text in fine.items():
            os.makedirs(os.path.join(d, os.path.dirname(path)), exist_ok=True)
            with open(os.path.join(d, path), "w") as fh:
                fh.write(text)
        problems = check(d, {"backend/old.c": "test"}, open(os.devnull, "w"))
        if problems:
            print(f"self-test: a fine tree was reported: {problems}")
            failed = True
    return not failed


def main(argv):
    if argv[1:] == ["--self-test"]:
        ok = self_test()
        print("include_graph self-test: " + ("ok" if ok else "FAILED"))
        return 0 if ok else 1
    root = argv[1] if len(argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..", "compiler")
    if not self_test():
        return 1
    problems = check(os.path.abspath(root), ALLOWED_AST, sys.stdout)
    for p in problems:
        print("error: " + p)
    if problems:
        print(f"include_graph: {len(problems)} problem(s) under {root}")
        return 1
    print(f"include_graph: no include circles under {root}; back ends keep off {AST_HEADER} (allow-list aside)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

#!/usr/bin/env python3
"""polc graph --format json on one policy: the JSON must match the reviewed
golden file (when one is given), come out identical on a second run, and
hold together:

  * per arch, every syscall of polc's table for it (one name per number,
    `# ni` stubs included) appears exactly once: in a decision's groups or
    dangerous list, the default's by_default list, or a conditional tree;
  * a decision's count is its groups' and dangerous calls' sum; a group's
    count is its list's length; lists are sorted; dangerous calls are the
    in its syscalls (dangerous lists are subsets);
  * every chain of cases ends with a case without a condition;
  * the expectations given as arguments hold:
      --decided SYSCALL ACTION       SYSCALL is decided ACTION unconditionally
      --group SYSCALL GROUP          ...and shown in GROUP ("-": in no group)
      --case SYSCALL WHEN RULES ACTION
                                     some chain of SYSCALL's tree has that case

  check_graph_json.py POLC POLICY SYSCALLS_DIR GOLDEN|- [--arch A] [expectations]

POLC_UPDATE_GOLDEN=1 rewrites the golden file; review it.
"""
import json
import os
import subprocess
import sys


def fail(msg):
    print("FAIL: " + msg)
    sys.exit(1)


def table(syscalls_dir, arch):
    """The syscall names of an arch's table, one per number."""
    by_nr = {}
    with open(os.path.join(syscalls_dir, arch + ".tbl")) as f:
        for line in f:
            words = line.split()
            if words[:2] == ["#", "ni"]:
                words = words[2:]
            elif not words or words[0].startswith("#"):
                continue
            if len(words) >= 2 and words[0].isdigit():
                by_nr.setdefault(int(words[0]), words[1])
    return set(by_nr.values())


def chains(tree):
    if "capability" in tree:
        yield from chains(tree["with"])
        yield from chains(tree["without"])
    else:
        yield tree["cases"]


def main():
    polc, policy, syscalls_dir, golden = sys.argv[1:5]
    polc, policy = os.path.abspath(polc), os.path.abspath(policy)
    rest = sys.argv[5:]
    opts = []
    if rest[:1] == ["--arch"]:
        opts, rest = rest[:2], rest[2:]
    run = [polc, "graph", "--format", "json"] + opts + [policy]
    out = subprocess.run(run, capture_output=True, text=True)
    if out.returncode != 0 or out.stderr:
        fail("polc graph exited %d: %s" % (out.returncode, out.stderr))
    again = subprocess.run(run, capture_output=True, text=True, cwd="/")
    if again.stdout != out.stdout:
        fail("a second run differs")
    if golden != "-":
        if os.environ.get("POLC_UPDATE_GOLDEN") == "1":
            with open(golden, "w") as f:
                f.write(out.stdout)
            print("updated " + golden)
        else:
            with open(golden) as f:
                if f.read() != out.stdout:
                    fail("%s differs (POLC_UPDATE_GOLDEN=1 rewrites it)" % golden)
    g = json.loads(out.stdout)
    if g.get("schema") != "polc-graph/1":
        fail("schema is %r" % g.get("schema"))
    decided, group_of, trees = {}, {}, {}
    for a in g["arches"]:
        seen = []
        for d in a["decisions"]:
            n = len(d["dangerous"])
            for gr in d["groups"]:
                if gr["count"] != len(gr["syscalls"]) or gr["syscalls"] != sorted(gr["syscalls"]):
                    fail("%s: group %s: count or order" % (a["arch"], gr["group"]))
                n += gr["count"]
                seen += gr["syscalls"]
                for s in gr["syscalls"]:
                    decided[(a["arch"], s)] = d["action"]
                    group_of[(a["arch"], s)] = gr["group"] or "-"
            for s in d["dangerous"]:
                decided[(a["arch"], s)] = d["action"]
                group_of[(a["arch"], s)] = "dangerous"
            if n != d["count"]:
                fail("%s: %s counts %d, lists %d" % (a["arch"], d["action"], d["count"], n))
            seen += d["dangerous"] + d.get("by_default", [])
            if d["default"] != (d["action"] == g["default"]):
                fail("%s: %s: default flag" % (a["arch"], d["action"]))
        for c in a["conditional"]:
            if not set(c["dangerous"]) <= set(c["syscalls"]):
                fail("%s: dangerous calls outside the tree's syscalls" % a["arch"])
            seen += c["syscalls"]
            for s in c["syscalls"]:
                trees[(a["arch"], s)] = c["tree"]
            for ch in chains(c["tree"]):
                if not ch or ch[-1]["when"] is not None or any(x["when"] is None for x in ch[:-1]):
                    fail("%s: a chain of %s does not end with the rest" % (a["arch"], c["syscalls"][0]))
        want = table(syscalls_dir, a["arch"])
        if len(seen) != len(set(seen)):
            dup = sorted({s for s in seen if seen.count(s) > 1})
            fail("%s: shown twice: %s" % (a["arch"], ", ".join(dup[:10])))
        if set(seen) != want:
            fail("%s: missing %s, extra %s" % (a["arch"], sorted(want - set(seen))[:10], sorted(set(seen) - want)[:10]))
    arch = g["arches"][0]["arch"]
    i = 0
    while i < len(rest):
        kind = rest[i]
        if kind == "--decided":
            s, action = rest[i + 1:i + 3]
            if decided.get((arch, s)) != action:
                fail("%s: %s is decided %s, not %s" % (arch, s, decided.get((arch, s)), action))
            i += 3
        elif kind == "--group":
            s, grp = rest[i + 1:i + 3]
            if group_of.get((arch, s)) != grp:
                fail("%s: %s is shown in %s, not %s" % (arch, s, group_of.get((arch, s)), grp))
            i += 3
        elif kind == "--case":
            s, when, rules, action = rest[i + 1:i + 5]
            want_case = {"when": when, "rules": rules, "action": action, "default": False}
            if (arch, s) not in trees or not any(want_case in ch for ch in chains(trees[(arch, s)])):
                fail("%s: no case %s in the tree of %s" % (arch, want_case, s))
            i += 5
        else:
            fail("unknown expectation " + kind)
    print("ok: %d arches, %d syscalls decided without conditions, %d with" % (len(g["arches"]), len(decided), len(trees)))


main()

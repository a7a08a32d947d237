#!/usr/bin/env python3
"""polc lsp driven by a scripted client: the lifecycle, diagnostics as a
document is opened, broken and fixed (codes, ranges and text as --check
reports them, includes resolved beside the document), hover, completion,
definition, formatting, document symbols, and the protocol's error replies.
    lsp_client.py POLC"""
import json
import os
import subprocess
import sys
import tempfile

polc = os.path.abspath(sys.argv[1])
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


class Client:
    def __init__(self, cwd):
        self.p = subprocess.Popen([polc, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=cwd)
        self.next_id = 1
        self.notes = []

    def send_raw(self, body: bytes):
        self.p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.p.stdin.flush()

    def send(self, msg):
        self.send_raw(json.dumps(msg).encode())

    def read(self):
        length = None
        while True:
            line = self.p.stdout.readline()
            if not line:
                raise EOFError("the server closed its output")
            line = line.rstrip(b"\r\n")
            if not line:
                break
            key, _, value = line.partition(b":")
            if key.lower() == b"content-length":
                length = int(value)
        return json.loads(self.p.stdout.read(length))

    def request(self, method, params=None):
        rid = self.next_id
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": rid, "method": method, "params": params or {}})
        while True:
            m = self.read()
            if m.get("id") == rid and "method" not in m:
                return m
            self.notes.append(m)

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def diagnostics(self, uri):
        """The next publishDiagnostics for uri."""
        while True:
            m = self.notes.pop(0) if self.notes else self.read()
            if m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri:
                return m["params"]


tmp = tempfile.mkdtemp()
project = os.path.join(tmp, "my project")  # a space: URIs are percent-encoded
os.makedirs(project)
with open(os.path.join(project, "local.pol"), "w") as f:
    f.write("set @mine = { read, write }\n")
path = os.path.join(project, "app.pol")
uri = "file://" + path.replace(" ", "%20")
good = """policy app "a test"
arch x86_64
default errno(EPERM)
include "local.pol"
const MY_FLAG = 0x40
syscalls {
  allow @mine, close
  allow openat if flags & MY_FLAG == 0
  deny socket errno(EACCES)
}
"""
with open(path, "w") as f:
    f.write(good)

c = Client(cwd=tmp)  # not the document's directory: includes must resolve beside it
r = c.request("hover", {})
check(r.get("error", {}).get("code") == -32002, f"a request before initialize: {r}")
r = c.request("initialize", {"processId": None, "rootUri": None, "capabilities": {}})
caps = r["result"]["capabilities"]
check(caps["textDocumentSync"]["change"] == 1 and caps["hoverProvider"] and caps["definitionProvider"]
      and caps["documentFormattingProvider"] and caps["documentSymbolProvider"] and "completionProvider" in caps,
      f"capabilities: {caps}")
check(r["result"]["serverInfo"]["name"] == "polc", "serverInfo")
c.notify("initialized", {})

c.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "polc", "version": 1, "text": good}})
d = c.diagnostics(uri)
errors = [x for x in d["diagnostics"] if x["severity"] == 1]
check(d["version"] == 1 and errors == [], f"the good document has errors: {d}")

broken = good.replace("allow @mine, close", "allow @mine, clsoe").replace("default errno(EPERM)", "default erno(EPERM)")
c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": broken}]})
d = c.diagnostics(uri)
codes = sorted(x["code"] for x in d["diagnostics"] if x["severity"] == 1)
check(d["version"] == 2 and codes, f"the broken document has no errors: {d}")
# the same as polc --check on the same text
cli = subprocess.run([polc, "--check", "--diagnostics-format", "json", "-", "--stdin-name", path],
                     input=broken.encode(), capture_output=True)
want = sorted(x["code"] for x in json.loads(cli.stdout) if x["severity"] == "error")
check(codes == want, f"codes {codes} differ from polc --check's {want}")
for x in d["diagnostics"]:
    check(x["source"] == "polc" and "range" in x and x["message"], f"diagnostic shape: {x}")

broken = good.replace("allow @mine, close", "allow @mine, clsoe")
c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 3}, "contentChanges": [{"text": broken}]})
d = c.diagnostics(uri)
e = [x for x in d["diagnostics"] if x["severity"] == 1]
check(len(e) == 1 and e[0]["code"] == "E0210" and e[0]["range"] == {"start": {"line": 6, "character": 15},
                                                                      "end": {"line": 6, "character": 20}}
      and e[0]["message"] == "unknown syscall `clsoe`\nhelp: did you mean `close`?", f"the misspelt syscall: {e}")

c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 4}, "contentChanges": [{"text": good}]})
d = c.diagnostics(uri)
check([x for x in d["diagnostics"] if x["severity"] == 1] == [], f"fixed again: {d}")


def hover(line, ch):
    r = c.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": line, "character": ch}})
    return (r.get("result") or {}).get("contents", {}).get("value", "")


h = hover(7, 10)  # openat
check("openat(" in h and "dfd" in h and "allow" in h and "app.pol:8" in h, f"hover on openat: {h!r}")
h = hover(6, 9)  # @mine
check("`@mine`: 2 syscalls" in h and "`read`" in h and "local.pol:1" in h, f"hover on @mine: {h!r}")
h = hover(7, 32)  # MY_FLAG
check(h.startswith("`MY_FLAG` = 64 (0x40)"), f"hover on MY_FLAG: {h!r}")
h = hover(8, 9)  # socket
check("`errno(EACCES)`" in h, f"hover on socket: {h!r}")
check(hover(0, 0) == "", "hover on the keyword `policy` says nothing")

# a syntax error being typed: diagnostics say so, hover still knows the names
c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 5},
                                    "contentChanges": [{"text": good.replace("default errno", "default erno")}]})
d = c.diagnostics(uri)
check([x["code"] for x in d["diagnostics"]] == ["E0100"], f"the syntax error: {d}")
h = hover(7, 10)
check("openat(" in h, f"hover during a syntax error: {h!r}")
c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 6}, "contentChanges": [{"text": good}]})
c.diagnostics(uri)

r = c.request("textDocument/completion", {"textDocument": {"uri": uri}, "position": {"line": 7, "character": 18}})
labels = [i["label"] for i in r["result"]["items"]]
check("openat" in labels and "@mine" in labels and "allow" in labels and "EPERM" in labels and "MY_FLAG" in labels,
      "completion lacks syscalls, sets, keywords or constants")
fields = [i["label"] for i in r["result"]["items"] if i["kind"] == 5]
check(fields == ["dfd", "filename", "flags", "mode"], f"completion inside openat's condition: {fields}")

r = c.request("textDocument/definition", {"textDocument": {"uri": uri}, "position": {"line": 6, "character": 9}})
loc = r["result"]
check(loc and loc["uri"].endswith("/my%20project/local.pol") and loc["range"]["start"]["line"] == 0,
      f"definition of @mine: {loc}")
r = c.request("textDocument/definition", {"textDocument": {"uri": uri}, "position": {"line": 7, "character": 32}})
check(r["result"] and r["result"]["uri"] == uri and r["result"]["range"]["start"]["line"] == 4,
      f"definition of MY_FLAG: {r}")
r = c.request("textDocument/definition", {"textDocument": {"uri": uri}, "position": {"line": 3, "character": 12}})
check(r["result"] and r["result"]["uri"].endswith("/my%20project/local.pol"), f"definition of the include: {r}")

r = c.request("textDocument/documentSymbol", {"textDocument": {"uri": uri}})
names = [s["name"] for s in r["result"]]
check(names == ["app", "arch", "default", "local.pol", "MY_FLAG", "syscalls"], f"symbols: {names}")

messy = good.replace("  allow @mine, close", "allow    @mine,close")
c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 7}, "contentChanges": [{"text": messy}]})
c.diagnostics(uri)
r = c.request("textDocument/formatting", {"textDocument": {"uri": uri}, "options": {"tabSize": 2, "insertSpaces": True}})
edits = r["result"]
fmt = subprocess.run([polc, "fmt", "-"], input=messy.encode(), capture_output=True).stdout.decode()
check(len(edits) == 1 and edits[0]["newText"] == fmt and fmt != messy, f"formatting: {edits}")

r = c.request("textDocument/nosuch", {"textDocument": {"uri": uri}})
check(r.get("error", {}).get("code") == -32601, f"an unknown method: {r}")
r = c.request("textDocument/hover", {"textDocument": {"uri": "file:///not/open.pol"}, "position": {"line": 0, "character": 0}})
check(r.get("error", {}).get("code") == -32602, f"hover on a closed document: {r}")
c.send_raw(b"{not json")
m = c.read()
check(m.get("error", {}).get("code") == -32700 and m.get("id") is None, f"malformed JSON: {m}")

c.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
d = c.diagnostics(uri)
check(d["diagnostics"] == [], "closing clears the diagnostics")
r = c.request("shutdown")
check("result" in r and r["result"] is None, f"shutdown: {r}")
c.notify("exit", None)
check(c.p.wait(timeout=10) == 0, "exit after shutdown is status 0")

# exit without shutdown: status 1
c = Client(cwd=tmp)
c.request("initialize", {"capabilities": {}})
c.notify("exit", None)
check(c.p.wait(timeout=10) == 1, "exit without shutdown is status 1")

if failures:
    sys.exit(1)
print("polc lsp: every scripted exchange as expected")

#!/usr/bin/env python3
"""The time from didChange to publishDiagnostics in `polc lsp`, per example,
against the editor plugin's alternative measured in the same run: starting
`polc --check - --stdin-name FILE` on the same text (wall time, medians).
    bench_lsp.py POLC RUNS FILE.pol..."""
import json
import os
import statistics
import subprocess
import sys
import time

polc, runs, files = os.path.abspath(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
p = subprocess.Popen([polc, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)


def send(msg):
    body = json.dumps(msg).encode()
    p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    p.stdin.flush()


def read():
    length = None
    while True:
        line = p.stdout.readline().rstrip(b"\r\n")
        if not line:
            break
        k, _, v = line.partition(b":")
        if k.lower() == b"content-length":
            length = int(v)
    return json.loads(p.stdout.read(length))


def until_diagnostics(uri):
    while True:
        m = read()
        if m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri:
            return m


send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}})
read()
print(f"{'policy':24} {'lsp didChange->diagnostics':>27} {'polc --check process':>21} {'ratio':>6}")
for f in files:
    path = os.path.abspath(f)
    uri = "file://" + path
    text = open(path).read()
    send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
          "params": {"textDocument": {"uri": uri, "languageId": "polc", "version": 0, "text": text}}})
    until_diagnostics(uri)
    lsp, cli = [], []
    for i in range(runs):
        edited = text + f"\n# edit {i}\n"
        t = time.perf_counter()
        send({"jsonrpc": "2.0", "method": "textDocument/didChange",
              "params": {"textDocument": {"uri": uri, "version": i + 1}, "contentChanges": [{"text": edited}]}})
        until_diagnostics(uri)
        lsp.append(time.perf_counter() - t)
        t = time.perf_counter()
        subprocess.run([polc, "--check", "--diagnostics-format", "json", "-", "--stdin-name", path],
                       input=edited.encode(), capture_output=True)
        cli.append(time.perf_counter() - t)
    a, b = statistics.median(lsp) * 1e3, statistics.median(cli) * 1e3
    print(f"{os.path.basename(f):24} {a:24.2f} ms {b:18.2f} ms {a / b:6.2f}")
send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
read()
send({"jsonrpc": "2.0", "method": "exit"})
p.wait()

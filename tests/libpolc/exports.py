#!/usr/bin/env python3
"""libpolc.so exports exactly the functions include/polc/*.h declare: a
function missing from include/polc/libpolc.map is unusable from the shared
library, an internal one exported is an accident that becomes an ABI.
    exports.py LIBPOLC_SO INCLUDE_DIR"""
import pathlib
import re
import subprocess
import sys

lib, inc = sys.argv[1], pathlib.Path(sys.argv[2])
declared = set()
for header in sorted(inc.glob("*.h")):
    text = re.sub(r"/\*.*?\*/", "", header.read_text(), flags=re.S)
    declared |= set(re.findall(r"\b(polc_[a-z0-9_]+)\s*\(", text))
out = subprocess.run(["nm", "-D", "--defined-only", lib], capture_output=True, text=True, check=True).stdout
exported = {m.group(1) for m in re.finditer(r"^\S+ [TWDBR] ([A-Za-z_][A-Za-z0-9_]*)(@|$)", out, flags=re.M)}
missing, extra = sorted(declared - exported), sorted(exported - declared)
for name in missing:
    print(f"FAIL: {name} is declared in include/polc but libpolc.so does not export it")
for name in extra:
    print(f"FAIL: libpolc.so exports {name}, which include/polc does not declare")
if not declared:
    print("FAIL: no functions found in the headers")
ok = not missing and not extra and declared
if ok:
    print(f"libpolc.so exports the {len(declared)} functions of include/polc, nothing else")
sys.exit(0 if ok else 1)

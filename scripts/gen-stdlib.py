#!/usr/bin/env python3
"""Generate data/stdlib-modules.json: the top-level standard-library module names of
CPython 3.8 to 3.14, per version and as a union.

How the committed data was produced
-----------------------------------
Source: the lists of the `stdlib-list` project (https://github.com/pypi/stdlib-list,
files `stdlib_list/lists/<version>.txt`, one dotted module a line), snapshot at
commit 0353618d18cd6b9b48c4e1c871b77dced5869238 (lists last changed at db9b6fe8).
Their 3.10+ lists are walked from `sys.stdlib_module_names` on Linux builds; their
3.8 and 3.9 lists were walked from an installation (older method), so:

1. every dotted name is cut to its first segment;
2. names that are artefacts of the build that was walked, not modules of
   CPython, are dropped: `_sysconfigdata_*` (named after one build's platform
   triple), `lib` (a conda directory picked up by the 3.9 walk);
3. test-only modules are KEPT, although `sys.stdlib_module_names` drops them
   ("Test modules are excluded"): `test`, `_test*`, `_ctypes_test`,
   `_xxtestfuzz`, `xxlimited*`, `__phello__` ship with CPython (Debian puts
   `_testcapi` in lib-dynload), and pyseam's standard-library exemption must
   cover `from _testcapi import ...` in code that tests against CPython;
4. 3.9 gets every name that both 3.8 and 3.10 have (the 3.9 walk missed
   the C accelerators: `_json`, `pyexpat`, `_asyncio`, ...), and 3.8/3.9 get
   the platform modules the Linux walk cannot see but CPython had then
   (`nt`, `_winapi`, `_overlapped`, `_msi`, `_scproxy`; plus `_zoneinfo` in 3.9,
   the accelerator of the then-new `zoneinfo`);
5. `__future__` and `__main__` are kept (stdlib-list has both).

Usage (the lists are read from a local copy, nothing is fetched):
    /usr/bin/python3 scripts/gen-stdlib.py /path/to/stdlib-list/stdlib_list/lists \
        > data/stdlib-modules.json
The running interpreter's `sys.stdlib_module_names` (3.10+) is compared with the
list of its own version, and the differences go to stderr.
"""

import json
import re
import sys
from pathlib import Path

VERSIONS = ["3.8", "3.9", "3.10", "3.11", "3.12", "3.13", "3.14"]
SOURCE = (
    "stdlib-list (github.com/pypi/stdlib-list) stdlib_list/lists/3.8.txt..3.14.txt "
    "at commit 0353618d18cd6b9b48c4e1c871b77dced5869238, cut to top-level names; "
    "3.8/3.9 cleaned and completed as documented in scripts/gen-stdlib.py"
)
NOT_MODULES = re.compile(r"^(_sysconfigdata_.*|lib)$")
PLATFORM_ONLY = {
    "3.8": {"nt", "_winapi", "_overlapped", "_msi", "_scproxy"},
    "3.9": {"nt", "_winapi", "_overlapped", "_msi", "_scproxy", "_zoneinfo"},
}


def top_level(path: Path) -> set:
    names = set()
    for line in path.read_text().splitlines():
        line = line.strip()
        if not line:
            continue
        name = line.split(".")[0]
        if NOT_MODULES.match(name):
            continue
        names.add(name)
    return names


def main() -> None:
    lists = Path(sys.argv[1])
    per = {v: top_level(lists / f"{v}.txt") for v in VERSIONS}
    per["3.9"] |= per["3.8"] & per["3.10"]
    for v, extra in PLATFORM_ONLY.items():
        per[v] |= extra
    for v in VERSIONS:
        per[v] |= {"__future__", "__main__"}

    here = f"{sys.version_info[0]}.{sys.version_info[1]}"
    if here in per and hasattr(sys, "stdlib_module_names"):
        mine = set(sys.stdlib_module_names)
        print(f"{here}: only in the data: {sorted(per[here] - mine)}", file=sys.stderr)
        print(f"{here}: only in sys.stdlib_module_names: {sorted(mine - per[here])}", file=sys.stderr)

    out = {
        "source": SOURCE,
        "generator": "scripts/gen-stdlib.py",
        "versions": {v: sorted(per[v]) for v in VERSIONS},
        "all": sorted(set().union(*per.values())),
    }
    json.dump(out, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()

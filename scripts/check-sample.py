#!/usr/bin/env python3
"""An independent reading of a sample repository with Python's own `ast`, to
cross-check the hand-written expectations in test/samples/*.expected.ts.

It follows SEMANTICS.md with no code shared with pyseam: source roots
(src/ layout, directories holding a project file with packages directly in
them, the analyzed directory), module names, import resolution, site facts,
strongly connected components (Tarjan), private imports. A file that does not
parse is re-read up to the line before its error, so the imports above a
syntax error still count (as tree-sitter's recovery keeps them).

Usage: /usr/bin/python3 scripts/check-sample.py samples/monorepo > /tmp/facts.json
"""

import ast
import json
import re
import sys
import tomllib
from pathlib import Path

PROJECT_FILES = ("pyproject.toml", "setup.py", "setup.cfg")
IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
STDLIB = set(json.loads((Path(__file__).parent.parent / "data/stdlib-modules.json").read_text())["all"])


def find_roots(base):
    roots = []
    for project in sorted(p for p in base.rglob("*") if p.name in PROJECT_FILES):
        d = project.parent
        if (d / "src").is_dir():
            roots.append((d / "src", "src-layout"))
        elif any((c / "__init__.py").exists() for c in d.iterdir() if c.is_dir()) or any(d.glob("*.py")):
            roots.append((d, "distribution"))
    roots.append((base, "analyzed-directory"))
    return roots


def discover(base, roots):
    files = sorted(p for p in base.rglob("*") if p.suffix in (".py", ".pyi"))
    modules = {}
    for f in files:
        root = max((r for r, _ in roots if r in f.parents), key=lambda r: len(r.parts))
        rel = f.relative_to(root).with_suffix("")
        parts = list(rel.parts)
        if parts[-1] == "__init__":
            parts, kind = parts[:-1], "package"
        else:
            kind = "stub" if f.suffix == ".pyi" else "module"
        if f.suffix == ".pyi" and f.with_suffix(".py").exists():
            continue
        if not all(IDENT.match(p) for p in parts):
            name, kind = str(f.relative_to(base)), "script"
        else:
            name = ".".join(parts)
            for i in range(1, len(parts)):  # namespace packages on the way down
                d = root.joinpath(*parts[:i])
                ns = ".".join(parts[:i])
                if not (d / "__init__.py").exists() and ns not in modules:
                    modules[ns] = {"name": ns, "path": str(d.relative_to(base)), "kind": "namespace", "root": str(root.relative_to(base)) or "."}
        modules[name] = {"name": name, "path": str(f.relative_to(base)), "kind": kind, "root": str(root.relative_to(base)) or ".", "file": f}
    return modules


def parse(path):
    source = path.read_text()
    try:
        return ast.parse(source), None
    except SyntaxError as e:
        lines = source.splitlines(keepends=True)
        for cut in range(e.lineno - 1, 0, -1):
            try:
                return ast.parse("".join(lines[:cut])), e.lineno
            except SyntaxError:
                continue
        return ast.Module(body=[], type_ignores=[]), e.lineno


def sites_of(tree, stub):
    out = []

    def visit(node, tc, cond, lazy):
        if isinstance(node, ast.If):
            t = node.test
            is_tc = (isinstance(t, ast.Name) and t.id == "TYPE_CHECKING") or (isinstance(t, ast.Attribute) and t.attr == "TYPE_CHECKING")
            for c in node.body:
                visit(c, tc or is_tc, True, lazy)
            for c in node.orelse:
                visit(c, tc, True, lazy)
            visit(node.test, tc, True, lazy)
            return
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            for d in getattr(node, "decorator_list", []):
                visit(d, tc, cond, lazy)
            body = node.body if isinstance(node.body, list) else [node.body]
            for c in body:
                visit(c, tc, cond, True)
            return
        base = dict(line=node.lineno, column=node.col_offset + 1, tc=tc or stub, cond=cond, lazy=lazy) if hasattr(node, "lineno") else None
        if isinstance(node, ast.Import):
            for a in node.names:
                out.append(dict(base, kind="import", module=a.name, level=0, names=[], dynamic=False))
        elif isinstance(node, ast.ImportFrom):
            out.append(dict(base, kind="from", module=node.module or "", level=node.level, names=[a.name for a in node.names], dynamic=False))
        elif isinstance(node, ast.Call):
            f = node.func
            fname = f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", None)
            if fname in ("import_module", "__import__"):
                arg = node.args[0] if node.args else None
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    lit = arg.value
                    level = len(lit) - len(lit.lstrip("."))
                    out.append(dict(base, kind="dynamic", module=lit.lstrip("."), level=level, names=[], dynamic=True))
                else:
                    out.append(dict(base, kind="nonliteral"))
        for c in ast.iter_child_nodes(node):
            visit(c, tc, cond, lazy)

    for n in tree.body:
        visit(n, False, False, False)
    return out


def resolve(site, importer, modules):
    """Returns (target, internal, unresolved, edge_to)."""
    mod = site["module"]
    if site["level"]:
        pkg = importer["name"].split(".")
        if importer["kind"] != "package":
            pkg = pkg[:-1]
        pkg = pkg[: len(pkg) - (site["level"] - 1)]
        mod = ".".join(pkg + ([mod] if mod else []))
    targets = []
    if site["kind"] == "from" and site["names"] != ["*"]:
        for n in site["names"]:
            full = f"{mod}.{n}" if mod else n
            targets.append(full if full in modules else mod)
        targets = list(dict.fromkeys(targets))
    else:
        targets = [mod]
    out = []
    for t in targets:
        top = t.split(".")[0]
        if t in modules:
            out.append((t, True, False, t))
        elif any(m == top or m.startswith(top + ".") for m in modules if modules[m]["kind"] != "script"):
            anc = t
            while anc and anc not in modules:
                anc = anc.rpartition(".")[0]
            out.append((t, True, True, anc))
        else:
            out.append((t, False, False, top))
    return out


def tarjan(nodes, edges):
    index, low, stack, on, out, counter = {}, {}, [], set(), [], [0]

    def strong(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(nodes):
        if v not in index:
            strong(v)
    return sorted(out)


def is_private_segment(s):
    return s.startswith("_") and not (s.startswith("__") and s.endswith("__"))


def privacy(name, private, public):
    best = None
    for p in private + public:
        if name == p or name.startswith(p + "."):
            if best is None or len(p) > len(best):
                best = p
    if best is not None:
        return f"declared prefix {best}" if best in private else None
    for s in name.split("."):
        if is_private_segment(s):
            return f"segment '{s}'"
    return None


def main():
    base = Path(sys.argv[1]).resolve()
    config = tomllib.loads((base / "pyseam.toml").read_text()) if (base / "pyseam.toml").exists() else {}
    private, public = config.get("private", []), config.get("public", [])
    roots = find_roots(base)
    modules = discover(base, roots)
    dists = {}
    for project in base.rglob("pyproject.toml"):
        name = tomllib.loads(project.read_text()).get("project", {}).get("name", project.parent.name)
        dists[project.parent] = name

    def owner(m):
        root = base / m["root"]
        for d, name in dists.items():
            if d == root or d in root.parents:
                return name
        return m["name"].split("/")[0].split(".")[0]

    edges, ext, priv, unres, nonlit, parse_errors = {}, {}, [], [], [], []
    for name, m in sorted(modules.items()):
        m["owner"] = owner(m)
        if "file" not in m:
            continue
        tree, err = parse(m["file"])
        if err:
            parse_errors.append({"file": m["path"], "line": err})
        for s in sites_of(tree, m["kind"] == "stub"):
            if s["kind"] == "nonliteral":
                nonlit.append({"importer": name, "file": m["path"], "line": s["line"], "column": s["column"]})
                continue
            for target, internal, unresolved, to in resolve(s, m, modules):
                site = {"file": m["path"], "line": s["line"], "column": s["column"], "target": target, "typeChecking": s["tc"], "conditional": s["cond"], "lazy": s["lazy"], "dynamic": s["dynamic"], "unresolved": unresolved}
                (edges if internal else ext).setdefault((name, to), []).append(site)
                if unresolved:
                    unres.append({"file": m["path"], "line": s["line"], "column": s["column"], "target": target, "edgeTo": to})
                if not internal or owner(modules[to]) == m["owner"]:
                    continue
                # the most specific thing named (SEMANTICS "Private and public")
                stmt_mod = target if s["kind"] != "from" else target if target.rpartition(".")[2] not in s["names"] else target.rpartition(".")[0]
                why = privacy(target, private, public)
                if why is None and s["kind"] == "from" and target == stmt_mod:
                    why = next((f"name '{n}'" for n in s["names"] if is_private_segment(n)), None)
                if why:
                    priv.append({"importer": name, "file": m["path"], "line": s["line"], "column": s["column"], "target": stmt_mod, "names": s["names"], "lazy": s["lazy"], "why": why})

    def sccs(keep):
        g = {}
        for (a, b), ss in edges.items():
            if a != b and any(keep(x) for x in ss):
                g.setdefault(a, set()).add(b)
        return tarjan(set(modules), g)

    print(json.dumps({
        "roots": [{"path": str(r.relative_to(base)) or ".", "reason": why} for r, why in sorted(roots, key=lambda x: str(x[0].relative_to(base)) or ".")],
        "modules": [{k: v for k, v in m.items() if k != "file"} for _, m in sorted(modules.items())],
        "internalEdges": sorted([a, b, len(ss)] for (a, b), ss in edges.items()),
        "externalEdges": sorted([a, b] for (a, b) in ext),
        "externalPackages": [{"name": p, "kind": "stdlib" if p in STDLIB else "third-party", "sites": sum(len(ss) for (a, b), ss in ext.items() if b == p), "importers": len({a for (a, b) in ext if b == p})} for p in sorted({b for (_, b) in ext})],
        "cycles": sccs(lambda s: True),
        "cyclesWithoutTypeCheckingAndLazy": sccs(lambda s: not s["typeChecking"] and not s["lazy"]),
        "flaggedSites": sorted((s for ss in edges.values() for s in ss if s["typeChecking"] or s["conditional"] or s["lazy"] or s["dynamic"] or s["unresolved"]), key=lambda s: (s["file"], s["line"], s["column"])),
        "privateImports": sorted(priv, key=lambda p: (p["file"], p["line"], p["column"])),
        "unresolved": unres,
        "nonLiteralDynamicImports": nonlit,
        "parseErrors": parse_errors,
        "sites": sum(len(ss) for ss in edges.values()) + sum(len(ss) for ss in ext.values()),
    }, indent=1))


if __name__ == "__main__":
    main()

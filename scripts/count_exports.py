#!/usr/bin/python3
"""Count the symbols an export decorator marks, with Python's own ``ast`` (independent of pyseam).

Usage::

    /usr/bin/python3 scripts/count_exports.py PATH [--decorator keras_export]... [--compare REPORT.json]

Every ``.py`` file under PATH (hidden directories and ``__pycache__`` skipped) is parsed; the
module name is the path relative to PATH without ``.py`` (``__init__`` names the package). A
symbol is marked when, at module scope (not inside a def or class body), a call whose callee's
last dotted segment is a given decorator's last segment decorates a def or class, or is the
callee of a statement ``deco(...)(name)`` or ``target = deco(...)(value)``.

Prints JSON: ``{"files", "records", "symbols", "byDecorator"}`` (``records``: decorator uses;
``symbols``: distinct module.symbol pairs). With ``--compare`` (a ``pyseam analyze --format json``
report), also the symbols only one side found.
"""
import argparse
import ast
import json
import os
import warnings


def callee(node):
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        inner = callee(node.value)
        return inner and inner + "." + node.attr
    return None


def marks(node, lasts):
    return isinstance(node, ast.Call) and (callee(node.func) or "").rsplit(".", 1)[-1] in lasts


def module_scope(tree):
    """Statements that run at module scope, at any depth of if/try/with/for/while/match."""
    todo = list(tree.body)
    while todo:
        stmt = todo.pop(0)
        yield stmt
        if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            continue
        for field in ("body", "orelse", "finalbody"):
            todo.extend(getattr(stmt, field, None) or [])
        for part in getattr(stmt, "handlers", None) or getattr(stmt, "cases", None) or []:
            todo.extend(part.body)


def marked(tree, lasts):
    for stmt in module_scope(tree):
        if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            for dec in stmt.decorator_list:
                if marks(dec, lasts):
                    yield stmt.name, callee(dec.func)
        elif isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call) and marks(stmt.value.func, lasts):
            call = stmt.value
            if len(call.args) == 1 and not call.keywords and isinstance(call.args[0], ast.Name):
                yield call.args[0].id, callee(call.func.func)
        elif isinstance(stmt, ast.Assign) and isinstance(stmt.value, ast.Call) and marks(stmt.value.func, lasts):
            if len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name):
                yield stmt.targets[0].id, callee(stmt.value.func.func)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("path")
    parser.add_argument("--decorator", action="append", default=[])
    parser.add_argument("--compare")
    args = parser.parse_args()
    lasts = {d.rsplit(".", 1)[-1] for d in args.decorator or ["keras_export"]}
    records, symbols, by_decorator, files = 0, set(), {}, 0
    for dirpath, dirnames, filenames in os.walk(args.path):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and d != "__pycache__")
        for name in sorted(f for f in filenames if f.endswith(".py")):
            rel = os.path.relpath(os.path.join(dirpath, name), args.path)
            parts = rel[:-3].split(os.sep)
            module = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    tree = ast.parse(open(os.path.join(dirpath, name), "rb").read())
            except (SyntaxError, ValueError):
                continue
            files += 1
            for symbol, decorator in marked(tree, lasts):
                records += 1
                symbols.add(module + "." + symbol)
                by_decorator[decorator] = by_decorator.get(decorator, 0) + 1
    out = {"files": files, "records": records, "symbols": len(symbols), "byDecorator": by_decorator}
    if args.compare:
        with open(args.compare, encoding="utf-8") as handle:
            report = json.load(handle)
        theirs = {e["module"] + "." + e["symbol"] for e in report["exports"]}
        out["pyseamRecords"] = len(report["exports"])
        out["pyseamSymbols"] = len(theirs)
        out["onlyAst"] = sorted(symbols - theirs)
        out["onlyPyseam"] = sorted(theirs - symbols)
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()

"""Print every import statement that Python's own `ast` sees, as JSON.

The independent reference for pyseam's tree-sitter extraction
(src/parse/extract.ts): line = `lineno`, column = `col_offset + 1` (UTF-8 bytes).

Usage:
  ast_imports.py --snippets < snippets.json   # a JSON list of source strings
  ast_imports.py --files < paths.txt          # one path a line
Output: a JSON list, one entry per input, each either
  {"imports": [{"kind", "module", "level", "names", "line", "column"}, ...],
   "encoding": "utf-8", "source": <decoded text, only when not UTF-8>}
or {"error": "<SyntaxError message>"}.
`import a, b as c` gives one entry per target (kind "import", names []);
`from ..a import b, c as d` one entry (kind "from", module "a", level 2, names ["b", "c"]).
"""
import ast
import io
import json
import sys
import tokenize
import warnings


def imports_of(tree):
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                found.append({"kind": "import", "module": alias.name, "level": 0, "names": [],
                              "line": node.lineno, "column": node.col_offset + 1})
        elif isinstance(node, ast.ImportFrom):
            found.append({"kind": "from", "module": node.module or "", "level": node.level,
                          "names": [alias.name for alias in node.names],
                          "line": node.lineno, "column": node.col_offset + 1})
    found.sort(key=lambda e: (e["line"], e["column"], e["module"]))
    return found


def analyze(source, filename="<snippet>"):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            tree = ast.parse(source, filename)
    except (SyntaxError, ValueError) as exc:
        return {"error": f"{type(exc).__name__}: {exc}"}
    return {"imports": imports_of(tree)}


def main():
    mode = sys.argv[1] if len(sys.argv) > 1 else "--snippets"
    results = []
    if mode == "--snippets":
        for source in json.load(sys.stdin):
            # As the bytes of a UTF-8 file, so that a leading BOM is read the way a file's is.
            results.append(analyze(source.encode("utf-8", "surrogatepass")))
    elif mode == "--files":
        for path in sys.stdin.read().splitlines():
            if not path:
                continue
            with open(path, "rb") as handle:
                data = handle.read()
            entry = analyze(data, path)
            try:
                encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
            except SyntaxError:
                encoding = "unknown"
            entry["encoding"] = encoding
            if encoding not in ("utf-8", "utf-8-sig") and "error" not in entry:
                entry["source"] = data.decode(encoding)
            results.append(entry)
    else:
        sys.exit(f"unknown mode {mode}")
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main()

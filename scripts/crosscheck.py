#!/usr/bin/python3
"""Independent cross-check of pyseam, written with Python's own ``ast``.

It computes, for any directory, the facts ``pyseam analyze`` computes (modules,
internal and external edges, import cycles, private imports), following
/work/shared/SEMANTICS.md and Python's import system. It shares no code or data
with the TypeScript implementation, so test/crosscheck.test.ts can compare the
two. Standard library only; Python 3.8+ syntax; needs Python 3.10+ at run time
for ``sys.stdlib_module_names``.

Usage::

    /usr/bin/python3 scripts/crosscheck.py PATH [--root DIR]... [--private PREFIX]...
        [--public PREFIX]... [--no-type-checking] [--no-lazy] [--no-dynamic]
        [--import-helper DOTTED]... [--no-distributions] [--extra-edges FILE]
        [--sites] [--timings]

prints one JSON object::

    {"modules": [...], "edges": [[from, to], ...], "externalEdges": [[from, top], ...],
     "sccs": [[...], ...], "privateImports": [{"file", "line", "column", "target", "names"}],
     "syntaxErrorFiles": [...], "importErrors": [{"file", "line", "column", "message"}],
     "counts": {"files", "parsedFiles", "modules", "sites", "importErrors",
                "nonLiteralDynamicImports", "unresolvedSites", "syntaxErrors"}}

(``--sites`` adds every import site with its facts, to debug a difference;
``--timings`` prints phase timings to stderr.)

Choices where SEMANTICS.md is silent or this script is deliberately simpler:

- Roots: only the ``--root`` directories (relative to PATH, in the order given)
  and PATH itself; the roots a repository declares (src layouts, setuptools,
  Pants) are not detected. The test passes pyseam's own roots with ``--root``.
  A file belongs to the deepest root holding it.
- Duplicate module names (two roots, or ``m.py`` beside ``m/__init__.py``):
  the module is listed once; every file giving that name is parsed and its
  imports are the module's imports (SEMANTICS: both are kept). For relative
  imports each file uses its own name and kind (``__init__`` or not).
- Discovery follows directory symlinks (each real directory once), skips
  hidden directories, ``__pycache__``, ``node_modules``, directories holding
  ``pyvenv.cfg``, and ``site-packages``/``dist-packages`` unless PATH lies inside
  one. ``.gitignore`` files get an approximate reading (fnmatch per line,
  ``!`` negation, trailing ``/`` for directories, a ``/`` inside anchors the
  pattern); the cross-check is meant for trees without ``.gitignore``.
- Files: ``.py``; ``.pyi`` when no ``.py`` sits beside it (all its imports are
  ``type_checking``); ``.so``/``.pyd``/``.pyx`` define modules named by the stem
  before the first dot and are not parsed.
- Scripts: a file under a directory, or with a stem, that is not a Python
  identifier (``str.isidentifier``; keywords allowed, as ``importlib`` can
  import them), or ``__init__`` directly in a root, is a script named by its
  path relative to PATH. Extension modules in such places are listed as
  scripts too. Nothing imports a script. A script's relative imports resolve
  against the directory holding it when that directory is an importable
  package (as ``importlib.import_module('app.migrations.0001_initial')`` does),
  else they are import errors.
- Targets: internal when the target is a discovered module, or when its
  top-level name is a discovered module (package, namespace package, or plain
  module: ``import os.path`` inside the standard library is internal and
  unresolved, and goes to ``os``); an unresolved target's edge goes to its
  nearest existing ancestor; anything else is external, grouped under its
  top-level name.
- A syntax error (``SyntaxError``, ``ValueError`` for NUL bytes, a bad PEP 263
  coding) puts the file in ``syntaxErrorFiles``; its module still exists; it
  gives no import.
- Dynamic imports: calls of ``__import__``, and of any callee whose dotted
  name, read through the file's absolute imports (collected over the whole
  file: ``import importlib[.x]``, ``import importlib as il``,
  ``from importlib import import_module as im``), is
  ``importlib.import_module`` or an ``--import-helper`` (a helper called by a
  bare name inside its own module, or bound by a relative import, is not
  seen), with a string literal (``name=`` keyword accepted). A relative literal
  needs a second argument (``package=``): a literal, ``__package__``, or
  ``__name__`` (the importer's package in an ``__init__``, the module itself
  elsewhere, as ``importlib.util.resolve_name``); another expression counts as
  non-literal; no anchor at all, or an empty one, is an import error (Python
  raises).
- Facts: ``conditional`` counts ``if`` bodies and ``else``/``elif`` branches
  (not the test), ``try`` bodies/handlers/``else`` whose handlers name
  ``ImportError``, ``ModuleNotFoundError``, ``Exception``, ``BaseException``
  (bare name or attribute) or are bare, and ``with suppress(...)`` or
  ``with contextlib.suppress(...)`` naming one of those. ``lazy``: function and
  lambda bodies (not decorators, defaults, annotations), and statements whose
  (absolute, resolved) module is listed in a literal ``__lazy_modules__``
  assigned at the top level of the module. PEP 810 ``lazy import`` is a syntax
  error for Python 3.11's ``ast``.
- Private imports are checked on the sites the ``--no-*`` filters keep (a site left
  out is left out of every analysis).
  Declared prefixes: the longest matching one decides; a public prefix wins a
  tie; under a public prefix only the segments after the prefix can still be
  private. Owners: the distribution (a directory holding ``pyproject.toml``,
  ``setup.py`` or ``setup.cfg``) at or above the module's source root inside
  PATH, identified by its path; else the top-level package; an external
  module's owner is its top-level name; a script's owner is that of the
  nearest importable directory above it, else the script itself.
  ``--no-distributions`` uses the top-level package only. The standard
  library exemption covers external targets whose top-level name is in
  ``sys.stdlib_module_names``, ``sys.builtin_module_names``, this Python's
  lib-dynload (CPython's test modules ``_testcapi``, ``_xxsubinterpreters``...),
  or was removed by PEP 594 and since (``distutils``, ``imp``, ``lib2to3``);
  internal modules are the project's own code and are never exempt (analysing
  the standard library itself reports ``from re import _compiler``).
  One record per statement and module named in it, as result.ts's
  PrivateImportRecord: ``target`` is the absolute module the statement names
  (``re`` for ``from re import _compiler``, even though ``re._compiler`` is
  the site's target), ``names`` the imported names that make it private, in
  written order (all of them when the module itself is private; ``[]`` for
  ``import m``).

Debian's scikit-learn: its package directory is found without importing it
(``importlib.util.find_spec('sklearn').submodule_search_locations``); analyze a
temporary directory holding a copy of (or a symlink to) that directory, so that
module names are ``sklearn.*``.
"""

import argparse
import ast
import fnmatch
import json
import os
import sys
import sysconfig
import time
import warnings

EXT_SUFFIXES = (".so", ".pyd", ".pyx")


def declares_project(abs_dir, names):
    """A directory is a distribution when it holds setup.py, or a pyproject.toml / setup.cfg that
    declares a project: [project], [build-system] or a build backend's [tool.X] table (poetry,
    setuptools, flit, hatch, pdm); [metadata] or [options]. Tool settings alone ([tool.black],
    [flake8]) make none. A file that cannot be parsed counts as declaring one."""
    if "setup.py" in names:
        return True
    if "pyproject.toml" in names:
        try:
            import tomllib
            with open(os.path.join(abs_dir, "pyproject.toml"), "rb") as handle:
                doc = tomllib.load(handle)
        except Exception:
            return True
        tool = doc.get("tool", {})
        if "project" in doc or "build-system" in doc or any(b in tool for b in ("poetry", "setuptools", "flit", "hatch", "pdm")):
            return True
    if "setup.cfg" in names:
        import configparser
        parser = configparser.ConfigParser()
        try:
            parser.read(os.path.join(abs_dir, "setup.cfg"), encoding="utf-8")
        except Exception:
            return True
        if parser.has_section("metadata") or parser.has_section("options"):
            return True
    return False


def defines_extension_module(name):
    """Whether a .so/.pyd/.pyx file name is `<stem><suffix>` for a suffix CPython's file finder
    tries (importlib.machinery.EXTENSION_SUFFIXES: `.cpython-311-x86_64-linux-gnu.so`,
    `.abi3.so`, `.so`; on Windows `.cp311-win_amd64.pyd`, `.pyd`), so `libpython3.11.so`
    is no module. A Cython `.pyx` compiles to an extension of its stem."""
    if name.endswith(".pyx"):
        return "." not in name[:-4]
    base, _, ext = name.rpartition(".")
    parts = base.split(".")
    if len(parts) == 2 and (parts[1] == "abi3" or parts[1].startswith(("cpython-", "cp3", "pypy"))):
        parts = parts[:1]
    return len(parts) == 1 and parts[0] != ""
SKIP_DIRS = ("__pycache__", "node_modules")
PACKAGE_DIRS = ("site-packages", "dist-packages")
IMPORT_ERRORS = ("ImportError", "ModuleNotFoundError", "Exception", "BaseException")
PEP594_AND_REMOVED = (
    "aifc", "asynchat", "asyncore", "audioop", "cgi", "cgitb", "chunk", "crypt",
    "imghdr", "mailcap", "msilib", "nis", "nntplib", "ossaudiodev", "pipes",
    "smtpd", "sndhdr", "spwd", "sunau", "telnetlib", "uu", "xdrlib",
    "distutils", "imp", "lib2to3",
)


# ---------------------------------------------------------------- discovery

class GitIgnore:
    """Approximate .gitignore rules collected while walking."""

    def __init__(self):
        self.rules = []  # (base_rel_dir, pattern, negate, dir_only, anchored)

    def load(self, abs_dir, rel_dir):
        path = os.path.join(abs_dir, ".gitignore")
        if not os.path.isfile(path):
            return
        with open(path, encoding="utf-8", errors="replace") as handle:
            for line in handle:
                line = line.rstrip("\n").rstrip()
                if not line or line.startswith("#"):
                    continue
                negate = line.startswith("!")
                if negate:
                    line = line[1:]
                dir_only = line.endswith("/")
                line = line.rstrip("/")
                anchored = "/" in line
                line = line.lstrip("/")
                self.rules.append((rel_dir, line, negate, dir_only, anchored))

    def ignored(self, rel_path, is_dir):
        result = False
        for base, pattern, negate, dir_only, anchored in self.rules:
            if base and not rel_path.startswith(base + "/"):
                continue
            if dir_only and not is_dir:
                continue
            sub = rel_path[len(base) + 1:] if base else rel_path
            target = sub if anchored else sub.rsplit("/", 1)[-1]
            if fnmatch.fnmatchcase(target, pattern.replace("**/", "*").replace("/**", "/*")):
                result = not negate
        return result


def discover(top):
    """Walk `top`; return (sorted relative file paths, relative dirs holding a project file)."""
    inside_packages = any(part in PACKAGE_DIRS for part in os.path.realpath(top).split(os.sep))
    files, dists = [], []
    seen = set()
    ignore = GitIgnore()
    stack = [("", top)]
    while stack:
        rel_dir, abs_dir = stack.pop()
        real = os.path.realpath(abs_dir)
        if real in seen:
            continue
        seen.add(real)
        try:
            entries = sorted(os.scandir(abs_dir), key=lambda e: e.name)
        except OSError:
            continue
        names = {e.name for e in entries}
        if "pyvenv.cfg" in names and rel_dir:
            continue
        ignore.load(abs_dir, rel_dir)
        if declares_project(abs_dir, names):
            dists.append(rel_dir or ".")
        for entry in entries:
            rel = rel_dir + "/" + entry.name if rel_dir else entry.name
            try:
                is_dir = entry.is_dir()  # follows symlinks
                is_file = entry.is_file()
            except OSError:
                continue
            if is_dir:
                if entry.name.startswith(".") or entry.name in SKIP_DIRS:
                    continue
                if entry.name in PACKAGE_DIRS and not inside_packages:
                    continue
                if ignore.ignored(rel, True):
                    continue
                stack.append((rel, entry.path))
            elif is_file:
                if entry.name.endswith(EXT_SUFFIXES) and not defines_extension_module(entry.name):
                    continue
                if not entry.name.endswith((".py", ".pyi") + EXT_SUFFIXES):
                    continue
                if entry.name.endswith(".pyi") and entry.name[:-1] in names:
                    continue  # a .py beside the stub counts
                if ignore.ignored(rel, False):
                    continue
                files.append(rel)
    return sorted(files), sorted(dists)


def file_stem(name):
    if name.endswith(".pyi"):
        return name[:-4]
    if name.endswith(".py"):
        return name[:-3]
    return name.split(".", 1)[0]  # extension module: stem before the first dot


class Layout:
    """Module names for the discovered files: roots, packages, scripts, owners."""

    def __init__(self, files, roots, dists, use_dists):
        self.roots = roots  # relative dirs, '' for PATH, earlier wins on duplicates
        self.file_module = {}  # rel path -> (name, is_package, is_script, package_for_relative)
        self.modules = set()  # importable dotted names
        self.module_root = {}  # dotted name -> root of the winning file
        self.scripts = set()
        self.winner = {}  # dotted name (or script path) -> the file that defines it
        best = {}
        self.script_owner_dir = {}  # script name -> nearest importable dotted dir or None
        self.dists = dists if use_dists else []
        rank = {root: i for i, root in enumerate(roots)}
        for rel in files:
            root = self.root_of(rel)
            sub = rel[len(root) + 1:] if root else rel
            parts = sub.split("/")
            dirs, stem = parts[:-1], file_stem(parts[-1])
            importable_dirs = all(d.isidentifier() for d in dirs)
            if stem == "__init__" and dirs and importable_dirs:
                name, is_pkg = ".".join(dirs), True
            elif stem != "__init__" and importable_dirs and stem.isidentifier():
                name, is_pkg = ".".join(dirs + [stem]), False
            else:
                # a script: its package is the directory holding it, when importable
                pkg_dirs = []
                for d in dirs:
                    if not d.isidentifier():
                        break
                    pkg_dirs.append(d)
                holder = ".".join(dirs) if importable_dirs and dirs else None
                self.file_module[rel] = (rel, False, True, holder)
                self.winner[rel] = rel
                self.scripts.add(rel)
                self.script_owner_dir[rel] = (".".join(pkg_dirs) or None, root)
                for i in range(1, len(pkg_dirs) + 1):
                    self._add(".".join(pkg_dirs[:i]), root, rank)  # namespace packages
                continue
            package = name if is_pkg else ".".join(dirs)
            self.file_module[rel] = (name, is_pkg, False, package)
            key = (rank[root], not is_pkg, rel.endswith(EXT_SUFFIXES), rel)
            if name not in best or key < best[name]:
                best[name], self.winner[name] = key, rel
            for i in range(1, len(dirs) + 1):
                self._add(".".join(dirs[:i]), root, rank)
            self._add(name, root, rank)

    def _add(self, name, root, rank):
        self.modules.add(name)
        old = self.module_root.get(name)
        if old is None or rank[root] < rank[old]:
            self.module_root[name] = root

    def root_of(self, rel):
        best = None
        for root in self.roots:
            if root == "" or rel.startswith(root + "/"):
                if best is None or len(root) > len(best):
                    best = root
        return best

    def dist_of(self, root):
        best = None
        for dist in self.dists:
            d = "" if dist == "." else dist
            if d == "" or root == d or root.startswith(d + "/"):
                if best is None or len(d) > len(best):
                    best = d
        return best

    def owner(self, name, internal):
        """Owner of a module (dotted name or script path)."""
        if name in self.scripts:
            pkg, root = self.script_owner_dir[name]
            dist = self.dist_of(root)
            if dist is not None:
                return "dist:" + (dist or ".")
            return ("pkg:" + pkg.split(".")[0]) if pkg else "script:" + name
        if internal:
            dist = self.dist_of(self.module_root.get(name, ""))
            if dist is not None:
                return "dist:" + (dist or ".")
        return "pkg:" + name.split(".")[0]


# ---------------------------------------------------------------- extraction

class Site:
    __slots__ = ("file", "line", "column", "kind", "module", "level", "names", "anchor",
                 "tc", "cond", "lazy", "dynamic", "lazy_listed")

    def __init__(self, file, node, kind, module, level, names, anchor, ctx, dynamic):
        self.file, self.line, self.column = file, node.lineno, node.col_offset + 1
        self.kind, self.module, self.level, self.names = kind, module, level, names
        self.anchor = anchor
        self.tc, self.cond, self.lazy = ctx
        self.dynamic = dynamic
        self.lazy_listed = frozenset()


def collect_bindings(tree):
    """Local name -> set of qualified names it is bound to by an absolute import, anywhere in the file.

    ``import a.b`` binds ``a`` to ``a``; ``import a.b as x`` binds ``x`` to ``a.b``;
    ``from a.b import c as d`` binds ``d`` to ``a.b.c``.
    """
    bound = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname:
                    bound.setdefault(alias.asname, set()).add(alias.name)
                else:
                    top = alias.name.split(".")[0]
                    bound.setdefault(top, set()).add(top)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            for alias in node.names:
                if alias.name != "*":
                    bound.setdefault(alias.asname or alias.name, set()).add(node.module + "." + alias.name)
    return bound


def qualified_names(expr, bound):
    """The qualified names a callee expression (`x`, `x.y.z`) may stand for."""
    attrs = []
    while isinstance(expr, ast.Attribute):
        attrs.append(expr.attr)
        expr = expr.value
    if not isinstance(expr, ast.Name):
        return set()
    tail = ".".join(reversed(attrs))
    return {join(q, tail) for q in bound.get(expr.id, ())}


def lazy_modules(tree):
    found = set()
    for stmt in tree.body:
        value, targets = None, []
        if isinstance(stmt, ast.Assign):
            value, targets = stmt.value, stmt.targets
        elif isinstance(stmt, ast.AnnAssign) and stmt.value is not None:
            value, targets = stmt.value, [stmt.target]
        if any(isinstance(t, ast.Name) and t.id == "__lazy_modules__" for t in targets):
            if isinstance(value, (ast.List, ast.Tuple, ast.Set)):
                for elt in value.elts:
                    if isinstance(elt, ast.Constant) and isinstance(elt.value, str):
                        found.add(elt.value)
    return found


def catches_import_errors(handlers):
    for handler in handlers:
        kind = handler.type
        if kind is None:
            return True
        elts = kind.elts if isinstance(kind, ast.Tuple) else [kind]
        for elt in elts:
            name = elt.id if isinstance(elt, ast.Name) else elt.attr if isinstance(elt, ast.Attribute) else None
            if name in IMPORT_ERRORS:
                return True
    return False


def is_suppress_import_error(item):
    call = item.context_expr
    if not isinstance(call, ast.Call):
        return False
    func = call.func
    fname = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None
    if fname != "suppress":
        return False
    for arg in call.args:
        name = arg.id if isinstance(arg, ast.Name) else arg.attr if isinstance(arg, ast.Attribute) else None
        if name in IMPORT_ERRORS:
            return True
    return False


def extract(rel, tree, stub, helpers=()):
    """All import sites of one parsed file, and the number of non-literal dynamic imports."""
    bound = collect_bindings(tree)
    typing_names = {"typing"} | {n for n, q in bound.items() if "typing" in q}
    tc_names = {"TYPE_CHECKING"} | {n for n, q in bound.items() if "typing.TYPE_CHECKING" in q}
    importers = {"importlib.import_module"} | set(helpers)

    def is_tc(test):
        if isinstance(test, ast.Name):
            return test.id in tc_names
        return (isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
                and isinstance(test.value, ast.Name) and test.value.id in typing_names)

    def is_not_tc(test):
        return isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not) and is_tc(test.operand)

    def dyn_call(node):
        func = node.func
        if isinstance(func, ast.Name) and func.id == "__import__":
            return True
        return bool(qualified_names(func, bound) & importers)

    sites, nonliteral = [], 0
    try_types = (ast.Try, ast.TryStar) if hasattr(ast, "TryStar") else (ast.Try,)
    stack = [(tree, (stub, False, False))]
    while stack:
        node, ctx = stack.pop()
        tc, cond, lazy = ctx
        if isinstance(node, ast.Import):
            for alias in node.names:
                sites.append(Site(rel, node, "import", alias.name, 0, [], None, ctx, False))
            continue
        if isinstance(node, ast.ImportFrom):
            names = [a.name for a in node.names]
            sites.append(Site(rel, node, "from", node.module or "", node.level, names, None, ctx, False))
            continue
        if isinstance(node, ast.Call) and dyn_call(node):
            name_arg = node.args[0] if node.args else None
            pkg_arg = node.args[1] if len(node.args) > 1 else None
            for kw in node.keywords:
                if kw.arg == "name" and name_arg is None:
                    name_arg = kw.value
                if kw.arg == "package" and pkg_arg is None:
                    pkg_arg = kw.value
            if isinstance(name_arg, ast.Constant) and isinstance(name_arg.value, str):
                literal = name_arg.value
                level = len(literal) - len(literal.lstrip("."))
                anchor = None
                if level:
                    if isinstance(pkg_arg, ast.Constant) and isinstance(pkg_arg.value, str):
                        anchor = ("literal", pkg_arg.value)
                    elif isinstance(pkg_arg, ast.Name) and pkg_arg.id == "__package__":
                        anchor = ("package",)
                    elif isinstance(pkg_arg, ast.Name) and pkg_arg.id == "__name__":
                        anchor = ("name",)
                    elif pkg_arg is None or (isinstance(pkg_arg, ast.Constant) and pkg_arg.value is None):
                        anchor = ("none",)
                if level and anchor is None:
                    nonliteral += 1
                else:
                    sites.append(Site(rel, node, "dynamic", literal[level:], level, [], anchor, ctx, True))
            elif name_arg is not None:
                nonliteral += 1
        # children, with their context
        if isinstance(node, ast.If):
            stack.append((node.test, ctx))
            for child in node.body:
                stack.append((child, (tc or is_tc(node.test), True, lazy)))
            for child in node.orelse:
                stack.append((child, (tc or is_not_tc(node.test), True, lazy)))
        elif isinstance(node, try_types) and catches_import_errors(node.handlers):
            for child in node.body + node.orelse:
                stack.append((child, (tc, True, lazy)))
            for handler in node.handlers:
                if handler.type is not None:
                    stack.append((handler.type, ctx))
                for child in handler.body:
                    stack.append((child, (tc, True, lazy)))
            for child in node.finalbody:
                stack.append((child, ctx))
        elif isinstance(node, (ast.With, ast.AsyncWith)) and any(is_suppress_import_error(i) for i in node.items):
            for item in node.items:
                stack.append((item, ctx))
            for child in node.body:
                stack.append((child, (tc, True, lazy)))
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for child in node.decorator_list:
                stack.append((child, ctx))
            stack.append((node.args, ctx))
            if node.returns is not None:
                stack.append((node.returns, ctx))
            for child in node.body:
                stack.append((child, (tc, cond, True)))
        elif isinstance(node, ast.Lambda):
            stack.append((node.args, ctx))
            stack.append((node.body, (tc, cond, True)))
        else:
            for child in ast.iter_child_nodes(node):
                stack.append((child, ctx))
    return sites, nonliteral


def parse_file(path):
    with open(path, "rb") as handle:
        data = handle.read()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return ast.parse(data, filename=path)


# ---------------------------------------------------------------- resolution

class ImportProblem(Exception):
    pass


def relative_base(package, level):
    """PEP 328 / importlib._resolve_name: the package `level` dots point at."""
    if not package:
        raise ImportProblem("attempted relative import with no known parent package")
    bits = package.rsplit(".", level - 1)
    if len(bits) < level:
        raise ImportProblem("attempted relative import beyond top-level package")
    return bits[0]


def join(base, name):
    return base + "." + name if base and name else base or name


def statement_module(site, info):
    """The absolute module a site names (before `from M import n` picks a submodule)."""
    name, is_pkg, is_script, package = info
    if site.level == 0:
        return site.module
    if site.kind != "dynamic":
        return join(relative_base(package, site.level), site.module)
    anchor = site.anchor
    if anchor[0] == "literal":
        base_pkg = anchor[1]
    elif anchor[0] == "package":
        base_pkg = package
    elif anchor[0] == "name":
        if is_script:
            stem = file_stem(name.rsplit("/", 1)[-1])
            base_pkg = join(package, stem) if package else None
        else:
            base_pkg = name if not is_pkg else package
    else:
        raise ImportProblem("relative import_module() without a package")
    if not base_pkg:
        raise ImportProblem("relative import_module() with an empty package")
    return join(relative_base(base_pkg, site.level), site.module)


def site_targets(site, module, modules):
    """[(target, names, is_submodule)]: one per target of the statement."""
    if site.kind != "from" or site.names == ["*"]:
        return [(module, list(site.names), False)]
    groups, order = {}, []
    for n in site.names:
        cand = join(module, n)
        key = (cand, True) if cand in modules else (module, False)
        if key not in groups:
            groups[key] = []
            order.append(key)
        groups[key].append(n)
    return [(key[0], groups[key], key[1]) for key in order]


def classify(target, modules):
    """('internal', module, unresolved) or ('external', top-level name, False)."""
    if target in modules:
        return "internal", target, False
    top = target.split(".")[0]
    if top in modules:
        parts = target.split(".")
        while parts and ".".join(parts) not in modules:
            parts.pop()
        return "internal", ".".join(parts), True
    return "external", top, False


# ---------------------------------------------------------------- public API

def _string_sequence(node):
    """The strings of a literal list/tuple/set of str constants (or a ``+`` of such), else None."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _string_sequence(node.left), _string_sequence(node.right)
        return left + right if left is not None and right is not None else None
    if not isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        return None
    if not all(isinstance(e, ast.Constant) and type(e.value) is str for e in node.elts):
        return None
    return [e.value for e in node.elts]


def _is_all(node):
    return isinstance(node, ast.Name) and node.id == "__all__"


def _changes_all_inside(compound):
    """Whether a module-level compound statement assigns ``__all__`` or calls a method of it
    anywhere at module scope within (not inside a def or class)."""
    todo = [compound]
    while todo:
        node = todo.pop()
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
                continue
            if isinstance(child, ast.Assign) and any(_is_all(t) for t in child.targets):
                return True
            if isinstance(child, (ast.AugAssign, ast.AnnAssign)) and _is_all(child.target):
                return True
            if isinstance(child, ast.Expr) and isinstance(child.value, ast.Call) \
                    and isinstance(child.value.func, ast.Attribute) and _is_all(child.value.func.value):
                return True
            if isinstance(child, (ast.stmt, ast.excepthandler)) or type(child).__name__ == "match_case":
                todo.append(child)
    return False


def literal_all(tree):
    """A module's literal ``__all__`` read from its top-level statements in order: ``=`` (one
    target) or annotated ``=`` of a literal sequence sets it; ``+=``, ``.extend(seq)``,
    ``.append(s)``, ``.remove(s)`` with literals change a known value; any other value or
    change (another ``+=`` operand, a chained ``a = b = ...``, or any assignment or method call
    of ``__all__`` nested in a module-level if/try/with/loop/match) makes it unknown (None)."""
    value = None
    for stmt in tree.body:
        if isinstance(stmt, (ast.If, ast.Try, ast.With, ast.For, ast.While, ast.AsyncFor, ast.AsyncWith,
                             getattr(ast, "Match", ast.If), getattr(ast, "TryStar", ast.Try))):
            if _changes_all_inside(stmt):
                value = None
            continue
        if isinstance(stmt, ast.Assign) and any(_is_all(t) for t in stmt.targets):
            value = _string_sequence(stmt.value) if len(stmt.targets) == 1 else None
        elif isinstance(stmt, ast.AnnAssign) and _is_all(stmt.target) and stmt.value is not None:
            value = _string_sequence(stmt.value)
        elif isinstance(stmt, ast.AugAssign) and _is_all(stmt.target):
            added = _string_sequence(stmt.value) if isinstance(stmt.op, ast.Add) else None
            value = value + added if value is not None and added is not None else None
        elif isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call):
            call = stmt.value
            if not (isinstance(call.func, ast.Attribute) and _is_all(call.func.value)):
                continue
            method, args = call.func.attr, call.args + [k.value for k in call.keywords]
            one = args[0] if len(args) == 1 else None
            text = one.value if isinstance(one, ast.Constant) and type(one.value) is str else None
            if method == "extend" and one is not None:
                added = _string_sequence(one)
                value = value + added if value is not None and added is not None else None
            elif method == "append" and one is not None:
                value = value + [text] if value is not None and text is not None else None
            elif method == "remove" and one is not None:
                value = [v for i, v in enumerate(value) if i != value.index(text)] \
                    if value is not None and text in value else None
            elif method in ("extend", "append", "remove"):
                value = None
    return value


def _dotted(node):
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        inner = _dotted(node.value)
        return inner + "." + node.attr if inner else None
    return None


def export_records(tree, decorators):
    """Symbols marked by an export decorator (a call whose callee's last dotted segment is the
    last segment of a configured name) at module scope (not inside a def or class; inside a
    top-level if/try/with/for/while/match they count): as a decorator of a def or class, as a
    statement ``deco(...)(name)``, or as ``target = deco(...)(anything)``. Names: str constants
    among the positional arguments, then those inside list/tuple keyword arguments.
    Returns [(symbol, names, decorator, line)] in source order."""
    lasts = {d.rsplit(".", 1)[-1] for d in decorators}
    found = []

    def marking(node):
        if not isinstance(node, ast.Call):
            return None
        name = _dotted(node.func)
        if name is None or name.rsplit(".", 1)[-1] not in lasts:
            return None
        names = [a.value for a in node.args if isinstance(a, ast.Constant) and type(a.value) is str]
        for k in node.keywords:
            if k.arg is not None and isinstance(k.value, (ast.List, ast.Tuple)):
                names += [e.value for e in k.value.elts if isinstance(e, ast.Constant) and type(e.value) is str]
        return name, names

    def call_form(value):
        if isinstance(value, ast.Call) and isinstance(value.func, ast.Call):
            return marking(value.func)
        return None

    def visit(node):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                for dec in child.decorator_list:
                    m = marking(dec)
                    if m:
                        found.append((child.name, m[1], m[0], dec.lineno))
                continue
            if isinstance(child, ast.Expr):
                m = call_form(child.value)
                call = child.value
                if m and len(call.args) + len(call.keywords) == 1 and call.args and isinstance(call.args[0], ast.Name):
                    found.append((call.args[0].id, m[1], m[0], call.lineno))
            elif isinstance(child, ast.Assign):
                m = call_form(child.value)
                if m and len(child.targets) == 1 and isinstance(child.targets[0], ast.Name):
                    found.append((child.targets[0].id, m[1], m[0], child.value.lineno))
            if isinstance(child, (ast.stmt, ast.excepthandler, getattr(ast, "match_case", ast.excepthandler))):
                visit(child)

    if lasts:
        visit(tree)
    return found


# ---------------------------------------------------------------- privacy

def private_segment(segment):
    dunder = len(segment) > 4 and segment.startswith("__") and segment.endswith("__")
    return segment.startswith("_") and not dunder


class Privacy:
    def __init__(self, private, public):
        self.prefixes = [(p, False) for p in private] + [(p, True) for p in public]

    def declared(self, name):
        """The deciding declared prefix as (prefix, is_public), or None."""
        best = None
        for prefix, public in self.prefixes:
            if name == prefix or name.startswith(prefix + "."):
                if best is None or len(prefix) > len(best[0]) or (len(prefix) == len(best[0]) and public):
                    best = (prefix, public)
        return best

    def is_private(self, name):
        decided = self.declared(name)
        if decided is None:
            return any(private_segment(s) for s in name.split("."))
        prefix, public = decided
        if not public:
            return True
        rest = name[len(prefix) + 1:]
        return any(private_segment(s) for s in rest.split(".")) if rest else False

    def private_names(self, target, names, is_submodule, kind, all_names=None):
        """None when the site is not private; else the names that make it so ([] for `import m`).
        For a name of `target` (not a submodule; an export decorator makes a symbol public under
        its public names, not at its private path, so exports do not change the verdict): judged as the
        module `target.n` when a declared prefix longer than `target` covers that; else private
        when `target` is, else by `all_names` (the literal __all__, when known) or its underscore."""
        if kind != "from" or is_submodule or names == ["*"]:
            return list(names) if self.is_private(target) else None
        found = []
        for n in names:
            if n == "*":
                continue
            cand = join(target, n)
            decided = self.declared(cand)
            if decided is not None and len(decided[0]) > len(target):
                if self.is_private(cand):
                    found.append(n)
            elif self.is_private(target):
                found.append(n)
            elif all_names is not None:
                dunder = len(n) > 4 and n.startswith("__") and n.endswith("__")
                if n not in all_names and not dunder:
                    found.append(n)
            elif private_segment(n):
                found.append(n)
        return found or None


# ---------------------------------------------------------------- graph

def tarjan(nodes, succ):
    """Strongly connected components, iteratively (Tarjan 1972)."""
    index, low, on_stack, stack, comps = {}, {}, set(), [], []
    counter = 0
    for start in nodes:
        if start in index:
            continue
        work = [(start, iter(succ.get(start, ())))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, it = work[-1]
            advanced = False
            for nxt in it:
                if nxt not in index:
                    index[nxt] = low[nxt] = counter
                    counter += 1
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, iter(succ.get(nxt, ()))))
                    advanced = True
                    break
                if nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
            if advanced:
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                comp = []
                while True:
                    top = stack.pop()
                    on_stack.discard(top)
                    comp.append(top)
                    if top == node:
                        break
                comps.append(comp)
    return comps


def stdlib_names():
    """Top-level names of the standard library: ``sys.stdlib_module_names`` (which leaves out
    CPython's test modules), built-in modules, the extension modules of this Python's
    lib-dynload, and the modules removed by PEP 594 and since."""
    if not hasattr(sys, "stdlib_module_names"):
        raise SystemExit("crosscheck.py needs Python 3.10+ (sys.stdlib_module_names)")
    names = set(sys.stdlib_module_names) | set(sys.builtin_module_names) | set(PEP594_AND_REMOVED)
    dynload = sysconfig.get_config_var("DESTSHARED")
    if dynload and os.path.isdir(dynload):
        names.update(n.split(".", 1)[0] for n in os.listdir(dynload) if n.endswith(EXT_SUFFIXES))
    return names


# ---------------------------------------------------------------- main

def analyze(args):
    timings = {}
    t0 = time.perf_counter()
    top = os.path.abspath(args.path)
    roots = []
    for r in args.root or []:
        rel = os.path.relpath(os.path.normpath(os.path.join(top, r)), top).replace(os.sep, "/")
        rel = "" if rel == "." else rel
        if rel.startswith(".."):
            raise SystemExit("root outside PATH: " + r)
        if rel not in roots:
            roots.append(rel)
    if "" not in roots:
        roots.append("")
    files, dists = discover(top)
    layout = Layout(files, roots, dists, not args.no_distributions)
    modules = layout.modules
    timings["discover"] = time.perf_counter() - t0

    t1 = time.perf_counter()
    syntax_errors, all_sites, nonliteral = [], [], 0
    module_all, exports = {}, []
    for rel in files:
        if rel.endswith(EXT_SUFFIXES):
            continue
        try:
            tree = parse_file(os.path.join(top, rel))
        except (SyntaxError, ValueError, UnicodeDecodeError, LookupError, OverflowError, RecursionError, MemoryError):
            syntax_errors.append(rel)
            continue
        name = layout.file_module[rel][0]
        if layout.winner.get(name) == rel:
            module_all[name] = literal_all(tree)
            for symbol, names, decorator, line in export_records(tree, args.export_decorator or ()):
                exports.append({"module": name, "symbol": symbol, "names": names,
                                "decorator": decorator, "file": rel, "line": line})
        sites, n = extract(rel, tree, rel.endswith(".pyi"), args.import_helper or ())
        nonliteral += n
        lazy_set = lazy_modules(tree)
        for site in sites:
            site.lazy_listed = lazy_set
        all_sites.extend(sites)
    timings["parse"] = time.perf_counter() - t1

    t2 = time.perf_counter()
    privacy = Privacy(args.private or [], args.public or [])
    external_privacy = Privacy((args.private or []) + (args.external_private or []),
                               (args.public or []) + (args.external_public or []))
    stdlib = stdlib_names()
    edges, external, private, import_errors, debug = set(), set(), {}, [], []
    kept_sites = unresolved_sites = 0
    for site in all_sites:
        info = layout.file_module[site.file]
        importer = info[0]
        try:
            module = statement_module(site, info)
        except ImportProblem as problem:
            import_errors.append({"file": site.file, "line": site.line, "column": site.column,
                                  "message": str(problem)})
            continue
        lazy = site.lazy or (site.kind != "dynamic" and module in site.lazy_listed)
        keep = not ((args.no_type_checking and site.tc) or (args.no_lazy and lazy)
                    or (args.no_dynamic and site.dynamic))
        for target, names, is_sub in site_targets(site, module, modules):
            where, to, unresolved = classify(target, modules)
            if args.sites:
                debug.append({"file": site.file, "line": site.line, "column": site.column,
                              "from": importer, "to": to, "target": target, "names": names,
                              "external": where == "external", "typeChecking": site.tc,
                              "conditional": site.cond, "lazy": lazy, "dynamic": site.dynamic,
                              "unresolved": unresolved})
            if keep:
                kept_sites += 1
                unresolved_sites += unresolved
                (edges if where == "internal" else external).add((importer, to))
            if not keep or (where == "external" and to in stdlib):
                continue
            if where == "internal":
                found = privacy.private_names(target, names, is_sub, site.kind,
                                              module_all.get(target))
            else:
                found = external_privacy.private_names(target, names, is_sub, site.kind)
            if found is None:
                continue
            target_owner = layout.owner(to, True) if where == "internal" else "pkg:" + to
            if target_owner != layout.owner(importer, True):
                # one record per statement and module named in it (result.ts: PrivateImportRecord)
                key = (site.file, site.line, site.column, module)
                if key not in private:
                    private[key] = []
                private[key].extend(n for n in found if n not in private[key])
                private[key].sort(key=lambda n: site.names.index(n) if n in site.names else -1)
    extra = set()
    if args.extra_edges:
        with open(args.extra_edges, encoding="utf-8") as handle:
            extra = {(a, b) for a, b in json.load(handle)}
    succ = {}
    for a, b in edges | extra:
        if a != b:
            succ.setdefault(a, []).append(b)
    for key in succ:
        succ[key].sort()
    nodes = sorted(modules | layout.scripts)
    sccs = sorted(sorted(c) for c in tarjan(nodes, succ) if len(c) > 1)
    timings["resolve+graph"] = time.perf_counter() - t2
    timings["total"] = time.perf_counter() - t0

    result = {
        "modules": nodes,
        "edges": sorted([a, b] for a, b in edges),
        "externalEdges": sorted([a, b] for a, b in external),
        "sccs": sccs,
        "privateImports": [{"file": k[0], "line": k[1], "column": k[2], "target": k[3], "names": v}
                           for k, v in sorted(private.items())],
        "exports": sorted(exports, key=lambda e: (e["module"], e["symbol"], e["line"], e["decorator"])),
        "all": {k: v for k, v in sorted(module_all.items()) if v is not None},
        "syntaxErrorFiles": sorted(syntax_errors),
        "importErrors": sorted(import_errors, key=lambda p: (p["file"], p["line"], p["column"])),
        "counts": {"files": len(files), "parsedFiles": sum(not f.endswith(EXT_SUFFIXES) for f in files),
                   "modules": len(nodes), "sites": kept_sites, "importErrors": len(import_errors),
                   "nonLiteralDynamicImports": nonliteral, "unresolvedSites": unresolved_sites,
                   "syntaxErrors": len(syntax_errors)},
    }
    if args.sites:
        result["sites"] = sorted(debug, key=lambda s: (s["file"], s["line"], s["column"], s["target"]))
    return result, timings


def main(argv=None):
    parser = argparse.ArgumentParser(description="Independent ast-based cross-check of pyseam.")
    parser.add_argument("path")
    parser.add_argument("--root", action="append", help="source root relative to PATH (repeatable, earlier wins)")
    parser.add_argument("--private", action="append", help="declared private module prefix")
    parser.add_argument("--public", action="append", help="declared public module prefix")
    parser.add_argument("--external-private", action="append",
                        help="declared private prefix for external targets only (pyseam's presets)")
    parser.add_argument("--external-public", action="append",
                        help="declared public prefix for external targets only (pyseam's presets)")
    parser.add_argument("--export-decorator", action="append",
                        help="export decorator name (keras_export): the symbols it marks are public")
    parser.add_argument("--import-helper", action="append",
                        help="dotted name of a function that imports its string argument like import_module")
    parser.add_argument("--extra-edges", help="JSON file of [from, to] internal edges added before computing SCCs "
                        "(the test passes the edges pyseam recovers from files ast cannot parse)")
    parser.add_argument("--no-type-checking", action="store_true")
    parser.add_argument("--no-lazy", action="store_true")
    parser.add_argument("--no-dynamic", action="store_true")
    parser.add_argument("--no-distributions", action="store_true", help="owners are top-level packages only")
    parser.add_argument("--sites", action="store_true", help="also print every site with its facts")
    parser.add_argument("--timings", action="store_true", help="print phase timings to stderr")
    args = parser.parse_args(argv)
    if not os.path.isdir(args.path):
        parser.error("not a directory: " + args.path)
    result, timings = analyze(args)
    json.dump(result, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")
    if args.timings:
        sys.stderr.write(" ".join("%s=%.2fs" % kv for kv in timings.items()) + "\n")


if __name__ == "__main__":
    main()

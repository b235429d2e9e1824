/**
 * parseModule against hand-checked expectations, one snippet per row and fact
 * of SEMANTICS.md "Import statements". Columns are ast's col_offset + 1 counted
 * in UTF-8 bytes, worked out by hand (ast-oracle.test.ts checks the static ones
 * against Python itself).
 */
import { describe, expect, it } from 'vitest';
import { parseModule } from '../../src/parse/extract.js';
import type { ExtractOptions, RawImport } from '../../src/parse/types.js';

const NO_FACTS = { typeChecking: false, conditional: false, lazy: false, dynamic: false };

function imports(source: string, options?: ExtractOptions): RawImport[] {
  return parseModule(source, options).imports;
}

/** The single import of `module` in the source. */
function only(source: string, module: string, options?: ExtractOptions): RawImport {
  const found = imports(source, options).filter((i) => i.module === module);
  expect(found).toHaveLength(1);
  return found[0];
}

describe('import statements', () => {
  it('import a.b.c', () => {
    expect(imports('import a.b.c\n')).toEqual([
      { kind: 'import', module: 'a.b.c', level: 0, names: [], line: 1, column: 1, ...NO_FACTS },
    ]);
  });

  it('import a.b.c as d', () => {
    expect(imports('\nimport a.b.c as d\n')).toEqual([
      { kind: 'import', module: 'a.b.c', level: 0, names: [], line: 2, column: 1, ...NO_FACTS },
    ]);
  });

  it('import a, b.c gives one import per target at the statement start', () => {
    expect(imports('x = 1\n  # c\nimport a, b.c as d\n')).toEqual([
      { kind: 'import', module: 'a', level: 0, names: [], line: 3, column: 1, ...NO_FACTS },
      { kind: 'import', module: 'b.c', level: 0, names: [], line: 3, column: 1, ...NO_FACTS },
    ]);
  });

  it('from a.b import c, d as e', () => {
    expect(imports('from a.b import c, d as e\n')).toEqual([
      { kind: 'from', module: 'a.b', level: 0, names: ['c', 'd'], line: 1, column: 1, ...NO_FACTS },
    ]);
  });

  it('from a.b import *', () => {
    expect(only('from a.b import *\n', 'a.b')).toMatchObject({ kind: 'from', names: ['*'], level: 0 });
  });

  it('from a.b import (c, d) over several lines, with a comment', () => {
    expect(only('from a.b import (c,  # first\n    d,\n)\n', 'a.b')).toMatchObject({ names: ['c', 'd'], line: 1, column: 1 });
  });

  it('relative imports: level is the number of dots, module has none', () => {
    expect(imports('from . import c\nfrom .. import c\nfrom .x import y\nfrom ...a.b import c\nfrom . . x import y\n')).toEqual([
      { kind: 'from', module: '', level: 1, names: ['c'], line: 1, column: 1, ...NO_FACTS },
      { kind: 'from', module: '', level: 2, names: ['c'], line: 2, column: 1, ...NO_FACTS },
      { kind: 'from', module: 'x', level: 1, names: ['y'], line: 3, column: 1, ...NO_FACTS },
      { kind: 'from', module: 'a.b', level: 3, names: ['c'], line: 4, column: 1, ...NO_FACTS },
      { kind: 'from', module: 'x', level: 2, names: ['y'], line: 5, column: 1, ...NO_FACTS },
    ]);
  });

  it('from __future__ import is recorded as module __future__', () => {
    expect(imports('from __future__ import annotations, division\n')).toEqual([
      { kind: 'from', module: '__future__', level: 0, names: ['annotations', 'division'], line: 1, column: 1, ...NO_FACTS },
    ]);
  });
});

describe('positions', () => {
  it('an indented import starts at its keyword', () => {
    expect(only('def f():\n    import os\n', 'os')).toMatchObject({ line: 2, column: 5 });
  });

  it('after a semicolon', () => {
    expect(only('x = 1; import os\n', 'os')).toMatchObject({ line: 1, column: 8 });
  });

  it('counts UTF-8 bytes before the statement, like ast', () => {
    // x = "é"; : é is 2 bytes, so 10 bytes precede `import`.
    expect(only('x = "é"; import os\n', 'os')).toMatchObject({ line: 1, column: 11 });
    // 😀 is 4 UTF-8 bytes but 2 UTF-16 units.
    expect(only('x = "😀"; import os\n', 'os')).toMatchObject({ line: 1, column: 13 });
    // `s = "` 5 + 日本 6 + `"; ` 3 + `y = "` 5 + é 2 + `"; ` 3 = 24 bytes.
    expect(only('s = "日本"; y = "é"; from a import b\n', 'a')).toMatchObject({ column: 25 });
  });

  it('lines end at \\n, \\r\\n and a lone \\r, as in Python', () => {
    expect(only('import a\r\nimport b\r\n', 'b')).toMatchObject({ line: 2, column: 1 });
    expect(only('import a\rimport b\r', 'b')).toMatchObject({ line: 2, column: 1 });
  });

  it('a byte-order mark does not shift the first line', () => {
    expect(only('\ufeffimport os\n', 'os')).toMatchObject({ line: 1, column: 1 });
  });

  it('a backslash continuation keeps the statement start', () => {
    expect(only('import \\\n    os\n', 'os')).toMatchObject({ line: 1, column: 1 });
  });

  it('a dynamic call starts where the call expression starts', () => {
    expect(only('import importlib\nm = importlib.import_module("a.b")\n', 'a.b')).toMatchObject({ line: 2, column: 5 });
    expect(only('x = ("é", __import__("q"))\n', 'q')).toMatchObject({ line: 1, column: 12 });
  });
});

describe('dynamic imports', () => {
  const dynamic = { kind: 'dynamic', level: 0, names: [], typeChecking: false, conditional: false, lazy: false, dynamic: true };

  it('importlib.import_module("a.b")', () => {
    expect(only('import importlib\nimportlib.import_module("a.b")\n', 'a.b')).toEqual({ ...dynamic, module: 'a.b', line: 2, column: 1 });
  });

  it('import_module after from importlib import import_module [as alias]', () => {
    expect(only('from importlib import import_module\nimport_module("a")\n', 'a')).toEqual({ ...dynamic, module: 'a', line: 2, column: 1 });
    expect(only('from importlib import import_module as im\nim("a")\n', 'a')).toMatchObject({ kind: 'dynamic', dynamic: true });
  });

  it('import importlib as il; il.import_module(...)', () => {
    expect(only('import importlib as il\nil.import_module("x.y")\n', 'x.y')).toMatchObject({ kind: 'dynamic', line: 2 });
  });

  it('a bare import_module that was not imported from importlib is not an import', () => {
    const facts = parseModule('def import_module(n): pass\nimport_module("a")\n');
    expect(facts.imports).toEqual([]);
    expect(facts.nonLiteralDynamic).toEqual([]);
  });

  it('__import__("a.b")', () => {
    expect(only('m = __import__("a.b")\n', 'a.b')).toEqual({ ...dynamic, module: 'a.b', line: 1, column: 5 });
  });

  it('__import__ with a level resolves against the importer package', () => {
    expect(only('__import__("x", globals(), locals(), [], 1)\n', 'x')).toMatchObject({ level: 1, anchor: { importerPackage: true } });
  });

  it('configured helpers, called by their dotted name or after a from-import', () => {
    const options = { importHelpers: ['sympy.external.import_module'] };
    expect(only('import sympy.external\nsympy.external.import_module("numpy")\n', 'numpy', options)).toMatchObject({ kind: 'dynamic', line: 2, column: 1 });
    expect(only('from sympy.external import import_module\nnp = import_module("numpy")\n', 'numpy', options)).toMatchObject({ kind: 'dynamic', line: 2, column: 6 });
    expect(imports('sympy.external.import_module("numpy")\n')).toEqual([]);
  });

  it('relative literals take their anchor from the second argument or package=', () => {
    const src = [
      'import importlib',
      'importlib.import_module(".x", "p")',
      'importlib.import_module("..y.z", __package__)',
      'importlib.import_module(".w", __name__)',
      'importlib.import_module(".v", package="p.q")',
    ].join('\n');
    const found = imports(src).filter((i) => i.dynamic).map(({ module, level, anchor, line }) => ({ module, level, anchor, line }));
    expect(found).toEqual([
      { module: 'x', level: 1, anchor: { literal: 'p' }, line: 2 },
      { module: 'y.z', level: 2, anchor: { importerPackage: true }, line: 3 },
      { module: 'w', level: 1, anchor: { importerModule: true }, line: 4 },
      { module: 'v', level: 1, anchor: { literal: 'p.q' }, line: 5 },
    ]);
  });

  it('a raw string and an escaped string are literals', () => {
    expect(only('__import__(r"a.b")\n', 'a.b')).toMatchObject({ kind: 'dynamic' });
    expect(only('__import__("a\\x2eb")\n', 'a.b')).toMatchObject({ kind: 'dynamic' });
  });

  it('a non-literal argument goes to nonLiteralDynamic with the call text', () => {
    const src = [
      'import importlib',
      'importlib.import_module(name)',
      'importlib.import_module(f"a.{x}")',
      'importlib.import_module("a." + x)',
      '__import__("a" "b")',
      'importlib.import_module(".x", pkg)',
      'def f():\n    return importlib.import_module("." + name, __name__)',
    ].join('\n');
    const facts = parseModule(src);
    expect(facts.imports.filter((i) => i.dynamic)).toEqual([]);
    expect(facts.nonLiteralDynamic).toEqual([
      { line: 2, column: 1, call: 'importlib.import_module(name)' },
      { line: 3, column: 1, call: 'importlib.import_module(f"a.{x}")' },
      { line: 4, column: 1, call: 'importlib.import_module("a." + x)' },
      { line: 5, column: 1, call: '__import__("a" "b")' },
      { line: 6, column: 1, call: 'importlib.import_module(".x", pkg)' },
      { line: 8, column: 12, call: 'importlib.import_module("." + name, __name__)' },
    ]);
  });

  it('cuts the call text to 120 characters', () => {
    const arg = 'x'.repeat(200);
    const [entry] = parseModule(`__import__(${arg})\n`).nonLiteralDynamic;
    expect(entry.call).toHaveLength(120);
    expect(entry.call.startsWith('__import__(xxx')).toBe(true);
  });
});

describe('fact: typeChecking', () => {
  it('if TYPE_CHECKING: (the bare name), also conditional', () => {
    expect(only('from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import a\n', 'a')).toMatchObject({ typeChecking: true, conditional: true, lazy: false });
  });

  it('typing.TYPE_CHECKING, an alias of typing, typing_extensions, an aliased name', () => {
    expect(only('import typing\nif typing.TYPE_CHECKING:\n    import a\n', 'a').typeChecking).toBe(true);
    expect(only('import typing as t\nif t.TYPE_CHECKING:\n    import a\n', 'a').typeChecking).toBe(true);
    expect(only('import typing_extensions\nif typing_extensions.TYPE_CHECKING:\n    import a\n', 'a').typeChecking).toBe(true);
    expect(only('from typing import TYPE_CHECKING as TC\nif TC:\n    import a\n', 'a').typeChecking).toBe(true);
    expect(only('if (TYPE_CHECKING):\n    import a\n', 'a').typeChecking).toBe(true);
  });

  it('an unrelated name or attribute is not TYPE_CHECKING', () => {
    expect(only('if TC:\n    import a\n', 'a')).toMatchObject({ typeChecking: false, conditional: true });
    expect(only('import other as t\nif t.TYPE_CHECKING:\n    import a\n', 'a').typeChecking).toBe(false);
  });

  it('the else of if not TYPE_CHECKING', () => {
    const found = imports('if not TYPE_CHECKING:\n    import a\nelse:\n    import b\n');
    expect(found.map((i) => [i.module, i.typeChecking, i.conditional])).toEqual([['a', false, true], ['b', true, true]]);
  });

  it('a combined test is not type checking', () => {
    expect(only('if TYPE_CHECKING or sys.version_info >= (3, 8):\n    import a\n', 'a')).toMatchObject({ typeChecking: false, conditional: true });
  });

  it('elif TYPE_CHECKING: body only', () => {
    const found = imports('if x:\n    import a\nelif TYPE_CHECKING:\n    import b\nelse:\n    import c\n');
    expect(found.map((i) => [i.module, i.typeChecking, i.conditional])).toEqual([['a', false, true], ['b', true, true], ['c', false, true]]);
  });

  it('the else of if TYPE_CHECKING is not type checking', () => {
    expect(only('if TYPE_CHECKING:\n    pass\nelse:\n    import b\n', 'b')).toMatchObject({ typeChecking: false, conditional: true });
  });

  it('nested code under TYPE_CHECKING stays type checking', () => {
    expect(only('if TYPE_CHECKING:\n    try:\n        import a\n    except ImportError:\n        pass\n', 'a').typeChecking).toBe(true);
  });

  it('every import in a stub, dynamic ones too', () => {
    const found = imports('import a\nfrom b import c\n__import__("d")\n', { stub: true });
    expect(found.map((i) => [i.module, i.typeChecking])).toEqual([['a', true], ['b', true], ['d', true]]);
  });
});

describe('fact: conditional', () => {
  it('try body, handlers and else when the try catches ImportError; not finally', () => {
    const src = 'try:\n    import a\nexcept ImportError:\n    import b\nelse:\n    import c\nfinally:\n    import d\n';
    expect(imports(src).map((i) => [i.module, i.conditional])).toEqual([['a', true], ['b', true], ['c', true], ['d', false]]);
  });

  it.each([
    'except ModuleNotFoundError:',
    'except Exception:',
    'except BaseException:',
    'except:',
    'except (KeyError, ImportError):',
    'except ImportError as e:',
    'except* ImportError:',
  ])('%s makes the try body conditional', (handler) => {
    expect(only(`try:\n    import a\n${handler}\n    pass\n`, 'a').conditional).toBe(true);
  });

  it('a try that catches something else is not conditional', () => {
    expect(only('try:\n    import a\nexcept KeyError:\n    pass\n', 'a').conditional).toBe(false);
  });

  it('with suppress(ImportError) and contextlib.suppress(...)', () => {
    expect(only('from contextlib import suppress\nwith suppress(ImportError):\n    import a\n', 'a').conditional).toBe(true);
    expect(only('import contextlib\nwith contextlib.suppress(KeyError, ModuleNotFoundError):\n    import a\n', 'a').conditional).toBe(true);
    expect(only('with suppress(KeyError):\n    import a\n', 'a').conditional).toBe(false);
    expect(only('with open(p) as f:\n    import a\n', 'a').conditional).toBe(false);
  });

  it('any if branch; the if test itself runs always', () => {
    expect(only('if x:\n    import a\n', 'a').conditional).toBe(true);
    expect(only('if __import__("a"):\n    pass\n', 'a').conditional).toBe(false);
  });

  it('loops are not conditional', () => {
    expect(only('for x in y:\n    import a\n', 'a').conditional).toBe(false);
    expect(only('while x:\n    import a\n', 'a').conditional).toBe(false);
  });

  it('a ternary branch and a match case are conditional (Python may skip them)', () => {
    expect(only('m = __import__("a") if x else None\n', 'a').conditional).toBe(true);
    expect(only('match x:\n    case 1:\n        import a\n', 'a').conditional).toBe(true);
  });
});

describe('fact: lazy', () => {
  it('function bodies, nested functions, async functions, methods, lambdas', () => {
    expect(only('def f():\n    import a\n', 'a')).toMatchObject({ lazy: true, conditional: false, typeChecking: false });
    expect(only('def f():\n    def g():\n        import a\n', 'a').lazy).toBe(true);
    expect(only('async def f():\n    import a\n', 'a').lazy).toBe(true);
    expect(only('class C:\n    def m(self):\n        import a\n', 'a').lazy).toBe(true);
    expect(only('f = lambda: __import__("a")\n', 'a').lazy).toBe(true);
  });

  it('class bodies, decorators and default values run at import time', () => {
    expect(only('class C:\n    import a\n', 'a').lazy).toBe(false);
    expect(only('@register(__import__("a"))\ndef f():\n    pass\n', 'a').lazy).toBe(false);
    expect(only('def f(x=__import__("a")):\n    pass\n', 'a').lazy).toBe(false);
    expect(only('f = lambda x=__import__("a"): x\n', 'a').lazy).toBe(false);
  });

  it('PEP 810 lazy import / lazy from: lazy, column of `lazy`, no syntax error', () => {
    const facts = parseModule('lazy import json\nlazy from a import b\nx = 1; lazy from . import (c,\n    d)\n');
    expect(facts.syntaxErrors).toEqual([]);
    expect(facts.imports).toEqual([
      { kind: 'import', module: 'json', level: 0, names: [], line: 1, column: 1, ...NO_FACTS, lazy: true },
      { kind: 'from', module: 'a', level: 0, names: ['b'], line: 2, column: 1, ...NO_FACTS, lazy: true },
      { kind: 'from', module: '', level: 1, names: ['c', 'd'], line: 3, column: 8, ...NO_FACTS, lazy: true },
    ]);
  });

  it('lazy import as the first statement of a block', () => {
    const facts = parseModule('if x:\n    lazy import json\n');
    expect(facts.syntaxErrors).toEqual([]);
    expect(facts.imports[0]).toMatchObject({ module: 'json', line: 2, column: 5, lazy: true, conditional: true });
  });

  it('lazy = 1 stays an assignment', () => {
    const facts = parseModule('lazy = 1\nimport os\nprint(lazy)\n');
    expect(facts.syntaxErrors).toEqual([]);
    expect(facts.imports).toEqual([{ kind: 'import', module: 'os', level: 0, names: [], line: 2, column: 1, ...NO_FACTS }]);
  });

  it('modules listed in a literal __lazy_modules__ are lazy at module level', () => {
    const src = [
      '__lazy_modules__ = ["json", "a.b"]',
      'import json',
      'from a.b import c',
      'import os',
      'try:',
      '    import json',
      'except ImportError:',
      '    pass',
    ].join('\n');
    expect(imports(src).map((i) => [i.module, i.line, i.lazy])).toEqual([
      ['json', 2, true], ['a.b', 3, true], ['os', 4, false], ['json', 6, false],
    ]);
    expect(only('__lazy_modules__ = ("x",)\nimport x\n', 'x').lazy).toBe(true);
    expect(only('__lazy_modules__ = {"x"}\nimport x\n', 'x').lazy).toBe(true);
    expect(only('__lazy_modules__ = names\nimport x\n', 'x').lazy).toBe(false);
  });
});

describe('fact: dynamic', () => {
  it('only calls are dynamic, with their own facts', () => {
    const found = imports('import importlib\ndef f():\n    if x:\n        importlib.import_module("a")\n');
    expect(found.map((i) => [i.module, i.dynamic, i.lazy, i.conditional])).toEqual([['importlib', false, false, false], ['a', true, true, true]]);
  });
});

describe('__all__', () => {
  it.each([
    ['__all__ = ["a", "b"]\n', ['a', 'b']],
    ["__all__ = ('a', 'b')\n", ['a', 'b']],
    ['__all__ = ["a"]\n__all__ += ["b"]\n', ['a', 'b']],
    ['__all__ = ["a"]\n__all__.extend(["b", "c"])\n__all__.append("d")\n', ['a', 'b', 'c', 'd']],
    ['__all__: list[str] = ["a"]\n', ['a']],
    ['__all__ = []\n', []],
  ])('%j gives %j', (src, expected) => {
    expect(parseModule(src).all).toEqual(expected);
  });

  it.each([
    'x = 1\n',
    '__all__ = [name for name in dir()]\n',
    '__all__ = ["a", b]\n',
    '__all__ = ["a"]\n__all__ += other.__all__\n',
    'def f():\n    __all__ = ["a"]\n',
  ])('%j gives null', (src) => {
    expect(parseModule(src).all).toBeNull();
  });
});

describe('found wherever they sit (the walk enters only text holding a watched word)', () => {
  it('an alias of import_module called deep inside an expression', () => {
    const src = 'from importlib import import_module as load\n\ndef f():\n    return {k: [load("a.b")] for k in x}\n';
    expect(only(src, 'a.b')).toEqual({ kind: 'dynamic', module: 'a.b', level: 0, names: [], line: 4, column: 17, typeChecking: false, conditional: false, lazy: true, dynamic: true });
  });

  it('a configured helper whose name holds no "import", in a lambda', () => {
    const src = 'from plugins.util import load_plugin\nregister(lambda: load_plugin("p.q"))\n';
    expect(only(src, 'p.q', { importHelpers: ['plugins.util.load_plugin'] })).toMatchObject({ kind: 'dynamic', line: 2, column: 18, lazy: true });
    expect(imports(src).map((i) => i.module)).toEqual(['plugins.util']);
  });

  it('an alias counts from the import that binds it on', () => {
    const src = 'load("early")\nfrom importlib import import_module as load\nload("late")\n';
    expect(imports(src).map((i) => [i.module, i.line])).toEqual([['importlib', 2], ['late', 3]]);
  });

  it('each part of a ternary: the branches are conditional, the test is not', () => {
    const call = (m: string) => `importlib.import_module("${m}")`;
    const src = `import importlib\nx = ${call('a')} if ${call('b')} else ${call('c')}\n`;
    expect(imports(src).filter((i) => i.dynamic).map((i) => [i.module, i.column, i.conditional])).toEqual([
      ['a', 5, true], ['b', 37, false], ['c', 71, true],
    ]);
  });

  it('an else after branches without imports still knows the if before it', () => {
    const src = (test: string) => `from typing import TYPE_CHECKING\nif ${test}:\n    pass\nelif x:\n    pass\nelse:\n    import a\n`;
    expect(only(src('not TYPE_CHECKING'), 'a')).toMatchObject({ typeChecking: true, conditional: true });
    expect(only(src('TYPE_CHECKING'), 'a')).toMatchObject({ typeChecking: false, conditional: true });
  });

  it('a suppression comment inside an expression', () => {
    expect(parseModule('x = [1,  # pyseam: ignore[private-import] kept\n     2]\n').suppressions).toEqual([
      { line: 1, statementLine: null, rules: ['private-import'], reason: 'kept' },
    ]);
  });

  it('"import" inside names and strings is no import', () => {
    expect(imports('important = "import os"\nreimport(imports)\n')).toEqual([]);
  });
});

describe('syntax errors', () => {
  it('a valid file has none', () => {
    expect(parseModule('import os\n').syntaxErrors).toEqual([]);
  });

  it('imports around a broken statement are still read', () => {
    const facts = parseModule('import a\ndef f(:\n    pass\nimport b\n');
    expect(facts.imports.map((i) => [i.module, i.line])).toEqual([['a', 1], ['b', 4]]);
    expect(facts.syntaxErrors.length).toBeGreaterThan(0);
    expect(facts.syntaxErrors[0].line).toBe(2);
  });

  it('a swallowed import statement is named in the message', () => {
    const facts = parseModule('import os\nfrom a import (b\nx = 1\n');
    expect(facts.syntaxErrors).toHaveLength(1);
    expect(facts.syntaxErrors[0].line).toBe(2);
    expect(facts.syntaxErrors[0].message).toContain('an import statement here could not be read: "from a import (b"');
  });

  it('recovers the module name of an import inside an ERROR node', () => {
    const facts = parseModule('print((1)\nimport os\n');
    expect(facts.imports).toEqual([{ kind: 'import', module: 'os', level: 0, names: [], line: 2, column: 1, ...NO_FACTS }]);
    expect(facts.syntaxErrors).toEqual([{ line: 1, column: 1, message: 'syntax error; an import statement here could not be read: "import os"' }]);
  });

  it('recovers a from-import split by error recovery', () => {
    const facts = parseModule('if x\n    from ..m import (a, b as c)\n');
    expect(facts.imports).toEqual([{ kind: 'from', module: 'm', level: 2, names: ['a', 'b'], line: 2, column: 5, ...NO_FACTS }]);
    expect(facts.syntaxErrors[0].message).toContain('from ..m import (a, b as c)');
  });

  it('a missing token is reported as missing', () => {
    const [problem] = parseModule('def f(:\n    pass\n').syntaxErrors;
    expect(problem).toEqual({ line: 1, column: 7, message: 'missing ")"' });
  });

  it('merges problems: a file with hundreds of errors gives a handful', () => {
    const src = Array.from({ length: 300 }, (_, i) => `x${i} = = 1\nok${i} = 1\nok${i} = 2\nimport m${i}\n`).join('');
    const facts = parseModule(src);
    expect(facts.syntaxErrors.length).toBeLessThanOrEqual(10);
    expect(facts.syntaxErrors[0]).toMatchObject({ line: 1 });
    expect(facts.syntaxErrors[facts.syntaxErrors.length - 1].message).toMatch(/more syntax errors/);
    expect(facts.imports).toHaveLength(300);
  });
});

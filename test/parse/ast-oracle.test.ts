/**
 * parseModule against Python's own `ast` (scripts/ast_imports.py under
 * /usr/bin/python3): line, column (col_offset + 1, UTF-8 bytes), module, level
 * and names of every static import, on hand-picked snippets and on a sample of
 * the standard library (the whole of it: scripts/compare-stdlib.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseModule } from '../../src/parse/extract.js';
import { astOfFiles, astOfSnippets, diffImports, PYTHON, staticImports } from '../../scripts/ast-oracle.js';

const SNIPPETS = [
  'import a.b.c\nimport a.b.c as d\nimport a, b.c\n',
  'from a.b import c, d as e\nfrom a.b import *\nfrom a.b import (c,\n    d)\n',
  'from . import c\nfrom .. import c\nfrom .x import y\nfrom ...a.b import (c as d, e)\nfrom . . x import y\n',
  'from __future__ import annotations\n',
  'x = "é"; import os\ny = "😀"; from a import b\ns = "日本"; import c.d as e, f\n',
  'def f():\n    import a\n    class C:\n        from .b import c\nif x:\n\timport tab\n\tif y:\n\t\tfrom x import y\n',
  'import a\r\nimport b\r\nif x:\r\n    import c\r\n',
  'import a\rimport b\r',
  '\ufeffimport os\nimport sys\n',
  'import \\\n    os, \\\n    sys\nfrom a \\\n  import b\n',
  'try:\n    import a\nexcept ImportError:\n    from b import c\nelse:\n    import d\nfinally:\n    import e\n',
  'if TYPE_CHECKING:\n    import a\nelif x:\n    import b\nelse:\n    import c\n',
  'x = 1; import a; from b import c; y = 2\n',
  '"""doc\nimport not_an_import\n"""\n# import comment\nimport real\n',
  's = f"{x}é"; import a\nt = """é\né"""; import b\n',
  'async def f():\n    import a\n    g = lambda: None\nwith ctx() as c:\n    import b\nmatch v:\n    case 1:\n        import c\n',
  'class C:\n    import a\n    def m(self):\n        from .. import b\n',
  '\f\nimport a\n\fimport b\n',
  '@decorator\ndef f(a=1):\n    import a\n',
];

describe.runIf(existsSync(PYTHON))('against Python ast', () => {
  it('snippets: every static import matches ast', () => {
    const reference = astOfSnippets(SNIPPETS);
    SNIPPETS.forEach((source, index) => {
      const ref = reference[index];
      if ('error' in ref) throw new Error(`ast rejects snippet ${index}: ${ref.error}`);
      expect(ref.imports.length).toBeGreaterThan(0);
      const ours = staticImports(parseModule(source).imports);
      expect({ index, ...diffImports(ref.imports, ours) }).toEqual({ index, missing: [], extra: [] });
    });
  });

  it('a sample of the standard library matches ast', { timeout: 60_000 }, () => {
    const root = '/usr/lib/python3.11';
    if (!existsSync(root)) return;
    const all: string[] = [];
    const walk = (dir: string): void => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, e.name);
        if (e.isDirectory()) walk(path);
        else if (e.isFile() && e.name.endsWith('.py')) all.push(path);
      }
    };
    walk(root);
    const sample = all.sort().filter((_, i) => i % 15 === 0);
    const reference = astOfFiles(sample);
    let compared = 0;
    sample.forEach((path, index) => {
      const ref = reference[index];
      if ('error' in ref) return;
      const source = ref.source ?? readFileSync(path, 'utf8');
      const facts = parseModule(source);
      expect({ path, ...diffImports(ref.imports, staticImports(facts.imports)) }).toEqual({ path, missing: [], extra: [] });
      expect(facts.syntaxErrors).toEqual([]);
      compared += ref.imports.length;
    });
    expect(compared).toBeGreaterThan(50);
  });
});

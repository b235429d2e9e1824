// What each entry point loads before it runs anything: the modules reached by static imports
// (type-only imports are erased by tsc; `import()` and `require()` inside a function load later).
// `pyseam --help` should load commander and the command registrations only, and `analyze` only
// what an analysis needs, so that every run (a pre-commit hook, a benchmark) starts fast.
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('../src', import.meta.url));

/** The specifiers a file imports for their values at load time: static imports and re-exports that are not type-only. */
function valueImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, false);
  const specs: string[] = [];
  for (const s of source.statements) {
    if (ts.isImportDeclaration(s)) {
      const clause = s.importClause;
      if (clause?.isTypeOnly) continue;
      const named = clause?.namedBindings;
      const onlyTypes = clause && !clause.name && named && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
      if (!onlyTypes) specs.push((s.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(s) && s.moduleSpecifier && !s.isTypeOnly) {
      specs.push((s.moduleSpecifier as ts.StringLiteral).text);
    }
  }
  return specs;
}

/** The source files (relative to src/) and the packages an entry loads through static imports. */
function staticClosure(entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const spec of valueImports(file)) {
      if (spec.startsWith('.')) {
        if (spec.endsWith('.json')) continue;
        const target = join(dirname(file), spec).replace(/\.js$/, '');
        visit([`${target}.ts`, `${target}.tsx`].find((f) => ts.sys.fileExists(f))!);
      } else if (!spec.startsWith('node:')) {
        packages.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);
      }
    }
  };
  visit(join(src, entry));
  return { files: [...files].map((f) => relative(src, f).replace(/\\/g, '/')).sort(), packages: [...packages].sort() };
}

describe('startup: what each entry loads up front', () => {
  it('cli.ts (pyseam --help, --version) loads commander and the command registrations only', () => {
    const { files, packages } = staticClosure('cli.ts');
    expect(packages).toEqual(['commander']);
    // config.ts and parse/toml.ts come with tui.ts, which reads the config before loading the UI: both load their libraries when used.
    expect(files.filter((f) => /^(analyze|graph|tui)\b|^parse\/(?!toml\.ts)|-run\.tsx?$|commands\/shared\.ts$/.test(f))).toEqual([]);
  });

  it('analyze loads no graphology, Louvain, ajv, TOML, progress bar, tree-sitter or ink up front', () => {
    const { packages } = staticClosure('commands/analyze-run.ts');
    expect(packages.filter((p) => /^(graphology|ajv|smol-toml|cli-progress|tree-sitter|ink|react|@inkjs|fuzzysort)/.test(p))).toEqual([]);
  });

  it('analyze loads up front only what a replay from the tree record needs: no discovery, facts cache, extractor, graph stage or renderer', () => {
    const { files } = staticClosure('commands/analyze-run.ts');
    expect(files).toContain('commands/tree-record.ts');
    expect(files).toContain('commands/report-cache.ts');
    // Loaded when the tree record does not answer, with the first facts to add, the first file to read, or the report to render.
    expect(files.filter((f) => /^(analyze|analysis-graph|analyze-inline|assemble-result)\.ts$|^parse\/(discover|collect-facts|facts-cache|extract|read-facts|module-walker)\.ts$|^report\/(index|json|text|dot|mermaid)\.ts$|^graph\/(resolve|site-table|build-graph|find-cycles|module-table)\.ts$/.test(f))).toEqual([]);
  });
});

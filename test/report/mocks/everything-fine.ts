/**
 * A clean two-module project: `app.main` imports `app.util` and `os`.
 * No cycles, no private imports, no problems.
 */
import type { AnalysisResult, SiteRecord } from '../../../src/result.js';

const site = (file: string, line: number, target: string): SiteRecord => ({
  file, line, column: 1, target, names: [],
  typeChecking: false, conditional: false, lazy: false, dynamic: false, unresolved: false,
});

export const everythingFine: AnalysisResult = {
  schemaVersion: 1,
  tool: { name: 'pyseam', version: '0.1.0' },
  options: {
    roots: [], private: [], public: [], exclude: [], importHelpers: [],
    includeTypeChecking: false, includeLazy: true, includeDynamic: true, checkStdlib: false, components: [], exportDecorators: [], presets: [], config: null,
  },
  roots: [{ path: '.', reason: 'analyzed-directory' }],
  summary: {
    files: 3, modules: 3, edges: 1, externalEdges: 1, sites: 2, externalPackages: 1,
    cycles: 0, largestCycle: 0, privateImports: 0, parseErrors: 0, importErrors: 0,
    skippedFiles: 0, unresolvedSites: 0, nonLiteralDynamicImports: 0, suppressed: 0, suppressionProblems: 0, duplicates: 0,
  },
  modules: [
    { name: 'app', path: 'app/__init__.py', kind: 'package', root: '.', owner: 'app' },
    { name: 'app.main', path: 'app/main.py', kind: 'module', root: '.', owner: 'app' },
    { name: 'app.util', path: 'app/util.py', kind: 'module', root: '.', owner: 'app' },
  ],
  components: [],
  edges: [
    { from: 'app.main', to: 'app.util', external: false, sites: [site('app/main.py', 2, 'app.util')] },
    { from: 'app.main', to: 'os', external: true, externalKind: 'stdlib', sites: [site('app/main.py', 1, 'os')] },
  ],
  externalPackages: [{ name: 'os', kind: 'stdlib', sites: 1, importers: 1 }],
  cycles: [],
  privateImports: [],
  suppressed: [],
  suppressionProblems: [],
  exports: [],
  duplicates: [],
  parseErrors: [],
  importErrors: [],
  skippedFiles: [],
  nonLiteralDynamicImports: [],
};

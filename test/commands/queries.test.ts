// The real bin/pyseam on samples/monorepo for why / deps / rdeps / --implicit. Expected values
// are derived by hand from the import listing in test/samples/monorepo.expected.ts:
//   kerasish.models imports tensorflux (8), kerasish.training (9), kerasish.layers.core (10);
//   kerasish.training imports kerasish.backend (2); nothing internal leads back into kerasish.models
//   from kerasish.backend except through tensorflux.python.keras_api -> kerasish.backend.
//   tensorflux._core.dtypes is imported by tensorflux (5), _core/_native.pyi (2), python/framework/ops.py (4), kerasish/backend.py (2).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const pyseam = (...args: string[]) => {
  const r = spawnSync('node', ['bin/pyseam', ...args], { cwd: repo, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};
const SAMPLE = 'samples/monorepo';

describe('pyseam why', () => {
  it('prints a shortest chain with file:line:column on every hop, exit 0', () => {
    const r = pyseam('why', 'kerasish.models', 'kerasish.backend', SAMPLE);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('kerasish.models leads to kerasish.backend in 2 imports:');
    expect(r.stdout).toMatch(/kerasish\.models -> kerasish\.training +kerasish\/src\/kerasish\/models\.py:9:1/);
    expect(r.stdout).toMatch(/kerasish\.training -> kerasish\.backend +kerasish\/src\/kerasish\/training\.py:2:1/);
  });
  it('says so and exits 1 when no chain exists', () => {
    const r = pyseam('why', 'tensorflux._core.dtypes', 'kerasish', SAMPLE);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('No chain of imports leads from tensorflux._core.dtypes to kerasish.\n');
  });
  it('marks a hop that does not run at import time (ops:8 is type-checking, ops:21 lazy)', () => {
    const r = JSON.parse(pyseam('why', 'tensorflux.python.framework.ops', 'tensorflux.python.ops.array_ops', SAMPLE, '--format', 'json').stdout);
    expect(r.chain).toMatchObject([{ site: { file: 'tensorflux/tensorflux/python/framework/ops.py', line: 8, column: 5, typeChecking: true }, sites: 2 }]);
    expect(r.eagerChain).toBeNull();
  });
  it('exits 2 for a name that is not a module, suggesting close names', () => {
    const r = pyseam('why', 'kerasish.model', 'kerasish.backend', SAMPLE);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('A: no module kerasish.model in the analyzed tree; did you mean kerasish.models?');
    expect(pyseam('why', 'kerasish', 'numpy', SAMPLE).stderr).toContain('numpy is an external package');
  });
  it('--implicit: kerasish.backend reaches kerasish through keras_api, whose import runs kerasish/__init__.py', () => {
    expect(pyseam('why', 'kerasish.backend', 'kerasish', SAMPLE).status).toBe(1);
    const r = JSON.parse(pyseam('why', 'kerasish.backend', 'kerasish', SAMPLE, '--implicit', '--format', 'json').stdout);
    expect(r.chain.map((h: { from: string; to: string; site: { line: number; implicit?: boolean } }) => [h.from, h.to, h.site.line, h.site.implicit ?? false])).toEqual([
      ['kerasish.backend', 'tensorflux.python.keras_api', 3, false],
      ['tensorflux.python.keras_api', 'kerasish', 2, true],
    ]);
  });
});

describe('pyseam deps / rdeps', () => {
  it('deps: direct imports at depth 1, 16 modules in all', () => {
    const r = JSON.parse(pyseam('deps', 'kerasish.models', SAMPLE, '--format', 'json').stdout);
    expect(r.levels[0].modules.map((m: { name: string }) => m.name)).toEqual(['kerasish.layers.core', 'kerasish.training', 'tensorflux']);
    expect(r.levels.map((l: { modules: unknown[] }) => l.modules.length)).toEqual([3, 8, 4, 1]);
    expect(r.modules).toBe(16);
  });
  it('deps --external --depth 1: the direct external imports of models.py', () => {
    const r = JSON.parse(pyseam('deps', 'kerasish.models', SAMPLE, '--external', '--depth', '1', '--format', 'json').stdout);
    expect(r.levels[0].modules.filter((m: { external: boolean }) => m.external).map((m: { name: string }) => m.name)).toEqual(['__future__', 'numpy', 'typing']);
  });
  it('rdeps --depth 1: the four importers of tensorflux._core.dtypes', () => {
    const r = pyseam('rdeps', 'tensorflux._core.dtypes', SAMPLE, '--depth', '1');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe([
      '4 modules import tensorflux._core.dtypes, directly or not within 1 import:',
      'depth 1 (4)', '  kerasish.backend', '  tensorflux', '  tensorflux._core._native', '  tensorflux.python.framework.ops', '',
    ].join('\n'));
  });
  it('rejects a --depth that is not a positive whole number', () => {
    const r = pyseam('deps', 'kerasish', SAMPLE, '--depth', '0');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--depth '0'");
  });
});

describe('--implicit on analyze', () => {
  it('merges the kerasish ring and the backend/keras_api pair through kerasish: 3 cycles become 2', () => {
    const plain = JSON.parse(pyseam('analyze', SAMPLE, '--format', 'json').stdout);
    const runtime = JSON.parse(pyseam('analyze', SAMPLE, '--format', 'json', '--implicit').stdout);
    expect(plain.summary.cycles).toBe(3);
    expect(runtime.cycles.map((c: { modules: string[] }) => c.modules)).toEqual([
      ['kerasish', 'kerasish.backend', 'kerasish.callbacks', 'kerasish.models', 'kerasish.training', 'tensorflux.python.keras_api'],
      ['tensorflux.python.framework.ops', 'tensorflux.python.ops.array_ops'],
    ]);
  });
});

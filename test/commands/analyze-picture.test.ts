// The real `bin/pyseam analyze --format dot|mermaid` on samples/monorepo: the collapse flags
// reach the picture, and their misuse is a usage error (exit 2) naming the flag.
// By component the sample is kerasish (8 modules), tensorflux (17) and tools (2), and
// kerasish <-> tensorflux is a cycle (backend -> keras_api -> backend), with 5 private sites.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const pyseam = (...args: string[]) => spawnSync('node', ['bin/pyseam', 'analyze', 'samples/monorepo', ...args], { cwd: repo, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

describe('pyseam analyze --format dot|mermaid', () => {
  it('draws components with the cross-distribution cycle and the private sites', () => {
    const r = pyseam('--format', 'mermaid', '--by-component');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('  n0["kerasish<br/>8 modules"]\n  n1["tensorflux<br/>17 modules"]\n  n2["tools<br/>2 modules"]\n');
    expect(r.stdout).toContain('  n0 -->|9 (5 private)| n1\n');
    expect(r.stdout).toContain('  class n0,n1 cycle\n');
    expect(r.stdout).not.toContain('numpy');
  });

  it('--depth 2 --external merges modules and adds external packages', () => {
    const r = pyseam('--format', 'dot', '--depth', '2', '--external');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('"tensorflux.python" [label="tensorflux.python\\n7 modules"');
    expect(r.stdout).toContain('"numpy" [label="numpy", style=dashed');
    expect(r.stdout).not.toContain('"tensorflux.python.ops');
  });

  it('rejects misuse with exit 2', () => {
    expect(pyseam('--format', 'dot', '--depth', '0').stderr).toContain("--depth '0': expected a positive integer");
    expect(pyseam('--format', 'dot', '--depth', '2', '--by-component').stderr).toContain('--depth and --by-component: choose one');
    const text = pyseam('--depth', '2');
    expect(text.status).toBe(2);
    expect(text.stderr).toContain('--depth: only for --format dot or mermaid, got --format text');
  });
});

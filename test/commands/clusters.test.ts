// `pyseam clusters` on samples/monorepo, run in process through main(). The sample's imports are
// listed in test/samples/monorepo.expected.ts; its hand-written internal edges give the figures
// checked here (clustered and isolated modules, total weight, and the modularity recomputed from
// the reported clusters), and the JSON is validated against schema/clusters.schema.json with ajv.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import type { ClustersResult } from '../../src/clusters-result.js';
import { expected } from '../samples/monorepo.expected.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const SAMPLE = join(repo, 'samples/monorepo');
const schema = JSON.parse(readFileSync(join(repo, 'schema/clusters.schema.json'), 'utf8')) as object;
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

async function pyseam(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const status = await main(args, { out: (s) => (stdout += s), err: (s) => (stderr += s), warn: (s) => (stderr += s) });
  return { status, stdout, stderr };
}

describe('pyseam clusters', () => {
  it('writes JSON valid against its schema, byte-identical across runs, with the sample\'s figures', async () => {
    const a = await pyseam('clusters', SAMPLE, '--format', 'json');
    const b = await pyseam('clusters', SAMPLE, '--format', 'json');
    expect(a.status).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const r = JSON.parse(a.stdout) as ClustersResult;
    expect(validate(r), JSON.stringify(validate.errors)).toBe(true);

    const edges = expected.internalEdges.filter(([from, to]) => from !== to);
    const linked = [...new Set(edges.flatMap(([from, to]) => [from, to]))].sort();
    expect(r.clusters.flatMap((c) => c.modules).sort()).toEqual(linked);
    expect(r.isolated).toEqual(expected.modules.map((m) => m.name).filter((n) => !linked.includes(n)).sort());
    const m = edges.reduce((s, [, , sites]) => s + sites, 0);
    expect(r.summary.weight).toBe(m);

    const clusterOf = new Map(r.clusters.flatMap((c) => c.modules.map((name) => [name, c.id] as const)));
    const inside = new Map<number, number>();
    const degree = new Map<number, number>();
    for (const [from, to, sites] of edges) {
      for (const end of [from, to]) degree.set(clusterOf.get(end)!, (degree.get(clusterOf.get(end)!) ?? 0) + sites);
      if (clusterOf.get(from) === clusterOf.get(to)) inside.set(clusterOf.get(from)!, (inside.get(clusterOf.get(from)!) ?? 0) + sites);
    }
    const q = r.clusters.reduce((s, c) => s + (inside.get(c.id) ?? 0) / m - ((degree.get(c.id) ?? 0) / (2 * m)) ** 2, 0);
    expect(r.summary.modularity).toBeCloseTo(q, 5);
    expect(r.clusters.map((c) => c.internalWeight)).toEqual(r.clusters.map((c) => inside.get(c.id) ?? 0));
    expect(r.options).toEqual({ seed: 1, resolution: 1, partition: { by: 'owner', level: null } });
  });

  it('prints the text report with the figures and the sections', async () => {
    const r = await pyseam('clusters', SAMPLE, '--level', '1');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^pyseam \S+ {2}clusters: Louvain, seed 1, resolution 1\n/);
    expect(r.stdout).toMatch(/\n {2}modularity {9}0\.\d{3} /);
    // kerasish, tensorflux, and tools (the script tools/gen-docs.py; the package tools imports nothing)
    expect(r.stdout).toContain('packages           3, by first 1 segment of module names (--level 1)');
    expect(r.stdout).toMatch(/\nClusters \(\d+\)\nCluster 1: /);
    expect(r.stdout).toMatch(/\nMisplaced modules, strongest pull to their cluster first \(\d+\)\n/);
  });

  it('reads the seed and resolution from [tool.pyseam.clusters]; the flags win', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pyseam-clusters-'));
    writeFileSync(join(dir, 'pyseam.toml'), '[clusters]\nseed = 5\nresolution = 2.5\n');
    const config = join(dir, 'pyseam.toml');
    const fromConfig = JSON.parse((await pyseam('clusters', SAMPLE, '--config', config, '--format', 'json')).stdout) as ClustersResult;
    expect([fromConfig.options.seed, fromConfig.options.resolution]).toEqual([5, 2.5]);
    const fromFlags = JSON.parse((await pyseam('clusters', SAMPLE, '--config', config, '--seed', '9', '--resolution', '0.5', '--format', 'json')).stdout) as ClustersResult;
    expect([fromFlags.options.seed, fromFlags.options.resolution]).toEqual([9, 0.5]);
  });

  it('exits 2 naming the flag for a bad --level, --seed or --resolution', async () => {
    for (const [flag, value] of [['--level', '0'], ['--level', 'x'], ['--seed', '1.5'], ['--resolution', '-1'], ['--resolution', 'abc']]) {
      const r = await pyseam('clusters', SAMPLE, flag, value);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(`pyseam: ${flag} '${value}'`);
    }
  });
});

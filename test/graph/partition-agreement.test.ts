// NMI and adjusted Rand index checked against scikit-learn itself: each case's label vectors are
// sent to /usr/bin/python3 (sklearn.metrics.normalized_mutual_info_score, default
// average_method='arithmetic', and adjusted_rand_score), and the values it prints are the expected ones.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { adjustedRand, normalizedMutualInfo, partitionAgreement } from '../../src/graph/partition-agreement.js';
import { mulberry32 } from '../../src/graph/suggest-clusters.js';

const SCRIPT = `
import json, sys
from sklearn.metrics import normalized_mutual_info_score, adjusted_rand_score
cases = json.load(sys.stdin)
print(json.dumps([[normalized_mutual_info_score(u, v), adjusted_rand_score(u, v)] for u, v in cases]))
`;

function sklearn(cases: [string[], string[]][]): [number, number][] {
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', SCRIPT], { input: JSON.stringify(cases), encoding: 'utf8' })) as [number, number][];
}

const random = mulberry32(42);
const draw = (n: number, k: number) => Array.from({ length: n }, () => `c${Math.floor(random() * k)}`);
const noisy = (labels: string[], rate: number) => labels.map((l) => (random() < rate ? `x${Math.floor(random() * 3)}` : l));
const big = draw(500, 12);

const CASES: [string, string[], string[]][] = [
  ['a small hand-written case', ['a', 'a', 'a', 'b', 'b', 'c'], ['1', '1', '2', '2', '2', '2']],
  ['the same partition under other names', ['a', 'a', 'b', 'b', 'c'], ['z', 'z', 'x', 'x', 'y']],
  ['one package against several clusters', ['p', 'p', 'p', 'p'], ['1', '1', '2', '3']],
  ['all singletons against two groups', ['a', 'b', 'c', 'd'], ['1', '1', '2', '2']],
  ['a single item', ['a'], ['1']],
  ['unrelated random labels', draw(300, 5), draw(300, 7)],
  ['a noisy copy of 500 labels', big, noisy(big, 0.3)],
];

describe('normalizedMutualInfo and adjustedRand', () => {
  const expected = sklearn(CASES.map(([, u, v]) => [u, v]));
  CASES.forEach(([name, u, v], i) => {
    it(`agree with scikit-learn on ${name}`, () => {
      expect(normalizedMutualInfo(u, v)).toBeCloseTo(expected[i][0], 10);
      expect(adjustedRand(u, v)).toBeCloseTo(expected[i][1], 10);
    });
  });

  it('are symmetric', () => {
    const [, u, v] = CASES[0];
    expect(normalizedMutualInfo(v, u)).toBeCloseTo(normalizedMutualInfo(u, v), 12);
    expect(adjustedRand(v, u)).toBeCloseTo(adjustedRand(u, v), 12);
  });

  it('give the same values on numbers standing for the labels, and partitionAgreement both at once', () => {
    const ids = (labels: string[]) => {
      const of = new Map<string, number>();
      return Int32Array.from(labels, (l) => of.get(l) ?? of.set(l, of.size).get(l)!);
    };
    for (const [, u, v] of CASES) {
      expect(partitionAgreement(ids(u), ids(v))).toEqual({ nmi: normalizedMutualInfo(u, v), ari: adjustedRand(u, v) });
    }
  });

  it('throw on vectors of different lengths', () => {
    expect(() => normalizedMutualInfo(['a'], ['a', 'b'])).toThrow(/differ in length/);
    expect(() => adjustedRand(['a'], [])).toThrow(/differ in length/);
  });
});

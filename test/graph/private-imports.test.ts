// Hand-checked private-import rule (SEMANTICS.md "Private and public").
import { describe, expect, it } from 'vitest';
import { findPrivateImports } from '../../src/graph/private-imports.js';
import { privateReason } from '../../src/graph/privacy.js';
import type { ResolvedSite } from '../../src/graph/resolve.js';

const rules = { private: ['tensorflow.python'], public: ['tensorflow.python.keras'] };
const site = (kind: 'import' | 'from', statementModule: string, names: string[], target = statementModule, external = true): ResolvedSite => ({
  to: target.split('.')[0], external, target, statementModule, names, unresolved: false,
  kind, line: 3, column: 1, typeChecking: false, conditional: false, lazy: false, dynamic: false,
});
const find = (s: ResolvedSite, owner = 'keras') =>
  findPrivateImports([{ importer: 'keras.layers', file: 'keras/layers.py', site: s }], {
    ...rules, checkStdlib: false, isStdlib: (t) => ['os', '_thread'].includes(t),
    ownerOfImporter: () => owner, ownerOfTarget: (x) => x.target.split('.')[0],
  }).map((r) => [r.target, r.names, r.reason]);

describe('privateReason', () => {
  it('underscore segments are private, dunders are not', () => {
    expect(privateReason('jax._src.core', { private: [], public: [] })).toBe("private segment '_src' in jax._src");
    expect(privateReason('a.__mangled', { private: [], public: [] })).toMatch(/__mangled/);
    expect(privateReason('pkg.__version__', { private: [], public: [] })).toBeNull();
  });
  it('the longest declared prefix decides; a declared public module is public under a private prefix', () => {
    expect(privateReason('tensorflow.python.ops', rules)).toBe('declared private prefix tensorflow.python');
    expect(privateReason('tensorflow.python.keras.layers', rules)).toBeNull();
    expect(privateReason('tensorflow.python.keras._impl', rules)).toMatch(/_impl/);
    expect(privateReason('tensorflow.pythonic', rules)).toBeNull();
  });
});

describe('findPrivateImports', () => {
  it('import of a private module of another owner', () => {
    expect(find(site('import', 'tensorflow.python.ops.array_ops', []))).toEqual([['tensorflow.python.ops.array_ops', [], 'declared private prefix tensorflow.python']]);
  });
  it('from tensorflow import python is private; from tensorflow.python import keras is public', () => {
    expect(find(site('from', 'tensorflow', ['python']))).toEqual([['tensorflow', ['python'], 'declared private prefix tensorflow.python']]);
    expect(find(site('from', 'tensorflow.python', ['keras']))).toEqual([]);
  });
  it('a private name of a public module', () => {
    expect(find(site('from', 'numpy', ['array', '_NoValue']))).toEqual([['numpy', ['_NoValue'], "private name '_NoValue' of numpy"]]);
  });
  it('never within one owner, and the standard library is exempt', () => {
    expect(find(site('from', 'tensorflow.python', ['ops']), 'tensorflow')).toEqual([]);
    expect(find(site('import', '_thread', []))).toEqual([]);
  });
});

/**
 * A seeded synthetic Python monorepo, the independent source of truth for the scale tests and
 * `npm run bench`: `node --import tsx scripts/gen-monorepo.ts --modules 10000 --seed 1 --out DIR`
 * writes the files and `DIR/manifest.json`; `generateMonorepo` does the same for tests.
 *
 * Layout: top-level packages `pkg0000`, `pkg0001`, ... (25 to 150 modules each, every one its
 * own owner), each with subpackages two or three levels deep, an `_internal` subpackage, an
 * `__init__.py` per directory, and modules of 1 to 8 KB (a docstring, 5 to 30 imports, functions
 * and classes with bodies). Imports mix `import a.b`, `from a.b import c`, relative imports,
 * `if TYPE_CHECKING:` blocks, lazy imports in function bodies, `importlib.import_module("...")`,
 * `try: import requests` blocks, the standard library, numpy and requests.
 *
 * What the manifest states is exact by construction: every module gets a rank, and every import
 * of the background goes to a module of lower rank, so the background is acyclic. Each planted
 * cycle occupies a block of consecutive ranks and adds the edges b1 -> b2 -> ... -> bk -> b1;
 * an edge leaving a block goes below it and never climbs back, so the strongly connected
 * components of more than one module are exactly the planted blocks. An import across owners
 * reaches only public modules and names, except the planted private imports (an `_internal`
 * module or a `_name` of another package); same-package imports of private things are decoys.
 * Every statement gives one import site (pyseam's unit), so the counts compare with the result.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { mulberry32 } from '../src/graph/suggest-clusters.js';
import type { PrivateImportRecord } from '../src/result.js';

export interface GenerateOptions {
  /** Total modules, `__init__.py` files included (at least 50). */
  modules: number;
  seed: number;
}

type Form = 'import' | 'from' | 'relative' | 'dynamic';
type Target = 'internal' | 'stdlib' | 'thirdParty';
type Context = 'module' | 'typeChecking' | 'function' | 'try';

/** A planted import of another package's private module or name, as pyseam's record should give it (`target`: the module the statement names). */
export type PlantedPrivateImport = Pick<PrivateImportRecord, 'importer' | 'file' | 'line' | 'column' | 'target' | 'names'>;

export interface Manifest {
  generator: 'gen-monorepo';
  version: 1;
  seed: number;
  modules: number;
  packages: { name: string; modules: number }[];
  bytes: number;
  /** Import statements, each one site: by form (`relative` and `dynamic` internal only), by target, by context. */
  statements: {
    total: number;
    form: Record<Form, number>;
    target: Record<Target, number>;
    context: Record<Context, number>;
    /** In function bodies (lazy), in `if TYPE_CHECKING:`, `importlib.import_module` calls. */
    lazy: number;
    typeChecking: number;
    dynamic: number;
  };
  /** Distinct (importer, imported module) pairs between internal modules. */
  internalEdges: number;
  /** The strongly connected components of more than one module, each sorted, largest first then by first name. */
  cycles: string[][];
  /** Sorted by file, line, column. */
  privateImports: PlantedPrivateImport[];
}

interface Statement {
  /** The statement (`dynamic`: the call only), without indentation. */
  text: string;
  form: Form;
  target: Target;
  context: Context;
  /** Internal imports: the module the site reaches. */
  to?: string;
  /** `try` imports: the name bound to None when the import fails. */
  fallback?: string;
  private?: { target: string; names: string[] };
}

interface Mod {
  name: string;
  file: string;
  pkg: number;
  isInit: boolean;
  /** Under an `_internal` subpackage. */
  hidden: boolean;
  functions: string[];
  classes: string[];
  privates: string[];
  hasAll: boolean;
  statements: Statement[];
  rank: number;
}


class Random {
  readonly next: () => number;
  constructor(seed: number) { this.next = mulberry32(seed); }
  int(n: number): number { return Math.floor(this.next() * n); }
  chance(p: number): boolean { return this.next() < p; }
  pick<T>(xs: readonly T[]): T { return xs[this.int(xs.length)]; }
  shuffle<T>(xs: T[]): T[] {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [xs[i], xs[j]] = [xs[j], xs[i]];
    }
    return xs;
  }
}

const SUBPACKAGES = ['core', 'io', 'utils', 'models', 'api', 'data', 'net', 'config', 'cli', 'ops', 'layers', 'storage', 'engine', 'metrics', 'tasks', 'plugins', 'schema', 'serving', 'auth', 'cache'];
const MODULE_WORDS = ['reader', 'writer', 'parser', 'loader', 'client', 'server', 'handler', 'registry', 'factory', 'builder', 'manager', 'service', 'adapter', 'mapper', 'encoder', 'decoder', 'validator', 'scheduler', 'worker', 'pipeline', 'session', 'context', 'filters', 'helpers', 'base', 'common', 'types', 'events', 'hooks', 'errors'];
const VERBS = ['load', 'save', 'parse', 'build', 'make', 'get', 'set', 'update', 'compute', 'render', 'check', 'resolve', 'merge', 'split', 'format', 'apply'];
const NOUNS = ['config', 'item', 'batch', 'record', 'path', 'value', 'state', 'token', 'frame', 'index', 'entry', 'result', 'schema', 'payload'];
const CLASS_WORDS = ['Config', 'Loader', 'Client', 'Reader', 'Writer', 'Model', 'Layer', 'Session', 'Registry', 'Handler', 'Engine', 'Store', 'Task', 'Metric', 'Plugin', 'Schema'];
const STDLIB: readonly [string, Form][] = [
  ['import os', 'import'], ['import sys', 'import'], ['import json', 'import'], ['import re', 'import'], ['import logging', 'import'],
  ['import functools', 'import'], ['import itertools', 'import'], ['import os.path', 'import'], ['import abc', 'import'], ['import time', 'import'],
  ['import math', 'import'], ['import hashlib', 'import'], ['import threading', 'import'], ['import warnings', 'import'], ['import copy', 'import'],
  ['import subprocess', 'import'], ['import tempfile', 'import'], ['import uuid', 'import'],
  ['from collections import defaultdict', 'from'], ['from collections import OrderedDict, deque', 'from'], ['from dataclasses import dataclass, field', 'from'],
  ['from pathlib import Path', 'from'], ['from typing import Any, Optional', 'from'], ['from typing import Dict, List', 'from'], ['from enum import Enum', 'from'],
  ['from datetime import datetime, timedelta', 'from'], ['from contextlib import contextmanager', 'from'], ['from functools import lru_cache', 'from'],
];
const THIRD_PARTY: readonly [string, Form, string][] = [
  ['import numpy as np', 'import', 'np'], ['import requests', 'import', 'requests'], ['from numpy.typing import NDArray', 'from', 'NDArray'],
  ['from requests.adapters import HTTPAdapter', 'from', 'HTTPAdapter'], ['from requests.exceptions import HTTPError', 'from', 'HTTPError'],
];
const SNIPPETS: readonly string[][] = [
  ['total = 0', 'for item in items:', '    total += len(str(item))'],
  ['if options is None:', '    options = {}'],
  ['values = [x * 2 for x in range(limit) if x % 3]'],
  ['message = f"processing {name!r} with {len(values)} values"'],
  ['try:', '    count = int(count)', 'except (TypeError, ValueError):', '    count = 0'],
  ['data = {"name": name, "count": count, "enabled": True}'],
  ['while count > 0:', '    count -= 1', '    if count % 7 == 0:', '        break'],
  ['with open(path, "r", encoding="utf-8") as handle:', '    text = handle.read()'],
  ['# Normalise the input before it reaches the backend.', 'name = str(name).strip().lower()'],
  ['result = sorted(values, key=lambda v: (v is None, v))'],
  ['if not isinstance(value, (int, float)):', '    raise TypeError(f"expected a number, got {type(value).__name__}")'],
];
const PROSE = ['Helpers shared by the package.', 'The public entry points of this layer.', 'Readers and writers for the on-disk format.',
  'Kept small on purpose: the heavy lifting lives in the backend.', 'See the package documentation for the configuration keys.',
  'Thread safety: none of these objects may be shared between threads.', 'Compatibility shims for older callers.'];

const parentOf = (name: string) => name.slice(0, name.lastIndexOf('.'));
const lastOf = (name: string) => name.slice(name.lastIndexOf('.') + 1);

/** The modules of one top-level package: directories (each an `__init__`) and their modules, `count` in all. */
function layoutPackage(rng: Random, top: string, pkg: number, count: number): Mod[] {
  const dirs = [top, `${top}._internal`];
  const budget = Math.max(3, Math.floor(count / 6));
  const level1 = rng.shuffle([...SUBPACKAGES]).slice(0, 2 + rng.int(4)).map((s) => `${top}.${s}`);
  const queue = [...level1];
  while (queue.length > 0 && dirs.length < budget) {
    const dir = queue.shift()!;
    dirs.push(dir);
    const depth = dir.split('.').length;
    if (depth <= 3 && rng.chance(depth === 2 ? 0.6 : 0.35)) {
      const words = rng.shuffle(SUBPACKAGES.filter((s) => s !== lastOf(dir)));
      for (const s of words.slice(0, 1 + rng.int(depth === 2 ? 3 : 2))) queue.push(`${dir}.${s}`);
    }
  }
  const mods: Mod[] = dirs.map((d) => newMod(rng, d, pkg, true));
  const used = new Map(dirs.map((d) => [d, new Set(dirs.filter((x) => parentOf(x) === d).map(lastOf))]));
  for (let i = dirs.length; i < count; i++) {
    const dir = rng.pick(dirs);
    const names = used.get(dir)!;
    const word = rng.pick(MODULE_WORDS);
    let name = word;
    for (let k = 2; names.has(name); k++) name = `${word}${k}`;
    names.add(name);
    mods.push(newMod(rng, `${dir}.${name}`, pkg, false));
  }
  return mods;
}

function newMod(rng: Random, name: string, pkg: number, isInit: boolean): Mod {
  const fresh = (make: () => string, n: number, taken: Set<string>) => {
    const out: string[] = [];
    while (out.length < n) {
      const x = make();
      if (!taken.has(x)) out.push(x), taken.add(x);
    }
    return out;
  };
  const taken = new Set<string>();
  const verbNoun = () => `${rng.pick(VERBS)}_${rng.pick(NOUNS)}`;
  return {
    name, pkg, isInit, hidden: name.split('.').includes('_internal'),
    file: name.replaceAll('.', '/') + (isInit ? '/__init__.py' : '.py'),
    functions: fresh(verbNoun, 1 + rng.int(isInit ? 2 : 5), taken),
    classes: fresh(() => `${rng.pick(CLASS_WORDS)}${rng.pick(CLASS_WORDS)}`, rng.int(isInit ? 2 : 4), taken),
    privates: fresh(() => `_${verbNoun()}`, 1 + rng.int(3), taken),
    hasAll: rng.chance(0.6), statements: [], rank: 0,
  };
}

function packageSizes(rng: Random, total: number): number[] {
  const sizes: number[] = [];
  for (let left = total; left > 0;) {
    let size = Math.min(left, 25 + rng.int(Math.min(126, Math.floor(total / 2) - 24)));
    if (left - size < 25) size = left;
    sizes.push(size);
    left -= size;
  }
  return sizes;
}

/** Disjoint blocks of modules, none under `_internal`: a large one over a few neighbouring packages, and small ones. */
function chooseCycles(rng: Random, packages: Mod[][], total: number): Mod[][] {
  const taken = new Set<Mod>();
  const sample = (pool: Mod[], k: number) => {
    const free = rng.shuffle(pool.filter((m) => !m.hidden && !taken.has(m)));
    if (free.length < k) return null;
    free.slice(0, k).forEach((m) => taken.add(m));
    return free.slice(0, k);
  };
  const cycles: Mod[][] = [];
  const large = Math.max(8, Math.round(total * 0.02));
  const pool: Mod[] = [];
  for (let p = Math.floor(packages.length / 2); p < packages.length && pool.length < 3 * large; p++) pool.push(...packages[p]);
  const big = sample(pool, Math.min(large, Math.floor(pool.length / 2)));
  if (big) cycles.push(big);
  for (let i = 0, n = Math.max(3, Math.round(total / 1500)); i < n; i++) {
    const p = rng.int(packages.length);
    const near = rng.chance(0.5) && packages.length > 1 ? packages[p === 0 ? 1 : p - 1] : [];
    const block = sample([...packages[p], ...near], 2 + rng.int(7));
    if (block) cycles.push(block);
  }
  return cycles;
}

/** Ranks: packages in order, `_internal` first, `__init__`s last; each cycle block pulled together where its first member stood. */
function assignRanks(rng: Random, packages: Mod[][], cycles: Mod[][]): Mod[] {
  const base: Mod[] = [];
  for (const mods of packages) {
    const plain = rng.shuffle(mods.filter((m) => !m.isInit && !m.hidden));
    const inits = mods.filter((m) => m.isInit && !m.hidden).sort((a, b) => b.name.split('.').length - a.name.split('.').length);
    base.push(...mods.filter((m) => m.hidden), ...plain, ...inits);
  }
  const blockOf = new Map<Mod, Mod[]>();
  for (const c of cycles) for (const m of c) blockOf.set(m, c);
  const order: Mod[] = [];
  const placed = new Set<Mod>();
  for (const m of base) {
    if (placed.has(m)) continue;
    for (const x of blockOf.get(m) ?? [m]) order.push(x), placed.add(x);
  }
  order.forEach((m, i) => (m.rank = i));
  return order;
}

/** The module statement that reaches `t` from `m` (not dynamic): relative within a package half the time. */
function importOf(rng: Random, m: Mod, t: Mod, samePackage: boolean): Pick<Statement, 'text' | 'form'> {
  if (samePackage && rng.chance(0.5)) {
    const from = (m.isInit ? m.name : parentOf(m.name)).split('.');
    const to = t.name.split('.');
    let common = 0;
    while (common < from.length && common < to.length && from[common] === to[common]) common++;
    const dots = '.'.repeat(from.length - common + 1);
    const rest = to.slice(common);
    if (rest.length === 0) return { text: `from ${dots} import ${names(rng, t, true)}`, form: 'relative' };
    if (rng.chance(0.5)) return { text: `from ${dots}${rest.join('.')} import ${names(rng, t, true)}`, form: 'relative' };
    return { text: `from ${dots}${rest.slice(0, -1).join('.')} import ${rest[rest.length - 1]}`, form: 'relative' };
  }
  const r = rng.next();
  if (r < 0.3) return { text: `import ${t.name}${rng.chance(0.25) ? ` as ${lastOf(t.name)}_mod` : ''}`, form: 'import' };
  if (r < 0.75 || !t.name.includes('.')) return { text: `from ${t.name} import ${names(rng, t, samePackage)}`, form: 'from' };
  return { text: `from ${parentOf(t.name)} import ${lastOf(t.name)}`, form: 'from' };
}

/** 1 to 3 public names of `t`, plus sometimes a private one when the importer shares its owner. */
function names(rng: Random, t: Mod, decoy: boolean): string {
  const pub = rng.shuffle([...t.functions, ...t.classes]).slice(0, 1 + rng.int(3));
  if (decoy && rng.chance(0.12)) pub.push(rng.pick(t.privates));
  return pub.join(', ');
}

/** A random module of lower rank than `m`: of its own package, else of an earlier one and public; null after a few misses. */
function pickTarget(rng: Random, m: Mod, packages: Mod[][], same: boolean): Mod | null {
  for (let tries = 0; tries < 12; tries++) {
    const cross = !same || tries >= 6;
    if (cross && m.pkg === 0) return null;
    const p = cross ? m.pkg - 1 - Math.floor(rng.next() ** 2 * m.pkg) : m.pkg;
    const t = rng.pick(packages[p]);
    if (t.rank < m.rank && (!cross || !t.hidden)) return t;
  }
  return null;
}

function planBackground(rng: Random, m: Mod, packages: Mod[][]): void {
  const n = m.isInit ? rng.int(7) : 5 + Math.floor(rng.next() ** 1.6 * 26);
  const stdlib = rng.shuffle([...STDLIB]);
  for (let i = 0; i < n; i++) {
    const r = rng.next();
    if (r < 0.22 && stdlib.length > 0) {
      const [text, form] = stdlib.pop()!;
      m.statements.push({ text, form, target: 'stdlib', context: rng.chance(0.1) ? 'function' : 'module' });
      continue;
    }
    if (r < 0.3) {
      const [text, form, fallback] = rng.pick(THIRD_PARTY);
      const c = rng.next();
      const context: Context = c < 0.7 ? 'module' : c < 0.85 && form === 'import' ? 'try' : 'function';
      m.statements.push({ text, form, target: 'thirdParty', context, ...(context === 'try' ? { fallback } : {}) });
      continue;
    }
    const same = rng.chance(0.55);
    const t = pickTarget(rng, m, packages, same);
    if (!t) continue;
    const c = rng.next();
    if (c < 0.04) {
      m.statements.push({ text: `importlib.import_module("${t.name}")`, form: 'dynamic', target: 'internal', context: rng.chance(0.75) ? 'function' : 'module', to: t.name });
      continue;
    }
    const context: Context = c < 0.76 ? 'module' : c < 0.86 ? 'typeChecking' : 'function';
    m.statements.push({ ...importOf(rng, m, t, t.pkg === m.pkg), target: 'internal', context, to: t.name });
  }
}

/** A private import of another package's `_internal` module or `_name`, into an earlier package (so below the importer's rank). */
function plantPrivate(rng: Random, m: Mod, packages: Mod[][]): boolean {
  if (m.pkg === 0) return false;
  const p = m.pkg - 1 - Math.floor(rng.next() ** 2 * m.pkg);
  const hidden = rng.chance(0.5);
  const pool = packages[p].filter((t) => t.hidden === hidden && t.rank < m.rank);
  if (pool.length === 0) return false;
  const t = rng.pick(pool);
  const c = rng.next();
  const context: Context = c < 0.7 ? 'module' : c < 0.85 ? 'typeChecking' : 'function';
  const base = { target: 'internal' as const, context, to: t.name };
  const v = rng.int(3);
  if (hidden && v === 0) m.statements.push({ ...base, text: `import ${t.name}`, form: 'import', private: { target: t.name, names: [] } });
  else if (hidden && v === 1) {
    const name = rng.pick(t.functions);
    m.statements.push({ ...base, text: `from ${t.name} import ${name}`, form: 'from', private: { target: t.name, names: [name] } });
  } else if (hidden) {
    m.statements.push({ ...base, text: `from ${parentOf(t.name)} import ${lastOf(t.name)}`, form: 'from', private: { target: parentOf(t.name), names: [lastOf(t.name)] } });
  } else {
    const name = rng.pick(t.privates);
    const text = v === 0 ? `from ${t.name} import ${rng.pick(t.functions)}, ${name}` : `from ${t.name} import ${name}`;
    m.statements.push({ ...base, text, form: 'from', private: { target: t.name, names: [name] } });
  }
  return true;
}

/**
 * Plans the repository for `options` and hands every file to `emit` (path relative to the
 * repository, text), in a fixed order; returns the manifest. Same options, same bytes.
 */
export function renderMonorepo(options: GenerateOptions, emit: (path: string, text: string) => void): Manifest {
  if (!(Number.isInteger(options.modules) && options.modules >= 50)) throw new Error(`--modules must be an integer of at least 50, got ${options.modules}`);
  const rng = new Random(options.seed);
  const packages = packageSizes(rng, options.modules).map((size, p) => layoutPackage(rng, `pkg${String(p).padStart(4, '0')}`, p, size));
  const cycles = chooseCycles(rng, packages, options.modules);
  const order = assignRanks(rng, packages, cycles);
  for (const m of order) planBackground(rng, m, packages);
  for (const block of cycles) {
    block.forEach((m, i) => {
      const t = block[(i + 1) % block.length];
      m.statements.push({ text: `from ${t.name} import ${rng.pick(t.functions)}`, form: 'from', target: 'internal', context: 'module', to: t.name });
    });
  }
  const goal = Math.max(4, Math.round(options.modules / 50));
  for (let planted = 0, tries = 0; planted < goal; tries++) {
    if (tries > 100 * goal) throw new Error(`could not plant ${goal} private imports`);
    if (plantPrivate(rng, rng.pick(order), packages)) planted++;
  }

  const manifest: Manifest = {
    generator: 'gen-monorepo', version: 1, seed: options.seed, modules: order.length,
    packages: packages.map((mods) => ({ name: mods[0].name, modules: mods.length })), bytes: 0,
    statements: {
      total: 0, form: { import: 0, from: 0, relative: 0, dynamic: 0 }, target: { internal: 0, stdlib: 0, thirdParty: 0 },
      context: { module: 0, typeChecking: 0, function: 0, try: 0 }, lazy: 0, typeChecking: 0, dynamic: 0,
    },
    internalEdges: 0,
    cycles: cycles.map((c) => c.map((m) => m.name).sort(cmp)).sort((a, b) => b.length - a.length || cmp(a[0], b[0])),
    privateImports: [],
  };
  const edges = new Set<string>();
  for (const mods of packages) {
    for (const m of mods) {
      const text = renderModule(rng, m, manifest.privateImports);
      manifest.bytes += Buffer.byteLength(text);
      emit(m.file, text);
      const s = manifest.statements;
      for (const st of m.statements) {
        s.total++;
        s.form[st.form]++;
        s.target[st.target]++;
        s.context[st.context]++;
        if (st.context === 'function') s.lazy++;
        if (st.context === 'typeChecking') s.typeChecking++;
        if (st.form === 'dynamic') s.dynamic++;
        if (st.to) edges.add(`${m.name}\0${st.to}`);
      }
    }
  }
  manifest.internalEdges = edges.size;
  manifest.privateImports.sort((a, b) => cmp(a.file, b.file) || a.line - b.line || a.column - b.column);
  return manifest;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The text of one module; adds the `__future__`, `TYPE_CHECKING` and `importlib` imports it needs to its statements first. */
function renderModule(rng: Random, m: Mod, privates: PlantedPrivateImport[]): string {
  const st = m.statements;
  if (st.some((s) => s.context === 'typeChecking')) {
    st.unshift({ text: 'from __future__ import annotations', form: 'from', target: 'stdlib', context: 'module' },
      { text: 'from typing import TYPE_CHECKING', form: 'from', target: 'stdlib', context: 'module' });
  }
  if (st.some((s) => s.form === 'dynamic')) st.push({ text: 'import importlib', form: 'import', target: 'stdlib', context: 'module' });
  const lines: string[] = [];
  const place = (s: Statement, indent: number, prefix = '') => {
    lines.push(' '.repeat(indent) + prefix + s.text);
    if (s.private) privates.push({ importer: m.name, file: m.file, line: lines.length, column: indent + 1, ...s.private });
  };
  const title = m.isInit ? `The \`${m.name}\` package.` : `${lastOf(m.name)[0].toUpperCase()}${lastOf(m.name).slice(1)} for \`${parentOf(m.name)}\`.`;
  lines.push(`"""${title}`, '', ...rng.shuffle([...PROSE]).slice(0, 1 + rng.int(3)), '"""');
  const group = (s: Statement) => (s.text.startsWith('from __future__') ? 0 : s.target === 'stdlib' ? 1 : s.target === 'thirdParty' ? 2 : s.form === 'relative' ? 4 : 3);
  const top = st.filter((s) => s.context === 'module' && s.form !== 'dynamic').sort((a, b) => group(a) - group(b));
  top.forEach((s, i) => {
    if (i === 0 || group(top[i - 1]) !== group(s)) lines.push('');
    place(s, 0);
  });
  for (const s of st.filter((x) => x.context === 'try')) {
    lines.push('', 'try:');
    place(s, 4);
    lines.push('except ImportError:  # optional dependency', `    ${s.fallback} = None`);
  }
  const checking = st.filter((s) => s.context === 'typeChecking');
  if (checking.length > 0) {
    lines.push('', 'if TYPE_CHECKING:');
    for (const s of checking) place(s, 4);
  }
  const dynamicTop = st.filter((s) => s.context === 'module' && s.form === 'dynamic');
  if (dynamicTop.length > 0) lines.push('');
  dynamicTop.forEach((s, i) => place(s, 0, `_plugin${i} = `));
  if (m.hasAll) lines.push('', `__all__ = [${[...m.functions, ...m.classes].map((n) => `"${n}"`).join(', ')}]`);
  lines.push('', `DEFAULT_LIMIT = ${10 + rng.int(90)}`, `_CACHE: dict = {}`);

  // Bodies: functions, then classes with methods; lazy imports go to the bodies in turn, then snippets until the file reaches its size.
  type Body = { indent: number; head: string | null; lines: string[] };
  const defs: { head: string[]; bodies: Body[] }[] = [];
  const signature = 'items, options=None, name="", count=0, path=None, value=None, limit=DEFAULT_LIMIT';
  for (const f of [...m.functions, ...m.privates]) defs.push({ head: [`def ${f}(${signature}):`], bodies: [{ indent: 4, head: null, lines: [] }] });
  for (const c of m.classes) {
    const methods = Array.from({ length: 1 + rng.int(3) }, (_, i) => `${rng.pick(VERBS)}_${rng.pick(NOUNS)}${i || ''}`);
    defs.push({
      head: [`class ${c}:`, `    """A ${c} of \`${m.name}\`."""`, '', '    def __init__(self, value=None):', '        self.value = value'],
      bodies: methods.map((name) => ({ indent: 8, head: `    def ${name}(self, ${signature}):`, lines: [] })),
    });
  }
  const bodies = defs.flatMap((d) => d.bodies);
  const lazy = st.filter((s) => s.context === 'function');
  const target = 1000 + Math.floor(rng.next() ** 1.5 * 7000);
  let size = lines.join('\n').length + defs.length * 120;
  for (let i = 0; size < target; i++) {
    const snippet = rng.pick(SNIPPETS);
    bodies[i % bodies.length].lines.push(...snippet);
    size += snippet.join('\n').length + snippet.length * (bodies[i % bodies.length].indent + 1);
  }
  let turn = 0;
  const assignLazy = new Map<Body, Statement[]>();
  for (const s of lazy) {
    const b = bodies[turn++ % bodies.length];
    assignLazy.set(b, [...(assignLazy.get(b) ?? []), s]);
  }
  for (const d of defs) {
    lines.push('', '');
    lines.push(...d.head);
    for (const b of d.bodies) {
      const pad = ' '.repeat(b.indent);
      if (b.head) lines.push('', b.head);
      const verb = rng.pick(VERBS);
      lines.push(`${pad}"""${verb[0].toUpperCase()}${verb.slice(1)} the ${rng.pick(NOUNS)}s."""`);
      (assignLazy.get(b) ?? []).forEach((s, i) => place(s, b.indent, s.form === 'dynamic' ? `module${i} = ` : ''));
      for (const l of b.lines) lines.push(pad + l);
      lines.push(`${pad}return ${b.indent === 8 ? 'self.value' : 'options'}`);
    }
  }
  return lines.join('\n') + '\n';
}

/** Writes the repository under `dir` (created) and `dir/manifest.json`; returns the manifest. */
export function generateMonorepo(dir: string, options: GenerateOptions): Manifest {
  const made = new Set<string>();
  const manifest = renderMonorepo(options, (path, text) => {
    const file = join(dir, path);
    const parent = dirname(file);
    if (!made.has(parent)) mkdirSync(parent, { recursive: true }), made.add(parent);
    writeFileSync(file, text);
  });
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 1) + '\n');
  return manifest;
}

function main(argv: string[]): void {
  const arg = (flag: string, fallback?: string) => {
    const i = argv.indexOf(flag);
    if (i >= 0 && i + 1 < argv.length) return argv[i + 1];
    if (fallback === undefined) throw new Error(`missing ${flag}`);
    return fallback;
  };
  const out = arg('--out');
  const t0 = performance.now();
  const m = generateMonorepo(out, { modules: Number(arg('--modules')), seed: Number(arg('--seed', '1')) });
  console.log(`${out}: ${m.modules} modules in ${m.packages.length} packages, ${(m.bytes / 1e6).toFixed(1)} MB, ${m.statements.total} import statements, `
    + `${m.internalEdges} internal edges, ${m.cycles.length} cycles (largest ${m.cycles[0]?.length ?? 0}), ${m.privateImports.length} private imports `
    + `(${((performance.now() - t0) / 1000).toFixed(1)} s)`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main(process.argv.slice(2));

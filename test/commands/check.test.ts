// `pyseam check` through the real bin/pyseam on samples/contracts. The sample's imports
// (file:line, all eager unless marked; owners are the top-level packages):
//   shop/ui/views.py:2        shop.ui.views -> shop.services.orders
//   shop/ui/views.py:3        shop.ui.views -> shop.data.models
//   shop/services/orders.py:1 shop.services.orders -> shop.data.models
//   shop/services/orders.py:2 shop.services.orders -> shop.data._sql   (same owner: not private)
//   shop/services/orders.py:6 shop.services.orders -> shop.ui.widgets  lazy
//   shop/services/pricing.py:2 shop.services.pricing -> shop.util.money
//   shop/util/money.py:1      shop.util.money -> shop.ui.widgets
//   shop/data/models.py:1     shop.data.models -> shop.util.money
//   billing/invoice.py:1      billing.invoice -> reports.summary
//   billing/ledger.py:2       billing.ledger -> shop.data._sql          lazy, private import
//   reports/summary.py:1      reports.summary -> billing.ledger
//   reports/export.py:1       reports.export -> vendor.pdf
//   vendor/pdf.py:1           vendor.pdf -> billing.ledger
// Component edges: billing -> reports -> billing, reports -> vendor -> billing, billing -> shop.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CheckResult, ContractOutcome } from '../../src/check-result.js';
import { validateReport } from '../../src/report/validate.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const SAMPLE = 'samples/contracts';
const pyseam = (...args: string[]) => {
  const r = spawnSync('node', ['bin/pyseam', 'check', SAMPLE, ...args], { cwd: repo, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};
const json = (...args: string[]): CheckResult => JSON.parse(pyseam('--format', 'json', ...args).stdout);
const config = (toml: string): string => {
  const file = join(mkdtempSync(join(tmpdir(), 'pyseam-check-')), 'pyseam.toml');
  writeFileSync(file, toml);
  return file;
};

/** Each broken pair as `importer>imported: file:line, file:line` (one entry per hop). */
const chains = (o: ContractOutcome) => o.violations.map((v) => `${v.importer}>${v.imported}: ${v.chain.map((h) => `${h.file}:${h.line}`).join(', ')}`);
const cycles = (o: ContractOutcome) => o.cycles.map((c) => `${c.components.join(',')}: ${c.example.map((d) => `${d.from}>${d.to}@${d.hop.file}:${d.hop.line}`).join(' ')}`);

describe('pyseam check on samples/contracts', () => {
  const result = json();
  const byName = Object.fromEntries(result.contracts.map((c) => [c.name, c]));

  it('keeps and breaks the contracts as worked out by hand', () => {
    expect(result.contracts.map((c) => [c.name, c.kept])).toEqual([
      ['shop layers', false], ['data below services', true], ['data does not import ui directly', true],
      ['data does not reach ui', false], ['billing and reports independent', false], ['ui and vendor independent', true],
      ['no component cycles', false], ['shop and vendor acyclic', true], ['billing and vendor acyclic', false],
    ]);
    expect(result.summary).toEqual({ contracts: 9, kept: 4, broken: 5, violations: 9, privateImports: 1, ok: false });
  });

  it('gives one chain per broken pair, file and line on every hop', () => {
    expect(chains(byName['shop layers'])).toEqual([
      'shop.data.models>shop.ui.widgets: shop/data/models.py:1, shop/util/money.py:1',
      'shop.services.orders>shop.ui.widgets: shop/services/orders.py:6',
      'shop.services.pricing>shop.ui.widgets: shop/services/pricing.py:2, shop/util/money.py:1',
    ]);
    expect(byName['shop layers'].violations[1].chain[0]).toMatchObject({ column: 5, lazy: true });
    expect(chains(byName['data does not reach ui'])).toEqual(['shop.data.models>shop.ui.widgets: shop/data/models.py:1, shop/util/money.py:1']);
    expect(chains(byName['billing and reports independent'])).toEqual([
      'billing.invoice>reports.summary: billing/invoice.py:1',
      'reports.export>billing.ledger: reports/export.py:1, vendor/pdf.py:1',
      'reports.summary>billing.ledger: reports/summary.py:1',
    ]);
  });

  it('finds the component cycle, also between listed components through an unlisted one', () => {
    expect(cycles(byName['no component cycles'])).toEqual([
      'billing,reports,vendor: billing>reports@billing/invoice.py:1 reports>billing@reports/summary.py:1',
    ]);
    expect(byName['no component cycles'].cycles[0].dependencies.map((d) => `${d.from}>${d.to}`)).toEqual([
      'billing>reports', 'reports>billing', 'reports>vendor', 'vendor>billing',
    ]);
    expect(cycles(byName['billing and vendor acyclic'])).toEqual([
      'billing,reports,vendor: billing>reports@billing/invoice.py:1 reports>vendor@reports/export.py:1 vendor>billing@vendor/pdf.py:1',
    ]);
  });

  it('counts every private import as broken', () => {
    expect(result.privateImports.map((p) => `${p.importer}>${p.target} ${p.file}:${p.line}`)).toEqual(['billing.ledger>shop.data billing/ledger.py:2']);
  });

  it('writes JSON valid against schema/check.schema.json, byte-identical across runs', () => {
    const a = pyseam('--format', 'json');
    expect(validateReport(JSON.parse(a.stdout), 'check')).toEqual([]);
    expect(pyseam('--format', 'json').stdout).toBe(a.stdout);
  });
});

describe('pyseam check (CLI)', () => {
  it('exits 1 and prints a block per contract, then the private imports', () => {
    const r = pyseam();
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('pyseam: check: 5 of 9 contracts broken, 1 private import\n');
    expect(r.stdout).toContain('BROKEN  shop layers  (layers: shop.ui > shop.services > shop.data)\n  3 broken import pairs\n');
    expect(r.stdout).toContain('  shop.services.pricing -> shop.ui.widgets  (shop.services imports shop.ui; indirect, 2 hops)\n'
      + '    shop/services/pricing.py:2:1  shop.services.pricing -> shop.util.money\n'
      + '    shop/util/money.py:1:1  shop.util.money -> shop.ui.widgets\n');
    expect(r.stdout).toContain('KEPT    data below services');
    expect(r.stdout).toContain('BROKEN  private imports');
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('BROKEN: 5 of 9 contracts broken, 1 private import');
  });

  it('respects --no-lazy: the lazy layer break and the lazy private import go', () => {
    const r = json('--no-lazy');
    expect(chains(r.contracts[0])).toEqual([
      'shop.data.models>shop.ui.widgets: shop/data/models.py:1, shop/util/money.py:1',
      'shop.services.pricing>shop.ui.widgets: shop/services/pricing.py:2, shop/util/money.py:1',
    ]);
    expect(r.summary.privateImports).toBe(0);
    expect(r.filters.includeLazy).toBe(false);
  });

  it('exits 0 when every contract is kept and there is no private import', () => {
    const kept = readFileSync(join(repo, SAMPLE, 'pyseam.toml'), 'utf8').split('\n\n')
      .filter((block) => /name = "(data below services|data does not import ui directly|ui and vendor independent|shop and vendor acyclic)"/.test(block)).join('\n\n');
    const r = pyseam('--config', config(kept), '--no-lazy');
    expect(r.stdout).toContain('OK: 4 contracts kept, no private import');
    expect(r.status).toBe(0);
    const withPrivate = pyseam('--config', config(kept));
    expect([withPrivate.status, withPrivate.stderr]).toEqual([1, 'pyseam: check: 1 private import\n']);
  });

  it('exits 2 naming the contract and key for a prefix that matches no module', () => {
    const r = pyseam('--config', config('[[contract]]\nname = "gui"\ntype = "layers"\nlayers = ["shop.gui", "shop.data"]\n'));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("contract 'gui': layers: 'shop.gui' matches no module");
    expect(r.stdout).toBe('');
  });

  it('--output writes the report to a file', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'pyseam-check-')), 'check.json');
    const r = pyseam('--format', 'json', '--output', out);
    expect([r.status, r.stdout]).toEqual([1, '']);
    expect(JSON.parse(readFileSync(out, 'utf8')).summary.broken).toBe(5);
  });
});

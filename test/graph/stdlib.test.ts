/**
 * Hand-checked against the "What's New" pages of CPython: asyncore, asynchat,
 * smtpd, imp and distutils were removed in 3.12 (PEP 594/632); tomllib came in
 * 3.11 (PEP 680); annotationlib in 3.14 (PEP 749); zoneinfo in 3.9 (PEP 615);
 * graphlib in 3.9; cgi, telnetlib and lib2to3 were removed in 3.13; formatter,
 * parser and symbol were removed in 3.10.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import data from '../../data/stdlib-modules.json' with { type: 'json' };
import { isStdlib, stdlibVersionsOf, STDLIB_VERSIONS } from '../../src/graph/stdlib.js';

describe('isStdlib', () => {
  it('covers 3.8 to 3.14', () => {
    expect(STDLIB_VERSIONS).toEqual(['3.8', '3.9', '3.10', '3.11', '3.12', '3.13', '3.14']);
  });

  it('knows common and private standard modules', () => {
    for (const name of ['os', 'sys', 'typing', 'importlib', 'json', '_thread', '__future__', '__main__', 'pyexpat']) {
      expect(isStdlib(name), name).toBe(true);
    }
  });

  it('rejects third-party names, dotted names and build artefacts', () => {
    for (const name of ['numpy', 'six', 'setuptools', 'os.path', 'lib', '', 'tensorflux']) {
      expect(isStdlib(name), name).toBe(false);
    }
  });

  it('counts CPython\'s test-only modules, which lib-dynload ships', () => {
    for (const name of ['_testcapi', '_testinternalcapi', 'test', '_ctypes_test']) expect(isStdlib(name), name).toBe(true);
  });

  it('keeps removed and added modules in the union, with their versions', () => {
    expect(stdlibVersionsOf('asyncore')).toEqual(['3.8', '3.9', '3.10', '3.11']);
    expect(stdlibVersionsOf('distutils')).toEqual(['3.8', '3.9', '3.10', '3.11']);
    expect(stdlibVersionsOf('imp')).toEqual(['3.8', '3.9', '3.10', '3.11']);
    expect(stdlibVersionsOf('tomllib')).toEqual(['3.11', '3.12', '3.13', '3.14']);
    expect(stdlibVersionsOf('annotationlib')).toEqual(['3.14']);
    expect(stdlibVersionsOf('zoneinfo')).toEqual(['3.9', '3.10', '3.11', '3.12', '3.13', '3.14']);
    expect(stdlibVersionsOf('graphlib')[0]).toBe('3.9');
    expect(stdlibVersionsOf('telnetlib')).toEqual(['3.8', '3.9', '3.10', '3.11', '3.12']);
    expect(stdlibVersionsOf('parser')).toEqual(['3.8', '3.9']);
    for (const name of ['asyncore', 'tomllib', 'annotationlib', 'distutils', 'lib2to3']) {
      expect(isStdlib(name), name).toBe(true);
    }
  });

  const python = '/usr/bin/python3';
  it.runIf(existsSync(python))('agrees with the local interpreter’s sys.stdlib_module_names', () => {
    const out = execFileSync(python, [
      '-c',
      'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}"); print(" ".join(sorted(getattr(sys, "stdlib_module_names", []))))',
    ]).toString().split('\n');
    const version = out[0];
    const names = out[1].split(' ').filter(Boolean);
    if (!STDLIB_VERSIONS.includes(version) || names.length === 0) return;
    // Every name Python lists is in the data for its version ...
    expect(names.filter((n) => !stdlibVersionsOf(n).includes(version))).toEqual([]);
    // ... and the data adds only `__main__`, `xxsubtype` (a demo module) and the test modules CPython's own list leaves out.
    const own = new Set(names);
    const listed = (data.versions as Record<string, string[]>)[version];
    const testOnly = /^(test|_test.*|_ctypes_test|_xxtestfuzz|xxlimited.*|__phello__)$/;
    expect(listed.filter((n) => !own.has(n) && n !== '__main__' && n !== 'xxsubtype' && !testOnly.test(n))).toEqual([]);
  });
});

/**
 * Do two versions of `parseModule` give the same ModuleFacts on every file?
 * A guard for changes to the extraction walk (src/parse/module-walker.ts) that
 * must not change its output.
 *
 *   node --import tsx scripts/facts-equal.ts --dump facts.jsonl DIR...     record today's facts
 *   node --import tsx scripts/facts-equal.ts --against facts.jsonl DIR...  compare with a recording
 *   node --import tsx scripts/facts-equal.ts --old path/to/extract.ts DIR... compare with another copy
 *
 * Every `.py` and `.pyi` file under the directories (symlinks followed, each real
 * directory once) is decoded as `analyze` does and extracted twice: with no
 * configuration, and with import helpers and export decorators configured (the
 * paths they open). `--mutants N` (with `--old`) also compares N broken variants
 * of each file (a line cut in half, a line dropped) to reach the syntax-error paths.
 * Prints each file whose facts differ and the count; exits 1 on any difference. Files that
 * a recording lacks (added since it was made) are counted apart and not compared.
 */
import { createReadStream, createWriteStream, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { join, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { decodeSource } from '../src/parse/decode.js';
import { parseModule } from '../src/parse/extract.js';
import type { ExtractOptions, ModuleFacts } from '../src/parse/types.js';

type Extract = (source: string, options: ExtractOptions) => ModuleFacts;

const CONFIGURED: ExtractOptions = {
  importHelpers: ['pytest.importorskip', 'sympy.external.import_module', 'django.utils.module_loading.import_string'],
  exportDecorators: ['keras_export', 'tensorflow.python.util.tf_export.tf_export', 'api_export'],
};

function pythonFiles(dirs: string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const visit = (dir: string): void => {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch {
      return;
    }
    if (seen.has(real)) return;
    seen.add(real);
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      let isDir = false;
      try {
        isDir = statSync(path).isDirectory();
      } catch {
        continue;
      }
      if (isDir) visit(path);
      else if (name.endsWith('.py') || name.endsWith('.pyi')) out.push(path);
    }
  };
  for (const dir of dirs) visit(resolve(dir));
  return out;
}

/** The variants of one file that are compared: the file, then `mutants` broken copies. */
function variants(text: string, mutants: number): string[] {
  const out = [text];
  const lines = text.split('\n');
  for (let k = 1; k <= mutants && lines.length > 2; k++) {
    const at = Math.floor((lines.length * k) / (mutants + 1));
    const copy = [...lines];
    if (k % 2 === 1) copy[at] = copy[at].slice(0, Math.ceil(copy[at].length / 2));
    else copy.splice(at, 1);
    out.push(copy.join('\n'));
  }
  return out;
}

/** Each (file, option set, variant) with its source and options, in a fixed order. */
function* cases(files: string[], mutants: number): Generator<{ key: string; source: string; options: ExtractOptions }> {
  for (const file of files) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch {
      continue;
    }
    const decoded = decodeSource(bytes);
    if ('error' in decoded) continue;
    const stub = file.endsWith('.pyi');
    const sources = variants(decoded.text, mutants);
    for (let v = 0; v < sources.length; v++) {
      const suffix = v === 0 ? '' : `#mutant${v}`;
      for (const [set, options] of [['plain', { stub }], ['configured', { ...CONFIGURED, stub }]] as const) {
        yield { key: `${file}${suffix} [${set}]`, source: sources[v], options };
      }
    }
  }
}

const plain = (facts: ModuleFacts): unknown => JSON.parse(JSON.stringify(facts));

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const take = (flag: string): string | null => {
    const i = args.indexOf(flag);
    return i >= 0 ? args.splice(i, 2)[1] : null;
  };
  const dump = take('--dump');
  const against = take('--against');
  const old = take('--old');
  const mutants = Number(take('--mutants') ?? 0);
  const files = pythonFiles(args);
  let compared = 0;
  let differ = 0;
  let unrecorded = 0;
  const report = (key: string, a: unknown, b: unknown): void => {
    compared += 1;
    if (isDeepStrictEqual(a, b)) return;
    differ += 1;
    if (differ <= 20) console.log(`DIFFERS ${key}\n  expected ${JSON.stringify(a)}\n  got      ${JSON.stringify(b)}`);
  };

  if (dump) {
    const out = createWriteStream(dump);
    for (const c of cases(files, 0)) {
      out.write(`${JSON.stringify({ key: c.key, facts: parseModule(c.source, c.options) })}\n`);
      compared += 1;
    }
    await new Promise((done) => out.end(done));
    console.log(`dumped the facts of ${compared} extractions (${files.length} files) to ${dump}`);
    return;
  }
  if (against) {
    const recorded = new Map<string, unknown>();
    for await (const line of createInterface({ input: createReadStream(against) })) {
      const { key, facts } = JSON.parse(line) as { key: string; facts: unknown };
      recorded.set(key, facts);
    }
    for (const c of cases(files, 0)) {
      if (!recorded.has(c.key)) {
        unrecorded += 1;
        if (unrecorded <= 10) console.log(`not in the recording (a file added since?), not compared: ${c.key}`);
        continue;
      }
      report(c.key, recorded.get(c.key), plain(parseModule(c.source, c.options)));
    }
  } else if (old) {
    const oldExtract = ((await import(resolve(old))) as { parseModule: Extract }).parseModule;
    for (const c of cases(files, mutants)) report(c.key, plain(oldExtract(c.source, c.options)), plain(parseModule(c.source, c.options)));
  } else {
    console.error('usage: facts-equal.ts (--dump FILE | --against FILE | --old EXTRACT.ts [--mutants N]) DIR...');
    process.exit(2);
  }
  const skipped = unrecorded > 0 ? ` (${unrecorded} not in the recording, not compared: check them with --old)` : '';
  console.log(`${compared} extractions of ${files.length} files compared, ${differ} differ${skipped}`);
  process.exit(differ === 0 ? 0 : 1);
}

void main();

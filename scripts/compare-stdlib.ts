/**
 * Compare parseModule with Python's `ast` on every .py file under a directory
 * (default /usr/lib/python3.11) and time the extraction, single-threaded.
 *
 *   npx tsx scripts/compare-stdlib.ts [dir] [--verbose]
 *
 * Prints files compared, imports matched, every mismatch (file, ast's entry,
 * ours), files ast rejects, and the time spent in parseModule alone.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseModule } from '../src/parse/extract.js';
import { astOfFiles, diffImports, staticImports } from './ast-oracle.js';

function pyFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) pyFiles(path, out);
    else if (entry.isFile() && entry.name.endsWith('.py')) out.push(path);
  }
  return out;
}

const dir = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? '/usr/lib/python3.11';
const files = pyFiles(dir).sort();
const reference = astOfFiles(files);
let matched = 0;
let astImports = 0;
let ourImports = 0;
let mismatchedFiles = 0;
let rejected = 0;
let withSyntaxErrors = 0;
let elapsed = 0;
let bytes = 0;
for (const [index, path] of files.entries()) {
  const ref = reference[index];
  const source = 'source' in ref && ref.source !== undefined ? ref.source : readFileSync(path, 'utf8');
  bytes += Buffer.byteLength(source);
  const started = performance.now();
  const facts = parseModule(source);
  elapsed += performance.now() - started;
  if (facts.syntaxErrors.length > 0) withSyntaxErrors += 1;
  if ('error' in ref) {
    rejected += 1;
    console.log(`ast rejects ${path}: ${ref.error}; we give ${facts.imports.length} imports, ${facts.syntaxErrors.length} syntax problems`);
    continue;
  }
  const ours = staticImports(facts.imports);
  const { missing, extra } = diffImports(ref.imports, ours);
  astImports += ref.imports.length;
  ourImports += ours.length;
  matched += ref.imports.length - missing.length;
  if (missing.length > 0 || extra.length > 0) {
    mismatchedFiles += 1;
    console.log(`MISMATCH ${path}`);
    for (const m of missing) console.log(`  ast only: ${JSON.stringify(m)}`);
    for (const e of extra) console.log(`  ours only: ${JSON.stringify(e)}`);
  }
  if (facts.syntaxErrors.length > 0 && process.argv.includes('--verbose')) {
    console.log(`syntax problems in ${path}: ${JSON.stringify(facts.syntaxErrors)}`);
  }
}
console.log(`files: ${files.length} (${rejected} rejected by ast, ${mismatchedFiles} with mismatches, ${withSyntaxErrors} with tree-sitter syntax problems)`);
console.log(`imports: ast ${astImports}, ours ${ourImports}, matched ${matched}`);
console.log(`parseModule time: ${(elapsed / 1000).toFixed(2)} s for ${(bytes / 1e6).toFixed(1)} MB (single-threaded, excluding reads)`);

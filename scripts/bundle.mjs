// The second step of `npm run build`, after tsc: bundles the compiled CLI (dist/src) into
// dist/bundle with esbuild, which bin/pyseam runs. One module graph of ~150 files costs Node's ESM
// loader about 70 ms to resolve, read and link on every run; the bundle is a few dozen chunks, split
// at the CLI's dynamic imports, so a run still loads only what it uses (test/startup.test.ts).
// Then writes dist/bundle/manifest.json (src/build-manifest.ts): the fingerprints a run would
// otherwise compute by reading every file of the program (program-fingerprint.ts, facts-cache.ts).
import { build, version } from 'esbuild';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const out = join(root, 'dist/bundle');
// Loaded at run time from node_modules: native addons and libraries loaded through createRequire
// (tree-sitter, its grammar, ajv, smol-toml: esbuild does not follow createRequire), and the TUI's
// React and ink, left whole (ink imports react-devtools-core only in development).
const EXTERNAL = ['tree-sitter', 'tree-sitter-python', 'ajv', 'smol-toml', 'ink', 'react', '@inkjs/ui'];

const sha1 = (bytes) => createHash('sha1').update(bytes).digest('base64');

rmSync(out, { recursive: true, force: true });
await build({
  entryPoints: { cli: join(root, 'dist/src/cli.js'), 'facts-worker': join(root, 'dist/src/parse/facts-worker.js') },
  outdir: out,
  chunkNames: 'chunk-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: [...EXTERNAL, 'react-devtools-core'],
  // The CommonJS packages bundled (commander, graphology, ...) call require() for Node's built-ins.
  banner: { js: "import { createRequire as __pyseamCreateRequire } from 'node:module'; const require = __pyseamCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});

const files = readdirSync(out).filter((name) => name.endsWith('.js')).sort();
const parse = join(root, 'dist/src/parse');
const manifest = {
  esbuild: version,
  // Every file of the bundle (the stdlib list and the schemas are inside it).
  program: sha1(files.map((name) => `${name}\0${sha1(readFileSync(join(out, name)))}`).join('\0')),
  // The extractor's code, as facts-cache.ts names it from dist/src/parse, and the bundler that copied it.
  code: sha1([`esbuild ${version}`, ...readdirSync(parse).filter((name) => name.endsWith('.js')).sort().map((name) => `${name}\0${sha1(readFileSync(join(parse, name)))}`)].join('\0')),
  external: EXTERNAL,
  files: Object.fromEntries(files.map((name) => {
    const { size, mtimeMs, ctimeMs, ino } = statSync(join(out, name));
    return [name, [size, mtimeMs, ctimeMs, ino]];
  })),
};
writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`);

import Parser from 'tree-sitter';
import Python from 'tree-sitter-python';
import { discover } from '/work/main/dist/src/parse/discover.js';
import { nodeTree } from '/work/main/dist/src/parse/source-tree.js';
import { collectIfDue, noteParsed } from '/work/main/dist/src/parse/tree-memory.js';
const mode = process.argv[3];
const tree = nodeTree(process.argv[2]);
const files = discover(tree, {}).files.filter((f) => f.kind !== 'extension');
const parser = new Parser();
parser.setLanguage(Python);
const t0 = performance.now();
let s0 = performance.now();
for (const f of files) {
  const raw = tree.read(f.path);
  parser.parse(raw.toString('utf8'));
  noteParsed(raw.length);
  if (collectIfDue() || (mode !== "none" && performance.now() - s0 > Number(mode))) { await new Promise((resolve) => setImmediate(resolve)); s0 = performance.now(); }
}
console.log(mode, (performance.now() - t0) / 1000);

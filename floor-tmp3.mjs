import Parser from 'tree-sitter';
import Python from 'tree-sitter-python';
import { discover } from '/work/main/dist/src/parse/discover.js';
import { nodeTree } from '/work/main/dist/src/parse/source-tree.js';
const mode = process.argv[3];
const tree = nodeTree(process.argv[2]);
const files = discover(tree, {}).files.filter((f) => f.kind !== 'extension');
const texts = files.map((f) => tree.read(f.path).toString('utf8'));
const parser = new Parser();
parser.setLanguage(Python);
const t0 = performance.now();
let s0 = performance.now();
for (const s of texts) {
  if (mode === 'big') parser.parse(s, undefined, { bufferSize: s.length + 1 });
  else if (mode === 'small') parser.parse(s, undefined, { bufferSize: 4096 });
  else parser.parse(s);
  if (performance.now() - s0 > 30) { await new Promise((resolve) => setImmediate(resolve)); s0 = performance.now(); }
}
console.log(mode, (performance.now() - t0) / 1000);

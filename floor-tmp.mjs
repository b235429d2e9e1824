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
const UTF8 = new TextDecoder('utf-8', { fatal: true });
const t0 = performance.now();
let two = 0;
for (const f of files) {
  const raw = tree.read(f.path);
  const s = mode === 'td' ? UTF8.decode(raw) : raw.toString('utf8');
  if (mode === 'flat') { s.length; }
  parser.parse(s);
  noteParsed(raw.length);
  if (collectIfDue()) await new Promise((resolve) => setImmediate(resolve));
}
console.log(mode, (performance.now() - t0) / 1000);

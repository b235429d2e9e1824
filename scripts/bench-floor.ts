/**
 * The floor of `npm run bench`: read and tree-sitter-parse every Python file pyseam would parse
 * under DIR, on one thread, nothing else; prints `{"files", "bytes", "seconds", "listSeconds"}` as JSON,
 * `listSeconds` being the discovery before it: every directory listed, every file stat'ed (the least
 * a warm run does to know that nothing changed).
 * Trees are dropped at once and freed as pyseam's own parsing frees them (src/parse/tree-memory.ts):
 * the thread returns to the event loop every `SLICE_MS` and after each forced collection, so the floor
 * does not pay for holding native trees (returning only after a forced collection made it 1.2 to 1.5
 * times slower: tree-memory.ts).
 */
import Parser from 'tree-sitter';
import Python from 'tree-sitter-python';
import { discover } from '../src/parse/discover.js';
import { nodeTree } from '../src/parse/source-tree.js';
import { collectIfDue, noteParsed, SLICE_MS } from '../src/parse/tree-memory.js';

const tree = nodeTree(process.argv[2]);
// What any run must do before it knows whether anything changed: list the directories, stat the files.
const t00 = performance.now();
const files = discover(tree, {}).files.filter((f) => f.kind !== 'extension');
const listSeconds = (performance.now() - t00) / 1000;
const parser = new Parser();
parser.setLanguage(Python);
const t0 = performance.now();
let bytes = 0;
let sliceStart = t0;
for (const f of files) {
  const raw = tree.read(f.path);
  bytes += raw.length;
  parser.parse(raw.toString('utf8'));
  noteParsed(raw.length);
  if (collectIfDue() || performance.now() - sliceStart >= SLICE_MS) {
    await new Promise((resolve) => setImmediate(resolve));
    sliceStart = performance.now();
  }
}
console.log(JSON.stringify({ files: files.length, bytes, seconds: (performance.now() - t0) / 1000, listSeconds }));

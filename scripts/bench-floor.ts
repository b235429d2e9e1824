/**
 * The floor of `npm run bench`: read and tree-sitter-parse every Python file pyseam would parse
 * under DIR, on one thread, nothing else; prints `{"files", "bytes", "seconds", "listSeconds"}` as JSON,
 * `listSeconds` being the discovery before it: every directory listed, every file stat'ed (the least
 * a warm run does to know that nothing changed).
 * Trees are dropped at once and collected as pyseam's own parsing collects them
 * (src/parse/tree-memory.ts), so the floor does not pay for holding gigabytes of native trees.
 */
import Parser from 'tree-sitter';
import Python from 'tree-sitter-python';
import { discover } from '../src/parse/discover.js';
import { nodeTree } from '../src/parse/source-tree.js';
import { collectIfDue, noteParsed } from '../src/parse/tree-memory.js';

const tree = nodeTree(process.argv[2]);
// What any run must do before it knows whether anything changed: list the directories, stat the files.
const t00 = performance.now();
const files = discover(tree, {}).files.filter((f) => f.kind !== 'extension');
const listSeconds = (performance.now() - t00) / 1000;
const parser = new Parser();
parser.setLanguage(Python);
const t0 = performance.now();
let bytes = 0;
for (const f of files) {
  const raw = tree.read(f.path);
  bytes += raw.length;
  parser.parse(raw.toString('utf8'));
  noteParsed(raw.length);
  if (collectIfDue()) await new Promise((resolve) => setImmediate(resolve));
}
console.log(JSON.stringify({ files: files.length, bytes, seconds: (performance.now() - t0) / 1000, listSeconds }));

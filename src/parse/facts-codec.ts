/**
 * A compact form of many files' outcomes for the facts cache: a table of distinct strings and a
 * stream of variable-length unsigned integers (string indices, numbers, counts), with where each
 * file's part ends. Against structured clone or JSON of the objects, it drops the repeated keys and
 * the repeated module names (`os`, `typing`, a package's own name): several times smaller, and
 * decoded without a parser.
 *
 * Each object is written with its shape (its keys, in their order), so decoding rebuilds the same
 * objects with the same key order as the extractor made them: a report that spreads a record is
 * byte-identical either way. The fields' types follow types.ts; an outcome holding a key this file
 * does not know (types.ts grew one) is kept whole as JSON, so the cache never drops a fact.
 */
import type { FileOutcome } from './read-facts.js';

/** The outcomes, encoded: file `i` is `bytes[ends[i - 1] ?? 0 .. ends[i]]`. */
export interface EncodedOutcomes {
  strings: string[];
  /** Key lists (`kind,module,level,...`) of the objects, by shape number. */
  shapes: string[];
  bytes: Uint8Array;
  ends: Float64Array;
}

/** How one field is written: a string, a whole number, true/false, a list of strings, a nullable one, or records. */
type Field = 'str' | 'uint' | 'bool' | 'true' | 'strs' | 'strs?' | 'uint?' | Fields | { list: Fields };
interface Fields { [key: string]: Field }

const ANCHOR: Fields = { literal: 'str', importerPackage: 'true', importerModule: 'true' };
const IMPORT: Fields = {
  kind: 'str', module: 'str', level: 'uint', names: 'strs', line: 'uint', column: 'uint', anchor: ANCHOR,
  typeChecking: 'bool', conditional: 'bool', lazy: 'bool', dynamic: 'bool',
};
const FACTS: Fields = {
  imports: { list: IMPORT },
  nonLiteralDynamic: { list: { line: 'uint', column: 'uint', call: 'str' } },
  syntaxErrors: { list: { line: 'uint', column: 'uint', message: 'str' } },
  all: 'strs?',
  exports: { list: { symbol: 'str', names: 'strs', current: 'strs', decorator: 'str', line: 'uint' } },
  suppressions: { list: { line: 'uint', statementLine: 'uint?', rules: 'strs', reason: 'str' } },
};
const SKIPPED: Fields = { skipped: 'str' };
const TAG = { facts: 0, skipped: 1, json: 2 } as const;

/** Thrown while encoding a value the fields do not describe: the file is then kept as JSON. */
const MISFIT = new Error('misfit');

/** All of `outcomes`, encoded at once. */
export function encodeOutcomes(outcomes: readonly FileOutcome[]): EncodedOutcomes {
  const encoder = new OutcomeEncoder();
  for (const o of outcomes) encoder.add(o);
  return encoder.finish();
}

/**
 * Encodes file by file, so a caller need not hold the outcomes until the end. Started from an
 * earlier encoding's tables (`base`), its files' bytes stay valid here as they are: `copy` takes
 * them without decoding. The tables then keep the strings of files that are gone (only new
 * distinct strings are ever added: a few per changed file).
 */
export class OutcomeEncoder {
  private readonly strings: string[];
  private readonly stringIndex: Map<string, number>;
  private readonly shapes: string[];
  private readonly shapeIndex: Map<string, number>;
  private bytes = new Uint8Array(1 << 16);
  private n = 0;
  private readonly ends: number[] = [];

  constructor(base?: { strings: readonly string[]; shapes: readonly string[] }) {
    this.strings = [...(base?.strings ?? [])];
    this.shapes = [...(base?.shapes ?? [])];
    this.stringIndex = new Map(this.strings.map((x, i) => [x, i]));
    this.shapeIndex = new Map(this.shapes.map((x, i) => [x, i]));
  }

  /** Appends one file's outcome. */
  add(outcome: FileOutcome): void {
    const start = this.n;
    try {
      this.uint('skipped' in outcome ? TAG.skipped : TAG.facts);
      this.record(outcome, 'skipped' in outcome ? SKIPPED : FACTS);
    } catch (error) {
      if (error !== MISFIT) throw error;
      this.n = start;
      this.uint(TAG.json);
      this.str(JSON.stringify(outcome));
    }
    this.ends.push(this.n);
  }

  /** Files appended so far. */
  get count(): number {
    return this.ends.length;
  }

  /** Appends file `at` of `from`, which must be the encoding whose tables this encoder started from (or one whose tables those extend). */
  copy(from: EncodedOutcomes, at: number): void {
    const part = from.bytes.subarray(at === 0 ? 0 : from.ends[at - 1], from.ends[at]);
    this.room(part.length);
    this.bytes.set(part, this.n);
    this.n += part.length;
    this.ends.push(this.n);
  }

  finish(): EncodedOutcomes {
    return { strings: this.strings, shapes: this.shapes, bytes: this.bytes.slice(0, this.n), ends: Float64Array.from(this.ends) };
  }

  /**
   * The encoding of the entries `picks` names, in that order, each either an entry of this encoder
   * (`-1 - i` for its entry `i`) or entry `i >= 0` of `base`, the encoding it was started from; under
   * this encoder's tables, which extend the base's. One copy of each entry's bytes, straight into the
   * result: the cache assembles its pack so, with no second encoder nor intermediate copy.
   */
  gather(base: EncodedOutcomes | undefined, picks: readonly number[]): EncodedOutcomes {
    const own = { bytes: this.bytes, ends: this.ends };
    const span = (pick: number): [Uint8Array, number, number] => {
      const from = pick >= 0 ? base! : own;
      const at = pick >= 0 ? pick : -1 - pick;
      return [from.bytes, at === 0 ? 0 : from.ends[at - 1], from.ends[at]];
    };
    let total = 0;
    for (const pick of picks) {
      const [, start, end] = span(pick);
      total += end - start;
    }
    const bytes = new Uint8Array(total);
    const ends = new Float64Array(picks.length);
    let n = 0;
    picks.forEach((pick, k) => {
      const [from, start, end] = span(pick);
      bytes.set(from.subarray(start, end), n);
      ends[k] = n += end - start;
    });
    return { strings: this.strings, shapes: this.shapes, bytes, ends };
  }

  private room(more: number): void {
    if (this.n + more <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (this.n + more > size) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.bytes.subarray(0, this.n));
    this.bytes = grown;
  }

  private uint(v: number): void {
    this.room(10);
    while (v >= 0x80) {
      this.bytes[this.n++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    this.bytes[this.n++] = v;
  }

  private intern(table: string[], index: Map<string, number>, s: string): void {
    let i = index.get(s);
    if (i === undefined) {
      i = table.length;
      table.push(s);
      index.set(s, i);
    }
    this.uint(i);
  }

  private str(s: unknown): void {
    if (typeof s !== 'string') throw MISFIT;
    this.intern(this.strings, this.stringIndex, s);
  }

  private strs(xs: unknown): void {
    if (!Array.isArray(xs)) throw MISFIT;
    this.uint(xs.length);
    for (const x of xs) this.str(x);
  }

  private record(value: unknown, fields: Fields): void {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw MISFIT;
    let shape = '';
    for (const key in value) shape += shape ? `,${key}` : key;
    this.intern(this.shapes, this.shapeIndex, shape);
    for (const key in value) {
      const f = fields[key];
      if (f === undefined) throw MISFIT;
      this.field((value as Record<string, unknown>)[key], f);
    }
  }

  private field(v: unknown, f: Field): void {
    switch (f) {
      case 'str': return this.str(v);
      case 'uint':
        if (!Number.isInteger(v) || (v as number) < 0) throw MISFIT;
        return this.uint(v as number);
      case 'uint?':
        if (v === null) return this.uint(0);
        if (!Number.isInteger(v) || (v as number) < 0) throw MISFIT;
        return this.uint((v as number) + 1);
      case 'bool': if (typeof v !== 'boolean') throw MISFIT; return this.uint(v ? 1 : 0);
      case 'true': if (v !== true) throw MISFIT; return;
      case 'strs': return this.strs(v);
      case 'strs?': return v === null ? this.uint(0) : (this.uint(1), this.strs(v));
      default:
        if (!('list' in f)) return this.record(v, f as Fields);
        if (!Array.isArray(v)) throw MISFIT;
        this.uint(v.length);
        for (const x of v) this.record(x, f.list as Fields);
    }
  }
}

/** Decodes file by file; each shape's reader is made once. */
export class OutcomeDecoder {
  private readonly keys: string[][];
  private readonly readers = new Map<Fields, ((() => Record<string, unknown>) | undefined)[]>();
  private bytes: Uint8Array;
  private p = 0;
  private end = 0;
  private at = 0;

  constructor(private readonly encoded: EncodedOutcomes) {
    this.keys = encoded.shapes.map((s) => (s === '' ? [] : s.split(',')));
    this.bytes = encoded.bytes;
  }

  /** File `at`'s outcome. @throws Error when its bytes do not describe one (a damaged pack). */
  decode(at: number): FileOutcome {
    this.at = at;
    this.p = at === 0 ? 0 : this.encoded.ends[at - 1];
    this.end = this.encoded.ends[at];
    const tag = this.uint();
    const outcome = tag === TAG.facts ? this.record(FACTS) : tag === TAG.skipped ? this.record(SKIPPED) : tag === TAG.json ? JSON.parse(this.str()) : null;
    if (outcome === null) throw this.damaged(`unknown tag ${tag}`);
    if (this.p !== this.end) throw this.damaged('does not end where recorded');
    return outcome as FileOutcome;
  }

  private damaged(why: string): Error {
    return new Error(`entry ${this.at}: ${why}`);
  }

  private uint(): number {
    let v = 0;
    let scale = 1;
    for (;;) {
      if (this.p >= this.end) throw this.damaged('ends early');
      const b = this.bytes[this.p++];
      v += (b & 0x7f) * scale;
      if (b < 0x80) return v;
      scale *= 0x80;
    }
  }

  private str(): string {
    const s = this.encoded.strings[this.uint()];
    if (s === undefined) throw this.damaged('names no string');
    return s;
  }

  private strs(): string[] {
    const xs = new Array<string>(this.uint());
    for (let i = 0; i < xs.length; i++) xs[i] = this.str();
    return xs;
  }

  private record(fields: Fields): Record<string, unknown> {
    const shape = this.uint();
    let readers = this.readers.get(fields);
    if (!readers) this.readers.set(fields, (readers = []));
    let read = readers[shape];
    if (!read) {
      const keys = this.keys[shape];
      if (keys === undefined) throw this.damaged('names no shape');
      const parts = keys.map((key) => {
        const f = fields[key];
        if (f === undefined) throw this.damaged(`unknown key ${key}`);
        return this.reader(f);
      });
      read = readers[shape] = () => {
        const value: Record<string, unknown> = {};
        for (let k = 0; k < keys.length; k++) value[keys[k]] = parts[k]();
        return value;
      };
    }
    return read();
  }

  private reader(f: Field): () => unknown {
    switch (f) {
      case 'str': return () => this.str();
      case 'uint': return () => this.uint();
      case 'uint?': return () => { const v = this.uint(); return v === 0 ? null : v - 1; };
      case 'bool': return () => this.uint() === 1;
      case 'true': return () => true;
      case 'strs': return () => this.strs();
      case 'strs?': return () => (this.uint() === 0 ? null : this.strs());
      default: {
        if (!('list' in f)) return () => this.record(f as Fields);
        const item = f.list as Fields;
        return () => {
          const xs = new Array<Record<string, unknown>>(this.uint());
          for (let i = 0; i < xs.length; i++) xs[i] = this.record(item);
          return xs;
        };
      }
    }
  }
}

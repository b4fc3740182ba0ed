import type { RandomAccessFile } from './file';
import { decodeStream } from './filters';
import { PdfDict, PdfNumber, PdfStream, type PdfObject } from './objects';
import { NeedMoreData, PdfParser, PdfSyntaxError } from './parser';

export type XrefEntry =
  | { kind: 'free' }
  | { kind: 'offset'; offset: number; gen: number }
  | { kind: 'compressed'; stream: number; index: number };

export interface XrefSection {
  offset: number;
  kind: 'table' | 'stream';
  trailer: PdfDict;
  entries: Map<number, XrefEntry>;
}

export interface IndirectObject {
  num: number;
  gen: number;
  value: PdfObject;
}

/**
 * Parses with a growing window: objects are small except streams, whose data is read by length.
 * `resolveLength` resolves an indirect /Length.
 */
export function parseWithWindow<T>(
  file: RandomAccessFile,
  offset: number,
  parse: (parser: PdfParser) => T,
): T {
  for (let window = 4096; ; window *= 4) {
    const bytes = file.read(offset, window);
    try {
      return parse(new PdfParser(bytes, offset));
    } catch (error) {
      if (!(error instanceof NeedMoreData)) throw error;
      if (offset + bytes.length >= file.size)
        throw new PdfSyntaxError(`the file ends inside the object at ${offset}`);
    }
  }
}

export function readIndirectAt(
  file: RandomAccessFile,
  offset: number,
  resolveLength: (value: PdfObject) => number,
): IndirectObject {
  const head = parseWithWindow(file, offset, (parser) => {
    const num = parser.integer();
    const gen = parser.integer();
    parser.expectWord('obj');
    const value = parser.parseObject();
    const keyword = parser.word();
    if (keyword === 'stream') return { num, gen, value, dataStart: parser.streamDataStart() };
    if (keyword !== 'endobj') throw new PdfSyntaxError(`expected "endobj" in object ${num} at ${offset}`);
    return { num, gen, value, dataStart: -1 };
  });
  if (head.dataStart < 0) return { num: head.num, gen: head.gen, value: head.value };
  if (!(head.value instanceof PdfDict)) throw new PdfSyntaxError(`stream without a dictionary at ${offset}`);
  const lengthValue = head.value.get('Length');
  const length = resolveLength(lengthValue ?? null);
  if (head.dataStart + length > file.size)
    throw new PdfSyntaxError(`stream of object ${head.num} runs past the end of the file`);
  const data = file.read(head.dataStart, length);
  const after = file.read(head.dataStart + length, 32).toString('latin1');
  if (!/^\s*endstream/.test(after))
    throw new PdfSyntaxError(`stream of object ${head.num} has a wrong /Length`);
  return { num: head.num, gen: head.gen, value: new PdfStream(head.value, data) };
}

/** Finds the `startxref` value of the revision that ends at `end` (the file size for the latest). */
export function findStartXref(file: RandomAccessFile, end = file.size): number {
  const tailStart = Math.max(0, end - 2048);
  const tail = file.read(tailStart, end - tailStart).toString('latin1');
  const eof = tail.lastIndexOf('%%EOF');
  const at = tail.lastIndexOf('startxref', eof < 0 ? undefined : eof);
  if (eof < 0 || at < 0) throw new PdfSyntaxError('no startxref/%%EOF at the end: the file is truncated');
  const match = /^startxref\s+(\d+)\s+%%EOF/.exec(tail.slice(at));
  if (!match) throw new PdfSyntaxError('malformed startxref');
  return Number(match[1]);
}

const intOf = (value: PdfObject | undefined): number => (value instanceof PdfNumber ? value.value : -1);

function readTable(file: RandomAccessFile, offset: number): XrefSection {
  return parseWithWindow(file, offset, (parser) => {
    parser.expectWord('xref');
    const entries = new Map<number, XrefEntry>();
    for (;;) {
      const word = parser.word();
      if (word === 'trailer') break;
      if (!/^\d+$/.test(word)) throw new PdfSyntaxError(`bad xref subsection at ${offset}`);
      const start = Number(word);
      const count = parser.integer();
      for (let i = 0; i < count; i++) {
        const entryOffset = parser.integer();
        const gen = parser.integer();
        const type = parser.word();
        if (type !== 'n' && type !== 'f') throw new PdfSyntaxError(`bad xref entry at ${offset}`);
        if (!entries.has(start + i))
          entries.set(
            start + i,
            type === 'n' ? { kind: 'offset', offset: entryOffset, gen } : { kind: 'free' },
          );
      }
    }
    const trailer = parser.parseObject();
    if (!(trailer instanceof PdfDict)) throw new PdfSyntaxError('bad trailer');
    return { offset, kind: 'table' as const, trailer, entries };
  });
}

function readStreamSection(file: RandomAccessFile, offset: number): XrefSection {
  const object = readIndirectAt(file, offset, (value) => {
    if (!(value instanceof PdfNumber)) throw new PdfSyntaxError('an xref stream needs a direct /Length');
    return value.value;
  });
  const stream = object.value;
  if (!(stream instanceof PdfStream) || stream.dict.name('Type') !== 'XRef')
    throw new PdfSyntaxError(`no xref at ${offset}`);
  const widths = stream.dict.get('W');
  if (!Array.isArray(widths) || widths.length !== 3) throw new PdfSyntaxError('bad xref stream /W');
  const [w0, w1, w2] = widths.map(intOf) as [number, number, number];
  const size = intOf(stream.dict.get('Size'));
  const index = stream.dict.get('Index');
  const ranges = Array.isArray(index) ? index.map(intOf) : [0, size];
  const data = decodeStream(stream);
  const field = (at: number, width: number) => {
    let value = 0;
    for (let i = 0; i < width; i++) value = value * 256 + data[at + i]!;
    return value;
  };
  const entries = new Map<number, XrefEntry>();
  let at = 0;
  for (let r = 0; r + 1 < ranges.length; r += 2) {
    for (let i = 0; i < ranges[r + 1]!; i++) {
      if (at + w0 + w1 + w2 > data.length) throw new PdfSyntaxError('xref stream too short');
      const type = w0 === 0 ? 1 : field(at, w0);
      const a = field(at + w0, w1);
      const b = field(at + w0 + w1, w2);
      at += w0 + w1 + w2;
      const num = ranges[r]! + i;
      if (type === 0) entries.set(num, { kind: 'free' });
      else if (type === 1) entries.set(num, { kind: 'offset', offset: a, gen: b });
      else if (type === 2) entries.set(num, { kind: 'compressed', stream: a, index: b });
    }
  }
  return { offset, kind: 'stream', trailer: stream.dict, entries };
}

export function readSection(file: RandomAccessFile, offset: number): XrefSection {
  if (offset <= 0 || offset >= file.size)
    throw new PdfSyntaxError(`startxref ${offset} points outside the file`);
  // Some writers point startxref at the line break before the section: tolerate leading whitespace.
  const head = file.read(offset, 64).toString('latin1');
  const skipped = head.length - head.trimStart().length;
  return head.trimStart().startsWith('xref')
    ? readTable(file, offset + skipped)
    : readStreamSection(file, offset + skipped);
}

/** Every section reachable from `startxref`, newest first (hybrid /XRefStm included). */
export function readXrefChain(file: RandomAccessFile, startxref: number): XrefSection[] {
  const sections: XrefSection[] = [];
  const seen = new Set<number>();
  for (let offset: number | null = startxref; offset !== null;) {
    if (seen.has(offset)) throw new PdfSyntaxError('the xref /Prev chain loops');
    seen.add(offset);
    const section = readSection(file, offset);
    sections.push(section);
    const hybrid = intOf(section.trailer.get('XRefStm'));
    if (section.kind === 'table' && hybrid > 0 && !seen.has(hybrid)) {
      seen.add(hybrid);
      sections.push(readSection(file, hybrid));
    }
    const prev = intOf(section.trailer.get('Prev'));
    offset = prev >= 0 ? prev : null;
  }
  return sections;
}

/** The merged view: for each object, the entry of the newest section that has it. */
export function mergeEntries(sections: readonly XrefSection[]): Map<number, XrefEntry> {
  const merged = new Map<number, XrefEntry>();
  for (const section of sections) {
    for (const [num, entry] of section.entries) if (!merged.has(num)) merged.set(num, entry);
  }
  return merged;
}

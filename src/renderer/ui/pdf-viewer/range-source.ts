/** One answer of the office to "these bytes of the document": a range, or no bytes at all. */
export type RangeAnswer = { state: 'available'; size: number; bytes: Uint8Array } | { state: 'missing' };

/** Asks the office for `length` bytes from `offset` (one call never lends more than `maxCallLength`). */
export type RangeReader = (offset: number, length: number) => Promise<RangeAnswer>;

/** `length` bytes from `offset`. */
export interface ByteRange {
  offset: number;
  length: number;
}

/** The office's answer to many ranges at once: each one's bytes, in the order asked. */
export type RangesAnswer = { state: 'available'; size: number; parts: Uint8Array[] } | { state: 'missing' };

/** Asks the office for many ranges in one call (together never more than one call lends). */
export type RangesReader = (ranges: readonly ByteRange[]) => Promise<RangesAnswer>;

interface Pending {
  range: ByteRange;
  settle: (answer: Promise<RangeAnswer>) => void;
}

/** Consecutive runs of `pending` no longer than `maxLength` bytes and `maxCount` ranges each. */
function packed(pending: readonly Pending[], maxLength: number, maxCount: number): Pending[][] {
  const calls: Pending[][] = [];
  let length = Infinity;
  for (const item of pending) {
    const last = calls.at(-1);
    if (!last || last.length >= maxCount || length + item.range.length > maxLength) {
      calls.push([item]);
      length = item.range.length;
    } else {
      last.push(item);
      length += item.range.length;
    }
  }
  return calls;
}

/**
 * A range reader whose reads asked for in the same turn reach the office together, in calls of
 * at most `maxCallLength` bytes and `maxRanges` ranges: on opening a long document pdf.js asks
 * for hundreds of small ranges at once (every page's dictionary), and one call each would queue
 * them behind the browser's few connections. Each read asks for at most `maxCallLength` bytes.
 */
export function batchedReader(readMany: RangesReader, maxCallLength: number, maxRanges: number): RangeReader {
  let pending: Pending[] = [];
  const send = (call: readonly Pending[]) => {
    const answer = readMany(call.map((item) => item.range));
    call.forEach((item, index) =>
      item.settle(
        answer.then((settled): RangeAnswer => {
          if (settled.state === 'missing') return settled;
          const bytes = settled.parts[index];
          if (bytes === undefined) throw new PdfSourceError('changed');
          return { state: 'available', size: settled.size, bytes };
        }),
      ),
    );
  };
  const flush = () => {
    const waiting = pending;
    pending = [];
    packed(waiting, maxCallLength, maxRanges).forEach(send);
  };
  return (offset, length) =>
    new Promise<RangeAnswer>((resolve) => {
      if (pending.length === 0) setTimeout(flush, 0);
      pending.push({ range: { offset, length }, settle: resolve });
    });
}

/** Why a document cannot be shown before pdf.js even sees it. */
export type SourceProblem = 'missing' | 'not_pdf' | 'changed';

export class PdfSourceError extends Error {
  constructor(readonly problem: SourceProblem) {
    super(problem);
    this.name = 'PdfSourceError';
  }
}

/** What the viewer starts with: the document's size and its first bytes (all of a small one). */
export interface PdfSource {
  size: number;
  initialData: Uint8Array;
}

/** pdf.js, like other readers, accepts a header a little after the start: within the first KiB. */
const headerWindow = 1024;
const pdfHeader = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

export function looksLikePdf(bytes: Uint8Array): boolean {
  const last = Math.min(bytes.length, headerWindow) - pdfHeader.length;
  for (let start = 0; start <= last; start++)
    if (pdfHeader.every((byte, index) => bytes[start + index] === byte)) return true;
  return false;
}

async function available(read: RangeReader, offset: number, length: number) {
  const answer = await read(offset, length);
  if (answer.state === 'missing') throw new PdfSourceError('missing');
  return answer;
}

/**
 * The document's first range: its size, and whether it is a PDF at all, known before pdf.js loads
 * anything; a document no larger than the range arrives whole.
 */
export async function openPdfSource(read: RangeReader, firstLength: number): Promise<PdfSource> {
  const first = await available(read, 0, firstLength);
  if (!looksLikePdf(first.bytes)) throw new PdfSourceError('not_pdf');
  return { size: first.size, initialData: first.bytes };
}

/**
 * The bytes [begin, end) of a document of `size` bytes, asked for in calls of at most
 * `maxCallLength`, side by side. A size that changed means other bytes than the ones opened.
 */
export async function readPdfRange(
  read: RangeReader,
  size: number,
  begin: number,
  end: number,
  maxCallLength: number,
): Promise<Uint8Array> {
  const stop = Math.min(end, size);
  const offsets: number[] = [];
  for (let offset = begin; offset < stop; offset += maxCallLength) offsets.push(offset);
  const parts = await Promise.all(
    offsets.map((offset) => available(read, offset, Math.min(maxCallLength, stop - offset))),
  );
  const bytes = new Uint8Array(Math.max(0, stop - begin));
  for (const [index, part] of parts.entries()) {
    if (part.size !== size) throw new PdfSourceError('changed');
    bytes.set(part.bytes, offsets[index]! - begin);
  }
  return bytes;
}

/** One answer of the office to "these bytes of the document": a range, or no bytes at all. */
export type RangeAnswer = { state: 'available'; size: number; bytes: Uint8Array } | { state: 'missing' };

/** Asks the office for `length` bytes from `offset` (one call never lends more than `maxCallLength`). */
export type RangeReader = (offset: number, length: number) => Promise<RangeAnswer>;

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

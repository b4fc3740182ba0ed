import {
  getDocument,
  PDFDataRangeTransport,
  type PDFDocumentLoadingTask,
  type PDFDocumentProxy,
  type PDFWorker,
} from 'pdfjs-dist';
import { openPdfSource, readPdfRange, type RangeReader } from './range-source';

/**
 * pdf.js asks for ranges this large, and no smaller. Small, because before it resolves a document
 * pdf.js checks its page count by finding the last page (`checkLastPage`), and when the page tree
 * is flat (every page a kid of the root, as pdf-lib and many scanners write it) that means every
 * page's dictionary, which sit next to each page's content all through the file: a chunk per page.
 * At 256 KiB that was the whole 30 MB of a 300-page scan; at 1 KiB it is 300 KiB, asked for at once.
 */
export const rangeChunkSize = 1024;

/**
 * Each read of pdf.js's goes on to at least this many bytes from its start. pdf.js asks for the
 * chunk where the object it parses begins, and for the next one only once it runs into it: a page
 * dictionary across a chunk boundary cost a second round trip (16 of the 300 at 4 KiB chunks, one
 * after the other). Any object of up to three chunks now comes whole with its first read.
 */
export const minReadLength = 4 * rangeChunkSize;

/**
 * How much of the document's end is read before pdf.js starts: it reads the cross-reference table
 * there first, backwards one chunk at a time (one round trip each); 64 KiB holds the table of
 * about 3,000 objects.
 */
const tailLength = 64 * 1024;

/** Bytes already read, from `begin` to the document's end. */
interface Tail {
  begin: number;
  bytes: Uint8Array;
}

/** Feeds pdf.js the ranges it asks for from the office, so page 1 is drawn before the rest arrives. */
class OfficeRangeTransport extends PDFDataRangeTransport {
  constructor(
    private readonly read: RangeReader,
    size: number,
    initialData: Uint8Array,
    private readonly tail: Tail,
    private readonly maxCallLength: number,
    private readonly onFailure: (error: unknown) => void,
  ) {
    super(size, initialData);
  }

  override requestDataRange(begin: number, end: number): void {
    const { tail } = this;
    const bytes =
      begin >= tail.begin
        ? Promise.resolve(tail.bytes.subarray(begin - tail.begin, end - tail.begin))
        : readPdfRange(
            this.read,
            this.length,
            begin,
            Math.max(end, begin + minReadLength),
            this.maxCallLength,
          );
    bytes.then((range) => this.onDataRange(begin, range), this.onFailure);
  }
}

/** The document's end from a chunk boundary (pdf.js asks for whole chunks), past the first range. */
async function readTail(read: RangeReader, size: number, maxCallLength: number): Promise<Tail> {
  const begin = Math.max(minReadLength, Math.floor((size - tailLength) / rangeChunkSize) * rangeChunkSize);
  const bytes = begin < size ? await readPdfRange(read, size, begin, size, maxCallLength) : new Uint8Array();
  return { begin, bytes };
}

export interface RangedDocument {
  document: PDFDocumentProxy;
  close(): Promise<void>;
}

/**
 * Opens a document whose bytes come by ranges from the office, reading only what pdf.js asks for
 * (no streaming, no fetching ahead). Nothing is fetched from elsewhere: no eval (the CSP forbids
 * it), no WebAssembly decoders, no font or colour-map files; fonts the document does not embed are
 * drawn with the system's.
 */
export async function openRangedDocument(
  read: RangeReader,
  maxCallLength: number,
  worker?: PDFWorker,
): Promise<RangedDocument> {
  const source = await openPdfSource(read, minReadLength);
  const tail = await readTail(read, source.size, maxCallLength);
  let task: PDFDocumentLoadingTask | null = null;
  let failed: unknown = null;
  const transport = new OfficeRangeTransport(
    read,
    source.size,
    source.initialData,
    tail,
    maxCallLength,
    (error) => {
      failed = error;
      void task?.destroy();
    },
  );
  task = getDocument({
    range: transport,
    length: source.size,
    rangeChunkSize,
    disableAutoFetch: true,
    disableStream: true,
    ...(worker ? { worker } : {}),
    isEvalSupported: false,
    useWasm: false,
    enableXfa: false,
    stopAtErrors: false,
  });
  try {
    const document = await task.promise;
    return { document, close: () => task!.destroy() };
  } catch (error) {
    throw failed ?? error;
  }
}

import {
  getDocument,
  PDFDataRangeTransport,
  PDFWorker,
  type PDFDocumentLoadingTask,
  type PDFDocumentProxy,
} from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { openPdfSource, PdfSourceError, readPdfRange, type RangeReader } from './range-source';

/** What the user is told when a document cannot be shown. */
export type ViewerProblem = 'missing' | 'not_pdf' | 'unreadable' | 'password' | 'changed' | 'connection';

/** pdf.js asks for ranges this large; its first request is the document's start, this large too. */
const rangeChunkSize = 256 * 1024;

/** One worker for every document the desk opens: starting one costs more than the first page. */
let worker: PDFWorker | null = null;
const sharedWorker = (): PDFWorker =>
  (worker ??= PDFWorker.create({ port: new Worker(workerUrl, { type: 'module', name: 'pdf.js' }) }));

/** Feeds pdf.js the ranges it asks for from the office, so page 1 is drawn before the rest arrives. */
class OfficeRangeTransport extends PDFDataRangeTransport {
  constructor(
    private readonly read: RangeReader,
    size: number,
    initialData: Uint8Array,
    private readonly maxCallLength: number,
    private readonly onFailure: (error: unknown) => void,
  ) {
    super(size, initialData);
  }

  override requestDataRange(begin: number, end: number): void {
    readPdfRange(this.read, this.length, begin, end, this.maxCallLength).then(
      (bytes) => this.onDataRange(begin, bytes),
      this.onFailure,
    );
  }
}

export function problemOf(error: unknown): ViewerProblem {
  if (error instanceof PdfSourceError) return error.problem;
  // pdf.js rebuilds the worker's exceptions on this side: their names say what they were.
  const name = error instanceof Error ? error.name : '';
  // The header was found (else PdfSourceError): what pdf.js calls an invalid PDF is a damaged one.
  if (name === 'PasswordException') return 'password';
  if (name === 'ApiError') return 'connection';
  return 'unreadable';
}

export interface LoadedPdf {
  document: PDFDocumentProxy;
  close(): Promise<void>;
}

/**
 * Opens a document whose bytes come by ranges from the office. Nothing is fetched from elsewhere:
 * no eval (the CSP forbids it), no WebAssembly decoders, no font or colour-map files; fonts the
 * document does not embed are drawn with the system's.
 */
export async function loadPdf(read: RangeReader, maxCallLength: number): Promise<LoadedPdf> {
  const source = await openPdfSource(read, rangeChunkSize);
  let task: PDFDocumentLoadingTask | null = null;
  let failed: unknown = null;
  const transport = new OfficeRangeTransport(
    read,
    source.size,
    source.initialData,
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
    worker: sharedWorker(),
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

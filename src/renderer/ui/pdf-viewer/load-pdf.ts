import { PDFWorker } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { openRangedDocument, type RangedDocument } from './ranged-document';
import { PdfSourceError, type RangeReader } from './range-source';

/** What the user is told when a document cannot be shown. */
export type ViewerProblem = 'missing' | 'not_pdf' | 'unreadable' | 'password' | 'changed' | 'connection';

/** One worker for every document the desk opens: starting one costs more than the first page. */
let worker: PDFWorker | null = null;
const sharedWorker = (): PDFWorker =>
  (worker ??= PDFWorker.create({ port: new Worker(workerUrl, { type: 'module', name: 'pdf.js' }) }));

/** Starts pdf.js's worker before a document is opened (see `preloadViewer`). */
export const startPdfWorker = (): void => void sharedWorker();

export function problemOf(error: unknown): ViewerProblem {
  if (error instanceof PdfSourceError) return error.problem;
  // pdf.js rebuilds the worker's exceptions on this side: their names say what they were.
  const name = error instanceof Error ? error.name : '';
  // The header was found (else PdfSourceError): what pdf.js calls an invalid PDF is a damaged one.
  if (name === 'PasswordException') return 'password';
  if (name === 'ApiError') return 'connection';
  return 'unreadable';
}

/** Opens a document whose bytes come by ranges from the office, on the desk's pdf.js worker. */
export const loadPdf = (read: RangeReader, maxCallLength: number): Promise<RangedDocument> =>
  openRangedDocument(read, maxCallLength, sharedWorker());

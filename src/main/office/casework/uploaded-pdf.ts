import { EncryptedPDFError, PDFDocument } from 'pdf-lib';
import { maxUploadBytes, type UploadedPdf } from '../../../shared/api/casework';
import { ApiError } from '../../../shared/api/errors';

/** PDF 1.7 (ISO 32000-1, 7.5.2): the header may follow up to 1024 bytes of anything. */
const headerWindow = 1024;

const refused = (reason: 'not_pdf' | 'pdf_encrypted' | 'too_large') =>
  new ApiError('invalid_input', { field: 'file', reason, max: maxUploadBytes });

/**
 * The bytes of an uploaded PDF, once they are one: within the size cap, with a PDF header, and
 * readable page by page by pdf-lib (a renamed image or a truncated file is not). An encrypted PDF
 * is refused too: the office could not stamp, index or export it.
 */
export async function readUploadedPdf(file: UploadedPdf): Promise<Uint8Array> {
  const bytes = new Uint8Array(Buffer.from(file.pdfBase64, 'base64'));
  if (bytes.byteLength > maxUploadBytes) throw refused('too_large');
  const start = Buffer.from(bytes.subarray(0, headerWindow)).toString('latin1');
  if (!start.includes('%PDF-')) throw refused('not_pdf');
  let pages: number;
  try {
    pages = (await PDFDocument.load(bytes, { updateMetadata: false })).getPageCount();
  } catch (error) {
    throw refused(error instanceof EncryptedPDFError ? 'pdf_encrypted' : 'not_pdf');
  }
  if (pages === 0) throw refused('not_pdf');
  return bytes;
}

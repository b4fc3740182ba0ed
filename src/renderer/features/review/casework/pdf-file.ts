import { maxUploadBytes, type UploadedPdf } from '../../../../shared/api/casework';

/** Why a chosen file is not sent: the desk says so before anything leaves it. */
export type PdfFileProblem = 'tooLarge' | 'notPdf' | 'unreadable';

export type PdfFileOutcome = { ok: true; file: UploadedPdf } | { ok: false; problem: PdfFileProblem };

/** PDF 1.7 (ISO 32000-1, 7.5.2): the header may follow up to 1024 bytes of anything. */
const headerWindow = 1024;

/**
 * Reads a chosen file for upload, refusing first what the office would refuse: over the size cap
 * (checked before reading, so a 500 MB pick costs nothing) or without a PDF header. The office checks
 * again, and parses it.
 */
export async function readPdfFile(file: File): Promise<PdfFileOutcome> {
  if (file.size > maxUploadBytes) return { ok: false, problem: 'tooLarge' };
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    return { ok: false, problem: 'unreadable' };
  }
  const start = new TextDecoder('latin1').decode(bytes.subarray(0, headerWindow));
  if (!start.includes('%PDF-')) return { ok: false, problem: 'notPdf' };
  let binary = '';
  const chunk = 0x8000;
  for (let offset = 0; offset < bytes.length; offset += chunk)
    binary += String.fromCharCode(...bytes.subarray(offset, offset + chunk));
  return { ok: true, file: { fileName: file.name, pdfBase64: btoa(binary) } };
}

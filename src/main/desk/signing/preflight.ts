import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { SigningError } from './errors';
import { PdfDocument } from '../pdf/document';
import { PdfSyntaxError } from '../pdf/parser';
import type { CertificateInfo } from '../crypto/certificate';

/** xref streams we write hold 4-byte offsets; far below that, nobody signs a 2 GiB resolution. */
export const maxPdfBytes = 2 ** 31;

export interface CheckedPdf {
  path: string;
  document: PdfDocument;
  pageCount: number;
}

/**
 * Everything that can be refused before the card is touched: not a PDF, truncated, encrypted,
 * certified against changes, a cross-reference that does not hold together.
 */
export function checkPdfForSigning(path: string, maxBytes = maxPdfBytes): CheckedPdf {
  const file = basename(path);
  let document: PdfDocument;
  try {
    const size = statSync(path).size;
    if (size > maxBytes)
      throw new SigningError('input', 'signing.input.tooLarge', {
        file,
        size: Math.round(size / 2 ** 20),
        max: Math.round(maxBytes / 2 ** 20),
      });
    document = PdfDocument.open(path);
  } catch (error) {
    throw classify(error, file);
  }
  try {
    if (document.isEncrypted) throw new SigningError('input', 'signing.input.encrypted', { file });
    document.checkXrefOffsets();
    const pageCount = document.pages().length;
    if (document.docMdpPermission() === 1)
      throw new SigningError('input', 'signing.input.certified', { file });
    return { path, document, pageCount };
  } catch (error) {
    document.close();
    throw classify(error, file);
  }
}

function classify(error: unknown, file: string): SigningError {
  if (error instanceof SigningError) return error;
  if (error instanceof PdfSyntaxError) {
    if (/truncated|ends inside|no startxref/.test(error.message))
      return new SigningError('input', 'signing.input.truncated', { file }, { cause: error });
    if (/not a PDF/.test(error.message))
      return new SigningError('input', 'signing.input.notPdf', { file }, { cause: error });
    return new SigningError(
      'input',
      'signing.input.damaged',
      { file, detail: error.message },
      { cause: error },
    );
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR')
    return new SigningError('input', 'signing.input.unreadable', { file }, { cause: error });
  return new SigningError(
    'input',
    'signing.input.damaged',
    { file, detail: error instanceof Error ? error.message : String(error) },
    { cause: error },
  );
}

/** A signing certificate must allow nonRepudiation and be valid now. */
export function checkSigningCertificate(certificate: CertificateInfo, now: Date): void {
  if (!certificate.keyUsage?.has('nonRepudiation'))
    throw new SigningError('certificate', 'signing.certificate.noNonRepudiation');
  if (now < certificate.notBefore)
    throw new SigningError('certificate', 'signing.certificate.notYetValid', {
      date: certificate.notBefore.toISOString().slice(0, 10),
    });
  if (now > certificate.notAfter)
    throw new SigningError('certificate', 'signing.certificate.expired', {
      date: certificate.notAfter.toISOString().slice(0, 10),
    });
}

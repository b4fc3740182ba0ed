import { existsSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { SigningSession } from '../signing-session';
import { parseCertificate } from '../crypto/certificate';
import { describeTokenFailure } from '../tokens/describe';
import { SigningError } from './errors';
import { checkPdfForSigning, checkSigningCertificate, type CheckedPdf } from './preflight';
import { startPdfSignature, type PdfSigningOptions, type SignedPdf } from './sign-pdf';

export interface BatchRequest {
  files: readonly string[];
  outDir: string;
  /**
   * Logs in (once for the whole batch). Called only after every input passed its checks; hands
   * the certificate to `checkCertificate` before the PIN is used, where the token can show it.
   */
  openSession: (checkCertificate: (certificate: Uint8Array) => void) => Promise<SigningSession>;
  options?: PdfSigningOptions;
  onSigned?: (result: SignedPdf) => void;
}

export type BatchOutcome =
  /** Every file signed. */
  | { status: 'done'; signed: SignedPdf[] }
  /** Refused before the card was used: nothing was written. */
  | { status: 'refused'; error: SigningError }
  /** Stopped part-way: `signed` are complete and valid, `untouched` were not written. */
  | { status: 'stopped'; signed: SignedPdf[]; untouched: string[]; error: SigningError };

function checkOutput(path: string, outDir: string, realOutDir: string): void {
  const file = basename(path);
  if (existsSync(join(outDir, file))) throw new SigningError('input', 'signing.input.outputExists', { file });
  if (realpathSync(dirname(path)) === realOutDir)
    throw new SigningError('input', 'signing.input.sameAsOutput', { file });
}

/**
 * One login, many documents. Every input is checked before the card is touched; a failure
 * part-way (card removed, TSA down) leaves finished files complete and the rest unwritten.
 */
export async function signBatch(request: BatchRequest): Promise<BatchOutcome> {
  if (!existsSync(request.outDir) || !statSync(request.outDir).isDirectory()) {
    return {
      status: 'refused',
      error: new SigningError('input', 'signing.cli.outDirMissing', { dir: request.outDir }),
    };
  }
  const checked: CheckedPdf[] = [];
  const realOutDir = realpathSync(request.outDir);
  try {
    const names = new Set<string>();
    for (const path of request.files) {
      if (names.has(basename(path)))
        throw new SigningError('input', 'signing.input.outputExists', { file: basename(path) });
      names.add(basename(path));
      checkOutput(path, request.outDir, realOutDir);
      checked.push(checkPdfForSigning(path));
    }
  } catch (error) {
    checked.forEach((input) => input.document.close());
    return { status: 'refused', error: describeTokenFailure(error) };
  }

  const checkCertificate = (certificate: Uint8Array) =>
    checkSigningCertificate(parseCertificate(certificate), request.options?.now?.() ?? new Date());
  let session: SigningSession;
  try {
    session = await request.openSession(checkCertificate);
  } catch (error) {
    checked.forEach((input) => input.document.close());
    return { status: 'refused', error: describeTokenFailure(error) };
  }
  const signed: SignedPdf[] = [];
  // The previous document's fsync runs while the next one is signed; it is always awaited.
  let settling: { path: string; done: Promise<SignedPdf> } | null = null;
  const settle = async () => {
    if (!settling) return;
    const current = settling;
    settling = null;
    const result = await current.done;
    signed.push(result);
    request.onSigned?.(result);
  };
  const stopped = async (error: unknown): Promise<BatchOutcome> => {
    const reason = describeTokenFailure(error);
    await settle().catch(() => undefined);
    const finished = new Set(signed.map((result) => result.source));
    return {
      status: 'stopped',
      signed,
      untouched: checked.map((item) => item.path).filter((path) => !finished.has(path)),
      error: reason,
    };
  };
  try {
    // Again on the certificate the session signs with, whatever the opener did.
    checkCertificate(session.certificate);
  } catch (error) {
    checked.forEach((input) => input.document.close());
    await session.close();
    return { status: 'refused', error: describeTokenFailure(error) };
  }
  try {
    for (const input of checked) {
      const started = await startPdfSignature(input, session, request.outDir, request.options);
      await settle();
      // Handled here so that a failed fsync does not count as an unhandled rejection before it is awaited.
      started.done.catch(() => undefined);
      settling = { path: input.path, done: started.done };
    }
    await settle();
    return { status: 'done', signed };
  } catch (error) {
    return await stopped(error);
  } finally {
    checked.forEach((input) => input.document.close());
    await session.close();
  }
}

import { existsSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { signingFailureMessageKey } from '../../../shared/api/signing-failure';
import type { MessageKey, MessageParams } from '../../../shared/i18n/fill';
import { isMessageKey } from '../../../shared/i18n/keys';
import type { SigningSession } from '../signing-session';
import { SigningError, type FailureKind } from './errors';
import type { SigningFailure } from './failure';
import { signItems, type SigningItem } from './service';
import type { PdfSigningOptions, SignedPdf } from './sign-pdf';

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

/** Why a batch of files was refused or stopped, as the CLI prints it and picks its exit code. */
export interface BatchFailure {
  kind: FailureKind;
  key: MessageKey;
  params: MessageParams;
}

export type BatchOutcome =
  /** Every file signed. */
  | { status: 'done'; signed: SignedPdf[] }
  /** Refused before the card was used: nothing was written. */
  | { status: 'refused'; error: BatchFailure }
  /** Stopped part-way: `signed` are complete and valid, `untouched` were not written. */
  | { status: 'stopped'; signed: SignedPdf[]; untouched: string[]; error: BatchFailure };

function checkOutput(path: string, outDir: string, realOutDir: string): void {
  const file = basename(path);
  if (existsSync(join(outDir, file))) throw new SigningError('input', 'signing.input.outputExists', { file });
  if (realpathSync(dirname(path)) === realOutDir)
    throw new SigningError('input', 'signing.input.sameAsOutput', { file });
}

function batchFailure(failure: SigningFailure | null): BatchFailure {
  const key = failure ? signingFailureMessageKey(failure) : 'errors.internal';
  if (!failure || !isMessageKey(key) || failure.kind === 'office' || failure.kind === 'cancelled')
    return { kind: 'internal', key: 'errors.internal', params: {} };
  return { kind: failure.kind, key, params: failure.params };
}

/**
 * Files into a folder, all or nothing (`despacho sign`): every input is checked before the card
 * is touched, one login signs them all, and a failure part-way leaves finished files complete and
 * the rest unwritten. A client of the signing service, like the tray.
 */
export async function signBatch(request: BatchRequest): Promise<BatchOutcome> {
  if (!existsSync(request.outDir) || !statSync(request.outDir).isDirectory()) {
    return {
      status: 'refused',
      error: { kind: 'input', key: 'signing.cli.outDirMissing', params: { dir: request.outDir } },
    };
  }
  const realOutDir = realpathSync(request.outDir);
  const names = new Set<string>();
  const items: SigningItem<SignedPdf>[] = request.files.map((path) => ({
    id: path,
    open: () => {
      if (names.has(basename(path)))
        throw new SigningError('input', 'signing.input.outputExists', { file: basename(path) });
      names.add(basename(path));
      checkOutput(path, request.outDir, realOutDir);
      return { path, outDir: request.outDir };
    },
    store: async (signed) => {
      request.onSigned?.(signed);
      return signed;
    },
  }));
  const result = await signItems({
    items,
    key: { open: request.openSession },
    ...(request.options ? { options: request.options } : {}),
    allOrNothing: true,
  });
  const signed = result.outcomes.flatMap((outcome) => (outcome.state === 'signed' ? [outcome.stored] : []));
  if (result.status === 'done') return { status: 'done', signed };
  if (result.status === 'refused') return { status: 'refused', error: batchFailure(result.failure) };
  const finished = new Set(signed.map((file) => file.source));
  return {
    status: 'stopped',
    signed,
    untouched: request.files.filter((path) => !finished.has(path)),
    error: batchFailure(result.failure),
  };
}

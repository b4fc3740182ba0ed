import { basename } from 'node:path';
import { SigningError } from './errors';
import type { CheckedPdf } from './preflight';

/** What a verifier says about one signature a document already carries. */
export interface EarlierSignature {
  field: string;
  /** The holder's name, when the CMS can be read. */
  signer: string | null;
  /**
   * `changed`: the bytes it signed differ; `damaged`: its CMS does not check out;
   * `modifiedAfter`: content changed in a later revision; `intact` otherwise.
   */
  state: 'intact' | 'changed' | 'damaged' | 'modifiedAfter';
}

/**
 * The verifier, as signing sees it: the caller (the composition, the command line) passes it in,
 * so that signing depends on no part of desk/verify.
 */
export type EarlierSignatureCheck = (path: string) => Promise<readonly EarlierSignature[]>;

const brokenKeys = {
  changed: 'signing.input.signatureChanged',
  damaged: 'signing.input.signatureDamaged',
  modifiedAfter: 'signing.input.modifiedAfterSignature',
} as const;

/** The checked documents whose earlier signatures a verifier has passed (or that have none). */
const passed = new WeakSet<CheckedPdf>();

/**
 * A document whose earlier signature no longer verifies is not signed: a new signature would
 * seal a tampered document. Without a check, a document that carries signatures is refused.
 * Run before the card is touched; `startPdfSignature` runs it too for documents not yet passed.
 */
export async function refuseBrokenSignatures(
  input: CheckedPdf,
  check: EarlierSignatureCheck | undefined,
): Promise<void> {
  if (passed.has(input)) return;
  const file = basename(input.path);
  if (input.document.signatureFields().some((field) => field.value !== null)) {
    if (!check) throw new SigningError('input', 'signing.input.signaturesUnchecked', { file });
    for (const { field, signer, state } of await check(input.path)) {
      if (state === 'intact') continue;
      if (signer === null)
        throw new SigningError('input', 'signing.input.signatureUnreadable', { file, field });
      throw new SigningError('input', brokenKeys[state], { file, field, signer });
    }
  }
  passed.add(input);
}

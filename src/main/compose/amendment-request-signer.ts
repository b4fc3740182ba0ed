import { ApiError } from '../../shared/api/errors';
import { failureOf } from '../desk/signing/failure';
import type { SigningSession } from '../desk/signing-session';
import type { AmendmentRequestSigner } from '../office/amendments/handlers';
import type { RequestToSign } from '../office/amendments/requests';
import { signOnePdf, type CardSignedPdf } from './card-signed-pdf';
import type { OwnCardOpener } from './eni-export-card';
import type { OfficeSeal } from './office-seal';

export interface AmendmentSigningOptions {
  /** The office's seal, for a request signed with no card. */
  seal: OfficeSeal;
  /**
   * The desk's cards, where it has a reader (asked at each request: the desk opens its cards after
   * its office). A processor signs with their own.
   */
  card: () => OwnCardOpener | null;
  /** CA certificates that may complete the signer's chain. */
  intermediates: readonly Uint8Array[];
}

/** An amendment request signed with an open session (its owner closes it), dated at the request's instant. */
export const signRequestWith = (
  session: SigningSession,
  document: RequestToSign,
  intermediates: readonly Uint8Array[],
): Promise<CardSignedPdf> =>
  signOnePdf({ session }, document, { reason: document.reason, intermediates, now: () => document.at });

/**
 * Signs an amendment request (art. 68) as the desk can: with the processor's own card (a
 * certificate fit to sign, the processor's NIF, a trusted chain: refused as an `ApiError`), or
 * with the office's seal. The card's own word (a wrong PIN, the card removed) comes back as a
 * failure for the PIN dialog to tell; anything else, and any failure of the seal, is thrown.
 */
export function amendmentRequestSigner(options: AmendmentSigningOptions): AmendmentRequestSigner {
  return (actor, key) => async (document) => {
    const card = options.card();
    if (key && !card) throw new ApiError('desk_only');
    const { at } = document;
    let session: SigningSession;
    try {
      session = key && card ? await card.open(actor, key, at) : await options.seal(at);
    } catch (error) {
      const failure = key && !(error instanceof ApiError) ? failureOf(error) : null;
      if (failure && failure.kind !== 'internal') return { failure };
      throw error;
    }
    let signing: CardSignedPdf;
    try {
      signing = await signRequestWith(session, document, options.intermediates);
    } finally {
      await session.close();
    }
    if ('signed' in signing) return { signed: signing.signed, signedWith: key ? 'card' : 'seal' };
    if (key && signing.failure.kind !== 'internal') return signing;
    throw new Error(`the amendment request was not signed: ${signing.failure.kind}.${signing.failure.code}`);
  };
}

import { tmpdir } from 'node:os';
import { ApiError } from '../../shared/api/errors';
import { documentItem } from '../desk/signing/document-item';
import { failureOf, type SigningFailure } from '../desk/signing/failure';
import { signItems } from '../desk/signing/service';
import type { SigningSession } from '../desk/signing-session';
import type { AmendmentRequestSigner } from '../office/amendments/handlers';
import type { RequestToSign } from '../office/amendments/requests';
import type { OwnCardOpener } from './eni-export-card';

export interface AmendmentSigningOptions {
  /** The office's seal (the demo's practice seal), for a request signed with no card. */
  seal: (now: Date) => Promise<SigningSession>;
  /**
   * The desk's cards, where it has a reader (asked at each request: the desk opens its cards after
   * its office). A processor signs with their own.
   */
  card: () => OwnCardOpener | null;
  /** CA certificates that may complete the signer's chain. */
  intermediates: readonly Uint8Array[];
}

/** One PDF signed (PAdES, invisible) with an open session, all or nothing; its owner closes the session. */
async function signWith(
  session: SigningSession,
  document: RequestToSign,
  intermediates: readonly Uint8Array[],
): Promise<{ signed: Uint8Array } | { failure: SigningFailure }> {
  const result = await signItems({
    items: [
      documentItem(
        { id: document.name, name: document.name, pdf: document.pdf, store: async (signed) => signed },
        tmpdir(),
      ),
    ],
    key: { session },
    options: { reason: document.reason, intermediates, now: () => document.at },
    allOrNothing: true,
  });
  const [outcome] = result.outcomes;
  if (outcome?.state === 'signed') return { signed: outcome.stored };
  return {
    failure: result.failure ?? outcome?.failure ?? { kind: 'internal', code: 'internal', params: {} },
  };
}

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
    let signing: Awaited<ReturnType<typeof signWith>>;
    try {
      signing = await signWith(session, document, options.intermediates);
    } finally {
      await session.close();
    }
    if ('signed' in signing) return { signed: signing.signed, signedWith: key ? 'card' : 'seal' };
    if (key && signing.failure.kind !== 'internal') return signing;
    throw new Error(`the amendment request was not signed: ${signing.failure.kind}.${signing.failure.code}`);
  };
}

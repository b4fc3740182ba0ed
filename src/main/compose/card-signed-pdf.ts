import { tmpdir } from 'node:os';
import { ApiError } from '../../shared/api/errors';
import type { CardKeyInput } from '../../shared/api/signing';
import type { SigningFailure } from '../../shared/api/signing-failure';
import { documentItem } from '../desk/signing/document-item';
import { signItems, type SessionSource } from '../desk/signing/service';
import type { PdfSigningOptions } from '../desk/signing/sign-pdf';
import { cardKey } from '../desk/tokens/card-key';
import type { CardDesk } from './card-desk';
import { certificateOfNif, sessionRequestOf } from './card-key-input';

export interface PdfForTheCard {
  pdf: Uint8Array;
  /** Names its temporary file and the signature's item. */
  name: string;
  /** The signature's /Reason. */
  reason: string;
  /** The NIF the certificate must carry: the signer's own card, no one else's. */
  signerNif: string;
}

export type CardSignedPdf = { signed: Uint8Array } | { failure: SigningFailure };

/**
 * One PDF signed (PAdES, invisible) with a key, all or nothing: the signed bytes, or why not. An
 * open session stays open (its owner closes it); an opener's is closed here.
 */
export async function signOnePdf(
  key: SessionSource,
  document: { pdf: Uint8Array; name: string },
  options: PdfSigningOptions,
): Promise<CardSignedPdf> {
  const result = await signItems({
    items: [
      documentItem(
        { id: document.name, name: document.name, pdf: document.pdf, store: async (signed) => signed },
        tmpdir(),
      ),
    ],
    key,
    options,
    allOrNothing: true,
  });
  const [outcome] = result.outcomes;
  if (outcome?.state === 'signed') return { signed: outcome.stored };
  return {
    failure: result.failure ?? outcome?.failure ?? { kind: 'internal', code: 'internal', params: {} },
  };
}

/**
 * One PDF signed (PAdES, invisible) with a card of this desk, all or nothing: the signed bytes, or
 * why not (a wrong PIN, the card removed, a certificate unfit or not the signer's own, refused before
 * the PIN is used). A module the desk does not look in is refused as input.
 */
export async function signPdfWithCard(
  cards: Pick<CardDesk, 'tokens' | 'knows'>,
  document: PdfForTheCard,
  key: CardKeyInput,
  options: PdfSigningOptions,
): Promise<CardSignedPdf> {
  if (!cards.knows(key.token.module)) throw new ApiError('invalid_input', { field: 'card.token.module' });
  const card = cardKey(cards.tokens, sessionRequestOf(key));
  return signOnePdf(
    {
      open: (checkCertificate) =>
        card.open((certificate) => {
          checkCertificate(certificate);
          if (!certificateOfNif(certificate, document.signerNif))
            throw new ApiError('signature_wrong_certificate');
        }),
    },
    document,
    { ...options, reason: document.reason },
  );
}

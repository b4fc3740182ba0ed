import { z } from 'zod';
import { caseReaders } from './cases';
import { call } from './define';
import { plainText } from './text';

const isoInstant = z.string().datetime({ offset: true });
const idInput = plainText({ min: 1, max: 64 });

/**
 * The verifier's word on one signature: valid (a trusted issuer, intact), invalid, unknown issuer
 * (intact, but no trusted issuer vouches for the signer) or training (a practice certificate's,
 * never valid).
 */
export const signatureVerdictSchema = z.enum(['valid', 'invalid', 'unknown_issuer', 'training']);
export type SignatureVerdict = z.infer<typeof signatureVerdictSchema>;

/** Why the verdict is what it is: the first thing that decided it. */
export const signatureReasonSchema = z.enum([
  /** Intact, and its issuer is trusted. */
  'trusted',
  /** Intact, issued under a practice CA. */
  'practice_issuer',
  /** Intact, but no trusted issuer is known for its certificate. */
  'issuer_unknown',
  /** Its signature dictionary or CMS cannot be read. */
  'unreadable_signature',
  /** The signed bytes changed after signing. */
  'bytes_changed',
  /** The CMS signature value does not verify with the signer's key. */
  'signature_broken',
  /** The document's content was changed in a later revision. */
  'changed_after_signing',
  /** The signer's certificate was not valid at the signing time. */
  'certificate_not_valid_at_time',
  /** The time-stamp does not verify. */
  'timestamp_broken',
  /** A path to a trusted issuer exists but breaks RFC 5280's rules (expired CA, no keyCertSign…). */
  'chain_invalid',
]);
export type SignatureReason = z.infer<typeof signatureReasonSchema>;

export const documentSignatureSchema = z.object({
  /** 1 for the signature over the earliest revision. */
  index: z.number().int().positive(),
  /** As the signer's certificate names them; null when the signature cannot be read. */
  holder: z.string().nullable(),
  /** The holder's NIF masked as the publication rules require (`***4567**`); null when none. */
  nif: z.string().nullable(),
  /** The time-stamp's time, or else the time the signer claimed (PDF /M). */
  signedAt: isoInstant.nullable(),
  timeSource: z.enum(['timestamp', 'claimed']),
  verdict: signatureVerdictSchema,
  reason: signatureReasonSchema,
});
export type DocumentSignature = z.infer<typeof documentSignatureSchema>;

/**
 * signed: at least one signature (each with its verdict); unsigned: none; missing: the office has
 * no bytes for the document (or not the ones recorded); unreadable: its bytes are not a readable PDF.
 */
export const documentSignatureStateSchema = z.enum(['signed', 'unsigned', 'missing', 'unreadable']);
export type DocumentSignatureState = z.infer<typeof documentSignatureStateSchema>;

export const documentSignaturesSchema = z.object({
  documentId: z.string(),
  /** SHA-256 of the bytes verified (the document's recorded hash). */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  state: documentSignatureStateSchema,
  /** The content changed after the last signature (a revision no signature covers). */
  modifiedAfterLastSignature: z.boolean(),
  signatures: z.array(documentSignatureSchema),
});
export type DocumentSignatures = z.infer<typeof documentSignaturesSchema>;

/** The most bytes one `documents.contentRanges` call returns: the viewer asks again for the rest. */
export const documentContentMaxLength = 1024 * 1024;

/** The most ranges one `documents.contentRanges` call reads (their bytes together: at most the max length). */
export const documentRangesMaxCount = 512;

/**
 * Many ranges of a document's bytes in one answer, in the order asked: pdf.js asks for hundreds of
 * small ones at once (a long document's page dictionaries), and one call each would queue them.
 */
export const documentContentRangesSchema = z.discriminatedUnion('state', [
  z.object({
    state: z.literal('available'),
    size: z.number().int().nonnegative(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    /** Each range's bytes, in base64: fewer than asked for at the end of the document. */
    base64: z.array(z.string()),
  }),
  z.object({ state: z.literal('missing') }),
]);
export type DocumentContentRanges = z.infer<typeof documentContentRangesSchema>;

const byteRange = z
  .object({
    offset: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    length: z.number().int().min(1).max(documentContentMaxLength),
  })
  .strict();

/**
 * A case's documents are read where the case is: by the department's processors and heads (the
 * heads its requests are addressed to are among them). Which case is the office's part: another
 * department's case or document is `not_found`.
 */
export const documentsCalls = {
  /** Every signature of a case's document, verified now by the desk's verifier. */
  'documents.signatures': call(
    z.object({ caseId: idInput, documentId: idInput }).strict(),
    documentSignaturesSchema,
    caseReaders,
  ),
  /** Ranges of a case's document's bytes, at most `documentContentMaxLength` together (an offset past the end is `invalid_input`). */
  'documents.contentRanges': call(
    z
      .object({
        caseId: idInput,
        documentId: idInput,
        ranges: z
          .array(byteRange)
          .min(1)
          .max(documentRangesMaxCount)
          .refine(
            (ranges) => ranges.reduce((sum, range) => sum + range.length, 0) <= documentContentMaxLength,
            {
              message: 'too_long',
            },
          ),
      })
      .strict(),
    documentContentRangesSchema,
    caseReaders,
  ),
} as const;

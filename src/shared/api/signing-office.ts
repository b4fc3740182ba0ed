import { z } from 'zod';
import { access } from './access';
import { pdfBase64Schema } from './casework';
import { call } from './define';
import { apiErrorSchema } from './errors';
import { localeSchema } from './session';
import { plainText } from './text';

const idInput = plainText({ min: 1, max: 64 });
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const reservationId = z.string().uuid();

/** A resolution the office prepared for one signature: the final PDF (base64) and what names it. */
export const remotePreparedSchema = z.object({
  ok: z.literal(true),
  requestId: z.string(),
  reservationId,
  number: z.string(),
  csv: z.string(),
  fieldName: z.string(),
  onBehalfOf: z.string().nullable(),
  locale: localeSchema,
  sha256,
  size: z.number().int().positive(),
  pdfBase64: z.string(),
});
export type RemotePrepared = z.infer<typeof remotePreparedSchema>;

const remoteRefusedSchema = z.object({
  ok: z.literal(false),
  requestId: z.string(),
  refusal: apiErrorSchema,
});

/**
 * The shared office's half of signing a resolution, for a desk whose office is remote: the desk
 * holds the card, the office the book. Prepare reserves the numbers and renders the final PDFs;
 * confirm hands back a signed file, which the office checks against what it rendered (never a copy
 * the desk sends) before it commits number, file and book entry together; release gives back the
 * numbers of what was not signed. A reservation never confirmed goes back by itself when its hold
 * ends. Heads only, and only the requests their signing rules allow (checked again at confirm).
 */
export const signingOfficeCalls = {
  'signingOffice.prepare': call(
    z.object({ requestIds: z.array(idInput).min(1).max(200) }).strict(),
    z.object({ outcomes: z.array(z.discriminatedUnion('ok', [remotePreparedSchema, remoteRefusedSchema])) }),
    access.roles('head'),
  ),
  'signingOffice.confirm': call(
    z
      .object({
        requestId: idInput,
        reservationId,
        fieldName: plainText({ min: 1, max: 128 }),
        sha256,
        size: z.number().int().positive(),
        signedPdfBase64: pdfBase64Schema,
      })
      .strict(),
    z.object({ number: z.string(), documentId: z.string() }),
    access.roles('head'),
  ),
  'signingOffice.release': call(
    z
      .object({
        items: z
          .array(z.object({ requestId: idInput, reservationId }).strict())
          .min(1)
          .max(200),
      })
      .strict(),
    z.object({ ok: z.literal(true) }),
    access.roles('head'),
  ),
} as const;

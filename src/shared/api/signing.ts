import { z } from 'zod';
import { access } from './access';
import type { Audience } from './audience';
import { call, event } from './define';
import { apiErrorSchema } from './errors';
import { signingFailureSchema } from './signing-failure';
import { plainText } from './text';

const isoInstant = z.string().datetime({ offset: true });
const empty = z.object({}).strict();
const idInput = plainText({ min: 1, max: 64 });
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

// What a failure is, apart from the calls: the signing code needs it, not the whole contract.
export {
  describedFailure,
  signingFailureKinds,
  signingFailureMessageKey,
  signingFailureSchema,
  type SelfDescribingFailure,
  type SigningFailure,
  type SigningFailureKind,
} from './signing-failure';

export const pinStateSchema = z.enum(['ready', 'countLow', 'finalTry', 'locked', 'notInitialized']);
export type PinState = z.infer<typeof pinStateSchema>;

/** Why a certificate on a card cannot sign a resolution; none means it can. */
export const certificateProblemSchema = z.enum([
  'noNonRepudiation',
  'expired',
  'notYetValid',
  'keyUnsupported',
]);
export type CertificateProblem = z.infer<typeof certificateProblemSchema>;

/** Why a whole card cannot sign now, whatever its certificates. */
export const cardProblemSchema = z.enum(['pinLocked', 'pinNotInitialized', 'pinPad']);
export type CardProblem = z.infer<typeof cardProblemSchema>;

export const cardCertificateSchema = z.object({
  /** CKA_ID, hex: names the certificate (and its key) in `signing.sign`. */
  id: z.string(),
  label: z.string(),
  holder: z.object({
    name: z.string(),
    nif: z.string().nullable(),
    organization: z.string().nullable(),
    position: z.string().nullable(),
  }),
  issuer: z.string(),
  serialHex: z.string(),
  notBefore: isoInstant,
  notAfter: isoInstant,
  /** Null when the certificate has no keyUsage extension. */
  keyUsage: z.array(z.string()).nullable(),
  keyType: z.string(),
  problems: z.array(certificateProblemSchema),
});
export type CardCertificate = z.infer<typeof cardCertificateSchema>;

export const cardSchema = z.object({
  module: z.string(),
  slotId: z.string(),
  /** The reader. */
  slotDescription: z.string(),
  label: z.string(),
  manufacturer: z.string(),
  model: z.string(),
  serial: z.string(),
  pin: pinStateSchema,
  problems: z.array(cardProblemSchema),
  certificates: z.array(cardCertificateSchema),
  /** The certificates could not be read (the card was pulled out meanwhile, its driver failed). */
  certificatesFailure: signingFailureSchema.nullable(),
});
export type Card = z.infer<typeof cardSchema>;

export const moduleSourceSchema = z.enum(['installed', 'environment', 'settings', 'practice']);

export const pkcs11ModuleSchema = z.object({
  path: z.string(),
  /**
   * Found where card vendors install it, named in DESPACHO_PKCS11_MODULES, added in the settings, or
   * the training desk's practice card (no module at all).
   */
  source: moduleSourceSchema,
  /** `crashed` and `hung`: the module brought its driver down when asked for its cards. */
  status: z.enum(['loaded', 'missing', 'failed', 'crashed', 'hung']),
  description: z.string().optional(),
  manufacturer: z.string().optional(),
});
export type Pkcs11Module = z.infer<typeof pkcs11ModuleSchema>;

export const tokenListSchema = z.object({
  modules: z.array(pkcs11ModuleSchema),
  cards: z.array(cardSchema),
  /** The modules could not be asked at all (the driver failed). */
  failure: signingFailureSchema.nullable(),
});
export type TokenListing = z.infer<typeof tokenListSchema>;

/** A resolution ready to be signed: exactly the bytes the card will sign over, and their hash. */
export const preparedItemSchema = z.object({
  requestId: z.string(),
  ok: z.literal(true),
  /** `2026/000123`, reserved in the book for this signature. */
  number: z.string(),
  csv: z.string(),
  sha256,
  size: z.number().int().nonnegative(),
  /** The signer stands in for this absent head ("por sustitución"). */
  onBehalfOf: z.string().nullable(),
  /** The final PDF, base64, to read before signing. */
  pdfBase64: z.string(),
});
export const refusedItemSchema = z.object({
  requestId: z.string(),
  ok: z.literal(false),
  refusal: apiErrorSchema,
});
export const batchEntrySchema = z.discriminatedUnion('ok', [preparedItemSchema, refusedItemSchema]);
export type PreparedItem = z.infer<typeof preparedItemSchema>;
export type BatchEntry = z.infer<typeof batchEntrySchema>;

export const itemStateSchema = z.enum(['pending', 'signed', 'failed_before_signing', 'failed_after_signing']);
export type ItemState = z.infer<typeof itemStateSchema>;

export const itemResultSchema = z.object({
  requestId: z.string(),
  number: z.string(),
  state: itemStateSchema,
  failure: signingFailureSchema.nullable(),
});
export type ItemResult = z.infer<typeof itemResultSchema>;

export const signingRunSchema = z.object({
  /**
   * done: every item tried; stopped: the card or the time-stamp service failed part-way (the rest
   * untouched); refused: nothing was tried (wrong PIN, certificate unfit…); cancelled: stopped by
   * the signer between two items.
   */
  status: z.enum(['done', 'stopped', 'refused', 'cancelled']),
  failure: signingFailureSchema.nullable(),
  /** The card asked for the PIN before every signature (CKA_ALWAYS_AUTHENTICATE). */
  pinPerSignature: z.boolean(),
  items: z.array(itemResultSchema),
});
export type SigningRun = z.infer<typeof signingRunSchema>;

/** A PIN as typed: never logged, never stored, never in an output or an event. */
const pin = plainText({ min: 1, max: 64 });

/** Which card key signs, and the PIN that opens it (a batch's signing, an ENI index's). */
export const cardKeyFields = {
  token: z.object({ module: plainText({ min: 1, max: 1024 }), label: plainText({ max: 64 }) }).strict(),
  certificate: z.object({ id: z.string().regex(/^([0-9a-f]{2})+$/) }).strict(),
  pin,
  confirmFinalTry: z.boolean().default(false),
};
export const cardKeySchema = z.object(cardKeyFields).strict();
export type CardKeyInput = z.input<typeof cardKeySchema>;

/** Only heads sign; the tokens are the desk's, for anybody signed in on it to look at. */
export const signingCalls = {
  /** The cards in every module, their certificates, and why one cannot sign. */
  'tokens.list': call(empty, tokenListSchema, access.signedIn),
  /** Adds a PKCS#11 module to the desk's settings (kept in the data folder) and lists again. */
  'tokens.addModule': call(
    z.object({ path: plainText({ min: 1, max: 1024, trim: true }) }).strict(),
    tokenListSchema,
    access.signedIn,
  ),
  /**
   * Reserves a number per request and returns the final documents to read: what you see is what
   * you sign. The prepared items stay in main under `batchId`; the renderer never sends them back.
   */
  'signing.start': call(
    z.object({ requestIds: z.array(idInput).min(1).max(200) }).strict(),
    z.object({ batchId: z.string(), entries: z.array(batchEntrySchema) }),
    access.roles('head'),
  ),
  /** Signs the batch's items still to sign (or only `retryOnly`) with one PIN. */
  'signing.sign': call(
    z
      .object({
        batchId: idInput,
        ...cardKeyFields,
        retryOnly: z.array(idInput).max(200).optional(),
      })
      .strict(),
    signingRunSchema,
    access.roles('head'),
  ),
  /** Stops a batch between two items and gives back the numbers of what was not signed. */
  'signing.cancel': call(
    z.object({ batchId: idInput }).strict(),
    z.object({ released: z.number().int().nonnegative() }),
    access.roles('head'),
  ),
} as const;

/** Progress goes to the signer only; card news to whoever is signed in on this desk. */
export const signerAudience = (userId: string): Audience => ({ kind: 'user', userId });
export const deskAudience: Audience = { kind: 'everyoneSignedIn' };

export const signingEvents = {
  /** An item is being signed (`signing`) or has its outcome. */
  'signing.progress': event(
    z.object({
      batchId: z.string(),
      requestId: z.string(),
      number: z.string(),
      /** 0-based position in this run, and the run's size. */
      index: z.number().int().nonnegative(),
      total: z.number().int().positive(),
      state: z.enum(['signing', 'signed', 'failed_before_signing', 'failed_after_signing']),
      failure: signingFailureSchema.nullable(),
      pinPerSignature: z.boolean(),
    }),
  ),
  /** A card was inserted or removed, or its PIN state changed: lists refetch. */
  'tokens.changed': event(empty),
  /** The card is slow to answer (`slow`), and later that the same request ended (`done`). */
  'tokens.slow': event(
    z.object({
      state: z.enum(['slow', 'done']),
      operation: z.enum([
        'listTokens',
        'listCertificates',
        'openSession',
        'sign',
        'closeSession',
        'shutdown',
      ]),
      token: z.string().nullable(),
      modules: z.array(z.string()),
    }),
  ),
} as const;

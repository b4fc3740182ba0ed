import { z } from 'zod';
import { tokenErrorCodes } from './errors';

/**
 * The messages between the desk and the token worker, checked with zod at both ends. Binary values
 * travel as base64 so the same messages work over Node's JSON IPC and Electron's structured clone.
 */

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);
const hex = z.string().regex(/^([0-9a-f]{2})*$/);
/** A slot id as a decimal string: CK_SLOT_ID is an unsigned long, wider than a safe JS number on some modules. */
const slotId = z.string().regex(/^\d+$/);

export const keySelectorSchema = z.union([
  z.strictObject({ id: hex.min(2) }),
  z.strictObject({ label: z.string().min(1) }),
]);
export type KeySelector = z.infer<typeof keySelectorSchema>;

export const wireMechanismSchema = z.strictObject({
  type: z.number().int().nonnegative(),
  pss: z
    .strictObject({
      hashAlg: z.number().int().nonnegative(),
      mgf: z.number().int().nonnegative(),
      saltLen: z.number().int().nonnegative(),
    })
    .optional(),
});
export type WireMechanism = z.infer<typeof wireMechanismSchema>;

export const requestSchema = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('listTokens'), modules: z.array(z.string().min(1)) }),
  z.strictObject({ op: z.literal('listCertificates'), module: z.string().min(1), slotId }),
  z.strictObject({
    op: z.literal('openSession'),
    module: z.string().min(1),
    slotId,
    key: keySelectorSchema,
    /** Null only for readers with a PIN pad; the worker refuses to guess. */
    pin: z.string().nullable(),
    /** The holder saw the "last try" warning and chose to go on. */
    confirmFinalTry: z.boolean(),
  }),
  z.strictObject({
    op: z.literal('sign'),
    sessionId: z.string().min(1),
    mechanism: wireMechanismSchema,
    data: base64,
  }),
  z.strictObject({ op: z.literal('closeSession'), sessionId: z.string().min(1) }),
  z.strictObject({ op: z.literal('shutdown') }),
]);
export type WorkerRequest = z.infer<typeof requestSchema>;
export type WorkerOp = WorkerRequest['op'];

export const requestEnvelopeSchema = z.strictObject({
  id: z.number().int().nonnegative(),
  request: requestSchema,
});
export type RequestEnvelope = z.infer<typeof requestEnvelopeSchema>;

export const wireErrorSchema = z.discriminatedUnion('kind', [
  /** A PKCS#11 return value; `tokenFlags` is the token's state read after the failure, when it could be read. */
  z.strictObject({
    kind: z.literal('ckr'),
    rv: z.number().int().nonnegative(),
    fn: z.string(),
    tokenFlags: z.number().int().nonnegative().optional(),
  }),
  z.strictObject({
    kind: z.literal('token'),
    code: z.enum(tokenErrorCodes),
    params: z.record(z.string(), z.union([z.string(), z.number()])),
  }),
  z.strictObject({ kind: z.literal('internal'), message: z.string() }),
]);
export type WireError = z.infer<typeof wireErrorSchema>;

const moduleStatusSchema = z.strictObject({
  path: z.string(),
  status: z.enum(['loaded', 'missing', 'failed']),
  description: z.string().optional(),
  manufacturer: z.string().optional(),
});

const wireTokenSchema = z.strictObject({
  module: z.string(),
  slotId,
  slotDescription: z.string(),
  label: z.string(),
  manufacturer: z.string(),
  model: z.string(),
  serial: z.string(),
  flags: z.number().int().nonnegative(),
  mechanisms: z.array(z.number().int().nonnegative()),
});
export type WireToken = z.infer<typeof wireTokenSchema>;

const wireCertificateSchema = z.strictObject({ id: hex, label: z.string(), der: base64 });
export type WireCertificate = z.infer<typeof wireCertificateSchema>;

export const resultSchemas = {
  listTokens: z.strictObject({ modules: z.array(moduleStatusSchema), tokens: z.array(wireTokenSchema) }),
  listCertificates: z.strictObject({ certificates: z.array(wireCertificateSchema) }),
  openSession: z.strictObject({
    sessionId: z.string().min(1),
    certificate: wireCertificateSchema,
    /** Every other certificate on the token, for building the chain. */
    otherCertificates: z.array(wireCertificateSchema),
    alwaysAuthenticate: z.boolean(),
    mechanisms: z.array(z.number().int().nonnegative()),
  }),
  sign: z.strictObject({ signature: base64 }),
  closeSession: z.strictObject({}),
  shutdown: z.strictObject({}),
} satisfies Record<WorkerOp, z.ZodType>;

export type WorkerResult<Op extends WorkerOp> = z.infer<(typeof resultSchemas)[Op]>;

export const workerMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('ready') }),
  z.strictObject({ type: z.literal('result'), id: z.number().int().nonnegative(), result: z.unknown() }),
  z.strictObject({ type: z.literal('error'), id: z.number().int().nonnegative(), error: wireErrorSchema }),
]);
export type WorkerMessage = z.infer<typeof workerMessageSchema>;

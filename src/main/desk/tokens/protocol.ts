import * as z from 'zod/mini';
import { tokenErrorCodes } from './errors';

/**
 * The messages between the desk and the token worker, checked with zod at both ends (zod/mini: the
 * worker loads only the few checks used here, not the whole of zod, so it starts sooner). Binary values
 * travel as base64 so the same messages work over Node's JSON IPC and Electron's structured clone.
 */

const base64 = z.string().check(z.regex(/^[A-Za-z0-9+/]*={0,2}$/));
const hexPattern = /^([0-9a-f]{2})*$/;
const hex = z.string().check(z.regex(hexPattern));
/** A slot id as a decimal string: CK_SLOT_ID is an unsigned long, wider than a safe JS number on some modules. */
const slotId = z.string().check(z.regex(/^\d+$/));
const count = z.int().check(z.nonnegative());
const nonEmpty = z.string().check(z.minLength(1));

export const keySelectorSchema = z.union([
  z.strictObject({ id: z.string().check(z.regex(hexPattern), z.minLength(2)) }),
  z.strictObject({ label: nonEmpty }),
]);
export type KeySelector = z.infer<typeof keySelectorSchema>;

export const wireMechanismSchema = z.strictObject({
  type: count,
  pss: z.optional(
    z.strictObject({
      hashAlg: count,
      mgf: count,
      saltLen: count,
    }),
  ),
});
export type WireMechanism = z.infer<typeof wireMechanismSchema>;

export const requestSchema = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('listTokens'), modules: z.array(nonEmpty) }),
  z.strictObject({ op: z.literal('listCertificates'), module: nonEmpty, slotId }),
  z.strictObject({
    op: z.literal('openSession'),
    module: nonEmpty,
    slotId,
    key: keySelectorSchema,
    /** Null only for readers with a PIN pad; the worker refuses to guess. */
    pin: z.nullable(z.string()),
    /** The holder saw the "last try" warning and chose to go on. */
    confirmFinalTry: z.boolean(),
  }),
  z.strictObject({
    op: z.literal('sign'),
    sessionId: nonEmpty,
    mechanism: wireMechanismSchema,
    data: base64,
  }),
  z.strictObject({ op: z.literal('closeSession'), sessionId: nonEmpty }),
  z.strictObject({ op: z.literal('shutdown') }),
]);
export type WorkerRequest = z.infer<typeof requestSchema>;
export type WorkerOp = WorkerRequest['op'];

export const requestEnvelopeSchema = z.strictObject({
  id: count,
  request: requestSchema,
});
export type RequestEnvelope = z.infer<typeof requestEnvelopeSchema>;

export const wireErrorSchema = z.discriminatedUnion('kind', [
  /** A PKCS#11 return value; `tokenFlags` is the token's state read after the failure, when it could be read. */
  z.strictObject({
    kind: z.literal('ckr'),
    rv: count,
    fn: z.string(),
    tokenFlags: z.optional(count),
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
  description: z.optional(z.string()),
  manufacturer: z.optional(z.string()),
});

const wireTokenSchema = z.strictObject({
  module: z.string(),
  slotId,
  slotDescription: z.string(),
  label: z.string(),
  manufacturer: z.string(),
  model: z.string(),
  serial: z.string(),
  flags: count,
  mechanisms: z.array(count),
});
export type WireToken = z.infer<typeof wireTokenSchema>;

const wireCertificateSchema = z.strictObject({ id: hex, label: z.string(), der: base64 });
export type WireCertificate = z.infer<typeof wireCertificateSchema>;

export const resultSchemas = {
  listTokens: z.strictObject({ modules: z.array(moduleStatusSchema), tokens: z.array(wireTokenSchema) }),
  listCertificates: z.strictObject({ certificates: z.array(wireCertificateSchema) }),
  openSession: z.strictObject({
    sessionId: nonEmpty,
    certificate: wireCertificateSchema,
    /** Every other certificate on the token, for building the chain. */
    otherCertificates: z.array(wireCertificateSchema),
    alwaysAuthenticate: z.boolean(),
    mechanisms: z.array(count),
  }),
  sign: z.strictObject({ signature: base64 }),
  closeSession: z.strictObject({}),
  shutdown: z.strictObject({}),
} satisfies Record<WorkerOp, z.ZodMiniType>;

export type WorkerResult<Op extends WorkerOp> = z.infer<(typeof resultSchemas)[Op]>;

export const workerMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('ready') }),
  z.strictObject({ type: z.literal('result'), id: count, result: z.unknown() }),
  z.strictObject({ type: z.literal('error'), id: count, error: wireErrorSchema }),
]);
export type WorkerMessage = z.infer<typeof workerMessageSchema>;

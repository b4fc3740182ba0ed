import { z } from 'zod';
import { access } from './access';
import { call } from './define';
import { plainText } from './text';
import { roleSchema } from '../domain/cases';

export const localeSchema = z.enum(['es', 'ca-valencia']);
export type Locale = z.infer<typeof localeSchema>;

export const userSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  roles: z.array(roleSchema),
  departmentId: z.string(),
  departmentName: z.string(),
  position: z.string(),
});
export type UserSummary = z.infer<typeof userSummarySchema>;

/** A user (on a demo desk, someone to sign in as); on a training desk, with the person a class put on that seat. */
export const seatedUserSchema = userSummarySchema.extend({ personName: z.string().optional() });
export type SeatedUser = z.infer<typeof seatedUserSchema>;

export const deskModeSchema = z.enum(['embedded', 'server', 'training']);

export const sessionInfoSchema = z.object({
  user: seatedUserSchema,
  /** The desk's mode; how people sign in is part of its composition (demo users only on demo desks). */
  mode: deskModeSchema,
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

const empty = z.object({}).strict();

/** How a card signed (always over SHA-256): PKCS#1 v1.5 or PSS for RSA keys, DER `{ r, s }` for EC keys. */
export const cardSignatureSchemeSchema = z.enum(['rsa-pkcs1', 'rsa-pss', 'ecdsa']);
export type CardSignatureScheme = z.infer<typeof cardSignatureSchemeSchema>;

/** A certificate as the card holds it, DER in base64 (public-employee certificates are 1–3 KB). */
const certificateBase64 = z
  .string()
  .min(1)
  .max(16_384)
  .regex(/^[A-Za-z0-9+/]+={0,2}$/);

export const sessionCalls = {
  /** Demo sign-in: the people of the demo city, by department. `forbidden` where the desk is not a demo. */
  'session.demoUsers': call(empty, z.array(seatedUserSchema), access.public),
  /** Demo sign-in by naming a user. `forbidden` where the desk is not a demo. */
  'session.signIn': call(
    z.object({ userId: plainText({ min: 1, max: 64 }) }).strict(),
    sessionInfoSchema,
    access.public,
  ),
  /**
   * Sign-in with the card where nobody signs in by name (the shared office): a one-time challenge,
   * and the exact words the card is to sign (they name the office). `forbidden` elsewhere.
   */
  'session.cardChallenge': call(
    empty,
    z.object({ challenge: z.string(), toSign: z.string(), expiresAt: z.string() }),
    access.public,
  ),
  /**
   * The card's answer: its certificate (and the chain it holds), and its signature over the
   * challenge's words. The office checks the signature, the certificate's path to its trust anchors
   * and that it serves authentication, and signs in the one active user with the holder's NIF.
   * `card_sign_in_refused` (with the reason) when any of that fails; `forbidden` on demo desks.
   */
  'session.signInWithCard': call(
    z
      .object({
        challenge: plainText({ min: 1, max: 64 }),
        certificate: certificateBase64,
        chain: z.array(certificateBase64).max(5),
        signature: z
          .string()
          .min(1)
          .max(2_048)
          .regex(/^[A-Za-z0-9+/]+={0,2}$/),
        scheme: cardSignatureSchemeSchema,
      })
      .strict(),
    sessionInfoSchema,
    access.public,
  ),
  'session.current': call(empty, sessionInfoSchema.nullable(), access.public),
  /**
   * What desk this is, before anyone signs in: its mode, as its composition set it (a training desk
   * shows its banner on the sign-in screen too).
   */
  'session.desk': call(empty, z.object({ mode: deskModeSchema }), access.public),
  'session.signOut': call(empty, z.object({ ok: z.literal(true) }), access.signedIn),
  /**
   * Whether the desk is open yet: a first start seeds the demo city before anything else answers,
   * and the desk shows how far it got (`seeding` is null before the first batch and once open).
   */
  'session.startup': call(
    empty,
    z.object({
      ready: z.boolean(),
      seeding: z
        .object({ done: z.number().int().nonnegative(), total: z.number().int().nonnegative() })
        .nullable(),
    }),
    access.public,
  ),
} as const;

export const sessionEvents = {} as const;

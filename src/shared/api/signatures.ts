import { z } from 'zod';
import { access } from './access';
import type { Audience } from './audience';
import { call, event } from './define';
import { localeSchema } from './session';
import { plainText } from './text';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const isoInstant = z.string().datetime({ offset: true });
const empty = z.object({}).strict();
const idInput = plainText({ min: 1, max: 64 });
const localized = z.object({ es: z.string(), 'ca-valencia': z.string() });
const person = z.object({ id: z.string(), name: z.string(), position: z.string() });

/** One part of the resolution's text: several paragraphs, separated by blank lines. */
const part = plainText({ min: 1, max: 20_000, lineBreaks: true });

/** The editable text of a resolution (art. 88 Ley 39/2015). */
export const resolutionTextSchema = z
  .object({ facts: part, grounds: part, decision: part, remedies: part })
  .strict();
export type ResolutionTextInput = z.infer<typeof resolutionTextSchema>;

export const signingModeSchema = z.enum(['cascade', 'parallel']);
export type SigningMode = z.infer<typeof signingModeSchema>;
export const signaturePrioritySchema = z.enum(['normal', 'high', 'urgent']);
export type SignaturePriority = z.infer<typeof signaturePrioritySchema>;
/** A step asks for a signature, or for an approval (visto bueno) without signing. */
export const stepActionSchema = z.enum(['sign', 'approve']);
export type StepAction = z.infer<typeof stepActionSchema>;
export const requestStateSchema = z.enum(['pending', 'signed', 'rejected', 'withdrawn', 'expired']);
export type SignatureRequestState = z.infer<typeof requestStateSchema>;
/** `waiting`: a cascade step whose turn has not come; `pending`: it may act now. */
export const stepStateSchema = z.enum(['waiting', 'pending', 'done', 'rejected']);
export const trayBoxSchema = z.enum(['pending', 'signed', 'rejected']);
export type TrayBox = z.infer<typeof trayBoxSchema>;
export const substitutionKindSchema = z.enum(['substitution', 'delegation']);
export type SubstitutionKind = z.infer<typeof substitutionKindSchema>;

export const signatureStepSchema = z.object({
  position: z.number().int().positive(),
  signer: person,
  action: stepActionSchema,
  state: stepStateSchema,
  /** Who acted, when somebody did: the signer, or their substitute (then `substitution` says how). */
  actedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  actedAt: isoInstant.nullable(),
  substitution: substitutionKindSchema.nullable(),
});
export type SignatureStep = z.infer<typeof signatureStepSchema>;

/** What the viewer may do on a request now: their step, and for whom they act (an absent head). */
export const viewerStepSchema = z.object({
  position: z.number().int().positive(),
  action: stepActionSchema,
  onBehalfOf: z.object({ id: z.string(), name: z.string(), kind: substitutionKindSchema }).nullable(),
});
export type ViewerStep = z.infer<typeof viewerStepSchema>;

const requestHeading = {
  id: z.string(),
  caseId: z.string(),
  caseNumber: z.string(),
  procedureCode: z.string(),
  procedureName: localized,
  applicantName: z.string(),
  title: z.string(),
  priority: signaturePrioritySchema,
  /** The last day it may be signed (Europe/Madrid). */
  expiresOn: isoDate,
  /** Still pending, but past its last day: nobody can act on it any more. */
  expired: z.boolean(),
  state: requestStateSchema,
  mode: signingModeSchema,
  /** The book number (`2026/000123`) once the first signature numbered it. */
  number: z.string().nullable(),
  sentAt: isoInstant,
  sentBy: z.object({ id: z.string(), name: z.string() }),
};

export const signatureRequestSchema = z.object({
  ...requestHeading,
  departmentId: z.string(),
  locale: localeSchema,
  text: resolutionTextSchema,
  /** SHA-256 of the resolution as sent (heading, text and signature fields). */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  closedAt: isoInstant.nullable(),
  closedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  rejectionReason: z.string().nullable(),
  /** The signed document in the case, once numbered. */
  documentId: z.string().nullable(),
  steps: z.array(signatureStepSchema),
  viewerStep: viewerStepSchema.nullable(),
});
export type SignatureRequest = z.infer<typeof signatureRequestSchema>;

export const trayRowSchema = z.object({
  ...requestHeading,
  /** The viewer's step: pending in the pending box, what they did in the others. */
  step: viewerStepSchema,
  actedAt: isoInstant.nullable(),
  rejectionReason: z.string().nullable(),
});
export type TrayRow = z.infer<typeof trayRowSchema>;

export const trayCountsSchema = z.record(trayBoxSchema, z.number().int().nonnegative());
export type TrayCounts = z.infer<typeof trayCountsSchema>;

export const substitutionSchema = z.object({
  id: z.string(),
  absent: person,
  substitute: person,
  kind: substitutionKindSchema,
  startsOn: isoDate,
  endsOn: isoDate,
  revokedAt: isoInstant.nullable(),
  /** In force today: not revoked, and today is between its dates. */
  activeToday: z.boolean(),
});
export type Substitution = z.infer<typeof substitutionSchema>;

/**
 * Processors draft, send and withdraw in their department; heads act on what is addressed to them
 * or to whom they substitute today. Which cases and requests is the office's part: another
 * department's case or request is `not_found` to everybody.
 */
export const resolutionDrafters = access.roles('processor');
export const requestReaders = access.roles('processor', 'head');
export const signers = access.roles('head');

export const signaturesCalls = {
  /**
   * The resolution's text to edit: the text of the case's last request that came back (rejected,
   * withdrawn or expired), or else the procedure's template filled from the case.
   */
  'resolutions.draft': call(
    z.object({ caseId: idInput, locale: localeSchema }).strict(),
    z.object({
      locale: localeSchema,
      title: z.string(),
      text: resolutionTextSchema,
      source: z.enum(['template', 'previous']),
    }),
    resolutionDrafters,
  ),
  /** The draft as the PDF it will be, watermarked, with no number, no CSV and the signers' fields. */
  'resolutions.preview': call(
    z
      .object({
        caseId: idInput,
        locale: localeSchema,
        text: resolutionTextSchema,
        signerIds: z.array(idInput).max(8).default([]),
      })
      .strict(),
    z.object({ pdfBase64: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/), size: z.number().int() }),
    resolutionDrafters,
  ),
  /** Who may be asked to sign or approve a case's resolution: the department's active heads. */
  'signatures.signers': call(z.object({ caseId: idInput }).strict(), z.array(person), resolutionDrafters),
  /** Sends the resolution: the case goes `in_progress → proposal → awaiting_signature`. */
  'signatures.send': call(
    z
      .object({
        caseId: idInput,
        locale: localeSchema,
        title: plainText({ min: 1, max: 200, trim: true }),
        text: resolutionTextSchema,
        mode: signingModeSchema,
        priority: signaturePrioritySchema,
        expiresOn: isoDate,
        steps: z
          .array(z.object({ signerId: idInput, action: stepActionSchema }).strict())
          .min(1)
          .max(8),
      })
      .strict(),
    signatureRequestSchema,
    resolutionDrafters,
  ),
  /** Takes back a request nobody has signed yet; the case returns to `proposal`. */
  'signatures.withdraw': call(
    z.object({ requestId: idInput }).strict(),
    signatureRequestSchema,
    resolutionDrafters,
  ),
  /** The case's requests, newest first (a rejected one shows its reason). */
  'signatures.ofCase': call(
    z.object({ caseId: idInput }).strict(),
    z.array(signatureRequestSchema),
    requestReaders,
  ),
  'signatures.get': call(z.object({ requestId: idInput }).strict(), signatureRequestSchema, requestReaders),
  /**
   * The signing tray: `pending` (for me, or for whom I substitute today; expiry first), `signed`
   * and `rejected` (what I did, newest first).
   */
  'signatures.tray': call(
    z
      .object({
        box: trayBoxSchema,
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(200).default(50),
      })
      .strict(),
    z.object({ total: z.number().int().nonnegative(), rows: z.array(trayRowSchema) }),
    signers,
  ),
  'signatures.counts': call(empty, trayCountsSchema, signers),
  /** Visto bueno: the step is done without a signature. */
  'signatures.approve': call(z.object({ requestId: idInput }).strict(), signatureRequestSchema, signers),
  /** Returns the case to the processor (`proposal`) with the reason. */
  'signatures.reject': call(
    z
      .object({ requestId: idInput, reason: plainText({ min: 1, max: 2000, trim: true, lineBreaks: true }) })
      .strict(),
    signatureRequestSchema,
    signers,
  ),
  /** My substitutions (given while I am away, received to act for others) and who may substitute me. */
  'substitutions.list': call(
    empty,
    z.object({
      given: z.array(substitutionSchema),
      received: z.array(substitutionSchema),
      candidates: z.array(person),
    }),
    signers,
  ),
  'substitutions.create': call(
    z
      .object({
        substituteId: idInput,
        kind: substitutionKindSchema,
        startsOn: isoDate,
        endsOn: isoDate,
      })
      .strict(),
    substitutionSchema,
    signers,
  ),
  'substitutions.revoke': call(z.object({ substitutionId: idInput }).strict(), substitutionSchema, signers),
} as const;

/** A request changed: each signer concerned (and who substitutes them) and the department's processors hear of it. */
export const signaturesAudiences = (departmentId: string, userIds: Iterable<string>): Audience[] => [
  { kind: 'department', departmentId, roles: resolutionDrafters.roles },
  ...[...new Set(userIds)].map((userId): Audience => ({ kind: 'user', userId })),
];

export const signaturesEvents = {
  'signatures.changed': event(
    z.object({
      requestIds: z.array(z.string()),
      caseId: z.string(),
      departmentId: z.string(),
      kind: z.enum(['sent', 'withdrawn', 'approved', 'signed', 'rejected', 'expired']),
    }),
  ),
} as const;

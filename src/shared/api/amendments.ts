import { z } from 'zod';
import { caseReaders, caseWorkers } from './cases';
import { call } from './define';
import { notificationChannelSchema, notificationStateSchema } from './notifications';
import { localeSchema } from './session';
import { cardKeySchema } from './signing';
import { signingFailureSchema } from './signing-failure';
import { plainText } from './text';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const isoInstant = z.string().datetime({ offset: true });
const id = plainText({ min: 1, max: 64 });
const int = z.number().int();

/** Art. 68.1: ten business days to remedy; art. 68.2: up to five more on the applicant's request. */
export const amendmentTermDays = 10;
export const maxAmendmentExtensionDays = 5;

/**
 * A reply's attachments travel inside one request, which the host caps at 1 MiB: each PDF is at
 * most 512 KiB and all of them together 700 KiB (base64 adds a third).
 */
export const maxReplyAttachmentBytes = 512 * 1024;
export const maxReplyTotalBytes = 700 * 1024;
export const maxReplyAttachments = 5;

/** `pending_notification`: issued, its notification not made yet (no term runs, nothing is suspended). */
export const amendmentStateSchema = z.enum(['pending_notification', 'pending', 'replied', 'unanswered']);

export const amendmentSchema = z.object({
  id: z.string(),
  missing: z.string(),
  termDays: int,
  /** The day the request's notification was made; null until then. */
  notifiedOn: isoDate.nullable(),
  /** The last day of the granted term, extension included; null until the notification is made. */
  endsOn: isoDate.nullable(),
  extensionDays: int,
  /** The request as a case document. */
  documentId: z.string(),
  state: amendmentStateSchema,
  createdAt: isoInstant,
  createdByName: z.string(),
  /**
   * The term to resolve stood still from `from` (the notification's day) to `to` (null while it
   * still does, art. 22.1.a); null when nothing was suspended (not notified yet, or answered before).
   */
  suspension: z.object({ from: isoDate, to: isoDate.nullable() }).nullable(),
  /** The request's notification (arts. 40–46), as the notifications panel shows it in full. */
  notification: z
    .object({ id: z.string(), state: notificationStateSchema, channel: notificationChannelSchema })
    .nullable(),
  reply: z
    .object({
      at: isoInstant,
      /** The day the filing counts as made (art. 31.2.b). */
      deemedOn: isoDate,
      late: z.boolean(),
      documentIds: z.array(z.string()),
      registeredByName: z.string().nullable(),
    })
    .nullable(),
});
export type Amendment = z.infer<typeof amendmentSchema>;

export const caseAmendmentsSchema = z.object({
  caseId: z.string(),
  /** The case's version after the call: the next change must send it. */
  caseVersion: int,
  /** The procedure allows the five-day extension of art. 68.2. */
  allowsExtension: z.boolean(),
  amendments: z.array(amendmentSchema),
});
export type CaseAmendments = z.infer<typeof caseAmendmentsSchema>;

/**
 * The case's amendments after a request: with the new one, or, with `failure`, as they stood,
 * because the card did not sign it (a wrong PIN, the card removed…) and nothing was issued.
 */
export const amendmentRequestOutcomeSchema = caseAmendmentsSchema.extend({
  failure: signingFailureSchema.optional(),
});
export type AmendmentRequestOutcome = z.infer<typeof amendmentRequestOutcomeSchema>;

const holidaySchema = z.object({
  name: z.string(),
  layer: z.enum(['national', 'regional', 'local']),
  place: z.string().optional(),
  source: z.string(),
});

/** The engine's explanation of a due date (src/shared/domain/calendar/terms.ts), as it travels. */
export const dueDateExplanationSchema = z.object({
  start: z.enum(['registry_entry', 'notification']),
  registeredAt: isoInstant.optional(),
  startsOn: isoDate,
  term: z.object({ unit: z.enum(['business_days', 'natural_days', 'months']), amount: int }),
  nominalEnd: isoDate,
  suspensions: z.array(z.object({ from: isoDate, to: isoDate, days: int })),
  suspendedDays: int,
  extendedEnd: isoDate,
  dueDate: isoDate,
  rules: z.array(
    z.enum(['month_has_no_such_day', 'suspended', 'holiday_in_one_place', 'last_day_not_business_day']),
  ),
  skipped: z.array(
    z.object({
      date: isoDate,
      weekend: z.boolean(),
      holidays: z.array(holidaySchema),
      onlyIn: z.object({ side: z.enum(['applicant', 'body']), place: z.string() }).optional(),
      during: z.enum(['count', 'final_move']),
    }),
  ),
  applicantMunicipality: z.string().optional(),
  missingLocalCalendars: z.array(z.string()),
  missingRegionalCalendars: z.array(z.string()),
  provisional: z.boolean(),
  provisionalLayers: z.array(
    z.object({
      layer: z.enum(['national', 'regional', 'local']),
      place: z.string().optional(),
      year: int,
      basis: z.string(),
    }),
  ),
});

export const caseDueDateSchema = z.object({
  explanation: dueDateExplanationSchema,
  /** A suspension still runs: the clock stands still, and the due date assumes it lasts to `runningUntil`. */
  runningSuspension: z.object({ from: isoDate, until: isoDate }).nullable(),
  /** An amendment request waits for its notification: nothing is suspended yet, the term runs. */
  amendmentPendingNotification: z.boolean(),
});
export type CaseDueDate = z.infer<typeof caseDueDateSchema>;

const caseIdInput = z.object({ caseId: id }).strict();
/** What is missing, as the processor writes it into the request (several lines). */
const missingText = plainText({ min: 1, max: 4000, trim: true, lineBreaks: true });

export const replyAttachmentSchema = z
  .object({
    name: plainText({ min: 1, max: 200, trim: true }),
    /** The file, base64; its size and its being a PDF are checked by the office. */
    contentBase64: z
      .string()
      .max(Math.ceil((maxReplyAttachmentBytes * 4) / 3) + 4)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/),
  })
  .strict();

/**
 * Amendment requests (art. 68) and the due date they suspend (art. 22.1.a). Only the processor
 * who holds the case acts on it; the department's processors and head read it; another
 * department's case is `not_found`. Every change sends the case's `version`: a stale one gets
 * `conflict` with the current version.
 */
export const amendmentsCalls = {
  /** The request's text as it would be generated, before issuing it. */
  'amendments.preview': call(
    z.object({ caseId: id, missing: missingText, locale: localeSchema }).strict(),
    z.object({ title: z.string(), text: z.string(), endsOn: isoDate }),
    caseWorkers,
  ),
  /**
   * The request is issued signed (PAdES): with the office's seal (sello de órgano), or with `card`,
   * the processor's own card (a desk call: the card is at the desk).
   */
  'amendments.request': call(
    z
      .object({
        caseId: id,
        version: int,
        missing: missingText,
        locale: localeSchema,
        card: cardKeySchema.optional(),
      })
      .strict(),
    amendmentRequestOutcomeSchema,
    caseWorkers,
  ),
  'amendments.extend': call(
    z
      .object({
        caseId: id,
        version: int,
        amendmentId: id,
        days: int.min(1).max(maxAmendmentExtensionDays),
      })
      .strict(),
    caseAmendmentsSchema,
    caseWorkers,
  ),
  'amendments.registerReply': call(
    z
      .object({
        caseId: id,
        version: int,
        amendmentId: id,
        /** When the applicant filed the reply in the registry. */
        receivedAt: isoInstant,
        attachments: z.array(replyAttachmentSchema).min(1).max(maxReplyAttachments),
      })
      .strict(),
    caseAmendmentsSchema,
    caseWorkers,
  ),
  'amendments.get': call(caseIdInput, caseAmendmentsSchema, caseReaders),
  /** The case's due date with every rule, day and suspension behind it ("explain this date"). */
  'deadlines.explain': call(caseIdInput, caseDueDateSchema, caseReaders),
} as const;

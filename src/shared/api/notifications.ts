import { z } from 'zod';
import { caseReaders, caseWorkers } from './cases';
import { call } from './define';
import { localeSchema } from './session';
import { plainText } from './text';
import { caseStateSchema } from '../domain/cases';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const isoInstant = z.string().datetime({ offset: true });
const idInput = plainText({ min: 1, max: 64 });

export const notificationChannelSchema = z.enum(['electronic', 'paper']);
export type NotificationChannel = z.infer<typeof notificationChannelSchema>;

export const notificationStateSchema = z.enum([
  'available',
  'accessed',
  'rejected',
  'deemed_rejected',
  'paper_pending',
  'delivered',
  'failed',
  'published',
]);
export type NotificationState = z.infer<typeof notificationStateSchema>;

/** Art. 43.2's two readings of "diez días naturales" (see src/main/office/notifications/rules.ts). */
export const deemedReadingSchema = z.enum(['day_10', 'from_day_11']);
export type DeemedReading = z.infer<typeof deemedReadingSchema>;

export const paperOutcomeSchema = z.enum(['delivered', 'absent', 'unknown_address', 'refused']);
export type PaperOutcome = z.infer<typeof paperOutcomeSchema>;

/** What is notified: the case's signed resolution, or an amendment request (art. 68). */
export const notificationPurposeSchema = z.enum(['resolution', 'amendment_request']);
export type NotificationPurpose = z.infer<typeof notificationPurposeSchema>;

export const notificationEventKindSchema = z.enum([
  'made_available',
  'accessed',
  'rejected',
  'deemed_rejected',
  'notice_printed',
  'attempt',
  'boe_published',
]);

export const notificationEventSchema = z.object({
  id: z.string(),
  kind: notificationEventKindSchema,
  /** When it happened (the site's instant, the attempt's, the sweep's deemed instant). */
  at: isoInstant,
  outcome: paperOutcomeSchema.nullable(),
  /** Who recorded it; null for the sweep. */
  recordedBy: z.string().nullable(),
  recordedAt: isoInstant,
});
export type NotificationEvent = z.infer<typeof notificationEventSchema>;

export const notificationSchema = z.object({
  id: z.string(),
  channel: notificationChannelSchema,
  state: notificationStateSchema,
  purpose: notificationPurposeSchema,
  /** The document notified: the signed resolution, or the amendment request. */
  document: z.object({ id: z.string(), title: z.string() }),
  /** The printable notice (paper). */
  noticeDocumentId: z.string().nullable(),
  madeAvailableAt: isoInstant.nullable(),
  /** Electronic: the instant it is deemed rejected without access (art. 43.2), under `reading`. */
  rejectsAt: isoInstant.nullable(),
  /** When the notification took effect (accessed, rejected, deemed rejected, delivered, published). */
  effectiveAt: isoInstant.nullable(),
  deemedAt: isoInstant.nullable(),
  boe: z.object({ publishedOn: isoDate, reference: z.string() }).nullable(),
  events: z.array(notificationEventSchema),
  version: z.number().int(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const caseNotificationsSchema = z.object({
  caseId: z.string(),
  caseState: caseStateSchema,
  /** The channel a new notification would use: the applicant's (legal persons always electronic). */
  channel: notificationChannelSchema,
  /** The art. 43.2 reading this office applies. */
  reading: deemedReadingSchema,
  notifications: z.array(notificationSchema),
});
export type CaseNotifications = z.infer<typeof caseNotificationsSchema>;

const caseInput = z.object({ caseId: idInput }).strict();

/**
 * A department's processors notify its resolved cases and record what happened to the
 * notifications; its heads read them. Another department's case is `not_found`.
 */
export const notificationsCalls = {
  'notifications.get': call(caseInput, caseNotificationsSchema, caseReaders),
  /** Only a `resolved` case; electronic: made available now; paper: prints the notice (in `locale`). */
  'notifications.notify': call(
    z.object({ caseId: idInput, locale: localeSchema.default('es') }).strict(),
    caseNotificationsSchema,
    caseWorkers,
  ),
  /**
   * What the city hall's site reports: the applicant opened (`accessed`) or rejected the
   * notification at `at`. `eventId` is the site's id: the same event sent twice is kept once.
   */
  'notifications.recordAccess': call(
    z
      .object({
        notificationId: idInput,
        outcome: z.enum(['accessed', 'rejected']),
        at: isoInstant,
        eventId: plainText({ min: 1, max: 128, trim: true }),
      })
      .strict(),
    caseNotificationsSchema,
    caseWorkers,
  ),
  /** One attempt at the applicant's address (art. 42.2): at most two; the same attempt twice is kept once. */
  'notifications.recordPaperAttempt': call(
    z.object({ notificationId: idInput, at: isoInstant, outcome: paperOutcomeSchema }).strict(),
    caseNotificationsSchema,
    caseWorkers,
  ),
  /** The announcement in the BOE (art. 44), only after the attempts failed. */
  'notifications.recordBoePublication': call(
    z
      .object({
        notificationId: idInput,
        publishedOn: isoDate,
        reference: plainText({ min: 1, max: 64, trim: true }).refine(
          (value) => /^BOE-[A-Z]-\d{4}-\d+$/.test(value),
          {
            message: 'a BOE reference reads BOE-N-2026-12345',
          },
        ),
      })
      .strict(),
    caseNotificationsSchema,
    caseWorkers,
  ),
  /** A notified case goes to the archive (by hand: the processor decides the case is done). */
  'notifications.archive': call(caseInput, caseNotificationsSchema, caseWorkers),
} as const;

import type { Kysely, Transaction } from 'kysely';
import { ApiError } from '../../../shared/api/errors';
import type { NotificationPurpose, PaperOutcome } from '../../../shared/api/notifications';
import type { Locale } from '../../../shared/api/session';
import type { LegalCalendar } from '../../../shared/domain/calendar';
import { madridDate } from '../../../shared/domain/calendar/dates';
import { translate } from '../../../shared/i18n/index';
import { caseMunicipalities } from '../deadlines';
import type { DocumentContents } from '../signatures/document-contents';
import { sha256Hex } from '../signatures/document-contents';
import { moveCase } from '../signatures/progress';
import { appendAudit } from '../store/audit';
import type { OfficeSchema } from '../store/schema';
import type { Actor } from '../users';
import { renderNotice } from './notice-pdf';
import { markedPdf, type GeneratedPdfMark } from '../generated-pdf';
import { caseOfActor, type CaseOfActor } from './records';
import { deemedRejection, deemedRejectionReading, madridDayStart, secondAttemptProblem } from './rules';
import { insertEvent, settle } from './settle';

export interface NotificationsDependencies {
  db: Kysely<OfficeSchema>;
  calendar: LegalCalendar;
  contents: DocumentContents;
  /** The body's name printed on the paper notice, per language. */
  issuer: Record<Locale, string>;
  now: () => Date;
  /** The desk's mark on every PDF the office generates (the composition's; none by default). */
  markPdf?: GeneratedPdfMark;
}

type Trx = Transaction<OfficeSchema>;

/** The case's signed resolution: its latest resolution document (TD01). */
async function resolutionOf(db: Kysely<OfficeSchema> | Trx, caseId: number) {
  const document = await db
    .selectFrom('documents')
    .select(['id', 'title'])
    .where('case_id', '=', caseId)
    .where('document_type', '=', 'TD01')
    .orderBy('position', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!document) throw new ApiError('notification_no_resolution');
  return document;
}

export interface PaperNotice {
  bytes: Uint8Array;
  sha256: string;
}

/** Renders the paper notice outside the transaction (the file is content-addressed: a crash leaves only an unused file). */
export async function printNotice(
  deps: NotificationsDependencies,
  actor: Actor,
  input: { caseId: number; documentTitle: string; locale: Locale; at: Date },
): Promise<PaperNotice> {
  const { caseId, locale, at } = input;
  const row = await deps.db
    .selectFrom('cases as c')
    .innerJoin('applicants as a', 'a.id', 'c.applicant_id')
    .innerJoin('procedures as p', 'p.code', 'c.procedure_code')
    .select(['c.number', 'p.name_es', 'p.name_ca', 'a.name', 'a.address', 'a.municipality'])
    .where('c.id', '=', caseId)
    .where('c.department_id', '=', actor.departmentId)
    .executeTakeFirst();
  if (!row) throw new ApiError('not_found');
  const bytes = await markedPdf(
    deps.markPdf,
    renderNotice({
      locale,
      issuer: deps.issuer[locale],
      caseNumber: row.number,
      procedureName: locale === 'es' ? row.name_es : row.name_ca,
      applicantName: row.name,
      applicantAddress: row.address,
      applicantMunicipality: row.municipality,
      documentTitle: input.documentTitle,
      at,
    }),
  );
  deps.contents.writeFile(bytes);
  return { bytes, sha256: sha256Hex(bytes) };
}

async function addNoticeDocument(
  trx: Trx,
  deps: NotificationsDependencies,
  caseId: number,
  notice: PaperNotice,
  locale: Locale,
  at: Date,
): Promise<number> {
  await deps.contents.record(trx, notice.sha256, notice.bytes);
  const found = await trx
    .selectFrom('cases')
    .select('eni_id')
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
  const last = await trx
    .selectFrom('documents')
    .select((eb) => eb.fn.coalesce(eb.fn.max('position'), eb.lit(0)).as('last'))
    .where('case_id', '=', caseId)
    .executeTakeFirstOrThrow();
  const position = Number(last.last) + 1;
  const body = found.eni_id.split('_')[1] ?? '';
  const document = await trx
    .insertInto('documents')
    .values({
      case_id: caseId,
      position,
      title: translate(locale, 'notifications.notice.documentTitle'),
      eni_id: `ES_${body}_${madridDate(at).slice(0, 4)}_NOT${caseId}_${position}`,
      document_type: 'TD07',
      origin: 1,
      elaboration_state: 'EE01',
      format: 'PDF',
      captured_at: at,
      sha256: notice.sha256,
      size: notice.bytes.byteLength,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return document.id;
}

/** A new notification: the document notified and why, and for paper the printed notice (else null). */
export interface NotificationOpening {
  documentId: number;
  purpose: NotificationPurpose;
  notice: PaperNotice | null;
  locale: Locale;
  at: Date;
}

/**
 * Opens a notification of one of the case's documents on the applicant's channel (legal persons
 * always electronically, art. 14.2), in the caller's transaction, the case locked: electronic, made
 * available now, with the instant art. 43.2 would deem it rejected; paper, the printable notice as
 * a case document, waiting for the attempts. Audited; returns the notification's id.
 */
export async function openNotification(
  trx: Trx,
  deps: NotificationsDependencies,
  actor: Actor,
  found: CaseOfActor,
  opening: NotificationOpening,
): Promise<number> {
  const { at, notice } = opening;
  const electronic = found.channel === 'electronic' || notice === null;
  const rejection = electronic
    ? deemedRejection(deps.calendar, at, caseMunicipalities(deps.calendar, found.applicantMunicipality))
    : null;
  const noticeId = electronic
    ? null
    : await addNoticeDocument(trx, deps, found.id, notice, opening.locale, at);
  const inserted = await trx
    .insertInto('notifications')
    .values({
      case_id: found.id,
      department_id: found.departmentId,
      document_id: opening.documentId,
      purpose: opening.purpose,
      channel: electronic ? 'electronic' : 'paper',
      state: electronic ? 'available' : 'paper_pending',
      created_by: actor.id,
      created_at: at,
      made_available_at: electronic ? at : null,
      rejects_at: rejection?.at ?? null,
      notice_document_id: noticeId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await insertEvent(trx, {
    notificationId: inserted.id,
    kind: electronic ? 'made_available' : 'notice_printed',
    at,
    recordedBy: actor.id,
    recordedAt: at,
    key: electronic ? 'made_available' : 'notice_printed',
  });
  await appendAudit(trx, [
    {
      at,
      actorId: actor.id,
      caseId: found.id,
      action: electronic ? 'notification.made_available' : 'notification.notice_printed',
      details: {
        notificationId: inserted.id,
        documentId: opening.documentId,
        purpose: opening.purpose,
        ...(rejection ? { rejectsAt: rejection.at.toISOString(), reading: rejection.reading } : {}),
        ...(noticeId === null ? {} : { noticeDocumentId: noticeId }),
      },
    },
  ]);
  return inserted.id;
}

/** Notifies a resolved case's signed resolution (once; an amendment request's notification does not count). */
export async function notify(
  deps: NotificationsDependencies,
  actor: Actor,
  caseId: number,
  locale: Locale,
): Promise<CaseOfActor> {
  const at = deps.now();
  const before = await caseOfActor(deps.db, actor, caseId);
  const printed = before.channel === 'paper' ? await resolutionOf(deps.db, caseId) : null;
  const notice = printed
    ? await printNotice(deps, actor, { caseId, documentTitle: printed.title, locale, at })
    : null;
  return deps.db.transaction().execute(async (trx) => {
    const found = await caseOfActor(trx, actor, caseId, true);
    if (found.state !== 'resolved')
      throw new ApiError('notification_case_not_resolved', { state: found.state });
    const existing = await trx
      .selectFrom('notifications')
      .select('id')
      .where('case_id', '=', caseId)
      .where('purpose', '=', 'resolution')
      .executeTakeFirst();
    if (existing) throw new ApiError('notification_exists');
    const resolution = await resolutionOf(trx, caseId);
    await openNotification(trx, deps, actor, found, {
      documentId: resolution.id,
      purpose: 'resolution',
      notice,
      locale,
      at,
    });
    return found;
  });
}

interface LockedNotification {
  id: number;
  caseId: number;
  channel: 'electronic' | 'paper';
  state: string;
  madeAvailableAt: Date | null;
  rejectsAt: Date | null;
  createdAt: Date;
}

/**
 * One recording on a notification of the actor's department, by `channel` (another channel's is
 * refused): the notification locked for its transaction, and the instant the office records it.
 */
function onNotification(
  deps: NotificationsDependencies,
  actor: Actor,
  target: { notificationId: number; channel: LockedNotification['channel'] },
  work: (trx: Trx, notification: LockedNotification, recordedAt: Date) => Promise<Recorded>,
): Promise<Recorded> {
  const recordedAt = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const notification = await lockNotification(trx, actor, target.notificationId);
    if (notification.channel !== target.channel)
      throw new ApiError('notification_wrong_channel', { channel: notification.channel });
    return work(trx, notification, recordedAt);
  });
}

async function lockNotification(trx: Trx, actor: Actor, notificationId: number): Promise<LockedNotification> {
  const row = await trx
    .selectFrom('notifications')
    .select(['id', 'case_id', 'channel', 'state', 'made_available_at', 'rejects_at', 'created_at'])
    .where('id', '=', notificationId)
    .where('department_id', '=', actor.departmentId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new ApiError('not_found');
  return {
    id: row.id,
    caseId: row.case_id,
    channel: row.channel,
    state: row.state,
    madeAvailableAt: row.made_available_at,
    rejectsAt: row.rejects_at,
    createdAt: row.created_at,
  };
}

/** Changed: false when the event was a repeat already applied. */
export interface Recorded {
  caseId: number;
  changed: boolean;
}

function eventOutcome(insert: Awaited<ReturnType<typeof insertEvent>>): 'new' | 'repeated' {
  if (insert.kind === 'conflict') throw new ApiError('notification_event_conflict');
  return insert.kind;
}

/**
 * What the site reports: the applicant opened or rejected the electronic notification at `at`.
 * The same event id again is a repeat (kept once); a new event for a notification that already
 * took effect is refused (`notification_already_settled`), except the one case where the site
 * is right and the sweep was early: an access within the ten days, reported after the sweep
 * deemed the notification rejected, replaces the deemed rejection (the applicant did open it).
 * An access reported after the ten days takes effect as the rejection art. 43.2 says it is.
 */
export async function recordAccess(
  deps: NotificationsDependencies,
  actor: Actor,
  input: { notificationId: number; outcome: 'accessed' | 'rejected'; at: Date; eventId: string },
): Promise<Recorded> {
  return onNotification(
    deps,
    actor,
    { notificationId: input.notificationId, channel: 'electronic' },
    async (trx, notification, recordedAt) => {
      const madeAvailableAt = notification.madeAvailableAt!;
      const rejectsAt = notification.rejectsAt!;
      if (input.at.getTime() < madeAvailableAt.getTime())
        throw new ApiError('notification_event_out_of_time', { reason: 'before_available' });
      if (input.at.getTime() > recordedAt.getTime())
        throw new ApiError('notification_event_out_of_time', { reason: 'in_future' });
      const inTime = input.at.getTime() < rejectsAt.getTime();
      const correctsSweep = notification.state === 'deemed_rejected' && inTime;
      if (notification.state !== 'available' && !correctsSweep) {
        const repeat = await trx
          .selectFrom('notification_events')
          .select(['kind', 'at'])
          .where('notification_id', '=', notification.id)
          .where('idempotency_key', '=', `site:${input.eventId}`)
          .executeTakeFirst();
        if (repeat && repeat.kind === input.outcome && repeat.at.getTime() === input.at.getTime())
          return { caseId: notification.caseId, changed: false };
        if (repeat) throw new ApiError('notification_event_conflict');
        throw new ApiError('notification_already_settled', { state: notification.state });
      }
      const outcome = eventOutcome(
        await insertEvent(trx, {
          notificationId: notification.id,
          kind: input.outcome,
          at: input.at,
          recordedBy: actor.id,
          recordedAt,
          key: `site:${input.eventId}`,
          details: { eventId: input.eventId, inTime: inTime ? 1 : 0 },
        }),
      );
      if (outcome === 'repeated') return { caseId: notification.caseId, changed: false };
      if (!inTime) {
        await settle(
          trx,
          deps.calendar,
          notification,
          {
            state: 'deemed_rejected',
            effectiveAt: rejectsAt,
            deemed: { at: rejectsAt, reading: deemedRejectionReading },
          },
          actor.id,
          recordedAt,
        );
        return { caseId: notification.caseId, changed: true };
      }
      await settle(
        trx,
        deps.calendar,
        notification,
        { state: input.outcome, effectiveAt: input.at, ...(correctsSweep ? { deemed: null } : {}) },
        actor.id,
        recordedAt,
      );
      return { caseId: notification.caseId, changed: true };
    },
  );
}

const failedOutcomes: readonly PaperOutcome[] = ['absent', 'unknown_address'];

/**
 * One attempt at the applicant's address (art. 42.2). Delivered: effective. Refused: effective
 * too, the procedure goes on (art. 41.5). Absent: a second attempt follows, within three days,
 * on the other side of 15:00 and 3 hours apart; a second absence, or an unknown address (nobody
 * there to try again), leaves the notification failed, for the BOE (art. 44).
 */
export async function recordPaperAttempt(
  deps: NotificationsDependencies,
  actor: Actor,
  input: { notificationId: number; at: Date; outcome: PaperOutcome },
): Promise<Recorded> {
  return onNotification(
    deps,
    actor,
    { notificationId: input.notificationId, channel: 'paper' },
    async (trx, notification, recordedAt) => {
      const key = `attempt:${input.at.toISOString()}`;
      const attempts = await trx
        .selectFrom('notification_events')
        .select(['at', 'outcome', 'idempotency_key'])
        .where('notification_id', '=', notification.id)
        .where('kind', '=', 'attempt')
        .orderBy('at')
        .execute();
      const repeat = attempts.find((attempt) => attempt.idempotency_key === key);
      if (repeat) {
        if (repeat.outcome === input.outcome) return { caseId: notification.caseId, changed: false };
        throw new ApiError('notification_event_conflict');
      }
      if (notification.state === 'failed') throw new ApiError('notification_attempts_done');
      if (notification.state !== 'paper_pending')
        throw new ApiError('notification_already_settled', { state: notification.state });
      if (input.at.getTime() < notification.createdAt.getTime())
        throw new ApiError('notification_event_out_of_time', { reason: 'before_available' });
      if (input.at.getTime() > recordedAt.getTime())
        throw new ApiError('notification_event_out_of_time', { reason: 'in_future' });
      const first = attempts[0];
      if (first) {
        const problem = secondAttemptProblem(first.at, input.at);
        if (problem) throw new ApiError('notification_second_attempt', { problem });
      }
      eventOutcome(
        await insertEvent(trx, {
          notificationId: notification.id,
          kind: 'attempt',
          at: input.at,
          recordedBy: actor.id,
          recordedAt,
          outcome: input.outcome,
          key,
          details: { attempt: attempts.length + 1 },
        }),
      );
      await appendAudit(trx, [
        {
          at: recordedAt,
          actorId: actor.id,
          caseId: notification.caseId,
          action: 'notification.attempt',
          details: {
            notificationId: notification.id,
            attempt: attempts.length + 1,
            at: input.at.toISOString(),
            outcome: input.outcome,
          },
        },
      ]);
      if (input.outcome === 'delivered' || input.outcome === 'refused')
        await settle(
          trx,
          deps.calendar,
          notification,
          { state: input.outcome === 'delivered' ? 'delivered' : 'rejected', effectiveAt: input.at },
          actor.id,
          recordedAt,
        );
      else if (failedOutcomes.includes(input.outcome) && (first || input.outcome === 'unknown_address'))
        await trx
          .updateTable('notifications')
          .set({ state: 'failed' })
          .where('id', '=', notification.id)
          .execute();
      return { caseId: notification.caseId, changed: true };
    },
  );
}

/** The announcement in the BOE (art. 44), once the attempts failed: the notification takes effect that day. */
export async function recordBoePublication(
  deps: NotificationsDependencies,
  actor: Actor,
  input: { notificationId: number; publishedOn: string; reference: string },
): Promise<Recorded> {
  return onNotification(
    deps,
    actor,
    { notificationId: input.notificationId, channel: 'paper' },
    async (trx, notification, recordedAt) => {
      const at = madridDayStart(input.publishedOn);
      const key = `boe:${input.reference}`;
      if (notification.state === 'published') {
        const repeat = await trx
          .selectFrom('notification_events')
          .select(['at'])
          .where('notification_id', '=', notification.id)
          .where('idempotency_key', '=', key)
          .executeTakeFirst();
        if (repeat && repeat.at.getTime() === at.getTime())
          return { caseId: notification.caseId, changed: false };
        throw new ApiError('notification_already_settled', { state: notification.state });
      }
      if (notification.state !== 'failed') throw new ApiError('notification_boe_not_allowed');
      if (
        input.publishedOn > madridDate(recordedAt) ||
        input.publishedOn < madridDate(notification.createdAt)
      )
        throw new ApiError('notification_event_out_of_time', { reason: 'publication_date' });
      eventOutcome(
        await insertEvent(trx, {
          notificationId: notification.id,
          kind: 'boe_published',
          at,
          recordedBy: actor.id,
          recordedAt,
          key,
          details: { reference: input.reference },
        }),
      );
      await settle(
        trx,
        deps.calendar,
        notification,
        { state: 'published', effectiveAt: at, boe: { on: input.publishedOn, reference: input.reference } },
        actor.id,
        recordedAt,
      );
      return { caseId: notification.caseId, changed: true };
    },
  );
}

/** A notified case goes to the archive: its processor decides it is done (nothing archives by itself). */
export async function archive(deps: NotificationsDependencies, actor: Actor, caseId: number): Promise<void> {
  const at = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    const found = await caseOfActor(trx, actor, caseId, true);
    if (found.state !== 'notified') throw new ApiError('invalid_transition');
    await moveCase(trx, caseId, ['archived'], actor.id, at);
  });
}

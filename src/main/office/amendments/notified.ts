import type { Transaction } from 'kysely';
import { ApiError } from '../../../shared/api/errors';
import type { LegalCalendar } from '../../../shared/domain/calendar';
import { amendmentTermEnd, explainCaseDueDate, type StoredSuspension } from '../deadlines';
import { appendAudit } from '../store/audit';
import type { OfficeSchema } from '../store/schema';
import { loadTermRecords, rederiveCase } from './derivation';

/** Whether the engine accepts this suspension on the case (it refuses one that starts after the term ended). */
export async function suspensionFits(
  trx: Transaction<OfficeSchema>,
  calendar: LegalCalendar,
  caseId: number,
  added: StoredSuspension,
): Promise<boolean> {
  const [record] = await loadTermRecords(trx, [caseId]);
  if (!record) return false;
  try {
    explainCaseDueDate(calendar, { ...record, suspensions: [...record.suspensions, added] });
    return true;
  } catch (error) {
    if (error instanceof ApiError && error.code === 'invalid_input') return false;
    throw error;
  }
}

/**
 * The notification of an amendment request was made at `effectiveAt` (accessed, rejected, deemed
 * rejected under the reading art. 43.2 is applied with, delivered, or published in the BOE). From
 * that day (Madrid):
 *
 * - art. 68.1: the granted business days (extension included) count from the day after (art. 30.4,
 *   no filing shift), so the request gets its notification day and last day;
 * - art. 22.1.a: the term to resolve is suspended "por el tiempo que medie entre la notificación del
 *   requerimiento y su efectivo cumplimiento por el destinatario, o, en su defecto, por el del plazo
 *   concedido": the suspension starts on the notification's day, and the due date is derived again.
 *
 * A notification of anything else, or of a request already answered (the reply came in before the
 * notification was made: nothing runs from it) or closed, changes nothing. A site's access that
 * corrects a deemed rejection dates the term and the suspension again from the access. A request
 * notified after the term to resolve ended gets its term, but suspends nothing (a suspension only
 * stops a running term): the audit entry says so. In the caller's transaction.
 */
export async function amendmentNotificationMade(
  trx: Transaction<OfficeSchema>,
  calendar: LegalCalendar,
  notification: { id: number; caseId: number },
  effectiveAt: Date,
  actorId: string | null,
  at: Date,
): Promise<void> {
  const request = await trx
    .selectFrom('amendment_requests')
    .select(['id', 'state', 'notified_on', 'term_days', 'extension_days'])
    .where('notification_id', '=', notification.id)
    .forUpdate()
    .executeTakeFirst();
  if (!request || request.state !== 'pending') return;
  const suspension = await trx
    .selectFrom('case_suspensions')
    .select(['id', 'to_on'])
    .where('amendment_request_id', '=', request.id)
    .executeTakeFirst();
  if (suspension?.to_on != null) return;
  const notifiedOn = calendar.today(effectiveAt);
  if (request.notified_on === notifiedOn) return;
  const applicant = await trx
    .selectFrom('cases as c')
    .innerJoin('applicants as a', 'a.id', 'c.applicant_id')
    .select('a.municipality')
    .where('c.id', '=', notification.caseId)
    .executeTakeFirstOrThrow();
  const endsOn = amendmentTermEnd(
    calendar,
    notifiedOn,
    request.term_days + request.extension_days,
    applicant.municipality,
  );
  await trx
    .updateTable('amendment_requests')
    .set({ notified_on: notifiedOn, ends_on: endsOn })
    .where('id', '=', request.id)
    .execute();
  // A later start moved earlier (the site's access corrects a deemed rejection) still fits the term.
  const suspended =
    suspension !== undefined ||
    (await suspensionFits(trx, calendar, notification.caseId, { from: notifiedOn, to: null, until: endsOn }));
  if (suspension)
    await trx
      .updateTable('case_suspensions')
      .set({ from_on: notifiedOn })
      .where('id', '=', suspension.id)
      .execute();
  else if (suspended)
    await trx
      .insertInto('case_suspensions')
      .values({
        case_id: notification.caseId,
        from_on: notifiedOn,
        to_on: null,
        reason: 'amendment',
        amendment_request_id: request.id,
      })
      .execute();
  await appendAudit(trx, [
    {
      at,
      actorId,
      caseId: notification.caseId,
      action: 'amendment.notified',
      details: {
        amendment: request.id,
        notificationId: notification.id,
        notifiedOn,
        endsOn,
        suspended: suspended ? 1 : 0,
        ...(request.notified_on === null ? {} : { redatedFrom: request.notified_on }),
      },
    },
  ]);
  if (suspended) await rederiveCase(trx, calendar, actorId, notification.caseId, at, 'amendment_notified');
}

import { sql, type Transaction } from 'kysely';
import type { DeemedReading, NotificationState, PaperOutcome } from '../../../shared/api/notifications';
import type { LegalCalendar } from '../../../shared/domain/calendar';
import { amendmentNotificationMade } from '../amendments/notified';
import { moveCase } from '../signatures/progress';
import { appendAudit } from '../store/audit';
import type { OfficeSchema } from '../store/schema';
import type { NotificationEventKind } from './tables';

export interface NewEvent {
  notificationId: number;
  kind: NotificationEventKind;
  at: Date;
  recordedBy: string | null;
  recordedAt: Date;
  outcome?: PaperOutcome;
  key: string;
  details?: Record<string, string | number | null>;
}

export type EventInsert = { kind: 'new' } | { kind: 'repeated' } | { kind: 'conflict' };

/**
 * Keeps an event once: the same key again with the same kind, instant and outcome is a repeat
 * (nothing happens twice); the same key with anything else is a conflict (nothing is changed).
 */
export async function insertEvent(trx: Transaction<OfficeSchema>, event: NewEvent): Promise<EventInsert> {
  const inserted = await trx
    .insertInto('notification_events')
    .values({
      notification_id: event.notificationId,
      kind: event.kind,
      at: event.at,
      recorded_by: event.recordedBy,
      recorded_at: event.recordedAt,
      outcome: event.outcome ?? null,
      idempotency_key: event.key,
      details: JSON.stringify(event.details ?? {}),
    })
    .onConflict((conflict) => conflict.columns(['notification_id', 'idempotency_key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) return { kind: 'new' };
  const earlier = await trx
    .selectFrom('notification_events')
    .select(['kind', 'at', 'outcome'])
    .where('notification_id', '=', event.notificationId)
    .where('idempotency_key', '=', event.key)
    .executeTakeFirstOrThrow();
  const same =
    earlier.kind === event.kind &&
    earlier.at.getTime() === event.at.getTime() &&
    earlier.outcome === (event.outcome ?? null);
  return same ? { kind: 'repeated' } : { kind: 'conflict' };
}

/**
 * The notification took effect: its new state; a resolution's case becomes `notified`, an
 * amendment request's term and suspension start from it (audited, same transaction).
 */
export async function settle(
  trx: Transaction<OfficeSchema>,
  calendar: LegalCalendar,
  notification: { id: number; caseId: number },
  change: {
    state: NotificationState;
    effectiveAt: Date;
    /** Set for a deemed rejection; null clears one the site's report proved wrong. */
    deemed?: { at: Date; reading: DeemedReading } | null;
    boe?: { on: string; reference: string };
  },
  actorId: string | null,
  at: Date,
): Promise<void> {
  const { purpose } = await trx
    .updateTable('notifications')
    .set({
      state: change.state,
      effective_at: change.effectiveAt,
      ...(change.deemed === undefined
        ? {}
        : { deemed_at: change.deemed?.at ?? null, deemed_reading: change.deemed?.reading ?? null }),
      ...(change.boe ? { boe_published_on: change.boe.on, boe_reference: change.boe.reference } : {}),
      version: sql`version + 1`,
    })
    .where('id', '=', notification.id)
    .returning('purpose')
    .executeTakeFirstOrThrow();
  await appendAudit(trx, [
    {
      at,
      actorId,
      caseId: notification.caseId,
      action: 'notification.effective',
      details: {
        notificationId: notification.id,
        state: change.state,
        effectiveAt: change.effectiveAt.toISOString(),
      },
    },
  ]);
  if (purpose === 'amendment_request') {
    await amendmentNotificationMade(trx, calendar, notification, change.effectiveAt, actorId, at);
    return;
  }
  const current = await trx
    .selectFrom('cases')
    .select('state')
    .where('id', '=', notification.caseId)
    .executeTakeFirstOrThrow();
  if (current.state === 'resolved') await moveCase(trx, notification.caseId, ['notified'], actorId, at);
}

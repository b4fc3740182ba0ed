import { sql, type Kysely } from 'kysely';
import { ApiError } from '../../../shared/api/errors';
import type { NotificationPurpose } from '../../../shared/api/notifications';
import type { LegalCalendar } from '../../../shared/domain/calendar';
import { amendmentNotificationMade } from '../amendments/notified';
import type { CasesChanged } from '../change-feed';
import { appendAudit, type AuditEntry } from '../store/audit';
import type { OfficeSchema } from '../store/schema';
import { deemedRejectionReading } from './rules';

export interface SweepOptions {
  /** Notifications deemed rejected per transaction: memory stays flat however many are due. */
  batchSize?: number;
  /** Told which cases each batch changed, per department (for `cases.changed`). */
  announce?: (change: CasesChanged) => void;
}

export interface SweepOutcome {
  /** Electronic notifications deemed rejected now (art. 43.2). */
  deemed: number;
  /** Cases that became `notified` with them. */
  notified: number;
}

interface SweptRow {
  id: number;
  case_id: number;
  purpose: NotificationPurpose;
  department_id: string;
  rejects_at: Date;
  moved: boolean;
}

/**
 * Refuses a clock earlier than the last sweep's (nothing is changed), and records this one.
 * The same instant again is allowed: a sweep that stopped half-way may be run again.
 */
async function advanceSweepClock(db: Kysely<OfficeSchema>, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('notification_sweeps')
      .values({ id: 1, last_swept_at: now })
      .onConflict((conflict) => conflict.column('id').doNothing())
      .execute();
    const last = await trx
      .selectFrom('notification_sweeps')
      .select('last_swept_at')
      .where('id', '=', 1)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (last.last_swept_at.getTime() > now.getTime())
      throw new ApiError('notification_clock_backwards', {
        last: last.last_swept_at.toISOString(),
        now: now.toISOString(),
      });
    await trx.updateTable('notification_sweeps').set({ last_swept_at: now }).where('id', '=', 1).execute();
  });
}

/**
 * Deems rejected every electronic notification still at the applicant's disposal whose art. 43.2
 * instant (`rejects_at`, worked out with the calendar under `deemedRejectionReading` when it was
 * made available) is not after `now`, and moves a resolution's case to `notified` (art. 43.2: the
 * procedure goes on; the notification counts as made); an amendment request's term and suspension
 * start from that instant's day (amendmentNotificationMade, with `calendar`). Set-based: one statement per batch updates the
 * notifications, adds their events and moves their cases; the audit entries go in the same
 * transaction. A desk that sweeps at the same time skips the rows this one holds.
 */
export async function sweepNotifications(
  db: Kysely<OfficeSchema>,
  calendar: LegalCalendar,
  now: Date,
  options: SweepOptions = {},
): Promise<SweepOutcome> {
  if (Number.isNaN(now.getTime())) throw new ApiError('invalid_input', { field: 'now' });
  const batchSize = options.batchSize ?? 2_000;
  await advanceSweepClock(db, now);
  const outcome: SweepOutcome = { deemed: 0, notified: 0 };
  for (;;) {
    const rows = await db.transaction().execute(async (trx) => {
      const swept = (
        await sql<SweptRow>`
          with due as (
            select id from notifications
            where state = 'available' and rejects_at <= ${now}
            order by rejects_at, id
            limit ${batchSize}
            for update skip locked
          ), changed as (
            update notifications n
            set state = 'deemed_rejected', deemed_at = n.rejects_at, deemed_reading = ${deemedRejectionReading},
              effective_at = n.rejects_at, version = n.version + 1
            -- By primary key, the batch's ids at once: a join let the planner scan every notification
            -- ever made, a cost that grew with the table instead of the batch.
            where n.id = any(array(select id from due))
            returning n.id, n.case_id, n.department_id, n.rejects_at, n.purpose
          ), events as (
            insert into notification_events (notification_id, kind, at, recorded_by, recorded_at, idempotency_key)
            select id, 'deemed_rejected', rejects_at, null, ${now}, 'deemed_rejected' from changed
          ), moved as (
            update cases c
            set state = 'notified', version = c.version + 1, updated_at = ${now}
            from changed
            where c.id = changed.case_id and changed.purpose = 'resolution' and c.state = 'resolved'
            returning c.id
          )
          select changed.id, changed.case_id, changed.department_id, changed.rejects_at, changed.purpose,
            (moved.id is not null) as moved
          from changed left join moved on moved.id = changed.case_id
          order by changed.rejects_at, changed.id
        `.execute(trx)
      ).rows;
      // One entry per notification: its case's move to `notified` says why (the audit trail is the
      // sweep's main cost, so the effect and the move are not written twice).
      const audit: AuditEntry[] = swept.map((row) => {
        const effect = {
          notificationId: row.id,
          notificationState: 'deemed_rejected',
          effectiveAt: new Date(row.rejects_at).toISOString(),
          reading: deemedRejectionReading,
        };
        return row.moved
          ? {
              at: now,
              actorId: null,
              caseId: row.case_id,
              action: 'case.state_changed',
              details: { from: 'resolved', to: 'notified', ...effect },
            }
          : {
              at: now,
              actorId: null,
              caseId: row.case_id,
              action: 'notification.effective',
              details: effect,
            };
      });
      await appendAudit(trx, audit);
      for (const row of swept)
        if (row.purpose === 'amendment_request')
          await amendmentNotificationMade(
            trx,
            calendar,
            { id: row.id, caseId: row.case_id },
            new Date(row.rejects_at),
            null,
            now,
          );
      return swept;
    });
    outcome.deemed += rows.length;
    outcome.notified += rows.filter((row) => row.moved).length;
    if (options.announce && rows.length > 0) {
      const byDepartment = new Map<string, string[]>();
      for (const row of rows) {
        const ids = byDepartment.get(row.department_id) ?? [];
        ids.push(String(row.case_id));
        byDepartment.set(row.department_id, ids);
      }
      for (const [departmentId, caseIds] of byDepartment)
        options.announce({ caseIds, departmentId, kind: 'updated' });
    }
    if (rows.length < batchSize) return outcome;
  }
}

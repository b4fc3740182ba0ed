import type { Kysely, Transaction } from 'kysely';
import { ApiError } from '../../../shared/api/errors';
import type { CaseNotifications, Notification } from '../../../shared/api/notifications';
import { parseCaseId } from '../cases/rows';
import type { OfficeSchema } from '../store/schema';
import type { Actor } from '../users';
import { deemedRejectionReading } from './rules';

type Reader = Kysely<OfficeSchema> | Transaction<OfficeSchema>;

export interface CaseOfActor {
  id: number;
  departmentId: string;
  state: CaseNotifications['caseState'];
  channel: 'electronic' | 'paper';
  applicantKind: 'natural' | 'legal';
  applicantMunicipality: string;
}

/** Positive integer ids only; anything else is `not_found`, as if it did not exist. */
export function idOf(raw: string): number {
  const id = parseCaseId(raw);
  if (id === null) throw new ApiError('not_found');
  return id;
}

/** The actor's department's case (another department's is `not_found`), locked when in a transaction. */
export async function caseOfActor(
  db: Reader,
  actor: Actor,
  caseId: number,
  lock = false,
): Promise<CaseOfActor> {
  let query = db
    .selectFrom('cases as c')
    .innerJoin('applicants as a', 'a.id', 'c.applicant_id')
    .select(['c.id', 'c.department_id', 'c.state', 'a.channel', 'a.kind', 'a.municipality'])
    .where('c.id', '=', caseId)
    .where('c.department_id', '=', actor.departmentId);
  if (lock) query = query.forUpdate('c');
  const row = await query.executeTakeFirst();
  if (!row) throw new ApiError('not_found');
  return {
    id: row.id,
    departmentId: row.department_id,
    state: row.state,
    // Legal persons are notified electronically whatever the record says (art. 14.2).
    channel: row.kind === 'legal' ? 'electronic' : row.channel,
    applicantKind: row.kind,
    applicantMunicipality: row.municipality,
  };
}

/** The case a notification belongs to, for the actor (another department's is `not_found`). */
export async function caseIdOfNotification(
  db: Reader,
  actor: Actor,
  notificationId: number,
): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select('case_id')
    .where('id', '=', notificationId)
    .where('department_id', '=', actor.departmentId)
    .executeTakeFirst();
  if (!row) throw new ApiError('not_found');
  return row.case_id;
}

const iso = (instant: Date | null): string | null => (instant === null ? null : instant.toISOString());

/** The case's notifications, oldest first, each with its events in the order they happened. */
export async function caseNotifications(db: Reader, found: CaseOfActor): Promise<CaseNotifications> {
  const rows = await db
    .selectFrom('notifications as n')
    .innerJoin('documents as d', 'd.id', 'n.document_id')
    .selectAll('n')
    .select('d.title as document_title')
    .where('n.case_id', '=', found.id)
    .orderBy('n.id')
    .execute();
  const events =
    rows.length === 0
      ? []
      : await db
          .selectFrom('notification_events as e')
          .leftJoin('users as u', 'u.id', 'e.recorded_by')
          .select(['e.id', 'e.notification_id', 'e.kind', 'e.at', 'e.outcome', 'e.recorded_at', 'u.name'])
          .where(
            'e.notification_id',
            'in',
            rows.map((row) => row.id),
          )
          .orderBy('e.at')
          .orderBy('e.id')
          .execute();
  const notifications: Notification[] = rows.map((row) => ({
    id: String(row.id),
    channel: row.channel,
    state: row.state,
    purpose: row.purpose,
    document: { id: String(row.document_id), title: row.document_title },
    noticeDocumentId: row.notice_document_id === null ? null : String(row.notice_document_id),
    madeAvailableAt: iso(row.made_available_at),
    rejectsAt: iso(row.rejects_at),
    effectiveAt: iso(row.effective_at),
    deemedAt: iso(row.deemed_at),
    boe:
      row.boe_published_on === null || row.boe_reference === null
        ? null
        : { publishedOn: row.boe_published_on, reference: row.boe_reference },
    events: events
      .filter((event) => event.notification_id === row.id)
      .map((event) => ({
        id: String(event.id),
        kind: event.kind,
        at: event.at.toISOString(),
        outcome: event.outcome,
        recordedBy: event.name,
        recordedAt: event.recorded_at.toISOString(),
      })),
    version: row.version,
  }));
  return {
    caseId: String(found.id),
    caseState: found.state,
    channel: found.channel,
    reading: deemedRejectionReading,
    notifications,
  };
}

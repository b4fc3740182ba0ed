import { sql } from 'kysely';
import type { Store } from '../../../../src/main/office/store/open-store';
import { seededOffice, type TestOffice } from '../support';

/** An office whose clock the test moves: `clock.now` is what every call sees. */
export interface ClockedOffice extends TestOffice {
  clock: { now: Date };
}

/** A demo city (without its PDF files: `resolvedCase` adds the resolution it needs) and a movable clock. */
export async function clockedOffice(
  start: Date,
  cases = 120,
  options: Parameters<typeof seededOffice>[1] = {},
) {
  const clock = { now: start };
  const office = await seededOffice(cases, { ...options, now: () => clock.now });
  return Object.assign(office, { clock }) as ClockedOffice;
}

/**
 * A resolved case of the department, its applicant set to a natural person on `channel`, with its
 * signed resolution (a TD01 document) as the signing tray leaves it.
 */
export async function resolvedCase(
  store: Store,
  departmentId: string,
  channel: 'electronic' | 'paper',
  skip = 0,
): Promise<string> {
  // The tray's part is done by hand when the small city has too few resolved cases: a case further
  // back is taken as signed (state `resolved`, its resolution added below).
  const row = await store.db
    .selectFrom('cases')
    .select(['id', 'applicant_id'])
    .where('department_id', '=', departmentId)
    .where('state', 'in', ['resolved', 'awaiting_signature', 'proposal', 'in_progress'])
    .orderBy(sql`state = 'resolved'`, 'desc')
    .orderBy('id')
    .offset(skip)
    .limit(1)
    .executeTakeFirstOrThrow();
  await store.db.updateTable('cases').set({ state: 'resolved' }).where('id', '=', row.id).execute();
  await store.db
    .updateTable('applicants')
    .set({ channel, kind: 'natural' })
    .where('id', '=', row.applicant_id)
    .execute();
  const last = await store.db
    .selectFrom('documents')
    .select((eb) => eb.fn.coalesce(eb.fn.max('position'), eb.lit(0)).as('last'))
    .where('case_id', '=', row.id)
    .executeTakeFirstOrThrow();
  await store.db
    .insertInto('documents')
    .values({
      case_id: row.id,
      position: Number(last.last) + 1,
      title: 'Resolución 2026/000001',
      eni_id: `ES_LA0013601_2026_RESTEST${row.id}`,
      document_type: 'TD01',
      origin: 1,
      elaboration_state: 'EE01',
      format: 'PDF',
      captured_at: new Date('2026-02-27T10:00:00Z'),
      sha256: 'a'.repeat(64),
      size: 1000,
    })
    .execute();
  return String(row.id);
}

import type { Kysely } from 'kysely';
import type { LegalCalendar } from '../../../shared/domain/calendar';
import { calendarFingerprint } from '../calendar/load';
import type { OfficeSchema } from '../store/schema';
import { deriveAll, loadOpenTermRecordsAfter, storeDerivedDueDates, type DueDateChange } from './derivation';

export interface RecomputeOutcome {
  /** Open cases whose due date was derived again. */
  checked: number;
  changed: DueDateChange[];
  /** Open cases left as they were because their dates need a year without calendar data. */
  failed: number[];
}

const pageSize = 2000;

/**
 * Due dates are derived data (registry entry + term + suspensions + calendars): every open case
 * whose stored due date no longer follows from them (a provisional calendar year replaced by its
 * bulletin, a holiday added) gets the derived one, each change audited with the reason `calendar`.
 * The office runs it at start-up only when the calendar files differ from those the dates were last
 * derived with (their fingerprint is kept in `derived_state`); `always` derives them all regardless
 * (`despacho deadlines recompute`). It changes nothing when nothing changed.
 */
export async function recomputeDueDates(
  db: Kysely<OfficeSchema>,
  calendar: LegalCalendar,
  now: Date,
  options: { always?: boolean } = {},
): Promise<RecomputeOutcome> {
  const fingerprint = calendarFingerprint(calendar);
  const unchanged = { checked: 0, changed: [], failed: [] };
  if (!options.always && fingerprint !== null && (await derivedWith(db)) === fingerprint) return unchanged;
  const outcome = await deriveEveryOpenCase(db, calendar, now);
  await rememberDerivedWith(db, calendar, now);
  return outcome;
}

/** Records that every open case's due date now follows from these calendars: the next start derives nothing while they stay the same. */
async function rememberDerivedWith(
  db: Kysely<OfficeSchema>,
  calendar: LegalCalendar,
  now: Date,
): Promise<void> {
  const fingerprint = calendarFingerprint(calendar);
  // Derived with a calendar of unknown files: the next start derives again, whatever it loads.
  if (fingerprint === null) await db.deleteFrom('derived_state').where('name', '=', 'calendars').execute();
  else
    await db
      .insertInto('derived_state')
      .values({ name: 'calendars', value: fingerprint, updated_at: now })
      .onConflict((conflict) => conflict.column('name').doUpdateSet({ value: fingerprint, updated_at: now }))
      .execute();
}

const derivedWith = async (db: Kysely<OfficeSchema>): Promise<string | null> =>
  (await db.selectFrom('derived_state').select('value').where('name', '=', 'calendars').executeTakeFirst())
    ?.value ?? null;

/**
 * A page of open cases at a time: their inputs read in two range queries, derived in memory, and
 * only the stale ones written (in bulk, one transaction per page).
 */
async function deriveEveryOpenCase(
  db: Kysely<OfficeSchema>,
  calendar: LegalCalendar,
  now: Date,
): Promise<RecomputeOutcome> {
  const outcome: RecomputeOutcome = { checked: 0, changed: [], failed: [] };
  let after = 0;
  for (;;) {
    const records = await loadOpenTermRecordsAfter(db, after, pageSize);
    if (records.length === 0) return outcome;
    after = records[records.length - 1]!.caseId;
    const { derived, failed } = deriveAll(calendar, records);
    outcome.checked += derived.size;
    outcome.failed.push(...failed);
    const stale = records.filter((record) => {
      const explanation = derived.get(record.caseId);
      return (
        explanation !== undefined &&
        (explanation.dueDate !== record.dueDate || explanation.nominalEnd !== record.nominalEnd)
      );
    });
    if (stale.length > 0)
      outcome.changed.push(
        ...(await db
          .transaction()
          .execute((trx) => storeDerivedDueDates(trx, stale, derived, now, null, 'calendar'))),
      );
  }
}

import { sql, type Kysely, type Transaction } from 'kysely';
import { ApiError } from '../../../shared/api/errors';
import type { DueDateExplanation, LegalCalendar } from '../../../shared/domain/calendar';
import { explainCaseDueDate, type CaseTermInputs, type StoredSuspension } from '../deadlines';
import { appendAudit, type AuditEntry } from '../store/audit';
import type { OfficeSchema } from '../store/schema';

type Db = Kysely<OfficeSchema> | Transaction<OfficeSchema>;

/** A case's stored due date beside all it is derived from. */
export interface CaseTermRecord extends CaseTermInputs {
  caseId: number;
  departmentId: string;
  dueDate: string;
  nominalEnd: string | null;
}

/** The stored inputs of these cases (all of them, open or not), in the order of `caseIds`. */
export async function loadTermRecords(db: Db, caseIds: readonly number[]): Promise<CaseTermRecord[]> {
  if (caseIds.length === 0) return [];
  const [cases, suspensions] = await Promise.all([
    db
      .selectFrom('cases as c')
      .innerJoin('registry_entries as r', 'r.id', 'c.registry_entry_id')
      .innerJoin('procedures as p', 'p.code', 'c.procedure_code')
      .innerJoin('applicants as a', 'a.id', 'c.applicant_id')
      .select([
        'c.id',
        'c.department_id',
        'c.due_date',
        'c.nominal_end',
        'r.registered_at',
        'p.term_unit',
        'p.term_amount',
        'a.municipality',
      ])
      .where('c.id', 'in', caseIds)
      .execute(),
    db
      .selectFrom('case_suspensions as s')
      .innerJoin('amendment_requests as q', 'q.id', 's.amendment_request_id')
      .select(['s.case_id', 's.from_on', 's.to_on', 'q.ends_on'])
      // A suspension starts from a notified request only, which has its last day (0018).
      .$narrowType<{ ends_on: string }>()
      .where('s.case_id', 'in', caseIds)
      .orderBy('s.from_on')
      .execute(),
  ]);
  const byCase = new Map<number, StoredSuspension[]>();
  for (const row of suspensions) {
    const list = byCase.get(row.case_id) ?? [];
    list.push({ from: row.from_on, to: row.to_on, until: row.ends_on });
    byCase.set(row.case_id, list);
  }
  const byId = new Map(
    cases.map((row) => [
      row.id,
      {
        caseId: row.id,
        departmentId: row.department_id,
        dueDate: row.due_date,
        nominalEnd: row.nominal_end,
        registeredAt: row.registered_at,
        term: { unit: row.term_unit, amount: row.term_amount },
        applicantMunicipality: row.municipality,
        suspensions: byCase.get(row.id) ?? [],
      } satisfies CaseTermRecord,
    ]),
  );
  return caseIds.flatMap((id) => byId.get(id) ?? []);
}

/** Why a due date was derived again: a change of the case's suspensions, or of the calendars. */
export type RecomputeReason =
  'amendment_notified' | 'amendment_extended' | 'amendment_replied' | 'amendment_unanswered' | 'calendar';

export interface DueDateChange {
  caseId: number;
  departmentId: string;
  from: string;
  to: string;
}

/**
 * Derives these cases' due dates again inside the caller's transaction and stores what changed:
 * a new due date bumps the case's version and is audited (`case.due_date_recomputed`, from, to,
 * why); a nominal end seen for the first time (a case from before 0007) is only filled in.
 */
export async function storeDerivedDueDates(
  trx: Transaction<OfficeSchema>,
  records: readonly CaseTermRecord[],
  derived: ReadonlyMap<number, DueDateExplanation>,
  at: Date,
  actorId: string | null,
  why: RecomputeReason,
): Promise<DueDateChange[]> {
  const changes: DueDateChange[] = [];
  const audit: AuditEntry[] = [];
  const firstSeen: { id: number; nominalEnd: string }[] = [];
  for (const record of records) {
    const explanation = derived.get(record.caseId);
    if (!explanation) continue;
    if (explanation.dueDate !== record.dueDate) {
      const moved = await trx
        .updateTable('cases')
        .set((eb) => ({
          due_date: explanation.dueDate,
          nominal_end: explanation.nominalEnd,
          version: eb('version', '+', 1),
          updated_at: at,
        }))
        .where('id', '=', record.caseId)
        .where('due_date', '=', record.dueDate)
        .executeTakeFirst();
      // Another process derived it first: its entry says so, this one adds nothing.
      if (moved.numUpdatedRows === 0n) continue;
      changes.push({
        caseId: record.caseId,
        departmentId: record.departmentId,
        from: record.dueDate,
        to: explanation.dueDate,
      });
      audit.push({
        at,
        actorId,
        caseId: record.caseId,
        action: 'case.due_date_recomputed',
        details: {
          from: record.dueDate,
          to: explanation.dueDate,
          why,
          nominalEnd: explanation.nominalEnd,
          suspendedDays: explanation.suspendedDays,
        },
      });
    } else if (explanation.nominalEnd !== record.nominalEnd)
      firstSeen.push({ id: record.caseId, nominalEnd: explanation.nominalEnd });
  }
  await fillNominalEnds(trx, firstSeen);
  await appendAudit(trx, audit);
  return changes;
}

/**
 * Derives one case's due date again after its suspensions changed, storing and auditing a move.
 * The engine refuses a suspension that starts after the term ended (art. 22.1.a suspends a running
 * term only): said as `invalid_transition` / `term_ended`, and nothing is stored.
 */
export async function rederiveCase(
  trx: Transaction<OfficeSchema>,
  calendar: LegalCalendar,
  actorId: string | null,
  caseId: number,
  at: Date,
  why: RecomputeReason,
): Promise<void> {
  const records = await loadTermRecords(trx, [caseId]);
  let derived: Map<number, DueDateExplanation>;
  try {
    derived = new Map(records.map((record) => [record.caseId, explainCaseDueDate(calendar, record)]));
  } catch (error) {
    if (error instanceof ApiError && error.code === 'invalid_input')
      throw new ApiError('invalid_transition', { reason: 'term_ended' });
    throw error;
  }
  await storeDerivedDueDates(trx, records, derived, at, actorId, why);
}

/** Nominal ends seen for the first time, in one statement per thousand cases (a whole city at its first start). */
async function fillNominalEnds(
  trx: Transaction<OfficeSchema>,
  ends: readonly { id: number; nominalEnd: string }[],
): Promise<void> {
  for (let start = 0; start < ends.length; start += 1000) {
    const rows = ends
      .slice(start, start + 1000)
      .map(({ id, nominalEnd }) => sql`(${id}::int, ${nominalEnd}::date)`);
    await sql`update cases set nominal_end = given.nominal_end
      from (values ${sql.join(rows)}) as given (id, nominal_end) where cases.id = given.id`.execute(trx);
  }
}

/** The derivation of one case, or the error that stops it (a year without calendar). */
export function deriveAll(
  calendar: LegalCalendar,
  records: readonly CaseTermRecord[],
): { derived: Map<number, DueDateExplanation>; failed: number[] } {
  const derived = new Map<number, DueDateExplanation>();
  const failed: number[] = [];
  for (const record of records) {
    try {
      derived.set(record.caseId, explainCaseDueDate(calendar, record));
    } catch {
      failed.push(record.caseId);
    }
  }
  return { derived, failed };
}

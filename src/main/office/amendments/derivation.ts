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

const termInputsOf = (db: Db) =>
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
    ]);

const suspensionsOf = (db: Db) =>
  db
    .selectFrom('case_suspensions as s')
    .innerJoin('amendment_requests as q', 'q.id', 's.amendment_request_id')
    .select(['s.case_id', 's.from_on', 's.to_on', 'q.ends_on'])
    // A suspension starts from a notified request only, which has its last day (0018).
    .$narrowType<{ ends_on: string }>()
    .orderBy('s.case_id')
    .orderBy('s.from_on');

type TermInputsRow = Awaited<ReturnType<ReturnType<typeof termInputsOf>['execute']>>[number];
type SuspensionRow = Awaited<ReturnType<ReturnType<typeof suspensionsOf>['execute']>>[number];

function termRecords(
  cases: readonly TermInputsRow[],
  suspensions: readonly SuspensionRow[],
): CaseTermRecord[] {
  const byCase = new Map<number, StoredSuspension[]>();
  for (const row of suspensions) {
    const list = byCase.get(row.case_id) ?? [];
    list.push({ from: row.from_on, to: row.to_on, until: row.ends_on });
    byCase.set(row.case_id, list);
  }
  return cases.map((row) => ({
    caseId: row.id,
    departmentId: row.department_id,
    dueDate: row.due_date,
    nominalEnd: row.nominal_end,
    registeredAt: row.registered_at,
    term: { unit: row.term_unit, amount: row.term_amount },
    applicantMunicipality: row.municipality,
    suspensions: byCase.get(row.id) ?? [],
  }));
}

/** The stored inputs of these cases (all of them, open or not), in the order of `caseIds`. */
export async function loadTermRecords(db: Db, caseIds: readonly number[]): Promise<CaseTermRecord[]> {
  if (caseIds.length === 0) return [];
  const [cases, suspensions] = await Promise.all([
    termInputsOf(db).where('c.id', 'in', caseIds).execute(),
    suspensionsOf(db).where('s.case_id', 'in', caseIds).execute(),
  ]);
  const byId = new Map(termRecords(cases, suspensions).map((record) => [record.caseId, record]));
  return caseIds.flatMap((id) => byId.get(id) ?? []);
}

/**
 * The next `limit` open cases after the id `after`, in id order, with their stored inputs: a whole
 * office is read a page at a time in two range queries per page (no list of ids sent back and forth).
 */
export async function loadOpenTermRecordsAfter(
  db: Db,
  after: number,
  limit: number,
): Promise<CaseTermRecord[]> {
  const cases = await termInputsOf(db)
    .where(sql<boolean>`c.is_open`)
    .where('c.id', '>', after)
    .orderBy('c.id')
    .limit(limit)
    .execute();
  if (cases.length === 0) return [];
  const suspensions = await suspensionsOf(db)
    .where('s.case_id', '>', after)
    .where('s.case_id', '<=', cases[cases.length - 1]!.id)
    .execute();
  return termRecords(cases, suspensions);
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

/** Rows per statement when many dates are written at once (a whole city after a calendar change). */
const writeBatch = 1000;

/**
 * Derives these cases' due dates again inside the caller's transaction and stores what changed:
 * a new due date bumps the case's version and is audited (`case.due_date_recomputed`, from, to,
 * why); a nominal end seen for the first time (a case from before 0007) is only filled in. The
 * moves go in one statement per thousand cases, each only where the stored date is still the one
 * the derivation started from.
 */
export async function storeDerivedDueDates(
  trx: Transaction<OfficeSchema>,
  records: readonly CaseTermRecord[],
  derived: ReadonlyMap<number, DueDateExplanation>,
  at: Date,
  actorId: string | null,
  why: RecomputeReason,
): Promise<DueDateChange[]> {
  const moves: { record: CaseTermRecord; explanation: DueDateExplanation }[] = [];
  const firstSeen: { id: number; nominalEnd: string }[] = [];
  for (const record of records) {
    const explanation = derived.get(record.caseId);
    if (!explanation) continue;
    if (explanation.dueDate !== record.dueDate) moves.push({ record, explanation });
    else if (explanation.nominalEnd !== record.nominalEnd)
      firstSeen.push({ id: record.caseId, nominalEnd: explanation.nominalEnd });
  }
  const moved = await moveDueDates(
    trx,
    moves.map(({ record, explanation }) => ({
      id: record.caseId,
      from: record.dueDate,
      to: explanation.dueDate,
      nominalEnd: explanation.nominalEnd,
    })),
    at,
  );
  // Another process derived a case first: its entry says so, this one adds nothing.
  const done = moves.filter(({ record }) => moved.has(record.caseId));
  await fillNominalEnds(trx, firstSeen);
  await appendAudit(
    trx,
    done.map(({ record, explanation }): AuditEntry => ({
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
    })),
  );
  return done.map(({ record, explanation }) => ({
    caseId: record.caseId,
    departmentId: record.departmentId,
    from: record.dueDate,
    to: explanation.dueDate,
  }));
}

/** The new due dates, each stored only where the case still has `from`; the ids that moved. */
async function moveDueDates(
  trx: Transaction<OfficeSchema>,
  moves: readonly { id: number; from: string; to: string; nominalEnd: string }[],
  at: Date,
): Promise<Set<number>> {
  const moved = new Set<number>();
  for (let start = 0; start < moves.length; start += writeBatch) {
    const batch = moves.slice(start, start + writeBatch);
    // Locked in id order first, as the one-case-at-a-time writes did: two office instances deriving
    // the same cases at start-up wait for each other instead of deadlocking on the join's order.
    await sql`select id from cases where id = any(${batch.map((move) => move.id)}::int[]) order by id for update`.execute(
      trx,
    );
    const given = JSON.stringify(
      batch.map((move) => ({ id: move.id, was: move.from, due_date: move.to, nominal_end: move.nominalEnd })),
    );
    const { rows } = await sql<{ id: number }>`update cases
      set due_date = given.due_date, nominal_end = given.nominal_end, version = cases.version + 1, updated_at = ${at}
      from jsonb_to_recordset(${given}::jsonb) as given (id int, was date, due_date date, nominal_end date)
      where cases.id = given.id and cases.due_date = given.was
      returning cases.id`.execute(trx);
    for (const row of rows) moved.add(row.id);
  }
  return moved;
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
  for (let start = 0; start < ends.length; start += writeBatch) {
    const given = JSON.stringify(
      ends.slice(start, start + writeBatch).map(({ id, nominalEnd }) => ({ id, nominal_end: nominalEnd })),
    );
    await sql`update cases set nominal_end = given.nominal_end
      from jsonb_to_recordset(${given}::jsonb) as given (id int, nominal_end date)
      where cases.id = given.id`.execute(trx);
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

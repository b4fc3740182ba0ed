import type { Kysely } from 'kysely';
import type { CaseRow } from '../../../shared/api/cases';
import type { LegalCalendar } from '../../../shared/domain/calendar';
import { businessDaysLeft, dependsOnProvisionalCalendar } from '../deadlines';
import type { OfficeSchema } from '../store/schema';

export function caseRowQuery(db: Kysely<OfficeSchema>) {
  return db
    .selectFrom('cases as c')
    .innerJoin('procedures as p', 'p.code', 'c.procedure_code')
    .innerJoin('applicants as a', 'a.id', 'c.applicant_id')
    .innerJoin('registry_entries as r', 'r.id', 'c.registry_entry_id')
    .leftJoin('users as u', 'u.id', 'c.assignee_id')
    .select([
      'c.id',
      'c.number',
      'c.procedure_code',
      'c.department_id',
      'c.state',
      'c.due_date',
      'c.assignee_id',
      'c.version',
      'c.closed_at',
      'c.eni_id',
      'c.applicant_id',
      'a.name as applicant_name',
      'a.nif as applicant_nif',
      'a.municipality as applicant_municipality',
      'r.registered_at',
      'p.silence',
      'u.name as assignee_name',
    ]);
}

export type CaseRecord = Awaited<ReturnType<ReturnType<typeof caseRowQuery>['executeTakeFirstOrThrow']>>;

export function toCaseRow(record: CaseRecord, calendar: LegalCalendar, today: string): CaseRow {
  return {
    id: String(record.id),
    number: record.number,
    procedureCode: record.procedure_code,
    applicantName: record.applicant_name,
    applicantNif: record.applicant_nif,
    state: record.state,
    registeredAt: record.registered_at.toISOString(),
    dueDate: record.due_date,
    businessDaysLeft: businessDaysLeft(calendar, today, record.due_date),
    dueDateProvisional: dependsOnProvisionalCalendar(calendar, record),
    silence: record.silence,
    assigneeId: record.assignee_id,
    assigneeName: record.assignee_name,
    version: record.version,
    ...(record.closed_at ? { closedAt: record.closed_at.toISOString() } : {}),
  };
}

/** Contract ids are strings; ours are positive integers. Anything else names no case. */
export function parseCaseId(caseId: string): number | null {
  if (!/^[1-9]\d{0,9}$/.test(caseId)) return null;
  const id = Number(caseId);
  return id <= 2_147_483_647 ? id : null;
}

export async function loadCaseRecords(
  db: Kysely<OfficeSchema>,
  ids: readonly number[],
): Promise<CaseRecord[]> {
  if (ids.length === 0) return [];
  const records = await caseRowQuery(db).where('c.id', 'in', ids).execute();
  const byId = new Map(records.map((record) => [record.id, record]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

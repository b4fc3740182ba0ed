import type { Kysely, Selectable } from 'kysely';
import { ApiError } from '../../../shared/api/errors';
import type { CaseDetail, HistoryEntry, Procedure } from '../../../shared/api/cases';
import type { LegalCalendar } from '../../../shared/domain/calendar';
import type { OfficeSchema, ProceduresTable } from '../store/schema';
import type { Actor } from '../users';
import { loadCaseRecords, toCaseRow } from './rows';

export const toProcedure = (row: Selectable<ProceduresTable>): Procedure => ({
  code: row.code,
  name: { es: row.name_es, 'ca-valencia': row.name_ca },
  departmentId: row.department_id,
  term: { unit: row.term_unit, amount: row.term_amount },
  silence: row.silence,
  legalBasis: row.legal_basis,
});

/** The procedures of one department: a case of another's is never in its queues. */
export async function listProcedures(db: Kysely<OfficeSchema>, departmentId: string): Promise<Procedure[]> {
  const rows = await db
    .selectFrom('procedures')
    .selectAll()
    .where('department_id', '=', departmentId)
    .orderBy('code')
    .execute();
  return rows.map(toProcedure);
}

/**
 * The first case page: header, documents with their ENI metadata, and the case's audit history.
 * Only for the actor's department: another department's case is `not_found`, as if it did not exist.
 */
export async function caseDetail(
  db: Kysely<OfficeSchema>,
  calendar: LegalCalendar,
  today: string,
  actor: Actor,
  caseId: number,
): Promise<CaseDetail> {
  const [record] = await loadCaseRecords(db, [caseId]);
  if (!record || record.department_id !== actor.departmentId) throw new ApiError('not_found');
  const [procedure, applicant, registryEntry, documents, history] = await Promise.all([
    db
      .selectFrom('procedures')
      .selectAll()
      .where('code', '=', record.procedure_code)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('applicants')
      .select(['name', 'nif', 'kind', 'municipality', 'address', 'channel'])
      .where('id', '=', record.applicant_id)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('registry_entries as r')
      .innerJoin('cases as c', 'c.registry_entry_id', 'r.id')
      .select(['r.number', 'r.registered_at'])
      .where('c.id', '=', caseId)
      .executeTakeFirstOrThrow(),
    db.selectFrom('documents').selectAll().where('case_id', '=', caseId).orderBy('position').execute(),
    db
      .selectFrom('audit_trail as t')
      .leftJoin('users as u', 'u.id', 't.actor_id')
      .select(['t.seq', 't.at', 't.action', 't.details', 'u.name as actor_name'])
      .where('t.case_id', '=', caseId)
      .orderBy('t.seq')
      .execute(),
  ]);
  return {
    case: toCaseRow(record, calendar, today),
    procedure: toProcedure(procedure),
    applicant,
    registryEntry: { number: registryEntry.number, at: registryEntry.registered_at.toISOString() },
    eniId: record.eni_id,
    documents: documents.map((document) => ({
      id: String(document.id),
      title: document.title,
      eniId: document.eni_id,
      documentType: document.document_type,
      origin: document.origin,
      elaborationState: document.elaboration_state,
      format: document.format,
      capturedAt: document.captured_at.toISOString(),
      sha256: document.sha256,
      size: document.size,
    })),
    history: history.map((entry): HistoryEntry => ({
      seq: entry.seq,
      at: entry.at.toISOString(),
      actorName: entry.actor_name,
      action: entry.action,
      details: entry.details,
    })),
  };
}

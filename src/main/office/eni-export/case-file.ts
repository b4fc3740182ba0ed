import type { Kysely } from 'kysely';
import { openStates } from '../../../shared/domain/cases';
import type { DocumentContents } from '../signatures/document-contents';
import type { OfficeSchema } from '../store/schema';

/** One document of the case as the export writes it: its ENI fields and its verified bytes. */
export interface ExportedDocument {
  position: number;
  eniId: string;
  documentType: string;
  /** 0 citizen, 1 administration. */
  origin: 0 | 1;
  elaborationState: string;
  format: string;
  capturedAt: Date;
  sha256: string;
  bytes: Uint8Array;
}

/** A closed case with everything its ENI export needs. */
export interface ClosedCaseFile {
  id: number;
  number: string;
  eniId: string;
  departmentId: string;
  /** The department's DIR3 code: the ENI's Organo. */
  organ: string;
  procedureCode: string;
  applicantNif: string;
  openedAt: Date;
  documents: ExportedDocument[];
}

export type EniExportRefusal =
  { reason: 'not_found' } | { reason: 'open'; state: string } | { reason: 'tampered'; document: string };

/** Why a case cannot be exported; `document` names the ENI identifier whose bytes do not match. */
export class EniExportError extends Error {
  constructor(readonly refusal: EniExportRefusal) {
    super(`ENI export refused: ${refusal.reason}`);
    this.name = 'EniExportError';
  }
}

/** Which case: by its number (the CLI) or by its id within a department (the desk's call). */
export type CaseSelector = { number: string } | { id: number; departmentId: string };

async function caseRow(db: Kysely<OfficeSchema>, which: CaseSelector) {
  let query = db
    .selectFrom('cases as c')
    .innerJoin('departments as d', 'd.id', 'c.department_id')
    .innerJoin('applicants as a', 'a.id', 'c.applicant_id')
    .innerJoin('registry_entries as r', 'r.id', 'c.registry_entry_id')
    .select([
      'c.id',
      'c.number',
      'c.eni_id',
      'c.state',
      'c.department_id',
      'c.procedure_code',
      'd.dir3',
      'a.nif',
      'r.registered_at',
    ]);
  query =
    'number' in which
      ? query.where('c.number', '=', which.number)
      : query.where('c.id', '=', which.id).where('c.department_id', '=', which.departmentId);
  return query.executeTakeFirst();
}

/**
 * A closed case (resolved, notified, archived, withdrawn, expired) with its documents in order,
 * each document's bytes read back and checked against the SHA-256 the case recorded: an export
 * never carries a document that is not the one the index vouches for.
 */
export async function loadClosedCaseFile(
  db: Kysely<OfficeSchema>,
  contents: DocumentContents,
  which: CaseSelector,
): Promise<ClosedCaseFile> {
  const row = await caseRow(db, which);
  if (!row) throw new EniExportError({ reason: 'not_found' });
  if (openStates.includes(row.state)) throw new EniExportError({ reason: 'open', state: row.state });
  const stored = await db
    .selectFrom('documents')
    .selectAll()
    .where('case_id', '=', row.id)
    .orderBy('position')
    .execute();
  const documents: ExportedDocument[] = [];
  for (const document of stored) {
    const bytes = await contents.read(db, document.sha256);
    if (bytes === null) throw new EniExportError({ reason: 'tampered', document: document.eni_id });
    documents.push({
      position: document.position,
      eniId: document.eni_id,
      documentType: document.document_type,
      origin: document.origin,
      elaborationState: document.elaboration_state,
      format: document.format,
      capturedAt: new Date(document.captured_at),
      sha256: document.sha256,
      bytes,
    });
  }
  return {
    id: row.id,
    number: row.number,
    eniId: row.eni_id,
    departmentId: row.department_id,
    organ: row.dir3,
    procedureCode: row.procedure_code,
    applicantNif: row.nif,
    openedAt: new Date(row.registered_at),
    documents,
  };
}

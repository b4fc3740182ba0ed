import type { Kysely } from 'kysely';
import { appendAudit } from '../store/audit';
import type { OfficeSchema } from '../store/schema';

export interface CaseExportRecord {
  at: Date;
  /** Who exported it from a desk; null for the command line. */
  actorId: string | null;
  caseId: number;
  documents: number;
  /** SHA-256 of the index.xml that was signed: which export this was. */
  indexSha256: string;
  /** The index sealed by the office, or signed with the exporting head's card. */
  signedWith: 'seal' | 'card';
}

/** A case file that leaves the office is recorded in its history (the audit trail). */
export async function recordCaseExport(db: Kysely<OfficeSchema>, record: CaseExportRecord): Promise<void> {
  await db.transaction().execute((trx) =>
    appendAudit(trx, [
      {
        at: record.at,
        actorId: record.actorId,
        caseId: record.caseId,
        action: 'case.exported_eni',
        details: {
          documents: record.documents,
          index_sha256: record.indexSha256,
          signed_with: record.signedWith,
        },
      },
    ]),
  );
}

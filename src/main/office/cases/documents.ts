import type { Kysely } from 'kysely';
import { ApiError } from '../../../shared/api/errors';
import type { OfficeSchema } from '../store/schema';
import type { Actor } from '../users';
import { parseCaseId } from './rows';

export interface ReadableDocument {
  id: number;
  caseId: number;
  sha256: string;
}

/**
 * One document of a case, for whoever reads the case: the actor's department only. Another
 * department's document, or a document of another case, is `not_found`, as if it did not exist.
 */
export async function readableDocument(
  db: Kysely<OfficeSchema>,
  actor: Actor,
  caseId: string,
  documentId: string,
): Promise<ReadableDocument> {
  // Document ids are positive integers too, so the case id's rule reads both.
  const caseNumber = parseCaseId(caseId);
  const documentNumber = parseCaseId(documentId);
  if (caseNumber === null || documentNumber === null) throw new ApiError('not_found');
  const row = await db
    .selectFrom('documents as d')
    .innerJoin('cases as c', 'c.id', 'd.case_id')
    .select(['d.id', 'd.case_id', 'd.sha256'])
    .where('d.id', '=', documentNumber)
    .where('d.case_id', '=', caseNumber)
    .where('c.department_id', '=', actor.departmentId)
    .executeTakeFirst();
  if (!row) throw new ApiError('not_found');
  return { id: row.id, caseId: row.case_id, sha256: row.sha256 };
}

import { sql, type Transaction } from 'kysely';
import { ApiError } from '../../../shared/api/errors';
import type { CaseState } from '../../../shared/domain/cases';
import type { OfficeSchema } from '../store/schema';
import type { Actor } from '../users';

export interface LockedCase {
  id: number;
  number: string;
  eniId: string;
  state: CaseState;
  isOpen: boolean;
  version: number;
  departmentId: string;
}

/**
 * The case a change is made to, locked until the transaction ends: another department's case is
 * `not_found`, and one changed since the desk read it (`version`) is `conflict` with the version it
 * has now; the desk then reloads it and shows the fresh data.
 */
export async function lockCaseForChange(
  trx: Transaction<OfficeSchema>,
  actor: Actor,
  caseId: number,
  version: number,
): Promise<LockedCase> {
  const row = await trx
    .selectFrom('cases')
    .select(['id', 'number', 'eni_id', 'state', 'is_open', 'version', 'department_id'])
    .where('id', '=', caseId)
    .forUpdate()
    .executeTakeFirst();
  if (!row || row.department_id !== actor.departmentId) throw new ApiError('not_found');
  if (row.version !== version) throw new ApiError('conflict', { version: row.version, state: row.state });
  return {
    id: row.id,
    number: row.number,
    eniId: row.eni_id,
    state: row.state,
    isOpen: row.is_open,
    version: row.version,
    departmentId: row.department_id,
  };
}

/** A change that leaves the state as it is still makes the case newer: desks holding it must reload. */
export async function touchCase(trx: Transaction<OfficeSchema>, caseId: number, at: Date): Promise<void> {
  await trx
    .updateTable('cases')
    .set({ version: sql`version + 1`, updated_at: at })
    .where('id', '=', caseId)
    .execute();
}

import type { Kysely, Transaction } from 'kysely';
import type { Withdrawal } from '../../../shared/api/casework';
import type { OfficeSchema } from '../store/schema';

/** Migration 0008: a case's withdrawal, recorded before the resolution that declares it. */
export interface WithdrawalsTable {
  case_id: number;
  kind: 'applicant' | 'deemed';
  registry_number: string | null;
  filed_on: string | null;
  document_id: number | null;
  amendment_notified_on: string | null;
  amendment_term_ended_on: string | null;
  recorded_by: string;
  recorded_at: Date | string;
}

type WithWithdrawals<D> =
  D extends Transaction<OfficeSchema>
    ? Transaction<OfficeSchema & { withdrawals: WithdrawalsTable }>
    : Kysely<OfficeSchema & { withdrawals: WithdrawalsTable }>;

export const withWithdrawals = <D extends Kysely<OfficeSchema>>(db: D): WithWithdrawals<D> =>
  db.withTables<{ withdrawals: WithdrawalsTable }>() as WithWithdrawals<D>;

/** The case's withdrawal as the desk shows it, or null when none was recorded. */
export async function withdrawalOf(db: Kysely<OfficeSchema>, caseId: number): Promise<Withdrawal | null> {
  const row = await withWithdrawals(db)
    .selectFrom('withdrawals as w')
    .innerJoin('users as u', 'u.id', 'w.recorded_by')
    .selectAll('w')
    .select('u.name as recorded_by_name')
    .where('w.case_id', '=', caseId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    kind: row.kind,
    registryNumber: row.registry_number,
    filedOn: row.filed_on,
    documentId: row.document_id === null ? null : String(row.document_id),
    amendmentNotifiedOn: row.amendment_notified_on,
    amendmentTermEndedOn: row.amendment_term_ended_on,
    recordedBy: { id: row.recorded_by, name: row.recorded_by_name },
    recordedAt: new Date(row.recorded_at).toISOString(),
  };
}

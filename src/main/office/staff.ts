import type { Kysely } from 'kysely';
import type { Role } from '../../shared/domain/cases';
import { maskNif } from '../../shared/domain/nif-mask';
import { personalNifKind } from '../../shared/domain/nif';
import { appendAudit } from './store/audit';
import type { OfficeSchema } from './store/schema';

/** A member of the city hall's staff as the administrator manages them. */
export interface StaffMember {
  id: string;
  name: string;
  position: string;
  departmentId: string;
  departmentName: string;
  roles: Role[];
  active: boolean;
  /** What the office compares with the NIF of the certificate that signs for them. */
  nif: string | null;
}

/** A change the administrator makes to one person: their NIF on record, or whether they may work. */
export type StaffChange = { kind: 'nif'; nif: string | null } | { kind: 'active'; active: boolean };

export type StaffChangeOutcome =
  | { ok: true; member: StaffMember; changed: boolean }
  | { ok: false; reason: 'unknown_user' | 'nif_not_valid' | 'nif_taken'; holder?: string };

const staffQuery = (db: Kysely<OfficeSchema>) =>
  db
    .selectFrom('users as u')
    .innerJoin('departments as d', 'd.id', 'u.department_id')
    .select([
      'u.id',
      'u.name',
      'u.position',
      'u.department_id as departmentId',
      'd.name as departmentName',
      'u.roles',
      'u.active',
      'u.nif',
    ]);

/** Everyone, active or not, by department and name. */
export const listStaff = (db: Kysely<OfficeSchema>): Promise<StaffMember[]> =>
  staffQuery(db).orderBy('u.department_id').orderBy('u.name').orderBy('u.id').execute();

const auditAction = (change: StaffChange): string =>
  change.kind === 'nif' ? 'user.nif_changed' : change.active ? 'user.activated' : 'user.deactivated';

/**
 * Applies one change and audits it in the same transaction; a change to what is already there is
 * not audited. The audit keeps the NIF masked: the trail is read by more people than the users table.
 */
export async function changeStaffMember(
  db: Kysely<OfficeSchema>,
  userId: string,
  change: StaffChange,
  at: Date,
): Promise<StaffChangeOutcome> {
  const nif = change.kind === 'nif' && change.nif !== null ? change.nif.trim().toUpperCase() : null;
  if (change.kind === 'nif' && change.nif !== null && (!nif || personalNifKind(nif) === null))
    return { ok: false, reason: 'nif_not_valid' };
  return db.transaction().execute(async (trx) => {
    const member = await staffQuery(trx).where('u.id', '=', userId).forUpdate('u').executeTakeFirst();
    if (!member) return { ok: false, reason: 'unknown_user' } as const;
    if (nif !== null) {
      const holder = await trx
        .selectFrom('users')
        .select('id')
        .where('nif', '=', nif)
        .where('id', '<>', userId)
        .executeTakeFirst();
      if (holder) return { ok: false, reason: 'nif_taken', holder: holder.id } as const;
    }
    const updated: StaffMember =
      change.kind === 'nif' ? { ...member, nif } : { ...member, active: change.active };
    const changed = updated.nif !== member.nif || updated.active !== member.active;
    if (changed) {
      await trx
        .updateTable('users')
        .set({ nif: updated.nif, active: updated.active })
        .where('id', '=', userId)
        .execute();
      await appendAudit(trx, [
        {
          at,
          actorId: null,
          caseId: null,
          action: auditAction(change),
          details: {
            user: userId,
            ...(change.kind === 'nif' ? { nif: updated.nif === null ? null : maskNif(updated.nif) } : {}),
            via: 'command_line',
          },
        },
      ]);
    }
    return { ok: true, member: updated, changed } as const;
  });
}

import { sql, type Kysely, type Transaction } from 'kysely';
import { ApiError } from '../../../shared/api/errors';
import type { Substitution, SubstitutionKind } from '../../../shared/api/signatures';
import { appendAudit } from '../store/audit';
import type { OfficeSchema } from '../store/schema';
import type { Actor } from '../users';

type Db = Kysely<OfficeSchema> | Transaction<OfficeSchema>;

/** An absent head the actor acts for today, and under which substitution. */
export interface ActingFor {
  substitutionId: number;
  kind: SubstitutionKind;
  absentName: string;
}

/**
 * Whom `userId` substitutes on `today` (a Europe/Madrid date): substitutions not revoked whose
 * dates include today, by the absent head's id.
 */
export async function actingForToday(db: Db, userId: string, today: string): Promise<Map<string, ActingFor>> {
  const rows = await db
    .selectFrom('substitutions as s')
    .innerJoin('users as u', 'u.id', 's.absent_id')
    .select(['s.id', 's.absent_id', 's.kind', 'u.name'])
    .where('s.substitute_id', '=', userId)
    .where('s.revoked_at', 'is', null)
    .where('s.starts_on', '<=', today)
    .where('s.ends_on', '>=', today)
    .orderBy('s.id')
    .execute();
  return new Map(
    rows.map((row) => [row.absent_id, { substitutionId: row.id, kind: row.kind, absentName: row.name }]),
  );
}

/** Who substitutes each of these heads today: they hear about requests addressed to them. */
export async function substitutesToday(
  db: Db,
  absentIds: readonly string[],
  today: string,
): Promise<string[]> {
  if (absentIds.length === 0) return [];
  const rows = await db
    .selectFrom('substitutions')
    .select('substitute_id')
    .where('absent_id', 'in', absentIds)
    .where('revoked_at', 'is', null)
    .where('starts_on', '<=', today)
    .where('ends_on', '>=', today)
    .execute();
  return rows.map((row) => row.substitute_id);
}

/** The department's active heads: who may be asked to sign, and who may substitute a head. */
export function departmentHeads(db: Db, departmentId: string) {
  return db
    .selectFrom('users')
    .select(['id', 'name', 'position'])
    .where('department_id', '=', departmentId)
    .where('active', '=', true)
    .where(sql<boolean>`'head' = any(roles)`)
    .orderBy('name');
}

function substitutionRows(db: Db) {
  return db
    .selectFrom('substitutions as s')
    .innerJoin('users as a', 'a.id', 's.absent_id')
    .innerJoin('users as b', 'b.id', 's.substitute_id')
    .select([
      's.id',
      's.kind',
      's.starts_on',
      's.ends_on',
      's.revoked_at',
      'a.id as absent_id',
      'a.name as absent_name',
      'a.position as absent_position',
      'b.id as substitute_id',
      'b.name as substitute_name',
      'b.position as substitute_position',
    ]);
}

type SubstitutionRow = Awaited<ReturnType<ReturnType<typeof substitutionRows>['executeTakeFirstOrThrow']>>;

const toSubstitution = (row: SubstitutionRow, today: string): Substitution => ({
  id: String(row.id),
  absent: { id: row.absent_id, name: row.absent_name, position: row.absent_position },
  substitute: { id: row.substitute_id, name: row.substitute_name, position: row.substitute_position },
  kind: row.kind,
  startsOn: row.starts_on,
  endsOn: row.ends_on,
  revokedAt: row.revoked_at?.toISOString() ?? null,
  activeToday: row.revoked_at === null && row.starts_on <= today && row.ends_on >= today,
});

/** Recent and current ones: those that ended more than a year ago are history, kept in the store. */
export async function listSubstitutions(db: Kysely<OfficeSchema>, actor: Actor, today: string) {
  const yearAgo = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
  const mine = (column: 's.absent_id' | 's.substitute_id') =>
    substitutionRows(db)
      .where(column, '=', actor.id)
      .where('s.ends_on', '>=', yearAgo)
      .orderBy('s.starts_on', 'desc')
      .orderBy('s.id', 'desc')
      .execute();
  const [given, received, heads] = await Promise.all([
    mine('s.absent_id'),
    mine('s.substitute_id'),
    departmentHeads(db, actor.departmentId).execute(),
  ]);
  return {
    given: given.map((row) => toSubstitution(row, today)),
    received: received.map((row) => toSubstitution(row, today)),
    candidates: heads.filter((head) => head.id !== actor.id),
  };
}

export interface NewSubstitution {
  substituteId: string;
  kind: SubstitutionKind;
  startsOn: string;
  endsOn: string;
}

/**
 * A head names who acts for them between two dates: another active head of their department (so
 * nobody acts on another department's cases), not ending in the past, not overlapping one of theirs.
 */
export async function createSubstitution(
  db: Kysely<OfficeSchema>,
  actor: Actor,
  input: NewSubstitution,
  now: Date,
  today: string,
): Promise<Substitution> {
  if (input.endsOn < input.startsOn || input.endsOn < today) throw new ApiError('substitution_dates');
  return db.transaction().execute(async (trx) => {
    const substitute = await departmentHeads(trx, actor.departmentId)
      .where('id', '=', input.substituteId)
      .executeTakeFirst();
    if (!substitute || substitute.id === actor.id) throw new ApiError('substitution_not_eligible');
    // Serializes one head's substitutions, so two overlapping ones cannot be created at once.
    await trx.selectFrom('users').select('id').where('id', '=', actor.id).forUpdate().execute();
    const overlapping = await trx
      .selectFrom('substitutions')
      .select('id')
      .where('absent_id', '=', actor.id)
      .where('revoked_at', 'is', null)
      .where('starts_on', '<=', input.endsOn)
      .where('ends_on', '>=', input.startsOn)
      .executeTakeFirst();
    if (overlapping) throw new ApiError('substitution_overlaps');
    const created = await trx
      .insertInto('substitutions')
      .values({
        absent_id: actor.id,
        substitute_id: substitute.id,
        kind: input.kind,
        starts_on: input.startsOn,
        ends_on: input.endsOn,
        created_by: actor.id,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, [
      {
        at: now,
        actorId: actor.id,
        caseId: null,
        action: 'substitution.created',
        details: {
          substitution: created.id,
          substitute: substitute.id,
          kind: input.kind,
          startsOn: input.startsOn,
          endsOn: input.endsOn,
        },
      },
    ]);
    return toSubstitution(
      await substitutionRows(trx).where('s.id', '=', created.id).executeTakeFirstOrThrow(),
      today,
    );
  });
}

/** Only the absent head revokes their substitution; revoking twice changes nothing. */
export async function revokeSubstitution(
  db: Kysely<OfficeSchema>,
  actor: Actor,
  substitutionId: number,
  now: Date,
  today: string,
): Promise<Substitution> {
  return db.transaction().execute(async (trx) => {
    const revoked = await trx
      .updateTable('substitutions')
      .set({ revoked_at: now, revoked_by: actor.id })
      .where('id', '=', substitutionId)
      .where('absent_id', '=', actor.id)
      .where('revoked_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    const row = await substitutionRows(trx)
      .where('s.id', '=', substitutionId)
      .where('s.absent_id', '=', actor.id)
      .executeTakeFirst();
    if (!row) throw new ApiError('not_found');
    if (revoked)
      await appendAudit(trx, [
        {
          at: now,
          actorId: actor.id,
          caseId: null,
          action: 'substitution.revoked',
          details: { substitution: substitutionId },
        },
      ]);
    return toSubstitution(row, today);
  });
}

import { sql, type Kysely } from 'kysely';
import type { Colleague } from '../../../shared/api/cases';
import { ApiError } from '../../../shared/api/errors';
import { appendAudit } from '../store/audit';
import type { OfficeSchema } from '../store/schema';
import type { Actor } from '../users';
import type { ClaimOutcome } from './claims';

/** The department's active processors: the people a case of the department can be handed to. */
export async function departmentProcessors(
  db: Kysely<OfficeSchema>,
  departmentId: string,
): Promise<Colleague[]> {
  return db
    .selectFrom('users')
    .select(['id', 'name'])
    .where('department_id', '=', departmentId)
    .where('active', '=', true)
    .where(sql<boolean>`'processor' = any(roles)`)
    .orderBy('name')
    .orderBy('id')
    .execute();
}

export interface Reassignment {
  caseId: number;
  toUserId: string;
  reason: string;
  version: number;
}

/**
 * Hands an open case to another active processor of the case's department, with the reason in the
 * audit trail (same transaction). A head of the department may hand any open case; a processor only
 * one they hold. The version guards against a second desk's change in between: a stale one is
 * `conflict`, and the desk refetches the row to show what changed.
 */
export async function reassignCase(
  db: Kysely<OfficeSchema>,
  actor: Actor,
  { caseId, toUserId, reason, version }: Reassignment,
  now: Date,
): Promise<ClaimOutcome> {
  return db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('cases')
      .select(['department_id', 'assignee_id', 'is_open', 'version'])
      .where('id', '=', caseId)
      .forUpdate()
      .executeTakeFirst();
    // Another department's case answers as one that does not exist: nothing about it is revealed.
    if (!current || current.department_id !== actor.departmentId) throw new ApiError('not_found');
    const isHead = actor.roles.includes('head');
    if (!isHead && current.assignee_id !== actor.id) throw new ApiError('forbidden');
    if (current.version !== version) throw new ApiError('conflict', { version: current.version });
    if (!current.is_open) throw new ApiError('invalid_transition');
    const target = (await departmentProcessors(trx, current.department_id)).find(
      (colleague) => colleague.id === toUserId,
    );
    if (!target) throw new ApiError('reassign_target_not_eligible');
    if (current.assignee_id === toUserId)
      return { caseId, departmentId: current.department_id, changed: false };
    const updated = await trx
      .updateTable('cases')
      .set({ assignee_id: toUserId, version: sql`version + 1`, updated_at: now })
      .where('id', '=', caseId)
      .returning(['version'])
      .executeTakeFirstOrThrow();
    await appendAudit(trx, [
      {
        at: now,
        actorId: actor.id,
        caseId,
        action: 'case.reassigned',
        details: { from: current.assignee_id, to: toUserId, reason, version: updated.version },
      },
    ]);
    return { caseId, departmentId: current.department_id, changed: true };
  });
}

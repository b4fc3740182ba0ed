import { sql, type Kysely, type Transaction } from 'kysely';
import { ApiError } from '../../../shared/api/errors';
import type { CaseFilter } from '../../../shared/api/cases';
import type { QueueName } from '../../../shared/domain/cases';
import type { QueueDay } from '../deadlines';
import { appendAudit } from '../store/audit';
import type { AuditDetails, OfficeSchema } from '../store/schema';
import type { Actor } from '../users';
import { allOf, filterCondition, queueCondition } from './queues';

export interface ClaimOutcome {
  caseId: number;
  departmentId: string;
  /** False when nothing changed (claiming a case one already holds, releasing a free one). */
  changed: boolean;
}

async function auditClaim(
  trx: Transaction<OfficeSchema>,
  actor: Actor,
  caseId: number,
  action: 'case.claimed' | 'case.released',
  details: AuditDetails,
): Promise<void> {
  await appendAudit(trx, [{ at: new Date(), actorId: actor.id, caseId, action, details }]);
}

/** Why an UPDATE guarded by "assignee is null" changed nothing, as the error the desk should see. */
async function explainRefusedClaim(
  db: Transaction<OfficeSchema>,
  actor: Actor,
  caseId: number,
): Promise<ClaimOutcome> {
  const current = await db
    .selectFrom('cases')
    .select(['assignee_id', 'department_id', 'is_open'])
    .where('id', '=', caseId)
    .executeTakeFirst();
  // Another department's case answers as one that does not exist: nothing about it is revealed.
  if (!current || current.department_id !== actor.departmentId) throw new ApiError('not_found');
  if (current.assignee_id === actor.id)
    return { caseId, departmentId: current.department_id, changed: false };
  if (current.assignee_id !== null) throw new ApiError('already_claimed');
  throw new ApiError('invalid_transition');
}

/**
 * Takes one case for the actor. The single guarded UPDATE is the whole race: of two desks (or two
 * processes) claiming at once, exactly one sees its row come back; the other gets `already_claimed`.
 */
export async function claimCase(
  db: Kysely<OfficeSchema>,
  actor: Actor,
  caseId: number,
): Promise<ClaimOutcome> {
  return db.transaction().execute(async (trx) => {
    const claimed = await trx
      .updateTable('cases')
      .set({ assignee_id: actor.id, version: sql`version + 1`, updated_at: new Date() })
      .where('id', '=', caseId)
      .where('assignee_id', 'is', null)
      .where('department_id', '=', actor.departmentId)
      .where(sql<boolean>`is_open`)
      .returning(['id', 'department_id', 'version'])
      .executeTakeFirst();
    if (!claimed) return explainRefusedClaim(trx, actor, caseId);
    await auditClaim(trx, actor, caseId, 'case.claimed', { version: claimed.version });
    return { caseId, departmentId: claimed.department_id, changed: true };
  });
}

/** What claim-next takes from: the queue being viewed, with its filter. */
export interface ClaimNextRequest {
  queue: QueueName;
  filter: CaseFilter;
}

/**
 * Takes the free case of the actor's department that falls due first among those of the queue
 * being viewed (matching its filter): "mine" has none, "all" offers its open ones.
 * `FOR UPDATE SKIP LOCKED` lets concurrent claimers pass each other's candidate instead of
 * queueing behind it; the outer guard re-checks that nobody took it in between.
 */
export async function claimNextCase(
  db: Kysely<OfficeSchema>,
  actor: Actor,
  day: QueueDay,
  { queue, filter }: ClaimNextRequest,
): Promise<ClaimOutcome | null> {
  const where = allOf([
    ...queueCondition(queue, actor, day),
    sql`c.department_id = ${actor.departmentId}`,
    sql`c.is_open`,
    sql`c.assignee_id is null`,
    ...filterCondition(filter),
  ]);
  for (;;) {
    const outcome = await db.transaction().execute(async (trx) => {
      const result = await sql<{ id: number; department_id: string; version: number }>`
        with next as (
          select c.id from cases c where ${where}
          order by c.due_date, c.id
          limit 1
          for update skip locked
        )
        update cases set assignee_id = ${actor.id}, version = cases.version + 1, updated_at = ${new Date()}
        from next
        where cases.id = next.id and cases.assignee_id is null
        returning cases.id, cases.department_id, cases.version
      `.execute(trx);
      const claimed = result.rows[0];
      if (!claimed) return null;
      await auditClaim(trx, actor, claimed.id, 'case.claimed', { version: claimed.version, next: true });
      return { caseId: claimed.id, departmentId: claimed.department_id, changed: true };
    });
    if (outcome) return outcome;
    // Nothing came back: either the queue is empty, or every candidate was being claimed by
    // someone else at that instant. Only the first means "no case for you".
    const remaining = await db
      .selectFrom('cases as c')
      .select('c.id')
      .where(where)
      .limit(1)
      .executeTakeFirst();
    if (!remaining) return null;
  }
}

/**
 * Gives a case back to the department's unassigned queue; only its holder may, and only within
 * their department (another department's case is `not_found`).
 */
export async function releaseCase(
  db: Kysely<OfficeSchema>,
  actor: Actor,
  caseId: number,
): Promise<ClaimOutcome> {
  return db.transaction().execute(async (trx) => {
    const released = await trx
      .updateTable('cases')
      .set({ assignee_id: null, version: sql`version + 1`, updated_at: new Date() })
      .where('id', '=', caseId)
      .where('assignee_id', '=', actor.id)
      .where('department_id', '=', actor.departmentId)
      // A closed case keeps the processor who worked it: giving it back would leave it with nobody.
      .where('closed_at', 'is', null)
      .returning(['id', 'department_id', 'version'])
      .executeTakeFirst();
    if (released) {
      await auditClaim(trx, actor, caseId, 'case.released', { version: released.version });
      return { caseId, departmentId: released.department_id, changed: true };
    }
    const current = await trx
      .selectFrom('cases')
      .select(['assignee_id', 'department_id', 'closed_at'])
      .where('id', '=', caseId)
      .executeTakeFirst();
    if (!current || current.department_id !== actor.departmentId) throw new ApiError('not_found');
    if (current.closed_at !== null && current.assignee_id === actor.id)
      throw new ApiError('invalid_transition');
    if (current.assignee_id !== null) throw new ApiError('forbidden');
    return { caseId, departmentId: current.department_id, changed: false };
  });
}

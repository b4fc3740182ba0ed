import { sql, type Expression, type SqlBool } from 'kysely';
import type { TrayBox, TrayCounts, TrayRow, ViewerStep } from '../../../shared/api/signatures';
import type { Actor } from '../users';
import { clockOf, type SignaturesContext } from './context';
import { toViewerStep } from './eligibility';
import { loadRequests, requestSummary, type RequestRecord, type StepRecord } from './records';
import { actingForToday, type ActingFor } from './substitutions';

/**
 * Which requests a box holds for the actor: `pending`, a step of theirs (or of a head they
 * substitute today) whose turn it is; `signed` and `rejected`, a step they acted on.
 */
function inBox(box: TrayBox, actor: Actor, absentIds: readonly string[]): Expression<SqlBool> {
  if (box === 'pending') {
    const addressees = [actor.id, ...absentIds];
    return sql<SqlBool>`q.state = 'pending' and exists (
      select 1 from signature_steps s
      where s.request_id = q.id and s.state = 'pending' and s.signer_id in (${sql.join(addressees)}))`;
  }
  const state = box === 'signed' ? 'done' : 'rejected';
  return sql<SqlBool>`exists (
    select 1 from signature_steps s where s.request_id = q.id and s.acted_by = ${actor.id} and s.state = ${state})`;
}

const priorityRank = sql`case q.priority when 'urgent' then 0 when 'high' then 1 else 2 end`;

/**
 * The actor's step a row is about: in the pending box, theirs first, then an absent head's. Null
 * when the request left the box between reading the page and reading the request.
 */
function stepOf(
  record: RequestRecord,
  box: TrayBox,
  actor: Actor,
  actingFor: ReadonlyMap<string, ActingFor>,
): { step: ViewerStep; actedAt: Date | null } | null {
  if (box === 'pending') {
    const pending = record.steps.filter((step) => step.state === 'pending');
    const step =
      pending.find((candidate) => candidate.signerId === actor.id) ??
      pending.find((candidate) => actingFor.has(candidate.signerId));
    if (!step) return null;
    return {
      step: toViewerStep({
        step,
        actingFor: step.signerId === actor.id ? null : actingFor.get(step.signerId)!,
      }),
      actedAt: null,
    };
  }
  const state: StepRecord['state'] = box === 'signed' ? 'done' : 'rejected';
  const step = record.steps
    .filter((candidate) => candidate.actedById === actor.id && candidate.state === state)
    .at(-1);
  if (!step) return null;
  return {
    step: {
      position: step.position,
      action: step.action,
      onBehalfOf:
        step.substitutionKind === null
          ? null
          : { id: step.signerId, name: step.signerName, kind: step.substitutionKind },
    },
    actedAt: step.actedAt,
  };
}

/**
 * One page of a box. Pending: the last day first (what expires soonest), then the most urgent, then
 * the oldest; a request past its last day stays, marked expired, until someone acts on it. Signed
 * and rejected: what the actor did last, first.
 */
export async function trayPage(
  context: SignaturesContext,
  actor: Actor,
  input: { box: TrayBox; offset: number; limit: number },
): Promise<{ total: number; rows: TrayRow[] }> {
  const { today } = clockOf(context);
  const actingFor = await actingForToday(context.db, actor.id, today);
  const where = inBox(input.box, actor, [...actingFor.keys()]);
  const base = context.db
    .selectFrom('signature_requests as q')
    .where('q.department_id', '=', actor.departmentId)
    .where(where);
  const actedAt = sql`(select max(s.acted_at) from signature_steps s where s.request_id = q.id and s.acted_by = ${actor.id})`;
  const ordered =
    input.box === 'pending'
      ? base.orderBy('q.expires_on').orderBy(priorityRank).orderBy('q.created_at').orderBy('q.id')
      : base.orderBy(actedAt, 'desc').orderBy('q.id', 'desc');
  const [count, page] = await Promise.all([
    base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
    ordered.select('q.id').offset(input.offset).limit(input.limit).execute(),
  ]);
  const records = await loadRequests(
    context.db,
    page.map((row) => row.id),
  );
  return {
    total: count.n,
    rows: records.flatMap((record) => {
      const mine = stepOf(record, input.box, actor, actingFor);
      if (!mine) return [];
      const { step, actedAt: acted } = mine;
      const row: TrayRow = {
        ...requestSummary(record, today),
        step,
        actedAt: acted?.toISOString() ?? null,
      };
      return [row];
    }),
  };
}

export async function trayCounts(context: SignaturesContext, actor: Actor): Promise<TrayCounts> {
  const { today } = clockOf(context);
  const absentIds = [...(await actingForToday(context.db, actor.id, today)).keys()];
  const count = async (box: TrayBox) =>
    (
      await context.db
        .selectFrom('signature_requests as q')
        .where('q.department_id', '=', actor.departmentId)
        .where(inBox(box, actor, absentIds))
        .select(sql<number>`count(*)::int`.as('n'))
        .executeTakeFirstOrThrow()
    ).n;
  const [pending, signed, rejected] = await Promise.all([
    count('pending'),
    count('signed'),
    count('rejected'),
  ]);
  return { pending, signed, rejected };
}

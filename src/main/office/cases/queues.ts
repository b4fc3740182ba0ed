import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { CaseFilter, QueueCounts } from '../../../shared/api/cases';
import type { QueueName } from '../../../shared/domain/cases';
import type { QueueDay } from '../deadlines';
import { likePatterns } from '../search-text';
import type { OfficeSchema } from '../store/schema';
import type { Actor } from '../users';
import { caseRowQuery, type CaseRecord } from './rows';

/**
 * A case awaiting amendment has its term suspended (art. 22.1.a): it neither falls due soon nor
 * becomes overdue while it waits. Refined by the stored suspensions once they exist (0007).
 */
const termRunning = sql`c.state <> 'awaiting_amendment'`;

/**
 * Which cases (alias `c`) a queue holds for this actor on this day. Every predicate is written so
 * that a partial index of 0001_initial.sql serves it (`c.is_open` literally, not `= $1`).
 */
export function queueCondition(queue: QueueName, actor: Actor, day: QueueDay): RawBuilder<unknown>[] {
  const department = sql`c.department_id = ${actor.departmentId}`;
  switch (queue) {
    case 'mine':
      // Still the department's: cases kept by someone who has since moved stay with their department.
      return [sql`c.assignee_id = ${actor.id}`, sql`c.is_open`, department];
    case 'unassigned':
      return [department, sql`c.is_open`, sql`c.assignee_id is null`];
    case 'due_soon':
      return [
        department,
        sql`c.is_open`,
        sql`c.due_date >= ${day.today}`,
        sql`c.due_date <= ${day.dueSoonUntil}`,
        termRunning,
      ];
    case 'awaiting_amendment':
      return [department, sql`c.state = 'awaiting_amendment'`];
    case 'overdue':
      return [department, sql`c.is_open`, sql`c.due_date < ${day.today}`, termRunning];
    case 'all':
      // Every state: the only view where a closed case (or the state filter on one) is found.
      return [department];
  }
}

export function filterCondition(filter: CaseFilter): RawBuilder<unknown>[] {
  const parts: RawBuilder<unknown>[] = [];
  if (filter.procedureCode) parts.push(sql`c.procedure_code = ${filter.procedureCode}`);
  if (filter.state) parts.push(sql`c.state = ${filter.state}`);
  for (const pattern of likePatterns(filter.text)) parts.push(sql`c.search_text like ${pattern}`);
  return parts;
}

export const allOf = (parts: RawBuilder<unknown>[]): RawBuilder<SqlBool> =>
  sql<SqlBool>`${sql.join(parts, sql` and `)}`;

export interface QueuePageRequest {
  queue: QueueName;
  filter: CaseFilter;
  sort: 'due_asc' | 'due_desc';
  offset: number;
  limit: number;
}

/**
 * One page of a queue with its rows and the queue's total, in one statement: the page is cut from
 * the queue's index first, then only its rows are joined (deep pages stay cheap).
 */
export async function queuePage(
  db: Kysely<OfficeSchema>,
  actor: Actor,
  day: QueueDay,
  request: QueuePageRequest,
): Promise<{ total: number; records: CaseRecord[] }> {
  const where = allOf([...queueCondition(request.queue, actor, day), ...filterCondition(request.filter)]);
  const direction = request.sort === 'due_asc' ? 'asc' : 'desc';
  const total = sql<number>`(select count(*)::int from cases c where ${where})`;
  const page = db
    .selectFrom('cases as c')
    .select(['c.id', 'c.due_date'])
    .where(where)
    .orderBy('c.due_date', direction)
    .orderBy('c.id', direction)
    .offset(request.offset)
    .limit(request.limit);
  const rows = await caseRowQuery(db)
    .innerJoin(page.as('page'), 'page.id', 'c.id')
    .select(total.as('total'))
    .orderBy('page.due_date', direction)
    .orderBy('page.id', direction)
    .execute();
  if (rows.length > 0) return { total: rows[0]!.total, records: rows };
  // A page past the end (or a search that finds nothing) still reports how many cases the queue
  // holds: the count alone, not once per row of the table (that made a search with no result slow).
  const count = await db.selectNoFrom(total.as('total')).executeTakeFirstOrThrow();
  return { total: count.total, records: [] };
}

export async function queueCounts(
  db: Kysely<OfficeSchema>,
  actor: Actor,
  day: QueueDay,
): Promise<QueueCounts> {
  const [department, mine, all] = await Promise.all([
    db
      .selectFrom('cases as c')
      .where(allOf([sql`c.department_id = ${actor.departmentId}`, sql`c.is_open`]))
      .select([
        sql<number>`(count(*) filter (where c.assignee_id is null))::int`.as('unassigned'),
        sql<number>`(count(*) filter (where c.due_date >= ${day.today} and c.due_date <= ${day.dueSoonUntil} and ${termRunning}))::int`.as(
          'due_soon',
        ),
        sql<number>`(count(*) filter (where c.state = 'awaiting_amendment'))::int`.as('awaiting_amendment'),
        sql<number>`(count(*) filter (where c.due_date < ${day.today} and ${termRunning}))::int`.as(
          'overdue',
        ),
      ])
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('cases as c')
      .where(
        allOf([
          sql`c.assignee_id = ${actor.id}`,
          sql`c.is_open`,
          sql`c.department_id = ${actor.departmentId}`,
        ]),
      )
      .select(sql<number>`count(*)::int`.as('mine'))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('cases as c')
      .where('c.department_id', '=', actor.departmentId)
      .select(sql<number>`count(*)::int`.as('all'))
      .executeTakeFirstOrThrow(),
  ]);
  return { mine: mine.mine, ...department, all: all.all };
}

import type { Kysely } from 'kysely';
import type { CaseSelector, ScenarioFixtures } from '../../../shared/training/scenario';
import type { OfficeSchema } from '../../office/store/schema';

/** A scenario's cases as the sandbox has them: alias → case id. */
export type FixtureCases = Readonly<Record<string, number>>;

/** The sandbox has no case that a scenario's selector asks for: the scenario cannot start on it. */
export class FixtureCaseMissingError extends Error {
  constructor(
    readonly alias: string,
    readonly selector: CaseSelector,
  ) {
    super(`No case for "${alias}": ${JSON.stringify(selector)}`);
    this.name = 'FixtureCaseMissingError';
  }
}

/**
 * The case a selector names, by its stable rule: the trainee's department's cases in the state (of the
 * procedure and the applicant's channel when given), assigned as asked, in case-number order, the
 * `pick`-th. Cases another alias of the scenario took already are passed over, so two aliases with the
 * same selector get two different cases.
 */
async function selectCase(
  db: Kysely<OfficeSchema>,
  departmentId: string,
  traineeId: string,
  selector: CaseSelector,
  taken: readonly number[],
): Promise<number | undefined> {
  let query = db
    .selectFrom('cases as c')
    .innerJoin('applicants as a', 'a.id', 'c.applicant_id')
    .select('c.id')
    .where('c.department_id', '=', departmentId)
    .where('c.state', '=', selector.state);
  if (selector.procedure) query = query.where('c.procedure_code', '=', selector.procedure);
  if (selector.channel) query = query.where('a.channel', '=', selector.channel);
  if (selector.assignee === 'nobody') query = query.where('c.assignee_id', 'is', null);
  else if (selector.assignee === 'trainee') query = query.where('c.assignee_id', '=', traineeId);
  else query = query.where('c.assignee_id', 'is not', null).where('c.assignee_id', '!=', traineeId);
  if (taken.length > 0) query = query.where('c.id', 'not in', taken);
  const row = await query
    .orderBy('c.number')
    .orderBy('c.id')
    .offset(selector.pick)
    .limit(1)
    .executeTakeFirst();
  return row?.id;
}

/** Chooses every case of a scenario's fixtures in the sandbox, in the order the scenario lists them. */
export async function resolveFixtureCases(
  db: Kysely<OfficeSchema>,
  fixtures: ScenarioFixtures,
): Promise<FixtureCases> {
  const trainee = await db
    .selectFrom('users')
    .select('department_id')
    .where('id', '=', fixtures.trainee)
    .executeTakeFirst();
  if (!trainee) throw new Error(`The sandbox has no user ${fixtures.trainee}`);
  const cases: Record<string, number> = {};
  for (const [alias, selector] of Object.entries(fixtures.cases)) {
    const id = await selectCase(db, trainee.department_id, fixtures.trainee, selector, Object.values(cases));
    if (id === undefined) throw new FixtureCaseMissingError(alias, selector);
    cases[alias] = id;
  }
  return cases;
}

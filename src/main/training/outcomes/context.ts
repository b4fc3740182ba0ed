import type { Kysely } from 'kysely';
import type { LegalCalendar } from '../../../shared/domain/calendar';
import type { OutcomeCheck, OutcomeCheckId } from '../../../shared/training/scenario';
import type { CaseworkTemplates } from '../../office/casework/templates';
import type { OfficeSchema } from '../../office/store/schema';
import type { FixtureCases } from '../scenarios/fixtures';

/** What an outcome check reads: the sandbox store, the legal calendar, who the trainee is and their cases. */
export interface OutcomeContext {
  db: Kysely<OfficeSchema>;
  calendar: LegalCalendar;
  traineeId: string;
  /** The scenario's case aliases, resolved in this sandbox. */
  cases: FixtureCases;
  /** The report templates, to recognize which one a report was written from. */
  caseworkTemplates: CaseworkTemplates;
}

/**
 * A check's verdict. A failure says what is not so, as a stable code (scoring and the trainer's
 * console name it; feedback texts live in the scenario).
 */
export type OutcomeResult = { passed: true } | { passed: false; failure: string };

export const passed: OutcomeResult = { passed: true };
export const failed = (failure: string): OutcomeResult => ({ passed: false, failure });

/** One named check: its parameters are the scenario's, with case aliases. */
export type OutcomeCheckFunction<I extends OutcomeCheckId> = (
  context: OutcomeContext,
  params: Extract<OutcomeCheck, { id: I }>,
) => Promise<OutcomeResult>;

/** The case id of an alias; the schema already refused scenarios naming a case they do not have. */
export function caseIdOf(context: OutcomeContext, alias: string): number {
  const id = context.cases[alias];
  if (id === undefined) throw new Error(`The scenario has no case "${alias}"`);
  return id;
}

/** The state, holder and applicant's municipality of a scenario's case. */
export async function caseFacts(context: OutcomeContext, alias: string) {
  return context.db
    .selectFrom('cases as c')
    .innerJoin('applicants as a', 'a.id', 'c.applicant_id')
    .select(['c.id', 'c.state', 'c.assignee_id', 'a.municipality'])
    .where('c.id', '=', caseIdOf(context, alias))
    .executeTakeFirstOrThrow();
}

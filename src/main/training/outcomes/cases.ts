import type { OutcomeCheckFunction, OutcomeContext } from './context';
import { caseFacts, caseIdOf, failed, passed } from './context';

/** The trainee's audit entries of an action on a case, with their details. */
function traineeAudit(context: OutcomeContext, alias: string, action: string) {
  return context.db
    .selectFrom('audit_trail')
    .select(['details'])
    .where('case_id', '=', caseIdOf(context, alias))
    .where('actor_id', '=', context.traineeId)
    .where('action', '=', action)
    .orderBy('seq', 'desc')
    .execute();
}

export const caseClaimedByTrainee: OutcomeCheckFunction<'case_claimed_by_trainee'> = async (
  context,
  params,
) => {
  const found = await caseFacts(context, params.case);
  return found.assignee_id === context.traineeId ? passed : failed('case_not_held_by_trainee');
};

export const noteAdded: OutcomeCheckFunction<'note_added'> = async (context, params) => {
  const note = await context.db
    .selectFrom('notes')
    .select('id')
    .where('case_id', '=', caseIdOf(context, params.case))
    .where('author_id', '=', context.traineeId)
    .executeTakeFirst();
  return note ? passed : failed('no_note_by_trainee');
};

/** A report from a template is filed under the template's title, in the language it was written in. */
export const reportAdded: OutcomeCheckFunction<'report_added'> = async (context, params) => {
  const reports = await traineeAudit(context, params.case, 'casework.report_added');
  if (reports.length === 0) return failed('no_report_by_trainee');
  if (params.template === undefined) return passed;
  const template = context.caseworkTemplates.reports[params.template];
  if (!template) throw new Error(`No report template "${params.template}"`);
  const titles = Object.values(template.title);
  const fromTemplate = reports.some(
    ({ details }) => details.source === 'template' && titles.includes(String(details.title)),
  );
  return fromTemplate ? passed : failed('report_from_another_template');
};

export const caseArchived: OutcomeCheckFunction<'case_archived'> = async (context, params) => {
  const found = await caseFacts(context, params.case);
  if (found.state !== 'archived') return failed('case_not_archived');
  const moves = await traineeAudit(context, params.case, 'case.state_changed');
  return moves.some(({ details }) => details.to === 'archived') ? passed : failed('not_archived_by_trainee');
};

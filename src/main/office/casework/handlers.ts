import type { Handlers } from '../../../shared/api/dispatch';
import type { CallName } from '../../../shared/api/index';
import { ApiError } from '../../../shared/api/errors';
import { parseCaseId } from '../cases/rows';
import type { CaseworkContext } from './context';
import { addNote, listNotes } from './notes';
import { addReport, draftReport, reportTemplates } from './reports';
import { withdrawalOf } from './withdrawal-records';
import { deemWithdrawn, withdraw } from './withdrawals';

export type CaseworkCallName = Extract<CallName, `casework.${string}`>;

const caseIdOf = (raw: string): number => {
  const id = parseCaseId(raw);
  if (id === null) throw new ApiError('not_found');
  return id;
};

/**
 * Who may call is the contract's part (dispatch); which case is checked here: the actor's
 * department's only, another department's is `not_found`.
 */
export function caseworkHandlers(context: CaseworkContext): Pick<Handlers, CaseworkCallName> {
  return {
    'casework.notes.list': async ({ caseId }, { actor }) => listNotes(context.db, actor, caseIdOf(caseId)),
    'casework.notes.add': async ({ caseId, body }, { actor }) =>
      addNote(context.db, actor, caseIdOf(caseId), body, context.now()),
    'casework.reportTemplates': async () => reportTemplates(context),
    'casework.reportDraft': async ({ caseId, templateId, locale }, { actor }) =>
      draftReport(context, actor, caseIdOf(caseId), templateId, locale),
    'casework.addReport': async ({ caseId, version, source }, { actor }) =>
      addReport(context, actor, caseIdOf(caseId), version, source),
    'casework.withdrawal': async ({ caseId }, { actor }) => {
      const id = caseIdOf(caseId);
      const found = await context.db
        .selectFrom('cases')
        .select('department_id')
        .where('id', '=', id)
        .executeTakeFirst();
      if (!found || found.department_id !== actor.departmentId) throw new ApiError('not_found');
      return withdrawalOf(context.db, id);
    },
    'casework.withdraw': async ({ caseId, version, evidence }, { actor }) =>
      withdraw(context, actor, caseIdOf(caseId), version, evidence),
    'casework.deemWithdrawn': async ({ caseId, version, amendmentNotifiedOn }, { actor }) =>
      deemWithdrawn(context, actor, caseIdOf(caseId), version, amendmentNotifiedOn),
  };
}

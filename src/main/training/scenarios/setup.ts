import type { Kysely } from 'kysely';
import { dispatch, type CallContext, type Handlers } from '../../../shared/api/dispatch';
import { ApiError } from '../../../shared/api/errors';
import type { CallInput, CallName, CallOutput } from '../../../shared/api/index';
import type { ScenarioFixtures, SetupAction } from '../../../shared/training/scenario';
import type { Office } from '../../office/index';
import type { OfficeSchema } from '../../office/store/schema';
import type { FixtureCases } from './fixtures';

/** How long a request seeded for signature stays signable: a lesson never meets an expired one. */
const requestDays = 30;
const dayMs = 86_400_000;

/** Calls the office as `userId` would from their desk, through `dispatch` and its access rules. */
function callerAs(office: SetupContext['office'], userId: string) {
  // The office answers the office's calls only; the setup makes no other.
  const contract = { handlers: office.handlers as Handlers, actors: office.actors };
  const ctx: CallContext = {
    connectionId: `training-setup-${userId}`,
    session: { get: () => userId, set: () => undefined },
  };
  return async <N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> => {
    const result = await dispatch(contract, name, input, ctx);
    if (!result.ok) throw ApiError.fromData(result.error);
    return result.value as CallOutput<N>;
  };
}

export interface SetupContext {
  office: Pick<Office, 'handlers' | 'actors'>;
  db: Kysely<OfficeSchema>;
  fixtures: ScenarioFixtures;
  cases: FixtureCases;
  now: () => Date;
}

async function holderOf(context: SetupContext, caseId: number): Promise<string> {
  const row = await context.db
    .selectFrom('cases')
    .select('assignee_id')
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
  if (row.assignee_id === null) throw new Error(`Case ${caseId} has nobody to send its resolution`);
  return row.assignee_id;
}

async function applyAction(context: SetupContext, action: SetupAction): Promise<void> {
  const caseId = String(context.cases[action.case]);
  const trainee = callerAs(context.office, context.fixtures.trainee);
  switch (action.kind) {
    case 'claim':
      await trainee('cases.claim', { caseId });
      return;
    case 'amendment_request': {
      const { version } = (await trainee('cases.get', { caseId })).case;
      const { amendments } = await trainee('amendments.request', {
        caseId,
        version,
        missing: action.missing,
        locale: 'es',
      });
      // The applicant opened it on the site: its 10 days and the suspension run (arts. 68.1, 22.1.a).
      const notificationId = amendments.at(-1)?.notification?.id;
      if (notificationId)
        await trainee('notifications.recordAccess', {
          notificationId,
          outcome: 'accessed',
          at: context.now().toISOString(),
          eventId: `training-setup-${notificationId}`,
        });
      return;
    }
    case 'resolution_for_signature': {
      const processor = callerAs(context.office, action.by ?? (await holderOf(context, Number(caseId))));
      const draft = await processor('resolutions.draft', { caseId, locale: 'es' });
      const expires = new Date(context.now().getTime() + requestDays * dayMs);
      await processor('signatures.send', {
        caseId,
        locale: draft.locale,
        title: draft.title,
        text: draft.text,
        mode: 'cascade',
        priority: 'normal',
        expiresOn: expires.toISOString().slice(0, 10),
        steps: [
          {
            signerId: action.signer === 'trainee' ? context.fixtures.trainee : action.signer,
            action: 'sign',
          },
        ],
      });
      return;
    }
  }
}

/**
 * Puts a scenario's setup records into the sandbox, in order, through the office's own handlers as
 * the trainee (or the named colleague) would: the lesson starts from data the office itself made.
 */
export async function applyScenarioSetup(context: SetupContext): Promise<void> {
  for (const action of context.fixtures.setup) await applyAction(context, action);
}

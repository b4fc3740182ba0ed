import type { Kysely } from 'kysely';
import { ApiError } from '../../../shared/api/errors';
import type { Handlers } from '../../../shared/api/dispatch';
import type { LegalCalendar } from '../../../shared/domain/calendar';
import type { ChangeFeed } from '../change-feed';
import { queueDay } from '../deadlines';
import type { OfficeSchema } from '../store/schema';
import { claimCase, claimNextCase, releaseCase, type ClaimOutcome } from './claims';
import { caseDetail, listProcedures } from './detail';
import { queueCounts, queuePage } from './queues';
import { departmentProcessors, reassignCase } from './reassign';
import { loadCaseRecords, parseCaseId, toCaseRow } from './rows';

type CasesCallName = Extract<keyof Handlers, `cases.${string}`>;

export interface CasesDependencies {
  db: Kysely<OfficeSchema>;
  calendar: LegalCalendar;
  changes: ChangeFeed;
  now: () => Date;
}

export function casesHandlers({
  db,
  calendar,
  changes,
  now,
}: CasesDependencies): Pick<Handlers, CasesCallName> {
  const day = () => queueDay(calendar, now());
  const today = () => calendar.today(now());

  const caseIdOf = (raw: string): number => {
    const id = parseCaseId(raw);
    if (id === null) throw new ApiError('not_found');
    return id;
  };

  async function rowAfterChange(outcome: ClaimOutcome, kind: 'claimed' | 'released' | 'reassigned') {
    if (outcome.changed)
      changes.announce({
        caseIds: [String(outcome.caseId)],
        departmentId: outcome.departmentId,
        kind,
      });
    const [record] = await loadCaseRecords(db, [outcome.caseId]);
    if (!record) throw new ApiError('not_found');
    return toCaseRow(record, calendar, today());
  }

  // Who may call is checked by dispatch (the contract's access rules); which cases is checked here:
  // the actor's department only, and another department's case is `not_found`, never its row.
  return {
    'cases.procedures': async (_input, { actor }) => listProcedures(db, actor.departmentId),
    'cases.colleagues': async (_input, { actor }) => departmentProcessors(db, actor.departmentId),
    'cases.queueCounts': async (_input, { actor }) => queueCounts(db, actor, day()),
    'cases.list': async (input, { actor }) => {
      const queueDate = day();
      const page = await queuePage(db, actor, queueDate, input);
      return {
        total: page.total,
        rows: page.records.map((record) => toCaseRow(record, calendar, queueDate.today)),
      };
    },
    'cases.claim': async ({ caseId }, { actor }) =>
      rowAfterChange(await claimCase(db, actor, caseIdOf(caseId)), 'claimed'),
    'cases.claimNext': async (request, { actor }) => {
      const outcome = await claimNextCase(db, actor, day(), request);
      return outcome ? rowAfterChange(outcome, 'claimed') : null;
    },
    'cases.release': async ({ caseId }, { actor }) =>
      rowAfterChange(await releaseCase(db, actor, caseIdOf(caseId)), 'released'),
    'cases.reassign': async (input, { actor }) =>
      rowAfterChange(
        await reassignCase(db, actor, { ...input, caseId: caseIdOf(input.caseId) }, now()),
        'reassigned',
      ),
    'cases.get': async ({ caseId }, { actor }) => caseDetail(db, calendar, today(), actor, caseIdOf(caseId)),
  };
}

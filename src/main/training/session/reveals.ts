import type { Kysely } from 'kysely';
import { ApiError } from '../../../shared/api/errors';
import type { StepReveal } from '../../../shared/api/training';
import type { Reveal } from '../../../shared/training/scenario';
import type { OfficeSchema } from '../../office/store/schema';
import type { CaseAliases, ResolveReveal } from './ports';

const caseOf = (cases: CaseAliases, alias: string): string => {
  const id = cases[alias];
  // The scenario's schema refuses an alias that is not a fixture case, and staging names them all.
  if (id === undefined) throw new ApiError('not_found');
  return id;
};

/**
 * A step's reveal in the sandbox's ids: its cases by id, and a signing route as the requests
 * of its cases that wait for a signature (the signing screen takes requests, not cases).
 */
export function revealsOver(db: Kysely<OfficeSchema>): ResolveReveal {
  const pendingRequests = async (caseIds: string[]): Promise<string[]> => {
    const rows = await db
      .selectFrom('signature_requests')
      .select('id')
      .where('case_id', 'in', caseIds.map(Number))
      .where('state', '=', 'pending')
      .orderBy('id')
      .execute();
    return rows.map((row) => String(row.id));
  };
  const routeOf = async (route: Reveal['route'], cases: CaseAliases): Promise<StepReveal['route']> => {
    switch (route.screen) {
      case 'queues':
      case 'tray':
      case 'book':
        return route;
      case 'case':
        return { screen: 'case', caseId: caseOf(cases, route.case) };
      case 'sign': {
        const requestIds = await pendingRequests(route.cases.map((alias) => caseOf(cases, alias)));
        // Nothing left to sign (signed already, or not sent yet): the tray is where to look.
        return requestIds.length > 0 ? { screen: 'sign', requestIds } : { screen: 'tray', box: 'pending' };
      }
    }
  };
  return async (reveal, cases) => ({
    route: await routeOf(reveal.route, cases),
    scrollTo: reveal.scrollTo ?? null,
    row: reveal.row === undefined ? null : caseOf(cases, reveal.row),
  });
}

import type { CaseFilter } from '../../shared/api/index';
import type { QueueName } from '../../shared/domain/cases';

export interface ListParams {
  queue: QueueName;
  filter: CaseFilter;
  sort: 'due_asc' | 'due_desc';
}

/** One place for query keys, so contract events can invalidate exactly what they change. */
export const queryKeys = {
  session: ['session', 'current'] as const,
  /** Why the desk was signed out without asking (an ApiError with a reason), shown on the sign-in screen. */
  signedOutBecause: ['session', 'signedOutBecause'] as const,
  demoUsers: ['session', 'demoUsers'] as const,
  cases: ['cases'] as const,
  procedures: ['cases', 'procedures'] as const,
  queueCounts: ['cases', 'queueCounts'] as const,
  lists: ['cases', 'list'] as const,
  listPage: (params: ListParams, page: number) => ['cases', 'list', params, page] as const,
  detail: (caseId: string) => ['cases', 'get', caseId] as const,
};

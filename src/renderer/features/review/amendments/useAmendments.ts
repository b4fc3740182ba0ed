import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiError, CallInput, CallOutput } from '../../../../shared/api/index';
import { useClient } from '../../../api/ClientProvider';
import { useRefreshCases } from '../../../api/hooks';
import { queryKeys } from '../../../api/query-keys';

/** Under the case's own key: the `cases.changed` news that refetches the case refetches these too. */
export const amendmentKeys = {
  list: (caseId: string) => [...queryKeys.detail(caseId), 'amendments'] as const,
  explain: (caseId: string) => [...queryKeys.detail(caseId), 'explain'] as const,
};

export function useCaseAmendments(caseId: string) {
  const client = useClient();
  return useQuery({
    queryKey: amendmentKeys.list(caseId),
    queryFn: () => client.call('amendments.get', { caseId }),
  });
}

export function useDueDateExplanation(caseId: string, enabled: boolean) {
  const client = useClient();
  return useQuery({
    queryKey: amendmentKeys.explain(caseId),
    queryFn: () => client.call('deadlines.explain', { caseId }),
    enabled,
  });
}

type ChangeName = 'amendments.request' | 'amendments.extend' | 'amendments.registerReply';

/**
 * One change to a case's amendments. Settled either way, the case, its lists and its explanation
 * are fetched again: after a `conflict` the desk shows the fresh data the next attempt starts from.
 * A request the card did not sign answers with its `failure` and the amendments as they stood.
 */
export function useAmendmentChange<N extends ChangeName>(name: N, caseId: string) {
  const client = useClient();
  const queryClient = useQueryClient();
  const refresh = useRefreshCases();
  return useMutation<CallOutput<N>, ApiError, CallInput<N>>({
    mutationFn: (input) => client.call(name, input),
    onSuccess: (result) => queryClient.setQueryData(amendmentKeys.list(caseId), result),
    onSettled: () => refresh(caseId),
  });
}

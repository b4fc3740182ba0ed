import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiError, CallInput, CaseNotifications } from '../../../../shared/api/index';
import { useClient } from '../../../api/ClientProvider';
import { useRefreshCases } from '../../../api/hooks';
import { queryKeys } from '../../../api/query-keys';

/** Under the case's own key: the `cases.changed` news that refetches the case refetches these too. */
export const notificationKeys = {
  list: (caseId: string) => [...queryKeys.detail(caseId), 'notifications'] as const,
};

export function useCaseNotifications(caseId: string) {
  const client = useClient();
  return useQuery({
    queryKey: notificationKeys.list(caseId),
    queryFn: () => client.call('notifications.get', { caseId }),
  });
}

type ChangeName =
  | 'notifications.notify'
  | 'notifications.recordAccess'
  | 'notifications.recordPaperAttempt'
  | 'notifications.recordBoePublication'
  | 'notifications.archive';

/** One change to the case's notification; settled either way, the case and its lists are fetched again. */
export function useNotificationChange<N extends ChangeName>(name: N, caseId: string) {
  const client = useClient();
  const queryClient = useQueryClient();
  const refresh = useRefreshCases();
  return useMutation<CaseNotifications, ApiError, CallInput<N>>({
    mutationFn: (input) => client.call(name, input) as Promise<CaseNotifications>,
    onSuccess: (result) => queryClient.setQueryData(notificationKeys.list(caseId), result),
    onSettled: () => refresh(caseId),
  });
}

import { useMutation, useQuery } from '@tanstack/react-query';
import type { ReassignInput } from '../../../shared/api/index';
import { useClient } from '../../api/ClientProvider';
import { queryKeys } from '../../api/query-keys';
import { useRefreshCases } from '../../api/hooks';

/** The department's active processors, for the reassignment picker. */
export function useColleagues(enabled: boolean) {
  const client = useClient();
  return useQuery({
    queryKey: [...queryKeys.cases, 'colleagues'],
    queryFn: () => client.call('cases.colleagues', {}),
    enabled,
  });
}

/** A reassignment refetches the case whether it went through or lost to a newer change (`conflict`). */
export function useReassign() {
  const client = useClient();
  const refresh = useRefreshCases();
  return useMutation({
    mutationFn: (input: ReassignInput) => client.call('cases.reassign', input),
    onSettled: (_row, _error, input) => refresh(input.caseId),
  });
}

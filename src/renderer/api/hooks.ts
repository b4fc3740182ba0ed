import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiError, CallInput } from '../../shared/api/index';
import { useClient } from './ClientProvider';
import { queryKeys, type ListParams } from './query-keys';
import { signatureKeys } from './signatures';

/** Rows per page of `cases.list`; the virtualized list fetches the pages it shows. */
export const listPageSize = 100;

export function useSession() {
  const client = useClient();
  return useQuery({ queryKey: queryKeys.session, queryFn: () => client.call('session.current', {}) });
}

export function useDemoUsers(enabled: boolean) {
  const client = useClient();
  return useQuery({
    queryKey: queryKeys.demoUsers,
    queryFn: () => client.call('session.demoUsers', {}),
    enabled,
    staleTime: Infinity,
  });
}

export function useSignIn() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => client.call('session.signIn', { userId }),
    onSuccess: (info) => {
      queryClient.removeQueries({ queryKey: queryKeys.cases });
      queryClient.removeQueries({ queryKey: signatureKeys.all });
      queryClient.setQueryData(queryKeys.signedOutBecause, null);
      queryClient.setQueryData(queryKeys.session, info);
    },
  });
}

/** Why the host signed this desk out (e.g. the desk cap), until the next sign-in; null otherwise. */
export function useSignedOutBecause() {
  return useQuery<ApiError | null>({
    queryKey: queryKeys.signedOutBecause,
    queryFn: () => null,
    enabled: false,
    initialData: null,
    staleTime: Infinity,
  }).data;
}

export function useSignOut() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => client.call('session.signOut', {}),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: queryKeys.cases });
      queryClient.removeQueries({ queryKey: signatureKeys.all });
      queryClient.setQueryData(queryKeys.session, null);
    },
  });
}

export function useProcedures(enabled = true) {
  const client = useClient();
  return useQuery({
    queryKey: queryKeys.procedures,
    queryFn: () => client.call('cases.procedures', {}),
    staleTime: Infinity,
    enabled,
  });
}

export function useQueueCounts() {
  const client = useClient();
  return useQuery({ queryKey: queryKeys.queueCounts, queryFn: () => client.call('cases.queueCounts', {}) });
}

/** The pages of one list that are on screen; each page is fetched once and cached by its offset. */
export function useListPages(params: ListParams, pages: readonly number[]) {
  const client = useClient();
  return useQueries({
    queries: pages.map((page) => ({
      queryKey: queryKeys.listPage(params, page),
      queryFn: () =>
        client.call('cases.list', { ...params, offset: page * listPageSize, limit: listPageSize }),
    })),
  });
}

export function useCaseDetail(caseId: string) {
  const client = useClient();
  return useQuery({
    queryKey: queryKeys.detail(caseId),
    queryFn: () => client.call('cases.get', { caseId }),
  });
}

/** Claims change counts, lists and the case itself; refetch them whether the claim won or lost. */
export function useRefreshCases() {
  const queryClient = useQueryClient();
  return (caseId?: string) => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.queueCounts });
    void queryClient.invalidateQueries({ queryKey: queryKeys.lists });
    if (caseId) void queryClient.invalidateQueries({ queryKey: queryKeys.detail(caseId) });
  };
}

export function useClaim() {
  const client = useClient();
  const refresh = useRefreshCases();
  return useMutation({
    mutationFn: (caseId: string) => client.call('cases.claim', { caseId }),
    onSettled: (_row, _error, caseId) => refresh(caseId),
  });
}

export function useClaimNext() {
  const client = useClient();
  const refresh = useRefreshCases();
  return useMutation({
    mutationFn: (request: CallInput<'cases.claimNext'>) => client.call('cases.claimNext', request),
    onSettled: (row) => refresh(row?.id),
  });
}

export function useRelease() {
  const client = useClient();
  const refresh = useRefreshCases();
  return useMutation({
    mutationFn: (caseId: string) => client.call('cases.release', { caseId }),
    onSettled: (_row, _error, caseId) => refresh(caseId),
  });
}

import {
  keepPreviousData,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import type { CallInput, TrayBox } from '../../shared/api/index';
import { useClient } from './ClientProvider';
import { queryKeys } from './query-keys';

/** Rows per page of the signing tray. */
export const trayPageSize = 50;

/** Every signature query starts with 'signatures', so one event refetches what is on screen. */
export const signatureKeys = {
  all: ['signatures'] as const,
  counts: ['signatures', 'counts'] as const,
  tray: (box: TrayBox, page: number) => ['signatures', 'tray', box, page] as const,
  request: (requestId: string) => ['signatures', 'get', requestId] as const,
  ofCase: (caseId: string) => ['signatures', 'ofCase', caseId] as const,
  signers: (caseId: string) => ['signatures', 'signers', caseId] as const,
  substitutions: ['signatures', 'substitutions'] as const,
};

/** A request changed: the tray, its counts, the request and its case refetch. */
export function refreshSignatures(queryClient: QueryClient, caseId?: string): void {
  void queryClient.invalidateQueries({ queryKey: signatureKeys.all });
  if (caseId) {
    void queryClient.invalidateQueries({ queryKey: queryKeys.detail(caseId) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.queueCounts });
    void queryClient.invalidateQueries({ queryKey: queryKeys.lists });
  }
}

export function useTrayCounts(enabled = true) {
  const client = useClient();
  return useQuery({
    queryKey: signatureKeys.counts,
    queryFn: () => client.call('signatures.counts', {}),
    enabled,
  });
}

export function useTrayPage(box: TrayBox, page: number) {
  const client = useClient();
  return useQuery({
    queryKey: signatureKeys.tray(box, page),
    queryFn: () => client.call('signatures.tray', { box, offset: page * trayPageSize, limit: trayPageSize }),
    placeholderData: keepPreviousData,
  });
}

export function useSignatureRequest(requestId: string | null) {
  const client = useClient();
  return useQuery({
    queryKey: signatureKeys.request(requestId ?? ''),
    queryFn: () => client.call('signatures.get', { requestId: requestId ?? '' }),
    enabled: requestId !== null,
  });
}

export function useCaseRequests(caseId: string) {
  const client = useClient();
  return useQuery({
    queryKey: signatureKeys.ofCase(caseId),
    queryFn: () => client.call('signatures.ofCase', { caseId }),
  });
}

export function useSigners(caseId: string, enabled: boolean) {
  const client = useClient();
  return useQuery({
    queryKey: signatureKeys.signers(caseId),
    queryFn: () => client.call('signatures.signers', { caseId }),
    enabled,
  });
}

export function useSubstitutions() {
  const client = useClient();
  return useQuery({
    queryKey: signatureKeys.substitutions,
    queryFn: () => client.call('substitutions.list', {}),
  });
}

/** The draft is fetched when asked for (opening the editor), never kept in the cache. */
export function useDraft() {
  const client = useClient();
  return useMutation({
    mutationFn: (input: CallInput<'resolutions.draft'>) => client.call('resolutions.draft', input),
  });
}

export function usePreview() {
  const client = useClient();
  return useMutation({
    mutationFn: (input: CallInput<'resolutions.preview'>) => client.call('resolutions.preview', input),
  });
}

/** A change to a request: whatever its outcome, what shows it refetches. */
function useRequestChange<
  N extends 'signatures.send' | 'signatures.withdraw' | 'signatures.approve' | 'signatures.reject',
>(name: N, caseIdOf: (input: CallInput<N>) => string | undefined) {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CallInput<N>) => client.call(name, input),
    onSettled: (request, _error, input) => refreshSignatures(queryClient, request?.caseId ?? caseIdOf(input)),
  });
}

export const useSend = () => useRequestChange('signatures.send', (input) => input.caseId);
export const useWithdraw = () => useRequestChange('signatures.withdraw', () => undefined);
export const useApprove = () => useRequestChange('signatures.approve', () => undefined);
export const useReject = () => useRequestChange('signatures.reject', () => undefined);

function useSubstitutionChange<N extends 'substitutions.create' | 'substitutions.revoke'>(name: N) {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CallInput<N>) => client.call(name, input),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: signatureKeys.all }),
  });
}

export const useCreateSubstitution = () => useSubstitutionChange('substitutions.create');
export const useRevokeSubstitution = () => useSubstitutionChange('substitutions.revoke');

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, type CallInput } from '../../../../shared/api/index';
import { useClient } from '../../../api/ClientProvider';
import { queryKeys } from '../../../api/query-keys';

/** Under the case's keys: a `cases.changed` event or signing out refetches or forgets them. */
export const caseworkKeys = {
  notes: (caseId: string) => [...queryKeys.cases, 'casework', caseId, 'notes'] as const,
  withdrawal: (caseId: string) => [...queryKeys.cases, 'casework', caseId, 'withdrawal'] as const,
  reportTemplates: [...queryKeys.cases, 'casework', 'reportTemplates'] as const,
};

export function useNotes(caseId: string) {
  const client = useClient();
  return useQuery({
    queryKey: caseworkKeys.notes(caseId),
    queryFn: () => client.call('casework.notes.list', { caseId }),
  });
}

export function useWithdrawal(caseId: string) {
  const client = useClient();
  return useQuery({
    queryKey: caseworkKeys.withdrawal(caseId),
    queryFn: () => client.call('casework.withdrawal', { caseId }),
  });
}

export function useReportTemplates(enabled: boolean) {
  const client = useClient();
  return useQuery({
    queryKey: caseworkKeys.reportTemplates,
    queryFn: () => client.call('casework.reportTemplates', {}),
    staleTime: Infinity,
    enabled,
  });
}

export function useReportDraft() {
  const client = useClient();
  return useMutation({
    mutationFn: (input: CallInput<'casework.reportDraft'>) => client.call('casework.reportDraft', input),
  });
}

/**
 * A change to the case: on success, and on `conflict` (another desk changed it first), the case, its
 * notes and its withdrawal refetch, so the page shows the fresh data.
 */
function useCaseChange<I extends { caseId: string }, O>(call: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  const refresh = (caseId: string) => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.detail(caseId) });
    void queryClient.invalidateQueries({ queryKey: [...queryKeys.cases, 'casework', caseId] });
    void queryClient.invalidateQueries({ queryKey: queryKeys.lists });
  };
  return useMutation({
    mutationFn: call,
    onSuccess: (_output, input) => refresh(input.caseId),
    onError: (error, input) => {
      if (error instanceof ApiError && error.code === 'conflict') refresh(input.caseId);
    },
  });
}

export function useAddNote() {
  const client = useClient();
  return useCaseChange((input: CallInput<'casework.notes.add'>) => client.call('casework.notes.add', input));
}

export function useAddReport() {
  const client = useClient();
  return useCaseChange((input: CallInput<'casework.addReport'>) => client.call('casework.addReport', input));
}

export function useWithdraw() {
  const client = useClient();
  return useCaseChange((input: CallInput<'casework.withdraw'>) => client.call('casework.withdraw', input));
}

export function useDeemWithdrawn() {
  const client = useClient();
  return useCaseChange((input: CallInput<'casework.deemWithdrawn'>) =>
    client.call('casework.deemWithdrawn', input),
  );
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { CallInput } from '../../../shared/api/index';
import { useClient } from '../../api/ClientProvider';

export const trainerKeys = {
  all: ['trainer'] as const,
  sessions: ['trainer', 'sessions'] as const,
  trainees: ['trainer', 'trainees'] as const,
  class: (sessionId: string) => ['trainer', 'class', sessionId] as const,
};

/** Who may be put in a class: the desk's active users who are not trainers. */
export function useTraineeCandidates() {
  const client = useClient();
  return useQuery({ queryKey: trainerKeys.trainees, queryFn: () => client.call('trainer.trainees', {}) });
}

export function useClassSessions() {
  const client = useClient();
  return useQuery({
    queryKey: trainerKeys.sessions,
    queryFn: () => client.call('trainer.sessions.list', {}),
  });
}

/**
 * The class of a session, fetched again each time a trainee's progress moves (no reload, no
 * polling), and on reconnecting, since moves may have gone unheard while the host was away.
 */
export function useClass(sessionId: string | null) {
  const client = useClient();
  const queryClient = useQueryClient();
  useEffect(() => {
    const refetch = () => void queryClient.invalidateQueries({ queryKey: ['trainer', 'class'] });
    const stopChanges = client.on('trainer.classChanged', refetch);
    const stopConnection = client.onConnectionChange((status) => {
      if (status === 'connected') refetch();
    });
    return () => {
      stopChanges();
      stopConnection();
    };
  }, [client, queryClient]);
  return useQuery({
    queryKey: trainerKeys.class(sessionId ?? ''),
    queryFn: () => client.call('trainer.class', { sessionId: sessionId! }),
    enabled: sessionId !== null,
    staleTime: 0,
  });
}

export function useTrainerActions() {
  const client = useClient();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trainerKeys.all });
  return {
    create: useMutation({
      mutationFn: (input: CallInput<'trainer.sessions.create'>) =>
        client.call('trainer.sessions.create', input),
      onSuccess: refresh,
    }),
    hint: useMutation({
      mutationFn: (input: CallInput<'trainer.hint'>) => client.call('trainer.hint', input),
      onSuccess: refresh,
    }),
    reset: useMutation({
      mutationFn: (input: CallInput<'trainer.reset'>) => client.call('trainer.reset', input),
      onSuccess: refresh,
    }),
  };
}

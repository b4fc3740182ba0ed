import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { TrainingMode } from '../../../shared/api/training';
import { useClient } from '../../api/ClientProvider';

export const trainingKeys = {
  progress: ['training', 'progress'] as const,
  scenarios: ['training', 'scenarios'] as const,
};

/** The trainee's progress, fetched again whenever the host says it moved (a step done, a mistake). */
export function useTrainingProgress() {
  const client = useClient();
  const queryClient = useQueryClient();
  useEffect(
    () =>
      client.on('training.progressed', () => {
        void queryClient.invalidateQueries({ queryKey: trainingKeys.progress });
      }),
    [client, queryClient],
  );
  return useQuery({
    queryKey: trainingKeys.progress,
    queryFn: () => client.call('training.progress', {}),
    staleTime: 0,
  });
}

export function useScenarios(enabled: boolean) {
  const client = useClient();
  return useQuery({
    queryKey: trainingKeys.scenarios,
    queryFn: () => client.call('training.scenarios', {}),
    enabled,
    staleTime: Infinity,
  });
}

/** Start, hint and leave: each answer is the new progress, shown at once. */
export function useTrainingActions() {
  const client = useClient();
  const queryClient = useQueryClient();
  const onProgress = {
    onSuccess: (progress: unknown) => queryClient.setQueryData(trainingKeys.progress, progress),
  };
  return {
    start: useMutation({
      mutationFn: (input: { scenarioId: string; mode: TrainingMode }) => client.call('training.start', input),
      ...onProgress,
    }),
    hint: useMutation({ mutationFn: () => client.call('training.hint', {}), ...onProgress }),
    leave: useMutation({
      mutationFn: () => client.call('training.leave', {}),
      onSuccess: () => queryClient.setQueryData(trainingKeys.progress, null),
    }),
  };
}

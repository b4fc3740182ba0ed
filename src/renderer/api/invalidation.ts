import type { QueryClient } from '@tanstack/react-query';
import type { RendererClient } from './client';
import { queryKeys } from './query-keys';

/**
 * Keeps what the desk shows in step with other desks: each contract event invalidates the queries
 * it affects (active ones refetch at once), and a reconnection refetches everything because events
 * may have been missed while the stream was down. Returns the unsubscribe.
 */
export function wireInvalidation(
  client: RendererClient,
  queryClient: QueryClient,
  onConnectionChange: (connected: boolean) => void,
): () => void {
  let wasDisconnected = false;
  const stopCases = client.on('cases.changed', ({ caseIds }) => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.queueCounts });
    void queryClient.invalidateQueries({ queryKey: queryKeys.lists });
    for (const caseId of caseIds) void queryClient.invalidateQueries({ queryKey: queryKeys.detail(caseId) });
  });
  const stopConnection = client.onConnectionChange((connected) => {
    if (connected && wasDisconnected) void queryClient.invalidateQueries({ queryKey: queryKeys.cases });
    wasDisconnected = !connected;
    onConnectionChange(connected);
  });
  return () => {
    stopCases();
    stopConnection();
  };
}

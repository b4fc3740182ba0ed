import type { QueryClient } from '@tanstack/react-query';
import type { RendererClient } from './client';
import type { ConnectionStatus } from './transport';
import { queryKeys } from './query-keys';
import { refreshSignatures, signatureKeys } from './signatures';

/**
 * Keeps what the desk shows in step with other desks: each contract event invalidates the queries
 * it affects (active ones refetch at once), and a reconnection refetches everything because events
 * may have been missed while the stream was down. Returns the unsubscribe.
 */
export function wireInvalidation(
  client: RendererClient,
  queryClient: QueryClient,
  onConnectionChange: (status: ConnectionStatus) => void,
): () => void {
  let wasDisconnected = false;
  const stopCases = client.on('cases.changed', ({ caseIds }) => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.queueCounts });
    void queryClient.invalidateQueries({ queryKey: queryKeys.lists });
    for (const caseId of caseIds) void queryClient.invalidateQueries({ queryKey: queryKeys.detail(caseId) });
    // A case's requests are part of it (and, from another server instance, this is the only news).
    void queryClient.invalidateQueries({ queryKey: signatureKeys.all });
  });
  const stopSignatures = client.on('signatures.changed', ({ caseId }) =>
    refreshSignatures(queryClient, caseId),
  );
  const stopConnection = client.onConnectionChange((status) => {
    const connected = status === 'connected';
    if (connected && wasDisconnected) {
      void queryClient.invalidateQueries({ queryKey: queryKeys.cases });
      void queryClient.invalidateQueries({ queryKey: signatureKeys.all });
    }
    wasDisconnected = !connected;
    onConnectionChange(status);
  });
  return () => {
    stopCases();
    stopSignatures();
    stopConnection();
  };
}

import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { EventName } from '../../../src/shared/api/index';
import type { RendererClient } from '../../../src/renderer/api/client';
import { wireInvalidation } from '../../../src/renderer/api/invalidation';
import { queryKeys } from '../../../src/renderer/api/query-keys';
import type { ConnectionStatus } from '../../../src/renderer/api/transport';

/** The client's event side only: the test pushes events and connection changes. */
function eventSource() {
  const listeners = new Map<string, (payload: never) => void>();
  let connection: ((status: ConnectionStatus) => void) | undefined;
  const client = {
    call: () => Promise.reject(new Error('no calls here')),
    on: (name: EventName, listener: (payload: never) => void) => {
      listeners.set(name, listener);
      return () => listeners.delete(name);
    },
    onConnectionChange: (listener: (status: ConnectionStatus) => void) => {
      connection = listener;
      return () => (connection = undefined);
    },
  } as unknown as RendererClient;
  return {
    client,
    emit: (name: string, payload: unknown) => listeners.get(name)?.(payload as never),
    connection: (status: ConnectionStatus) => connection?.(status),
  };
}

function seededCache() {
  const queryClient = new QueryClient();
  const params = { queue: 'unassigned', filter: {}, sort: 'due_asc' } as const;
  queryClient.setQueryData(queryKeys.queueCounts, { mine: 0 });
  queryClient.setQueryData(queryKeys.listPage(params, 0), { total: 0, rows: [] });
  queryClient.setQueryData(queryKeys.detail('c1'), {});
  queryClient.setQueryData(queryKeys.detail('c2'), {});
  queryClient.setQueryData(queryKeys.demoUsers, []);
  const stale = () =>
    queryClient
      .getQueryCache()
      .getAll()
      .filter((query) => query.state.isInvalidated)
      .map((query) => JSON.stringify(query.queryKey))
      .sort();
  return { queryClient, params, stale };
}

describe('event-driven invalidation', () => {
  it('a case change marks counts, every list page and that case stale, nothing else', () => {
    const source = eventSource();
    const { queryClient, params, stale } = seededCache();
    wireInvalidation(source.client, queryClient, () => undefined);
    source.emit('cases.changed', { caseIds: ['c1'], departmentId: 'urb', kind: 'claimed' });
    expect(stale()).toEqual(
      [queryKeys.queueCounts, queryKeys.listPage(params, 0), queryKeys.detail('c1')]
        .map((key) => JSON.stringify(key))
        .sort(),
    );
  });

  it('a reconnection refreshes every case query, since events may have been missed', () => {
    const source = eventSource();
    const { queryClient, stale } = seededCache();
    const seen: ConnectionStatus[] = [];
    wireInvalidation(source.client, queryClient, (status) => seen.push(status));
    source.connection('connected');
    expect(stale()).toEqual([]);
    source.connection('reconnecting');
    source.connection('connected');
    expect(stale()).toHaveLength(4);
    expect(stale()).not.toContain(JSON.stringify(queryKeys.demoUsers));
    expect(seen).toEqual(['connected', 'reconnecting', 'connected']);
  });

  it('stops listening when unwired', () => {
    const source = eventSource();
    const { queryClient, stale } = seededCache();
    wireInvalidation(source.client, queryClient, () => undefined)();
    source.emit('cases.changed', { caseIds: ['c1'], departmentId: 'urb', kind: 'claimed' });
    expect(stale()).toEqual([]);
  });
});

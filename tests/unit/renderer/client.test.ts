import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/shared/api/errors';
import type { BridgeResult } from '../../../src/shared/api/bridge';
import type { CallName, EventName } from '../../../src/shared/api/index';
import { createClient } from '../../../src/renderer/api/client';
import type { Transport } from '../../../src/renderer/api/transport';

/** A transport that answers every call with `answer` and lets the test push events. */
function fakeTransport(answer: (name: CallName, input: unknown) => BridgeResult | Promise<BridgeResult>) {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const transport: Transport = {
    call: async (name, input) => answer(name, input),
    subscribe(name: EventName, listener) {
      const set = listeners.get(name) ?? new Set();
      listeners.set(name, set);
      set.add(listener);
      return () => set.delete(listener);
    },
    onConnectionChange: () => () => undefined,
    reconnect: () => undefined,
  };
  const push = (name: string, payload: unknown) =>
    listeners.get(name)?.forEach((listener) => listener(payload));
  return { transport, push };
}

const row = {
  id: 'c1',
  number: '2026/URB/000001',
  procedureCode: 'URB-OM',
  applicantName: 'Ana Pérez',
  applicantNif: '00000000T',
  state: 'registered',
  registeredAt: '2026-11-02T09:00:00.000Z',
  dueDate: '2027-02-02',
  businessDaysLeft: 40,
  dueDateProvisional: true,
  silence: 'positive',
  assigneeId: null,
  assigneeName: null,
  version: 1,
};

describe('renderer client', () => {
  it('returns the output parsed by the contract and sends the input as given', async () => {
    const seen: unknown[] = [];
    const { transport } = fakeTransport((_name, input) => {
      seen.push(input);
      return { ok: true, value: { total: 1, rows: [row] } };
    });
    const result = await createClient(transport).call('cases.list', { queue: 'unassigned', limit: 50 });
    expect(result.total).toBe(1);
    expect(result.rows[0]?.number).toBe('2026/URB/000001');
    expect(seen).toEqual([{ queue: 'unassigned', limit: 50 }]);
  });

  it('throws an ApiError with the code and params the host sent', async () => {
    const { transport } = fakeTransport(() => ({
      ok: false,
      error: { code: 'already_claimed', params: { number: 'x' } },
    }));
    const error = await createClient(transport)
      .call('cases.claim', { caseId: 'c1' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('already_claimed');
    expect((error as ApiError).params).toEqual({ number: 'x' });
  });

  it('rejects an output that breaks the contract as an internal error', async () => {
    const { transport } = fakeTransport(() => ({ ok: true, value: { ...row, state: 'lost_in_space' } }));
    await expect(createClient(transport).call('cases.claim', { caseId: 'c1' })).rejects.toMatchObject({
      code: 'internal',
    });
  });

  it('turns an unknown error code into an internal error and a failed transport into no connection', async () => {
    const unknownCode = fakeTransport(
      () => ({ ok: false, error: { code: 'teapot' } }) as unknown as BridgeResult,
    );
    await expect(createClient(unknownCode.transport).call('session.current', {})).rejects.toMatchObject({
      code: 'internal',
    });
    const broken = fakeTransport(() => Promise.reject(new TypeError('Failed to fetch')));
    await expect(createClient(broken.transport).call('session.current', {})).rejects.toMatchObject({
      code: 'no_connection',
    });
  });

  it('delivers only event payloads that match the contract, and stops after unsubscribe', () => {
    const { transport, push } = fakeTransport(() => ({ ok: true, value: null }));
    const received: unknown[] = [];
    const stop = createClient(transport).on('cases.changed', (payload) => received.push(payload));
    push('cases.changed', { caseIds: ['c1'], departmentId: 'urb', kind: 'claimed' });
    push('cases.changed', { caseIds: 'c1' });
    stop();
    push('cases.changed', { caseIds: ['c2'], departmentId: 'urb', kind: 'claimed' });
    expect(received).toEqual([{ caseIds: ['c1'], departmentId: 'urb', kind: 'claimed' }]);
  });
});

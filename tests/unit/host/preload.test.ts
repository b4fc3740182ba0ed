import { EventEmitter } from 'node:events';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { DespachoBridge } from '../../../src/shared/api/bridge';
import { callNames, eventNames } from '../../../src/shared/api/index';

/** ipcRenderer: invoke is recorded, events are emitted by the test as main would send them. */
class FakeIpcRenderer extends EventEmitter {
  readonly invoked: { channel: string; input: unknown }[] = [];
  async invoke(channel: string, input: unknown): Promise<unknown> {
    this.invoked.push({ channel, input });
    return { ok: true, value: { echoed: channel } };
  }
}

const exposed = new Map<string, unknown>();
const ipcRenderer = new FakeIpcRenderer();

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer,
}));

let bridge: DespachoBridge;

beforeAll(async () => {
  await import('../../../src/main/preload/index');
  bridge = exposed.get('despacho') as DespachoBridge;
});

describe('preload', () => {
  it('exposes window.despacho and nothing else', () => {
    expect([...exposed.keys()]).toEqual(['despacho']);
    expect(Object.keys(bridge).sort()).toEqual(['calls', 'events']);
  });

  it('has exactly one function per contract call and per contract event', () => {
    expect(Object.keys(bridge.calls).sort()).toEqual([...callNames].sort());
    expect(Object.keys(bridge.events).sort()).toEqual([...eventNames].sort());
    for (const fn of [...Object.values(bridge.calls), ...Object.values(bridge.events)])
      expect(typeof fn).toBe('function');
  });

  it('invokes the call channel with the input and returns main’s reply', async () => {
    const reply = await bridge.calls['cases.claim']({ caseId: 'c-1' });
    expect(reply).toEqual({ ok: true, value: { echoed: 'despacho:call:cases.claim' } });
    expect(ipcRenderer.invoked.at(-1)).toEqual({
      channel: 'despacho:call:cases.claim',
      input: { caseId: 'c-1' },
    });
  });

  it('hands listeners the payload only, and unsubscribing stops them', () => {
    const received: unknown[][] = [];
    const unsubscribe = bridge.events['cases.changed']((...args: unknown[]) => received.push(args));
    const payload = { caseIds: ['c-1'], departmentId: 'd-urb', kind: 'claimed' };
    ipcRenderer.emit('despacho:event:cases.changed', { sender: 'the IPC event' }, payload);
    expect(received).toEqual([[payload]]);

    unsubscribe();
    ipcRenderer.emit('despacho:event:cases.changed', { sender: 'the IPC event' }, payload);
    expect(received).toHaveLength(1);
    expect(ipcRenderer.listenerCount('despacho:event:cases.changed')).toBe(0);
  });

  it('keeps separate subscriptions independent', () => {
    const first: unknown[] = [];
    const second: unknown[] = [];
    const stopFirst = bridge.events['cases.changed']((payload) => first.push(payload));
    const stopSecond = bridge.events['cases.changed']((payload) => second.push(payload));
    stopFirst();
    ipcRenderer.emit('despacho:event:cases.changed', {}, 'p');
    expect(first).toEqual([]);
    expect(second).toEqual(['p']);
    stopSecond();
  });

  it('cannot be altered by the page', () => {
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(Object.isFrozen(bridge.calls)).toBe(true);
    expect(Object.isFrozen(bridge.events)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { bindIpc } from '../../../src/main/app/ipc-binding';
import { createSessionSlots } from '../../../src/main/app/session-slots';
import { isTrustedInvoke } from '../../../src/main/app/trusted-sender';
import { callChannel } from '../../../src/main/preload/channels';
import { callNames } from '../../../src/shared/api/index';
import { fakeActors, FakeContents, FakeIpcMain, recordingHandlers } from './fakes';

function boundDesk() {
  const ipcMain = new FakeIpcMain();
  const { handlers, ran } = recordingHandlers();
  const windows = [new FakeContents(), new FakeContents()];
  const unbind = bindIpc({
    ipcMain,
    handlers,
    actors: fakeActors,
    // Both windows are trusted here: this file is about dispatching, the refusals have their own specs.
    isTrusted: (event) => windows.some((contents) => isTrustedInvoke(event, contents)),
    slotFor: createSessionSlots().slotFor,
  });
  return { ipcMain, ran, windows, unbind };
}

describe('IPC binding', () => {
  it('registers one despacho:call:<name> handler per contract call and removes them all', () => {
    const { ipcMain, unbind } = boundDesk();
    expect([...ipcMain.listeners.keys()].sort()).toEqual(callNames.map(callChannel).sort());
    unbind();
    expect(ipcMain.listeners.size).toBe(0);
  });

  it('dispatches a trusted call and returns the typed result', async () => {
    const { ipcMain, windows } = boundDesk();
    const [first] = windows;
    const result = await ipcMain.invoke(callChannel('session.signIn'), first!.invokeEvent(), {
      userId: 'u-7',
    });
    expect(result).toMatchObject({ ok: true, value: { user: { id: 'u-7' }, mode: 'embedded' } });
  });

  it('keeps one sign-in per window and forgets it when the window goes away', async () => {
    const { ipcMain, windows } = boundDesk();
    const [first, second] = windows as [FakeContents, FakeContents];
    await ipcMain.invoke(callChannel('session.signIn'), first.invokeEvent(), { userId: 'u-7' });

    const current = (contents: FakeContents) =>
      ipcMain.invoke(callChannel('session.current'), contents.invokeEvent(), {});
    expect(await current(first)).toMatchObject({ ok: true, value: { user: { id: 'u-7' } } });
    expect(await current(second)).toEqual({ ok: true, value: null });

    first.destroy();
    expect(await current(first)).toEqual({ ok: true, value: null });
  });

  it('parses the input before the handler runs', async () => {
    const { ipcMain, ran, windows } = boundDesk();
    const result = await ipcMain.invoke(callChannel('session.signIn'), windows[0]!.invokeEvent(), {
      userId: 42,
    });
    expect(result).toEqual({ ok: false, error: { code: 'invalid_input', params: { field: 'userId' } } });
    expect(ran).toEqual([]);
  });

  it('enforces the access rule before any handler runs: a signed-out window cannot read cases', async () => {
    const { ipcMain, ran, windows } = boundDesk();
    const result = await ipcMain.invoke(callChannel('cases.get'), windows[0]!.invokeEvent(), { caseId: '1' });
    expect(result).toEqual({ ok: false, error: { code: 'not_signed_in' } });
    expect(ran).toEqual([]);
  });

  it('turns a handler failure into the internal code without its message', async () => {
    const { ipcMain, windows } = boundDesk();
    await ipcMain.invoke(callChannel('session.signIn'), windows[0]!.invokeEvent(), { userId: 'u-7' });
    const result = await ipcMain.invoke(callChannel('cases.procedures'), windows[0]!.invokeEvent(), {});
    expect(result).toEqual({ ok: false, error: { code: 'internal' } });
  });
});

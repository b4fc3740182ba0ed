import { describe, expect, it } from 'vitest';
import { bindIpc } from '../../src/main/app/ipc-binding';
import { createSessionSlots } from '../../src/main/app/session-slots';
import { isTrustedInvoke } from '../../src/main/app/trusted-sender';
import { callChannel } from '../../src/main/preload/channels';
import { fakeActors, FakeContents, FakeIpcMain, frame, recordingHandlers } from '../unit/host/fakes';

/** The desk window and an IPC binding that trusts only it, as main.ts wires them. */
function deskWithOneWindow() {
  const ipcMain = new FakeIpcMain();
  const { handlers, ran } = recordingHandlers();
  const desk = new FakeContents();
  bindIpc({
    ipcMain,
    handlers,
    actors: fakeActors,
    isTrusted: (event) => isTrustedInvoke(event, desk),
    slotFor: createSessionSlots().slotFor,
  });
  const signIn = (event: ReturnType<FakeContents['invokeEvent']>) =>
    ipcMain.invoke(callChannel('session.signIn'), event, { userId: 'u-7' });
  return { desk, ran, signIn };
}

const forbidden = { ok: false, error: { code: 'forbidden' } };

describe('IPC from anywhere but the desk window’s main frame is refused, with nothing dispatched', () => {
  it('accepts the desk window’s own main frame (the baseline the refusals differ from)', async () => {
    const { desk, ran, signIn } = deskWithOneWindow();
    expect(await signIn(desk.invokeEvent())).toMatchObject({ ok: true });
    expect(ran).toEqual(['session.signIn']);
  });

  it('refuses a subframe of the desk window, even on the desk origin', async () => {
    const { desk, ran, signIn } = deskWithOneWindow();
    const subframe = frame('app://despacho/index.html', desk.mainFrame);
    expect(await signIn(desk.invokeEvent(subframe))).toEqual(forbidden);
    expect(ran).toEqual([]);
  });

  it('refuses the main frame once it shows another origin', async () => {
    const { desk, ran, signIn } = deskWithOneWindow();
    for (const url of [
      'https://evil.example/',
      'file:///etc/passwd',
      'app://elsewhere/index.html',
      'about:blank',
    ]) {
      const navigated = { ...desk.mainFrame, url };
      expect(await signIn(desk.invokeEvent(navigated))).toEqual(forbidden);
    }
    expect(ran).toEqual([]);
  });

  it('refuses a frame that is not the window’s main frame even if it claims to be top-level', async () => {
    const { desk, ran, signIn } = deskWithOneWindow();
    expect(await signIn(desk.invokeEvent(frame('app://despacho/index.html')))).toEqual(forbidden);
    expect(ran).toEqual([]);
  });

  it('refuses another webContents showing the desk page', async () => {
    const { ran, signIn } = deskWithOneWindow();
    const stranger = new FakeContents();
    expect(await signIn(stranger.invokeEvent())).toEqual(forbidden);
    expect(ran).toEqual([]);
  });

  it('refuses a sender whose frame is gone', async () => {
    const { desk, ran, signIn } = deskWithOneWindow();
    expect(await signIn(desk.invokeEvent(null))).toEqual(forbidden);
    expect(ran).toEqual([]);
  });

  it('refuses everything when there is no desk window', () => {
    const desk = new FakeContents();
    expect(isTrustedInvoke(desk.invokeEvent(), null)).toBe(false);
  });
});

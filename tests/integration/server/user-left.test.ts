import { afterEach, describe, expect, it, vi } from 'vitest';
import type WebSocket from 'ws';
import type { LoopbackHost } from '../../../src/main/server/host';
import { call, openEvents, startFakeDeskHost } from '../../security/support/loopback';

/**
 * The loopback host tells the desk when a signed-in user closed their last page (their events
 * socket went away): a training desk stops that trainee's clock. Not while another page of theirs
 * is open, never for a page nobody signed in on, and not when the host itself closes the sockets.
 */
let host: LoopbackHost | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

const closed = (socket: WebSocket) =>
  new Promise<void>((resolve) => {
    socket.once('close', () => resolve());
    socket.close();
  });

/** Generous: only a host that never tells makes a test wait this long. */
const told = { timeout: 20_000 };

async function hostTellingWhoLeft() {
  const left: string[] = [];
  const served = await startFakeDeskHost({
    onUserLeft: async (userId) => {
      left.push(userId);
    },
  });
  host = served.host;
  return { host: served.host, left };
}

describe('a user leaving the loopback host', () => {
  it('is told once their last page closes, not while another of theirs is open', async () => {
    const { host, left } = await hostTellingWhoLeft();
    await call(host, 'session.signIn', { userId: 'urb-02' }, 'desk-first-page');
    await call(host, 'session.signIn', { userId: 'urb-02' }, 'desk-second-page');
    const first = await openEvents(host, 'desk-first-page');
    const second = await openEvents(host, 'desk-second-page');
    const nobody = await openEvents(host, 'desk-signed-out');
    await closed(first);
    await closed(nobody);
    await closed(second);
    await vi.waitFor(() => expect(left.length).toBeGreaterThan(0), told);
    expect(left).toEqual(['urb-02']);
  });

  it('tells nothing when the host closes the pages itself', async () => {
    const { host: closing, left } = await hostTellingWhoLeft();
    await call(closing, 'session.signIn', { userId: 'urb-03' }, 'desk-open-page');
    const page = await openEvents(closing, 'desk-open-page');
    const gone = new Promise<void>((resolve) => page.once('close', () => resolve()));
    await closing.close();
    await gone;
    host = undefined;
    expect(left).toEqual([]);
  });
});

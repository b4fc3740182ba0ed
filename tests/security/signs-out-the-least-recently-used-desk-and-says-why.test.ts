import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeskSessions } from '../../src/main/server/desks';
import type { LoopbackHost } from '../../src/main/server/host';
import { errorMessageKey } from '../../src/renderer/app/useErrorMessage';
import { ApiError } from '../../src/shared/api/errors';
import { translateDynamic } from '../../src/shared/i18n/index';
import { call, startFakeDeskHost } from './support/loopback';

/**
 * The cap on signed-in desks signed out the desk that signed in first, however busy it was, and
 * the desk never learned why its session ended. The cap now signs out the desk used least
 * recently, and that desk's next refused call says it was signed out for room.
 */
describe('desk sessions past the cap', () => {
  const signIn = (desks: DeskSessions, deskId: string) => desks.slot(deskId).set(`user-${deskId}`);
  const signedIn = (desks: DeskSessions, ...deskIds: string[]) =>
    deskIds.filter((deskId) => desks.slot(deskId).get() !== null);

  it('sign out the desk used least recently, not the one signed in first', () => {
    const desks = new DeskSessions(2);
    signIn(desks, 'desk-first');
    signIn(desks, 'desk-second');
    desks.touch('desk-first');
    signIn(desks, 'desk-third');
    expect(signedIn(desks, 'desk-first', 'desk-second', 'desk-third')).toEqual(['desk-first', 'desk-third']);
  });

  it('tell the signed-out desk why, once, on its first call refused for want of a sign-in', () => {
    const desks = new DeskSessions(1);
    signIn(desks, 'desk-first');
    signIn(desks, 'desk-second');
    const refused = { ok: false, error: { code: 'not_signed_in' } } as const;
    expect(desks.explain('desk-first', { ok: true, value: [] })).toEqual({ ok: true, value: [] });
    expect(desks.explain('desk-first', refused)).toEqual({
      ok: false,
      error: { code: 'not_signed_in', params: { reason: 'evicted' } },
    });
    expect(desks.explain('desk-first', refused)).toEqual(refused);
    expect(desks.explain('desk-never-signed-in', refused)).toEqual(refused);
  });

  it('forget why once the desk signs in again', () => {
    const desks = new DeskSessions(1);
    signIn(desks, 'desk-first');
    signIn(desks, 'desk-second');
    signIn(desks, 'desk-first');
    desks.slot('desk-first').set(null);
    const refused = { ok: false, error: { code: 'not_signed_in' } } as const;
    expect(desks.explain('desk-first', refused)).toEqual(refused);
  });
});

describe('the loopback host at its desk cap', () => {
  let host: LoopbackHost;

  beforeAll(async () => {
    ({ host } = await startFakeDeskHost({ limits: { deskCapacity: 2 } }));
  });

  afterAll(async () => {
    await host?.close();
  });

  it('keeps a desk that keeps working and tells the idle one it was signed out for room', async () => {
    await call(host, 'session.signIn', { userId: 'u-busy' }, 'desk-busy-0001');
    await call(host, 'session.signIn', { userId: 'u-idle' }, 'desk-idle-0001');
    // Any call is a use, even one that needs no sign-in.
    await call(host, 'session.current', {}, 'desk-busy-0001');
    await call(host, 'session.signIn', { userId: 'u-late' }, 'desk-late-0001');

    const busy = await call(host, 'session.current', {}, 'desk-busy-0001');
    expect(busy.body.value).toMatchObject({ user: { id: 'u-busy' } });
    const idle = await call(host, 'session.signOut', {}, 'desk-idle-0001');
    expect(idle.status).toBe(401);
    expect(idle.body.error).toEqual({ code: 'not_signed_in', params: { reason: 'evicted' } });
  });
});

describe('the renderer', () => {
  it('says in both languages that the desk was signed out for room, and knows no other reasons', () => {
    const evicted = new ApiError('not_signed_in', { reason: 'evicted' });
    expect(errorMessageKey(evicted)).toBe('errors.not_signed_in.evicted');
    for (const locale of ['es', 'ca-valencia'] as const) {
      const sentence = translateDynamic(locale, errorMessageKey(evicted), 'errors.internal');
      expect(sentence).not.toBe(translateDynamic(locale, 'errors.not_signed_in', 'errors.internal'));
      expect(sentence).not.toBe(translateDynamic(locale, 'errors.internal', 'errors.internal'));
    }
    expect(errorMessageKey(new ApiError('not_signed_in', { reason: 'moon_phase' }))).toBe(
      'errors.not_signed_in',
    );
    expect(errorMessageKey(new ApiError('not_signed_in'))).toBe('errors.not_signed_in');
  });
});

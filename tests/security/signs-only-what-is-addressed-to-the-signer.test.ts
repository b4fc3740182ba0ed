import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { reaches } from '../../src/shared/api/audience';
import type { Actor } from '../../src/shared/api/access';
import { type Office, type PreparedResolution } from '../../src/main/office/index';
import { type Store } from '../../src/main/office/store/open-store';
import { signersCa } from '../support/signatures/signers-ca';
import {
  actorOf,
  Desk,
  errorCode,
  fixedNow,
  freeCase,
  seededOffice,
  sendDraft,
  type RecordedEvent,
} from '../unit/office/support';

/**
 * A head could sign (and number) a resolution addressed to somebody else, act on another
 * department's case, keep acting for a head after their substitution ended, or confirm a signature
 * another head's desk prepared; a processor could approve or reject; and every desk would hear of
 * every request. Each is refused, and each event reaches only the people concerned.
 */
vi.setConfig({ testTimeout: 120_000, hookTimeout: 300_000 });

let now = fixedNow.getTime();
let store: Store;
let office: Office;
let events: RecordedEvent[];
const desk = (userId: string) => new Desk(office, userId).signInByIdentityProvider(userId);
const actor = (userId: string): Promise<Actor> => actorOf(office, userId);

/** Heads sign with their own cards, of a CA the office trusts. */
const signers = signersCa();
beforeAll(async () => {
  ({ store, office, events } = await seededOffice(80, {
    now: () => new Date(now),
    signerCheck: signers.check,
  }));
});
afterAll(async () => {
  await office.close();
  signers.close();
});

/** One of the department's processors sends its next free case's drafted resolution to `signerId`. */
const sendTo = async (departmentId: string, prefix: string, signerId: string) =>
  sendDraft(desk(`${prefix}-01`), await freeCase(store, departmentId), [{ signerId, action: 'sign' }], {
    mode: 'parallel',
  });

describe('signing only what is addressed to the signer', () => {
  it('refuses to prepare what is not addressed to the head, or is another department’s', async () => {
    const request = await sendTo('urbanismo', 'urb', 'urb-jefatura');
    expect(await office.signing.prepare(await actor('urb-concejalia'), [request.id])).toEqual([
      { requestId: request.id, error: 'signature_not_addressed' },
    ]);
    expect(await office.signing.prepare(await actor('tri-jefatura'), [request.id, '999999', 'x'])).toEqual([
      { requestId: request.id, error: 'not_found' },
      { requestId: '999999', error: 'not_found' },
      { requestId: 'x', error: 'not_found' },
    ]);
    expect(
      await errorCode(desk('tri-jefatura').call('signatures.reject', { requestId: request.id, reason: 'x' })),
    ).toBe('not_found');
    const bookRows = await store.db.selectFrom('resolution_numbers').select('number').execute();
    expect(bookRows).toEqual([]);
  });

  it('refuses a confirmation of what another head’s desk prepared', async () => {
    const request = await sendTo('actividades', 'act', 'act-jefatura');
    const [prepared] = await office.signing.prepare(await actor('act-jefatura'), [request.id]);
    const item = prepared as PreparedResolution;
    const signed = await signers.signAs(item.pdf, item.fieldName, 'act-concejalia');
    expect(await errorCode(office.signing.confirm(await actor('act-concejalia'), item, signed))).toBe(
      'signature_not_addressed',
    );
    // Nothing was numbered, and the number went back for the next resolution.
    expect((await desk('act-01').call('signatures.get', { requestId: request.id })).number).toBeNull();
    const held = await store.db.selectFrom('resolution_numbers').select('state').execute();
    expect(held.map((row) => row.state)).toEqual(['free']);
  });

  it('stops a substitute acting for a head once the substitution ends or is revoked', async () => {
    const request = await sendTo('padron', 'pad', 'pad-jefatura');
    const substitute = await actor('pad-concejalia');
    const substitution = await desk('pad-jefatura').call('substitutions.create', {
      substituteId: 'pad-concejalia',
      kind: 'substitution',
      startsOn: '2026-06-15',
      endsOn: '2026-06-16',
    });
    const [during] = await office.signing.prepare(substitute, [request.id]);
    expect(during).toMatchObject({ onBehalfOf: expect.stringMatching(/Demo/) });
    await office.signing.release(substitute, [during as PreparedResolution]);
    now += 2 * 24 * 3_600_000;
    try {
      expect(await office.signing.prepare(substitute, [request.id])).toEqual([
        { requestId: request.id, error: 'signature_not_addressed' },
      ]);
    } finally {
      now -= 2 * 24 * 3_600_000;
    }
    await desk('pad-jefatura').call('substitutions.revoke', { substitutionId: substitution.id });
    expect(await office.signing.prepare(substitute, [request.id])).toEqual([
      { requestId: request.id, error: 'signature_not_addressed' },
    ]);
    expect(
      await errorCode(
        desk('pad-concejalia').call('substitutions.revoke', { substitutionId: substitution.id }),
      ),
    ).toBe('not_found');
  });

  it('lets processors draft and send, and only heads act on requests', async () => {
    const request = await sendTo('tributos', 'tri', 'tri-jefatura');
    for (const call of [
      desk('tri-01').call('signatures.approve', { requestId: request.id }),
      desk('tri-01').call('signatures.reject', { requestId: request.id, reason: 'x' }),
      desk('tri-01').call('signatures.tray', { box: 'pending' }),
      desk('tri-01').call('substitutions.list', {}),
      desk('tri-jefatura').call('signatures.withdraw', { requestId: request.id }),
      desk('admin').call('signatures.ofCase', { caseId: request.caseId }),
    ])
      expect(await errorCode(call)).toBe('forbidden');
  });

  it('tells a request’s news only to its signers and their department’s processors', async () => {
    const viewers = {
      signer: { id: 'sso-jefatura', departmentId: 'servicios-sociales', roles: ['head'] as const },
      processor: { id: 'sso-02', departmentId: 'servicios-sociales', roles: ['processor'] as const },
      otherHead: { id: 'sso-concejalia', departmentId: 'servicios-sociales', roles: ['head'] as const },
      outsider: { id: 'urb-01', departmentId: 'urbanismo', roles: ['processor'] as const },
      outsideHead: { id: 'urb-jefatura', departmentId: 'urbanismo', roles: ['head'] as const },
    };
    events.length = 0;
    await sendTo('servicios-sociales', 'sso', 'sso-jefatura');
    const audiences = events
      .filter((event) => event.name === 'signatures.changed')
      .map((event) => event.audience);
    const hears = (viewer: (typeof viewers)[keyof typeof viewers]) =>
      audiences.some((audience) => reaches(audience, viewer));
    expect(hears(viewers.signer)).toBe(true);
    expect(hears(viewers.processor)).toBe(true);
    expect(hears(viewers.otherHead)).toBe(false);
    expect(hears(viewers.outsider)).toBe(false);
    expect(hears(viewers.outsideHead)).toBe(false);
  });
});

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { EventBus } from '../../../src/main/events';
import { seedDemo } from '../../../src/main/office/demo/seed';
import { openOffice, type Office } from '../../../src/main/office/index';
import { migrate } from '../../../src/main/office/store/migrate';
import { openStore, type StoreLocation } from '../../../src/main/office/store/open-store';
import { freshDatabase } from '../../support/postgres';
import { calendar, Desk, fixedNow, freeCase, sendDraft } from '../../unit/office/support';

/**
 * Two office instances on one PostgreSQL database (two servers' worth of desks): news of a
 * signature request reaches the desks of the other instance too, with its audience (the request's
 * signers and the department's processors), once, and never an instance's own news twice.
 */
interface Heard {
  name: string;
  payload: unknown;
  audience: unknown;
}

/** Resolves once the bus has heard `count` signatures.changed events. */
function signatureNews(bus: EventBus, count: number): Promise<Heard[]> {
  return new Promise((resolve) => {
    const seen: Heard[] = [];
    bus.subscribe((name, payload, audience) => {
      if (name !== 'signatures.changed') return;
      seen.push({ name, payload, audience });
      if (seen.length === count) resolve(seen);
    });
  });
}

describe('signature news across office instances on one PostgreSQL database', () => {
  let location: StoreLocation;
  const buses = [new EventBus(), new EventBus()] as const;
  let offices: Office[] = [];

  beforeAll(async () => {
    location = {
      kind: 'postgres',
      connectionString: await freshDatabase(
        inject('postgresUrl'),
        `signature_news_${Math.floor(Math.random() * 1e9)}`,
      ),
    };
    const store = await openStore(location);
    try {
      await migrate(store);
      await seedDemo(store, calendar(), { cases: 150, now: fixedNow, documents: false });
    } finally {
      await store.close();
    }
    offices = await Promise.all(
      buses.map((events) =>
        openOffice({
          store: location,
          mode: 'server',
          signIn: 'identityProvider',
          events,
          today: () => fixedNow,
        }),
      ),
    );
  });
  afterAll(() => Promise.all(offices.map((office) => office.close())));

  it("tells the other instance's desks of a request sent, then rejected, with its audience", async () => {
    const [a, b] = offices as [Office, Office];
    const [sentHeardByA, sentHeardByB] = [signatureNews(buses[0], 3), signatureNews(buses[1], 3)];
    const caseStore = await openStore(location);
    let caseId: string;
    try {
      caseId = await freeCase(caseStore, 'urbanismo');
    } finally {
      await caseStore.close();
    }
    const processor = new Desk(a, 'processor').signInByIdentityProvider('urb-01');
    const request = await sendDraft(processor, caseId, [{ signerId: 'urb-jefatura', action: 'sign' }], {
      mode: 'cascade',
    });
    const news = (kind: string) => ({
      requestIds: [request.id],
      caseId,
      departmentId: 'urbanismo',
      kind,
    });
    const audiences = (...users: string[]) => [
      { kind: 'department', departmentId: 'urbanismo', roles: ['processor'] },
      ...users.map((userId) => ({ kind: 'user', userId })),
    ];
    const heard = (kind: string, ...users: string[]) =>
      audiences(...users).map((audience) => ({ name: 'signatures.changed', payload: news(kind), audience }));

    // The sender's instance tells its desks at once; the other hears it over the listening connection.
    expect(await sentHeardByA).toEqual(heard('sent', 'urb-jefatura', 'urb-01'));
    expect(await sentHeardByB).toEqual(heard('sent', 'urb-jefatura', 'urb-01'));

    const [rejectedHeardByA, rejectedHeardByB] = [signatureNews(buses[0], 2), signatureNews(buses[1], 2)];
    await new Desk(b, 'head')
      .signInByIdentityProvider('urb-jefatura')
      .call('signatures.reject', { requestId: request.id, reason: 'Falta el informe técnico.' });
    const rejected = heard('rejected', 'urb-jefatura');
    expect(await rejectedHeardByB).toEqual(rejected);
    expect(await rejectedHeardByA).toEqual(rejected);
  });
});

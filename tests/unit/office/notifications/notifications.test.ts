import { afterEach, describe, expect, it } from 'vitest';
import { sweepNotifications } from '../../../../src/main/office/notifications/sweep';
import { verifyAuditChain } from '../../../../src/main/office/store/audit';
import { calendar, errorCode } from '../support';
import { clockedOffice, resolvedCase, type ClockedOffice } from './support';

const madeAvailable = new Date('2026-03-02T10:00:00+01:00');

let office: ClockedOffice | null = null;
afterEach(async () => {
  await office?.office.close();
  office = null;
}, 600_000);

async function electronicCase() {
  office = await clockedOffice(madeAvailable);
  const caseId = await resolvedCase(office.store, 'urbanismo', 'electronic');
  const processor = await office.desk().signIn('urb-01');
  return { office, caseId, processor };
}

describe('notifications of a resolved case', { timeout: 600_000 }, () => {
  it('art. 43.2: made available Mon 2026-03-02 10:00, no access → still open at Thu 12 March 23:59:59 (Madrid), deemed rejected from Fri 13 March 00:00; the case is notified', async () => {
    const { office, caseId, processor } = await electronicCase();
    const notified = await processor.call('notifications.notify', { caseId, locale: 'es' });
    const [notification] = notified.notifications;
    expect(notification).toMatchObject({
      channel: 'electronic',
      state: 'available',
      madeAvailableAt: madeAvailable.toISOString(),
      rejectsAt: '2026-03-12T23:00:00.000Z',
    });
    expect(notified.reading).toBe('from_day_11');

    expect(
      await sweepNotifications(office.store.db, calendar(), new Date('2026-03-12T22:59:59.999Z')),
    ).toEqual({
      deemed: 0,
      notified: 0,
    });
    expect(
      await sweepNotifications(office.store.db, calendar(), new Date('2026-03-12T23:00:00.000Z')),
    ).toEqual({
      deemed: 1,
      notified: 1,
    });
    office.clock.now = new Date('2026-03-13T08:00:00Z');
    const after = await processor.call('notifications.get', { caseId });
    expect(after.caseState).toBe('notified');
    expect(after.notifications[0]).toMatchObject({
      state: 'deemed_rejected',
      deemedAt: '2026-03-12T23:00:00.000Z',
      effectiveAt: '2026-03-12T23:00:00.000Z',
    });
    expect(after.notifications[0]!.events.map((event) => event.kind)).toEqual([
      'made_available',
      'deemed_rejected',
    ]);
    expect(await verifyAuditChain(office.store.db)).toMatchObject({ ok: true });
  });

  it('an access reported by the site makes the notification effective; the same event again changes nothing; another event is refused', async () => {
    const { office, caseId, processor } = await electronicCase();
    const { notifications } = await processor.call('notifications.notify', { caseId, locale: 'es' });
    const notificationId = notifications[0]!.id;
    office.clock.now = new Date('2026-03-05T12:00:00Z');
    const access = {
      notificationId,
      outcome: 'accessed' as const,
      at: '2026-03-04T09:15:00Z',
      eventId: 'sede-1',
    };
    const first = await processor.call('notifications.recordAccess', access);
    expect(first.caseState).toBe('notified');
    expect(first.notifications[0]).toMatchObject({
      state: 'accessed',
      effectiveAt: '2026-03-04T09:15:00.000Z',
    });
    const audit = async () =>
      (await office.store.db.selectFrom('audit_trail').select('seq').execute()).length;
    const entries = await audit();

    const again = await processor.call('notifications.recordAccess', access);
    expect(again.notifications[0]!.events).toHaveLength(2);
    expect(await audit()).toBe(entries);

    expect(
      await errorCode(
        processor.call('notifications.recordAccess', { ...access, outcome: 'rejected', eventId: 'sede-2' }),
      ),
    ).toBe('notification_already_settled');
    expect(
      await errorCode(
        processor.call('notifications.recordAccess', { ...access, at: '2026-03-04T10:00:00Z' }),
      ),
    ).toBe('notification_event_conflict');
    expect(await audit()).toBe(entries);
  });

  it('art. 41.5: a rejection on the site counts as the notification made; the procedure goes on (the case is notified)', async () => {
    const { office, caseId, processor } = await electronicCase();
    const { notifications } = await processor.call('notifications.notify', { caseId, locale: 'es' });
    office.clock.now = new Date('2026-03-03T12:00:00Z');
    const after = await processor.call('notifications.recordAccess', {
      notificationId: notifications[0]!.id,
      outcome: 'rejected',
      at: '2026-03-03T11:00:00Z',
      eventId: 'sede-9',
    });
    expect(after.caseState).toBe('notified');
    expect(after.notifications[0]).toMatchObject({
      state: 'rejected',
      effectiveAt: '2026-03-03T11:00:00.000Z',
    });
  });

  it('an access within the ten days reported after the sweep replaces the deemed rejection; one after them does not', async () => {
    const { office, caseId, processor } = await electronicCase();
    const { notifications } = await processor.call('notifications.notify', { caseId, locale: 'es' });
    const notificationId = notifications[0]!.id;
    await sweepNotifications(office.store.db, calendar(), new Date('2026-03-13T06:00:00Z'));
    office.clock.now = new Date('2026-03-13T09:00:00Z');
    expect(
      await errorCode(
        processor.call('notifications.recordAccess', {
          notificationId,
          outcome: 'accessed',
          at: '2026-03-13T08:00:00Z',
          eventId: 'sede-late',
        }),
      ),
    ).toBe('notification_already_settled');
    const corrected = await processor.call('notifications.recordAccess', {
      notificationId,
      outcome: 'accessed',
      at: '2026-03-12T20:00:00Z',
      eventId: 'sede-in-time',
    });
    expect(corrected.notifications[0]).toMatchObject({
      state: 'accessed',
      deemedAt: null,
      effectiveAt: '2026-03-12T20:00:00.000Z',
    });
    expect(corrected.caseState).toBe('notified');
  });

  it('events that cannot have happened are refused: before the notification was made available, or in the future', async () => {
    const { office, caseId, processor } = await electronicCase();
    const { notifications } = await processor.call('notifications.notify', { caseId, locale: 'es' });
    const notificationId = notifications[0]!.id;
    office.clock.now = new Date('2026-03-03T12:00:00Z');
    const event = { notificationId, outcome: 'accessed' as const, eventId: 'x' };
    expect(
      await errorCode(processor.call('notifications.recordAccess', { ...event, at: '2026-03-01T12:00:00Z' })),
    ).toBe('notification_event_out_of_time');
    expect(
      await errorCode(processor.call('notifications.recordAccess', { ...event, at: '2026-03-04T12:00:00Z' })),
    ).toBe('notification_event_out_of_time');
  });

  it('only a resolved case is notified, once', async () => {
    const { office, caseId, processor } = await electronicCase();
    await processor.call('notifications.notify', { caseId, locale: 'es' });
    expect(await errorCode(processor.call('notifications.notify', { caseId, locale: 'es' }))).toBe(
      'notification_exists',
    );
    const open = await office.store.db
      .selectFrom('cases')
      .select('id')
      .where('department_id', '=', 'urbanismo')
      .where('state', '=', 'in_progress')
      .executeTakeFirstOrThrow();
    expect(
      await errorCode(processor.call('notifications.notify', { caseId: String(open.id), locale: 'es' })),
    ).toBe('notification_case_not_resolved');
  });

  it('the clock moving backwards: a sweep earlier than the last one is refused and changes nothing', async () => {
    const { office, caseId, processor } = await electronicCase();
    await processor.call('notifications.notify', { caseId, locale: 'es' });
    await sweepNotifications(office.store.db, calendar(), new Date('2026-03-10T00:00:00Z'));
    await expect(
      sweepNotifications(office.store.db, calendar(), new Date('2026-03-09T00:00:00Z')),
    ).rejects.toMatchObject({
      code: 'notification_clock_backwards',
      params: { last: '2026-03-10T00:00:00.000Z', now: '2026-03-09T00:00:00.000Z' },
    });
    const state = await processor.call('notifications.get', { caseId });
    expect(state.notifications[0]!.state).toBe('available');
    expect(await sweepNotifications(office.store.db, calendar(), new Date('2026-03-10T00:00:00Z'))).toEqual({
      deemed: 0,
      notified: 0,
    });
  });

  it('the case ends notified, then archived by its processor', async () => {
    const { office, caseId, processor } = await electronicCase();
    const { notifications } = await processor.call('notifications.notify', { caseId, locale: 'es' });
    expect(await errorCode(processor.call('notifications.archive', { caseId }))).toBe('invalid_transition');
    office.clock.now = new Date('2026-03-03T12:00:00Z');
    await processor.call('notifications.recordAccess', {
      notificationId: notifications[0]!.id,
      outcome: 'accessed',
      at: '2026-03-03T11:00:00Z',
      eventId: 'a',
    });
    const archived = await processor.call('notifications.archive', { caseId });
    expect(archived.caseState).toBe('archived');
    expect(office.events.some((event) => event.name === 'cases.changed')).toBe(true);
  });
});

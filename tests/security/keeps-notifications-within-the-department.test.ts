import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode } from '../unit/office/support';
import { clockedOffice, resolvedCase, type ClockedOffice } from '../unit/office/notifications/support';

/**
 * Risk: a desk of another department reads or changes a case's notification (notifies it, records
 * an access the applicant never made, archives the case) by naming its ids. It must get
 * `not_found`, as if the case did not exist, and nothing may change; a head reads but does not act.
 */
let office: ClockedOffice;
let caseId: string;
let notificationId: string;

beforeAll(async () => {
  office = await clockedOffice(new Date('2026-03-02T10:00:00+01:00'), 80);
  caseId = await resolvedCase(office.store, 'urbanismo', 'electronic');
  const otherCase = await resolvedCase(office.store, 'urbanismo', 'paper', 1);
  const processor = await office.desk().signIn('urb-01');
  notificationId = (await processor.call('notifications.notify', { caseId: otherCase, locale: 'es' }))
    .notifications[0]!.id;
  office.clock.now = new Date('2026-03-03T18:00:00+01:00');
}, 600_000);
afterAll(() => office.office.close());

describe('notifications stay in their department', { timeout: 600_000 }, () => {
  it('another department’s processor gets not_found for every notification call, and nothing changes', async () => {
    const outsider = await office.desk().signIn('act-01');
    const before = await office.store.db.selectFrom('audit_trail').select('seq').execute();
    const calls = [
      outsider.call('notifications.get', { caseId }),
      outsider.call('notifications.notify', { caseId, locale: 'es' }),
      outsider.call('notifications.archive', { caseId }),
      outsider.call('notifications.recordAccess', {
        notificationId,
        outcome: 'accessed',
        at: '2026-03-03T09:00:00Z',
        eventId: 'forged',
      }),
      outsider.call('notifications.recordPaperAttempt', {
        notificationId,
        at: '2026-03-03T09:00:00Z',
        outcome: 'delivered',
      }),
      outsider.call('notifications.recordBoePublication', {
        notificationId,
        publishedOn: '2026-03-03',
        reference: 'BOE-B-2026-1',
      }),
    ];
    for (const call of calls) expect(await errorCode(call)).toBe('not_found');
    const after = await office.store.db.selectFrom('audit_trail').select('seq').execute();
    expect(after).toHaveLength(before.length);
    expect(await office.store.db.selectFrom('notifications').select('state').execute()).toEqual([
      { state: 'paper_pending' },
    ]);
  });

  it('malformed ids are not_found, never a database error', async () => {
    const processor = await office.desk().signIn('urb-01');
    for (const id of ['0', '-1', '1e3', '99999999999', 'abc'])
      expect(
        await errorCode(
          processor.call('notifications.recordPaperAttempt', {
            notificationId: id,
            at: '2026-03-03T09:00:00Z',
            outcome: 'absent',
          }),
        ),
      ).toBe('not_found');
  });

  it('the department’s head reads the notifications but may not notify or record', async () => {
    const head = await office.desk().signIn('urb-jefatura');
    expect((await head.call('notifications.get', { caseId })).caseState).toBe('resolved');
    expect(await errorCode(head.call('notifications.notify', { caseId, locale: 'es' }))).toBe('forbidden');
  });
});

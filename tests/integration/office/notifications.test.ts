import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EventBus } from '../../../src/main/events';
import { seedDemo } from '../../../src/main/office/demo/seed';
import { officeOnStore } from '../../../src/main/office/index';
import { DocumentContents } from '../../../src/main/office/signatures/document-contents';
import { verifyAuditChain } from '../../../src/main/office/store/audit';
import { migrate } from '../../../src/main/office/store/migrate';
import { openStore } from '../../../src/main/office/store/open-store';
import { despachoRun } from '../../support/despacho-command';
import { freshPgliteFolder } from '../../support/fresh-pglite';
import { qpdfCheck } from '../../support/pdfs/validators';
import { storeEngines } from '../../support/store-engines';
import { calendar, Desk, errorCode, fixedNow } from '../../unit/office/support';
import { clockedOffice, resolvedCase } from '../../unit/office/notifications/support';

const scratch = mkdtempSync(join(tmpdir(), 'despacho-notifications-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe.each(storeEngines(scratch, 'despacho_notifications'))('notifications on %s', (_engine, location) => {
  it('art. 42.2 and art. 44: a paper notice, two failed attempts (Mon 2 March 10:00, Wed 4 March 17:30), then the BOE; the case ends notified, then archived', async () => {
    const office = await clockedOffice(new Date('2026-02-27T09:00:00+01:00'), 80, {
      location: await location(),
    });
    try {
      const caseId = await resolvedCase(office.store, 'urbanismo', 'paper');
      const processor = await office.desk().signIn('urb-01');
      const notified = await processor.call('notifications.notify', { caseId, locale: 'es' });
      const notification = notified.notifications[0]!;
      expect(notification).toMatchObject({ channel: 'paper', state: 'paper_pending', madeAvailableAt: null });
      const notice = await office.store.db
        .selectFrom('documents')
        .select(['sha256', 'document_type'])
        .where('id', '=', Number(notification.noticeDocumentId))
        .executeTakeFirstOrThrow();
      expect(notice.document_type).toBe('TD07');
      const bytes = await new DocumentContents(office.store.documentsDir).read(
        office.store.db,
        notice.sha256,
      );
      const file = join(scratch, `notice-${caseId}-${Math.random()}.pdf`);
      writeFileSync(file, bytes!);
      expect(qpdfCheck(file).ok).toBe(true);

      office.clock.now = new Date('2026-03-06T12:00:00+01:00');
      const attempt = (at: string, outcome: 'absent' | 'delivered' | 'unknown_address' | 'refused') =>
        processor.call('notifications.recordPaperAttempt', { notificationId: notification.id, at, outcome });
      expect(
        await errorCode(
          processor.call('notifications.recordBoePublication', {
            notificationId: notification.id,
            publishedOn: '2026-03-06',
            reference: 'BOE-B-2026-10001',
          }),
        ),
      ).toBe('notification_boe_not_allowed');
      await attempt('2026-03-02T10:00:00+01:00', 'absent');
      expect(await errorCode(attempt('2026-03-03T11:00:00+01:00', 'absent'))).toBe(
        'notification_second_attempt',
      );
      const failed = await attempt('2026-03-04T17:30:00+01:00', 'absent');
      expect(failed.notifications[0]!.state).toBe('failed');
      expect(failed.caseState).toBe('resolved');
      expect(await errorCode(attempt('2026-03-05T10:00:00+01:00', 'delivered'))).toBe(
        'notification_attempts_done',
      );
      // The same attempt reported twice is kept once.
      expect((await attempt('2026-03-04T17:30:00+01:00', 'absent')).notifications[0]!.events).toHaveLength(3);

      const published = await processor.call('notifications.recordBoePublication', {
        notificationId: notification.id,
        publishedOn: '2026-03-06',
        reference: 'BOE-B-2026-10001',
      });
      expect(published.caseState).toBe('notified');
      expect(published.notifications[0]).toMatchObject({
        state: 'published',
        boe: { publishedOn: '2026-03-06', reference: 'BOE-B-2026-10001' },
        effectiveAt: '2026-03-05T23:00:00.000Z',
      });
      expect((await processor.call('notifications.archive', { caseId })).caseState).toBe('archived');
      expect(await verifyAuditChain(office.store.db)).toMatchObject({ ok: true });
    } finally {
      await office.office.close();
    }
  }, 900_000);

  it('art. 41.5: a notice refused at the door counts as notified; a delivered one too', async () => {
    const office = await clockedOffice(new Date('2026-02-27T09:00:00+01:00'), 80, {
      location: await location(),
    });
    try {
      const processor = await office.desk().signIn('urb-01');
      const refusedCase = await resolvedCase(office.store, 'urbanismo', 'paper', 0);
      const deliveredCase = await resolvedCase(office.store, 'urbanismo', 'paper', 1);
      const first = await processor.call('notifications.notify', {
        caseId: refusedCase,
        locale: 'ca-valencia',
      });
      const second = await processor.call('notifications.notify', { caseId: deliveredCase, locale: 'es' });
      office.clock.now = new Date('2026-03-03T12:00:00+01:00');
      const refused = await processor.call('notifications.recordPaperAttempt', {
        notificationId: first.notifications[0]!.id,
        at: '2026-03-02T10:00:00+01:00',
        outcome: 'refused',
      });
      expect(refused).toMatchObject({ caseState: 'notified', notifications: [{ state: 'rejected' }] });
      const delivered = await processor.call('notifications.recordPaperAttempt', {
        notificationId: second.notifications[0]!.id,
        at: '2026-03-02T18:00:00+01:00',
        outcome: 'delivered',
      });
      expect(delivered).toMatchObject({ caseState: 'notified', notifications: [{ state: 'delivered' }] });
    } finally {
      await office.office.close();
    }
  }, 900_000);
});

const despacho = (args: string[], lang = 'es') => despachoRun(args, { lang });

describe('despacho notifications sweep, as a user runs it', () => {
  it('art. 43.2: made available Mon 2026-03-02 10:00 → nothing at Thu 12 March 23:59 (Madrid), one deemed rejected at Fri 13 March 00:00; an earlier --now is refused and changes nothing', async () => {
    const dataDir = freshPgliteFolder(scratch, 'cli-data-');
    const store = await openStore({ kind: 'pglite', dataDir });
    await migrate(store);
    await seedDemo(store, calendar(), { cases: 80, now: fixedNow, documents: false });
    const caseId = await resolvedCase(store, 'urbanismo', 'electronic');
    const office = await officeOnStore(
      store,
      { kind: 'pglite', dataDir },
      {
        mode: 'embedded',
        signIn: 'demoPicker',
        events: new EventBus(),
        calendar: calendar(),
        now: () => new Date('2026-03-02T10:00:00+01:00'),
      },
    );
    const processor = await new Desk(office, 'cli').signIn('urb-01');
    await processor.call('notifications.notify', { caseId, locale: 'es' });
    await office.close();

    const early = await despacho([
      'notifications',
      'sweep',
      '--data',
      dataDir,
      '--now',
      '2026-03-12T23:59:00+01:00',
    ]);
    expect(early).toMatchObject({ code: 0 });
    expect(early.stdout).toContain('0 rechazadas por transcurso de diez días (art. 43.2)');

    const due = await despacho(
      ['notifications', 'sweep', '--data', dataDir, '--now', '2026-03-13T00:00:00+01:00'],
      'ca-valencia',
    );
    expect(due).toMatchObject({ code: 0 });
    expect(due.stdout).toContain('1 rebutjada per transcurs de deu dies (art. 43.2)');

    const backwards = await despacho([
      'notifications',
      'sweep',
      '--data',
      dataDir,
      '--now',
      '2026-03-10T00:00:00+01:00',
    ]);
    expect(backwards.code).toBe(3);
    expect(backwards.stderr).toContain('El reloj va hacia atrás');

    const bad = await despacho(['notifications', 'sweep', '--data', dataDir, '--now', 'ayer']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Instante no válido: «ayer»');

    const reopened = await openStore({ kind: 'pglite', dataDir });
    try {
      const rows = await reopened.db.selectFrom('notifications').select(['state', 'deemed_at']).execute();
      expect(rows).toEqual([{ state: 'deemed_rejected', deemed_at: new Date('2026-03-12T23:00:00Z') }]);
      const sweeps = await reopened.db.selectFrom('notification_sweeps').select('last_swept_at').execute();
      expect(sweeps[0]!.last_swept_at.toISOString()).toBe('2026-03-12T23:00:00.000Z');
    } finally {
      await reopened.close();
    }
  }, 900_000);
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTermRecords } from '../../../src/main/office/amendments/derivation';
import { explainCaseDueDate } from '../../../src/main/office/deadlines';
import { type Office } from '../../../src/main/office/index';
import { sweepNotifications } from '../../../src/main/office/notifications/sweep';
import { verifyAuditChain } from '../../../src/main/office/store/audit';
import { type Store } from '../../../src/main/office/store/open-store';
import { rejectionOf } from '../../support/rejection';
import { storeEngines } from '../../support/store-engines';
import { calendar, Desk, MovableClock, seededOffice } from '../../unit/office/support';

const scratch = mkdtempSync(join(tmpdir(), 'despacho-amendment-notification-it-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Friday 27 February 2026, 10:00 in Madrid: the city is seeded then. */
const seededAt = new Date('2026-02-27T09:00:00Z');

async function onePagePdf(): Promise<string> {
  const pdf = await PDFDocument.create();
  pdf.addPage([200, 200]);
  return Buffer.from(await pdf.save()).toString('base64');
}

describe.each(storeEngines(scratch, 'amendment_notification'))(
  'the amendment request is notified, and its term and the suspension run from the notification, on %s',
  (_engine, location) => {
    let store: Store;
    let office: Office;
    const clock = new MovableClock(seededAt);
    const desk = (userId: string) => new Desk(office, userId).signInByIdentityProvider(userId);
    /** Urbanismo's open cases of natural persons (made Elche's) notified electronically, held by urb-01. */
    let electronic: number[] = [];
    /** One of a natural person of Elche who chose paper, held by urb-01. */
    let paper = 0;

    const openCases = () =>
      store.db
        .selectFrom('cases as c')
        .innerJoin('applicants as a', 'a.id', 'c.applicant_id')
        .select('c.id')
        .where('c.department_id', '=', 'urbanismo')
        .where('c.state', 'in', ['registered', 'in_progress'])
        .where('c.due_date', '>=', '2026-04-10')
        // Legal persons are always notified electronically (art. 14.2): paper is a natural person's choice.
        .where('a.kind', '=', 'natural')
        .orderBy('c.id')
        .execute();

    beforeAll(async () => {
      ({ store, office } = await seededOffice(300, {
        location: await location(),
        mode: 'server',
        signIn: 'identityProvider',
        seededAt,
        now: clock.now,
      }));
      const open = (await openCases()).map((row) => row.id);
      expect(open.length).toBeGreaterThanOrEqual(4);
      electronic = open.slice(0, 3);
      paper = open[3]!;
      // Its applicant, a natural person, chose paper.
      await store.db
        .updateTable('applicants')
        .set({ channel: 'paper' })
        .where('id', '=', (eb) => eb.selectFrom('cases').select('applicant_id').where('id', '=', paper))
        .execute();
      await store.db
        .updateTable('applicants')
        .set({ channel: 'electronic' })
        .where('id', 'in', (eb) =>
          eb.selectFrom('cases').select('applicant_id').where('id', 'in', electronic),
        )
        .execute();
      // In Elche: only the body's holidays count (art. 30.6), the ones the dates below are worked with.
      await store.db
        .updateTable('applicants')
        .set({ municipality: 'Elche' })
        .where('id', 'in', (eb) =>
          eb.selectFrom('cases').select('applicant_id').where('id', 'in', open.slice(0, 4)),
        )
        .execute();
      await store.db
        .updateTable('cases')
        .set({ assignee_id: 'urb-01' })
        .where('id', 'in', [...electronic, paper])
        .execute();
    });
    afterAll(async () => {
      await office?.close();
    });

    const caseOf = async (caseId: number) =>
      (await desk('urb-01').call('cases.get', { caseId: String(caseId) })).case;
    const request = async (caseId: number) =>
      desk('urb-01').call('amendments.request', {
        caseId: String(caseId),
        version: (await caseOf(caseId)).version,
        missing: 'Plano de situación',
        locale: 'es',
      });
    /** The case's stored term inputs, as the office derives its due date from them. */
    const termInputs = async (caseId: number) => (await loadTermRecords(store.db, [caseId]))[0]!;
    const auditOf = async (caseId: number) =>
      store.db
        .selectFrom('audit_trail')
        .select(['action', 'details'])
        .where('case_id', '=', caseId)
        .orderBy('seq')
        .execute();

    it('art. 22.1.a: the suspension starts on the day the request is accessed, not the day it is issued (issued Fri 27 Feb 2026, opened Tue 3 March); art. 68.1: the 10 days count from the day after the notification (Wed 4 → Tue 17 March)', async () => {
      const caseId = electronic[0]!;
      const urb = desk('urb-01');
      const before = await caseOf(caseId);
      clock.at = seededAt;
      const requested = await request(caseId);
      const [issued] = requested.amendments;
      // Pending notification: no term yet, nothing suspended, the term to resolve keeps running.
      expect(issued).toMatchObject({
        state: 'pending_notification',
        notifiedOn: null,
        endsOn: null,
        suspension: null,
        notification: { state: 'available', channel: 'electronic' },
      });
      const waiting = await caseOf(caseId);
      expect(waiting.state).toBe('awaiting_amendment');
      expect(waiting.dueDate).toBe(before.dueDate);
      const unexplained = await urb.call('deadlines.explain', { caseId: String(caseId) });
      expect(unexplained).toMatchObject({ runningSuspension: null, amendmentPendingNotification: true });
      expect(unexplained.explanation.suspensions).toEqual([]);
      // The request's document is what the notification puts at the applicant's disposal.
      const notifications = await urb.call('notifications.get', { caseId: String(caseId) });
      expect(notifications.notifications).toHaveLength(1);
      expect(notifications.notifications[0]).toMatchObject({
        purpose: 'amendment_request',
        state: 'available',
        document: { id: issued!.documentId },
      });
      // Nothing to extend before the term runs (art. 68.2 extends a running term).
      expect(
        await rejectionOf(
          urb.call('amendments.extend', {
            caseId: String(caseId),
            version: requested.caseVersion,
            amendmentId: issued!.id,
            days: 2,
          }),
        ),
      ).toMatchObject({ code: 'invalid_transition', params: { reason: 'amendment_not_notified' } });

      // Tuesday 3 March 2026, 12:00: the site reports the applicant opened it.
      clock.at = new Date('2026-03-03T11:30:00Z');
      await urb.call('notifications.recordAccess', {
        notificationId: issued!.notification!.id,
        outcome: 'accessed',
        at: '2026-03-03T12:00:00+01:00',
        eventId: 'site-access-1',
      });
      const notified = await urb.call('amendments.get', { caseId: String(caseId) });
      // Ten business days from Wednesday 4 March: 4, 5, 6, 9, 10, 11, 12, 13, 16, 17 → Tuesday 17 March.
      expect(notified.amendments[0]).toMatchObject({
        state: 'pending',
        notifiedOn: '2026-03-03',
        endsOn: '2026-03-17',
        suspension: { from: '2026-03-03', to: null },
        notification: { state: 'accessed' },
      });
      const explained = await urb.call('deadlines.explain', { caseId: String(caseId) });
      expect(explained.runningSuspension).toEqual({ from: '2026-03-03', until: '2026-03-17' });
      expect(explained.amendmentPendingNotification).toBe(false);
      // 3 → 17 March: 14 natural days added to the term's own last day, then art. 30.5.
      expect(explained.explanation.suspensions).toEqual([{ from: '2026-03-03', to: '2026-03-17', days: 14 }]);
      const derived = explainCaseDueDate(calendar(), {
        ...(await termInputs(caseId)),
        suspensions: [{ from: '2026-03-03', to: null, until: '2026-03-17' }],
      });
      expect((await caseOf(caseId)).dueDate).toBe(derived.dueDate);
      expect(derived.dueDate > before.dueDate).toBe(true);
      const audit = await auditOf(caseId);
      expect(audit.find((entry) => entry.action === 'amendment.notified')?.details).toMatchObject({
        notifiedOn: '2026-03-03',
        endsOn: '2026-03-17',
        suspended: 1,
      });
      expect(audit.find((entry) => entry.action === 'case.due_date_recomputed')?.details).toMatchObject({
        why: 'amendment_notified',
        from: before.dueDate,
        to: derived.dueDate,
      });

      // Extensions count from the notified term: two more business days, Thursday 19 March being
      // San José (a holiday in the Comunitat Valenciana) → Wednesday 18 and Friday 20 March.
      const extended = await urb.call('amendments.extend', {
        caseId: String(caseId),
        version: notified.caseVersion,
        amendmentId: issued!.id,
        days: 2,
      });
      expect(extended.amendments[0]).toMatchObject({ extensionDays: 2, endsOn: '2026-03-20' });
      expect(await verifyAuditChain(store.db)).toMatchObject({ ok: true });
    });

    it('a reply that comes in before the notification was made ends the request: the applicant answered, nothing was suspended', async () => {
      const caseId = electronic[1]!;
      const urb = desk('urb-01');
      clock.at = new Date('2026-03-03T09:00:00Z');
      const before = await caseOf(caseId);
      const requested = await request(caseId);
      const [issued] = requested.amendments;
      clock.at = new Date('2026-03-04T09:00:00Z');
      const replied = await urb.call('amendments.registerReply', {
        caseId: String(caseId),
        version: requested.caseVersion,
        amendmentId: issued!.id,
        // Wednesday 4 March, 9:00: filed at the registry before the applicant opened the notification.
        receivedAt: '2026-03-04T09:00:00+01:00',
        attachments: [{ name: 'plano.pdf', contentBase64: await onePagePdf() }],
      });
      expect(replied.amendments[0]).toMatchObject({
        state: 'replied',
        notifiedOn: null,
        endsOn: null,
        suspension: null,
        reply: { deemedOn: '2026-03-04', late: false },
      });
      const after = await caseOf(caseId);
      expect(after.state).toBe('in_progress');
      expect(after.dueDate).toBe(before.dueDate);
      // The site's later report of the access is kept, and starts nothing.
      clock.at = new Date('2026-03-05T09:00:00Z');
      await urb.call('notifications.recordAccess', {
        notificationId: issued!.notification!.id,
        outcome: 'accessed',
        at: '2026-03-05T09:30:00+01:00',
        eventId: 'site-access-2',
      });
      const still = await urb.call('amendments.get', { caseId: String(caseId) });
      expect(still.amendments[0]).toMatchObject({ state: 'replied', notifiedOn: null, suspension: null });
      expect((await caseOf(caseId)).dueDate).toBe(before.dueDate);
    });

    it('art. 43.2: a request nobody opens is notified when deemed rejected: made available Mon 9 March 2026, the ten natural days end Fri 20 March (Thu 19 is San José), rejected from Sat 21 March; its 10 days run from Mon 23 March to Tue 7 April', async () => {
      const caseId = electronic[2]!;
      clock.at = new Date('2026-03-09T09:00:00Z');
      const requested = await request(caseId);
      expect(requested.amendments[0]).toMatchObject({ state: 'pending_notification' });
      // No term runs before the notification is made, so none has ended: no deemed withdrawal yet.
      clock.at = new Date('2026-03-20T12:00:00Z');
      const early = await rejectionOf(
        desk('urb-01').call('casework.deemWithdrawn', {
          caseId: String(caseId),
          version: requested.caseVersion,
        }),
      );
      expect([early.code, early.params?.reason]).toEqual(['invalid_transition', 'amendment_not_notified']);
      // Thursday 19 March is still within the ten days (a holiday, San José: art. 30.5 moves
      // the last day to Friday 20 March, so the rejection is from Saturday 21 March, 00:00).
      expect(await sweepNotifications(store.db, calendar(), new Date('2026-03-20T22:59:59.999Z'))).toEqual({
        deemed: 0,
        notified: 0,
      });
      expect(await sweepNotifications(store.db, calendar(), new Date('2026-03-20T23:00:00Z'))).toEqual({
        deemed: 1,
        notified: 0,
      });
      const notified = await desk('urb-01').call('amendments.get', { caseId: String(caseId) });
      // Notified on Saturday 21 March (the reading the office applies, from_day_11): ten business
      // days from Monday 23 March: 23–27, 30, 31 March, 1, 2 April, then Good Friday (3 April) and
      // Easter Monday (6 April, Comunitat Valenciana) skipped → Tuesday 7 April.
      expect(notified.amendments[0]).toMatchObject({
        state: 'pending',
        notifiedOn: '2026-03-21',
        endsOn: '2026-04-07',
        suspension: { from: '2026-03-21', to: null },
        notification: { state: 'deemed_rejected' },
      });
      // The procedure goes on (art. 43.2): the case still awaits its amendment, it is not "notified".
      expect((await caseOf(caseId)).state).toBe('awaiting_amendment');
    });

    it('paper (a natural person who chose it): the notice is printed, two absences, the BOE publication of Tue 10 March 2026 makes the notification; the 10 days end Wed 25 March', async () => {
      const caseId = paper;
      const urb = desk('urb-01');
      clock.at = new Date('2026-03-02T08:00:00Z');
      const requested = await request(caseId);
      const [issued] = requested.amendments;
      expect(issued).toMatchObject({
        state: 'pending_notification',
        notification: { state: 'paper_pending', channel: 'paper' },
      });
      const notificationId = issued!.notification!.id;
      const detail = await urb.call('cases.get', { caseId: String(caseId) });
      expect(detail.documents.filter((document) => document.documentType === 'TD07')).toHaveLength(1);
      clock.at = new Date('2026-03-04T18:00:00Z');
      await urb.call('notifications.recordPaperAttempt', {
        notificationId,
        at: '2026-03-03T10:00:00+01:00',
        outcome: 'absent',
      });
      await urb.call('notifications.recordPaperAttempt', {
        notificationId,
        at: '2026-03-04T17:00:00+01:00',
        outcome: 'absent',
      });
      const failed = await urb.call('amendments.get', { caseId: String(caseId) });
      expect(failed.amendments[0]).toMatchObject({
        state: 'pending_notification',
        suspension: null,
        notification: { state: 'failed' },
      });
      clock.at = new Date('2026-03-10T12:00:00Z');
      await urb.call('notifications.recordBoePublication', {
        notificationId,
        publishedOn: '2026-03-10',
        reference: 'BOE-B-2026-00001',
      });
      const published = await urb.call('amendments.get', { caseId: String(caseId) });
      // Ten business days from Wednesday 11 March: 11, 12, 13, 16, 17, 18, 20 (19 is San José),
      // 23, 24, 25 → Wednesday 25 March.
      expect(published.amendments[0]).toMatchObject({
        state: 'pending',
        notifiedOn: '2026-03-10',
        endsOn: '2026-03-25',
        suspension: { from: '2026-03-10', to: null },
        notification: { state: 'published' },
      });
    });
  },
);

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Office, type PreparedResolution } from '../../../src/main/office/index';
import { verifyAuditChain } from '../../../src/main/office/store/audit';
import { type Store } from '../../../src/main/office/store/open-store';
import { rejectionOf } from '../../support/rejection';
import { signersCa } from '../../support/signatures/signers-ca';
import { storeEngines } from '../../support/store-engines';
import { Desk, MovableClock, seededOffice } from '../../unit/office/support';

const scratch = mkdtempSync(join(tmpdir(), 'despacho-deemed-withdrawal-it-'));
const signers = signersCa();
afterAll(() => {
  signers.close();
  rmSync(scratch, { recursive: true, force: true });
});

/**
 * The dates, worked by hand on the calendars (an applicant of Elche, Valencian Community):
 * - the request is issued, and counts as notified, on Mon 15 June 2026;
 * - its 10 business days count from Tue 16 June: 16, 17, 18, 19, 22, 23, (Wed 24 June, Sant Joan,
 *   a regional holiday, is skipped), 25, 26, 29, 30: the term's last day is Tue 30 June;
 * - on Wed 1 July nothing has come in: the case is deemed withdrawn (art. 68.1), and the term to
 *   resolve stood still from 15 June to 30 June, no longer (art. 22.1.a): 15 natural days.
 */
const requestedAt = new Date('2026-06-15T08:00:00Z');
const deemedAt = new Date('2026-07-01T07:00:00Z');
const signedAt = new Date('2026-07-02T08:00:00Z');

async function onePagePdf(): Promise<string> {
  const pdf = await PDFDocument.create();
  pdf.addPage([200, 200]).drawText('Plano', { x: 20, y: 100 });
  return Buffer.from(await pdf.save()).toString('base64');
}

describe.each(storeEngines(scratch, 'deemed_withdrawal'))('deemed withdrawal on %s', (_engine, location) => {
  let store: Store;
  let office: Office;
  let caseId: string;
  let amendmentId: string;
  let dueWhileRunning: string;
  let lateCase: { id: string; processorId: string; dueDate: string; notificationId?: string };
  const clock = new MovableClock(requestedAt);
  const desk = (userId: string) => new Desk(office, userId).signInByIdentityProvider(userId);
  const processor = () => desk('urb-01');

  beforeAll(async () => {
    ({ store, office } = await seededOffice(120, {
      location: await location(),
      mode: 'server',
      signIn: 'identityProvider',
      seededAt: requestedAt,
      now: clock.now,
      signerCheck: signers.check,
    }));
    const row = await store.db
      .selectFrom('cases')
      .select(['id', 'applicant_id'])
      .where('department_id', '=', 'urbanismo')
      .where('state', '=', 'registered')
      .where('assignee_id', 'is', null)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    caseId = String(row.id);
    await store.db
      .updateTable('applicants')
      .set({ municipality: 'Elche' })
      .where('id', '=', row.applicant_id)
      .execute();
    const claimed = await processor().call('cases.claim', { caseId });
    const requested = await processor().call('amendments.request', {
      caseId,
      version: claimed.version,
      missing: 'Plano de situación',
      locale: 'es',
    });
    amendmentId = requested.amendments[0]!.id;
    // The applicant opens the request on the site the day it is issued: the notification is made then.
    await processor().call('notifications.recordAccess', {
      notificationId: requested.amendments[0]!.notification!.id,
      outcome: 'accessed',
      at: clock.now().toISOString(),
      eventId: 'site-opened',
    });
    dueWhileRunning = (await processor().call('deadlines.explain', { caseId })).explanation.dueDate;

    // A case whose term to resolve ends the day its request is issued, Mon 15 June: the request's
    // notification, made later, finds no running term to suspend.
    const late = await store.db
      .selectFrom('cases')
      .select(['id', 'applicant_id', 'assignee_id', 'version', 'due_date'])
      .where('state', '=', 'in_progress')
      .where('due_date', '=', '2026-06-15')
      .where('assignee_id', 'is not', null)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    lateCase = { id: String(late.id), processorId: late.assignee_id!, dueDate: late.due_date };
    await store.db
      .updateTable('applicants')
      .set({ municipality: 'Elche' })
      .where('id', '=', late.applicant_id)
      .execute();
    const lateRequest = await desk(lateCase.processorId).call('amendments.request', {
      caseId: lateCase.id,
      version: late.version,
      missing: 'Plano de situación',
      locale: 'es',
    });
    lateCase.notificationId = lateRequest.amendments[0]!.notification!.id;
  });
  afterAll(async () => {
    await office?.close();
  });

  const amendment = async () => (await processor().call('amendments.get', { caseId })).amendments[0]!;
  const version = async () => (await processor().call('cases.get', { caseId })).case.version;

  it('art. 68.1 / art. 22.1.a: while the term runs, the request is pending and the suspension runs to its last day, Tue 30 June', async () => {
    expect(await amendment()).toMatchObject({
      state: 'pending',
      notifiedOn: '2026-06-15',
      endsOn: '2026-06-30',
      suspension: { from: '2026-06-15', to: null },
    });
    expect((await processor().call('deadlines.explain', { caseId })).runningSuspension).toEqual({
      from: '2026-06-15',
      until: '2026-06-30',
    });
  });

  it('art. 68.1 / art. 22.1.a: deemed withdrawn on Wed 1 July, the request is closed unanswered and the suspension ends on Tue 30 June, 15 days', async () => {
    clock.at = deemedAt;
    const result = await processor().call('casework.deemWithdrawn', { caseId, version: await version() });
    expect(result.case.state).toBe('in_progress');
    expect(result.withdrawal).toMatchObject({
      kind: 'deemed',
      amendmentNotifiedOn: '2026-06-15',
      amendmentTermEndedOn: '2026-06-30',
    });
    expect(await amendment()).toMatchObject({
      id: amendmentId,
      state: 'unanswered',
      reply: null,
      suspension: { from: '2026-06-15', to: '2026-06-30' },
    });
    const due = await processor().call('deadlines.explain', { caseId });
    expect(due.runningSuspension).toBeNull();
    expect(due.explanation.suspensions).toEqual([{ from: '2026-06-15', to: '2026-06-30', days: 15 }]);
    expect(due.explanation.suspendedDays).toBe(15);
    // The running suspension was already counted to the term's last day: the due date stays.
    expect(due.explanation.dueDate).toBe(dueWhileRunning);
    const audit = await store.db
      .selectFrom('audit_trail')
      .select('details')
      .where('case_id', '=', Number(caseId))
      .where('action', '=', 'amendment.closed_unanswered')
      .execute();
    expect(audit.map((entry) => entry.details)).toEqual([
      { amendment: Number(amendmentId), notifiedOn: '2026-06-15', endsOn: '2026-06-30', suspensionEnded: 1 },
    ]);
  });

  it('art. 68.1: a closed request takes no reply or extension, and no new request is made on the withdrawn case', async () => {
    const reply = await rejectionOf(
      processor().call('amendments.registerReply', {
        caseId,
        version: await version(),
        amendmentId,
        receivedAt: '2026-06-30T09:00:00.000Z',
        attachments: [{ name: 'plano.pdf', contentBase64: await onePagePdf() }],
      }),
    );
    expect([reply.code, reply.params?.reason]).toEqual(['invalid_transition', 'amendment_closed_unanswered']);
    const extension = await rejectionOf(
      processor().call('amendments.extend', { caseId, version: await version(), amendmentId, days: 5 }),
    );
    expect([extension.code, extension.params?.reason]).toEqual([
      'invalid_transition',
      'amendment_closed_unanswered',
    ]);
    const again = await rejectionOf(
      processor().call('amendments.request', {
        caseId,
        version: await version(),
        missing: 'Otra vez',
        locale: 'es',
      }),
    );
    expect([again.code, again.params?.reason]).toEqual(['invalid_transition', 'amendment_closed_unanswered']);
  });

  it('art. 68.1 / art. 22.1.a: the resolution of deemed withdrawal, drafted and signed, leaves the request unanswered and the suspension ended on 30 June', async () => {
    const draft = await processor().call('resolutions.draft', { caseId, locale: 'es' });
    expect(draft.title).toBe('Resolución por la que se tiene por desistida la solicitud');
    expect(draft.text.facts).toContain('15 de junio de 2026');
    expect(draft.text.facts).toContain('30 de junio de 2026');
    const sent = await processor().call('signatures.send', {
      caseId,
      locale: 'es',
      title: draft.title,
      text: draft.text,
      mode: 'cascade',
      priority: 'normal',
      expiresOn: '2026-12-31',
      steps: [{ signerId: 'urb-jefatura', action: 'sign' }],
    });
    clock.at = signedAt;
    const head = (await office.actors.resolve('urb-jefatura'))!;
    for (const outcome of await office.signing.prepare(head, [sent.id])) {
      if ('error' in outcome) throw new Error(`prepare refused: ${outcome.error}`);
      const item: PreparedResolution = outcome;
      await office.signing.confirm(
        head,
        item,
        await signers.signAs(item.pdf, item.fieldName, 'urb-jefatura'),
      );
    }
    expect((await processor().call('cases.get', { caseId })).case.state).toBe('resolved');
    expect(await amendment()).toMatchObject({
      state: 'unanswered',
      suspension: { from: '2026-06-15', to: '2026-06-30' },
    });
    const due = await processor().call('deadlines.explain', { caseId });
    expect(due.runningSuspension).toBeNull();
    expect(due.explanation.suspendedDays).toBe(15);
  });

  /*
   * Worked by hand: the term to resolve ended on Mon 15 June, the day the request was issued. The
   * applicant opens it on Tue 23 June: its 10 business days count from Wed 24 June, Sant Joan (a
   * regional holiday) skipped: 25, 26, 29, 30 June, 1, 2, 3, 6, 7, 8 July: the last day is Wed 8
   * July. Nothing comes in; on Thu 9 July the case is deemed withdrawn.
   */
  it('art. 22.1.a / art. 68.1: a request notified on Tue 23 June, after the term to resolve ended on 15 June, suspends nothing; deemed withdrawn on Thu 9 July, it is closed unanswered all the same, and the due date stays', async () => {
    const lateDesk = desk(lateCase.processorId);
    await lateDesk.call('notifications.recordAccess', {
      notificationId: lateCase.notificationId!,
      outcome: 'accessed',
      at: '2026-06-23T09:00:00.000Z',
      eventId: 'site-opened-late',
    });
    const before = (await lateDesk.call('amendments.get', { caseId: lateCase.id })).amendments[0]!;
    expect(before).toMatchObject({
      state: 'pending',
      notifiedOn: '2026-06-23',
      endsOn: '2026-07-08',
      suspension: null,
    });
    clock.at = new Date('2026-07-09T07:00:00Z');
    const { version: lateVersion } = (await lateDesk.call('cases.get', { caseId: lateCase.id })).case;
    const result = await lateDesk.call('casework.deemWithdrawn', {
      caseId: lateCase.id,
      version: lateVersion,
    });
    expect(result.withdrawal).toMatchObject({
      kind: 'deemed',
      amendmentNotifiedOn: '2026-06-23',
      amendmentTermEndedOn: '2026-07-08',
    });
    const after = (await lateDesk.call('amendments.get', { caseId: lateCase.id })).amendments[0]!;
    expect(after).toMatchObject({ state: 'unanswered', suspension: null });
    const due = await lateDesk.call('deadlines.explain', { caseId: lateCase.id });
    expect(due.explanation.suspensions).toEqual([]);
    expect(due.explanation.dueDate).toBe(lateCase.dueDate);
    const audit = await store.db
      .selectFrom('audit_trail')
      .select('details')
      .where('case_id', '=', Number(lateCase.id))
      .where('action', '=', 'amendment.closed_unanswered')
      .execute();
    expect(audit.map((entry) => entry.details)).toEqual([
      { amendment: Number(before.id), notifiedOn: '2026-06-23', endsOn: '2026-07-08', suspensionEnded: 0 },
    ]);
  });

  it('every change above is in an intact audit chain', async () => {
    expect(await verifyAuditChain(store.db)).toMatchObject({ ok: true });
  });
});

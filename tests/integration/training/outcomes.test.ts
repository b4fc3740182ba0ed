import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCaseworkTemplates } from '../../../src/main/office/casework/templates';
import { type Office, type PreparedResolution } from '../../../src/main/office/index';
import { type Store } from '../../../src/main/office/store/open-store';
import type { OutcomeContext } from '../../../src/main/training/outcomes/context';
import { runOutcomeCheck } from '../../../src/main/training/outcomes/run';
import { resolveFixtureCases, type FixtureCases } from '../../../src/main/training/scenarios/fixtures';
import type { OutcomeCheck } from '../../../src/shared/training/scenario';
import { outcomeCheckSchema } from '../../../src/shared/training/scenario';
import { signersCa } from '../../support/signatures/signers-ca';
import { storeEngines } from '../../support/store-engines';
import { calendar, Desk, seededOffice } from '../../unit/office/support';

const scratch = mkdtempSync(join(tmpdir(), 'despacho-outcomes-it-'));
/** The heads sign with cards of a CA the office trusts, as a real office checks them. */
const signers = signersCa();
afterAll(() => {
  signers.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** Friday 27 February 2026, 10:00 in Madrid: the day the trainee works (and notifies). */
const workday = new Date('2026-02-27T09:00:00Z');
const processor = 'urb-02';
const colleague = 'urb-03';
const head = 'urb-jefatura';

async function onePagePdf(): Promise<string> {
  const pdf = await PDFDocument.create();
  pdf.addPage([200, 200]);
  return Buffer.from(await pdf.save()).toString('base64');
}

/**
 * Each outcome check against a real office on the sandbox's engines: it passes once the trainee did
 * the real thing through the office's handlers, and fails on the wrong case, the wrong term, the
 * wrong template, the wrong signer or another person's work.
 */
describe.each(storeEngines(scratch, 'outcomes'))('training outcome checks on %s', (_engine, location) => {
  let store: Store;
  let office: Office;
  let cases: FixtureCases;
  const desk = (userId: string) => new Desk(office, userId).signInByIdentityProvider(userId);
  const id = (alias: string) => String(cases[alias]);
  const check = (traineeId: string, input: Record<string, unknown>) => {
    const context: OutcomeContext = {
      db: store.db,
      calendar: calendar(),
      traineeId,
      cases,
      caseworkTemplates: loadCaseworkTemplates(),
    };
    return runOutcomeCheck(context, outcomeCheckSchema.parse(input) as OutcomeCheck);
  };
  const version = async (alias: string) =>
    (await desk(processor).call('cases.get', { caseId: id(alias) })).case.version;

  beforeAll(async () => {
    ({ store, office } = await seededOffice(300, {
      location: await location(),
      mode: 'server',
      signIn: 'identityProvider',
      seededAt: workday,
      now: () => workday,
      signerCheck: signers.check,
    }));
    cases = await resolveFixtureCases(store.db, {
      trainee: processor,
      cases: {
        caso: { state: 'registered', assignee: 'nobody', pick: 0 },
        otro: { state: 'registered', assignee: 'nobody', pick: 0 },
        firmar: { state: 'in_progress', assignee: 'nobody', channel: 'electronic', pick: 0 },
        lote: { state: 'in_progress', assignee: 'nobody', pick: 0 },
      },
      setup: [],
    });
    // The scenario's setup gives the trainee the cases it sends for signature.
    for (const alias of ['firmar', 'lote']) await desk(processor).call('cases.claim', { caseId: id(alias) });
  });
  afterAll(async () => {
    await office?.close();
  });

  it('chooses the fixture cases by their rule, each alias its own case, the same ones every time', async () => {
    expect(new Set(Object.values(cases)).size).toBe(4);
    const again = await resolveFixtureCases(store.db, {
      trainee: processor,
      cases: { caso: { state: 'registered', assignee: 'nobody', pick: 0 } },
      setup: [],
    });
    expect(again.caso).toBe(cases.caso);
    const rows = await store.db
      .selectFrom('cases')
      .select(['id', 'state', 'assignee_id', 'department_id'])
      .where('id', 'in', Object.values(cases))
      .execute();
    expect(rows.every((row) => row.department_id === 'urbanismo')).toBe(true);
  });

  it('case_claimed_by_trainee: fails before, and when the trainee claimed the wrong case; passes on the right one', async () => {
    expect(await check(processor, { id: 'case_claimed_by_trainee', case: 'caso' })).toEqual({
      passed: false,
      failure: 'case_not_held_by_trainee',
    });
    await desk(processor).call('cases.claim', { caseId: id('otro') });
    expect((await check(processor, { id: 'case_claimed_by_trainee', case: 'caso' })).passed).toBe(false);
    await desk(processor).call('cases.claim', { caseId: id('caso') });
    expect(await check(processor, { id: 'case_claimed_by_trainee', case: 'caso' })).toEqual({ passed: true });
    expect((await check(colleague, { id: 'case_claimed_by_trainee', case: 'caso' })).passed).toBe(false);
  });

  it("note_added: a colleague's note does not count; the trainee's does", async () => {
    await desk(colleague).call('casework.notes.add', {
      caseId: id('otro'),
      body: 'Revisado por otra persona.',
    });
    expect((await check(processor, { id: 'note_added', case: 'otro' })).passed).toBe(false);
    await desk(processor).call('casework.notes.add', { caseId: id('caso'), body: 'Documentación completa.' });
    expect(await check(processor, { id: 'note_added', case: 'caso' })).toEqual({ passed: true });
  });

  it('report_added: a report from the wrong template fails the template check; from the right one it passes', async () => {
    await desk(processor).call('casework.addReport', {
      caseId: id('caso'),
      version: await version('caso'),
      source: { kind: 'template', templateId: 'legal', locale: 'es', body: 'Informe jurídico favorable.' },
    });
    expect(await check(processor, { id: 'report_added', case: 'caso', template: 'technical' })).toEqual({
      passed: false,
      failure: 'report_from_another_template',
    });
    expect((await check(processor, { id: 'report_added', case: 'caso' })).passed).toBe(true);
    await desk(processor).call('casework.addReport', {
      caseId: id('caso'),
      version: await version('caso'),
      source: {
        kind: 'template',
        templateId: 'technical',
        locale: 'ca-valencia',
        body: 'Informe tècnic favorable.',
      },
    });
    expect(await check(processor, { id: 'report_added', case: 'caso', template: 'technical' })).toEqual({
      passed: true,
    });
  });

  // Art. 68.1 LPACAP: ten business days from the day after the notice. Notified (opened on the site)
  // Friday 27 February 2026: Monday 2 to Friday 6 March (5) and Monday 9 to Friday 13 March (10), no holiday in Elche or
  // Alicante between them, so the last day is Friday 13 March 2026. Art. 22.1.a: the term is suspended.
  it('amendment_requested (art. 68.1 and 22.1.a, notified 27 February 2026, last day 13 March 2026): passes on the real request, fails on the wrong case, the wrong term and a wrong last day', async () => {
    expect(await check(processor, { id: 'amendment_requested', case: 'caso' })).toEqual({
      passed: false,
      failure: 'case_not_awaiting_amendment',
    });
    await desk(processor).call('amendments.request', {
      caseId: id('caso'),
      version: await version('caso'),
      missing: 'Plano de situación',
      locale: 'es',
    });
    // Issued, its notification made available: scenario 02's outcome; no term runs yet, nothing is suspended.
    expect(await check(processor, { id: 'amendment_requested', case: 'caso', suspendsTerm: false })).toEqual({
      passed: true,
    });
    // The request's notification is not the resolution's: "notified" still waits for that one.
    expect(await check(processor, { id: 'notified', case: 'caso' })).toEqual({
      passed: false,
      failure: 'not_notified',
    });
    expect(await check(processor, { id: 'amendment_requested', case: 'caso' })).toEqual({
      passed: false,
      failure: 'term_not_suspended',
    });
    // The applicant opens it on the site the same day: the 10 days and the suspension run from then.
    const { amendments } = await desk(processor).call('amendments.get', { caseId: id('caso') });
    await desk(processor).call('notifications.recordAccess', {
      notificationId: amendments[0]!.notification!.id,
      outcome: 'accessed',
      at: workday.toISOString(),
      eventId: 'site-opened',
    });
    const request = await store.db
      .selectFrom('amendment_requests')
      .selectAll()
      .where('case_id', '=', cases.caso!)
      .executeTakeFirstOrThrow();
    expect(request.ends_on).toBe('2026-03-13');
    expect(await check(processor, { id: 'amendment_requested', case: 'caso', businessDays: 10 })).toEqual({
      passed: true,
    });
    expect(await check(processor, { id: 'amendment_requested', case: 'caso', businessDays: 15 })).toEqual({
      passed: false,
      failure: 'wrong_term',
    });
    expect((await check(processor, { id: 'amendment_requested', case: 'otro' })).passed).toBe(false);
    expect(await check(colleague, { id: 'amendment_requested', case: 'caso' })).toEqual({
      passed: false,
      failure: 'not_requested_by_trainee',
    });
    // A last day one business day short (Thursday 12 March) is not the 10 days the applicant is owed.
    await store.db
      .updateTable('amendment_requests')
      .set({ ends_on: '2026-03-12' })
      .where('id', '=', request.id)
      .execute();
    expect(await check(processor, { id: 'amendment_requested', case: 'caso' })).toEqual({
      passed: false,
      failure: 'wrong_term_end',
    });
    await store.db
      .updateTable('amendment_requests')
      .set({ ends_on: request.ends_on })
      .where('id', '=', request.id)
      .execute();
  });

  it('reply_registered: fails while the request waits; passes once the trainee registers the reply', async () => {
    expect(await check(processor, { id: 'reply_registered', case: 'caso' })).toEqual({
      passed: false,
      failure: 'no_reply_registered',
    });
    const amendments = await desk(processor).call('amendments.get', { caseId: id('caso') });
    await desk(processor).call('amendments.registerReply', {
      caseId: id('caso'),
      version: await version('caso'),
      amendmentId: amendments.amendments[0]!.id,
      receivedAt: '2026-02-27T09:30:00+01:00',
      attachments: [{ name: 'plano.pdf', contentBase64: await onePagePdf() }],
    });
    expect(await check(processor, { id: 'reply_registered', case: 'caso' })).toEqual({ passed: true });
    expect((await check(processor, { id: 'reply_registered', case: 'otro' })).passed).toBe(false);
  });

  async function sendForSignature(alias: string, locale: 'es' | 'ca-valencia' = 'es') {
    const draft = await desk(processor).call('resolutions.draft', { caseId: id(alias), locale });
    return desk(processor).call('signatures.send', {
      caseId: id(alias),
      locale,
      title: draft.title,
      text: draft.text,
      mode: 'cascade',
      priority: 'normal',
      expiresOn: '2026-12-31',
      steps: [{ signerId: head, action: 'sign' }],
    });
  }

  async function signAsHead(requestIds: string[]) {
    const actor = (await office.actors.resolve(head))!;
    for (const outcome of await office.signing.prepare(actor, requestIds)) {
      if ('error' in outcome) throw new Error(`prepare refused ${outcome.requestId}: ${outcome.error}`);
      const item: PreparedResolution = outcome;
      await office.signing.confirm(actor, item, await signers.signAs(item.pdf, item.fieldName, head));
    }
  }

  const requests: Record<string, string> = {};

  it('resolution_sent_for_signature: passes for the signer and language sent; fails for another signer, language or case', async () => {
    expect((await check(processor, { id: 'resolution_sent_for_signature', case: 'firmar' })).passed).toBe(
      false,
    );
    requests.firmar = (await sendForSignature('firmar')).id;
    requests.lote = (await sendForSignature('lote')).id;
    expect(
      await check(processor, {
        id: 'resolution_sent_for_signature',
        case: 'firmar',
        signer: head,
        locale: 'es',
      }),
    ).toEqual({
      passed: true,
    });
    expect(
      await check(processor, {
        id: 'resolution_sent_for_signature',
        case: 'firmar',
        signer: 'urb-concejalia',
      }),
    ).toEqual({
      passed: false,
      failure: 'wrong_signer',
    });
    expect(
      await check(processor, { id: 'resolution_sent_for_signature', case: 'firmar', locale: 'ca-valencia' }),
    ).toEqual({
      passed: false,
      failure: 'wrong_locale',
    });
    expect((await check(processor, { id: 'resolution_sent_for_signature', case: 'otro' })).passed).toBe(
      false,
    );
  });

  it('resolution_signed and batch_signed: pass once the head signed into the book; fail for an unsigned case and for somebody else', async () => {
    expect(await check(head, { id: 'resolution_signed', case: 'firmar' })).toEqual({
      passed: false,
      failure: 'not_in_book',
    });
    await signAsHead([requests.firmar!]);
    expect(await check(head, { id: 'resolution_signed', case: 'firmar' })).toEqual({ passed: true });
    expect(await check(processor, { id: 'resolution_signed', case: 'firmar' })).toEqual({
      passed: false,
      failure: 'not_signed_by_trainee',
    });
    expect(
      (await check(processor, { id: 'resolution_signed', case: 'firmar', byTrainee: false })).passed,
    ).toBe(true);
    expect(await check(head, { id: 'batch_signed', cases: ['firmar', 'lote'] })).toEqual({
      passed: false,
      failure: 'batch_not_all_signed',
    });
    expect(await check(head, { id: 'batch_signed', cases: ['firmar', 'lote'], atLeast: 1 })).toEqual({
      passed: true,
    });
    await signAsHead([requests.lote!]);
    expect(await check(head, { id: 'batch_signed', cases: ['firmar', 'lote'] })).toEqual({ passed: true });
  });

  it('notified, notification_effective and case_archived: each passes only once the trainee did it', async () => {
    expect(await check(processor, { id: 'notified', case: 'firmar' })).toEqual({
      passed: false,
      failure: 'not_notified',
    });
    const notifications = await desk(processor).call('notifications.notify', {
      caseId: id('firmar'),
      locale: 'es',
    });
    expect(await check(processor, { id: 'notified', case: 'firmar' })).toEqual({ passed: true });
    expect(await check(colleague, { id: 'notified', case: 'firmar' })).toEqual({
      passed: false,
      failure: 'not_notified_by_trainee',
    });
    expect((await check(processor, { id: 'notified', case: 'lote' })).passed).toBe(false);

    expect((await check(processor, { id: 'notification_effective', case: 'firmar' })).passed).toBe(false);
    expect((await check(processor, { id: 'case_archived', case: 'firmar' })).passed).toBe(false);
    await desk(processor).call('notifications.recordAccess', {
      notificationId: notifications.notifications[0]!.id,
      outcome: 'accessed',
      at: workday.toISOString(),
      eventId: 'sede-1',
    });
    expect(await check(processor, { id: 'notification_effective', case: 'firmar' })).toEqual({
      passed: true,
    });
    await desk(processor).call('notifications.archive', { caseId: id('firmar') });
    expect(await check(processor, { id: 'case_archived', case: 'firmar' })).toEqual({ passed: true });
    expect(await check(colleague, { id: 'case_archived', case: 'firmar' })).toEqual({
      passed: false,
      failure: 'not_archived_by_trainee',
    });
    expect((await check(processor, { id: 'case_archived', case: 'lote' })).passed).toBe(false);
  });
});

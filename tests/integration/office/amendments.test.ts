import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  loadOpenTermRecordsAfter,
  loadTermRecords,
  storeDerivedDueDates,
} from '../../../src/main/office/amendments/derivation';
import { recomputeDueDates } from '../../../src/main/office/amendments/recompute';
import { defaultCalendarDir, loadCalendar } from '../../../src/main/office/calendar/load';
import { explainCaseDueDate } from '../../../src/main/office/deadlines';
import { type Office } from '../../../src/main/office/index';
import { DocumentContents } from '../../../src/main/office/signatures/document-contents';
import { verifyAuditChain } from '../../../src/main/office/store/audit';
import { type Store } from '../../../src/main/office/store/open-store';
import { rejectionOf } from '../../support/rejection';
import { storeEngines } from '../../support/store-engines';
import { calendar, Desk, MovableClock, seededOffice } from '../../unit/office/support';
import { expectSealedByTheDemoOffice } from '../../support/pdfs/demo-office-ca';

const scratch = mkdtempSync(join(tmpdir(), 'despacho-amendments-it-'));
/** The demo office's practice CA: the root of the seal a request is issued with when no card signs it. */
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Friday 27 February 2026, 10:00 in Madrid: the day the requests are issued (and opened on the site). */
const issuedAt = new Date('2026-02-27T09:00:00Z');

/**
 * The shipped calendars with one more local holiday in Elche: what replacing a provisional file by
 * its bulletin (or a corrected one) does to the data.
 */
function calendarWithElcheHoliday(date: string) {
  const dir = mkdtempSync(join(scratch, 'calendars-'));
  cpSync(defaultCalendarDir, dir, { recursive: true });
  const file = join(dir, date.slice(0, 4), 'local-elche.json');
  const data = JSON.parse(readFileSync(file, 'utf8')) as { holidays: { date: string; name: string }[] };
  data.holidays.push({ date, name: 'Fiesta añadida por el boletín' });
  writeFileSync(file, JSON.stringify(data));
  return loadCalendar(dir);
}

async function onePagePdf(): Promise<string> {
  const pdf = await PDFDocument.create();
  pdf.addPage([200, 200]);
  return Buffer.from(await pdf.save()).toString('base64');
}

describe.each(storeEngines(scratch, 'amendments'))('amendments on %s', (_engine, location) => {
  let store: Store;
  let office: Office;
  const clock = new MovableClock(issuedAt);
  const desk = (userId: string) => new Desk(office, userId).signInByIdentityProvider(userId);
  /** Three of Urbanismo's open cases that run past the requests, held by urb-01. */
  let free: number[] = [];

  beforeAll(async () => {
    ({ store, office } = await seededOffice(150, {
      location: await location(),
      mode: 'server',
      signIn: 'identityProvider',
      seededAt: issuedAt,
      now: clock.now,
    }));
    const rows = await store.db
      .selectFrom('cases')
      .select('id')
      .where('department_id', '=', 'urbanismo')
      .where('state', 'in', ['registered', 'in_progress'])
      .where('due_date', '>=', '2026-03-02')
      .orderBy('id')
      .limit(3)
      .execute();
    free = rows.map((row) => row.id);
    expect(free).toHaveLength(3);
    // Held by urb-01 (whoever the demo gave them to): only the holder works a case.
    await store.db.updateTable('cases').set({ assignee_id: 'urb-01' }).where('id', 'in', free).execute();
  });
  afterAll(async () => {
    await office?.close();
  });

  /** The site reports the applicant opened the request's notification at `at` (the notification is made then). */
  const openedOnSite = async (caseId: number, at: Date) => {
    const urb = desk('urb-01');
    const { amendments } = await urb.call('amendments.get', { caseId: String(caseId) });
    const notificationId = amendments.at(-1)!.notification!.id;
    await urb.call('notifications.recordAccess', {
      notificationId,
      outcome: 'accessed',
      at: at.toISOString(),
      eventId: `site-${notificationId}`,
    });
    return urb.call('amendments.get', { caseId: String(caseId) });
  };
  const claimed = async (caseId: number) =>
    (await desk('urb-01').call('cases.get', { caseId: String(caseId) })).case;
  /** The case's stored term inputs and due date, as the office derives it. */
  const termRecord = async (caseId: number) => (await loadTermRecords(store.db, [caseId]))[0]!;

  it('requests an amendment: the document, the suspension, awaiting_amendment; a reply moves the due date by the suspended time', async () => {
    const caseId = free[0]!;
    const row = await claimed(caseId);
    const before = await termRecord(caseId);
    const urb = desk('urb-01');

    const stale = await rejectionOf(
      urb.call('amendments.request', {
        caseId: String(caseId),
        version: row.version - 1,
        missing: 'Plano de situación',
        locale: 'es',
      }),
    );
    expect(stale.code).toBe('conflict');
    expect(stale.params).toEqual({ version: row.version });

    // This office signs as a desk without a card reader does: a card named is refused, nothing issued.
    const withoutReader = await rejectionOf(
      urb.call('amendments.request', {
        caseId: String(caseId),
        version: row.version,
        missing: 'Plano de situación',
        locale: 'es',
        card: {
          token: { module: '/usr/lib/softhsm/libsofthsm2.so', label: 'DESPACHO PRUEBAS' },
          certificate: { id: 'a1' },
          pin: '123456',
        },
      }),
    );
    expect(withoutReader.code).toBe('desk_only');

    const preview = await urb.call('amendments.preview', {
      caseId: String(caseId),
      missing: 'Plano de situación',
      locale: 'es',
    });
    expect(preview.text).toContain('Plano de situación');
    expect(preview.text).toContain('10 días hábiles');
    expect(preview.text).toContain('desistido');
    expect(preview.endsOn).toBe('2026-03-13');

    const requested = await urb.call('amendments.request', {
      caseId: String(caseId),
      version: row.version,
      missing: 'Plano de situación\nFotografías de la fachada',
      locale: 'es',
    });
    expect(requested.amendments[0]).toMatchObject({ state: 'pending_notification', suspension: null });
    // The applicant opens it on the site the day it is issued.
    const notified = await openedOnSite(caseId, issuedAt);
    const [amendment] = notified.amendments;
    // Art. 68: notified Fri 27 February 2026, ten business days from Monday 2 March: Fri 13 March.
    expect(amendment).toMatchObject({
      state: 'pending',
      notifiedOn: '2026-02-27',
      endsOn: '2026-03-13',
      termDays: 10,
      suspension: { from: '2026-02-27', to: null },
      reply: null,
    });

    const detail = await urb.call('cases.get', { caseId: String(caseId) });
    expect(detail.case.state).toBe('awaiting_amendment');
    expect(detail.case.version).toBe(notified.caseVersion);
    const document = detail.documents.find((entry) => entry.id === amendment!.documentId)!;
    expect(document).toMatchObject({
      documentType: 'TD06',
      origin: 1,
      elaborationState: 'EE01',
      format: 'PDF',
    });
    const bytes = await new DocumentContents(store.documentsDir).read(store.db, document.sha256);
    expect(Buffer.from(bytes!.subarray(0, 5)).toString()).toBe('%PDF-');
    // Issued without a card: sealed with the office's seal (PAdES), as pdfsig and openssl read it.
    expectSealedByTheDemoOffice(join(scratch, `request-${caseId}.pdf`), bytes!);
    const requestedEntry = await store.db
      .selectFrom('audit_trail')
      .select('details')
      .where('case_id', '=', caseId)
      .where('action', '=', 'amendment.requested')
      .executeTakeFirstOrThrow();
    expect(requestedEntry.details).toMatchObject({ signed_with: 'seal', document: Number(document.id) });

    const running = await urb.call('deadlines.explain', { caseId: String(caseId) });
    expect(running.runningSuspension).toEqual({ from: '2026-02-27', until: '2026-03-13' });
    expect(running.explanation.suspensions).toEqual([{ from: '2026-02-27', to: '2026-03-13', days: 14 }]);
    expect(running.explanation.dueDate).toBe(detail.case.dueDate);
    // The head reads the explanation too.
    expect(
      (await desk('urb-jefatura').call('deadlines.explain', { caseId: String(caseId) })).explanation,
    ).toEqual(running.explanation);

    const notPdf = await rejectionOf(
      urb.call('amendments.registerReply', {
        caseId: String(caseId),
        version: notified.caseVersion,
        amendmentId: amendment!.id,
        receivedAt: '2026-03-05T10:00:00+01:00',
        attachments: [
          { name: 'plano.pdf', contentBase64: await onePagePdf() },
          { name: 'foto.jpg', contentBase64: Buffer.from('\xff\xd8\xff\xe0 not a pdf').toString('base64') },
        ],
      }),
    );
    expect(notPdf.code).toBe('invalid_input');
    expect(notPdf.params).toMatchObject({ reason: 'attachment_not_pdf', file: 2 });
    expect((await urb.call('cases.get', { caseId: String(caseId) })).documents).toHaveLength(
      detail.documents.length,
    );

    clock.at = new Date('2026-03-06T09:00:00Z');
    const reply = {
      caseId: String(caseId),
      version: notified.caseVersion,
      amendmentId: amendment!.id,
      // Thursday 5 March, a business day: in time, and the suspension ends that day.
      receivedAt: '2026-03-05T10:00:00+01:00',
      attachments: [{ name: 'plano.pdf', contentBase64: await onePagePdf() }],
    };
    const replied = await urb.call('amendments.registerReply', reply);
    expect(replied.amendments[0]).toMatchObject({
      state: 'replied',
      suspension: { from: '2026-02-27', to: '2026-03-05' },
      reply: { deemedOn: '2026-03-05', late: false },
    });
    expect(replied.amendments[0]!.reply!.documentIds).toHaveLength(1);

    const after = await urb.call('cases.get', { caseId: String(caseId) });
    expect(after.case.state).toBe('in_progress');
    const expected = explainCaseDueDate(calendar(), {
      ...before,
      suspensions: [{ from: '2026-02-27', to: '2026-03-05', until: '2026-03-13' }],
    });
    expect(expected.suspendedDays).toBe(6);
    expect(after.case.dueDate).toBe(expected.dueDate);
    expect(after.case.dueDate > before.dueDate).toBe(true);

    const twice = await rejectionOf(
      urb.call('amendments.registerReply', { ...reply, version: replied.caseVersion }),
    );
    expect(twice).toMatchObject({ code: 'invalid_transition', params: { reason: 'already_replied' } });
    const stillOne = await urb.call('amendments.get', { caseId: String(caseId) });
    expect(stillOne.amendments[0]!.reply!.documentIds).toHaveLength(1);

    const actions = (
      await store.db
        .selectFrom('audit_trail')
        .select(['action', 'details'])
        .where('case_id', '=', caseId)
        .orderBy('seq')
        .execute()
    ).map((entry) => entry.action);
    expect(actions).toEqual(
      expect.arrayContaining(['amendment.requested', 'amendment.replied', 'case.due_date_recomputed']),
    );
    expect(await verifyAuditChain(store.db)).toMatchObject({ ok: true });
  });

  it('extends the term by up to five days (art. 68.2) and flags a reply filed after it as late (art. 31.2.b)', async () => {
    clock.at = issuedAt;
    const caseId = free[1]!;
    const row = await claimed(caseId);
    const urb = desk('urb-01');
    const requested = await urb.call('amendments.request', {
      caseId: String(caseId),
      version: row.version,
      missing: 'Presupuesto de la obra',
      locale: 'ca-valencia',
    });
    const amendmentId = requested.amendments[0]!.id;
    const notified = await openedOnSite(caseId, issuedAt);
    const extended = await urb.call('amendments.extend', {
      caseId: String(caseId),
      version: notified.caseVersion,
      amendmentId,
      days: 2,
    });
    // Twelve business days from Monday 2 March: Tuesday 17 March.
    expect(extended.amendments[0]).toMatchObject({ extensionDays: 2, endsOn: '2026-03-17' });
    const tooLong = await rejectionOf(
      urb.call('amendments.extend', {
        caseId: String(caseId),
        version: extended.caseVersion,
        amendmentId,
        days: 4,
      }),
    );
    expect(tooLong).toMatchObject({ code: 'invalid_transition', params: { reason: 'extension_too_long' } });

    clock.at = new Date('2026-03-23T09:00:00Z');
    const replied = await urb.call('amendments.registerReply', {
      caseId: String(caseId),
      version: extended.caseVersion,
      amendmentId,
      // Saturday 21 March: counts as filed on Monday 23 (art. 31.2.b), after Tuesday 17.
      receivedAt: '2026-03-21T11:00:00+01:00',
      attachments: [{ name: 'pressupost.pdf', contentBase64: await onePagePdf() }],
    });
    expect(replied.amendments[0]).toMatchObject({
      reply: { deemedOn: '2026-03-23', late: true },
      // A late reply: the suspension lasted until the granted term ended.
      suspension: { from: '2026-02-27', to: '2026-03-17' },
    });
  });

  it('keeps amendments within the department and away from heads', async () => {
    clock.at = issuedAt;
    const caseId = free[2]!;
    const other = await rejectionOf(desk('act-01').call('amendments.get', { caseId: String(caseId) }));
    expect(other.code).toBe('not_found');
    const explain = await rejectionOf(desk('act-01').call('deadlines.explain', { caseId: String(caseId) }));
    expect(explain.code).toBe('not_found');
    const head = await rejectionOf(
      desk('urb-jefatura').call('amendments.request', {
        caseId: String(caseId),
        version: 1,
        missing: 'x',
        locale: 'es',
      }),
    );
    expect(head.code).toBe('forbidden');
  });

  it('recomputes (despacho deadlines recompute) a due date that no longer follows from its inputs, audited, and then changes nothing', async () => {
    const [target] = await store.db
      .selectFrom('cases')
      .select(['id', 'due_date'])
      .where(sql<boolean>`is_open`)
      .where('state', '<>', 'awaiting_amendment')
      .orderBy('id', 'desc')
      .limit(1)
      .execute();
    // What a calendar file's change does to a stored date: it no longer follows from the inputs.
    await sql`update cases set due_date = due_date - 1 where id = ${target!.id}`.execute(store.db);
    // At start-up the calendars are those the dates were derived with: nothing is derived again.
    expect(await recomputeDueDates(store.db, calendar(), clock.now())).toEqual({
      checked: 0,
      changed: [],
      failed: [],
    });
    const first = await recomputeDueDates(store.db, calendar(), clock.now(), { always: true });
    expect(first.changed).toEqual([expect.objectContaining({ caseId: target!.id, to: target!.due_date })]);
    const entry = await store.db
      .selectFrom('audit_trail')
      .select(['details'])
      .where('case_id', '=', target!.id)
      .where('action', '=', 'case.due_date_recomputed')
      .executeTakeFirstOrThrow();
    expect(entry.details).toMatchObject({ to: target!.due_date, why: 'calendar' });
    expect((await recomputeDueDates(store.db, calendar(), clock.now(), { always: true })).changed).toEqual(
      [],
    );
  });

  it('a calendar change moves the due dates it touches: a new holiday on a due date moves it to the next business day, audited as such', async () => {
    const candidates = await store.db
      .selectFrom('cases')
      .select(['id', 'due_date'])
      .where(sql<boolean>`is_open`)
      .where('due_date', '>=', '2026-03-02')
      .where('due_date', '<=', '2026-12-20')
      .orderBy('id')
      .execute();
    // A due date on a Monday to Thursday: the new holiday moves it exactly one day.
    const target = candidates.find((row) =>
      [1, 2, 3, 4].includes(new Date(`${row.due_date}T12:00:00Z`).getUTCDay()),
    );
    expect(target).toBeDefined();
    const next = new Date(Date.parse(`${target!.due_date}T12:00:00Z`) + 86_400_000)
      .toISOString()
      .slice(0, 10);
    const changed = calendarWithElcheHoliday(target!.due_date);
    const outcome = await recomputeDueDates(store.db, changed, clock.now());
    expect(outcome.changed).toContainEqual(
      expect.objectContaining({ caseId: target!.id, from: target!.due_date, to: next }),
    );
    const stored = await store.db
      .selectFrom('cases')
      .select('due_date')
      .where('id', '=', target!.id)
      .executeTakeFirstOrThrow();
    expect(stored.due_date).toBe(next);
    const entry = await store.db
      .selectFrom('audit_trail')
      .select('details')
      .where('case_id', '=', target!.id)
      .where('action', '=', 'case.due_date_recomputed')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(entry.details).toMatchObject({ from: target!.due_date, to: next, why: 'calendar' });
    // Back to the shipped calendars: back to the shipped dates.
    const restored = await recomputeDueDates(store.db, calendar(), clock.now());
    expect(restored.changed).toContainEqual(
      expect.objectContaining({ caseId: target!.id, from: next, to: target!.due_date }),
    );
    expect(await verifyAuditChain(store.db)).toMatchObject({ ok: true });
  });

  it('reads every open case a page at a time, suspensions included, as case by case', async () => {
    const open = await store.db
      .selectFrom('cases')
      .select('id')
      .where(sql<boolean>`is_open`)
      .orderBy('id')
      .execute();
    const paged = [];
    for (let after = 0; ;) {
      const page = await loadOpenTermRecordsAfter(store.db, after, 7);
      if (page.length === 0) break;
      paged.push(...page);
      after = page.at(-1)!.caseId;
    }
    const oneByOne = await loadTermRecords(
      store.db,
      open.map((row) => row.id),
    );
    expect(paged).toEqual(oneByOne);
    // The requests made above suspend some of them: the pages carry those suspensions.
    expect(paged.some((record) => record.suspensions.length > 0)).toBe(true);
  });

  it('stores a derived date only where the stored one is still the one it was derived against, and audits only those', async () => {
    const rows = await store.db
      .selectFrom('cases')
      .select(['id', 'due_date'])
      .where(sql<boolean>`is_open`)
      .where('state', '<>', 'awaiting_amendment')
      .orderBy('id')
      .limit(2)
      .execute();
    const [taken, left] = rows.map((row) => row.id) as [number, number];
    const ids = [taken, left];
    await sql`update cases set due_date = due_date - 1 where id = any(${ids}::int[])`.execute(store.db);
    const records = await loadTermRecords(store.db, ids);
    const derived = new Map(records.map((record) => [record.caseId, explainCaseDueDate(calendar(), record)]));
    // Another office instance derives the first case's date between this one's read and its write.
    await sql`update cases set due_date = due_date + 1 where id = ${taken}`.execute(store.db);
    const seqBefore = (
      await store.db
        .selectFrom('audit_trail')
        .select(sql<number>`coalesce(max(seq), 0)::int`.as('seq'))
        .executeTakeFirstOrThrow()
    ).seq;
    const changes = await store.db
      .transaction()
      .execute((trx) => storeDerivedDueDates(trx, records, derived, clock.now(), null, 'calendar'));
    expect(changes).toEqual([
      expect.objectContaining({ caseId: left, to: rows.find((row) => row.id === left)!.due_date }),
    ]);
    const entries = await store.db
      .selectFrom('audit_trail')
      .select(['case_id', 'action', 'details'])
      .where('seq', '>', seqBefore)
      .execute();
    expect(entries).toEqual([
      expect.objectContaining({
        case_id: left,
        action: 'case.due_date_recomputed',
        details: expect.objectContaining({ why: 'calendar' }),
      }),
    ]);
    const stored = await store.db
      .selectFrom('cases')
      .select(['id', 'due_date'])
      .where('id', 'in', ids)
      .orderBy('id')
      .execute();
    expect(stored).toEqual(rows);
    expect(await verifyAuditChain(store.db)).toMatchObject({ ok: true });
  });
});

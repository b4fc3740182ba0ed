import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { sql, type Kysely } from 'kysely';
import { afterAll, describe, expect, inject, it, vi } from 'vitest';
import { seedDemoCity } from '../../../src/main/compose/office-store';
import { parseSignedData } from '../../../src/main/desk/crypto/cms/parse';
import { madridDate } from '../../../src/shared/domain/calendar/dates';
import { amendmentTermEnd, explainCaseDueDate } from '../../../src/main/office/deadlines';
import { loadTermRecords } from '../../../src/main/office/amendments/derivation';
import { recomputeDueDates } from '../../../src/main/office/amendments/recompute';
import { sweepNotifications } from '../../../src/main/office/notifications/sweep';
import { DocumentContents } from '../../../src/main/office/signatures/document-contents';
import { verifyAuditChain } from '../../../src/main/office/store/audit';
import { migrate } from '../../../src/main/office/store/migrate';
import { openStore, type Store, type StoreLocation } from '../../../src/main/office/store/open-store';
import type { OfficeSchema } from '../../../src/main/office/store/schema';
import { despachoRun } from '../../support/despacho-command';
import { expectSealedByTheDemoOffice } from '../../support/pdfs/demo-office-ca';
import { extractSignatures } from '../../support/pdfs/validators';
import { copyDataFolder, freshPgliteFolder } from '../../support/fresh-pglite';
import { freshDatabase } from '../../support/postgres';
import { calendar } from '../../unit/office/support';

/**
 * The demo city holds cases at every stage of their life with the records the office itself writes
 * (issue 9): amendment requests with their suspensions, replies, reports, signed resolutions,
 * notifications made available, opened, rejected, deemed rejected and on paper, withdrawals, and
 * archived cases whose whole file exports.
 */
vi.setConfig({ testTimeout: 900_000 });

const scratch = mkdtempSync(join(tmpdir(), 'despacho-demo-stages-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A Wednesday in November: the year's book has months of resolutions behind it. */
const now = new Date('2026-11-18T09:00:00Z');
const today = '2026-11-18';
const dayMs = 86_400_000;

async function seeded(location: StoreLocation): Promise<Store> {
  const store = await openStore(location);
  await migrate(store);
  await seedDemoCity(store, { cases: 150, calendar: calendar(), now });
  return store;
}

/** The demo city seeded once in a PGlite data folder, closed; each test changes its own copy of it. */
let seededFolder: Promise<string> | undefined;
async function seededPgliteCopy(): Promise<string> {
  seededFolder ??= (async () => {
    const dataDir = freshPgliteFolder(scratch, 'seeded-');
    await (await seeded({ kind: 'pglite', dataDir })).close();
    return dataDir;
  })();
  return copyDataFolder(await seededFolder, scratch);
}

/** The demo city on each database the office runs on, each test with its own. */
const seededStores: [string, () => Promise<Store>][] = [
  ['PGlite', async () => openStore({ kind: 'pglite', dataDir: await seededPgliteCopy() })],
  [
    'PostgreSQL',
    async () =>
      seeded({
        kind: 'postgres',
        connectionString: await freshDatabase(
          inject('postgresUrl'),
          `despacho_demo_stages_${Math.floor(Math.random() * 1e9)}`,
        ),
      }),
  ],
];

const documentTypes = async (db: Kysely<OfficeSchema>, caseId: number) =>
  (
    await db
      .selectFrom('documents')
      .select('document_type')
      .where('case_id', '=', caseId)
      .orderBy('position')
      .execute()
  ).map((row) => row.document_type);

const auditActions = async (db: Kysely<OfficeSchema>, caseId: number) =>
  (await db.selectFrom('audit_trail').select('action').where('case_id', '=', caseId).execute()).map(
    (row) => row.action,
  );

/** Every stage's records, as they must be whichever database the office runs on. */
async function checkStages(db: Kysely<OfficeSchema>): Promise<void> {
  // Awaiting amendment: the request (TD06) notified (its notification made: opened on the site or
  // delivered on paper, that day), its 10 business days counted from the day after on the body's and
  // the applicant's calendars (art. 68.1), the term to resolve suspended from that day (art. 22.1.a).
  const pending = await db
    .selectFrom('amendment_requests as q')
    .innerJoin('cases as c', 'c.id', 'q.case_id')
    .innerJoin('applicants as a', 'a.id', 'c.applicant_id')
    .innerJoin('case_suspensions as s', 's.amendment_request_id', 'q.id')
    .innerJoin('documents as d', 'd.id', 'q.document_id')
    .innerJoin('notifications as n', 'n.id', 'q.notification_id')
    .select([
      'n.state as notification_state',
      'n.channel as notification_channel',
      'a.channel as applicant_channel',
      'a.kind as applicant_kind',
      'n.purpose',
      'n.effective_at',
      'c.id',
      'c.state',
      'c.due_date',
      'c.nominal_end',
      'q.notified_on',
      'q.ends_on',
      'q.term_days',
      'q.extension_days',
      'a.municipality',
      's.from_on',
      's.to_on',
      'd.document_type',
    ])
    .where('q.state', '=', 'pending')
    .execute();
  const awaiting = pending.filter((row) => row.state === 'awaiting_amendment');
  expect(awaiting.length).toBeGreaterThanOrEqual(7);
  for (const row of awaiting) {
    expect(row.document_type).toBe('TD06');
    expect(row.purpose).toBe('amendment_request');
    // On the applicant's channel: paper for a natural person who chose it (art. 14), else the site.
    const paper = row.applicant_kind === 'natural' && row.applicant_channel === 'paper';
    expect([row.notification_channel, row.notification_state]).toEqual(
      paper ? ['paper', 'delivered'] : ['electronic', 'accessed'],
    );
    expect(row.notified_on).toBe(madridDate(row.effective_at!));
    expect(row.from_on).toBe(row.notified_on);
    expect(row.to_on).toBeNull();
    expect(row.ends_on).toBe(
      amendmentTermEnd(calendar(), row.notified_on!, row.term_days + row.extension_days, row.municipality),
    );
    // The running suspension holds the term: the due date is past its own last day.
    expect(row.due_date > row.nominal_end!).toBe(true);
  }
  // Every case awaiting its amendment was asked for one, audited as the desk asks.
  const awaitingCases = await db
    .selectFrom('cases')
    .select('id')
    .where('state', '=', 'awaiting_amendment')
    .execute();
  expect(new Set(awaiting.map((row) => row.id))).toEqual(new Set(awaitingCases.map((row) => row.id)));
  for (const row of awaiting)
    expect(await auditActions(db, row.id)).toEqual(expect.arrayContaining(['amendment.requested']));
  expect(awaiting.some((row) => row.ends_on! >= today)).toBe(true);
  // Some terms ended unanswered: deemed withdrawal is what the processor is offered.
  expect(awaiting.some((row) => row.ends_on! < today)).toBe(true);
  expect(awaiting.some((row) => row.extension_days === 5)).toBe(true);

  // Stored due dates are the ones the deadline engine derives from the stored inputs.
  const suspendedIds = [...new Set([...pending.map((row) => row.id)])];
  for (const record of await loadTermRecords(db, suspendedIds))
    expect(record.dueDate).toBe(explainCaseDueDate(calendar(), record).dueDate);

  // A reply registered in time: the suspension ends the day it counts as filed, the case is worked again.
  const replied = await db
    .selectFrom('amendment_requests as q')
    .innerJoin('cases as c', 'c.id', 'q.case_id')
    .innerJoin('case_suspensions as s', 's.amendment_request_id', 'q.id')
    .select([
      'c.id',
      'c.state',
      'c.due_date',
      'c.nominal_end',
      'q.reply_deemed_on',
      'q.reply_late',
      's.to_on',
    ])
    .where('q.state', '=', 'replied')
    .execute();
  const workedAgain = replied.filter((row) => row.state === 'in_progress');
  expect(workedAgain.length).toBeGreaterThanOrEqual(3);
  for (const row of replied) {
    expect(row.reply_late).toBe(false);
    expect(row.to_on).toBe(row.reply_deemed_on);
    expect(row.due_date > row.nominal_end!).toBe(true);
    expect(await documentTypes(db, row.id)).toEqual(expect.arrayContaining(['TD06', 'TD18']));
    expect(await auditActions(db, row.id)).toEqual(
      expect.arrayContaining(['amendment.requested', 'amendment.replied']),
    );
  }
  for (const record of await loadTermRecords(
    db,
    replied.map((row) => row.id),
  ))
    expect(record.dueDate).toBe(explainCaseDueDate(calendar(), record).dueDate);

  // Reports filed in open cases, audited as the desk files them.
  const reported = await db
    .selectFrom('audit_trail as l')
    .innerJoin('cases as c', 'c.id', 'l.case_id')
    .select(['c.id'])
    .where('l.action', '=', 'casework.report_added')
    .where('c.state', '=', 'in_progress')
    .execute();
  expect(reported.length).toBeGreaterThanOrEqual(3);

  // Notifications of signed resolutions, in every state the site and the sweep leave them.
  const notifications = await db
    .selectFrom('notifications as n')
    .innerJoin('cases as c', 'c.id', 'n.case_id')
    .innerJoin('documents as d', 'd.id', 'n.document_id')
    .innerJoin('signature_requests as r', (join) =>
      join.onRef('r.case_id', '=', 'c.id').on('r.state', '=', 'signed'),
    )
    .select([
      'n.id',
      'n.channel',
      'n.state',
      'n.made_available_at',
      'n.rejects_at',
      'n.effective_at',
      'n.deemed_at',
      'c.state as case_state',
      'd.document_type',
      'r.closed_at as signed_at',
      'r.book_number',
    ])
    .where('n.purpose', '=', 'resolution')
    .execute();
  for (const row of notifications) {
    expect(row.document_type).toBe('TD01');
    expect(row.book_number).not.toBeNull();
    if (row.made_available_at) expect(row.made_available_at > row.signed_at!).toBe(true);
  }
  const inState = (state: string, channel = 'electronic') =>
    notifications.filter((row) => row.state === state && row.channel === channel);
  for (const row of inState('available')) {
    expect(row.case_state).toBe('resolved');
    expect(row.rejects_at!.getTime()).toBeGreaterThan(now.getTime());
  }
  expect(inState('available').length).toBeGreaterThanOrEqual(3);
  expect(inState('accessed').length).toBeGreaterThanOrEqual(3);
  expect(inState('rejected').length).toBeGreaterThanOrEqual(1);
  expect(inState('deemed_rejected').length).toBeGreaterThanOrEqual(1);
  for (const row of inState('deemed_rejected')) {
    expect(row.case_state).toBe('notified');
    expect(row.deemed_at).toEqual(row.rejects_at);
    expect(row.rejects_at!.getTime()).toBeLessThanOrEqual(now.getTime());
  }
  const paper = inState('delivered', 'paper');
  expect(paper.length).toBeGreaterThanOrEqual(1);
  for (const row of paper) {
    const attempts = await db
      .selectFrom('notification_events')
      .select(['outcome'])
      .where('notification_id', '=', row.id)
      .where('kind', '=', 'attempt')
      .orderBy('at')
      .execute();
    // Art. 42.2: absent at the first attempt, delivered at the second, on the other side of 15:00.
    expect(attempts.map((attempt) => attempt.outcome)).toEqual(['absent', 'delivered']);
    expect(row.case_state).toBe('notified');
  }

  // Withdrawals: the applicant's (art. 94) and the deemed one (art. 68.1), the cases closed withdrawn.
  const withdrawals = await sql<{ kind: string; state: string }>`
    select w.kind, c.state from withdrawals w join cases c on c.id = w.case_id`.execute(db);
  expect(new Set(withdrawals.rows.map((row) => row.kind))).toEqual(new Set(['applicant', 'deemed']));
  expect(withdrawals.rows.every((row) => row.state === 'withdrawn')).toBe(true);

  const expired = await db.selectFrom('cases').select('id').where('state', '=', 'expired').execute();
  expect(expired.length).toBeGreaterThan(0);
  expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
}

/** The archived cases with the whole file: application, request, reply, report and signed resolution. */
async function wholeFiles(db: Kysely<OfficeSchema>) {
  const archived = await db
    .selectFrom('cases as c')
    .innerJoin('notifications as n', 'n.case_id', 'c.id')
    .select(['c.id', 'c.number', 'n.state'])
    .where('n.purpose', '=', 'resolution')
    .where('c.state', '=', 'archived')
    .orderBy('c.id')
    .execute();
  const whole = [];
  for (const row of archived) {
    const types = await documentTypes(db, row.id);
    if (['TD14', 'TD06', 'TD18', 'TD13', 'TD01'].every((type) => types.includes(type)))
      whole.push({ ...row, types });
  }
  return whole;
}

/**
 * Every amendment request the city filed was issued as a desk issues one without a card (art. 68):
 * sealed with the office's seal, which pdfsig and openssl read against the demo office's CA.
 */
async function expectRequestsSealed(store: Store): Promise<void> {
  const requests = await store.db
    .selectFrom('amendment_requests as q')
    .innerJoin('documents as d', 'd.id', 'q.document_id')
    .select(['q.id', 'd.sha256'])
    .execute();
  expect(requests.length).toBeGreaterThanOrEqual(7);
  const contents = new DocumentContents(store.documentsDir);
  const stored = [];
  for (const request of requests) {
    const bytes = await contents.read(store.db, request.sha256);
    if (bytes) stored.push({ ...request, bytes });
  }
  // A server keeps the content of what its office files, not of what the seed writes in bulk.
  if (store.documentsDir === null) expect(stored.length).toBeGreaterThanOrEqual(3);
  else expect(stored).toHaveLength(requests.length);
  const sealCertificates = new Set<string>();
  for (const request of stored) {
    const file = join(scratch, `request-${request.id}-${request.sha256.slice(0, 8)}.pdf`);
    expectSealedByTheDemoOffice(file, request.bytes);
    const [signature] = extractSignatures(file);
    const [certificate] = parseSignedData(new Uint8Array(signature!.cms)).certificates;
    sealCertificates.add(Buffer.from(certificate!).toString('base64'));
  }
  // One seal for the whole city, the walked requests' and the bulk ones' alike: not a key per request.
  expect(sealCertificates.size).toBe(1);
}

describe.each(seededStores)('the demo city on %s', (_engine, seededStore) => {
  it('opens for the first time without deriving any due date again: each seeded one follows from its inputs, its nominal end stored', async () => {
    const store = await seededStore();
    try {
      expect(await recomputeDueDates(store.db, calendar(), now)).toEqual({
        checked: 0,
        changed: [],
        failed: [],
      });
      const withoutNominalEnd = await store.db
        .selectFrom('cases')
        .select('id')
        .where(sql<boolean>`is_open`)
        .where('nominal_end', 'is', null)
        .execute();
      expect(withoutNominalEnd).toEqual([]);
      const everyOne = await recomputeDueDates(store.db, calendar(), now, { always: true });
      expect(everyOne.checked).toBeGreaterThan(50);
      expect(everyOne.changed).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('holds cases at every stage of their life, with their records consistent', async () => {
    const store = await seededStore();
    try {
      await checkStages(store.db);
      await expectRequestsSealed(store);
      const whole = await wholeFiles(store.db);
      expect(whole.length).toBeGreaterThanOrEqual(2);
      expect(whole.every((row) => row.state === 'accessed')).toBe(true);
      // The sweep ten natural days later deems rejected every notification still unopened (art. 43.2).
      const later = new Date(now.getTime() + 12 * dayMs);
      const open = await store.db
        .selectFrom('notifications')
        .select('case_id')
        .where('state', '=', 'available')
        .execute();
      const outcome = await sweepNotifications(store.db, calendar(), later);
      expect(outcome.deemed).toBe(open.length);
      const after = await store.db
        .selectFrom('cases')
        .select('state')
        .where(
          'id',
          'in',
          open.map((row) => row.case_id),
        )
        .execute();
      expect(after.every((row) => row.state === 'notified')).toBe(true);
    } finally {
      await store.close();
    }
  });
});

describe('a demo city in a data folder, with the commands', () => {
  it('exports an archived case with its whole file, and `notifications sweep --now` deems the pending ones rejected', async () => {
    const dataDir = await seededPgliteCopy();
    let store = await openStore({ kind: 'pglite', dataDir });
    let archived: Awaited<ReturnType<typeof wholeFiles>>[number];
    let pendingCount: number;
    try {
      [archived] = (await wholeFiles(store.db)) as [typeof archived];
      pendingCount = (
        await store.db.selectFrom('notifications').select('id').where('state', '=', 'available').execute()
      ).length;
      expect(pendingCount).toBeGreaterThan(0);
    } finally {
      await store.close();
    }

    const out = join(scratch, 'archived.zip');
    const exported = await despachoRun(['export', archived.number, '--out', out, '--data', dataDir], {
      lang: 'es',
    });
    expect(exported.stderr).toBe('');
    expect(exported.code).toBe(0);
    const files = unzipSync(new Uint8Array(readFileSync(out)));
    const pdfs = Object.keys(files).filter((name) => /^documents\/\d{3}_.+\.pdf$/.test(name));
    expect(pdfs).toHaveLength(archived.types.length);
    // Each document with its ENI metadata: application, request, reply, report and resolution.
    const exportedTypes = Object.entries(files)
      .filter(([name]) => name.endsWith('.xml') && name !== 'index.xml')
      .map(([, bytes]) => /<enidocmeta:TipoDocumental>(TD\d\d)</.exec(new TextDecoder().decode(bytes))?.[1]);
    expect(exportedTypes.sort()).toEqual([...archived.types].sort());
    expect(archived.types).toEqual(expect.arrayContaining(['TD14', 'TD06', 'TD18', 'TD13', 'TD01']));

    const swept = await despachoRun(
      [
        'notifications',
        'sweep',
        '--data',
        dataDir,
        '--now',
        new Date(now.getTime() + 12 * dayMs).toISOString(),
      ],
      { lang: 'es' },
    );
    expect(swept.code).toBe(0);
    store = await openStore({ kind: 'pglite', dataDir });
    try {
      const left = await store.db
        .selectFrom('notifications')
        .select('id')
        .where('state', '=', 'available')
        .execute();
      expect(left).toEqual([]);
      const deemed = await store.db
        .selectFrom('notification_events')
        .select('id')
        .where('kind', '=', 'deemed_rejected')
        .execute();
      expect(deemed.length).toBeGreaterThanOrEqual(pendingCount);
    } finally {
      await store.close();
    }
  });
});

import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { seedDemoBook } from '../../../src/main/compose/demo-book';
import { withDocumentFile } from '../../../src/main/compose/document-files';
import { loadTrustStore } from '../../../src/main/desk/crypto/trust-store';
import { verifyPdf } from '../../../src/main/desk/verify/verify-pdf';
import { demoHeads } from '../../../src/main/office/book/demo-book';
import { EventBus } from '../../../src/main/events';
import { seedDemo } from '../../../src/main/office/demo/seed';
import { officeOnStore, type Office } from '../../../src/main/office/index';
import { verifyAuditChain } from '../../../src/main/office/store/audit';
import { migrate } from '../../../src/main/office/store/migrate';
import { openStore, type Store } from '../../../src/main/office/store/open-store';
import { maskNif } from '../../../src/shared/domain/nif-mask';
import { pdfsig, qpdfCheck } from '../../support/pdfs/validators';
import { calendar, Desk, fixedNow } from './support';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 300_000 });

/**
 * The demo city's book, built on a store that keeps document contents in the database (no
 * documents folder), as a PostgreSQL server does: the signers' certificates are read through
 * temporary copies there.
 */
let store: Store;
let office: Office;
let seeded: Awaited<ReturnType<typeof seedDemoBook>>;
const scratch = mkdtempSync(join(tmpdir(), 'despacho-demo-book-'));
const limit = 14;

beforeAll(async () => {
  store = await openStore({ kind: 'pglite-memory' });
  await migrate(store);
  await seedDemo(store, calendar(), { cases: 400, now: fixedNow });
  seeded = await seedDemoBook(store, { now: fixedNow, limit });
  office = await officeOnStore(
    store,
    { kind: 'pglite-memory' },
    {
      mode: 'embedded',
      signIn: 'demoPicker',
      events: new EventBus(),
      calendar: calendar(),
      now: () => fixedNow,
    },
  );
});
afterAll(async () => {
  await office.close();
  rmSync(scratch, { recursive: true, force: true });
});

const bookRows = () =>
  store.db
    .selectFrom('resolution_numbers as n')
    .innerJoin('signature_requests as q', (join) =>
      join.onRef('q.book_year', '=', 'n.year').onRef('q.book_number', '=', 'n.number'),
    )
    .innerJoin('documents as d', 'd.id', 'q.document_id')
    .innerJoin('cases as c', 'c.id', 'n.case_id')
    .select([
      'n.number',
      'n.state',
      'n.confirmed_at',
      'n.signer_id',
      'n.reserved_for',
      'q.id as request_id',
      'q.state as request_state',
      'c.department_id',
      'c.state as case_state',
      'd.sha256',
      'd.title',
      'd.document_type',
    ])
    .where('n.year', '=', 2026)
    .orderBy('n.number')
    .execute();

describe('the demo city’s resolutions book', () => {
  it('numbers this year’s resolved cases from 1, gap-free, in the order their heads signed them', async () => {
    expect(seeded).toEqual({ year: 2026, resolutions: limit });
    const rows = await bookRows();
    expect(rows.map((row) => row.number)).toEqual(Array.from({ length: limit }, (_, index) => index + 1));
    const heads = demoHeads();
    for (const [index, row] of rows.entries()) {
      expect(row).toMatchObject({
        state: 'confirmed',
        request_state: 'signed',
        document_type: 'TD01',
        title: `Resolución n.º 2026/${String(row.number).padStart(6, '0')}`,
        reserved_for: `signature-request:${row.request_id}`,
        signer_id: heads.get(row.department_id)!.actor.id,
      });
      expect(['resolved', 'notified', 'archived']).toContain(row.case_state);
      expect(row.confirmed_at!.getTime()).toBeLessThanOrEqual(fixedNow.getTime());
      if (index > 0)
        expect(row.confirmed_at!.getTime()).toBeGreaterThanOrEqual(rows[index - 1]!.confirmed_at!.getTime());
      expect(row.confirmed_at!.getUTCFullYear()).toBe(2026);
    }
    expect(new Set(rows.map((row) => row.department_id)).size).toBeGreaterThan(1);
    expect(await verifyAuditChain(store.db)).toMatchObject({ ok: true });
  });

  it('holds signed PDFs that every validator reads, and that verify as practice signatures by their head', async () => {
    const trust = loadTrustStore();
    const heads = demoHeads();
    for (const row of await bookRows()) {
      await withDocumentFile(store, row.sha256, async (path) => {
        expect(path).not.toBeNull();
        const [signature, ...more] = (await verifyPdf(path!, trust)).signatures;
        expect(more).toEqual([]);
        const head = heads.get(row.department_id)!;
        expect(signature).toMatchObject({
          verdict: 'training',
          integrity: { ok: true },
          signature: { ok: true },
          certificateValidAtTime: true,
          changesAfter: 'none',
          field: `firma-1-${head.actor.id}`,
          signer: { name: head.actor.name, nif: head.nif },
          chain: { status: 'training' },
        });
        expect(signature!.time.at).toBe(row.confirmed_at!.toISOString());
      });
    }
    const [first] = await bookRows();
    await withDocumentFile(store, first!.sha256, (path) => {
      const copy = join(scratch, 'first.pdf');
      copyFileSync(path!, copy);
      expect(qpdfCheck(copy).ok).toBe(true);
      const poppler = pdfsig(copy);
      expect(poppler.count).toBe(1);
      expect(poppler.unsignedFields).toBe(0);
    });
  });

  it('shows each entry’s signer with the NIF of their certificate, masked', async () => {
    const head = await new Desk(office, 'head').signIn('urb-jefatura');
    const page = await head.call('book.search', { year: 2026, sort: 'number_asc', limit: 50 });
    expect(page.total).toBe(limit);
    const heads = demoHeads();
    for (const entry of page.entries) {
      const nif = heads.get(entry.departmentId)!.nif;
      expect(entry.signer.nif).toBe(maskNif(nif));
      expect(entry.signer.nif).toMatch(/^\*\*\*\d{4}\*\*$/);
    }
  });

  it('is left alone when the year’s book has begun', async () => {
    const requests = async () =>
      (
        await store.db
          .selectFrom('signature_requests')
          .select(sql<number>`count(*)::int`.as('n'))
          .executeTakeFirstOrThrow()
      ).n;
    const before = { rows: await bookRows(), requests: await requests() };
    expect(await seedDemoBook(store, { now: fixedNow, limit })).toEqual({ year: 2026, resolutions: 0 });
    expect({ rows: await bookRows(), requests: await requests() }).toEqual(before);
  });
});

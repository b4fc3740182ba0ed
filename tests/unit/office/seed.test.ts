import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { seedDemo, StoreNotEmptyError } from '../../../src/main/office/demo/seed';
import { verifyAuditChain } from '../../../src/main/office/store/audit';
import { contentPath } from '../../../src/main/office/store/contents';
import { migrate } from '../../../src/main/office/store/migrate';
import { openStore, type Store } from '../../../src/main/office/store/open-store';
import { calendar, fixedNow, fixedToday } from './support';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const scratch = mkdtempSync(join(tmpdir(), 'despacho-seed-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function seeded(store: Store, cases: number, documents: boolean) {
  await migrate(store);
  return seedDemo(store, calendar(), { cases, now: fixedNow, documents });
}

const caseDigest = (store: Store) =>
  store.db
    .selectFrom('cases as c')
    .innerJoin('applicants as a', 'a.id', 'c.applicant_id')
    .select(['c.number', 'c.state', 'c.due_date', 'c.assignee_id', 'a.nif', 'a.name'])
    .orderBy('c.id')
    .execute();

describe('demo city', () => {
  it('stores 1–4 real PDF documents per case under their SHA-256, with ENI metadata', async () => {
    const dataDir = join(scratch, 'with-documents');
    const store = await openStore({ kind: 'pglite', dataDir });
    try {
      const summary = await seeded(store, 60, true);
      expect(summary).toMatchObject({ departments: 7, cases: 60 });
      expect(summary.procedures).toBeGreaterThanOrEqual(12);
      expect(summary.users).toBeGreaterThanOrEqual(35);
      const documents = await store.db.selectFrom('documents').selectAll().execute();
      expect(documents.length).toBe(summary.documents);
      const perCase = new Map<number, number>();
      for (const document of documents)
        perCase.set(document.case_id, (perCase.get(document.case_id) ?? 0) + 1);
      expect(perCase.size).toBe(60);
      expect(Math.min(...perCase.values())).toBeGreaterThanOrEqual(1);
      expect(Math.max(...perCase.values())).toBeLessThanOrEqual(4);
      for (const document of documents) {
        const bytes = readFileSync(contentPath(join(dataDir, 'documents'), document.sha256));
        expect(createHash('sha256').update(bytes).digest('hex')).toBe(document.sha256);
        expect(bytes.byteLength).toBe(document.size);
        expect(document.eni_id).toMatch(/^ES_L01031336_\d{4}_/);
        expect(document.document_type).toMatch(/^TD\d\d$/);
      }
      expect(new Set(documents.map((document) => document.sha256)).size).toBe(documents.length);
      const pdf = await PDFDocument.load(
        readFileSync(contentPath(join(dataDir, 'documents'), documents[0]!.sha256)),
      );
      expect(pdf.getPageCount()).toBe(1);
      expect(await verifyAuditChain(store.db)).toMatchObject({ ok: true });
      await expect(seedDemo(store, calendar(), { cases: 1, now: fixedNow })).rejects.toBeInstanceOf(
        StoreNotEmptyError,
      );
    } finally {
      await store.close();
    }
  });

  it('is the same city for the same seed and day, with cases overdue, due soon and unassigned', async () => {
    const [first, second] = [
      await openStore({ kind: 'pglite-memory' }),
      await openStore({ kind: 'pglite-memory' }),
    ];
    try {
      await seeded(first, 300, false);
      await seeded(second, 300, false);
      const cases = await caseDigest(first);
      expect(await caseDigest(second)).toEqual(cases);
      const open = cases.filter(
        (row) => !['resolved', 'notified', 'archived', 'withdrawn', 'expired'].includes(row.state),
      );
      expect(open.some((row) => row.due_date < fixedToday)).toBe(true);
      const soon = calendar().addBusinessDays(fixedToday, 5, []);
      expect(open.some((row) => row.due_date >= fixedToday && row.due_date <= soon)).toBe(true);
      expect(open.some((row) => row.assignee_id === null)).toBe(true);
      expect(new Set(cases.map((row) => row.state)).size).toBe(10);
    } finally {
      await first.close();
      await second.close();
    }
  });

  it('leaves the store empty when a request fails to be sealed, with others being sealed meanwhile', async () => {
    const store = await openStore({ kind: 'pglite-memory' });
    try {
      await migrate(store);
      let sealed = 0;
      const failing = seedDemo(store, calendar(), {
        cases: 300,
        now: fixedNow,
        sealRequest: async (request) => {
          sealed += 1;
          if (sealed === 6) throw new Error('the seal refused');
          return request.pdf;
        },
      });
      await expect(failing).rejects.toThrow('the seal refused');
      for (const table of [
        'departments',
        'cases',
        'documents',
        'amendment_requests',
        'audit_trail',
      ] as const) {
        const { n } = await store.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
        expect([table, Number(n)]).toEqual([table, 0]);
      }
    } finally {
      await store.close();
    }
  });

  it('leaves the store empty when seeding fails half-way, and seeds it afterwards', async () => {
    const store = await openStore({ kind: 'pglite-memory' });
    try {
      await migrate(store);
      const halfWay = seedDemo(store, calendar(), {
        cases: 1200,
        now: fixedNow,
        documents: false,
        onProgress: (done) => {
          if (done >= 500) throw new Error('interrupted');
        },
      });
      await expect(halfWay).rejects.toThrow('interrupted');
      for (const table of ['departments', 'users', 'applicants', 'cases', 'audit_trail'] as const) {
        const { n } = await store.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
        expect([table, Number(n)]).toEqual([table, 0]);
      }
      expect(await seedDemo(store, calendar(), { cases: 50, now: fixedNow, documents: false })).toMatchObject(
        {
          cases: 50,
        },
      );
      expect(await verifyAuditChain(store.db)).toMatchObject({ ok: true });
    } finally {
      await store.close();
    }
  });
});

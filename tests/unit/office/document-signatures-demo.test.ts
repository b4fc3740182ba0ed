import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { documentSignaturesHandlers } from '../../../src/main/compose/document-signatures';
import { seedDemoCity } from '../../../src/main/compose/office-store';
import { loadTrustStore } from '../../../src/main/desk/crypto/trust-store';
import { migrate } from '../../../src/main/office/store/migrate';
import { openStore, type Store } from '../../../src/main/office/store/open-store';
import type { ActorContext } from '../../../src/shared/api/dispatch';
import type { DocumentSignatures } from '../../../src/shared/api/index';
import { maskNif } from '../../../src/shared/domain/nif-mask';
import { calendar, fixedNow } from './support';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 300_000 });

/**
 * The demo city's documents that arrive signed, read through `documents.signatures` on a demo
 * desk's data folder: every application of a book case is signed by its applicant before it was
 * registered, with a practice certificate; in each department, the first one's copy was changed
 * after signing.
 */
const scratch = mkdtempSync(join(tmpdir(), 'despacho-demo-arrivals-'));
let store: Store;
let handlers: ReturnType<typeof documentSignaturesHandlers>;

beforeAll(async () => {
  store = await openStore({ kind: 'pglite', dataDir: join(scratch, 'data') });
  await migrate(store);
  await seedDemoCity(store, { cases: 300, calendar: calendar(), now: fixedNow });
  handlers = documentSignaturesHandlers({ store, trust: loadTrustStore({ env: {} }) });
});
afterAll(async () => {
  await store?.close();
  rmSync(scratch, { recursive: true, force: true });
});

const readerOf = (departmentId: string): ActorContext => ({
  connectionId: 'test',
  session: { get: () => 'reader', set: () => undefined },
  actor: { id: 'reader', name: 'Reader', departmentId, roles: ['processor'] },
});

const bookDocuments = (documentType: 'TD01' | 'TD14') =>
  store.db
    .selectFrom('signature_requests as s')
    .innerJoin('cases as c', 'c.id', 's.case_id')
    .innerJoin('applicants as a', 'a.id', 'c.applicant_id')
    .innerJoin('registry_entries as r', 'r.id', 'c.registry_entry_id')
    .innerJoin('documents as d', (join) =>
      join.onRef('d.case_id', '=', 'c.id').on('d.document_type', '=', documentType),
    )
    .select(['c.id as case_id', 'c.department_id', 'd.id', 'a.name', 'a.nif', 'r.registered_at'])
    .where('s.state', '=', 'signed')
    .orderBy('s.book_number')
    .execute();

const signaturesOf = (row: { case_id: number; id: number; department_id: string }) =>
  handlers['documents.signatures'](
    { caseId: String(row.case_id), documentId: String(row.id) },
    readerOf(row.department_id),
  ) as Promise<DocumentSignatures>;

describe('the demo city’s documents that arrive signed', () => {
  it('are the applications of the book’s cases, signed by their applicants before registry', async () => {
    const applications = await bookDocuments('TD14');
    expect(applications.length).toBeGreaterThan(5);
    const seen = new Set<string>();
    const verdicts: string[] = [];
    for (const application of applications) {
      const result = await signaturesOf(application);
      expect(result.state).toBe('signed');
      expect(result.signatures).toHaveLength(1);
      const [signature] = result.signatures;
      expect(signature!.holder).toBe(application.name);
      expect(signature!.nif).toBe(maskNif(application.nif));
      expect(new Date(signature!.signedAt!).getTime()).toBeLessThan(application.registered_at.getTime());
      const first = !seen.has(application.department_id);
      seen.add(application.department_id);
      expect([signature!.verdict, signature!.reason]).toEqual(
        first ? ['invalid', 'bytes_changed'] : ['training', 'practice_issuer'],
      );
      verdicts.push(signature!.verdict);
    }
    expect(verdicts).toContain('training');
    expect(verdicts).toContain('invalid');
  });

  it('leave the resolutions the heads signed as they were: training signatures', async () => {
    for (const resolution of (await bookDocuments('TD01')).slice(0, 5)) {
      const [signature] = (await signaturesOf(resolution)).signatures;
      expect(signature).toMatchObject({ verdict: 'training', reason: 'practice_issuer' });
    }
  });
});

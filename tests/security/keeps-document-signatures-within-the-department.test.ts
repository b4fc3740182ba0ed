import { describe, expect, it, vi } from 'vitest';
import type { BookEntry, CaseDetail, DocumentSignatures } from '../../src/shared/api/index';
import { demoDeskHostForFile } from './support/demo-desk-host';

/**
 * A document's signatures name their signers (holder, NIF, time): a user who could ask for any
 * document's would learn who signed what in other departments' cases. Over the real loopback host
 * and the demo city's signed documents: only the readers of the case (its department's processors
 * and heads) get them; another department's processor or head finds no such document, the
 * administrator may not ask, somebody signed out is told to sign in, and no NIF leaves unmasked.
 */
vi.setConfig({ testTimeout: 120_000, hookTimeout: 300_000 });

const served = demoDeskHostForFile('document-signatures', 140);
const { call } = served;

async function signedIn(userId: string): Promise<string> {
  const deskId = `desk-${userId}-signatures`;
  expect((await call('session.signIn', { userId }, deskId)).status).toBe(200);
  return deskId;
}

/** A signed resolution of a Tributos case, as its own head finds it through the book and the case. */
async function tributosSignedDocument(): Promise<{ caseId: string; documentId: string }> {
  const head = await signedIn('tri-jefatura');
  const years = await call<{ current: number }>('book.years', {}, head);
  const book = await call<{ entries: BookEntry[] }>(
    'book.search',
    { year: years.body.value!.current, limit: 200 },
    head,
  );
  const entry = book.body.value!.entries.find((candidate) => candidate.departmentId === 'tributos')!;
  const detail = await call<CaseDetail>('cases.get', { caseId: entry.caseId }, head);
  const document = detail.body.value!.documents.find((candidate) => candidate.sha256 === entry.sha256)!;
  return { caseId: entry.caseId, documentId: document.id };
}

describe('a document’s signatures', () => {
  it('are read by the case’s department only', async () => {
    const wanted = await tributosSignedDocument();
    for (const reader of ['tri-jefatura', 'tri-01']) {
      const reply = await call<DocumentSignatures>('documents.signatures', wanted, await signedIn(reader));
      expect(reply.status).toBe(200);
      expect(reply.body.value).toMatchObject({ state: 'signed', documentId: wanted.documentId });
      expect(reply.body.value!.signatures.length).toBeGreaterThan(0);
      expect(JSON.stringify(reply.body.value)).not.toMatch(/\d{8}[A-Z]/);
    }
    for (const outsider of ['urb-02', 'urb-jefatura']) {
      const reply = await call('documents.signatures', wanted, await signedIn(outsider));
      expect(reply.body).toEqual({ ok: false, error: { code: 'not_found' } });
    }
  });

  it('cannot be reached by naming another case’s document under one’s own case', async () => {
    const wanted = await tributosSignedDocument();
    const processor = await signedIn('urb-02');
    const own = await call<{ rows: { id: string }[] }>(
      'cases.list',
      { queue: 'unassigned', limit: 1 },
      processor,
    );
    const ownCaseId = own.body.value!.rows[0]!.id;
    const reply = await call(
      'documents.signatures',
      { caseId: ownCaseId, documentId: wanted.documentId },
      processor,
    );
    expect(reply.body).toEqual({ ok: false, error: { code: 'not_found' } });
  });

  it('are refused to the administrator and to somebody signed out', async () => {
    const wanted = await tributosSignedDocument();
    expect((await call('documents.signatures', wanted, await signedIn('admin'))).body).toEqual({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect((await call('documents.signatures', wanted, 'desk-nobody')).body).toEqual({
      ok: false,
      error: { code: 'not_signed_in' },
    });
  });
});

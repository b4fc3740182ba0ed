import { createHash } from 'node:crypto';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { contentPath } from '../../src/main/office/store/contents';
import type { CaseDetail, CaseDocument, DocumentContent } from '../../src/shared/api/index';
import { documentContentMaxLength } from '../../src/shared/api/documents';
import { demoDeskHostForFile } from './support/demo-desk-host';

/**
 * A document's bytes are the case itself (applications, reports, resolutions with names and NIFs):
 * a user who could ask for any document's bytes would read other departments' cases. Over the real
 * loopback host and the demo city's documents: only the case's readers get its bytes, a range at a
 * time and exactly the recorded ones; another department finds no such document, a range outside
 * the document or too large is refused, and bytes that are not the recorded ones are never lent.
 */
vi.setConfig({ testTimeout: 120_000, hookTimeout: 300_000 });

const served = demoDeskHostForFile('document-contents', 60);
const { call } = served;

async function signedIn(userId: string): Promise<string> {
  const deskId = `desk-${userId}-contents`;
  expect((await call('session.signIn', { userId }, deskId)).status).toBe(200);
  return deskId;
}

/** Every document of the first unassigned case of the reader's queue. */
async function documentsOfACase(reader: string): Promise<{ caseId: string; documents: CaseDocument[] }> {
  const desk = await signedIn(reader);
  const list = await call<{ rows: { id: string }[] }>('cases.list', { queue: 'unassigned', limit: 1 }, desk);
  const caseId = list.body.value!.rows[0]!.id;
  const detail = await call<CaseDetail>('cases.get', { caseId }, desk);
  return { caseId, documents: detail.body.value!.documents };
}

async function tributosDocument(): Promise<{ caseId: string; documentId: string; document: CaseDocument }> {
  const { caseId, documents } = await documentsOfACase('tri-01');
  const document = documents[0]!;
  return { caseId, documentId: document.id, document };
}

describe('a document’s bytes', () => {
  it('are lent by range to the case’s readers, exactly the recorded bytes', async () => {
    const { caseId, documentId, document } = await tributosDocument();
    for (const reader of ['tri-01', 'tri-jefatura']) {
      const desk = await signedIn(reader);
      const chunk = Math.max(1, Math.ceil(document.size / 3));
      const parts: Buffer[] = [];
      for (let offset = 0; offset < document.size; offset += chunk) {
        const reply = await call<DocumentContent>(
          'documents.content',
          { caseId, documentId, offset, length: chunk },
          desk,
        );
        expect(reply.status).toBe(200);
        const value = reply.body.value!;
        if (value.state !== 'available') throw new Error(`expected bytes, got ${value.state}`);
        expect(value).toMatchObject({ size: document.size, sha256: document.sha256, offset });
        parts.push(Buffer.from(value.base64, 'base64'));
      }
      const whole = Buffer.concat(parts);
      expect(whole.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(createHash('sha256').update(whole).digest('hex')).toBe(document.sha256);
    }
  });

  it('are not found by another department, nor under one’s own case', async () => {
    const wanted = await tributosDocument();
    const range = { caseId: wanted.caseId, documentId: wanted.documentId, offset: 0, length: 1024 };
    for (const outsider of ['urb-02', 'urb-jefatura']) {
      const reply = await call('documents.content', range, await signedIn(outsider));
      expect(reply.body).toEqual({ ok: false, error: { code: 'not_found' } });
    }
    const own = await documentsOfACase('urb-02');
    const reply = await call('documents.content', { ...range, caseId: own.caseId }, await signedIn('urb-02'));
    expect(reply.body).toEqual({ ok: false, error: { code: 'not_found' } });
  });

  it('are refused to the administrator and to somebody signed out', async () => {
    const { caseId, documentId } = await tributosDocument();
    const range = { caseId, documentId, offset: 0, length: 1024 };
    expect((await call('documents.content', range, await signedIn('admin'))).body).toEqual({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect((await call('documents.content', range, 'desk-nobody')).body).toEqual({
      ok: false,
      error: { code: 'not_signed_in' },
    });
  });

  it('refuse a range outside the document or larger than one call lends', async () => {
    const { caseId, documentId, document } = await tributosDocument();
    const desk = await signedIn('tri-01');
    const refused = [
      { offset: -1, length: 1024 },
      { offset: 0, length: 0 },
      { offset: 0, length: documentContentMaxLength + 1 },
      { offset: 0.5, length: 1024 },
      { offset: document.size + 1, length: 1024 },
    ];
    for (const range of refused) {
      const reply = await call('documents.content', { caseId, documentId, ...range }, desk);
      expect(reply.body.ok, JSON.stringify(range)).toBe(false);
      expect(reply.body.error?.code).toBe('invalid_input');
    }
    const tail = await call<DocumentContent>(
      'documents.content',
      { caseId, documentId, offset: document.size - 10, length: 1024 },
      desk,
    );
    const value = tail.body.value!;
    expect(value.state === 'available' && Buffer.from(value.base64, 'base64').length).toBe(10);
  });

  it('are said to be missing when the stored file is not the recorded one', async () => {
    const { caseId, documentId, document } = await tributosDocument();
    const desk = await signedIn('tri-01');
    const range = { caseId, documentId, offset: 0, length: 1024 };
    // Read once, so the file's hash is known to be right before it changes under the desk.
    expect((await call<DocumentContent>('documents.content', range, desk)).body.value!.state).toBe(
      'available',
    );
    const path = contentPath(join(served.dir, 'data', 'documents'), document.sha256);
    const kept = `${path}.kept`;
    copyFileSync(path, kept);
    try {
      writeFileSync(path, '%PDF-1.7\nnot the recorded bytes\n');
      expect((await call<DocumentContent>('documents.content', range, desk)).body.value).toEqual({
        state: 'missing',
      });
    } finally {
      copyFileSync(kept, path);
    }
    expect((await call<DocumentContent>('documents.content', range, desk)).body.value!.state).toBe(
      'available',
    );
  });
});

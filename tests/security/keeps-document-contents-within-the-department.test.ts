import { createHash } from 'node:crypto';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { contentPath } from '../../src/main/office/store/contents';
import type { CaseDetail, CaseDocument } from '../../src/shared/api/index';
import {
  documentContentMaxLength,
  documentRangesMaxCount,
  type DocumentContentRanges,
} from '../../src/shared/api/documents';
import { demoDeskHostForFile } from './support/demo-desk-host';

/**
 * A document's bytes are the case itself (applications, reports, resolutions with names and NIFs):
 * a user who could ask for any document's bytes would read other departments' cases. Over the real
 * loopback host and the demo city's documents: only the case's readers get its bytes, by ranges
 * (many in one call, as the viewer opening a long scan asks) and exactly the recorded ones; another
 * department finds no such document, ranges outside the document or more than a call may carry are
 * refused, and bytes that are not the recorded ones are never lent.
 */
vi.setConfig({ testTimeout: 120_000, hookTimeout: 300_000 });

const served = demoDeskHostForFile('document-contents', 140);
const { call } = served;

type Range = { offset: number; length: number };

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

const read = (input: { caseId: string; documentId: string; ranges: Range[] }, desk: string) =>
  call<DocumentContentRanges>('documents.contentRanges', input, desk);

describe('a document’s bytes', () => {
  it('are lent by ranges to the case’s readers, in the order asked, exactly the recorded bytes', async () => {
    const { caseId, documentId, document } = await tributosDocument();
    const chunk = Math.max(1, Math.ceil(document.size / 3));
    const thirds: Range[] = [];
    for (let offset = 0; offset < document.size; offset += chunk) thirds.push({ offset, length: chunk });
    for (const reader of ['tri-01', 'tri-jefatura']) {
      const desk = await signedIn(reader);
      const whole = await read({ caseId, documentId, ranges: [...thirds].reverse() }, desk);
      expect(whole.status).toBe(200);
      const value = whole.body.value!;
      if (value.state !== 'available') throw new Error(`expected bytes, got ${value.state}`);
      expect(value).toMatchObject({ size: document.size, sha256: document.sha256 });
      const bytes = Buffer.concat(value.base64.map((part) => Buffer.from(part, 'base64')).reverse());
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(document.sha256);

      const cut = await read(
        {
          caseId,
          documentId,
          ranges: [
            { offset: 1, length: 4 },
            { offset: document.size - 3, length: 100 },
          ],
        },
        desk,
      );
      const parts = cut.body.value!.state === 'available' ? cut.body.value!.base64 : [];
      expect(parts.map((part) => Buffer.from(part, 'base64').toString('latin1').length)).toEqual([4, 3]);
      expect(Buffer.from(parts[0]!, 'base64').toString('latin1')).toBe('PDF-');
    }
  });

  it('are not found by another department, nor under one’s own case', async () => {
    const wanted = await tributosDocument();
    const input = {
      caseId: wanted.caseId,
      documentId: wanted.documentId,
      ranges: [{ offset: 0, length: 1024 }],
    };
    for (const outsider of ['urb-02', 'urb-jefatura']) {
      const reply = await read(input, await signedIn(outsider));
      expect(reply.body).toEqual({ ok: false, error: { code: 'not_found' } });
    }
    const own = await documentsOfACase('urb-02');
    const reply = await read({ ...input, caseId: own.caseId }, await signedIn('urb-02'));
    expect(reply.body).toEqual({ ok: false, error: { code: 'not_found' } });
  });

  it('are refused to the administrator and to somebody signed out', async () => {
    const { caseId, documentId } = await tributosDocument();
    const input = { caseId, documentId, ranges: [{ offset: 0, length: 1024 }] };
    expect((await read(input, await signedIn('admin'))).body).toEqual({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect((await read(input, 'desk-nobody')).body).toEqual({
      ok: false,
      error: { code: 'not_signed_in' },
    });
  });

  it('refuse no ranges, too many, too many bytes together, or one outside the document', async () => {
    const { caseId, documentId, document } = await tributosDocument();
    const desk = await signedIn('tri-01');
    const refused: Range[][] = [
      [],
      Array.from({ length: documentRangesMaxCount + 1 }, (_, index) => ({ offset: index, length: 1 })),
      [{ offset: 0, length: documentContentMaxLength + 1 }],
      [
        { offset: 0, length: documentContentMaxLength },
        { offset: 0, length: 1 },
      ],
      [{ offset: -1, length: 10 }],
      [{ offset: 0, length: 0 }],
      [{ offset: 0.5, length: 10 }],
      [
        { offset: 0, length: 10 },
        { offset: document.size + 1, length: 10 },
      ],
    ];
    for (const ranges of refused) {
      const reply = await read({ caseId, documentId, ranges }, desk);
      expect(reply.body.ok, JSON.stringify(ranges).slice(0, 80)).toBe(false);
      expect(reply.body.error?.code).toBe('invalid_input');
    }
  });

  it('are said to be missing when the stored file is not the recorded one', async () => {
    const { caseId, documentId, document } = await tributosDocument();
    const desk = await signedIn('tri-01');
    const input = { caseId, documentId, ranges: [{ offset: 0, length: 1024 }] };
    // Read once, so the file's hash is known to be right before it changes under the desk.
    expect((await read(input, desk)).body.value!.state).toBe('available');
    const path = contentPath(join(served.dir, 'data', 'documents'), document.sha256);
    const kept = `${path}.kept`;
    copyFileSync(path, kept);
    try {
      writeFileSync(path, '%PDF-1.7\nnot the recorded bytes\n');
      expect((await read(input, desk)).body.value).toEqual({ state: 'missing' });
    } finally {
      copyFileSync(kept, path);
    }
    expect((await read(input, desk)).body.value!.state).toBe('available');
  });
});

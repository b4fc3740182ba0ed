import { describe, expect, it, vi } from 'vitest';
import type { CaseDetail, CaseDocument } from '../../src/shared/api/index';
import {
  documentContentMaxLength,
  documentRangesMaxCount,
  type DocumentContentRanges,
} from '../../src/shared/api/documents';
import { demoDeskHostForFile } from './support/demo-desk-host';

/**
 * `documents.contentRanges` lends many ranges of a document in one call (the viewer opening a long
 * scan): the same department rule as a single range, once per call, and never more bytes or ranges
 * than a call may carry. Over the real loopback host and the demo city's documents.
 */
vi.setConfig({ testTimeout: 120_000, hookTimeout: 300_000 });

const { call } = demoDeskHostForFile('document-ranges', 60);

async function signedIn(userId: string): Promise<string> {
  const deskId = `desk-${userId}-ranges`;
  expect((await call('session.signIn', { userId }, deskId)).status).toBe(200);
  return deskId;
}

async function tributosDocument(): Promise<{ caseId: string; document: CaseDocument }> {
  const desk = await signedIn('tri-01');
  const list = await call<{ rows: { id: string }[] }>('cases.list', { queue: 'unassigned', limit: 1 }, desk);
  const caseId = list.body.value!.rows[0]!.id;
  const detail = await call<CaseDetail>('cases.get', { caseId }, desk);
  return { caseId, document: detail.body.value!.documents[0]! };
}

describe('many ranges of a document’s bytes in one call', () => {
  it('are lent to the case’s readers in the order asked, the last one cut at the end', async () => {
    const { caseId, document } = await tributosDocument();
    const ranges = [
      { offset: 0, length: 5 },
      { offset: document.size - 3, length: 100 },
      { offset: 1, length: 4 },
    ];
    for (const reader of ['tri-01', 'tri-jefatura']) {
      const reply = await call<DocumentContentRanges>(
        'documents.contentRanges',
        { caseId, documentId: document.id, ranges },
        await signedIn(reader),
      );
      const value = reply.body.value!;
      if (value.state !== 'available') throw new Error(`expected bytes, got ${value.state}`);
      expect(value).toMatchObject({ size: document.size, sha256: document.sha256 });
      const parts = value.base64.map((part) => Buffer.from(part, 'base64'));
      expect(parts.map((part) => part.length)).toEqual([5, 3, 4]);
      expect(parts[0]!.toString('latin1')).toBe('%PDF-');
      expect(parts[2]!.toString('latin1')).toBe('PDF-');
    }
  });

  it('are not found by another department and refused to the administrator', async () => {
    const { caseId, document } = await tributosDocument();
    const input = { caseId, documentId: document.id, ranges: [{ offset: 0, length: 1024 }] };
    for (const outsider of ['urb-02', 'urb-jefatura']) {
      const reply = await call('documents.contentRanges', input, await signedIn(outsider));
      expect(reply.body).toEqual({ ok: false, error: { code: 'not_found' } });
    }
    expect((await call('documents.contentRanges', input, await signedIn('admin'))).body).toEqual({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('refuse no ranges, too many, too many bytes together, or one outside the document', async () => {
    const { caseId, document } = await tributosDocument();
    const desk = await signedIn('tri-01');
    const refused = [
      [],
      Array.from({ length: documentRangesMaxCount + 1 }, (_, index) => ({ offset: index, length: 1 })),
      [
        { offset: 0, length: documentContentMaxLength },
        { offset: 0, length: 1 },
      ],
      [{ offset: -1, length: 10 }],
      [
        { offset: 0, length: 10 },
        { offset: document.size + 1, length: 10 },
      ],
    ];
    for (const ranges of refused) {
      const reply = await call('documents.contentRanges', { caseId, documentId: document.id, ranges }, desk);
      expect(reply.body.ok, JSON.stringify(ranges).slice(0, 80)).toBe(false);
      expect(reply.body.error?.code).toBe('invalid_input');
    }
  });
});

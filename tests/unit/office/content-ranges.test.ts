import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DocumentContents, sha256Hex } from '../../../src/main/office/signatures/document-contents';
import { contentRanges } from '../../../src/main/office/store/content-ranges';
import { contentPath, storeContent } from '../../../src/main/office/store/contents';
import { migrate } from '../../../src/main/office/store/migrate';
import { openStore, type Store } from '../../../src/main/office/store/open-store';

const bytes = new Uint8Array(randomBytes(300_000));
const sha256 = sha256Hex(bytes);
const scratch = mkdtempSync(join(tmpdir(), 'despacho-ranges-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The two places a store keeps contents: its documents folder, or the database's table. */
const places: [string, () => Promise<Pick<Store, 'db' | 'documentsDir'> & { close(): Promise<void> }>][] = [
  [
    'a documents folder',
    async () => {
      const store = await openStore({ kind: 'pglite-memory' });
      const documentsDir = mkdtempSync(join(scratch, 'documents-'));
      storeContent(documentsDir, bytes);
      return { db: store.db, documentsDir, close: () => store.close() };
    },
  ],
  [
    'the document_contents table',
    async () => {
      const store = await openStore({ kind: 'pglite-memory' });
      await migrate(store);
      const contents = new DocumentContents(null);
      await store.db.transaction().execute((trx) => contents.record(trx, sha256, bytes));
      return store;
    },
  ],
];

describe.each(places)('ranges of a document kept in %s', (_place, open) => {
  it('are the stored bytes at each offset, in the order asked, shorter at the end, with the whole size', async () => {
    const store = await open();
    try {
      const read = contentRanges(store);
      const found = await read(sha256, [
        { offset: 1000, length: 5000 },
        { offset: 0, length: 10 },
        { offset: bytes.byteLength - 7, length: 5000 },
        { offset: bytes.byteLength, length: 10 },
      ]);
      expect(found?.size).toBe(bytes.byteLength);
      expect(found?.parts.map((part) => Buffer.from(part))).toEqual([
        Buffer.from(bytes.subarray(1000, 6000)),
        Buffer.from(bytes.subarray(0, 10)),
        Buffer.from(bytes.subarray(bytes.byteLength - 7)),
        Buffer.alloc(0),
      ]);
    } finally {
      await store.close();
    }
  });

  it('are missing for contents nobody stored', async () => {
    const store = await open();
    try {
      expect(
        await contentRanges(store)(sha256Hex(new Uint8Array([1, 2, 3])), [{ offset: 0, length: 10 }]),
      ).toBeNull();
    } finally {
      await store.close();
    }
  });
});

describe('ranges of a documents folder’s file', () => {
  it('are missing once the file no longer hashes to its name, and back when it does again', async () => {
    const documentsDir = mkdtempSync(join(scratch, 'changed-'));
    storeContent(documentsDir, bytes);
    const read = contentRanges({ db: null as never, documentsDir });
    const first = [{ offset: 0, length: 10 }];
    expect(await read(sha256, first)).not.toBeNull();
    const path = contentPath(documentsDir, sha256);
    writeFileSync(path, Buffer.from('%PDF-1.7 other bytes'));
    expect(await read(sha256, first)).toBeNull();
    writeFileSync(path, bytes);
    expect((await read(sha256, first))?.parts).toEqual([bytes.subarray(0, 10)]);
  });
});

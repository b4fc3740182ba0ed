import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { DocumentContents, sha256Hex } from '../../../src/main/office/signatures/document-contents';
import { contentRanges } from '../../../src/main/office/store/content-ranges';
import { defaultMigrationsDir, migrate } from '../../../src/main/office/store/migrate';
import { openStore, type Store } from '../../../src/main/office/store/open-store';
import { storeEngines } from '../../support/store-engines';

/**
 * A PostgreSQL server's office keeps documents in `document_contents`, and the viewer reads them
 * by ranges with `substring`. A compressed value is decompressed up to the range on every read
 * (all of a 30 MB scan for its last page), so migration 0017 stores the column uncompressed, the
 * values already stored included; the ranges read are the stored bytes, on both engines.
 */
const scratch = mkdtempSync(join(tmpdir(), 'despacho-content-ranges-it-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The shipped migrations up to and including `last`, in a folder of their own. */
function migrationsUpTo(last: string): string {
  const dir = mkdtempSync(join(scratch, 'migrations-'));
  for (const name of readdirSync(defaultMigrationsDir).filter(
    (file) => file.endsWith('.sql') && file <= last,
  ))
    copyFileSync(join(defaultMigrationsDir, name), join(dir, name));
  return dir;
}

const uncompressed = '0017_document_contents_uncompressed.sql';

/** Text that compresses well, as an uncompressed PDF's page descriptions do. */
const compressible = (size: number) =>
  new TextEncoder().encode(
    'BT /F1 11 Tf 56 750 Td (Memoria descriptiva de la obra) Tj ET\n'.repeat(size / 60),
  );

async function store(store: Store, bytes: Uint8Array): Promise<string> {
  const sha256 = sha256Hex(bytes);
  await store.db.transaction().execute((trx) => new DocumentContents(null).record(trx, sha256, bytes));
  return sha256;
}

const compressionOf = async (db: Store['db'], sha256: string) =>
  (
    await sql<{ compression: string | null }>`
      select pg_column_compression(content) as compression from document_contents where sha256 = ${sha256}`.execute(
      db,
    )
  ).rows[0]?.compression;

describe.each(storeEngines(scratch, 'content_ranges'))('document contents on %s', (_engine, location) => {
  it('are rewritten uncompressed by migration 0017, bytes unchanged', async () => {
    const db = await openStore(await location());
    try {
      await migrate(db, migrationsUpTo('0016_training_completions.sql'));
      const text = compressible(2 * 2 ** 20);
      const textSha = await store(db, text);
      const noise = await store(db, new Uint8Array(randomBytes(256 * 1024)));
      expect(await compressionOf(db.db, textSha)).toBe('pglz');
      expect(await migrate(db, migrationsUpTo(uncompressed))).toEqual([uncompressed]);
      expect(await compressionOf(db.db, textSha)).toBeNull();
      expect(await compressionOf(db.db, noise)).toBeNull();
      const hashes = await sql<{ sha256: string; actual: string }>`
        select sha256, encode(sha256(content), 'hex') as actual from document_contents order by sha256`.execute(
        db.db,
      );
      expect(hashes.rows.map((row) => row.actual)).toEqual(hashes.rows.map((row) => row.sha256));
    } finally {
      await db.close();
    }
  });

  it('lend a large document by ranges, hundreds in one read, exactly the stored bytes', async () => {
    const db = await openStore(await location());
    try {
      await migrate(db, migrationsUpTo(uncompressed));
      const bytes = new Uint8Array(6 * 2 ** 20);
      bytes.set(compressible(3 * 2 ** 20));
      bytes.set(randomBytes(bytes.length - 3 * 2 ** 20), 3 * 2 ** 20);
      const sha256 = await store(db, bytes);
      expect(await compressionOf(db.db, sha256)).toBeNull();
      const ranges = Array.from({ length: 300 }, (_, index) => ({
        offset: Math.floor((index * bytes.length) / 300) + 777,
        length: 4096,
      }));
      ranges.push({ offset: bytes.length - 100, length: 4096 });
      const found = await contentRanges({ db: db.db, documentsDir: null })(sha256, ranges);
      expect(found?.size).toBe(bytes.length);
      expect(found?.parts.length).toBe(ranges.length);
      for (const [index, { offset, length }] of ranges.entries())
        expect(
          Buffer.from(found!.parts[index]!).equals(Buffer.from(bytes.subarray(offset, offset + length))),
        ).toBe(true);
    } finally {
      await db.close();
    }
  });
});

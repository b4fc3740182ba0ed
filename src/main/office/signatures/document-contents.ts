import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { Kysely, Transaction } from 'kysely';
import { contentPath, storeContent } from '../store/contents';
import type { OfficeSchema } from '../store/schema';

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/**
 * Where a store keeps document contents: its documents folder (content-addressed files, like the
 * demo documents), or, for a store without one (a PostgreSQL server), the `document_contents` table.
 */
export class DocumentContents {
  constructor(private readonly documentsDir: string | null) {}

  /** Before the transaction that records the document: a crash after it leaves only an unused file. */
  writeFile(bytes: Uint8Array): void {
    if (this.documentsDir !== null) storeContent(this.documentsDir, bytes);
  }

  /** Inside that transaction, for a store that keeps contents in the database. */
  async record(trx: Transaction<OfficeSchema>, sha256: string, bytes: Uint8Array): Promise<void> {
    if (this.documentsDir !== null) return;
    await trx
      .insertInto('document_contents')
      .values({ sha256, content: bytes })
      .onConflict((conflict) => conflict.column('sha256').doNothing())
      .execute();
  }

  /** The bytes stored under `sha256`, or null when they are missing or no longer hash to it. */
  async read(db: Kysely<OfficeSchema>, sha256: string): Promise<Uint8Array | null> {
    let bytes: Uint8Array | null = null;
    if (this.documentsDir !== null) {
      const path = contentPath(this.documentsDir, sha256);
      bytes = existsSync(path) ? new Uint8Array(readFileSync(path)) : null;
    } else {
      const row = await db
        .selectFrom('document_contents')
        .select('content')
        .where('sha256', '=', sha256)
        .executeTakeFirst();
      bytes = row ? new Uint8Array(row.content) : null;
    }
    return bytes !== null && sha256Hex(bytes) === sha256 ? bytes : null;
  }
}

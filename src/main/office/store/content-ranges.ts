import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { sql } from 'kysely';
import { contentPath } from './contents';
import type { Store } from './open-store';

/** One range of a stored document, or null when its bytes are missing or not the ones recorded. */
export interface ContentRange {
  size: number;
  bytes: Uint8Array;
}

export type ContentRangeReader = (
  sha256: string,
  offset: number,
  length: number,
) => Promise<ContentRange | null>;

async function fileSha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}

/**
 * Reads ranges of the documents folder's content-addressed files, never a whole file per call. A
 * file's hash is checked the first time it is read, and again only when its size or time changes:
 * a viewer asks for dozens of ranges of the same 30 MB.
 */
function folderRanges(documentsDir: string): ContentRangeReader {
  const verified = new Map<string, string>();
  return async (sha256, offset, length) => {
    const path = contentPath(documentsDir, sha256);
    const handle = await open(path, 'r').catch(() => null);
    if (handle === null) return null;
    try {
      const { size, mtimeMs } = await handle.stat();
      const stamp = `${size}:${mtimeMs}`;
      if (verified.get(sha256) !== stamp) {
        if ((await fileSha256(path)) !== sha256) return null;
        // The file may have been replaced while it was hashed: what was hashed is what is stamped.
        const after = await stat(path);
        if (`${after.size}:${after.mtimeMs}` !== stamp) return null;
        verified.set(sha256, stamp);
      }
      const wanted = Math.max(0, Math.min(length, size - offset));
      const bytes = new Uint8Array(wanted);
      let read = 0;
      while (read < wanted) {
        const { bytesRead } = await handle.read(bytes, read, wanted - read, offset + read);
        if (bytesRead === 0) break;
        read += bytesRead;
      }
      return { size, bytes: bytes.subarray(0, read) };
    } finally {
      await handle.close();
    }
  };
}

/**
 * Reads ranges of the `document_contents` table (a PostgreSQL server's store) with `substring`, so
 * the database sends only the range; its rows never change, so each hash is checked once.
 */
function tableRanges(db: Store['db']): ContentRangeReader {
  const verified = new Set<string>();
  return async (sha256, offset, length) => {
    const row = await db
      .selectFrom('document_contents')
      .select([
        sql<number>`octet_length(content)`.as('size'),
        sql<Uint8Array>`substring(content from ${offset + 1} for ${length})`.as('range'),
        ...(verified.has(sha256) ? [] : [sql<string>`encode(sha256(content), 'hex')`.as('actual')]),
      ])
      .where('sha256', '=', sha256)
      .executeTakeFirst();
    if (!row) return null;
    const actual = (row as { actual?: string }).actual;
    if (actual !== undefined) {
      if (actual !== sha256) return null;
      verified.add(sha256);
    }
    return { size: Number(row.size), bytes: new Uint8Array(row.range) };
  };
}

/** Where a store's document bytes are read by range: its documents folder, or else its table. */
export const contentRanges = (store: Pick<Store, 'db' | 'documentsDir'>): ContentRangeReader =>
  store.documentsDir !== null ? folderRanges(store.documentsDir) : tableRanges(store.db);

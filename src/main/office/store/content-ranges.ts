import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { sql } from 'kysely';
import { contentPath } from './contents';
import type { Store } from './open-store';

/** `length` bytes from `offset`. */
export interface ByteRange {
  offset: number;
  length: number;
}

/**
 * Ranges of a stored document, each's bytes in the order asked (fewer at the end of the document,
 * none past it), with the document's whole size; or null when its bytes are missing or not the
 * ones recorded.
 */
export interface ContentRanges {
  size: number;
  parts: Uint8Array[];
}

/** Reads at least one range. */
export type ContentRangesReader = (
  sha256: string,
  ranges: readonly ByteRange[],
) => Promise<ContentRanges | null>;

async function fileSha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}

async function readAt(handle: FileHandle, size: number, { offset, length }: ByteRange): Promise<Uint8Array> {
  const wanted = Math.max(0, Math.min(length, size - offset));
  const bytes = new Uint8Array(wanted);
  let read = 0;
  while (read < wanted) {
    const { bytesRead } = await handle.read(bytes, read, wanted - read, offset + read);
    if (bytesRead === 0) break;
    read += bytesRead;
  }
  return bytes.subarray(0, read);
}

/**
 * Reads ranges of the documents folder's content-addressed files, never a whole file per call, and
 * all the ranges of one call through one open file. A file's hash is checked the first time it is
 * read, and again only when its size or time changes: a viewer asks for hundreds of ranges of the
 * same 30 MB.
 */
function folderRanges(documentsDir: string): ContentRangesReader {
  const verified = new Map<string, string>();
  return async (sha256, ranges) => {
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
      // Positional reads of one handle do not disturb each other: the disk's queue orders them.
      return { size, parts: await Promise.all(ranges.map((range) => readAt(handle, size, range))) };
    } finally {
      await handle.close();
    }
  };
}

/** Past any bytea (at most 1 GB): `substring` from there is empty, as past the document's end. */
const beyondAnyContent = 2 ** 31 - 1;

/**
 * Reads ranges of the `document_contents` table (a PostgreSQL server's store) in one query, with
 * `substring`, so the database sends only the ranges. The column is stored uncompressed (migration
 * 0017): a slice of a compressed value decompresses everything before it, every call. Its rows
 * never change, so each hash is checked once.
 */
function tableRanges(db: Store['db']): ContentRangesReader {
  const verified = new Set<string>();
  return async (sha256, ranges) => {
    if (!verified.has(sha256)) {
      const row = await db
        .selectFrom('document_contents')
        .select(sql<string>`encode(sha256(content), 'hex')`.as('actual'))
        .where('sha256', '=', sha256)
        .executeTakeFirst();
      if (row?.actual !== sha256) return null;
      verified.add(sha256);
    }
    const starts = ranges.map(({ offset }) => Math.min(offset + 1, beyondAnyContent));
    const lengths = ranges.map(({ length }) => length);
    const { rows } = await sql<{ size: number; part: Uint8Array }>`
      select octet_length(c.content) as size, substring(c.content from r.start for r.length) as part
      from document_contents c
      cross join unnest(${starts}::integer[], ${lengths}::integer[]) with ordinality as r(start, length, position)
      where c.sha256 = ${sha256}
      order by r.position`.execute(db);
    const first = rows[0];
    if (first === undefined || rows.length !== ranges.length) return null;
    return { size: Number(first.size), parts: rows.map((row) => new Uint8Array(row.part)) };
  };
}

/** Where a store's document bytes are read by range: its documents folder, or else its table. */
export const contentRanges = (store: Pick<Store, 'db' | 'documentsDir'>): ContentRangesReader =>
  store.documentsDir !== null ? folderRanges(store.documentsDir) : tableRanges(store.db);

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DocumentContents } from '../office/signatures/document-contents';
import { contentPath } from '../office/store/contents';
import type { Store } from '../office/store/open-store';

/**
 * Lends a stored document to the desk's readers, which work on files: the content-addressed file
 * itself when the store has a documents folder, else a private temporary copy removed afterwards.
 * `use` gets null when the contents are missing or no longer hash to `sha256`.
 */
export async function withDocumentFile<T>(
  store: Pick<Store, 'db' | 'documentsDir'>,
  sha256: string,
  use: (path: string | null) => Promise<T> | T,
): Promise<T> {
  const bytes = await new DocumentContents(store.documentsDir).read(store.db, sha256);
  if (bytes === null) return use(null);
  if (store.documentsDir !== null) return use(contentPath(store.documentsDir, sha256));
  return withTemporaryFile(bytes, use);
}

/** A private temporary copy of `bytes` for a reader that works on files, removed afterwards. */
export async function withTemporaryFile<T>(
  bytes: Uint8Array,
  use: (path: string) => Promise<T> | T,
): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'despacho-document-'));
  try {
    const path = join(dir, 'document.pdf');
    writeFileSync(path, bytes, { mode: 0o600 });
    return await use(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

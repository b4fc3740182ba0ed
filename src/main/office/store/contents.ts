import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface StoredContent {
  sha256: string;
  size: number;
}

export const contentPath = (documentsDir: string, sha256: string): string =>
  join(documentsDir, sha256.slice(0, 2), sha256);

/**
 * Stores bytes under their SHA-256 (documents/ab/abcd…): the same content is stored once, and a
 * file's name proves its content. Written to a temporary name first so a crash leaves no half file.
 */
export function storeContent(documentsDir: string | null, bytes: Uint8Array): StoredContent {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (documentsDir !== null) {
    const path = contentPath(documentsDir, sha256);
    if (!existsSync(path)) {
      mkdirSync(join(documentsDir, sha256.slice(0, 2)), { recursive: true });
      const partial = `${path}.${process.pid}.partial`;
      writeFileSync(partial, bytes);
      renameSync(partial, path);
    }
  }
  return { sha256, size: bytes.byteLength };
}

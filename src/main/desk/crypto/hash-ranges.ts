import { createHash, type Hash } from 'node:crypto';
import { open } from 'node:fs/promises';
import type { HashAlgorithm } from '../signing-session';
import { nodeHashName } from './cms/algorithms';

const chunkSize = 1 << 20;

/** Digest of a signature's /ByteRange, read from disk in chunks (the file is never held whole). */
export async function hashByteRange(
  path: string,
  byteRange: readonly number[],
  hash: HashAlgorithm,
): Promise<Buffer> {
  const digest = createHash(nodeHashName[hash]);
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(chunkSize);
    for (let i = 0; i + 1 < byteRange.length; i += 2) {
      let position = byteRange[i]!;
      const end = position + byteRange[i + 1]!;
      while (position < end) {
        const { bytesRead } = await file.read(buffer, 0, Math.min(chunkSize, end - position), position);
        if (bytesRead === 0) throw new Error('the byte range runs past the end of the file');
        digest.update(buffer.subarray(0, bytesRead));
        position += bytesRead;
      }
    }
  } finally {
    await file.close();
  }
  return digest.digest();
}

/** Feeds a whole file to `digest` in chunks; returns its length. */
export async function digestFile(path: string, digest: Hash): Promise<number> {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(chunkSize);
    let position = 0;
    for (;;) {
      const { bytesRead } = await file.read(buffer, 0, chunkSize, position);
      if (bytesRead === 0) return position;
      digest.update(buffer.subarray(0, bytesRead));
      position += bytesRead;
    }
  } finally {
    await file.close();
  }
}

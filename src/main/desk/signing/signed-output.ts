import { createHash } from 'node:crypto';
import { closeSync, constants, fsync, openSync, renameSync, rmSync, writevSync } from 'node:fs';
import { copyFile, open, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import { promisify } from 'node:util';
import type { HashAlgorithm } from '../signing-session';
import { nodeHashName } from '../crypto/cms/algorithms';
import { SigningError } from './errors';
import { digestFile } from '../crypto/hash-ranges';
import type { SignatureUpdate } from '../pdf/incremental';
import type { CheckedPdf } from './preflight';

const fsyncAsync = promisify(fsync);

/** A signed document being assembled: its byte-range digest is known, its /Contents not yet. */
export interface PendingOutput {
  digest: Buffer;
  /**
   * Writes /Contents. `durable` settles once the file is on disk and renamed into view, so that
   * a batch can sign the next document while the disk catches up.
   */
  complete(contentsHex: Buffer): Promise<{ durable: Promise<void> }>;
  /** Leaves nothing behind. */
  discard(): Promise<void>;
}

function digestUpdate(
  update: SignatureUpdate,
  sourceSize: number,
  digest: ReturnType<typeof createHash>,
): void {
  const [, gapStart, gapEnd] = update.byteRange;
  digest.update(update.bytes.subarray(0, gapStart - sourceSize));
  digest.update(update.bytes.subarray(gapEnd - sourceSize));
}

/**
 * Small files (already in memory since they were checked) are hashed in memory and written once,
 * complete, with synchronous calls (a batch of resolutions is bound by per-call overhead, not by
 * bytes) except the fsync, which overlaps with the next document. Large files are copied by the
 * kernel while being hashed here in chunks, and /Contents is patched in place afterwards.
 */
export async function prepareOutput(
  input: CheckedPdf,
  update: SignatureUpdate,
  hash: HashAlgorithm,
  temporary: string,
  output: string,
): Promise<PendingOutput> {
  const digest = createHash(nodeHashName[hash]);
  const sourceSize = input.document.file.size;
  const source = input.document.file.contents;
  if (source) {
    digest.update(source);
    digestUpdate(update, sourceSize, digest);
    return {
      digest: digest.digest(),
      async complete(contentsHex) {
        contentsHex.copy(update.bytes, update.contentsHexOffset - sourceSize);
        const fd = openSync(temporary, 'wx');
        const fail = (error: unknown) => {
          closeSync(fd);
          rmSync(temporary, { force: true });
          throw error;
        };
        try {
          writevSync(fd, [source, update.bytes]);
        } catch (error) {
          fail(error);
        }
        const durable = fsyncAsync(fd)
          .then(() => {
            closeSync(fd);
            renameSync(temporary, output);
          }, fail)
          .catch((error: unknown) => {
            rmSync(temporary, { force: true });
            throw error;
          });
        return { durable };
      },
      async discard() {
        rmSync(temporary, { force: true });
      },
    };
  }

  // The kernel copies the file while this thread hashes it; both read the same unchanged bytes,
  // which the size and modification time taken around them confirm.
  const before = await stat(input.path);
  const copying = copyFile(input.path, temporary, constants.COPYFILE_EXCL);
  const hashing = digestFile(input.path, digest);
  const [copied, hashed] = await Promise.allSettled([copying, hashing]);
  let handle: FileHandle | null = null;
  const discard = async () => {
    await handle?.close().catch(() => undefined);
    await rm(temporary, { force: true });
  };
  try {
    if (copied.status === 'rejected') throw copied.reason;
    if (hashed.status === 'rejected') throw hashed.reason;
    const after = await stat(input.path);
    if (hashed.value !== sourceSize || after.size !== sourceSize || after.mtimeMs !== before.mtimeMs) {
      throw new SigningError('input', 'signing.input.changed', { file: basename(input.path) });
    }
    digestUpdate(update, sourceSize, digest);
    handle = await open(temporary, 'r+');
    await handle.write(update.bytes, 0, update.bytes.length, sourceSize);
  } catch (error) {
    await discard();
    throw error;
  }
  const opened = handle;
  return {
    digest: digest.digest(),
    async complete(contentsHex) {
      try {
        await opened.write(contentsHex, 0, contentsHex.length, update.contentsHexOffset);
        await opened.sync();
        await opened.close();
        await rename(temporary, output);
      } catch (error) {
        await discard();
        throw error;
      }
      return { durable: Promise.resolve() };
    },
    discard,
  };
}

import { randomBytes } from 'node:crypto';
import {
  closeSync,
  constants,
  copyFileSync,
  fsyncSync,
  linkSync,
  openSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** The file exists already: it is left as it was. */
export class FileExistsError extends Error {
  constructor(readonly path: string) {
    super(`${path} exists`);
    this.name = 'FileExistsError';
  }
}

/**
 * Writes a file that must not exist yet, whole or not at all: the bytes go to a new file beside it
 * (O_EXCL | O_NOFOLLOW, so nothing planted there is opened), are flushed to disk, and the name is
 * then linked to them, which fails if the name appeared meanwhile. A crash leaves at most a hidden
 * scratch file, never a half-written export under the name asked for, and never a file overwritten.
 */
export function writeNewFile(path: string, chunks: readonly Uint8Array[]): void {
  const scratch = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.part`);
  const fd = openSync(
    scratch,
    constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW,
    0o644,
  );
  try {
    try {
      for (const chunk of chunks) writeSync(fd, chunk);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    publish(scratch, path);
  } finally {
    rmSync(scratch, { force: true });
  }
}

/** Volumes without hard links (a FAT memory stick) get an exclusive copy instead. */
const noHardLinks = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS']);

function publish(scratch: string, path: string): void {
  try {
    linkSync(scratch, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code === 'EEXIST') throw new FileExistsError(path);
    if (!noHardLinks.has(code)) throw error;
    try {
      copyFileSync(scratch, path, constants.COPYFILE_EXCL);
    } catch (copyError) {
      if ((copyError as NodeJS.ErrnoException).code === 'EEXIST') throw new FileExistsError(path);
      throw copyError;
    }
  }
}

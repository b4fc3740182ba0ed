import { randomBytes } from 'node:crypto';
import { closeSync, constants, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Writes `text` to `path` so that only its owner can read it, whatever was there before: a new
 * file is created beside it under a random name (O_CREAT | O_EXCL | O_NOFOLLOW, mode 0600, so no
 * planted file or symlink is ever opened) and renamed over `path`. A symlink at `path` is replaced,
 * never followed; an existing file is replaced, never rewritten in place with its old mode.
 */
export function writePrivateFile(path: string, text: string): void {
  const scratch = join(dirname(path), `.${basename(path)}.${randomBytes(8).toString('hex')}`);
  const fd = openSync(
    scratch,
    constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW,
    0o600,
  );
  try {
    try {
      writeSync(fd, text);
    } finally {
      closeSync(fd);
    }
    renameSync(scratch, path);
  } catch (error) {
    rmSync(scratch, { force: true });
    throw error;
  }
}

import { existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { cliText } from './text';
import { FileExistsError, writeNewFile } from './write-new-file';

/**
 * Whether an export may not go to this path, checked before any work (the reason on stderr): an
 * existing file is never touched and a missing folder never made.
 */
export function outputPathRefused(path: string): boolean {
  let problem: string | null = null;
  if (existsSync(path)) problem = cliText('book.cli.outExists', { path });
  else if (!existsSync(dirname(path)) || !statSync(dirname(path)).isDirectory())
    problem = cliText('book.cli.outFolderMissing', { path });
  if (problem) process.stderr.write(`${problem}\n`);
  return problem !== null;
}

/** Writes an export whole or not at all (writeNewFile); false, with the reason on stderr, when it could not. */
export function writeOutputFile(path: string, chunks: readonly Uint8Array[]): boolean {
  try {
    writeNewFile(path, chunks);
    return true;
  } catch (error) {
    const reason =
      error instanceof FileExistsError
        ? cliText('book.cli.outExists', { path })
        : cliText('book.cli.outUnwritable', {
            path,
            detail: (error as NodeJS.ErrnoException).code ?? String(error),
          });
    process.stderr.write(`${reason}\n`);
    return false;
  }
}

import { cpSync, existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { dataFolderLockEntry } from '../../src/main/office/store/data-folder-lock';

/** What marks a data folder (open-store.ts); its lock entry sits beside it. */
const storeMarker = 'despacho-store.json';

/** The lock of a data folder: released when its store closed, and the other process's, not the copy's. */
const isDataFolderLock = (path: string): boolean =>
  basename(path) === dataFolderLockEntry && existsSync(join(dirname(path), storeMarker));

/**
 * A whole copy of a closed folder at `to`: a data folder, or one that holds some (a training
 * sandbox: its class store and the template its trainees' sandboxes are made from). Every file is
 * copied, documents included, so a test may change or remove a copy's files; no lock is copied.
 */
export function copyClosedFolder(from: string, to: string): void {
  cpSync(from, to, { recursive: true, filter: (source) => !isDataFolderLock(source) });
}

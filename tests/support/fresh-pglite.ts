import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import { copyClosedFolder } from './copy-closed-folder';

/**
 * A new PGlite data folder under `parent`, empty and not migrated, as `openStore` would create it:
 * a copy of the one the run's global setup created (pglite-setup.ts). Creating a PGlite database
 * runs its initdb, seconds of CPU each time; a test about how a new folder is created creates its
 * own instead.
 */
export const freshPgliteFolder = (parent: string, prefix = 'pglite-'): string =>
  copyDataFolder(inject('pgliteTemplate'), parent, prefix);

/**
 * A copy of a closed data folder, in a new folder under `parent`: a demo city seeded once serves
 * several tests that each change their own copy.
 */
export function copyDataFolder(dataDir: string, parent: string, prefix = 'copy-'): string {
  const copy = mkdtempSync(join(parent, prefix));
  copyClosedFolder(dataDir, copy);
  return copy;
}

import { cpSync, existsSync, linkSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { dataFolderLockEntry } from './data-folder-lock';

/**
 * The documents are content-addressed and never written in place (a new one is renamed into its
 * name), so a copy may share their files: hard links where the file system allows them.
 */
function linkOrCopyTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from)) {
    const source = join(from, entry);
    const target = join(to, entry);
    if (statSync(source).isDirectory()) linkOrCopyTree(source, target);
    else {
      try {
        linkSync(source, target);
      } catch {
        cpSync(source, target);
      }
    }
  }
}

/**
 * A copy of a closed data folder at `to` (which must not exist): its database copied, its documents
 * shared, never its lock. Made beside `to` and renamed into place, so a copy cut short is never
 * taken for a whole one.
 */
export function copyDataFolder(from: string, to: string): void {
  if (existsSync(to)) throw new Error(`copyDataFolder: ${to} exists`);
  const partial = `${to}.partial`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  for (const entry of readdirSync(from)) {
    if (entry === dataFolderLockEntry) continue;
    const source = join(from, entry);
    if (entry === 'documents') linkOrCopyTree(source, join(partial, entry));
    else cpSync(source, join(partial, entry), { recursive: true });
  }
  renameSync(partial, to);
}

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openStore } from '../../src/main/office/store/open-store';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A data folder whose PGlite database was just created, empty and not migrated (see fresh-pglite.ts). */
    pgliteTemplate: string;
  }
}

/**
 * vitest globalSetup: creates one PGlite data folder for the run, as `openStore` creates any new one,
 * and closes it; tests that only need a new folder to work on copy it (`freshPgliteFolder`).
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const root = mkdtempSync(join(tmpdir(), 'despacho-pglite-template-'));
  const dataDir = join(root, 'data');
  await (await openStore({ kind: 'pglite', dataDir })).close();
  project.provide('pgliteTemplate', dataDir);
  return () => rmSync(root, { recursive: true, force: true });
}

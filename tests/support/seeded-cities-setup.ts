import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the run keeps the demo cities its tests seeded, for the next test to copy (seeded-cities.ts). */
    seededCitiesDir: string;
  }
}

/** vitest globalSetup: a folder for the run's seeded demo cities (they are seeded when first asked for). */
export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'despacho-seeded-cities-'));
  project.provide('seededCitiesDir', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}

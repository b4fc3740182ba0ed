import { inject } from 'vitest';
import type { StoreLocation } from '../../src/main/office/store/open-store';
import { freshPgliteFolder } from './fresh-pglite';
import { freshDatabase } from './postgres';

/**
 * The two databases an office runs on, for `describe.each`: a new PGlite folder under `scratch` (a copy
 * of the run's new one, see fresh-pglite.ts), or a new database named `<prefix>_<random>` on the
 * suite's PostgreSQL server.
 */
export const storeEngines = (scratch: string, prefix: string): [string, () => Promise<StoreLocation>][] => [
  ['PGlite', async () => ({ kind: 'pglite', dataDir: freshPgliteFolder(scratch) })],
  [
    'PostgreSQL',
    async () => ({
      kind: 'postgres',
      connectionString: await freshDatabase(
        inject('postgresUrl'),
        `${prefix}_${Math.floor(Math.random() * 1e9)}`,
      ),
    }),
  ],
];

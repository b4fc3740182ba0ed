import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Many tests wait on processes they start (the CLI, token workers, tools): two files at a time
    // even on two cores, where vitest's default (cores - 1) would run one.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/security/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/seeded-cities-setup.ts'],
          // vitest's 5 s default fails healthy tests that spawn tools or processes on a busy machine:
          // a limit here is a guard against a hang, never a measure of speed (that is bench/'s job).
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: [
            'tests/support/postgres-setup.ts',
            'tests/support/softhsm-setup.ts',
            'tests/support/pglite-setup.ts',
            'tests/support/seeded-cities-setup.ts',
          ],
          testTimeout: 300_000,
          hookTimeout: 600_000,
          fileParallelism: false,
          // The files run one after another in one worker: each importing the office, PGlite (its
          // WebAssembly compiled again) and the signing stack anew cost seconds of CPU per file. No
          // integration test mocks a module, so sharing the modules between files changes nothing
          // they see; each file still starts its own servers, tokens and folders.
          isolate: false,
        },
      },
    ],
  },
});

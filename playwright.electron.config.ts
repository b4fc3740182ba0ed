import { defineConfig } from '@playwright/test';

/**
 * Smoke tests of the real Electron shell (`_electron`), run where an Electron binary is installed;
 * elsewhere every test skips and says why. Build first: `npm run build`.
 */
export default defineConfig({
  testDir: 'tests/electron',
  testMatch: '**/*.spec.ts',
  workers: 1,
  fullyParallel: false,
  // A fresh data folder is seeded with the demo city before the window opens.
  timeout: 240_000,
  expect: { timeout: 30_000 },
  reporter: [['list']],
  outputDir: '.tmp/electron-results',
});

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Adds up the JSON reports of vitest and Playwright into the one closing line CI reads. */
interface Totals {
  passed: number;
  failed: number;
  skipped: number;
}

interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests?: number;
}

interface PlaywrightReport {
  stats: { expected: number; unexpected: number; flaky: number; skipped: number };
}

const dir = process.argv[2] ?? '.tmp/results';
/** Steps that failed (typecheck, lint, a suite that could not start) count even when no test did. */
const failedSteps = Number(process.argv[3] ?? 0);
const read = <T>(name: string): T | null => {
  const path = join(dir, name);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as T) : null;
};

const totals: Totals = { passed: 0, failed: 0, skipped: 0 };
const missing: string[] = [];
for (const name of ['unit.json', 'integration.json']) {
  const report = read<VitestReport>(name);
  if (!report) {
    missing.push(name);
    continue;
  }
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
  totals.skipped += report.numPendingTests + (report.numTodoTests ?? 0);
}
for (const name of ['e2e.json', 'electron.json']) {
  const report = read<PlaywrightReport>(name);
  if (!report) {
    missing.push(name);
    continue;
  }
  totals.passed += report.stats.expected + report.stats.flaky;
  totals.failed += report.stats.unexpected;
  totals.skipped += report.stats.skipped;
}
if (missing.length > 0)
  process.stdout.write(`No report from: ${missing.join(', ')} (that step did not run to the end)\n`);
const failed = Math.max(totals.failed, failedSteps);
process.stdout.write(`${totals.passed} passed, ${failed} failed, ${totals.skipped} skipped\n`);

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';

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
  testResults: {
    name: string;
    status: string;
    message: string;
    assertionResults: { fullName: string; status: string; failureMessages: string[] }[];
  }[];
}

interface PlaywrightSuite {
  suites?: PlaywrightSuite[];
  specs?: {
    title: string;
    file: string;
    line: number;
    tests: { status: string; results: { status: string; errors: { message?: string }[] }[] }[];
  }[];
}

interface PlaywrightReport extends PlaywrightSuite {
  stats: { expected: number; unexpected: number; flaky: number; skipped: number };
}

/** A failure as CI's log shows it: where, and the first lines of why. */
interface Failure {
  where: string;
  why: string;
}

const dir = process.argv[2] ?? '.tmp/results';
/** Steps that failed (typecheck, lint, a suite that could not start) count even when no test did. */
const failedSteps = Number(process.argv[3] ?? 0);
const read = <T>(name: string): T | null => {
  const path = join(dir, name);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as T) : null;
};

/** The first lines of an error, without colours: CI keeps only the end of a long log, so this comes last. */
const firstLines = (message: string | undefined) =>
  stripVTControlCharacters(message ?? '')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .slice(0, 6)
    .join('\n    ');

const vitestFailures = (report: VitestReport): Failure[] =>
  report.testResults.flatMap((file) => {
    const failed = file.assertionResults.filter((test) => test.status === 'failed');
    if (failed.length === 0 && file.status === 'failed')
      return [{ where: file.name, why: firstLines(file.message) }];
    return failed.map((test) => ({
      where: `${file.name} › ${test.fullName}`,
      why: firstLines(test.failureMessages[0]),
    }));
  });

const playwrightFailures = (suite: PlaywrightSuite): Failure[] => [
  ...(suite.specs ?? []).flatMap((spec) =>
    spec.tests
      .filter((test) => test.status === 'unexpected')
      .map((test) => ({
        where: `${spec.file}:${spec.line} › ${spec.title}`,
        why: firstLines(test.results.at(-1)?.errors[0]?.message),
      })),
  ),
  ...(suite.suites ?? []).flatMap(playwrightFailures),
];

const totals: Totals = { passed: 0, failed: 0, skipped: 0 };
const missing: string[] = [];
const failures: Failure[] = [];
for (const name of ['unit.json', 'integration.json']) {
  const report = read<VitestReport>(name);
  if (!report) {
    missing.push(name);
    continue;
  }
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
  totals.skipped += report.numPendingTests + (report.numTodoTests ?? 0);
  failures.push(...vitestFailures(report));
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
  failures.push(...playwrightFailures(report));
}
for (const failure of failures) process.stdout.write(`FAILED ${failure.where}\n    ${failure.why}\n`);
if (missing.length > 0)
  process.stdout.write(`No report from: ${missing.join(', ')} (that step did not run to the end)\n`);
const failed = Math.max(totals.failed, failedSteps);
process.stdout.write(`${totals.passed} passed, ${failed} failed, ${totals.skipped} skipped\n`);

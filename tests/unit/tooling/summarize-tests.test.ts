import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';

/**
 * The test command's closing lines, which CI's log keeps when it keeps only the end: the totals,
 * and before them each failed test with the first lines of why, whichever suite it was in.
 */
const run = promisify(execFile);
let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function summary(reports: Record<string, unknown>, failedSteps = 0): Promise<string> {
  dir = mkdtempSync(join(tmpdir(), 'summary-'));
  for (const [name, report] of Object.entries(reports))
    writeFileSync(join(dir, name), JSON.stringify(report));
  const { stdout } = await run('npx', ['tsx', 'scripts/summarize-tests.ts', dir, String(failedSteps)]);
  return stdout;
}

const vitest = (testResults: unknown[], counts: { passed: number; failed: number; pending?: number }) => ({
  numPassedTests: counts.passed,
  numFailedTests: counts.failed,
  numPendingTests: counts.pending ?? 0,
  testResults,
});

const playwright = (stats: Record<string, number>, suites: unknown[]) => ({
  stats: { expected: 0, unexpected: 0, flaky: 0, skipped: 0, ...stats },
  suites,
});

describe('the test summary', () => {
  it('names each failed test and the first lines of why, from vitest and Playwright, nested suites too', async () => {
    const out = await summary({
      'unit.json': vitest(
        [
          {
            name: '/repo/tests/unit/a.test.ts',
            status: 'failed',
            message: '',
            assertionResults: [
              { fullName: 'a passes', status: 'passed', failureMessages: [] },
              {
                fullName: 'a fails',
                status: 'failed',
                failureMessages: [
                  '\u001b[31mAssertionError\u001b[39m: expected 1 to be 2\n\n    at a.test.ts:3:1',
                ],
              },
            ],
          },
          {
            name: '/repo/tests/unit/b.test.ts',
            status: 'failed',
            message: 'Cannot find module x',
            assertionResults: [],
          },
        ],
        { passed: 1, failed: 1 },
      ),
      'integration.json': vitest([], { passed: 3, failed: 0 }),
      'e2e.json': playwright({ expected: 2, unexpected: 1, skipped: 2 }, [
        {
          specs: [],
          suites: [
            {
              specs: [
                {
                  title: 'the trainer follows a trainee live',
                  file: 'training-console.spec.ts',
                  line: 49,
                  tests: [
                    {
                      status: 'unexpected',
                      results: [
                        {
                          status: 'failed',
                          errors: [{ message: 'Error: expect(locator).toContainText\nline 2' }],
                        },
                      ],
                    },
                  ],
                },
                {
                  title: 'passes',
                  file: 'training-console.spec.ts',
                  line: 165,
                  tests: [{ status: 'expected', results: [{ status: 'passed', errors: [] }] }],
                },
              ],
            },
          ],
        },
      ]),
      'electron.json': playwright({ skipped: 5 }, []),
    });
    expect(out.split('\n')).toEqual([
      'FAILED /repo/tests/unit/a.test.ts › a fails',
      '    AssertionError: expected 1 to be 2',
      '        at a.test.ts:3:1',
      'FAILED /repo/tests/unit/b.test.ts',
      '    Cannot find module x',
      'FAILED training-console.spec.ts:49 › the trainer follows a trainee live',
      '    Error: expect(locator).toContainText',
      '    line 2',
      '6 passed, 2 failed, 7 skipped',
      '',
    ]);
  });

  it('counts a failed step with no failed test, and says which report is missing', async () => {
    const out = await summary({ 'unit.json': vitest([], { passed: 4, failed: 0 }) }, 1);
    expect(out).toBe(
      'No report from: integration.json, e2e.json, electron.json (that step did not run to the end)\n' +
        '4 passed, 1 failed, 0 skipped\n',
    );
  });
});

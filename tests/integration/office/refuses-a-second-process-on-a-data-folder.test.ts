import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { translate } from '../../../src/shared/i18n/index';
import { despachoArgv } from '../../support/despacho-command';
import { freshPgliteFolder } from '../../support/fresh-pglite';

/**
 * Two processes on one PGlite data folder both acknowledged the same claims, and afterwards one
 * user's claims were gone and the audit chain was broken. The real commands, as a user runs them.
 */

const root = join(import.meta.dirname, '..', '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'despacho-one-process-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * A demo city as small as still leaves rows in the audit trail (the verdicts below ask for some): the
 * lock is what is tested, and a larger city only makes each `serve` slower to start.
 */
const demoCases = '2';

/** How long a `serve` may take to open, migrate, seed and listen on a very busy machine. */
const listenLimitMs = 300_000;

const started: ChildProcess[] = [];
afterEach(() => {
  for (const child of started.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

/** `despacho …` in its own node process (so its PID is the one a lock names), in Spanish. */
function despacho(args: string[]): ChildProcess {
  const child = spawn(...despachoArgv(args), {
    cwd: root,
    env: { ...process.env, DESPACHO_LANG: 'es' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  return child;
}

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

function outcome(child: ChildProcess): Promise<Outcome> {
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}

/** Runs a command to its end; one still running after the limit (a second desk let in) is stopped. */
function run(args: string[]): Promise<Outcome> {
  const child = despacho(args);
  const limit = setTimeout(() => child.kill('SIGKILL'), listenLimitMs);
  return outcome(child).finally(() => clearTimeout(limit));
}

let urlFiles = 0;

/** Starts `despacho serve` and resolves once it has written the address it listens on. */
async function serve(
  dataDir: string,
): Promise<{ child: ChildProcess; url: string; ended: Promise<Outcome> }> {
  const urlFile = join(scratch, `url-${(urlFiles += 1)}`);
  const child = despacho([
    'serve',
    '--data',
    dataDir,
    '--port',
    '0',
    '--url-file',
    urlFile,
    '--demo-cases',
    demoCases,
  ]);
  const ended = outcome(child);
  const deadline = Date.now() + listenLimitMs;
  for (;;) {
    const url = existsSync(urlFile) ? readFileSync(urlFile, 'utf8').trim() : '';
    if (url.startsWith('http://127.0.0.1:')) return { child, url, ended };
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      const { code, stdout, stderr } = await ended;
      throw new Error(`despacho serve did not start listening (exit ${code}):\n${stdout}\n${stderr}`);
    }
    await sleep(250);
  }
}

const answers = async (url: string) => (await fetch(new URL('/', url))).status > 0;

/** The intact verdict of `db verify-audit`, with at least one row, whatever the chain's head. */
const intactChain = new RegExp(
  translate('es', 'office.audit.intact', { rows: 'ROWS', head: 'HEAD' })
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace('ROWS', '[1-9][\\d.]*')
    .replace('HEAD', '\\w+'),
);

const inUseBy = (dataDir: string, pid: number, command: string) =>
  translate('es', 'errors.storage_locked', { path: dataDir, pid: String(pid), command });

describe('one process at a time on a data folder', { timeout: 900_000 }, () => {
  it('refuses a second serve, a migration and a seeding beside a running desk, naming it', async () => {
    // A new data folder, not yet migrated nor seeded: the desk's `serve` does both.
    const dataDir = freshPgliteFolder(scratch, 'refused-');
    const first = await serve(dataDir);

    const [secondServe, migration, seeding] = await Promise.all([
      run(['serve', '--data', dataDir, '--port', '0', '--demo-cases', demoCases]),
      run(['db', 'migrate', '--data', dataDir]),
      run(['demo', 'seed', '--cases', '5', '--data', dataDir]),
    ]);
    for (const refused of [secondServe, migration, seeding]) {
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(inUseBy(dataDir, first.child.pid!, 'despacho serve'));
    }
    expect(await answers(first.url)).toBe(true);

    first.child.kill('SIGTERM');
    expect((await first.ended).code).toBe(0);
    const audit = await run(['db', 'verify-audit', '--data', dataDir]);
    expect(audit.stderr).toBe('');
    expect(audit.code).toBe(0);
    expect(audit.stdout).toMatch(intactChain);
  });

  it('takes over the lock of a desk killed with SIGKILL, and its audit chain verifies', async () => {
    const dataDir = freshPgliteFolder(scratch, 'killed-');
    const killed = await serve(dataDir);
    killed.child.kill('SIGKILL');
    expect((await killed.ended).code).toBe(null);

    const next = await serve(dataDir);
    expect(await answers(next.url)).toBe(true);
    const refused = await run(['db', 'verify-audit', '--data', dataDir]);
    expect(refused.stderr).toContain(inUseBy(dataDir, next.child.pid!, 'despacho serve'));

    next.child.kill('SIGKILL');
    await next.ended;
    const audit = await run(['db', 'verify-audit', '--data', dataDir]);
    expect(audit.stderr).toBe('');
    expect(audit.code).toBe(0);
    expect(audit.stdout).toMatch(intactChain);
  });
});

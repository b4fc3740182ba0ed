import { spawn, type ChildProcess } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { despachoArgv } from '../../support/despacho-command';

/**
 * A real `despacho serve --open --url-file`: the URL with the launch token went on xdg-open's
 * command line (readable by every local user in /proc), and into a URL file that kept the mode of
 * a file planted there, through a planted symlink. An `xdg-open` of our own, first on the PATH,
 * records what the host hands the browser.
 */
const root = join(import.meta.dirname, '..', '..', '..');
const startLimitMs = 180_000;

let dir: string;
let serve: ChildProcess;
let output = '';

function waitFor<T>(what: string, probe: () => T | null): Promise<T> {
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + startLimitMs;
    const poll = () => {
      const found = probe();
      if (found !== null) resolve(found);
      else if (serve.exitCode !== null) reject(new Error(`serve exited (${serve.exitCode}):\n${output}`));
      else if (Date.now() > deadline) reject(new Error(`no ${what} in time:\n${output}`));
      else setTimeout(poll, 200);
    };
    poll();
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'despacho-serve-open-'));
  mkdirSync(join(dir, 'bin'));
  mkdirSync(join(dir, 'renderer'));
  writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html><title>Despacho</title>');
  const opener = join(dir, 'bin', 'xdg-open');
  writeFileSync(
    opener,
    `#!/bin/sh\nprintf '%s\\n' "$@" > "${join(dir, 'opened.tmp')}"\nmv "${join(dir, 'opened.tmp')}" "${join(dir, 'opened')}"\n`,
  );
  chmodSync(opener, 0o755);
  writeFileSync(join(dir, 'planted'), 'untouched\n', { mode: 0o644 });
  symlinkSync(join(dir, 'planted'), join(dir, 'url'));

  serve = spawn(
    ...despachoArgv([
      'serve',
      '--data',
      join(dir, 'data'),
      '--port',
      '0',
      '--demo-cases',
      '20',
      '--renderer',
      join(dir, 'renderer'),
      '--url-file',
      join(dir, 'url'),
      '--open',
    ]),
    {
      cwd: root,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, PATH: `${join(dir, 'bin')}:${process.env.PATH ?? ''}` },
    },
  );
  serve.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  serve.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await waitFor('opened browser', () => (existsSync(join(dir, 'opened')) ? true : null));
  // The browser opens as soon as the host listens; the address file is written once the desk is open.
  await waitFor('URL file', () => {
    const path = join(dir, 'url');
    // Between the planted link's removal and the new file, the path may briefly be missing.
    if (!existsSync(path) || lstatSync(path).isSymbolicLink()) return null;
    return readFileSync(path, 'utf8').includes('#token=') ? true : null;
  });
});

afterAll(async () => {
  if (serve?.pid !== undefined && serve.exitCode === null) {
    const exited = new Promise((resolve) => serve.once('exit', resolve));
    process.kill(-serve.pid, 'SIGTERM');
    await exited;
  }
  rmSync(dir, { recursive: true, force: true });
});

const tokenIn = (url: string) => new URLSearchParams(new URL(url).hash.slice(1)).get('token');

describe('despacho serve --open --url-file', () => {
  it('writes the token to a new 0600 file in place of a planted symlink, whose target stays untouched', () => {
    const path = join(dir, 'url');
    expect(lstatSync(path).isSymbolicLink()).toBe(false);
    expect(lstatSync(path).mode & 0o777).toBe(0o600);
    expect(tokenIn(readFileSync(path, 'utf8').trim())).toMatch(/^[\w-]{40,}$/);
    expect(readFileSync(join(dir, 'planted'), 'utf8')).toBe('untouched\n');
  });

  it('hands the browser a one-time code instead of the token, worthless once used', async () => {
    const token = tokenIn(readFileSync(join(dir, 'url'), 'utf8').trim())!;
    const argv = readFileSync(join(dir, 'opened'), 'utf8').trim().split('\n');
    expect(argv).toHaveLength(1);
    expect(argv[0]).not.toContain(token);
    const opened = new URL(argv[0]!);
    const code = new URLSearchParams(opened.hash.slice(1)).get('launch');
    expect(code).toMatch(/^[\w-]{40,}$/);

    const redeem = () =>
      fetch(new URL('/api/launch', opened), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code }),
      });
    const first = await redeem();
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ ok: true, value: { token } });
    const again = await redeem();
    expect(again.status).toBe(401);
    expect(await again.text()).not.toContain(token);
  });
});

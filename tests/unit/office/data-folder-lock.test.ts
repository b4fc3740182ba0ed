import { spawn } from 'node:child_process';
import { once } from 'node:events';
import type * as nodeFs from 'node:fs';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { acquireDataFolderLock } from '../../../src/main/office/store/data-folder-lock';

/** Runs once, just before the lock links its next file into place: what other processes did meanwhile. */
const meanwhile = vi.hoisted(() => ({ beforeLink: null as null | ((target: string) => void) }));

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof nodeFs>();
  return {
    ...fs,
    linkSync: (existing: string, target: string) => {
      const others = meanwhile.beforeLink;
      meanwhile.beforeLink = null;
      others?.(target);
      fs.linkSync(existing, target);
    },
  };
});

const fixture = join(import.meta.dirname, '..', '..', 'support', 'hold-data-folder.ts');
const scratch = mkdtempSync(join(tmpdir(), 'despacho-lock-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let folders = 0;
const freshFolder = () => {
  const dir = join(scratch, `data-${(folders += 1)}`);
  mkdirSync(dir);
  return dir;
};

interface Report {
  waiting?: true;
  held?: true;
  refused?: string;
  params?: Record<string, string>;
}

const others: { stop(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(others.splice(0).map((other) => other.stop()));
});

/** Another real process taking the folder's lock (tests/support/hold-data-folder.ts). */
function otherProcess(dataDir: string, startSignal?: string) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', fixture, dataDir, ...(startSignal ? [startSignal] : [])],
    {
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const other = {
    pid: child.pid!,
    async next(): Promise<Report> {
      const line = await lines.next();
      if (line.done) throw new Error(`the other process ended without a word:\n${stderr}`);
      return JSON.parse(line.value as string) as Report;
    },
    /** A holder releases the lock when its stdin ends, then exits. */
    async finish(): Promise<void> {
      child.stdin.end();
      await exited;
    },
    async crash(): Promise<void> {
      child.kill('SIGKILL');
      await exited;
    },
    stop: () => (child.exitCode === null && child.signalCode === null ? other.crash() : exited),
  };
  others.push(other);
  return other;
}

function refusal(take: () => unknown): { code: string; params: unknown } {
  try {
    take();
  } catch (error) {
    const { code, params } = error as { code: string; params: unknown };
    return { code, params };
  }
  throw new Error('the lock was taken');
}

const lockFiles = (dataDir: string) => readdirSync(join(dataDir, 'lock')).sort();

function writeLockFile(dataDir: string, name: string, content: string): string {
  mkdirSync(join(dataDir, 'lock'), { recursive: true });
  const file = join(dataDir, 'lock', name);
  writeFileSync(file, content);
  return file;
}

const record = (fields: Partial<Record<'pid' | 'hostname' | 'startedAt' | 'command', unknown>>) =>
  JSON.stringify({
    pid: process.pid,
    hostname: hostname(),
    startedAt: null,
    command: 'despacho serve',
    ...fields,
  });

describe('the data folder lock', { timeout: 120_000 }, () => {
  it('is refused to a second taker in the same process, and free again once released', () => {
    const dir = freshFolder();
    const lock = acquireDataFolderLock(dir);
    expect(refusal(() => acquireDataFolderLock(dir))).toEqual({
      code: 'storage_locked',
      params: { path: dir, pid: String(process.pid), command: expect.any(String) },
    });
    lock.release();
    acquireDataFolderLock(dir).release();
    expect(lockFiles(dir)).toHaveLength(1);
  });

  it('is refused while another live process holds it, naming that process, and taken once it lets go', async () => {
    const dir = freshFolder();
    const holder = otherProcess(dir);
    expect(await holder.next()).toEqual({ held: true });
    expect(refusal(() => acquireDataFolderLock(dir))).toEqual({
      code: 'storage_locked',
      params: { path: dir, pid: String(holder.pid), command: 'hold-data-folder.ts' },
    });

    await holder.finish();
    const lock = acquireDataFolderLock(dir);
    const refused = otherProcess(dir);
    expect(await refused.next()).toEqual({
      refused: 'storage_locked',
      params: { path: dir, pid: String(process.pid), command: expect.any(String) },
    });
    lock.release();
  });

  it('is taken over from a process that was killed, whose file is then tidied away', async () => {
    const dir = freshFolder();
    const crashed = otherProcess(dir);
    expect(await crashed.next()).toEqual({ held: true });
    const crashedFile = lockFiles(dir);
    await crashed.crash();

    const lock = acquireDataFolderLock(dir);
    expect(lockFiles(dir)).not.toContain(crashedFile[0]);
    expect(lockFiles(dir)).toHaveLength(1);
    lock.release();
  });

  it('is taken over from a process that was killed but not yet reaped by its parent', async () => {
    const dir = freshFolder();
    // `sleep` takes the shell's place and never reaps the holder it inherits: killed, it stays a zombie.
    const parent = spawn(
      'sh',
      ['-c', 'exec 3<&0; "$0" --import tsx "$1" "$2" <&3 & exec sleep 600', process.execPath, fixture, dir],
      { stdio: ['pipe', 'pipe', 'inherit'] },
    );
    others.push({ stop: async () => void parent.kill('SIGKILL') });
    expect(String((await once(parent.stdout, 'data'))[0])).toContain('"held":true');
    const { pid } = JSON.parse(readFileSync(join(dir, 'lock', lockFiles(dir)[0]!), 'utf8')) as {
      pid: number;
    };
    process.kill(pid, 'SIGKILL');
    const deadline = Date.now() + 60_000;
    while (!/\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8')) && Date.now() < deadline) await sleep(50);

    acquireDataFolderLock(dir).release();
  });

  it('is taken over when its PID now belongs to a process that started later', () => {
    const dir = freshFolder();
    writeLockFile(dir, '1', record({ startedAt: 'an-earlier-boot:12345' }));
    acquireDataFolderLock(dir).release();
  });

  it('counts a running PID as the holder where the start of the process is not known', () => {
    const dir = freshFolder();
    writeLockFile(dir, '1', record({ startedAt: null, command: 'Despacho' }));
    expect(refusal(() => acquireDataFolderLock(dir))).toEqual({
      code: 'storage_locked',
      params: { path: dir, pid: String(process.pid), command: 'Despacho' },
    });
  });

  it('is refused when held on another machine, naming the machine and the file to delete', () => {
    const dir = freshFolder();
    const file = writeLockFile(dir, '7', record({ hostname: 'otro-equipo', pid: 4242 }));
    expect(refusal(() => acquireDataFolderLock(dir))).toEqual({
      code: 'storage_locked_elsewhere',
      params: { path: dir, pid: '4242', command: 'despacho serve', host: 'otro-equipo', lock: file },
    });
    expect(lockFiles(dir)).toEqual(['7']);
  });

  it.each([
    ['cut short', '{"pid": 12'],
    ['empty', ''],
    ['PID 0, which would name a process group', record({ pid: 0 })],
    ['with a field too many', JSON.stringify({ ...JSON.parse(record({})), extra: 1 })],
  ])('is refused, naming the file and leaving it alone, when the file is %s', (_case, content) => {
    const dir = freshFolder();
    const file = writeLockFile(dir, '3', content);
    expect(refusal(() => acquireDataFolderLock(dir))).toEqual({
      code: 'storage_lock_unreadable',
      params: { path: file },
    });
    expect(lockFiles(dir)).toEqual(['3']);
    expect(readFileSync(file, 'utf8')).toBe(content);
  });

  it('goes to one process only when several race to take over a stale lock', async () => {
    const dir = freshFolder();
    const first = otherProcess(dir);
    expect(await first.next()).toEqual({ held: true });
    let stale = first;
    for (let round = 1; round <= 3; round += 1) {
      await stale.crash();
      const signal = join(scratch, `go-${folders}-${round}`);
      const racers = Array.from({ length: 5 }, () => otherProcess(dir, signal));
      for (const racer of racers) expect(await racer.next()).toEqual({ waiting: true });
      writeFileSync(signal, '');
      const reports = await Promise.all(racers.map((racer) => racer.next()));

      const winners = racers.filter((_racer, index) => reports[index]!.held);
      expect(winners).toHaveLength(1);
      const losers = reports.filter((report) => !report.held);
      for (const report of losers)
        expect(report).toEqual({
          refused: 'storage_locked',
          params: { path: dir, pid: String(winners[0]!.pid), command: 'hold-data-folder.ts' },
        });
      stale = winners[0]!;
    }
  });

  it('is given up by a process that created its file after a newer holder had appeared', async () => {
    const elsewhere = freshFolder();
    const holder = otherProcess(elsewhere);
    expect(await holder.next()).toEqual({ held: true });
    const holderRecord = readFileSync(join(elsewhere, 'lock', lockFiles(elsewhere)[0]!), 'utf8');

    // This process reads generation 1 (released) and is about to create 2; meanwhile one process
    // took 2 and released it, and the live holder took 3 and tidied 2 away.
    const dir = freshFolder();
    writeLockFile(dir, '1', JSON.stringify({ released: true }));
    meanwhile.beforeLink = (target) => {
      if (target === join(dir, 'lock', '2')) writeLockFile(dir, '3', holderRecord);
    };

    expect(refusal(() => acquireDataFolderLock(dir))).toEqual({
      code: 'storage_locked',
      params: { path: dir, pid: String(holder.pid), command: 'hold-data-folder.ts' },
    });
    expect(lockFiles(dir)).toEqual(['1', '3']);
  });
});

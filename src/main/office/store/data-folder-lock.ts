import { randomUUID } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  renameSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { ApiError } from '../../../shared/api/errors';

/**
 * One process at a time on a data folder: two PGlite instances on one folder both acknowledge work
 * and one of them loses it. Node has no flock, and a lock left by a crashed process must not lock
 * the folder for ever, so the lock is a file that names its holder and is judged on reading it:
 * free when released, or when its process is gone (no such PID on this machine, or a PID that now
 * belongs to a process started later); refused when its process runs; refused when it was taken
 * on another machine (a shared folder), which cannot be checked from here; refused, naming the
 * file, when it cannot be read, since ours are never half written: a person should look at it.
 *
 * Taking over a stale lock is where file locks usually go wrong: deleting the stale file and
 * creating a new one lets a slow contender delete the winner's file. Here nobody deletes the
 * newest file. The lock is a series of generation files `lock/<n>`, each created exclusively and
 * whole (written aside, then linked into place); the holder is the writer of the newest one. To
 * take a free generation n, a process creates n + 1; if, once created, something newer exists, it
 * withdraws (deletes its own file, which is not the newest) and looks again. Because the newest
 * generation only ever grows, two processes can never both find themselves newest. Release marks
 * the holder's file released; the next holder deletes the older generations.
 */

const holderSchema = z.object({
  pid: z.number().int().positive(),
  hostname: z.string(),
  /** The process's start, so a reused PID is not taken for the holder; null where it cannot be read. */
  startedAt: z.string().nullable(),
  command: z.string(),
});
const recordSchema = z.union([holderSchema.strict(), z.object({ released: z.literal(true) }).strict()]);

type Holder = z.infer<typeof holderSchema>;
type LockRecord = z.infer<typeof recordSchema>;

export interface DataFolderLock {
  /** Frees the folder; the lock's files stay, marked released, and the next holder tidies them. */
  release(): void;
}

const lockDirName = 'lock';
const generationName = /^\d+$/;
const scratchPrefix = 'tmp-';
/** Each round that does not end in a verdict means another process moved meanwhile; this bounds a livelock. */
const maxRounds = 200;

/** The entry the data folder's layout check must leave alone. */
export const dataFolderLockEntry = lockDirName;

/** Takes the data folder, or throws `storage_locked` (live holder here), `storage_locked_elsewhere`, `storage_lock_unreadable`. */
export function acquireDataFolderLock(dataDir: string): DataFolderLock {
  const dir = join(dataDir, lockDirName);
  mkdirSync(dir, { recursive: true });
  const me = JSON.stringify(thisProcess());
  for (let round = 0; round < maxRounds; round += 1) {
    const newest = generations(dir).at(-1) ?? 0;
    if (newest > 0 && !isFree(dataDir, join(dir, String(newest)))) continue;
    const mine = join(dir, String(newest + 1));
    if (!createOnce(dir, mine, me)) continue;
    if ((generations(dir).at(-1) ?? 0) > newest + 1) {
      removeIfPresent(mine);
      continue;
    }
    tidy(dir, newest + 1);
    return { release: () => replace(dir, mine, JSON.stringify({ released: true })) };
  }
  throw new ApiError('storage_unavailable');
}

/** True when the generation's holder is gone; false when the file went away meanwhile (look again). */
function isFree(dataDir: string, file: string): boolean {
  const record = readRecord(file);
  if (record === 'gone') return false;
  if (record === 'unreadable') throw new ApiError('storage_lock_unreadable', { path: file });
  if ('released' in record) return true;
  const params = { path: dataDir, pid: String(record.pid), command: record.command };
  if (record.hostname !== hostname())
    throw new ApiError('storage_locked_elsewhere', { ...params, host: record.hostname, lock: file });
  if (isRunning(record)) throw new ApiError('storage_locked', params);
  return true;
}

function isRunning(holder: Holder): boolean {
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const stat = processStat(String(holder.pid));
  if (stat === null) return true;
  return !stat.exited && (holder.startedAt === null || stat.startedAt === holder.startedAt);
}

function thisProcess(): Holder {
  return {
    pid: process.pid,
    hostname: hostname(),
    startedAt: processStat('self')?.startedAt ?? null,
    command: describeThisProcess(),
  };
}

/** How a refused process is told who holds the folder: the desktop app, or the `despacho` command. */
function describeThisProcess(): string {
  if (process.versions.electron) return 'Despacho';
  const [script = process.execPath, command] = process.argv.slice(1);
  // The sources (cli/main.ts), the built command (bin/despacho.js, out/main/cli/despacho.js) or a link named despacho.
  return /[\\/](?:cli[\\/]main\.[cm]?[jt]s|despacho(?:\.js)?)$/.test(script) && command
    ? `despacho ${command}`
    : basename(script);
}

/**
 * Linux: the boot and the start time in clock ticks (field 22 of /proc/<pid>/stat), which together
 * tell a process from a later one that got its PID, and whether it has exited but not been reaped
 * (a zombie, state Z). Elsewhere null, and a running PID counts as the holder.
 */
function processStat(pid: string): { startedAt: string; exited: boolean } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count from after it.
    const [state, ...fields] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const boot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    return fields[18] ? { startedAt: `${boot}:${fields[18]}`, exited: state === 'Z' } : null;
  } catch {
    return null;
  }
}

function generations(dir: string): number[] {
  return readdirSync(dir)
    .filter((name) => generationName.test(name))
    .map(Number)
    .sort((a, b) => a - b);
}

function readRecord(file: string): LockRecord | 'gone' | 'unreadable' {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'gone' : 'unreadable';
  }
  try {
    const parsed = recordSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : 'unreadable';
  } catch {
    return 'unreadable';
  }
}

/** Writes `text` to a scratch file in `dir`, durably, and returns its path. */
function scratchFile(dir: string, text: string): string {
  const path = join(dir, `${scratchPrefix}${randomUUID()}`);
  const fd = openSync(path, 'wx', 0o644);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return path;
}

/** Creates `file` with `text` unless it exists; readers never see it half written. */
function createOnce(dir: string, file: string, text: string): boolean {
  const scratch = scratchFile(dir, text);
  try {
    linkSync(scratch, file);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // ENOENT: the current holder tidied our scratch file away; look again.
    if (code === 'EEXIST' || code === 'ENOENT') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw error;
    // A file system without hard links: exclusive create; a reader of the still empty file refuses.
    return createExclusively(file, text);
  } finally {
    removeIfPresent(scratch);
  }
}

function createExclusively(file: string, text: string): boolean {
  try {
    writeFileSync(file, text, { flag: 'wx', mode: 0o644 });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

function replace(dir: string, file: string, text: string): void {
  renameSync(scratchFile(dir, text), file);
}

/** The holder removes older generations and scratch files left by crashed processes, as far as it can. */
function tidy(dir: string, mine: number): void {
  for (const name of readdirSync(dir)) {
    const older = generationName.test(name) && Number(name) < mine;
    if (!older && !name.startsWith(scratchPrefix)) continue;
    try {
      unlinkSync(join(dir, name));
    } catch {
      // Gone already, or still open elsewhere (Windows): the next holder tries again.
    }
  }
}

function removeIfPresent(file: string): void {
  try {
    unlinkSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

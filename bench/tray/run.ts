import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { cpus, tmpdir } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { join } from 'node:path';
import { composeDesk, type Desk } from '../../src/main/compose';
import { loadAverages, machineIsShared, writeResultsSection } from '../lib/results';
import { createBatch } from '../signing/fixtures';
import { signRawFloor, type FloorConfig } from '../signing/raw-floor';
import { createBenchToken } from '../signing/token';
import { deskConnection, sendDraftedResolution } from '../../tests/support/desk-connection';

/**
 * The tray's batch, end to end, as the app runs it: the desk composed the app's way (embedded PGlite
 * with the demo city, the token worker, the signing desk over the office's SigningOffice port), a
 * head signing 100 resolutions of their tray with one PIN through the contract. Against the raw
 * floor measured in this same process on the same token.
 */
const batchSize = Number(process.env.BENCH_TRAY_ITEMS ?? 100);
const signerId = 'urb-jefatura';
/** BENCH_TRAY_PROFILE=file.cpuprofile: a CPU profile of the measured batch alone (not the seeding). */
const profileFile = process.env.BENCH_TRAY_PROFILE;

async function startProfile(): Promise<() => Promise<void>> {
  if (!profileFile) return async () => undefined;
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return async () => {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(profileFile, JSON.stringify(profile));
    session.disconnect();
  };
}

interface MemorySample {
  rssMb: number;
  heapMb: number;
  workerRssMb: number;
}

const connection = (desk: Desk, userId: string) => deskConnection(() => desk, userId);

/** Urbanismo's processors draft resolutions of the cases they work on and send them to their head. */
async function fillTray(desk: Desk, count: number): Promise<string[]> {
  const requestIds: string[] = [];
  for (let n = 1; n <= 9 && requestIds.length < count; n++) {
    const call = connection(desk, `urb-0${n}`);
    const mine = await call('cases.list', { queue: 'mine', limit: 500 });
    for (const row of mine.rows) {
      if (requestIds.length === count) break;
      if (row.state !== 'in_progress') continue;
      requestIds.push(await sendDraftedResolution(call, row.id, signerId));
    }
  }
  if (requestIds.length < count)
    throw new Error(`the demo city has only ${requestIds.length} Urbanismo cases in progress to draft`);
  return requestIds;
}

/** The token worker's resident memory (the desk's only child process here), 0 if none runs. */
function workerRssMb(): number {
  return childPids().reduce((sum, pid) => {
    try {
      const kb = Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
      return sum + kb / 1024;
    } catch {
      return sum;
    }
  }, 0);
}

/** The desk's child processes (the token worker): their pids, read from /proc. */
const childPids = () =>
  readFileSync(`/proc/self/task/${process.pid}/children`, 'utf8').split(/\s+/).filter(Boolean);

/** User + system CPU of the running children (utime + stime, fields 14 and 15 of stat, 10 ms ticks). */
function childrenCpuMs(): number {
  return childPids().reduce((sum, pid) => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return sum + (Number(fields[11]) + Number(fields[12])) * 10;
    } catch {
      return sum;
    }
  }, 0);
}

/** A point in the run: wall time, and CPU time of this process (all its threads) and of the token worker. */
interface Mark {
  wallMs: number;
  cpuMs: number;
}
function mark(): Mark {
  const { user, system } = process.cpuUsage();
  return { wallMs: performance.now(), cpuMs: (user + system) / 1000 + childrenCpuMs() };
}
const between = (from: Mark, to: Mark): Mark => ({
  wallMs: to.wallMs - from.wallMs,
  cpuMs: to.cpuMs - from.cpuMs,
});

/** The floor runs synchronously in this process: its wall and CPU time. */
function timedFloor(config: FloorConfig): Mark {
  const before = mark();
  signRawFloor(config);
  return between(before, mark());
}

/** The JS heap still held after a full collection, in MB. */
function heapAfterGcMb(): number {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

function sampleMemory(): MemorySample {
  const { rss, heapUsed } = process.memoryUsage();
  return { rssMb: rss / 2 ** 20, heapMb: heapUsed / 2 ** 20, workerRssMb: workerRssMb() };
}

/** Least-squares slope of the values over their index, per 100 items. */
function slopePer100(values: number[]): number {
  const n = values.length;
  if (n < 2) return 0;
  const meanX = (n - 1) / 2;
  const meanY = values.reduce((sum, value) => sum + value, 0) / n;
  let num = 0;
  let den = 0;
  values.forEach((value, index) => {
    num += (index - meanX) * (value - meanY);
    den += (index - meanX) ** 2;
  });
  return (num / den) * 100;
}

const fmtS = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const fmtMs = (ms: number) => `${ms.toFixed(0)} ms`;
const fmtX = (ratio: number) => `${ratio.toFixed(1)}×`;

export async function main(): Promise<void> {
  const loadBefore = loadAverages();
  const sharedMachine = machineIsShared();
  const workDir = mkdtempSync(join(tmpdir(), 'despacho-bench-tray-'));
  let desk: Desk | null = null;
  try {
    const token = createBenchToken(workDir);
    // The token worker the desk starts inherits this: the card lives in the bench's own token folder.
    process.env.SOFTHSM2_CONF = token.softhsmConf;
    const { module, token: label, key, pin } = token.card;
    if (!('id' in key) || pin === null)
      throw new Error('The bench card is chosen by its CKA_ID and has a PIN.');
    const floorConfig: FloorConfig = {
      module,
      token: label,
      keyId: key.id,
      pin,
      files: await createBatch(mkdtempSync(join(workDir, 'floor-')), batchSize),
    };

    process.stdout.write('Composing the desk on the demo city…\n');
    desk = await composeDesk(
      { mode: 'embedded', dataDir: join(workDir, 'data'), demoCases: 2_000 },
      { env: { ...process.env, DESPACHO_PKCS11_MODULES: module, DESPACHO_TRUST_DIRS: token.caDir } },
    );
    process.stdout.write(`Filling the head's tray with ${batchSize} resolutions…\n`);
    const requestIds = await fillTray(desk, batchSize);
    const head = connection(desk, signerId);
    // The sign screen lists the cards before it asks for the PIN: the token worker is up by then.
    const cards = await head('tokens.list', {});
    if (!cards.cards.some((card) => card.label === label))
      throw new Error('the desk does not see the bench card');

    const floorBefore = timedFloor(floorConfig);
    const heapBeforeMb = heapAfterGcMb();

    const memory: MemorySample[] = [sampleMemory()];
    let firstProgress: Mark | null = null;
    const unsubscribe = desk.events.subscribe((name, payload) => {
      if (name !== 'signing.progress') return;
      firstProgress ??= mark();
      if ((payload as { state: string }).state !== 'signing') memory.push(sampleMemory());
    });
    const stopProfile = await startProfile();
    const startedAt = mark();
    const started = await head('signing.start', { requestIds });
    const preparedAt = mark();
    const refused = started.entries.filter((entry) => !entry.ok);
    if (refused.length > 0) throw new Error(`${refused.length} requests were refused at signing.start`);
    const pinAt = mark();
    const run = await head('signing.sign', {
      batchId: started.batchId,
      token: { module, label },
      certificate: { id: key.id },
      pin,
      confirmFinalTry: false,
    });
    const endedAt = mark();
    unsubscribe();
    await stopProfile();
    const signed = run.items.filter((item) => item.state === 'signed').length;
    if (run.status !== 'done' || signed !== batchSize)
      throw new Error(
        `the batch ended ${run.status} with ${signed} of ${batchSize} signed: ${JSON.stringify(run.failure ?? run.items.find((item) => item.failure)?.failure)}`,
      );

    const heapAfterMb = heapAfterGcMb();
    const floorAfter = timedFloor(floorConfig);
    const floor: Mark = {
      wallMs: Math.min(floorBefore.wallMs, floorAfter.wallMs),
      cpuMs: Math.min(floorBefore.cpuMs, floorAfter.cpuMs),
    };
    const loadAfter = loadAverages();

    const total = between(startedAt, endedAt);
    const prepare = between(startedAt, preparedAt);
    const signing = between(pinAt, endedAt);
    if (!firstProgress) throw new Error('no progress event was heard');
    const toFirstProgress = between(pinAt, firstProgress);
    const perItem = memory.slice(1);
    const column = (pick: (sample: MemorySample) => number) => {
      const values = perItem.map(pick);
      return {
        first: values[0]!,
        last: values.at(-1)!,
        max: Math.max(...values),
        slope: slopePer100(values),
      };
    };
    const rss = column((sample) => sample.rssMb);
    const heap = column((sample) => sample.heapMb);
    const worker = column((sample) => sample.workerRssMb);
    const memoryRow = (label: string, figures: ReturnType<typeof column>) =>
      `| ${label} | ${figures.first.toFixed(0)} MB | ${figures.last.toFixed(0)} MB | ${figures.max.toFixed(0)} MB | ${figures.slope >= 0 ? '+' : ''}${figures.slope.toFixed(1)} MB |`;
    const met = (yes: boolean) => (yes ? 'yes' : '**no**');
    // Flat: what the batch leaves on the heap after a full collection is under 10 MB (the 100 final
    // PDFs the bench itself still holds are about 3 MB), and RSS grows less than 5% over the batch.
    const heapGrowthMb = heapAfterMb - heapBeforeMb;
    const flat = heapGrowthMb < 10 && rss.slope < 0.05 * rss.first;
    const row = (label: string, figures: Mark) =>
      `| ${label} | ${fmtS(figures.wallMs)} | ${fmtS(figures.cpuMs)} |`;
    const ratio = (figures: Mark) =>
      `${fmtX(figures.wallMs / floor.wallMs)} wall, ${fmtX(figures.cpuMs / floor.cpuMs)} CPU`;
    const markdown = [
      '## The tray (`bench/tray`)',
      '',
      `${batchSize} resolutions of a head's tray signed with one PIN, end to end through the desk as the app`,
      'composes it (`composeDesk`: embedded PGlite with the demo city, the token worker as a Node child, the signing',
      "desk over the office's SigningOffice port), called through `dispatch` like the app's transports: `signing.start`",
      '(numbers reserved in the book, final PDFs rendered with stamps and QR, their hashes) then `signing.sign` (the',
      'card, the signed files written and stored, the book confirmed, audit, `signing.progress` events). SoftHSM2 token,',
      'RSA-2048 `CKM_SHA256_RSA_PKCS`. The bench runs under tsx in one process (the desk code transpiled once, at load).',
      `The floor runs in the same process on the same token, before and after the batch (the lower of the two is`,
      'used): straight through pkcs11js, one login, per file a SHA-256 and one `C_Sign`, nothing written, no token worker.',
      '',
      `Machine: ${cpus().length} cores; load average (1 / 5 / 15 min) ${loadBefore} before, ${loadAfter} after.`,
      sharedMachine
        ? 'Other work shared the machine: these are single runs, indicative, and the wall times are upper bounds.'
        : 'The machine was quiet when the run began (1-minute load average under half its cores); these are single runs.',
      'CPU times (this process, all its threads, plus the token worker) move less with the load. The targets are',
      'judged on wall time, as the user lives them.',
      '',
      '| phase | wall time | CPU time (bench process + token worker) |',
      '| --- | --- | --- |',
      row('raw floor, before the batch', floorBefore),
      row('raw floor, after the batch', floorAfter),
      row(`\`signing.start\`: ${batchSize} numbers reserved, final PDFs rendered and hashed`, prepare),
      row('`signing.sign`: from the PIN to the last item stored and confirmed', signing),
      row('end to end (start + sign)', total),
      row('from the PIN to the first progress event', toFirstProgress),
      '',
      "Memory sampled at each item's outcome during `signing.sign` (slope: least squares, per 100 items):",
      '',
      '| memory | first item | last item | max | slope per 100 items |',
      '| --- | --- | --- | --- | --- |',
      memoryRow('bench process RSS (desk + PGlite + tsx)', rss),
      memoryRow('bench process JS heap used', heap),
      memoryRow('token worker RSS', worker),
      '',
      `JS heap after a full collection: ${heapBeforeMb.toFixed(0)} MB before the batch, ${heapAfterMb.toFixed(0)} MB after it.`,
      '',
      '| target | measured | met |',
      '| --- | --- | --- |',
      `| end to end within 2.5× the raw floor | ${ratio(total)} (signing alone ${ratio(signing)}) | ${met(total.wallMs <= 2.5 * floor.wallMs)} |`,
      `| memory flat over the batch | heap kept ${heapGrowthMb >= 0 ? '+' : ''}${heapGrowthMb.toFixed(1)} MB after GC; RSS ${rss.slope.toFixed(1)} MB per 100 items | ${met(flat)} |`,
      `| first progress event under 300 ms after the PIN | ${fmtMs(toFirstProgress.wallMs)} wall (${fmtMs(toFirstProgress.cpuMs)} CPU) | ${met(toFirstProgress.wallMs < 300)} |`,
    ].join('\n');
    writeResultsSection('tray', markdown);
    process.stdout.write(`${markdown}\n`);
  } finally {
    await desk?.close();
    rmSync(workDir, { recursive: true, force: true });
  }
}

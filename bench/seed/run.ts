import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedDemoCity, type DemoSeedPhase } from '../../src/main/compose/office-store';
import { loadCalendar } from '../../src/main/office/calendar/load';
import { migrate } from '../../src/main/office/store/migrate';
import { openStore } from '../../src/main/office/store/open-store';
import { packageRoot } from '../../src/main/package-root';
import { isMainBuildFresh } from '../../tests/support/despacho-command';
import { loadAverages, machineIsShared, percentile, writeResultsSection } from '../lib/results';

/**
 * Seeding the demo city (issue 9): `despacho demo seed --cases N` as a user runs it, the built CLI
 * whole process — wall time, CPU (user + system) and peak RSS as GNU time reports them, the median
 * of `BENCH_RUNS` runs — and, in this process on the sources, where the time goes part by part. A
 * first start of `serve` on a new folder does the same work.
 */
const runs = Number(process.env.BENCH_RUNS ?? 3);
const cases = 2_000;
/** One run of a city ten times larger (`BENCH_SEED_LARGE=0` leaves it out). */
const largeCases = Number(process.env.BENCH_SEED_LARGE ?? 20_000);
const despacho = join(packageRoot, 'bin', 'despacho.js');
/** GNU time: the one portable way here to read a child's peak RSS. */
const gnuTime = '/usr/bin/time';

/** Before and after the changes of 2026-12-08 (commits fef69ac, db6ee57), measured on a shared machine. */
const before = `**What changed (2026-12-08, issue 9).** The bulk amendment requests' due dates are derived and written in one statement and one audit append per batch of 500 cases (\`storeDerivedDueDates\` takes one instant and one actor, and was called per case: four statements a case; the seeding's \`seedDemo\` went from 959 statements to 287 for 2,000 cases). One demo office seal seals every request the city files: the stage walk no longer issues a key and a certificate for each of its requests. The applicants' practice certificates sign the arrivals without reading the trust store again for each of them (their CA is a root). The requests and notices rendered from their templates are rendered four at a time, so sealing one (the signing service makes each signed file durable with an fsync) overlaps the next. The city is the same: every table of a 300-case city seeded for a fixed day compared row by row before and after, the random parts of signatures (serials, hashes of signed files, reservations) aside.

The tables above ran on db6ee57. Before (commit 724fc9a), the same command on the same machine:

| run | wall | CPU | peak RSS | load (1 min) |
|---|---|---|---|---|
| 2,000 cases, quiet machine (the lead's, 00:40) | 28.3 s | 33 s user | 845 MB | < 1 |
| 2,000 cases, one run at 00:37 | 35.7 s | 36.3 s | 880 MiB | 0.6 |
| 2,000 cases, median of 3 interleaved with 3 of fef69ac | 53.5 s → 42.5 s | 41.4 s → 36.9 s | 807 → 828 MiB | 6.9–8.0 |
| 20,000 cases, one run | 419 s | 122.9 s | 811 MiB | 4.6 at its start, up to 11 |

In this process on the sources, the median CPU of 3 interleaved rounds at load 4–7, before → after fef69ac: open a new folder 6.8 → 7.2 s (unchanged code), migrate 0.8 → 0.5 s, cases 8.2 → 8.6 s (within the noise; its own statements fell from 959 to 287), stages walked before the book 8.5 → 6.0 s, book 3.1 → 2.9 s, signed arrivals 3.4 → 2.4 s, stages after the book 1.3 → 1.1 s, due dates 0.3 → 0.2 s.

**What is left, and why it is not an order of magnitude.** The peak RSS is PGlite's \`initdb\` of the new folder: opening a new folder alone peaks at about 900 MiB, reopening an existing one at about 420 MiB, and the seeding itself never goes above about 600 MiB — so the seeding's memory did not change. \`initdb\` is also 5–7 s of CPU; loading a template data directory instead (PGlite's \`loadDataDir\`, a 4.5 MB gzipped dump of a new folder) opened a new folder in 2.5 s instead of 8.0 s at load 4, at 404 instead of 519 MiB, but it belongs to the store's opening (\`src/main/office/store/open-store.ts\`), needs the template either built with the app or cached per user (a first start on a new machine gains nothing from a cache), and was left out. The rest is the walk through the office's real services (about 4,500 statements for 2,000 cases, 0.5–1 ms each on PGlite), pdf-lib rendering the template documents and resolutions, and the signing service's per-document temporary files and fsync; none of it is the seed's own code.`;

const log = (line: string) => process.stdout.write(`${line}\n`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mib = (kib: number) => `${(kib / 1024).toFixed(0)} MiB`;
const median = (values: readonly number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );

interface Run {
  wallMs: number;
  cpuMs: number;
  maxRssKib: number;
  diskKib: number;
  load: string;
}

function buildIfStale(): void {
  if (isMainBuildFresh()) return;
  log('The build is missing or older than the sources: npm run build:main');
  const build = spawnSync('npm', ['run', '-s', 'build:main'], { cwd: packageRoot, stdio: 'inherit' });
  if (build.status !== 0) throw new Error(`npm run build:main failed (exit ${build.status})`);
}

/** One `demo seed` into a new folder, the whole process timed by GNU time. */
function seedOnce(count: number): Run {
  const scratch = mkdtempSync(join(tmpdir(), 'despacho-bench-seed-'));
  const figures = join(scratch, 'time.txt');
  const dataDir = join(scratch, 'data');
  try {
    const [load] = loadAverages().split(' / ');
    const args = [despacho, 'demo', 'seed', '--cases', `${count}`, '--data', dataDir];
    const seeded = spawnSync(gnuTime, ['-f', '%e %U %S %M', '-o', figures, process.execPath, ...args], {
      cwd: packageRoot,
      encoding: 'utf8',
      // A clean Node for the child: no loader inherited from the runner's tsx.
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    if (seeded.status !== 0) throw new Error(`demo seed exited ${seeded.status}: ${seeded.stderr}`);
    const [wall, user, system, rss] = readFileSync(figures, 'utf8').trim().split(/\s+/).map(Number);
    const du = spawnSync('du', ['-sk', dataDir], { encoding: 'utf8' });
    return {
      wallMs: wall! * 1000,
      cpuMs: (user! + system!) * 1000,
      maxRssKib: rss!,
      diskKib: Number(du.stdout.split('\t')[0]),
      load: load!,
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

const phaseNames: Record<DemoSeedPhase | 'open' | 'migrate', string> = {
  open: 'open a new folder (PGlite initdb)',
  migrate: 'migrate',
  cases: 'cases, documents, bulk amendment requests (seedDemo)',
  stagesBeforeBook: 'stages walked before the book',
  book: 'resolutions book signed',
  signedArrivals: 'applications arrived signed',
  stagesAfterBook: 'stages walked after the book (notifications, sweep)',
  dueDates: 'due dates derived once more',
};

interface Phase {
  name: string;
  wallMs: number;
  cpuMs: number;
}

/** The same seeding in this process, on the sources: each part's wall and CPU time. */
async function phases(count: number): Promise<Phase[]> {
  const scratch = mkdtempSync(join(tmpdir(), 'despacho-bench-seed-phases-'));
  const calendar = loadCalendar();
  const measured: Phase[] = [];
  let wall = performance.now();
  let cpu = process.cpuUsage();
  const lap = (name: string) => {
    const used = process.cpuUsage(cpu);
    measured.push({ name, wallMs: performance.now() - wall, cpuMs: (used.user + used.system) / 1000 });
    wall = performance.now();
    cpu = process.cpuUsage();
  };
  try {
    const store = await openStore({ kind: 'pglite', dataDir: join(scratch, 'data') });
    try {
      lap(phaseNames.open);
      await migrate(store);
      lap(phaseNames.migrate);
      await seedDemoCity(store, {
        cases: count,
        calendar,
        now: new Date(),
        onPhaseDone: (phase) => lap(phaseNames[phase]),
      });
    } finally {
      await store.close();
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return measured;
}

const runRow = (label: string, run: Run) =>
  `| ${label} | ${seconds(run.wallMs)} | ${seconds(run.cpuMs)} | ${mib(run.maxRssKib)} | ${mib(run.diskKib)} | ${run.load} |`;

export async function main(): Promise<void> {
  if (!existsSync(gnuTime)) throw new Error(`${gnuTime} (GNU time) is needed to read the peak RSS`);
  buildIfStale();
  const startLoad = loadAverages();
  const shared = machineIsShared();
  const measured: Run[] = [];
  for (let run = 1; run <= runs; run++) {
    measured.push(seedOnce(cases));
    log(runRow(`${cases} cases, run ${run}`, measured.at(-1)!));
  }
  const medianRun: Run = {
    wallMs: median(measured.map((run) => run.wallMs)),
    cpuMs: median(measured.map((run) => run.cpuMs)),
    maxRssKib: median(measured.map((run) => run.maxRssKib)),
    diskKib: median(measured.map((run) => run.diskKib)),
    load: measured.map((run) => run.load).join(', '),
  };
  const large = largeCases > 0 ? seedOnce(largeCases) : null;
  if (large) log(runRow(`${largeCases} cases`, large));
  const parts = await phases(cases);
  for (const part of parts) log(`${part.name}: ${seconds(part.wallMs)} wall, ${seconds(part.cpuMs)} CPU`);

  const markdown = [
    '## Seeding the demo city (`bench/seed`)',
    '',
    `\`despacho demo seed --cases N\` into a new folder, the built CLI as a user runs it, whole process (GNU time: wall, user + system CPU, peak RSS), and the data folder's size. ${cases} cases: the median of ${runs} runs; ${largeCases > 0 ? `${largeCases} cases: one run` : 'no larger city in this run'}. Load averages at the start: ${startLoad}${shared ? ' — **the machine was shared with other work: the wall times are inflated, the CPU times much less**' : ''}.`,
    '',
    '| city | wall | CPU | peak RSS | on disk | load (1 min) at its start |',
    '|---|---|---|---|---|---|',
    runRow(`${cases} cases (median)`, medianRun),
    ...(large ? [runRow(`${largeCases} cases`, large)] : []),
    '',
    `Where the time goes: the same ${cases}-case seeding in the benchmark's process, on the sources (tsx), one run.`,
    '',
    '| part | wall | CPU |',
    '|---|---|---|',
    ...parts.map((part) => `| ${part.name} | ${seconds(part.wallMs)} | ${seconds(part.cpuMs)} |`),
    '',
    before,
  ].join('\n');
  writeResultsSection('seed', markdown);
  log('bench/RESULTS.md: seed section written');
}

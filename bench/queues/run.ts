import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { dispatch, type Handlers } from '../../src/shared/api/dispatch';
import { ApiError } from '../../src/shared/api/errors';
import type { CallInput, CallName, CallOutput } from '../../src/shared/api/index';
import type { QueueName } from '../../src/shared/domain/cases';
import { queueNames } from '../../src/shared/domain/cases';
import { EventBus } from '../../src/main/events';
import { recomputeDueDates } from '../../src/main/office/amendments/recompute';
import { loadCalendar } from '../../src/main/office/calendar/load';
import { seedDemo } from '../../src/main/office/demo/seed';
import { openOffice, type Office, type SignInMethod } from '../../src/main/office/index';
import { verifyAuditChain } from '../../src/main/office/store/audit';
import { migrate } from '../../src/main/office/store/migrate';
import { openStore, type StoreLocation } from '../../src/main/office/store/open-store';
import { freshDatabase, postgresAvailable, startThrowawayPostgres } from '../../tests/support/postgres';
import { percentile, writeResultsSection } from '../lib/results';

const totalCases = 100_000;
const pageSize = 100;
const samplesPerQuery = 40;
const claimers = 4;
const claimsPerClaimer = 100;
const targets = { pageP95Ms: 20, claimsPerSecond: 200, filterP95Ms: 150 };
/** The department with the most cases, and one of its processors. */
const department = 'urbanismo';
const processors = ['urb-01', 'urb-02', 'urb-03', 'urb-04'];

const log = (line: string) => process.stdout.write(`${line}\n`);

async function timed<T>(action: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await action();
  return [result, performance.now() - start];
}

interface Stats {
  p50: number;
  p95: number;
}

async function sample(times: number, action: () => Promise<unknown>): Promise<Stats> {
  await action(); // warm the plan and the cache once, as a desk does on its first render
  const durations: number[] = [];
  for (let index = 0; index < times; index += 1) durations.push((await timed(action))[1]);
  durations.sort((a, b) => a - b);
  return { p50: percentile(durations, 50), p95: percentile(durations, 95) };
}

interface Seeded {
  seedMs: number;
  /** Deriving every open case's due date once, as the demo city does after seeding (see seedDemoCity). */
  deriveMs: number;
}

/**
 * The cases, then their due dates derived once and the calendars they follow recorded, as a seeded
 * city leaves its store: the cold start measured next is any later start, not the one-time derivation.
 */
async function seed(location: StoreLocation): Promise<Seeded> {
  const store = await openStore(location);
  try {
    await migrate(store);
    const calendar = loadCalendar();
    const now = new Date();
    const [, seedMs] = await timed(() =>
      seedDemo(store, calendar, {
        cases: totalCases,
        now,
        documents: false,
        onProgress: (done) => {
          if (done % 20_000 === 0) log(`  seeded ${done}`);
        },
      }),
    );
    const [, deriveMs] = await timed(() => recomputeDueDates(store.db, calendar, now, { always: true }));
    return { seedMs, deriveMs };
  } finally {
    await store.close();
  }
}

/** One desk's calls, through `dispatch` as a transport makes them (access rule, input and output checked). */
interface BenchDesk {
  call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>>;
}

interface BenchOffice {
  office: Office;
  signIn: SignInMethod;
}

/** Signs in as this office's composition does: the demo picker, or (a server) an identity provider setting the session. */
async function signedIn({ office, signIn }: BenchOffice, userId: string): Promise<BenchDesk> {
  let user: string | null = null;
  const ctx = {
    connectionId: `bench-${userId}`,
    session: { get: () => user, set: (value: string | null) => (user = value) },
  };
  const contract = { handlers: office.handlers as Handlers, actors: office.actors };
  const desk: BenchDesk = {
    async call(name, input) {
      const result = await dispatch(contract, name, input, ctx);
      if (!result.ok) throw ApiError.fromData(result.error);
      return result.value as CallOutput<typeof name>;
    },
  };
  if (signIn === 'demoPicker') await desk.call('session.signIn', { userId });
  else ctx.session.set(userId);
  return desk;
}

interface PageRow {
  queue: QueueName | 'counts';
  depth: string;
  total: number;
  stats: Stats;
}

async function pageQueries(office: BenchOffice): Promise<PageRow[]> {
  const desk = await signedIn(office, processors[0]!);
  const rows: PageRow[] = [];
  const counts = await desk.call('cases.queueCounts', {});
  rows.push({
    queue: 'counts',
    depth: '—',
    total: Object.values(counts).reduce((sum, count) => sum + count, 0),
    stats: await sample(samplesPerQuery, () => desk.call('cases.queueCounts', {})),
  });
  for (const queue of queueNames) {
    const list = (offset: number) =>
      desk.call('cases.list', { queue, filter: {}, sort: 'due_asc', offset, limit: pageSize });
    const total = (await list(0)).total;
    const deep = Math.max(0, Math.min(total - pageSize, 10_000));
    rows.push({ queue, depth: 'first page', total, stats: await sample(samplesPerQuery, () => list(0)) });
    rows.push({
      queue,
      depth: `offset ${deep}`,
      total,
      stats: await sample(samplesPerQuery, () => list(deep)),
    });
  }
  return rows;
}

/** Typing a name, then a NIF, one character at a time into the filter of the unassigned queue. */
async function filterAsYouType(office: BenchOffice): Promise<Stats & { keystrokes: number }> {
  const desk = await signedIn(office, processors[0]!);
  const [someone] = (
    await desk.call('cases.list', { queue: 'unassigned', filter: {}, sort: 'due_asc', offset: 500, limit: 1 })
  ).rows;
  if (!someone) throw new Error('the unassigned queue is empty');
  const typed = [someone.applicantName, someone.applicantNif, 'garcía martínez'];
  const durations: number[] = [];
  for (const text of typed) {
    for (let length = 1; length <= text.length; length += 1) {
      const [, ms] = await timed(() =>
        desk.call('cases.list', {
          queue: 'unassigned',
          filter: { text: text.slice(0, length) },
          sort: 'due_asc',
          offset: 0,
          limit: pageSize,
        }),
      );
      durations.push(ms);
    }
  }
  durations.sort((a, b) => a - b);
  return { p50: percentile(durations, 50), p95: percentile(durations, 95), keystrokes: durations.length };
}

interface FilterRow {
  queue: QueueName;
  filter: string;
  total: number;
  stats: Stats;
}

/**
 * Each filter on its own, on the unassigned queue and on "all" (every state): searches that find
 * something and searches that find nothing (which used to count the queue once per row of the table).
 */
async function filterQueries(office: BenchOffice): Promise<FilterRow[]> {
  const desk = await signedIn(office, processors[0]!);
  const [resolved] = (
    await desk.call('cases.list', { queue: 'all', filter: { state: 'resolved' }, offset: 200, limit: 1 })
  ).rows;
  const [open] = (await desk.call('cases.list', { queue: 'unassigned', filter: {}, offset: 500, limit: 1 }))
    .rows;
  if (!resolved || !open) throw new Error('the demo department has no resolved or unassigned case');
  const filters: [string, CallInput<'cases.list'>['filter']][] = [
    ['procedure', { procedureCode: open.procedureCode }],
    ['state (open)', { state: 'in_progress' }],
    ['name (found)', { text: open.applicantName }],
    ['NIF (found)', { text: open.applicantNif }],
    ['case number (found)', { text: open.number }],
    ['"garcía" (many found)', { text: 'garcía' }],
    ['"zzzqx" (none)', { text: 'zzzqx' }],
    ['"josé maría pérez" (none)', { text: 'josé maría pérez' }],
    ['unknown NIF (none)', { text: '99999999R' }],
    ['unknown case number (none)', { text: 'URB-2026-999999' }],
  ];
  const byQueue: [QueueName, [string, CallInput<'cases.list'>['filter']][]][] = [
    ['unassigned', filters],
    [
      'all',
      [
        ...filters,
        ['state (closed: resolved)', { state: 'resolved' }],
        ['case number of a resolved case', { text: resolved.number }],
      ],
    ],
  ];
  const rows: FilterRow[] = [];
  for (const [queue, list] of byQueue)
    for (const [name, filter] of list) {
      const page = () =>
        desk.call('cases.list', { queue, filter, sort: 'due_asc', offset: 0, limit: pageSize });
      rows.push({ queue, filter: name, total: (await page()).total, stats: await sample(20, page) });
    }
  return rows;
}

interface ClaimResult {
  claims: number;
  perSecond: number;
  doubles: number;
  chainOk: boolean;
}

/** Four desks call claimNext as fast as they can on one database; every id must come back once. */
async function claimNextThroughput(offices: BenchOffice[]): Promise<ClaimResult> {
  const desks = await Promise.all(
    processors.slice(0, claimers).map((user, index) => signedIn(offices[index % offices.length]!, user)),
  );
  const claimed: string[] = [];
  const [, ms] = await timed(() =>
    Promise.all(
      desks.map(async (desk) => {
        for (let index = 0; index < claimsPerClaimer; index += 1) {
          const row = await desk.call('cases.claimNext', { filter: {} });
          if (!row) return;
          claimed.push(row.id);
        }
      }),
    ),
  );
  return {
    claims: claimed.length,
    perSecond: claimed.length / (ms / 1000),
    doubles: claimed.length - new Set(claimed).size,
    chainOk: false,
  };
}

async function chainIntact(location: StoreLocation): Promise<boolean> {
  const store = await openStore(location);
  try {
    return (await verifyAuditChain(store.db)).ok;
  } finally {
    await store.close();
  }
}

/** Wired as the compositions wire them: the embedded desk offers its demo people, a server does not. */
async function open(store: StoreLocation, mode: 'embedded' | 'server'): Promise<BenchOffice> {
  const signIn: SignInMethod = mode === 'embedded' ? 'demoPicker' : 'identityProvider';
  return { office: await openOffice({ store, mode, signIn, events: new EventBus() }), signIn };
}

const ms = (value: number) => value.toFixed(1);
const seconds = (value: number) => (value / 1000).toFixed(1);
const verdict = (ok: boolean) => (ok ? 'yes' : '**no**');

export async function main(): Promise<void> {
  const loadAtStart = loadavg()[0]!;
  const scratch = mkdtempSync(join(tmpdir(), 'despacho-bench-queues-'));
  const embedded: StoreLocation = { kind: 'pglite', dataDir: join(scratch, 'data') };
  try {
    log(`seeding ${totalCases} cases into PGlite…`);
    const { seedMs, deriveMs } = await seed(embedded);

    const [office, openMs] = await timed(() => open(embedded, 'embedded'));
    const coldDesk = await signedIn(office, processors[0]!);
    const [, firstQueryMs] = await timed(() =>
      coldDesk.call('cases.list', {
        queue: 'unassigned',
        filter: {},
        sort: 'due_asc',
        offset: 0,
        limit: pageSize,
      }),
    );
    log('measuring queue pages…');
    const pages = await pageQueries(office);
    log('measuring filter-as-you-type…');
    const typing = await filterAsYouType(office);
    log('measuring each filter and search…');
    const filters = await filterQueries(office);
    log('measuring claim-next on PGlite…');
    const pgliteClaims = await claimNextThroughput([office]);
    await office.office.close();
    pgliteClaims.chainOk = await chainIntact(embedded);

    let serverClaims: ClaimResult | null = null;
    let serverSeeded: Seeded | null = null;
    if (postgresAvailable()) {
      log(`seeding ${totalCases} cases into a throwaway PostgreSQL server…`);
      const server = await startThrowawayPostgres();
      try {
        const location: StoreLocation = {
          kind: 'postgres',
          connectionString: await freshDatabase(server.url, 'bench_queues'),
        };
        serverSeeded = await seed(location);
        const offices = [await open(location, 'server'), await open(location, 'server')];
        log('measuring claim-next on PostgreSQL…');
        serverClaims = await claimNextThroughput(offices);
        await Promise.all(offices.map((served) => served.office.close()));
        serverClaims.chainOk = await chainIntact(location);
      } finally {
        await server.stop();
      }
    }

    const worstPageP95 = Math.max(...pages.map((row) => row.stats.p95));
    const claimRow = (name: string, result: ClaimResult) =>
      `| ${name} | ${result.claims} | ${result.perSecond.toFixed(0)} | ${result.doubles} | ${result.chainOk ? 'intact' : '**broken**'} | ${verdict(result.perSecond > targets.claimsPerSecond && result.doubles === 0)} |`;
    const markdown = [
      '## Queues (`bench/queues`)',
      '',
      `${totalCases.toLocaleString('en')} demo cases (seeded without PDF documents), queues of a processor of ${department}; ` +
        `each figure over ${samplesPerQuery} runs after one warm-up, ${pageSize} rows per page, through \`dispatch\` and the \`cases.*\` handlers ` +
        '(access rule, input and output checks, SQL, business days left from the legal calendar, row mapping). Targets: page p95 < ' +
        `${targets.pageP95Ms} ms, claim-next > ${targets.claimsPerSecond}/s with ${claimers} concurrent claimers.`,
      '',
      '### Queue page query (embedded PGlite)',
      '',
      '| queue | page | queue size | p50 ms | p95 ms | p95 < 20 ms |',
      '|---|---|---:|---:|---:|---|',
      ...pages.map(
        (row) =>
          `| ${row.queue} | ${row.depth} | ${row.total} | ${ms(row.stats.p50)} | ${ms(row.stats.p95)} | ${verdict(row.stats.p95 < targets.pageP95Ms)} |`,
      ),
      '',
      `Worst page p95: ${ms(worstPageP95)} ms.`,
      '',
      '### Filter as you type (embedded PGlite)',
      '',
      `${typing.keystrokes} keystrokes (a name, a NIF and "garcía martínez", one character at a time) on the unassigned queue: ` +
        `p50 ${ms(typing.p50)} ms, p95 ${ms(typing.p95)} ms (target < ${targets.pageP95Ms} ms: ${verdict(typing.p95 < targets.pageP95Ms)}).`,
      '',
      '### Each filter and search (embedded PGlite)',
      '',
      `20 runs each after one warm-up, first page of ${pageSize}; target p95 < ${targets.filterP95Ms} ms for every filter, found or not.`,
      '',
      '| queue | filter | found | p50 ms | p95 ms | p95 < 150 ms |',
      '|---|---|---:|---:|---:|---|',
      ...filters.map(
        (row) =>
          `| ${row.queue} | ${row.filter} | ${row.total} | ${ms(row.stats.p50)} | ${ms(row.stats.p95)} | ${verdict(row.stats.p95 < targets.filterP95Ms)} |`,
      ),
      '',
      '### Claim next, 4 concurrent claimers on one database',
      '',
      '| database | claims | claims/s | double claims | audit chain | > 200/s and no doubles |',
      '|---|---:|---:|---:|---|---|',
      claimRow('PGlite (one office, 4 desks)', pgliteClaims),
      serverClaims
        ? claimRow('PostgreSQL 15 (two office instances, 4 desks)', serverClaims)
        : '| PostgreSQL 15 | — | — | — | — | not run: no PostgreSQL binaries |',
      '',
      '### Embedded store',
      '',
      `- Cold start (open the PGlite folder + migration check + first queue page), any start after the first: ` +
        `${ms(openMs + firstQueryMs)} ms (open and migration check ${ms(openMs)} ms, first page ${ms(firstQueryMs)} ms).`,
      `- Seeding ${totalCases.toLocaleString('en')} cases: ${seconds(seedMs)} s on PGlite` +
        (serverSeeded ? `, ${seconds(serverSeeded.seedMs)} s on PostgreSQL.` : '.'),
      `- Then every open case's due date derived once (what the demo city's seeding ends with, and what a start does ` +
        `after a calendar file changed): ${seconds(deriveMs)} s on PGlite` +
        (serverSeeded ? `, ${seconds(serverSeeded.deriveMs)} s on PostgreSQL.` : '.'),
      '',
      // The machine is shared: other work running at the same time shows up in the p95 figures.
      `1-minute load average: ${loadAtStart.toFixed(2)} at the start, ${loadavg()[0]!.toFixed(2)} at the end.`,
    ].join('\n');
    writeResultsSection('queues', markdown);
    log(markdown);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

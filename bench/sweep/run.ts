import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { loadCalendar } from '../../src/main/office/calendar/load';
import { seedDemo } from '../../src/main/office/demo/seed';
import { sweepNotifications } from '../../src/main/office/notifications/sweep';
import { verifyAuditChain } from '../../src/main/office/store/audit';
import { migrate } from '../../src/main/office/store/migrate';
import { openStore, type Store, type StoreLocation } from '../../src/main/office/store/open-store';
import { freshDatabase, postgresAvailable, startThrowawayPostgres } from '../../tests/support/postgres';
import { loadAverages, machineIsShared, writeResultsSection } from '../lib/results';

/**
 * The notification sweep (art. 43.2) over 100,000 cases with 20,000 open electronic notifications,
 * seeded by bulk SQL: a first sweep finds 2,000 due, a second the other 18,000. Time and the
 * process's peak RSS over each, so a memory that grows with the rows would show (PGlite runs in
 * this process: its memory is counted too).
 */
const totalCases = 100_000;
const openNotifications = 20_000;
const firstDue = 2_000;
const targetMs = 5_000;
const firstSweepAt = new Date('2026-03-13T00:00:00Z');
const secondSweepAt = new Date('2026-03-14T00:00:00Z');
const offset = 1_000_000;

const log = (line: string) => process.stdout.write(`${line}\n`);
const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(0);

async function seed(store: Store): Promise<number> {
  const start = performance.now();
  await migrate(store);
  // Departments, procedures, staff and a few applicants; the 100,000 cases come in bulk below.
  await seedDemo(store, loadCalendar(), {
    cases: 20,
    now: new Date('2026-02-01T10:00:00Z'),
    documents: false,
  });
  await sql`
    insert into registry_entries (id, number, registered_at)
    select ${offset} + g, 'BENCH-' || g, timestamptz '2026-01-15 10:00+01' from generate_series(1, ${totalCases}) g
  `.execute(store.db);
  await sql`
    insert into cases (id, number, eni_id, procedure_code, department_id, applicant_id, registry_entry_id, state,
      due_date, search_text, created_at, updated_at)
    select ${offset} + g, 'BENCH-' || g, 'ES_LA0013601_2026_EXP_BENCH' || g, p.code, p.department_id, a.id,
      ${offset} + g, case when g <= ${openNotifications} then 'resolved' else 'in_progress' end,
      date '2026-04-15', 'bench-' || g, timestamptz '2026-01-15 10:00+01', timestamptz '2026-01-15 10:00+01'
    from generate_series(1, ${totalCases}) g
    cross join (select code, department_id from procedures order by code limit 1) p
    cross join (select min(id) as id from applicants) a
  `.execute(store.db);
  await sql`
    insert into documents (id, case_id, position, title, eni_id, document_type, origin, elaboration_state, format,
      captured_at, sha256, size)
    select ${offset} + g, ${offset} + g, 1, 'Resolución', 'ES_LA0013601_2026_RESBENCH' || g, 'TD01', 1, 'EE01', 'PDF',
      timestamptz '2026-03-02 09:00+01', repeat('a', 64), 1000
    from generate_series(1, ${openNotifications}) g
  `.execute(store.db);
  await sql`
    insert into notifications (case_id, department_id, document_id, channel, state, created_by, created_at,
      made_available_at, rejects_at)
    select ${offset} + g, c.department_id, ${offset} + g, 'electronic', 'available', u.id,
      timestamptz '2026-03-02 10:00+01', timestamptz '2026-03-02 10:00+01',
      case when g <= ${firstDue} then timestamptz '2026-03-13 00:00+01' else timestamptz '2026-03-14 00:00+01' end
    from generate_series(1, ${openNotifications}) g
    join cases c on c.id = ${offset} + g
    cross join (select id from users where 'processor' = any(roles) order by id limit 1) u
  `.execute(store.db);
  await sql`analyze`.execute(store.db);
  return performance.now() - start;
}

interface Measured {
  deemed: number;
  ms: number;
  rssBefore: number;
  rssPeak: number;
}

async function measuredSweep(store: Store, now: Date): Promise<Measured> {
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let rssPeak = rssBefore;
  const sampler = setInterval(() => {
    rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  }, 20);
  const start = performance.now();
  const outcome = await sweepNotifications(store.db, loadCalendar(), now);
  const ms = performance.now() - start;
  clearInterval(sampler);
  rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  return { deemed: outcome.deemed, ms, rssBefore, rssPeak };
}

async function run(location: StoreLocation, label: string): Promise<string[]> {
  const store = await openStore(location);
  try {
    log(`${label}: seeding ${totalCases} cases with ${openNotifications} open notifications…`);
    const seedMs = await seed(store);
    log(`${label}: seeded in ${(seedMs / 1000).toFixed(1)} s; sweeping…`);
    const first = await measuredSweep(store, firstSweepAt);
    const second = await measuredSweep(store, secondSweepAt);
    const chain = await verifyAuditChain(store.db);
    const left = await store.db
      .selectFrom('notifications')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('state', '=', 'available')
      .executeTakeFirstOrThrow();
    const row = (name: string, m: Measured) =>
      `| ${label} | ${name} | ${m.deemed} | ${(m.ms / 1000).toFixed(2)} s | ${m.ms < targetMs ? 'met' : 'not met'} | ${mib(m.rssBefore)} MiB | ${mib(m.rssPeak)} MiB | +${mib(m.rssPeak - m.rssBefore)} MiB |`;
    log(
      `${label}: first ${first.deemed} in ${first.ms.toFixed(0)} ms, second ${second.deemed} in ${second.ms.toFixed(0)} ms`,
    );
    if (left.n !== 0 || !chain.ok)
      throw new Error(`sweep incomplete: ${left.n} left, audit chain ok=${chain.ok}`);
    return [row('2,000 due', first), row('18,000 due', second)];
  } finally {
    await store.close();
  }
}

export async function main(): Promise<void> {
  const loadBefore = loadAverages();
  const sharedMachine = machineIsShared();
  const scratch = mkdtempSync(join(tmpdir(), 'despacho-bench-sweep-'));
  const rows: string[] = [];
  try {
    rows.push(...(await run({ kind: 'pglite', dataDir: join(scratch, 'pglite') }, 'PGlite')));
    if (postgresAvailable()) {
      const server = await startThrowawayPostgres();
      try {
        rows.push(
          ...(await run(
            { kind: 'postgres', connectionString: await freshDatabase(server.url, 'bench_sweep') },
            'PostgreSQL',
          )),
        );
      } finally {
        await server.stop();
      }
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const loadAfter = loadAverages();
  writeResultsSection(
    'sweep',
    `## Notification sweep (art. 43.2): 100,000 cases, 20,000 open notifications

\`npm run bench -- sweep\`. ${totalCases.toLocaleString('en')} cases and ${openNotifications.toLocaleString('en')} open electronic notifications seeded by bulk SQL; a first sweep finds 2,000 due, a second the remaining 18,000 (batches of 2,000: one statement updates the notifications, adds their events and moves their cases to \`notified\`, then one audit entry per notification, in one transaction per batch). Target: each sweep under ${targetMs / 1000} s, memory flat (the peak does not grow with the rows swept). RSS is the whole process's, PGlite's database included.

| store | sweep | deemed rejected | time | target | RSS before | RSS peak | growth |
|---|---|---|---|---|---|---|---|
${rows.join('\n')}

Load average (1/5/15 min) before: ${loadBefore}, after: ${loadAfter}${sharedMachine ? ' — the machine was shared with other work: times are longer than on a quiet machine' : ''}.`,
  );
}

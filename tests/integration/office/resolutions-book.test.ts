import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AlreadyNumberedError,
  bookLabel,
  confirmReservation,
  releaseReservations,
  reserveNumbers,
  ReservationLostError,
  type Reservation,
} from '../../../src/main/office/book/reservations';
import { csvCodePattern } from '../../../src/main/office/book/csv-code';
import { Prng } from '../../../src/main/office/demo/prng';
import { seedDemo } from '../../../src/main/office/demo/seed';
import { appendAudit, verifyAuditChain } from '../../../src/main/office/store/audit';
import { migrate } from '../../../src/main/office/store/migrate';
import { openStore, type Store, type StoreLocation } from '../../../src/main/office/store/open-store';
import { storeEngines } from '../../support/store-engines';
import { calendar } from '../../unit/office/support';
import { testCertifiedSigner } from '../../unit/office/support-book';

const scratch = mkdtempSync(join(tmpdir(), 'despacho-book-it-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const holdMs = 120_000;
const start = new Date('2026-06-15T08:00:00Z');

/** A clock the signers share and move on; expiries are judged against it, never the machine's. */
class TestClock {
  #now = start.getTime();
  now = (): Date => new Date(this.#now);
  pass(ms: number): void {
    this.#now += ms;
  }
}

interface World {
  store: Store;
  caseIds: number[];
  signerIds: string[];
}

/** A small demo city: the cases and heads the book entries point at. */
async function prepare(location: StoreLocation): Promise<Omit<World, 'store'>> {
  const store = await openStore(location);
  try {
    await migrate(store);
    await seedDemo(store, calendar(), { cases: 12, now: start, documents: false });
    const cases = await store.db.selectFrom('cases').select('id').orderBy('id').execute();
    const heads = await store.db
      .selectFrom('users')
      .select('id')
      .where(sql<boolean>`'head' = any(roles)`)
      .orderBy('id')
      .execute();
    return { caseIds: cases.map((row) => row.id), signerIds: heads.map((row) => row.id) };
  } finally {
    await store.close();
  }
}

/** What a desk does after the card signed: the book entry and its audit row in one transaction. */
function confirm(world: World, reservation: Reservation, signerId: string, now: Date) {
  return world.store.db.transaction().execute(async (trx) => {
    const caseId = world.caseIds[reservation.number % world.caseIds.length]!;
    const numbered = await confirmReservation(trx, reservation.reservationId, {
      now,
      caseId,
      signerId,
      signedSha256: 'a'.repeat(64),
      signer: testCertifiedSigner(signerId, null, reservation.number),
    });
    await appendAudit(trx, [
      {
        at: now,
        actorId: signerId,
        caseId,
        action: 'resolution.signed',
        details: { number: bookLabel(numbered) },
      },
    ]);
    return numbered;
  });
}

async function bookRows(store: Store) {
  return store.db
    .selectFrom('resolution_numbers')
    .select(['number', 'state', 'reserved_for', 'csv'])
    .where('year', '=', 2026)
    .orderBy('number')
    .execute();
}

/** Confirmed numbers are exactly 1..n, each document numbered once, each CSV its own. */
async function expectGapFree(store: Store, documents: readonly string[]) {
  const rows = await bookRows(store);
  expect(rows.map((row) => row.state)).toEqual(rows.map(() => 'confirmed'));
  expect(rows.map((row) => row.number)).toEqual(documents.map((_, index) => index + 1));
  expect(new Set(rows.map((row) => row.reserved_for))).toEqual(new Set(documents));
  expect(new Set(rows.map((row) => row.csv)).size).toBe(rows.length);
  for (const row of rows) expect(row.csv).toMatch(csvCodePattern);
}

/**
 * Several heads sign batches at once; items fail before signing (number released), after signing
 * (the desk dies: the reservation is abandoned) or lose their number to an expiry. Failed items are
 * retried until every document is numbered.
 */
async function signEverything(world: World, clock: TestClock, documentsPerSigner: number, seed: number) {
  const random = new Prng(seed);
  const everything: string[] = [];
  const signer = async (signerId: string) => {
    const pending = Array.from({ length: documentsPerSigner }, (_, i) => `${signerId}-req-${i}`);
    everything.push(...pending);
    while (pending.length > 0) {
      const batch = pending.splice(0, 3);
      const reservations = await reserveNumbers(world.store.db, { for: batch, now: clock.now(), holdMs });
      for (const reservation of reservations) {
        const fate = random.weighted([
          ['signed', 6],
          ['failed_before_signing', 2],
          ['desk_died_after_signing', 1],
          ['card_slower_than_the_reservation', 1],
        ] as const);
        if (fate === 'failed_before_signing') {
          await releaseReservations(world.store.db, [reservation.reservationId]);
          pending.push(reservation.reservedFor);
          continue;
        }
        if (fate === 'desk_died_after_signing') {
          pending.push(reservation.reservedFor);
          continue;
        }
        if (fate === 'card_slower_than_the_reservation') clock.pass(holdMs + 1);
        try {
          await confirm(world, reservation, signerId, clock.now());
        } catch (error) {
          if (!(error instanceof ReservationLostError)) throw error;
          pending.push(reservation.reservedFor);
        }
      }
    }
  };
  await Promise.all(world.signerIds.slice(0, 4).map(signer));
  return everything;
}

/** After the last reservations expire, the next documents take every number left behind. */
async function fillWhatWasLeft(world: World, clock: TestClock): Promise<string[]> {
  clock.pass(holdMs + 1);
  const left = (await bookRows(world.store)).filter((row) => row.state !== 'confirmed');
  const later = left.map((_, index) => `later-req-${index}`);
  const reservations = await reserveNumbers(world.store.db, { for: later, now: clock.now(), holdMs });
  expect(reservations.map((reservation) => reservation.number)).toEqual(left.map((row) => row.number));
  for (const reservation of reservations) await confirm(world, reservation, world.signerIds[0]!, clock.now());
  return later;
}

/** A real desk process that reserves numbers and is killed with SIGKILL before it confirms them. */
async function reserveInAProcessThenKillIt(location: StoreLocation, now: Date, ids: string[]) {
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const script = join(import.meta.dirname, '..', '..', 'support', 'book', 'reserve-and-hold.ts');
  const child = spawn(
    process.execPath,
    ['--import', tsx, script, JSON.stringify(location), now.toISOString(), String(holdMs), ...ids],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const reservations = await new Promise<Reservation[]>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('\n')) resolve(JSON.parse(output) as Reservation[]);
    });
    child.once('exit', (code) => reject(new Error(`the desk process exited (${code}) first:\n${errors}`)));
  });
  const gone = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await gone;
  return reservations;
}

const engines = storeEngines(scratch, 'book');

describe.each(engines)('the resolutions book on %s', (_engine, newLocation) => {
  let location: StoreLocation;
  let city: Omit<World, 'store'>;

  beforeAll(async () => {
    location = await newLocation();
    city = await prepare(location);
  });

  /** Each test opens the store as a desk starting up would, and closes it. */
  async function withWorld(test: (world: World) => Promise<void>): Promise<void> {
    const store = await openStore(location);
    try {
      await test({ ...city, store });
    } finally {
      await store.close();
    }
  }

  it('numbers every document once, from 1 with no gap, while several heads sign with failures', () =>
    withWorld(async (world) => {
      const clock = new TestClock();
      const signed = await signEverything(world, clock, 9, 7);
      const later = await fillWhatWasLeft(world, clock);
      await expectGapFree(world.store, [...signed, ...later]);
      expect(await verifyAuditChain(world.store.db)).toMatchObject({ ok: true });
    }));

  it('gives the numbers of a desk killed between reserving and confirming to the next documents once they expire', async () => {
    const numbered = await withCount(location);
    const reservedAt = new Date(start.getTime() + 10 * 24 * 3_600_000);
    const killed = await reserveInAProcessThenKillIt(location, reservedAt, [
      'killed-1',
      'killed-2',
      'killed-3',
    ]);
    expect(killed.map((reservation) => reservation.number)).toEqual([
      numbered + 1,
      numbered + 2,
      numbered + 3,
    ]);

    await withWorld(async (world) => {
      const { db } = world.store;
      const stillHeld = await reserveNumbers(db, {
        for: ['while-held'],
        now: new Date(reservedAt.getTime() + holdMs - 1),
        holdMs,
      });
      expect(stillHeld.map((reservation) => reservation.number)).toEqual([numbered + 4]);
      const afterExpiry = new Date(reservedAt.getTime() + holdMs);
      const retried = await reserveNumbers(db, {
        for: ['killed-1', 'killed-2', 'killed-3'],
        now: afterExpiry,
        holdMs,
      });
      expect(retried.map((reservation) => reservation.number)).toEqual(killed.map((r) => r.number));
      expect(retried.map((reservation) => reservation.csv)).not.toEqual(killed.map((r) => r.csv));
      for (const reservation of [...retried, ...stillHeld])
        await confirm(world, reservation, world.signerIds[1]!, afterExpiry);

      await expect(confirm(world, killed[0]!, world.signerIds[1]!, afterExpiry)).rejects.toBeInstanceOf(
        ReservationLostError,
      );
      const rows = await bookRows(world.store);
      expect(rows.map((row) => row.number)).toEqual(rows.map((_, index) => index + 1));
      expect(rows.every((row) => row.state === 'confirmed')).toBe(true);
      expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
    });
  });

  it('refuses a second number for a document another desk already numbered, and gives the number back', () =>
    withWorld(async (world) => {
      const { db } = world.store;
      const now = new Date(start.getTime() + 20 * 24 * 3_600_000);
      const [first, second] = [
        ...(await reserveNumbers(db, { for: ['same-request'], now, holdMs })),
        ...(await reserveNumbers(db, { for: ['same-request'], now, holdMs })),
      ];
      const results = await Promise.allSettled([
        confirm(world, first!, world.signerIds[0]!, now),
        confirm(world, second!, world.signerIds[1]!, now),
      ]);
      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
      const refused = results.find((result) => result.status === 'rejected') as PromiseRejectedResult;
      expect(refused.reason).toBeInstanceOf(AlreadyNumberedError);
      const loser = results[0]!.status === 'rejected' ? first! : second!;
      await releaseReservations(db, [loser.reservationId]);
      const [next] = await reserveNumbers(db, { for: ['next-request'], now, holdMs });
      expect(next!.number).toBe(loser.number);
    }));

  it('starts each year at 1 and refuses to confirm a number of a year that has ended', () =>
    withWorld(async (world) => {
      const { db } = world.store;
      const lastMinute = new Date('2026-12-31T22:59:00Z');
      const newYear = new Date('2026-12-31T23:00:00Z');
      const [late] = await reserveNumbers(db, { for: ['new-year-eve'], now: lastMinute, holdMs });
      await expect(confirm(world, late!, world.signerIds[0]!, newYear)).rejects.toMatchObject({
        reason: 'year_changed',
      });
      const [first2027] = await reserveNumbers(db, { for: ['new-year-eve'], now: newYear, holdMs });
      expect(bookLabel(first2027!)).toBe('2027/000001');
      expect((await confirm(world, first2027!, world.signerIds[0]!, newYear)).year).toBe(2027);
    }));
});

async function withCount(location: StoreLocation): Promise<number> {
  const store = await openStore(location);
  try {
    return (await bookRows(store)).length;
  } finally {
    await store.close();
  }
}

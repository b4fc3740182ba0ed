import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ApiError } from '../../../src/shared/api/errors';
import type { Actor } from '../../../src/shared/api/access';
import type { StepAction, SigningMode } from '../../../src/shared/api/signatures';
import { EventBus } from '../../../src/main/events';
import { seedDemo } from '../../../src/main/office/demo/seed';
import { officeOnStore, type Office, type PreparedResolution } from '../../../src/main/office/index';
import { addsOneSignature } from '../../../src/main/office/signatures/signed-file';
import { defaultHoldMs } from '../../../src/main/office/signatures/signing-port';
import { DocumentContents } from '../../../src/main/office/signatures/document-contents';
import { verifyAuditChain } from '../../../src/main/office/store/audit';
import { migrate } from '../../../src/main/office/store/migrate';
import { openStore, type Store, type StoreLocation } from '../../../src/main/office/store/open-store';
import { freshDatabase, withDatabase } from '../../support/postgres';
import { storeEngines } from '../../support/store-engines';
import { appendFakeSignature } from '../../support/signatures/fake-signature';
import { signersCa } from '../../support/signatures/signers-ca';
import { calendar, Desk } from '../../unit/office/support';

const scratch = mkdtempSync(join(tmpdir(), 'despacho-signing-office-it-'));
/** Each head signs with their own card, of a CA the office trusts; the office checks who signed. */
const signers = signersCa();
afterAll(() => {
  signers.close();
  rmSync(scratch, { recursive: true, force: true });
});

const start = new Date('2026-06-15T08:00:00Z');
const holdMs = defaultHoldMs;

/** A clock the desks share and move on; expiries are judged against it, never the machine's. */
class TestClock {
  #now: number;
  constructor(at: Date = start) {
    this.#now = at.getTime();
  }
  now = (): Date => new Date(this.#now);
  pass(ms: number): void {
    this.#now += ms;
  }
}

interface World {
  store: Store;
  office: Office;
  clock: TestClock;
  desk(userId: string): Desk;
  actor(userId: string): Promise<Actor>;
  close(): Promise<void>;
}

async function openWorld(location: StoreLocation, clock: TestClock): Promise<World> {
  const store = await openStore(location);
  const office = await officeOnStore(store, location, {
    mode: 'server',
    signIn: 'identityProvider',
    events: new EventBus(),
    calendar: calendar(),
    now: clock.now,
    signerCheck: signers.check,
  });
  return {
    store,
    office,
    clock,
    desk: (userId) => new Desk(office, userId).signInByIdentityProvider(userId),
    actor: async (userId) => {
      const actor = await office.actors.resolve(userId);
      if (!actor) throw new Error(`no user ${userId}`);
      return actor;
    },
    close: () => office.close(),
  };
}

const codeOf = (error: unknown): string => {
  if (error instanceof ApiError) return error.code;
  throw error;
};

/** Cases that can go for signature, by department, in id order; each test takes its own. */
async function casesToSend(store: Store) {
  const rows = await store.db
    .selectFrom('cases')
    .select(['id', 'number', 'department_id'])
    .where('state', 'in', ['in_progress', 'proposal'])
    .where('id', 'not in', store.db.selectFrom('signature_requests').select('case_id'))
    .orderBy('id')
    .execute();
  return rows.map((row) => ({ id: String(row.id), prefix: row.number.split('-')[0]!.toLowerCase() }));
}

const heads = (prefix: string) => [`${prefix}-jefatura`, `${prefix}-concejalia`] as const;

/** The department's first processor drafts the case's resolution from its template and sends it. */
async function send(
  world: World,
  target: { id: string; prefix: string },
  steps: { signerId: string; action: StepAction }[],
  mode: SigningMode = 'cascade',
  expiresOn = '2026-12-31',
) {
  const processor = world.desk(`${target.prefix}-01`);
  const draft = await processor.call('resolutions.draft', { caseId: target.id, locale: 'es' });
  return processor.call('signatures.send', {
    caseId: target.id,
    locale: draft.locale,
    title: draft.title,
    text: draft.text,
    mode,
    priority: 'normal',
    expiresOn,
    steps,
  });
}

const prepared = (outcome: Awaited<ReturnType<Office['signing']['prepare']>>[number]): PreparedResolution => {
  if ('error' in outcome) throw new Error(`prepare refused ${outcome.requestId}: ${outcome.error}`);
  return outcome;
};

async function signAndConfirm(world: World, actor: Actor, item: PreparedResolution) {
  return world.office.signing.confirm(actor, item, await signers.signAs(item.pdf, item.fieldName, actor.id));
}

async function bookRows(store: Store) {
  return store.db
    .selectFrom('resolution_numbers')
    .select(['number', 'state', 'reserved_for', 'expires_at'])
    .where('year', '=', 2026)
    .orderBy('number')
    .execute();
}

/**
 * No number skipped or used twice: the confirmed numbers are exactly 1..n, each for one request,
 * and every number above them is waiting to be reused (free, or reserved and expired).
 */
async function expectNoGap(world: World) {
  const rows = await bookRows(world.store);
  const confirmed = rows.filter((row) => row.state === 'confirmed');
  expect(confirmed.map((row) => row.number)).toEqual(confirmed.map((_, index) => index + 1));
  expect(new Set(confirmed.map((row) => row.reserved_for)).size).toBe(confirmed.length);
  for (const row of rows.filter((row) => row.state !== 'confirmed')) {
    expect(row.number).toBeGreaterThan(confirmed.length);
    if (row.state === 'reserved')
      expect(row.expires_at!.getTime()).toBeLessThanOrEqual(world.clock.now().getTime());
  }
  const numbered = await world.store.db
    .selectFrom('signature_requests')
    .select(['id', 'book_number'])
    .where('book_number', 'is not', null)
    .execute();
  expect(new Set(numbered.map((row) => row.book_number)).size).toBe(numbered.length);
  expect(new Set(confirmed.map((row) => row.reserved_for))).toEqual(
    new Set(numbered.map((row) => `signature-request:${row.id}`)),
  );
}

/** Each numbered request's current file is in the store and holds one signature per sign step done. */
async function expectSignedFiles(world: World, location: StoreLocation) {
  const contents = new DocumentContents(
    location.kind === 'pglite' ? join(location.dataDir, 'documents') : null,
  );
  const requests = await world.store.db
    .selectFrom('signature_requests as q')
    .innerJoin('documents as d', 'd.id', 'q.document_id')
    .select(['q.id', 'd.sha256', 'd.document_type'])
    .execute();
  for (const request of requests) {
    const bytes = await contents.read(world.store.db, request.sha256);
    expect(bytes, `file of request ${request.id}`).not.toBeNull();
    const signatures =
      Buffer.from(bytes!)
        .toString('latin1')
        .match(/\/ByteRange/g)?.length ?? 0;
    const signed = await world.store.db
      .selectFrom('signature_steps')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('request_id', '=', request.id)
      .where('action', '=', 'sign')
      .where('state', '=', 'done')
      .executeTakeFirstOrThrow();
    expect(signatures).toBe(signed.n);
    expect(request.document_type).toBe('TD01');
  }
}

/**
 * A head at work: their pending tray, a few at a time; approvals given, signatures prepared, signed
 * and confirmed, with failures injected: failed before signing (released), desk died after signing
 * (abandoned, its number held until it expires), a card slower than the reservation, the same
 * signature confirmed from two desks at once. Returns once nothing is left for them.
 */
const fates = [
  'signed',
  'failed_before_signing',
  'signed',
  'desk_died_after_signing',
  'signed',
  'card_slower_than_the_reservation',
  'signed',
  'confirmed_from_two_desks',
] as const;
type Fate = (typeof fates)[number];

/** The faults, in turn, over every signature the heads make: each one happens, whatever the interleaving. */
class FaultSchedule {
  readonly applied: Fate[] = [];
  next(): Fate {
    const fate = fates[this.applied.length % fates.length]!;
    this.applied.push(fate);
    return fate;
  }
}

async function headAtWork(world: World, headId: string, faults: FaultSchedule, refusals: string[]) {
  const desk = world.desk(headId);
  const actor = await world.actor(headId);
  const leftForMe = async () =>
    (
      await world.store.db
        .selectFrom('signature_steps as s')
        .innerJoin('signature_requests as q', 'q.id', 's.request_id')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('s.signer_id', '=', headId)
        .where('s.state', 'in', ['pending', 'waiting'])
        .where('q.state', '=', 'pending')
        .executeTakeFirstOrThrow()
    ).n;
  for (let round = 0; round < 600; round += 1) {
    const { rows } = await desk.call('signatures.tray', { box: 'pending', limit: 3 });
    if (rows.length === 0) {
      if ((await leftForMe()) === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 5));
      continue;
    }
    for (const row of rows.filter((candidate) => candidate.step.action === 'approve'))
      await desk.call('signatures.approve', { requestId: row.id });
    const toSign = rows.filter((row) => row.step.action === 'sign').map((row) => row.id);
    for (const outcome of await world.office.signing.prepare(actor, toSign)) {
      if ('error' in outcome) {
        refusals.push(outcome.error);
        continue;
      }
      const fate = faults.next();
      if (fate === 'failed_before_signing') {
        await world.office.signing.release(actor, [outcome]);
        continue;
      }
      if (fate === 'desk_died_after_signing') continue;
      if (fate === 'card_slower_than_the_reservation') world.clock.pass(holdMs + 1);
      const signed = await signers.signAs(outcome.pdf, outcome.fieldName, actor.id);
      const attempts = fate === 'confirmed_from_two_desks' ? 2 : 1;
      const results = await Promise.allSettled(
        Array.from({ length: attempts }, () => world.office.signing.confirm(actor, outcome, signed)),
      );
      for (const result of results) if (result.status === 'rejected') refusals.push(codeOf(result.reason));
      if (attempts === 2 && results.some((result) => result.status === 'fulfilled'))
        expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    }
  }
  throw new Error(`${headId} still has requests to sign after 600 rounds`);
}

/** A real desk process that prepares resolutions and is killed with SIGKILL before it confirms them. */
async function prepareInAProcessThenKillIt(
  location: StoreLocation,
  now: Date,
  userId: string,
  ids: string[],
) {
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const script = join(import.meta.dirname, '..', '..', 'support', 'signatures', 'prepare-and-hold.ts');
  const child = spawn(
    process.execPath,
    ['--import', tsx, script, JSON.stringify(location), now.toISOString(), userId, ...ids],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const items = await new Promise<(PreparedResolution & { pdf: string })[]>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('\n')) resolve(JSON.parse(output) as (PreparedResolution & { pdf: string })[]);
    });
    child.once('exit', (code) => reject(new Error(`the desk process exited (${code}) first:\n${errors}`)));
  });
  const gone = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await gone;
  return items.map((item) => ({ ...item, pdf: new Uint8Array(Buffer.from(item.pdf, 'base64')) }));
}

const engines = storeEngines(scratch, 'signing');

async function seeded(location: StoreLocation): Promise<void> {
  const store = await openStore(location);
  try {
    await migrate(store);
    await seedDemo(store, calendar(), { cases: 160, now: start, documents: false });
  } finally {
    await store.close();
  }
}

describe.each(engines)('signing resolutions through the office on %s', (_engine, newLocation) => {
  let location: StoreLocation;

  beforeAll(async () => {
    location = await newLocation();
    await seeded(location);
  });

  /** Each test opens the office as a desk starting up would (with its own clock), and closes it. */
  async function withWorld(clock: TestClock, test: (world: World) => Promise<void>): Promise<void> {
    const world = await openWorld(location, clock);
    try {
      await test(world);
    } finally {
      await world.close();
    }
  }

  it(
    'numbers every resolution once, from 1 with no gap, while heads sign concurrently with failures',
    () =>
      withWorld(new TestClock(), async (world) => {
        const departments = ['urb', 'act', 'sso', 'tri'];
        const available = await casesToSend(world.store);
        const requests: string[] = [];
        for (const prefix of departments) {
          const [boss, councillor] = heads(prefix);
          const shapes: [SigningMode, { signerId: string; action: StepAction }[]][] = [
            [
              'cascade',
              [
                { signerId: boss, action: 'sign' },
                { signerId: councillor, action: 'sign' },
              ],
            ],
            [
              'parallel',
              [
                { signerId: boss, action: 'sign' },
                { signerId: councillor, action: 'sign' },
              ],
            ],
            [
              'cascade',
              [
                { signerId: boss, action: 'approve' },
                { signerId: councillor, action: 'sign' },
              ],
            ],
            ['parallel', [{ signerId: councillor, action: 'sign' }]],
          ];
          const mine = available.filter((candidate) => candidate.prefix === prefix).slice(0, shapes.length);
          expect(mine).toHaveLength(shapes.length);
          for (const [index, [mode, steps]] of shapes.entries())
            requests.push((await send(world, mine[index]!, steps, mode)).id);
        }
        const refusals: string[] = [];
        const faults = new FaultSchedule();
        await Promise.all(
          departments
            .flatMap((prefix) => heads(prefix))
            .map((head) => headAtWork(world, head, faults, refusals)),
        );
        expect(new Set(faults.applied)).toEqual(new Set(fates));
        // Only the refusals the injected faults call for: nobody signed what was not theirs to sign.
        const expected = ['signature_number_lost', 'signature_stale', 'signature_already_signed'];
        expect(refusals.filter((code) => !expected.includes(code))).toEqual([]);

        const states = await world.store.db
          .selectFrom('signature_requests as q')
          .innerJoin('cases as c', 'c.id', 'q.case_id')
          .select(['q.state', 'c.state as case_state'])
          .where('q.id', 'in', requests.map(Number))
          .execute();
        expect(states.map((row) => `${row.state}/${row.case_state}`)).toEqual(
          requests.map(() => 'signed/resolved'),
        );

        // What the desks that died left behind goes to the next resolutions once it expires.
        world.clock.pass(holdMs + 1);
        const leftBehind = (await bookRows(world.store)).filter((row) => row.state !== 'confirmed');
        const spare = (await casesToSend(world.store)).filter((candidate) => candidate.prefix === 'pad');
        const later = [];
        for (const target of spare.slice(0, leftBehind.length))
          later.push((await send(world, target, [{ signerId: 'pad-jefatura', action: 'sign' }])).id);
        expect(later).toHaveLength(leftBehind.length);
        const padHead = await world.actor('pad-jefatura');
        const taken = [];
        for (const outcome of await world.office.signing.prepare(padHead, later)) {
          taken.push((await signAndConfirm(world, padHead, prepared(outcome))).number);
        }
        expect(taken).toEqual(leftBehind.map((row) => `2026/${String(row.number).padStart(6, '0')}`));
        await expectNoGap(world);
        expect((await bookRows(world.store)).every((row) => row.state === 'confirmed')).toBe(true);
        await expectSignedFiles(world, location);
        expect(await verifyAuditChain(world.store.db)).toMatchObject({ ok: true });
      }),
    // Every confirmation signs and verifies a real signature: on a busy machine this takes minutes.
    600_000,
  );

  it('gives the numbers of a desk killed between prepare and confirm to the next resolutions once they expire', async () => {
    const reservedAt = new Date(start.getTime() + 2 * 3_600_000);
    const ids: string[] = [];
    let before = 0;
    await withWorld(new TestClock(reservedAt), async (world) => {
      const targets = (await casesToSend(world.store))
        .filter((candidate) => candidate.prefix === 'tri')
        .slice(0, 3);
      for (const target of targets)
        ids.push((await send(world, target, [{ signerId: 'tri-jefatura', action: 'sign' }])).id);
      before = (await bookRows(world.store)).length;
    });
    // The folder (or database) is the killed desk's while it runs: this test's desk is closed.
    const killed = await prepareInAProcessThenKillIt(location, reservedAt, 'tri-jefatura', ids);
    expect(killed.map((item) => item.number)).toEqual(
      [1, 2, 3].map((n) => `2026/${String(before + n).padStart(6, '0')}`),
    );

    const clock = new TestClock(new Date(reservedAt.getTime() + holdMs - 1));
    await withWorld(clock, async (world) => {
      const head = await world.actor('tri-jefatura');
      // Still held by the dead desk: a retry now gets other numbers, and cancels them.
      const whileHeld = (await world.office.signing.prepare(head, ids)).map(prepared);
      expect(whileHeld.map((item) => item.number)).toEqual(
        [4, 5, 6].map((n) => `2026/${String(before + n).padStart(6, '0')}`),
      );
      await world.office.signing.release(head, whileHeld);

      clock.pass(1);
      const retried = (await world.office.signing.prepare(head, ids)).map(prepared);
      expect(retried.map((item) => item.number)).toEqual(killed.map((item) => item.number));
      expect(retried.map((item) => item.csv)).not.toEqual(killed.map((item) => item.csv));
      for (const item of retried) await signAndConfirm(world, head, item);

      // The dead desk's signature, had it been made, can no longer be confirmed.
      expect(codeOf(await signAndConfirm(world, head, killed[0]!).catch((error: unknown) => error))).toBe(
        'signature_already_signed',
      );
      await expectNoGap(world);
      expect(await verifyAuditChain(world.store.db)).toMatchObject({ ok: true });
    });
  });

  it('refuses a second desk confirming the same request, and gives its number to the next one', () =>
    withWorld(new TestClock(new Date(start.getTime() + 4 * 3_600_000)), async (world) => {
      const [target, next] = (await casesToSend(world.store)).filter(
        (candidate) => candidate.prefix === 'sec',
      );
      const request = await send(world, target!, [{ signerId: 'sec-jefatura', action: 'sign' }]);
      const head = await world.actor('sec-jefatura');
      const [first] = (await world.office.signing.prepare(head, [request.id])).map(prepared);
      const [second] = (await world.office.signing.prepare(head, [request.id])).map(prepared);
      expect(first!.number).not.toBe(second!.number);
      const results = await Promise.allSettled([
        signAndConfirm(world, head, first!),
        signAndConfirm(world, head, second!),
      ]);
      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
      const refused = results.find((result) => result.status === 'rejected') as PromiseRejectedResult;
      expect(codeOf(refused.reason)).toBe('signature_already_signed');
      const loser = results[0]!.status === 'rejected' ? first! : second!;

      const following = await send(world, next!, [{ signerId: 'sec-jefatura', action: 'sign' }]);
      const [taken] = (await world.office.signing.prepare(head, [following.id])).map(prepared);
      expect(taken!.number).toBe(loser.number);
      await signAndConfirm(world, head, taken!);
      await expectNoGap(world);
    }));

  it('refuses a changed document, an expired request, an inactive signer, a lost number and a forged file', () =>
    withWorld(new TestClock(new Date(start.getTime() + 6 * 3_600_000)), async (world) => {
      const targets = (await casesToSend(world.store)).filter((candidate) => candidate.prefix === 'sso');
      const [changed, expiring, absent, slow, forged, other] = targets;
      const sign = (signerId: string) => [{ signerId, action: 'sign' as const }];
      const head = await world.actor('sso-jefatura');

      // The resolution changed after it was sent (here, in the database behind the office's back).
      const changedRequest = await send(world, changed!, sign('sso-jefatura'));
      const [beforeChange] = (await world.office.signing.prepare(head, [changedRequest.id])).map(prepared);
      await sql`update signature_requests set resolution = jsonb_set(resolution, '{text,decision}', '"Se deniega."') where id = ${Number(changedRequest.id)}`.execute(
        world.store.db,
      );
      expect(await world.office.signing.prepare(head, [changedRequest.id])).toEqual([
        { requestId: changedRequest.id, error: 'signature_document_changed' },
      ]);
      expect(codeOf(await signAndConfirm(world, head, beforeChange!).catch((error: unknown) => error))).toBe(
        'signature_document_changed',
      );

      // Past its last day: refused, and the case goes back to the processor.
      const expiringRequest = await send(world, expiring!, sign('sso-jefatura'), 'cascade', '2026-06-15');
      world.clock.pass(24 * 3_600_000);
      expect(await world.office.signing.prepare(head, [expiringRequest.id])).toEqual([
        { requestId: expiringRequest.id, error: 'signature_expired' },
      ]);
      const expired = await world.desk('sso-01').call('signatures.get', { requestId: expiringRequest.id });
      expect(expired.state).toBe('expired');
      expect((await world.desk('sso-01').call('cases.get', { caseId: expiring!.id })).case.state).toBe(
        'proposal',
      );

      // Addressed to a head who is no longer active: not even their substitute may sign it.
      const absentRequest = await send(world, absent!, sign('sso-concejalia'));
      await world.desk('sso-concejalia').call('substitutions.create', {
        substituteId: 'sso-jefatura',
        kind: 'substitution',
        startsOn: '2026-06-16',
        endsOn: '2026-06-30',
      });
      const [asSubstitute] = (await world.office.signing.prepare(head, [absentRequest.id])).map(prepared);
      expect(asSubstitute!.onBehalfOf).toMatch(/Demo/);
      await world.office.signing.release(head, [asSubstitute!]);
      await world.store.db
        .updateTable('users')
        .set({ active: false })
        .where('id', '=', 'sso-concejalia')
        .execute();
      try {
        expect(await world.office.signing.prepare(head, [absentRequest.id])).toEqual([
          { requestId: absentRequest.id, error: 'signature_signer_inactive' },
        ]);
      } finally {
        await world.store.db
          .updateTable('users')
          .set({ active: true })
          .where('id', '=', 'sso-concejalia')
          .execute();
      }

      // A card slower than the reservation, whose number another resolution took meanwhile.
      const slowRequest = await send(world, slow!, sign('sso-jefatura'));
      const [slowItem] = (await world.office.signing.prepare(head, [slowRequest.id])).map(prepared);
      const signedSlowly = await signers.signAs(slowItem!.pdf, slowItem!.fieldName, head.id);
      world.clock.pass(holdMs + 1);
      const otherRequest = await send(world, other!, sign('sso-jefatura'));
      const [otherItem] = (await world.office.signing.prepare(head, [otherRequest.id])).map(prepared);
      expect(otherItem!.number).toBe(slowItem!.number);
      expect(
        codeOf(
          await world.office.signing.confirm(head, slowItem!, signedSlowly).catch((error: unknown) => error),
        ),
      ).toBe('signature_number_lost');
      await signAndConfirm(world, head, otherItem!);

      // Files that are not the prepared one plus one signature in the signer's field.
      const forgedRequest = await send(world, forged!, sign('sso-jefatura'));
      const forgeries: ((item: PreparedResolution) => Promise<Uint8Array>)[] = [
        async (item) => item.pdf,
        async (item) => {
          const tampered = await appendFakeSignature(item.pdf, item.fieldName);
          tampered[200] = tampered[200]! ^ 1;
          return tampered;
        },
        async (item) =>
          appendFakeSignature(await appendFakeSignature(item.pdf, item.fieldName), item.fieldName),
      ];
      for (const forge of forgeries) {
        const [item] = (await world.office.signing.prepare(head, [forgedRequest.id])).map(prepared);
        const bad = await forge(item!);
        expect(await addsOneSignature(item!.pdf, bad, item!.fieldName)).toBe(false);
        expect(
          codeOf(await world.office.signing.confirm(head, item!, bad).catch((error: unknown) => error)),
        ).toBe('signature_invalid_signed_file');
      }
      // Every refused confirmation gave its number back: the genuine signature takes the same one.
      const [genuine] = (await world.office.signing.prepare(head, [forgedRequest.id])).map(prepared);
      await signAndConfirm(world, head, genuine!);
      await expectNoGap(world);
      expect(await verifyAuditChain(world.store.db)).toMatchObject({ ok: true });
    }));
});

describe('the app role on a server', () => {
  it('sends, signs, approves and rejects with only the grants the migrations give it', async () => {
    // The role is the server's (one per cluster): made here only if missing, and then dropped again,
    // so that databases other tests create later get no grants to it.
    const admin = new pg.Client({ connectionString: inject('postgresUrl') });
    await admin.connect();
    const existed =
      (await admin.query("select 1 from pg_roles where rolname = 'despacho_app'")).rowCount === 1;
    if (!existed) await admin.query('create role despacho_app login');
    await admin.end();
    const database = `signing_app_${Math.floor(Math.random() * 1e9)}`;
    const ownerUrl = await freshDatabase(inject('postgresUrl'), database);
    try {
      await seeded({ kind: 'postgres', connectionString: ownerUrl });
      const appLocation: StoreLocation = {
        kind: 'postgres',
        connectionString: withDatabase(ownerUrl, database, 'despacho_app'),
      };
      const world = await openWorld(appLocation, new TestClock());
      try {
        const [signedCase, approvedCase, rejectedCase] = (await casesToSend(world.store)).filter(
          (candidate) => candidate.prefix === 'urb',
        );
        const head = await world.actor('urb-jefatura');
        const signed = await send(world, signedCase!, [{ signerId: 'urb-jefatura', action: 'sign' }]);
        const [item] = (await world.office.signing.prepare(head, [signed.id])).map(prepared);
        expect((await signAndConfirm(world, head, item!)).number).toBe('2026/000001');
        const approved = await send(world, approvedCase!, [
          { signerId: 'urb-concejalia', action: 'approve' },
          { signerId: 'urb-jefatura', action: 'sign' },
        ]);
        await world.desk('urb-concejalia').call('signatures.approve', { requestId: approved.id });
        const rejected = await send(world, rejectedCase!, [{ signerId: 'urb-jefatura', action: 'sign' }]);
        await world
          .desk('urb-jefatura')
          .call('signatures.reject', { requestId: rejected.id, reason: 'Falta el informe.' });
        await world.desk('urb-jefatura').call('substitutions.create', {
          substituteId: 'urb-concejalia',
          kind: 'delegation',
          startsOn: '2026-06-15',
          endsOn: '2026-06-20',
        });
        await expectSignedFiles(world, appLocation);
      } finally {
        await world.close();
      }
    } finally {
      const owner = new pg.Client({ connectionString: inject('postgresUrl') });
      await owner.connect();
      await owner.query(`drop database if exists ${database} with (force)`);
      if (!existed) await owner.query('drop role if exists despacho_app');
      await owner.end();
    }
  });
});

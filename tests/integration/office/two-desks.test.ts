import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { EventBus } from '../../../src/main/events';
import { seedDemo } from '../../../src/main/office/demo/seed';
import { openOffice, type Office } from '../../../src/main/office/index';
import { verifyAuditChain } from '../../../src/main/office/store/audit';
import { defaultMigrationsDir, migrate } from '../../../src/main/office/store/migrate';
import { openStore, type StoreLocation } from '../../../src/main/office/store/open-store';
import { freshPgliteFolder } from '../../support/fresh-pglite';
import { freshDatabase, withDatabase } from '../../support/postgres';
import { calendar, Desk, drainUnassigned, errorCode, fixedNow } from '../../unit/office/support';

const scratch = mkdtempSync(join(tmpdir(), 'despacho-office-it-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Opens the store once to migrate it and build the demo city, then closes it. */
async function seedStore(location: StoreLocation, cases: number): Promise<void> {
  const store = await openStore(location);
  try {
    await migrate(store);
    await seedDemo(store, calendar(), { cases, now: fixedNow, documents: false });
  } finally {
    await store.close();
  }
}

/** A server signs people in through an identity provider; the embedded desk offers its demo people. */
const signInFor = { server: 'identityProvider', embedded: 'demoPicker' } as const;
const open = (store: StoreLocation, mode: 'server' | 'embedded', events = new EventBus()) =>
  openOffice({ store, mode, signIn: signInFor[mode], events, today: () => fixedNow });

/** The department's unassigned case ids straight from the database, to compare with what was claimed. */
async function unassignedIds(connectionString: string, department: string): Promise<string[]> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const result = await client.query<{ id: number }>(
      'select id from cases where department_id = $1 and is_open and assignee_id is null order by id',
      [department],
    );
    return result.rows.map((row) => String(row.id));
  } finally {
    await client.end();
  }
}

async function chainOf(location: StoreLocation) {
  const store = await openStore(location);
  try {
    return await verifyAuditChain(store.db);
  } finally {
    await store.close();
  }
}

describe('two desks on one PostgreSQL database', () => {
  let url: string;
  let offices: Office[] = [];

  beforeAll(async () => {
    url = await freshDatabase(inject('postgresUrl'), 'two_desks');
    await seedStore({ kind: 'postgres', connectionString: url }, 1500);
  });
  afterAll(async () => {
    await Promise.all(offices.map((office) => office.close()));
  });

  it('ran the same migration files as PGlite', async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const rows = (await client.query('select name, checksum from schema_migrations order by name')).rows;
    await client.end();
    const files = readdirSync(defaultMigrationsDir)
      .filter((name) => name.endsWith('.sql'))
      .sort();
    expect(rows).toEqual(
      files.map((name) => ({
        name,
        checksum: createHash('sha256')
          .update(readFileSync(join(defaultMigrationsDir, name)))
          .digest('hex'),
      })),
    );
  });

  it('never gives one case to two desks: every free case is claimed exactly once', async () => {
    const location = { kind: 'postgres', connectionString: url } as const;
    offices = [await open(location, 'server'), await open(location, 'server')];
    const before = await unassignedIds(url, 'urbanismo');
    expect(before.length).toBeGreaterThan(20);
    const users = ['urb-01', 'urb-02', 'urb-03', 'urb-04', 'urb-05'];
    // Two office instances (two processes' worth of pools), desks spread over both.
    const desks = await Promise.all(
      users.map((user, index) => new Desk(offices[index % 2]!, user).signInByIdentityProvider(user)),
    );
    const claimed = await drainUnassigned(desks);
    expect(claimed.length).toBe(new Set(claimed).size);
    expect([...claimed].sort()).toEqual([...before].sort());
    expect(await unassignedIds(url, 'urbanismo')).toEqual([]);
    expect(await chainOf(location)).toMatchObject({ ok: true });

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const perCase = await client.query<{ case_id: number; claims: number }>(
      `select case_id, count(*)::int as claims from audit_trail
       where action = 'case.claimed' and at >= now() - interval '1 hour' group by case_id having count(*) <> 1`,
    );
    await client.end();
    expect(perCase.rows).toEqual([]);
  });

  it('tells the second desk the case is taken', async () => {
    const [first] = offices;
    const [ana, bea] = [
      new Desk(first!, 'ana').signInByIdentityProvider('tri-01'),
      new Desk(offices[1]!, 'bea').signInByIdentityProvider('tri-02'),
    ];
    const [free] = (await ana.call('cases.list', { queue: 'unassigned', limit: 1 })).rows;
    const results = await Promise.allSettled([
      ana.call('cases.claim', { caseId: free!.id }),
      bea.call('cases.claim', { caseId: free!.id }),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((result) => result.status === 'rejected');
    expect((refused as PromiseRejectedResult).reason).toMatchObject({ code: 'already_claimed' });
  });
  it("lets each office instance see the other's changes as events", async () => {
    const location = { kind: 'postgres', connectionString: url } as const;
    const [busA, busB] = [new EventBus(), new EventBus()];
    const a = await open(location, 'server', busA);
    const b = await open(location, 'server', busB);
    try {
      const heard = (bus: EventBus, count: number) =>
        new Promise<unknown[]>((resolve) => {
          const seen: unknown[] = [];
          bus.subscribe((name, payload, audience) => {
            seen.push({ name, payload, audience });
            if (seen.length === count) resolve(seen);
          });
        });
      const [heardByA, heardByB] = [heard(busA, 2), heard(busB, 2)];
      const first = await new Desk(a, 'a').signInByIdentityProvider('sec-01').call('cases.claimNext', {});
      const second = await new Desk(b, 'b').signInByIdentityProvider('sec-02').call('cases.claimNext', {});
      // A notice from another instance keeps its audience: only Secretaría's readers hear of it.
      const change = (caseId: string) => ({
        name: 'cases.changed',
        payload: { caseIds: [caseId], departmentId: 'secretaria', kind: 'claimed' },
        audience: { kind: 'department', departmentId: 'secretaria', roles: ['processor', 'head'] },
      });
      const both = [change(first!.id), change(second!.id)];
      // Each instance hears its own change once (not again when its notice comes back) and the other's.
      expect(await heardByA).toEqual(both);
      // B's own change is told at once; A's notice comes over the listening connection, in any order.
      expect(await heardByB).toHaveLength(2);
      expect(await heardByB).toEqual(expect.arrayContaining(both));
    } finally {
      await a.close();
      await b.close();
    }
  });
});

describe('the app role on a server', () => {
  it('may claim cases but not rewrite or erase the audit trail', async () => {
    const admin = new pg.Client({ connectionString: inject('postgresUrl') });
    await admin.connect();
    await admin.query('drop role if exists despacho_app');
    await admin.query('create role despacho_app login');
    await admin.end();
    const ownerUrl = await freshDatabase(inject('postgresUrl'), 'app_role');
    await seedStore({ kind: 'postgres', connectionString: ownerUrl }, 100);

    const appUrl = withDatabase(ownerUrl, 'app_role', 'despacho_app');
    const office = await open({ kind: 'postgres', connectionString: appUrl }, 'server');
    try {
      const desk = new Desk(office, 'app').signInByIdentityProvider('pad-01');
      expect((await desk.call('cases.claimNext', {}))?.assigneeId).toBe('pad-01');
    } finally {
      await office.close();
    }
    const app = new pg.Client({ connectionString: appUrl });
    await app.connect();
    try {
      for (const statement of [
        'update audit_trail set action = $1',
        'delete from audit_trail where action = $1',
      ]) {
        await expect(app.query(statement, ['x'])).rejects.toMatchObject({ code: '42501' });
      }
      await expect(app.query('truncate audit_trail')).rejects.toMatchObject({ code: '42501' });
    } finally {
      await app.end();
    }
    expect(await chainOf({ kind: 'postgres', connectionString: ownerUrl })).toMatchObject({ ok: true });
  });

  it('refuses a database that belongs to something else', async () => {
    const foreignUrl = await freshDatabase(inject('postgresUrl'), 'foreign_app');
    const client = new pg.Client({ connectionString: foreignUrl });
    await client.connect();
    await client.query('create table invoices (id integer)');
    await client.end();
    await expect(open({ kind: 'postgres', connectionString: foreignUrl }, 'server')).rejects.toMatchObject({
      code: 'storage_corrupt',
      params: { path: 'foreign_app' },
    });
  });
});

describe('desks sharing one embedded PGlite store', () => {
  it('claim concurrently without double claims, through openOffice on a data folder', async () => {
    const location = { kind: 'pglite', dataDir: freshPgliteFolder(scratch, 'embedded-') } as const;
    // Enough unassigned cases in one department for four desks to race over (checked below).
    await seedStore(location, 200);
    const office = await open(location, 'embedded');
    try {
      const users = ['act-01', 'act-02', 'act-03', 'act-04'];
      const desks = await Promise.all(users.map((user) => new Desk(office, user).signIn(user)));
      const before = (await desks[0]!.call('cases.queueCounts', {})).unassigned;
      expect(before).toBeGreaterThan(5);
      const claimed = await drainUnassigned(desks);
      expect(claimed.length).toBe(before);
      expect(new Set(claimed).size).toBe(before);
      expect(await errorCode(desks[1]!.call('cases.claim', { caseId: claimed[0]! }))).toBe('already_claimed');
    } finally {
      await office.close();
    }
    expect(await chainOf(location)).toMatchObject({ ok: true });
  });
});

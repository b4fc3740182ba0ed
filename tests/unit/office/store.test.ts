import { createHash } from 'node:crypto';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { appendAudit, verifyAuditChain } from '../../../src/main/office/store/audit';
import { defaultMigrationsDir, migrate, MigrationError } from '../../../src/main/office/store/migrate';
import { openStore, type Store } from '../../../src/main/office/store/open-store';
import { errorCode } from './support';

// PGlite builds a new cluster on disk in several seconds on a busy machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const scratch = mkdtempSync(join(tmpdir(), 'despacho-store-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Path → SHA-256 of every file (and 'folder') under `dir`: proves a refused folder was not touched. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isDirectory()) files[path] = 'folder';
    if (entry.isFile()) files[path] = createHash('sha256').update(readFileSync(path)).digest('hex');
  }
  return files;
}

function migrationsWith(extra: Record<string, string>): string {
  const dir = mkdtempSync(join(scratch, 'migrations-'));
  for (const name of readdirSync(defaultMigrationsDir))
    copyFileSync(join(defaultMigrationsDir, name), join(dir, name));
  for (const [name, text] of Object.entries(extra)) writeFileSync(join(dir, name), text);
  return dir;
}

const tableExists = async (store: Store, name: string) =>
  (await sql<{ found: boolean }>`select to_regclass(${name}) is not null as found`.execute(store.db)).rows[0]!
    .found;

describe('migrations', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore({ kind: 'pglite-memory' });
  });
  afterAll(() => store.close());

  it('applies each numbered file once and records it with its checksum', async () => {
    const files = readdirSync(defaultMigrationsDir)
      .filter((name) => name.endsWith('.sql'))
      .sort();
    expect(files.slice(0, 2)).toEqual(['0001_initial.sql', '0002_audit_chain_head.sql']);
    expect(await migrate(store)).toEqual(files);
    expect(await migrate(store)).toEqual([]);
    const recorded = await store.db.selectFrom('schema_migrations').selectAll().orderBy('name').execute();
    expect(recorded.map((row) => [row.name, row.checksum])).toEqual(
      files.map((name) => [
        name,
        createHash('sha256')
          .update(readFileSync(join(defaultMigrationsDir, name)))
          .digest('hex'),
      ]),
    );
  });

  it('rolls a failing migration back whole and names the file', async () => {
    const dir = migrationsWith({
      '0099_half_done.sql':
        'CREATE TABLE half_done (id integer);\nINSERT INTO half_done VALUES (1);\nSELECT 1/0;\n',
    });
    const failure = await migrate(store, dir).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(MigrationError);
    expect((failure as MigrationError).file).toBe('0099_half_done.sql');
    expect((failure as MigrationError).reason).toBe('failed');
    expect((failure as MigrationError).message).toContain('0099_half_done.sql');
    expect(await tableExists(store, 'half_done')).toBe(false);
    const names = await store.db.selectFrom('schema_migrations').select('name').orderBy('name').execute();
    expect(names.map((row) => row.name)).toEqual(
      readdirSync(defaultMigrationsDir)
        .filter((name) => name.endsWith('.sql'))
        .sort(),
    );
  });

  it('refuses a migration changed after it was applied, and one this version does not ship', async () => {
    const changed = migrationsWith({});
    writeFileSync(
      join(changed, '0001_initial.sql'),
      `${readFileSync(join(changed, '0001_initial.sql'), 'utf8')}\n-- edited`,
    );
    await expect(migrate(store, changed)).rejects.toMatchObject({
      file: '0001_initial.sql',
      reason: 'changed',
    });

    const newer = migrationsWith({ '0099_newer.sql': 'CREATE TABLE newer (id integer);' });
    expect(await migrate(store, newer)).toEqual(['0099_newer.sql']);
    await expect(migrate(store)).rejects.toMatchObject({ file: '0099_newer.sql', reason: 'unknown' });
  });
});

describe('data folders that are not ours', () => {
  it('refuses a folder of garbage files without modifying it', async () => {
    const dir = join(scratch, 'garbage');
    mkdirSync(join(dir, 'db'), { recursive: true });
    writeFileSync(join(dir, 'notes.txt'), 'not a database');
    writeFileSync(join(dir, 'db', 'PG_VERSION'), '\u0000\u0001garbage');
    const before = snapshot(dir);
    expect(await errorCode(openStore({ kind: 'pglite', dataDir: dir }))).toBe('storage_corrupt');
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses a file given as the data folder', async () => {
    const file = join(scratch, 'a-file');
    writeFileSync(file, 'hello');
    expect(await errorCode(openStore({ kind: 'pglite', dataDir: file }))).toBe('storage_corrupt');
    expect(readFileSync(file, 'utf8')).toBe('hello');
  });

  it('refuses our marker with a database folder that is not PostgreSQL, without modifying it', async () => {
    const dir = join(scratch, 'broken-db');
    mkdirSync(join(dir, 'db'), { recursive: true });
    writeFileSync(join(dir, 'despacho-store.json'), '{"format":1}');
    writeFileSync(join(dir, 'db', 'base'), 'garbage');
    const before = snapshot(dir);
    await expect(openStore({ kind: 'pglite', dataDir: dir })).rejects.toMatchObject({
      code: 'storage_corrupt',
      params: { path: dir },
    });
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses the data folder of another PGlite database without modifying it', async () => {
    const dir = join(scratch, 'foreign-pglite');
    const foreign = new PGlite(dir);
    await foreign.exec('CREATE TABLE invoices (id integer); INSERT INTO invoices VALUES (1);');
    await foreign.close();
    const before = snapshot(dir);
    expect(Object.keys(before).length).toBeGreaterThan(10);
    expect(await errorCode(openStore({ kind: 'pglite', dataDir: dir }))).toBe('storage_corrupt');
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses a database that has tables but not our marker table, and creates nothing in it', async () => {
    const store = await openStore({ kind: 'pglite-memory' });
    try {
      await sql`create table invoices (id integer)`.execute(store.db);
      await expect(migrate(store)).rejects.toMatchObject({ code: 'storage_corrupt' });
      expect(await tableExists(store, 'schema_migrations')).toBe(false);
      expect(await tableExists(store, 'cases')).toBe(false);
    } finally {
      await store.close();
    }
  });

  it('creates the layout in a new folder and opens it again', async () => {
    const dir = join(scratch, 'fresh');
    const first = await openStore({ kind: 'pglite', dataDir: dir });
    await migrate(first);
    await first.close();
    expect(statSync(join(dir, 'documents')).isDirectory()).toBe(true);
    const again = await openStore({ kind: 'pglite', dataDir: dir });
    expect(await migrate(again)).toEqual([]);
    await again.close();
  });

  it('refuses a second open of a folder that is open, leaves the first working, and opens once it is closed', async () => {
    const dir = join(scratch, 'open-once');
    const first = await openStore({ kind: 'pglite', dataDir: dir });
    await migrate(first);
    await expect(openStore({ kind: 'pglite', dataDir: dir })).rejects.toMatchObject({
      code: 'storage_locked',
      params: { path: dir, pid: String(process.pid) },
    });
    expect(await tableExists(first, 'cases')).toBe(true);
    await first.close();
    const again = await openStore({ kind: 'pglite', dataDir: dir });
    expect(await tableExists(again, 'cases')).toBe(true);
    await again.close();
  });
});

describe('audit trail', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore({ kind: 'pglite-memory' });
    await migrate(store);
    await store.db.transaction().execute((trx) =>
      appendAudit(
        trx,
        Array.from({ length: 5 }, (_, index) => ({
          at: new Date(Date.UTC(2026, 5, 15, 8, index)),
          actorId: index % 2 === 0 ? 'urb-01' : null,
          caseId: index + 1,
          action: 'case.claimed',
          details: { version: index + 2, next: index === 3, note: 'ñandú' },
        })),
      ),
    );
  });
  afterAll(() => store.close());

  it('chains the rows and verifies the chain', async () => {
    const result = await verifyAuditChain(store.db);
    expect(result).toMatchObject({ ok: true, rows: 5 });
    const rows = await store.db
      .selectFrom('audit_trail')
      .select(['seq', 'prev_hash', 'hash'])
      .orderBy('seq')
      .execute();
    expect(rows.map((row) => row.seq)).toEqual([1, 2, 3, 4, 5]);
    rows.slice(1).forEach((row, index) => expect(row.prev_hash).toBe(rows[index]!.hash));
  });

  it('refuses UPDATE, DELETE and TRUNCATE in SQL', async () => {
    await expect(sql`update audit_trail set action = 'x' where seq = 2`.execute(store.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from audit_trail where seq = 2`.execute(store.db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_trail`.execute(store.db)).rejects.toThrow(/append-only/);
    expect(await verifyAuditChain(store.db)).toMatchObject({ ok: true, rows: 5 });
  });

  it('detects a row changed or removed behind the trigger’s back', async () => {
    const tamper = async (statement: ReturnType<typeof sql>) => {
      await sql`alter table audit_trail disable trigger audit_trail_no_update_delete`.execute(store.db);
      await statement.execute(store.db);
      await sql`alter table audit_trail enable trigger audit_trail_no_update_delete`.execute(store.db);
    };
    await tamper(sql`update audit_trail set details = '{"version": 99}' where seq = 3`);
    expect(await verifyAuditChain(store.db)).toEqual({ ok: false, rows: 2, brokenAt: 3, reason: 'hash' });
    await tamper(sql`delete from audit_trail where seq = 3`);
    expect(await verifyAuditChain(store.db)).toEqual({ ok: false, rows: 2, brokenAt: 4, reason: 'gap' });
  });
});

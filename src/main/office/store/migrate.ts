import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { ApiError } from '../../../shared/api/errors';
import { builtLayout, builtOrSource } from '../../package-root';
import type { OfficeSchema } from './schema';
import type { Store } from './open-store';

/** The SQL files of the sources; the build copies them to builtLayout.migrations. */
export const defaultMigrationsDir = builtOrSource(builtLayout.migrations, 'src/main/office/store/migrations');

/** A migration that failed (and was rolled back whole) or that changed after it was applied. */
export class MigrationError extends Error {
  constructor(
    readonly file: string,
    readonly reason: 'failed' | 'changed' | 'unknown',
    readonly detail: string,
  ) {
    super(`Migration ${file} ${reason}: ${detail}`);
    this.name = 'MigrationError';
  }
}

interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

/** Any number works as long as every Despacho process uses the same one. */
const migrationLockKey = 4_711_2026;

function readMigrations(dir: string): MigrationFile[] {
  return readdirSync(dir)
    .filter((name) => /^\d{4}_[\w-]+\.sql$/.test(name))
    .sort()
    .map((name) => {
      const text = readFileSync(join(dir, name), 'utf8');
      return { name, sql: text, checksum: createHash('sha256').update(text).digest('hex') };
    });
}

/** Refuses a database that holds tables but not our marker table: someone else's data. */
async function assertOurs(db: Kysely<OfficeSchema>, label: string): Promise<void> {
  const result = await sql<{ ours: boolean; tables: number }>`
    select to_regclass('public.despacho_store') is not null as ours,
      (select count(*)::int from pg_tables where schemaname = 'public' and tablename <> 'schema_migrations') as tables
  `.execute(db);
  const row = result.rows[0];
  if (row && !row.ours && row.tables > 0) throw new ApiError('storage_corrupt', { path: label });
}

/**
 * Applies the numbered SQL files not yet applied, each in its own transaction with its record in
 * schema_migrations, under an advisory lock so two processes starting together do not race.
 * Returns the names applied now.
 */
export async function migrate(store: Store, dir: string = defaultMigrationsDir): Promise<string[]> {
  const files = readMigrations(dir);
  await assertOurs(store.db, store.label);
  return store.db.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(${migrationLockKey})`.execute(connection);
    try {
      // Checked before creating: the app role of a server may not create anything, and needs not.
      const exists = await sql<{
        found: boolean;
      }>`select to_regclass('public.schema_migrations') is not null as found`.execute(connection);
      if (!exists.rows[0]?.found)
        await sql`create table schema_migrations (
          name text primary key, checksum text not null, applied_at timestamptz not null default now())`.execute(
          connection,
        );
      const applied = new Map(
        (await connection.selectFrom('schema_migrations').select(['name', 'checksum']).execute()).map(
          (row) => [row.name, row.checksum],
        ),
      );
      const known = new Set(files.map((file) => file.name));
      for (const name of applied.keys()) {
        if (!known.has(name))
          throw new MigrationError(name, 'unknown', 'applied to this database but not shipped');
      }
      const done: string[] = [];
      for (const file of files) {
        const checksum = applied.get(file.name);
        if (checksum !== undefined) {
          if (checksum !== file.checksum)
            throw new MigrationError(file.name, 'changed', 'its contents differ from when it was applied');
          continue;
        }
        try {
          await connection.transaction().execute(async (trx) => {
            await sql.raw(file.sql).execute(trx);
            await trx
              .insertInto('schema_migrations')
              .values({ name: file.name, checksum: file.checksum, applied_at: new Date() })
              .execute();
          });
        } catch (error) {
          throw new MigrationError(
            file.name,
            'failed',
            error instanceof Error ? error.message : String(error),
          );
        }
        done.push(file.name);
      }
      return done;
    } finally {
      await sql`select pg_advisory_unlock(${migrationLockKey})`.execute(connection);
    }
  });
}

/** Applied migrations, for `despacho db migrate` to report. */
export async function appliedMigrations(store: Store): Promise<string[]> {
  const rows = await store.db.selectFrom('schema_migrations').select('name').orderBy('name').execute();
  return rows.map((row) => row.name);
}

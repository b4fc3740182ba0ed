import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { ApiError } from '../../../shared/api/errors';
import { acquireDataFolderLock, dataFolderLockEntry, type DataFolderLock } from './data-folder-lock';
import { PGliteDialect } from './pglite-dialect';
import type { OfficeSchema } from './schema';

export type StoreLocation =
  | { kind: 'pglite'; dataDir: string }
  | { kind: 'pglite-memory' }
  | { kind: 'postgres'; connectionString: string };

export interface Store {
  readonly db: Kysely<OfficeSchema>;
  readonly kind: StoreLocation['kind'];
  /** Names the store in messages: the data folder, or the database of a server. */
  readonly label: string;
  /** Where document contents live (content-addressed), or null when this store keeps none. */
  readonly documentsDir: string | null;
  close(): Promise<void>;
}

/** The file that says "this folder is a Despacho data folder"; without it nothing is touched. */
const markerFile = 'despacho-store.json';
const markerFormat = 1;

const oid = { int8: 20, date: 1082 } as const;

/** Both drivers return bigint as number and DATE as 'YYYY-MM-DD' (never a Date at UTC midnight). */
const pgliteParsers = {
  [oid.int8]: (value: string) => Number(value),
  [oid.date]: (value: string) => value,
};

function pgTypeParser(typeId: number, format?: 'text' | 'binary'): (value: string) => unknown {
  if (typeId === oid.int8) return Number;
  if (typeId === oid.date) return (value) => value;
  return pg.types.getTypeParser(typeId, format ?? 'text') as (value: string) => unknown;
}

/**
 * 'fresh' for a missing or empty folder (the lock alone does not count); 'ours' for a data folder
 * of ours; throws, without writing anything, for a folder that holds files but is not ours, or
 * whose database part is not a PostgreSQL data directory.
 */
function inspectDataDir(dataDir: string): 'fresh' | 'ours' {
  const dbDir = join(dataDir, 'db');
  const corrupt = () => new ApiError('storage_corrupt', { path: dataDir });
  if (existsSync(dataDir) && !statSync(dataDir).isDirectory()) throw corrupt();
  if (!existsSync(dataDir) || readdirSync(dataDir).every((entry) => entry === dataFolderLockEntry))
    return 'fresh';
  let marker: unknown;
  try {
    marker = JSON.parse(readFileSync(join(dataDir, markerFile), 'utf8'));
  } catch {
    throw corrupt();
  }
  if ((marker as { format?: unknown } | null)?.format !== markerFormat) throw corrupt();
  if (existsSync(dbDir)) {
    if (!statSync(dbDir).isDirectory()) throw corrupt();
    if (readdirSync(dbDir).length > 0 && !existsSync(join(dbDir, 'PG_VERSION'))) throw corrupt();
  }
  return 'ours';
}

/**
 * Takes the folder for this process (see data-folder-lock.ts) and creates the layout where it is
 * missing; a folder that is not ours is refused before anything is written, the lock included.
 */
function prepareDataDir(dataDir: string): { dbDir: string; lock: DataFolderLock } {
  inspectDataDir(dataDir);
  mkdirSync(dataDir, { recursive: true });
  const lock = acquireDataFolderLock(dataDir);
  try {
    // Again under the lock: another process may have laid the folder out meanwhile.
    if (inspectDataDir(dataDir) === 'fresh')
      writeFileSync(join(dataDir, markerFile), `${JSON.stringify({ format: markerFormat }, null, 2)}\n`);
    mkdirSync(join(dataDir, 'documents'), { recursive: true });
  } catch (error) {
    lock.release();
    throw error;
  }
  return { dbDir: join(dataDir, 'db'), lock };
}

async function openPGlite(location: { dbDir: string; dataDir: string } | null): Promise<PGlite> {
  const options = { extensions: { pg_trgm }, parsers: pgliteParsers };
  try {
    const pglite = location === null ? new PGlite(options) : new PGlite(location.dbDir, options);
    await pglite.waitReady;
    return pglite;
  } catch {
    throw location === null
      ? new ApiError('storage_unavailable')
      : new ApiError('storage_corrupt', { path: location.dataDir });
  }
}

function databaseName(connectionString: string): string {
  try {
    return new URL(connectionString).pathname.replace(/^\//, '') || 'postgres';
  } catch {
    return 'postgres';
  }
}

/** Opens the store's database; `prepareStore` (migrations) is a separate step. */
export async function openStore(location: StoreLocation): Promise<Store> {
  if (location.kind === 'postgres') {
    const pool = new pg.Pool({
      connectionString: location.connectionString,
      max: 8,
      types: { getTypeParser: pgTypeParser } as pg.CustomTypesConfig,
    });
    // An idle connection the server dropped: the next query reports it; it must not end the process.
    pool.on('error', () => undefined);
    const db = new Kysely<OfficeSchema>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      kind: location.kind,
      label: databaseName(location.connectionString),
      documentsDir: null,
      close: () => db.destroy(),
    };
  }
  if (location.kind === 'pglite-memory')
    return onPGlite(await openPGlite(null), { kind: location.kind, label: ':memory:', documentsDir: null });
  const { dataDir } = location;
  const { dbDir, lock } = prepareDataDir(dataDir);
  let pglite: PGlite;
  try {
    pglite = await openPGlite({ dbDir, dataDir });
  } catch (error) {
    lock.release();
    throw error;
  }
  const place = { kind: location.kind, label: dataDir, documentsDir: join(dataDir, 'documents') };
  return onPGlite(pglite, place, lock);
}

/** The folder stays locked until the database is closed, even when closing it fails. */
function onPGlite(
  pglite: PGlite,
  place: Pick<Store, 'kind' | 'label' | 'documentsDir'>,
  lock?: DataFolderLock,
): Store {
  const db = new Kysely<OfficeSchema>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    ...place,
    close: async () => {
      try {
        await db.destroy();
        await pglite.close();
      } finally {
        lock?.release();
      }
    },
  };
}

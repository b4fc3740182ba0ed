import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** Debian's PostgreSQL 15 binaries (the `postgresql` package). */
export const postgresBin = '/usr/lib/postgresql/15/bin';

export const postgresAvailable = (): boolean => existsSync(join(postgresBin, 'initdb'));

export interface ThrowawayPostgres {
  /** Superuser connection string to the `postgres` database, over a unix socket. */
  url: string;
  stop(): Promise<void>;
}

/** A port nobody listens on now: it also names the unix socket file. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** PostgreSQL refuses to run as root: as root, run its tools as the `postgres` OS user. */
function runAsPostgres(tool: string, args: string[]): void {
  const asRoot = process.getuid?.() === 0;
  const [command, commandArgs] = asRoot
    ? ['runuser', ['-u', 'postgres', '--', join(postgresBin, tool), ...args]]
    : [join(postgresBin, tool), args];
  execFileSync(command, commandArgs, { stdio: ['ignore', 'pipe', 'pipe'] });
}

function ensureBinaries(): void {
  if (postgresAvailable()) return;
  if (process.getuid?.() !== 0)
    throw new Error(
      `PostgreSQL 15 is not installed (${postgresBin}); install the Debian package "postgresql"`,
    );
  execFileSync('flock', ['/tmp/apt.lock', 'apt-get', 'install', '-y', 'postgresql'], { stdio: 'inherit' });
}

/**
 * initdb into a temporary folder, start the server on a unix socket only (no TCP), and hand back
 * its connection string; stop() shuts it down and deletes everything.
 */
export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  ensureBinaries();
  const root = mkdtempSync(join(tmpdir(), 'despacho-pg-'));
  const data = join(root, 'data');
  const socket = join(root, 'socket');
  mkdirSync(socket);
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    for (const path of [root, socket]) chownSync(path, uid, gid);
  }
  const port = await freePort();
  const user = process.getuid?.() === 0 ? 'postgres' : userInfo().username;
  try {
    runAsPostgres('initdb', ['-D', data, '-U', user, '--auth=trust', '-E', 'UTF8', '--no-sync']);
    runAsPostgres('pg_ctl', [
      '-D',
      data,
      '-l',
      join(root, 'server.log'),
      '-w',
      '-o',
      `-p ${port} -k ${socket} -c listen_addresses='' -c fsync=off -c max_connections=60`,
      'start',
    ]);
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
  return {
    url: `postgresql://${user}@localhost:${port}/postgres?host=${encodeURIComponent(socket)}`,
    stop: async () => {
      try {
        runAsPostgres('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    },
  };
}

/** The same server, another database: `withDatabase(url, 'x')` points the URL at database x. */
export function withDatabase(url: string, database: string, role?: string): string {
  const next = new URL(url);
  next.pathname = `/${database}`;
  if (role) next.username = role;
  return next.toString();
}

/** Creates an empty database (dropping one of that name first) and returns its connection string. */
export async function freshDatabase(url: string, database: string): Promise<string> {
  if (!/^[a-z_][a-z0-9_]*$/.test(database)) throw new Error(`not a plain database name: ${database}`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`drop database if exists ${database} with (force)`);
    await client.query(`create database ${database}`);
  } finally {
    await client.end();
  }
  return withDatabase(url, database);
}

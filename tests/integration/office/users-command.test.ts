import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { demoNif } from '../../../src/main/office/demo/city';
import { seedDemo } from '../../../src/main/office/demo/seed';
import { findUser } from '../../../src/main/office/users';
import { migrate } from '../../../src/main/office/store/migrate';
import { openStore, type Store } from '../../../src/main/office/store/open-store';
import { maskNif } from '../../../src/shared/domain/nif-mask';
import { withDataFolderStore } from '../../support/data-folder-store';
import { despachoRun } from '../../support/despacho-command';
import { copyDataFolder, freshPgliteFolder } from '../../support/fresh-pglite';
import { calendar } from '../../unit/office/support';

/**
 * `despacho users` as the administrator runs it on a desk's data folder: the staff with their NIF
 * masked, and the NIF the office checks each signer's certificate against, set, refused and cleared,
 * each change in the audit trail and the chain still intact.
 */
const scratch = mkdtempSync(join(tmpdir(), 'despacho-users-command-'));
const seededDir = freshPgliteFolder(scratch, 'data-');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// Two tests at a time, each on its own copy of the seeded folder (one process at a time may open a
// folder): a test mostly waits on its commands' start-up.
vi.setConfig({ maxConcurrency: 2 });

/** A copy of the seeded folder for one test: the command on it, and a look at its store between commands. */
function ownFolder() {
  const dataDir = copyDataFolder(seededDir, scratch);
  return {
    despacho: (args: string[], lang = 'es') => despachoRun([...args, '--data', dataDir], { lang }),
    withStore: <T>(use: (store: Store) => Promise<T>) => withDataFolderStore(dataDir, use),
  };
}

/** The audit rows of one action. A test opens the store once to look, after its commands: each opening starts PGlite. */
const auditOf = (store: Store, action: string) =>
  store.db
    .selectFrom('audit_trail')
    .select(['actor_id', 'details'])
    .where('action', '=', action)
    .orderBy('seq')
    .execute();

beforeAll(async () => {
  const store = await openStore({ kind: 'pglite', dataDir: seededDir });
  try {
    await migrate(store);
    await seedDemo(store, calendar(), { cases: 12, now: new Date('2026-11-02T09:00:00Z') });
  } finally {
    await store.close();
  }
});

describe('despacho users', { concurrent: true }, () => {
  it('lists the staff with each NIF masked, never whole', async () => {
    const { despacho } = ownFolder();
    const { code, stdout } = await despacho(['users', 'list']);
    expect(code).toBe(0);
    const head = stdout.split('\n').find((line) => line.startsWith('urb-jefatura '));
    expect(head).toContain(`NIF ${maskNif(demoNif('urb-jefatura'))}`);
    expect(head).toContain('en activo');
    expect(stdout).not.toContain(demoNif('urb-jefatura'));
  });

  it('refuses a NIF with the wrong letter, and one that is already another person’s, changing nothing', async () => {
    const { despacho, withStore } = ownFolder();
    const wrongLetter = await despacho(['users', 'set-nif', 'urb-01', '12345678A']);
    expect(wrongLetter.code).toBe(1);
    expect(wrongLetter.stderr).toContain('Ese NIF no es válido');

    const another = await despacho(['users', 'set-nif', 'urb-01', demoNif('urb-jefatura')]);
    expect(another.code).toBe(1);
    expect(another.stderr).toContain('«urb-jefatura»');

    await withStore(async (store) => {
      const user = await store.db
        .selectFrom('users')
        .select('nif')
        .where('id', '=', 'urb-01')
        .executeTakeFirstOrThrow();
      expect(user.nif).toBe(demoNif('urb-01'));
      expect(await auditOf(store, 'user.nif_changed')).toEqual([]);
    });
  });

  it('sets a NIF once, audits it masked, and a second identical call changes nothing', async () => {
    const { despacho, withStore } = ownFolder();
    const set = await despacho(['users', 'set-nif', 'urb-01', '12345678z']);
    expect(set.code).toBe(0);
    expect(set.stdout).toContain('Hecho: urb-01');
    const again = await despacho(['users', 'set-nif', 'urb-01', '12345678Z']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Ya estaba así');

    await withStore(async (store) => {
      const stored = await store.db
        .selectFrom('users')
        .select('nif')
        .where('id', '=', 'urb-01')
        .executeTakeFirstOrThrow();
      expect(stored.nif).toBe('12345678Z');
      expect(await auditOf(store, 'user.nif_changed')).toEqual([
        { actor_id: null, details: { user: 'urb-01', nif: '***4567**', via: 'command_line' } },
      ]);
    });
    expect((await despacho(['db', 'verify-audit'])).code).toBe(0);
  });

  it('clears a NIF (that person can no longer sign) and deactivates and reactivates a person', async () => {
    const { despacho, withStore } = ownFolder();
    expect((await despacho(['users', 'clear-nif', 'urb-02'])).code).toBe(0);
    expect((await despacho(['users', 'deactivate', 'urb-02'])).code).toBe(0);
    await withStore(async (store) => {
      const row = await store.db
        .selectFrom('users')
        .select(['nif', 'active'])
        .where('id', '=', 'urb-02')
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ nif: null, active: false });
      // An inactive person is nobody to sign in as, nor to resolve a connection to.
      expect(await findUser(store.db, 'urb-02')).toBeNull();
    });
    const listed = await despacho(['users', 'list']);
    expect(listed.stdout.split('\n').find((line) => line.startsWith('urb-02 '))).toMatch(
      /NIF sin registrar \(no puede firmar\) · de baja$/,
    );
    expect((await despacho(['users', 'activate', 'urb-02'])).code).toBe(0);
    await withStore(async (store) => {
      expect(await findUser(store.db, 'urb-02')).not.toBeNull();
      expect((await auditOf(store, 'user.deactivated')).length).toBe(1);
      expect((await auditOf(store, 'user.activated')).length).toBe(1);
    });
  });

  it('names an unknown person, and shows its usage in Valencian for a malformed call', async () => {
    const { despacho } = ownFolder();
    const unknown = await despacho(['users', 'deactivate', 'nadie']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No hay ningún usuario «nadie»');

    const usage = await despacho(['users', 'set-nif', 'urb-01'], 'ca-valencia');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('Ús: despacho users list');
  });

  it('refuses a data folder that is not there instead of making a new, empty one', async () => {
    const missing = join(scratch, 'no-such-folder');
    const refused = await despachoRun(['users', 'list', '--data', missing], { lang: 'es' });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`No existe la carpeta de datos ${missing}`);
    expect(existsSync(missing)).toBe(false);
  });
});

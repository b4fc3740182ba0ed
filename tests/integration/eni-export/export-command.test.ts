import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { seedDemo } from '../../../src/main/office/demo/seed';
import { contentPath } from '../../../src/main/office/store/contents';
import { migrate } from '../../../src/main/office/store/migrate';
import { openStore } from '../../../src/main/office/store/open-store';
import { despachoRun } from '../../support/despacho-command';
import { copyDataFolder, freshPgliteFolder } from '../../support/fresh-pglite';
import { validateAgainstEniSchemas } from '../../support/eni/schemas';
import { calendar } from '../../unit/office/support';
import { demoOfficeCaPem as demoOfficeCa } from '../../support/pdfs/demo-office-ca';

/**
 * `despacho export CASE --out FILE.zip --data DIR` as a user runs it, on a demo city's data
 * folder: a closed case comes out as a zip whose index verifies with `openssl cms -verify` under
 * the demo office's CA; an open, unknown or tampered case comes out as a clear message and no file.
 */
// Each test starts the command as a process (through tsx without a build): slow on a busy machine.
// Two at a time, each on its own copy of the data folder (one process at a time may open a folder):
// a test mostly waits on its command's start-up.
vi.setConfig({ testTimeout: 300_000, maxConcurrency: 2 });

const scratch = mkdtempSync(join(tmpdir(), 'despacho-export-command-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const seededDir = freshPgliteFolder(scratch, 'data-');
/** The demo city seeded below, in a folder of the test's own. */
const ownCopy = () => copyDataFolder(seededDir, scratch);

const despacho = (args: string[], lang = 'es') => despachoRun(args, { lang });

let closed: string;
let open: { number: string; state: string };
let tampered: { number: string; document: string };

beforeAll(async () => {
  const store = await openStore({ kind: 'pglite', dataDir: seededDir });
  try {
    await migrate(store);
    await seedDemo(store, calendar(), { cases: 60, now: new Date(), documents: true });
    const withDocuments = sql<boolean>`exists (select 1 from documents d where d.case_id = c.id)`;
    const pick = (states: string[]) =>
      store.db
        .selectFrom('cases as c')
        .select(['c.id', 'c.number', 'c.state'])
        .where('c.state', 'in', states as never[])
        .where(withDocuments)
        .orderBy('c.id')
        .execute();
    closed = (await pick(['archived', 'notified']))[0]!.number;
    const openRow = (await pick(['in_progress']))[0]!;
    open = { number: openRow.number, state: openRow.state };
    const resolved = (await pick(['resolved']))[0]!;
    const document = await store.db
      .selectFrom('documents')
      .select(['eni_id', 'sha256'])
      .where('case_id', '=', resolved.id)
      .orderBy('position')
      .executeTakeFirstOrThrow();
    const file = contentPath(store.documentsDir!, document.sha256);
    const bytes = Buffer.from(readFileSync(file));
    bytes.writeUInt8(bytes.readUInt8(200) ^ 0x01, 200);
    writeFileSync(file, bytes);
    tampered = { number: resolved.number, document: document.eni_id };
  } finally {
    await store.close();
  }
});

describe('despacho export', { concurrent: true }, () => {
  it('writes a closed case as an ENI zip whose signed index verifies with openssl cms -verify and validates against the NTI schemas', async () => {
    const dataDir = ownCopy();
    const out = join(scratch, 'closed.zip');
    const result = await despacho(['export', closed, '--out', out, '--data', dataDir]);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain(`Expediente ${closed} exportado en formato ENI`);
    expect(result.code).toBe(0);

    const files = unzipSync(new Uint8Array(readFileSync(out)));
    const unpacked = mkdtempSync(join(scratch, 'unpacked-'));
    writeFileSync(join(unpacked, 'index.xml'), files['index.xml']!);
    writeFileSync(join(unpacked, 'index.xml.p7s'), files['index.xml.p7s']!);
    const verify = (content: string) =>
      spawnSync(
        'openssl',
        [
          'cms',
          '-verify',
          '-binary',
          '-inform',
          'DER',
          '-in',
          join(unpacked, 'index.xml.p7s'),
          '-content',
          content,
          '-CAfile',
          demoOfficeCa,
          '-purpose',
          'any',
          '-out',
          '/dev/null',
        ],
        { encoding: 'utf8' },
      );
    const verified = verify(join(unpacked, 'index.xml'));
    expect(verified.stderr).toContain('Verification successful');
    expect(verified.status).toBe(0);
    const changed = Buffer.from(files['index.xml']!);
    changed.writeUInt8(changed.readUInt8(changed.length - 5) ^ 0x20, changed.length - 5);
    writeFileSync(join(unpacked, 'changed.xml'), changed);
    expect(verify(join(unpacked, 'changed.xml')).status).not.toBe(0);

    const check = await validateAgainstEniSchemas(files['index.xml']!);
    expect(check.errors).toEqual([]);
    expect(check.valid).toBe(true);
    expect(Object.keys(files).filter((name) => name.startsWith('metadata/')).length).toBeGreaterThan(0);
  });

  it('never overwrites an existing file', async () => {
    const dataDir = ownCopy();
    const out = join(scratch, 'existing.zip');
    writeFileSync(out, 'keep me');
    const result = await despacho(['export', closed, '--out', out, '--data', dataDir]);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('ya existe y no se sobrescribe');
    expect(readFileSync(out, 'utf8')).toBe('keep me');
  });

  it('refuses a case that is still open, naming its state, and writes nothing', async () => {
    const dataDir = ownCopy();
    const out = join(scratch, 'open.zip');
    const result = await despacho(['export', open.number, '--out', out, '--data', dataDir]);
    expect(result.code).toBe(4);
    expect(result.stderr).toContain(`El expediente ${open.number} sigue abierto (En tramitación)`);
    expect(existsSync(out)).toBe(false);
  });

  it('says so in Valencian when asked', async () => {
    const dataDir = ownCopy();
    const out = join(scratch, 'open-ca.zip');
    const result = await despacho(['export', open.number, '--out', out, '--data', dataDir], 'ca-valencia');
    expect(result.code).toBe(4);
    expect(result.stderr).toContain(`L’expedient ${open.number} continua obert`);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses an unknown case number', async () => {
    const dataDir = ownCopy();
    const out = join(scratch, 'unknown.zip');
    const result = await despacho(['export', 'URB-1999-999999', '--out', out, '--data', dataDir]);
    expect(result.code).toBe(4);
    expect(result.stderr).toContain('No hay ningún expediente con el número URB-1999-999999.');
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a case one of whose documents no longer matches its SHA-256, naming the document', async () => {
    const dataDir = ownCopy();
    const out = join(scratch, 'tampered.zip');
    const result = await despacho(['export', tampered.number, '--out', out, '--data', dataDir]);
    expect(result.code).toBe(4);
    expect(result.stderr).toContain(`El documento ${tampered.document} del expediente ${tampered.number}`);
    expect(existsSync(out)).toBe(false);
  });

  it('explains its usage when the output is missing or not a zip', async () => {
    const dataDir = ownCopy();
    const missing = await despacho(['export', closed, '--data', dataDir]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Uso: despacho export');
    const notZip = await despacho(['export', closed, '--out', join(scratch, 'x.pdf'), '--data', dataDir]);
    expect(notZip.code).toBe(2);
    expect(notZip.stderr).toContain('debe terminar en .zip');
  });
});

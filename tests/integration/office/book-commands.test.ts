import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { seedDemoBook } from '../../../src/main/compose/demo-book';
import { certifiedSignerCheck } from '../../../src/main/compose/signer-check';
import { loadTrustStore } from '../../../src/main/desk/crypto/trust-store';
import { checkPdfForSigning } from '../../../src/main/desk/signing/preflight';
import { signPdf } from '../../../src/main/desk/signing/sign-pdf';
import { demoHeads } from '../../../src/main/office/book/demo-book';
import { bookYear } from '../../../src/main/office/book/reservations';
import { EventBus } from '../../../src/main/events';
import { demoNif } from '../../../src/main/office/demo/city';
import { seedDemo } from '../../../src/main/office/demo/seed';
import { officeOnStore } from '../../../src/main/office/index';
import { contentPath, storeContent } from '../../../src/main/office/store/contents';
import { migrate } from '../../../src/main/office/store/migrate';
import { openStore, type Store } from '../../../src/main/office/store/open-store';
import { maskNif } from '../../../src/shared/domain/nif-mask';
import { despachoRun } from '../../support/despacho-command';
import { copyDataFolder, freshPgliteFolder } from '../../support/fresh-pglite';
import { changeSignedByte } from '../../support/pdfs/tamper';
import { qpdfCheck } from '../../support/pdfs/validators';
import { actorOf, calendar, Desk, sendDraft } from '../../unit/office/support';
import { softwareSession } from '../../unit/signing/support/software-session';
import { createTestCa } from '../../unit/signing/support/test-ca';

/**
 * `despacho book export` and `despacho csv` as a user runs them, on a demo city whose book holds
 * the demo heads' practice signatures and one resolution signed through the tray's protocol
 * (prepare, sign, confirm) with a key whose CA the test trusts.
 */
const scratch = mkdtempSync(join(tmpdir(), 'despacho-book-commands-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const seededDir = freshPgliteFolder(scratch, 'data-');
/** The book seeded below, in a folder of the test's own (one process at a time may open a folder). */
const ownCopy = () => copyDataFolder(seededDir, scratch);
// Two tests at a time, each on its own copy: a test mostly waits on its commands' start-up.
vi.setConfig({ maxConcurrency: 2 });
const anchors = join(scratch, 'anchors');
const now = new Date();
const year = bookYear(now);
const demoEntries = 6;
const headNif = demoNif('urb-jefatura');
let trusted: { number: string; csv: string; sha256: string };

const despacho = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  despachoRun(args, { env: { DESPACHO_TRUST_DIRS: anchors, ...env } });

/** A processor sends a case's resolution to their head, who signs it with a trusted key. */
async function signThroughTheTray(store: Store): Promise<typeof trusted> {
  const ca = createTestCa('Despacho Book Test');
  copyFileSync(ca.rootFile, join(anchors, 'root.pem'));
  const leaf = ca.issue({
    name: 'Alba Demo Ferrer',
    givenName: 'Alba',
    surname: 'Demo Ferrer',
    nif: headNif,
    key: 'ec-p256',
  });
  const office = await officeOnStore(
    store,
    { kind: 'pglite', dataDir: seededDir },
    {
      mode: 'embedded',
      signIn: 'demoPicker',
      events: new EventBus(),
      calendar: calendar(),
      signerCheck: certifiedSignerCheck({
        trust: loadTrustStore({ extraDirs: [anchors] }),
        acceptsPracticeCards: true,
      }),
    },
  );
  const target = await store.db
    .selectFrom('cases')
    .select('id')
    .where('department_id', '=', 'urbanismo')
    .where('state', '=', 'in_progress')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const processor = await new Desk(office, 'processor').signIn('urb-01');
  const toHead = [{ signerId: 'urb-jefatura', action: 'sign' as const }];
  const expiresOn = `${year}-12-31`;
  const request = await sendDraft(processor, String(target.id), toHead, { mode: 'cascade', expiresOn });
  const head = await actorOf(office, 'urb-jefatura');
  const [prepared] = await office.signing.prepare(head, [request.id]);
  if (!prepared || 'error' in prepared) throw new Error(`prepare refused: ${JSON.stringify(prepared)}`);
  const unsigned = join(scratch, 'to-sign.pdf');
  writeFileSync(unsigned, prepared.pdf);
  const signed = await signPdf(checkPdfForSigning(unsigned), softwareSession(ca, leaf), scratch, {
    field: prepared.fieldName,
  });
  const bytes = new Uint8Array(readFileSync(signed.output));
  const outcome = await office.signing.confirm(head, prepared, bytes);
  const document = await store.db
    .selectFrom('documents')
    .select('sha256')
    .where('id', '=', Number(outcome.documentId))
    .executeTakeFirstOrThrow();
  return { number: outcome.number, csv: prepared.csv, sha256: document.sha256 };
}

beforeAll(async () => {
  mkdirSync(anchors);
  const store = await openStore({ kind: 'pglite', dataDir: seededDir });
  try {
    await migrate(store);
    // Enough resolved cases this year for the book's demo entries (every count below checks them).
    await seedDemo(store, calendar(), { cases: 120, now });
    await seedDemoBook(store, { now, limit: demoEntries });
    trusted = await signThroughTheTray(store);
  } finally {
    await store.close();
  }
});

/** `despacho book export` of this year's book from the test's data folder, as `format`, into `out`. */
const exportBook = (dataDir: string, format: string, out: string) =>
  despacho(['book', 'export', '--year', String(year), '--format', format, '--out', out, '--data', dataDir]);

/** RFC 4180 as this export writes it (no line breaks inside fields). */
const csvRecords = (text: string): string[][] =>
  text
    .split('\r\n')
    .filter(Boolean)
    .map((line) => [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)].slice(0, -1).map((m) => m[1]!));

describe('despacho book export', { concurrent: true }, () => {
  it('writes the year’s book as CSV: every number in order, the signers’ masked NIFs, the documents’ hashes', async () => {
    const dataDir = ownCopy();
    const out = join(scratch, 'book.csv');
    const result = await exportBook(dataDir, 'csv', out);
    expect(result, result.stderr).toMatchObject({ code: 0 });
    expect(result.stdout).toContain(`${demoEntries + 1} resoluciones escritas en ${out}`);
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = csvRecords(bytes.subarray(3).toString('utf8'));
    expect(header).toHaveLength(8);
    expect(rows.map((row) => row[0])).toEqual(
      Array.from({ length: demoEntries + 1 }, (_, index) => `${year}/${String(index + 1).padStart(6, '0')}`),
    );
    const heads = [...demoHeads().values()].map((head) => maskNif(head.nif));
    for (const row of rows.slice(0, demoEntries)) expect(heads).toContain(row[5]);
    expect(rows.at(-1)).toEqual([
      trusted.number,
      expect.stringMatching(new RegExp(`^${year}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}$`)),
      expect.stringMatching(/^URB-/),
      expect.any(String),
      expect.stringContaining('Demo'),
      maskNif(headNif),
      trusted.csv,
      trusted.sha256,
    ]);
    for (const row of rows) expect(existsSync(contentPath(join(dataDir, 'documents'), row[7]!))).toBe(true);
  });

  it('writes the yearly book as a PDF that qpdf accepts, with its opening certificate and where the year stands', async () => {
    const dataDir = ownCopy();
    const out = join(scratch, 'book.pdf');
    const result = await exportBook(dataDir, 'pdf', out);
    expect(result, result.stderr).toMatchObject({ code: 0 });
    expect(qpdfCheck(out)).toMatchObject({ ok: true });
    const text = spawnSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' }).stdout.replace(
      /\s+/g,
      ' ',
    );
    expect(text).toContain('DILIGENCIA DE APERTURA');
    expect(text).toContain(`se abre con la resolución n.º ${year}/000001`);
    expect(text).toContain(`NIF ${maskNif(headNif)}`);
    expect(text).toContain(trusted.csv);
    expect(text).toContain(
      `recoge ${demoEntries + 1} resoluciones, de la n.º ${year}/000001 a la n.º ${trusted.number}`,
    );
  });

  it('never overwrites a file, and says so', async () => {
    const dataDir = ownCopy();
    const out = join(scratch, 'kept.csv');
    writeFileSync(out, 'somebody else’s file');
    const result = await exportBook(dataDir, 'csv', out);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(`El fichero ${out} ya existe y no se sobrescribe`);
    expect(readFileSync(out, 'utf8')).toBe('somebody else’s file');
  });

  it('refuses bad requests with their own exit codes, in the user’s language', async () => {
    const dataDir = ownCopy();
    const out = join(scratch, 'never.csv');
    const base = ['book', 'export', '--format', 'csv', '--out', out, '--data', dataDir];
    expect(await despacho([...base, '--year', '26'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('«26» no vale'),
    });
    expect(
      await despacho(['book', 'export', '--year', String(year), '--format', 'xlsx', '--out', out], {
        DESPACHO_LANG: 'ca-valencia',
      }),
    ).toMatchObject({ code: 2, stderr: expect.stringContaining('El format «xlsx» no existix') });
    expect(await exportBook(dataDir, 'csv', join(scratch, 'nowhere', 'b.csv'))).toMatchObject({
      code: 3,
      stderr: expect.stringContaining('no existe'),
    });
    expect(
      await despacho([...base.slice(0, -1), join(scratch, 'no-data'), '--year', String(year)]),
    ).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('No existe la carpeta de datos'),
    });
    expect(existsSync(out)).toBe(false);
    expect(existsSync(join(scratch, 'no-data'))).toBe(false);
  });
});

describe('despacho csv', { concurrent: true }, () => {
  it('shows what the verification site would, and exits 0 for a document whose signatures are valid', async () => {
    const dataDir = ownCopy();
    const result = await despacho(['csv', trusted.csv, '--data', dataDir]);
    expect(result, result.stderr).toMatchObject({ code: 0 });
    expect(result.stdout).toContain(`Resolución n.º ${trusted.number}`);
    expect(result.stdout).toMatch(/Expediente: URB-\d{4}-\d{6} · /);
    expect(result.stdout).toContain('Firma 1: VÁLIDA');
    expect(result.stdout).toContain(`Firmante: Alba Demo Ferrer · NIF ${maskNif(headNif)}`);
    expect(result.stdout).toContain(`Numerada al firmarla: Alba Demo Ferrer · NIF ${maskNif(headNif)}`);
    expect(result.stdout).not.toContain(headNif);
    expect(result.stdout).toContain('Documento auténtico: todas sus firmas son válidas.');
  });

  it('takes the code as people type it: lower case, with spaces and dashes', async () => {
    const dataDir = ownCopy();
    const typed = `${trusted.csv.slice(0, 5).toLowerCase()} ${trusted.csv.slice(5, 10)}-${trusted.csv.slice(10)}`;
    expect((await despacho(['csv', typed, '--data', dataDir])).code).toBe(0);
  });

  it('calls a demo resolution a practice signature, never a valid one, and exits 1', async () => {
    const dataDir = ownCopy();
    const csv = await firstDemoCsv(dataDir);
    const result = await despacho(['csv', csv, '--data', dataDir], { DESPACHO_LANG: 'ca-valencia' });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('SIGNATURA DE FORMACIÓ (sense validesa)');
    expect(result.stdout).toContain('Document de pràctiques');
    expect(result.stdout).not.toContain('VÀLIDA\n');
  });

  it('tells an unknown code (3) from one that cannot be a code (2)', async () => {
    const dataDir = ownCopy();
    const unknown = await despacho(['csv', 'ABCDEFGHJKLMNPQRSTUV', '--data', dataDir]);
    expect(unknown).toMatchObject({ code: 3, stderr: expect.stringContaining('Ningún documento') });
    const malformed = await despacho(['csv', 'O0I1-not-a-code', '--data', dataDir]);
    expect(malformed).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('no es un código seguro de verificación'),
    });
    expect((await despacho(['csv', '--data', dataDir])).code).toBe(2);
  });

  it('says NOT valid (1) when the stored document was changed after signing, and missing (4) when its file is gone', async () => {
    const dataDir = ownCopy();
    const store = await openStore({ kind: 'pglite', dataDir });
    let csv: string;
    let number: number;
    let path: string;
    try {
      const entry = await demoEntry(store);
      csv = entry.csv;
      number = entry.number;
      path = contentPath(join(dataDir, 'documents'), entry.sha256);
      // Somebody edits the signed file inside the signed bytes and records the edit as the document.
      const stored = storeContent(join(dataDir, 'documents'), readFileSync(changeSignedByte(path)));
      await store.db
        .updateTable('documents')
        .set({ sha256: stored.sha256 })
        .where('id', '=', entry.documentId)
        .execute();
      path = contentPath(join(dataDir, 'documents'), stored.sha256);
    } finally {
      await store.close();
    }
    const changed = await despacho(['csv', csv, '--data', dataDir]);
    expect(changed.code).toBe(1);
    expect(changed.stdout).toContain('Firma 1: NO VÁLIDA');
    expect(changed.stdout).toContain('no se puede dar por auténtico');
    rmSync(path);
    const missing = await despacho(['csv', csv, '--data', dataDir]);
    expect(missing).toMatchObject({
      code: 4,
      stderr: expect.stringContaining(`${year}/${String(number).padStart(6, '0')}`),
    });
  });
});

async function demoEntry(store: Store) {
  return store.db
    .selectFrom('resolution_numbers as n')
    .innerJoin('signature_requests as q', (join) =>
      join.onRef('q.book_year', '=', 'n.year').onRef('q.book_number', '=', 'n.number'),
    )
    .innerJoin('documents as d', 'd.id', 'q.document_id')
    .select(['n.number', 'n.csv', 'd.sha256', 'd.id as documentId'])
    .where('n.year', '=', year)
    .where('n.number', '=', 2)
    .executeTakeFirstOrThrow()
    .then((row) => ({ ...row, csv: row.csv! }));
}

async function firstDemoCsv(dataDir: string): Promise<string> {
  const store = await openStore({ kind: 'pglite', dataDir });
  try {
    const row = await store.db
      .selectFrom('resolution_numbers')
      .select('csv')
      .where('year', '=', year)
      .where('number', '=', 1)
      .executeTakeFirstOrThrow();
    return row.csv!;
  } finally {
    await store.close();
  }
}

import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeDesk } from '../../../src/main/compose';
import { bookYear } from '../../../src/main/office/book/reservations';
import { openStore } from '../../../src/main/office/store/open-store';
import { despachoRun } from '../../support/despacho-command';
import { freshPgliteFolder } from '../../support/fresh-pglite';
import { pdfsigAsync, qpdfCheckAsync } from '../../support/pdfs/validators';
import { mapAtMost, runTool } from '../../support/tool-runs';

/**
 * Issue 10: every PDF a training sandbox stores carries the training watermark, the demo city's
 * own documents (applications, attachments, amendment requests, reports, replies, resolutions,
 * the book's signed ones, the applicants' signed arrivals) as much as what its desk generates,
 * and so does the resolutions book exported from the sandbox by `despacho book export`. A desk's
 * own data folder has none of it.
 */
let scratch: string;
let sandbox: string;
let production: string;

/** Every file of the content-addressed store (documents/ab/abcd…), each a PDF. */
function storedFiles(dataDir: string): string[] {
  const documents = join(dataDir, 'documents');
  return readdirSync(documents, { recursive: true, encoding: 'utf8' })
    .filter((path) => /^[0-9a-f]{2}\/[0-9a-f]{64}$/.test(path))
    .map((path) => join(documents, path));
}

/** pdftotext of the whole file, one string a page (it reads diagonal text a letter per line). */
async function pagesOf(path: string): Promise<string[]> {
  const result = await runTool('pdftotext', ['-raw', path, '-']);
  expect(result.status, `${path}: ${result.stderr}`).toBe(0);
  return result.stdout.split('\f').slice(0, -1);
}

/** The whole file's text without spaces or line breaks. */
const textOf = async (path: string) => (await pagesOf(path)).join('').replace(/\s+/g, '');

const watermark = 'FORMACIÓN—SINVALIDEZ';

/** Pages of the file whose text lacks the watermark (empty when every page has it). */
async function unmarkedPages(path: string): Promise<number[]> {
  const pages = await pagesOf(path);
  expect(pages.length).toBeGreaterThan(0);
  return pages.flatMap((page, index) => (page.replace(/\s+/g, '').includes(watermark) ? [] : [index + 1]));
}

/**
 * Every kind of document the demo city stores: applications (TD14) and their attachments (TD99),
 * amendment requests (TD06) with their paper notices (TD07) and replies (TD18), reports (TD13) and
 * resolutions (TD01).
 */
const demoDocumentTypes = ['TD01', 'TD06', 'TD07', 'TD13', 'TD14', 'TD18', 'TD99'];

/**
 * The document types of the stored files, and of those that hold a signature: the small demo city
 * below must still hold every kind, signed resolutions, sealed amendment requests and signed arrivals, or the checks prove little.
 */
async function typesOf(storeDir: string, files: readonly string[]) {
  const store = await openStore({ kind: 'pglite', dataDir: storeDir });
  try {
    const rows = await store.db.selectFrom('documents').select(['sha256', 'document_type']).execute();
    const typeOf = new Map(rows.map((row) => [row.sha256, row.document_type]));
    // Files no document names any more (an application before its signed copy took its place) are left out.
    const kinds = (paths: readonly string[]) =>
      [...new Set(paths.flatMap((path) => typeOf.get(path.slice(-64)) ?? []))].sort();
    return {
      stored: kinds(files),
      signed: kinds(files.filter((path) => readFileSync(path).includes('/ByteRange'))),
    };
  } finally {
    await store.close();
  }
}

/**
 * Small enough to seed and check quickly, large enough for every kind of document and for a book
 * with more resolutions than departments (one signed arrival per department is damaged).
 */
const demoCases = 40;
const now = new Date();

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'despacho-sandbox-watermark-'));
  sandbox = join(scratch, 'sandbox');
  // A desk's data folder as `openStore` creates it (a copy of the run's new one: see fresh-pglite.ts).
  production = freshPgliteFolder(scratch, 'production-');
  for (const composition of [
    { mode: 'training', dataDir: sandbox, demoCases },
    { mode: 'embedded', dataDir: production, demoCases },
  ] as const)
    await (await composeDesk(composition, { now: () => now })).close();
}, 600_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** `despacho book export` of this year's book as a PDF, from `dataDir` into `out`. */
const exportBookPdf = (dataDir: string, out: string) =>
  despachoRun([
    'book',
    'export',
    '--year',
    String(bookYear(now)),
    '--format',
    'pdf',
    '--out',
    out,
    '--data',
    dataDir,
  ]);

describe('a training sandbox seeded with the demo city', () => {
  it('holds every kind of document, signed resolutions, sealed amendment requests and signed arrivals', async () => {
    const files = storedFiles(join(sandbox, 'store'));
    expect(await typesOf(join(sandbox, 'store'), files)).toEqual({
      stored: demoDocumentTypes,
      signed: ['TD01', 'TD06', 'TD14'],
    });
  });

  it('stores every document with the training watermark on every page', async () => {
    const files = storedFiles(join(sandbox, 'store'));
    // The demo city's applications alone are more than one a case.
    expect(files.length).toBeGreaterThan(demoCases);
    const unmarked = await mapAtMost(files, unmarkedPages);
    expect(files.filter((_path, index) => unmarked[index]!.length > 0)).toEqual([]);
  });

  it('keeps every file a well-formed PDF, and the signatures made over the watermark verify', async () => {
    const files = storedFiles(join(sandbox, 'store'));
    const checks = await mapAtMost(files, qpdfCheckAsync);
    expect(files.filter((_path, index) => !checks[index]!.ok)).toEqual([]);
    const signatures = await mapAtMost(
      files.filter((path) => readFileSync(path).includes('/ByteRange')),
      pdfsigAsync,
    );
    // The book's resolutions and the applicants' signed applications.
    expect(signatures.length).toBeGreaterThan(2);
    // One application per department reaches the office altered after it was signed: the rest verify.
    expect(signatures.filter((report) => report.valid.every(Boolean)).length).toBeGreaterThan(
      signatures.length / 2,
    );
  });

  it('exports the resolutions book from the sandbox with the watermark on every page', async () => {
    const out = join(scratch, 'book-training.pdf');
    const run = await exportBookPdf(sandbox, out);
    expect(run.code, run.stderr).toBe(0);
    expect(await unmarkedPages(out)).toEqual([]);
  });
});

describe('a desk’s own data folder', () => {
  it('holds every kind of document too, signed resolutions, sealed amendment requests and signed arrivals', async () => {
    expect(await typesOf(production, storedFiles(production))).toEqual({
      stored: demoDocumentTypes,
      signed: ['TD01', 'TD06', 'TD14'],
    });
  });

  it('stores the demo city’s documents without the training watermark', async () => {
    const files = storedFiles(production);
    expect(files.length).toBeGreaterThan(demoCases);
    const texts = await mapAtMost(files, textOf);
    expect(files.filter((_path, index) => texts[index]!.includes(watermark))).toEqual([]);
  });

  it('exports the resolutions book without it', async () => {
    const out = join(scratch, 'book-production.pdf');
    const run = await exportBookPdf(production, out);
    expect(run.code, run.stderr).toBe(0);
    const text = await textOf(out);
    expect(text).not.toContain(watermark);
    expect(text.length).toBeGreaterThan(0);
  });
});

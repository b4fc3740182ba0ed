import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeDesk } from '../../../src/main/compose';
import { bookYear } from '../../../src/main/office/book/reservations';
import { despachoRun } from '../../support/despacho-command';
import { pdfsig, qpdfCheck } from '../../support/pdfs/validators';

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

/** pdftotext of the whole file without spaces or line breaks (it reads diagonal text a letter per line). */
function textOf(path: string): string {
  const result = spawnSync('pdftotext', ['-raw', path, '-'], { encoding: 'utf8' });
  expect(result.status, `${path}: ${result.stderr}`).toBe(0);
  return result.stdout.replace(/\s+/g, '');
}

const watermark = 'FORMACIÓN—SINVALIDEZ';

/** Pages of the file whose text lacks the watermark (empty when every page has it). */
function unmarkedPages(path: string): number[] {
  const result = spawnSync('pdftotext', ['-raw', path, '-'], { encoding: 'utf8' });
  expect(result.status, `${path}: ${result.stderr}`).toBe(0);
  const pages = result.stdout.split('\f').slice(0, -1);
  expect(pages.length).toBeGreaterThan(0);
  return pages.flatMap((page, index) => (page.replace(/\s+/g, '').includes(watermark) ? [] : [index + 1]));
}

const demoCases = 120;
const now = new Date();

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'despacho-sandbox-watermark-'));
  sandbox = join(scratch, 'sandbox');
  production = join(scratch, 'production');
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
  it('stores every document with the training watermark on every page', () => {
    const files = storedFiles(join(sandbox, 'store'));
    // The demo city's applications alone are more than one a case.
    expect(files.length).toBeGreaterThan(demoCases);
    const unmarked = files.filter((path) => unmarkedPages(path).length > 0);
    expect(unmarked).toEqual([]);
  });

  it('keeps every file a well-formed PDF, and the signatures made over the watermark verify', () => {
    const files = storedFiles(join(sandbox, 'store'));
    expect(files.filter((path) => !qpdfCheck(path).ok)).toEqual([]);
    const signatures = files
      .filter((path) => readFileSync(path).includes('/ByteRange'))
      .map((path) => pdfsig(path));
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
    expect(unmarkedPages(out)).toEqual([]);
  });
});

describe('a desk’s own data folder', () => {
  it('stores the demo city’s documents without the training watermark', () => {
    const files = storedFiles(production);
    expect(files.length).toBeGreaterThan(demoCases);
    expect(files.filter((path) => textOf(path).includes(watermark))).toEqual([]);
  });

  it('exports the resolutions book without it', async () => {
    const out = join(scratch, 'book-production.pdf');
    const run = await exportBookPdf(production, out);
    expect(run.code, run.stderr).toBe(0);
    expect(textOf(out)).not.toContain(watermark);
    expect(textOf(out).length).toBeGreaterThan(0);
  });
});

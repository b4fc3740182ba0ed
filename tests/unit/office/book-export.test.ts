import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { madridDateTime } from '../../../src/main/office/book/book-csv';
import { exportBookCsv, exportBookPdf } from '../../../src/main/office/book/export';
import { releaseReservations, reserveNumbers } from '../../../src/main/office/book/reservations';
import { qpdfCheck } from '../../support/pdfs/validators';
import { fixedNow, seededOffice, type TestOffice } from './support';
import { fakeSha256, recordEntries } from './support-book';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

const scratch = mkdtempSync(join(tmpdir(), 'despacho-book-export-'));
let office: TestOffice;
const cases: { id: number; number: string; procedure: string }[] = [];

/**
 * 2025 is over: three entries and two numbers no document took. 2026 runs: two entries, one
 * signed by somebody whose name would break a careless CSV (a comma, quotes, a leading "=").
 */
beforeAll(async () => {
  office = await seededOffice(40);
  const { db } = office.store;
  const rows = await db
    .selectFrom('cases as c')
    .innerJoin('procedures as p', 'p.code', 'c.procedure_code')
    .select(['c.id', 'c.number', 'p.name_es'])
    .orderBy('c.id')
    .limit(5)
    .execute();
  cases.push(...rows.map((row) => ({ id: row.id, number: row.number, procedure: row.name_es })));
  await db
    .updateTable('users')
    .set({ name: '=Ferrer, "Pepa" Demo' })
    .where('id', '=', 'tri-jefatura')
    .execute();
  const at = (iso: string) => new Date(iso);
  await recordEntries(
    db,
    [
      { caseId: cases[0]!.id, signerId: 'urb-jefatura', at: at('2025-02-03T09:15:00Z'), nif: '12345678Z' },
      { caseId: cases[1]!.id, signerId: 'urb-jefatura', at: at('2025-05-06T10:00:00Z') },
    ],
    'a',
  );
  // Number 3 is held by a desk that then died: never confirmed in 2025, so void at the year's end.
  await reserveNumbers(db, { for: ['abandoned'], now: at('2025-06-01T10:00:00Z'), holdMs: 365 * 86_400_000 });
  // 22:59 UTC on New Year's Eve is 23:59 in Madrid: still 2025.
  await recordEntries(
    db,
    [{ caseId: cases[2]!.id, signerId: 'urb-concejalia', at: at('2025-12-31T22:59:00Z') }],
    'b',
  );
  // Number 5 is given back half a minute before midnight, and nothing takes it in 2025.
  const [cancelled] = await reserveNumbers(db, {
    for: ['cancelled'],
    now: at('2025-12-31T22:59:30Z'),
    holdMs: 1,
  });
  await releaseReservations(db, [cancelled!.reservationId]);
  await recordEntries(
    db,
    [
      { caseId: cases[3]!.id, signerId: 'urb-jefatura', at: at('2026-01-02T08:00:00Z') },
      { caseId: cases[4]!.id, signerId: 'tri-jefatura', at: at('2026-03-04T11:30:00Z') },
    ],
    'c',
  );
});
afterAll(async () => {
  await office.store.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** RFC 4180, read back strictly: quoted fields with doubled quotes, CRLF between records. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field === '') quoted = true;
    else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\r' && text[index + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      index += 1;
    } else {
      expect(char, `bare ${JSON.stringify(char)} at ${index}`).not.toMatch(/[\r\n"]/);
      field += char;
    }
  }
  expect(field).toBe('');
  expect(record).toEqual([]);
  return records;
}

function pdfText(bytes: Uint8Array, name: string): { path: string; text: string } {
  const path = join(scratch, name);
  writeFileSync(path, bytes);
  const result = spawnSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
  expect(result.status).toBe(0);
  return { path, text: result.stdout.replace(/\s+/g, ' ') };
}

describe('the book as CSV', () => {
  it('is UTF-8 with a byte-order mark, one RFC 4180 record per entry, in number order', async () => {
    const { bytes, count } = await exportBookCsv(office.store.db, 2025, 'es');
    expect(count).toBe(3);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records = parseCsv(new TextDecoder().decode(bytes.subarray(3)));
    expect(records[0]).toEqual([
      'Número',
      'Fecha y hora (Madrid)',
      'Expediente',
      'Procedimiento',
      'Firmante',
      'NIF (enmascarado)',
      'Código CSV',
      'SHA-256 del documento firmado',
    ]);
    expect(records.slice(1).map((record) => record[0])).toEqual([
      '2025/000001',
      '2025/000002',
      '2025/000004',
    ]);
    const csvCodes = await office.store.db
      .selectFrom('resolution_numbers')
      .select(['number', 'csv'])
      .where('year', '=', 2025)
      .where('state', '=', 'confirmed')
      .orderBy('number')
      .execute();
    expect(records[1]).toEqual([
      '2025/000001',
      '2025-02-03 10:15:00',
      cases[0]!.number,
      cases[0]!.procedure,
      expect.stringContaining('Demo'),
      '***4567**',
      csvCodes[0]!.csv,
      fakeSha256('a-0'),
    ]);
    expect(records[3]![1]).toBe('2025-12-31 23:59:00');
    expect(records[3]![5]).toBe('');
  });

  it('quotes what needs quoting and never hands a spreadsheet a formula', async () => {
    const { bytes } = await exportBookCsv(office.store.db, 2026, 'es');
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain(`,"'=Ferrer, ""Pepa"" Demo",`);
    const records = parseCsv(text.slice(1));
    expect(records.map((record) => record.length)).toEqual([8, 8, 8]);
    expect(records[2]![4]).toBe(`'=Ferrer, "Pepa" Demo`);
  });

  it('speaks Valencian when asked', async () => {
    const { bytes } = await exportBookCsv(office.store.db, 2026, 'ca-valencia');
    const [header] = parseCsv(new TextDecoder().decode(bytes.subarray(3)));
    expect(header).toContain('Data i hora (Madrid)');
    expect(header).toContain('Signant');
  });

  it('writes times on Madrid’s wall clock, summer and winter', () => {
    expect(madridDateTime(new Date('2026-07-01T22:30:05Z'))).toBe('2026-07-02 00:30:05');
    expect(madridDateTime(new Date('2026-01-15T23:00:00Z'))).toBe('2026-01-16 00:00:00');
  });
});

describe('the book as PDF', () => {
  it('closes a past year with the count, the first and last numbers, and the void numbers', async () => {
    const { bytes, count } = await exportBookPdf(office.store.db, 2025, {
      locale: 'es',
      issuer: 'Ayuntamiento de Elche',
      verificationUrl: 'https://sede.elche.es/verificar',
      now: fixedNow,
    });
    expect(count).toBe(3);
    const { path, text } = pdfText(bytes, 'book-2025.pdf');
    expect(qpdfCheck(path)).toMatchObject({ ok: true });
    expect(text).toContain('DILIGENCIA DE APERTURA');
    expect(text).toContain('se abre con la resolución n.º 2025/000001, firmada el 3 de febrero de 2025');
    for (const label of ['2025/000001', '2025/000002', '2025/000004']) expect(text).toContain(label);
    expect(text).toContain('2025/000003 NÚMERO ANULADO');
    expect(text).toContain('2025/000005 NÚMERO ANULADO');
    expect(text).toContain('NIF ***4567**');
    expect(text).toContain(fakeSha256('a-1'));
    expect(text).toContain('DILIGENCIA DE CIERRE');
    expect(text).toContain(
      'se cierra con 3 resoluciones, de la n.º 2025/000001 a la n.º 2025/000004. Quedaron sin utilizar, y se declaran anulados, los números 2025/000003, 2025/000005 (2 en total).',
    );
    expect(text).not.toContain('AÑO EN CURSO');
    expect(text).toMatch(/Página 1 de \d+/);
  });

  it('says where a running year stands instead of closing it', async () => {
    const { bytes } = await exportBookPdf(office.store.db, 2026, {
      locale: 'ca-valencia',
      issuer: 'Ajuntament d’Elx',
      verificationUrl: 'https://sede.elche.es/verificar',
      now: fixedNow,
    });
    const { path, text } = pdfText(bytes, 'book-2026.pdf');
    expect(qpdfCheck(path)).toMatchObject({ ok: true });
    expect(text).toContain('DILIGÈNCIA D’OBERTURA');
    expect(text).toContain('ESTAT DEL LLIBRE (ANY EN CURS)');
    expect(text).toContain('recull 2 resolucions, de la núm. 2026/000001 a la núm. 2026/000002');
    expect(text).not.toContain('DILIGÈNCIA DE TANCAMENT');
    expect(text).not.toContain('ANUL·LAT');
  });

  it('closes an empty year too', async () => {
    const { bytes, count } = await exportBookPdf(office.store.db, 2024, {
      locale: 'es',
      issuer: 'Ayuntamiento de Elche',
      verificationUrl: 'https://sede.elche.es/verificar',
      now: fixedNow,
    });
    expect(count).toBe(0);
    const { text } = pdfText(bytes, 'book-2024.pdf');
    expect(text).toContain('se abre sin ninguna resolución firmada');
    expect(text).toContain('se cierra sin ninguna resolución');
  });
});

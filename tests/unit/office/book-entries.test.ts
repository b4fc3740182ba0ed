import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { csvCodePattern } from '../../../src/main/office/book/csv-code';
import { bookYearSummary } from '../../../src/main/office/book/entries';
import { releaseReservations, reserveNumbers } from '../../../src/main/office/book/reservations';
import { errorCode, fixedNow, seededOffice, type TestOffice } from './support';
import { fakeSha256, recordEntries } from './support-book';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

let office: TestOffice;
const caseOf: Record<string, { id: number; number: string }> = {};
const names: Record<string, string> = {};

/**
 * The 2026 book: three Urbanismo resolutions and two of Tributos, one signed half an hour after
 * midnight in Madrid on 1 July (still 30 June in UTC), and one number reserved and given back.
 * The 2025 book has one entry.
 */
beforeAll(async () => {
  office = await seededOffice(120);
  const { db } = office.store;
  const cases = await db
    .selectFrom('cases')
    .select(['id', 'number', 'department_id'])
    .orderBy('id')
    .execute();
  const pick = (department: string, skip: number) =>
    cases.filter((row) => row.department_id === department)[skip]!;
  Object.assign(caseOf, {
    a: pick('urbanismo', 0),
    b: pick('tributos', 0),
    c: pick('urbanismo', 1),
    d: pick('tributos', 1),
    e: pick('urbanismo', 2),
    old: pick('urbanismo', 3),
  });
  // A signer whose name carries the accents people leave out when they type it.
  await db
    .updateTable('users')
    .set({ name: 'Àngels Demo Agulló' })
    .where('id', '=', 'urb-concejalia')
    .execute();
  for (const user of await db.selectFrom('users').select(['id', 'name']).execute())
    names[user.id] = user.name;
  await recordEntries(db, [
    { caseId: caseOf.old!.id, signerId: 'urb-jefatura', at: new Date('2025-12-20T10:00:00Z') },
    { caseId: caseOf.a!.id, signerId: 'urb-jefatura', at: new Date('2026-03-02T09:00:00Z') },
    { caseId: caseOf.b!.id, signerId: 'tri-jefatura', at: new Date('2026-04-10T10:00:00Z') },
    { caseId: caseOf.c!.id, signerId: 'urb-concejalia', at: new Date('2026-06-30T22:30:00Z') },
    { caseId: caseOf.d!.id, signerId: 'tri-jefatura', at: new Date('2026-07-01T09:00:00Z') },
    { caseId: caseOf.e!.id, signerId: 'urb-jefatura', at: new Date('2026-09-15T08:00:00Z') },
  ]);
  const [released] = await reserveNumbers(db, { for: ['given-back'], now: fixedNow, holdMs: 60_000 });
  await releaseReservations(db, [released!.reservationId]);

  // Number 1 went through a signature request, and a second signer has signed its file since.
  const document = await db
    .insertInto('documents')
    .values({
      case_id: caseOf.a!.id,
      position: 90,
      title: 'Resolución n.º 2026/000001',
      eni_id: 'ES_L01031336_2026_RES2026000001',
      document_type: 'TD01',
      origin: 1,
      elaboration_state: 'EE01',
      format: 'PDF',
      captured_at: '2026-03-02T09:00:00Z',
      sha256: fakeSha256('signed by both'),
      size: 1000,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('signature_requests')
    .values({
      case_id: caseOf.a!.id,
      department_id: 'urbanismo',
      title: 'Resolución',
      locale: 'es',
      resolution: '{}',
      resolution_sha256: fakeSha256('sent'),
      mode: 'cascade',
      priority: 'normal',
      expires_on: '2026-03-31',
      state: 'signed',
      created_by: 'urb-01',
      created_at: '2026-03-01T09:00:00Z',
      closed_by: 'urb-concejalia',
      closed_at: '2026-03-02T10:00:00Z',
      document_id: document.id,
      book_year: 2026,
      book_number: 1,
    })
    .execute();
});
afterAll(() => office.store.close());

const numbersOf = (entries: readonly { number: number }[]) => entries.map((entry) => entry.number);

describe('book.search', () => {
  it('gives a head the whole city hall’s year, newest first, with what the book shows', async () => {
    const head = await office.desk().signIn('tri-jefatura');
    const page = await head.call('book.search', { year: 2026 });
    expect(page.total).toBe(5);
    expect(numbersOf(page.entries)).toEqual([5, 4, 3, 2, 1]);
    const first = page.entries.at(-1)!;
    expect(first).toMatchObject({
      year: 2026,
      number: 1,
      label: '2026/000001',
      signedAt: '2026-03-02T09:00:00.000Z',
      caseId: String(caseOf.a!.id),
      caseNumber: caseOf.a!.number,
      departmentId: 'urbanismo',
      signer: { id: 'urb-jefatura', name: names['urb-jefatura'], nif: null },
      sha256: fakeSha256('signed by both'),
    });
    expect(first.procedureName.es.length).toBeGreaterThan(3);
    expect(first.csv).toMatch(csvCodePattern);
    // Without a signature request the entry's hash is the one confirmed with the number.
    expect(page.entries.find((entry) => entry.number === 2)!.sha256).toBe(fakeSha256('entry-2'));
  });

  it('gives the administrator the whole book too', async () => {
    const admin = await office.desk().signIn('admin');
    expect((await admin.call('book.search', { year: 2026 })).total).toBe(5);
    expect((await admin.call('book.years', {})).scope).toBe('city_hall');
  });

  it('gives a processor only the entries of their own department’s cases', async () => {
    const urbanismo = await office.desk().signIn('urb-01');
    const tributos = await office.desk().signIn('tri-02');
    const trainer = await office.desk().signIn('formacion');
    expect(numbersOf((await urbanismo.call('book.search', { year: 2026 })).entries)).toEqual([5, 3, 1]);
    expect(numbersOf((await tributos.call('book.search', { year: 2026 })).entries)).toEqual([4, 2]);
    expect(await trainer.call('book.search', { year: 2026 })).toEqual({ total: 0, entries: [] });
    // Another department's number is simply not there for them.
    expect((await tributos.call('book.search', { year: 2026, number: 3 })).total).toBe(0);
    expect((await urbanismo.call('book.years', {})).scope).toBe('department');
  });

  it('finds by number, by part of the case number and by the signer’s name, ignoring case and accents', async () => {
    const head = await office.desk().signIn('urb-jefatura');
    expect(numbersOf((await head.call('book.search', { year: 2026, number: 4 })).entries)).toEqual([4]);
    const tail = caseOf.c!.number.slice(-6);
    expect(
      numbersOf(
        (await head.call('book.search', { year: 2026, caseNumber: ` ${tail.toLowerCase()} ` })).entries,
      ),
    ).toEqual([3]);
    const [given, , surname] = names['tri-jefatura']!.split(' ');
    const typed =
      `${surname!.toUpperCase()} ${given!.replace(/^./, (letter) => `${letter}\u0301`)}`.normalize('NFC');
    expect(numbersOf((await head.call('book.search', { year: 2026, signer: typed })).entries)).toEqual([
      4, 2,
    ]);
    expect(
      numbersOf((await head.call('book.search', { year: 2026, signer: 'agullo ANGELS' })).entries),
    ).toEqual([3]);
    expect((await head.call('book.search', { year: 2026, signer: 'nadie' })).total).toBe(0);
  });

  it('counts days in Madrid: half past midnight on 1 July is 1 July, whatever UTC says', async () => {
    const head = await office.desk().signIn('urb-jefatura');
    const july1 = await head.call('book.search', { year: 2026, from: '2026-07-01', to: '2026-07-01' });
    expect(numbersOf(july1.entries)).toEqual([4, 3]);
    expect((await head.call('book.search', { year: 2026, from: '2026-06-30', to: '2026-06-30' })).total).toBe(
      0,
    );
    expect(numbersOf((await head.call('book.search', { year: 2026, from: '2026-07-02' })).entries)).toEqual([
      5,
    ]);
    expect(numbersOf((await head.call('book.search', { year: 2026, to: '2026-04-10' })).entries)).toEqual([
      2, 1,
    ]);
  });

  it('pages in book order with the total of what matches', async () => {
    const head = await office.desk().signIn('urb-jefatura');
    const page = await head.call('book.search', { year: 2026, sort: 'number_asc', offset: 2, limit: 2 });
    expect(page.total).toBe(5);
    expect(numbersOf(page.entries)).toEqual([3, 4]);
    const past = await head.call('book.search', { year: 2026, offset: 50 });
    expect(past).toEqual({ total: 5, entries: [] });
    expect(numbersOf((await head.call('book.search', { year: 2025 })).entries)).toEqual([1]);
  });

  it('refuses a day that does not exist and a range that ends before it starts', async () => {
    const head = await office.desk().signIn('urb-jefatura');
    expect(await errorCode(head.call('book.search', { year: 2026, from: '2026-02-30' }))).toBe(
      'invalid_input',
    );
    expect(
      await errorCode(head.call('book.search', { year: 2026, from: '2026-05-02', to: '2026-05-01' })),
    ).toBe('invalid_input');
    expect(await errorCode(head.call('book.search', { year: 2026, number: 0 }))).toBe('invalid_input');
    expect(await errorCode(head.call('book.search', { year: 2026, signer: 'a\u0000b' }))).toBe(
      'invalid_input',
    );
  });

  it('is not for someone who is not signed in', async () => {
    expect(await errorCode(office.desk().call('book.search', { year: 2026 }))).toBe('not_signed_in');
  });
});

describe('book.years', () => {
  it('lists the years with a book, newest first, and says which year is running', async () => {
    const head = await office.desk().signIn('urb-jefatura');
    expect(await head.call('book.years', {})).toEqual({
      years: [2026, 2025],
      current: 2026,
      scope: 'city_hall',
    });
  });
});

describe('the year’s summary (for the closing certificate)', () => {
  it('counts the entries, names the first and last, and the numbers no document took', async () => {
    const summary = await bookYearSummary(office.store.db, 2026, fixedNow);
    expect(summary).toEqual({
      year: 2026,
      closed: false,
      confirmed: 5,
      first: { number: 1, confirmedAt: new Date('2026-03-02T09:00:00Z') },
      last: { number: 5, confirmedAt: new Date('2026-09-15T08:00:00Z') },
      unused: [6],
    });
    expect((await bookYearSummary(office.store.db, 2025, fixedNow)).closed).toBe(true);
    expect(await bookYearSummary(office.store.db, 2024, fixedNow)).toEqual({
      year: 2024,
      closed: true,
      confirmed: 0,
      first: null,
      last: null,
      unused: [],
    });
  });
});

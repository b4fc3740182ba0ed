import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { Actor } from '../../../shared/api/access';
import type { BookEntry } from '../../../shared/api/book';
import { maskNif } from '../../../shared/domain/nif-mask';
import { likePatterns } from '../search-text';
import type { OfficeSchema } from '../store/schema';
import { bookLabel, bookYear } from './reservations';

/**
 * Whose entries a reader sees: heads and administrators read the whole city hall's book;
 * everybody else (processors) the entries of their own department's cases.
 */
export type BookScope = { kind: 'city_hall' } | { kind: 'department'; departmentId: string };

export function bookScopeOf(actor: Pick<Actor, 'roles' | 'departmentId'>): BookScope {
  return actor.roles.includes('head') || actor.roles.includes('admin')
    ? { kind: 'city_hall' }
    : { kind: 'department', departmentId: actor.departmentId };
}

export interface BookQuery {
  year: number;
  number?: number;
  caseNumber?: string;
  signer?: string;
  /** Days in Europe/Madrid, both included. */
  from?: string;
  to?: string;
}

/** One confirmed number of the book, with what the book shows about it. */
export interface BookRecord {
  year: number;
  number: number;
  confirmedAt: Date;
  csv: string;
  /** The signed document as the case holds it now (later signers add their signatures to it). */
  documentSha256: string;
  /** The signature request the number was stamped on, when it came through one. */
  requestId: number | null;
  documentId: number | null;
  caseId: number;
  caseNumber: string;
  departmentId: string;
  procedureCode: string;
  procedureName: { es: string; 'ca-valencia': string };
  signerId: string;
  /** As the certificate that numbered the document names them (the user's name for older entries). */
  signerName: string;
  /** Unmasked; masked before it leaves the office. Null for entries confirmed before it was recorded. */
  signerNif: string | null;
}

/**
 * Accents folded in SQL the way `foldSearchText` folds them in JavaScript, for the letters of
 * Spanish and Valencian names (the store has no unaccent extension on PGlite).
 */
const folded = (column: RawBuilder<string>): RawBuilder<string> =>
  sql<string>`translate(lower(${column}), 'áàâäãéèêëíìîïóòôöõúùûüçñ', 'aaaaaeeeeiiiiooooouuuucn')`;

/** The numbering signer's name as their certificate said it (older entries: the user's). */
const signerName = sql<string>`coalesce(n.signer_name, u.name)`;

const madridDay = sql<string>`(n.confirmed_at at time zone 'Europe/Madrid')::date`;

function conditions(scope: BookScope, query: BookQuery): RawBuilder<unknown>[] {
  const parts: RawBuilder<unknown>[] = [sql`n.year = ${query.year}`, sql`n.state = 'confirmed'`];
  if (scope.kind === 'department') parts.push(sql`c.department_id = ${scope.departmentId}`);
  if (query.number !== undefined) parts.push(sql`n.number = ${query.number}`);
  for (const pattern of likePatterns(query.caseNumber))
    parts.push(sql`${folded(sql`c.number`)} like ${pattern}`);
  for (const pattern of likePatterns(query.signer)) parts.push(sql`${folded(signerName)} like ${pattern}`);
  if (query.from) parts.push(sql`${madridDay} >= ${query.from}::date`);
  if (query.to) parts.push(sql`${madridDay} <= ${query.to}::date`);
  return parts;
}

const allOf = (parts: RawBuilder<unknown>[]): RawBuilder<SqlBool> =>
  sql<SqlBool>`${sql.join(parts, sql` and `)}`;

function recordQuery(db: Kysely<OfficeSchema>) {
  return db
    .selectFrom('resolution_numbers as n')
    .innerJoin('cases as c', 'c.id', 'n.case_id')
    .innerJoin('procedures as p', 'p.code', 'c.procedure_code')
    .innerJoin('users as u', 'u.id', 'n.signer_id')
    .leftJoin('signature_requests as q', (join) =>
      join.onRef('q.book_year', '=', 'n.year').onRef('q.book_number', '=', 'n.number'),
    )
    .leftJoin('documents as d', 'd.id', 'q.document_id')
    .select([
      'n.year',
      'n.number',
      'n.confirmed_at',
      'n.csv',
      'n.signed_sha256',
      'q.id as request_id',
      'd.id as document_id',
      'd.sha256 as document_sha256',
      'c.id as case_id',
      'c.number as case_number',
      'c.department_id',
      'p.code as procedure_code',
      'p.name_es',
      'p.name_ca',
      'u.id as signer_id',
      signerName.as('signer_name'),
      'n.signer_nif',
    ]);
}

type RecordRow = Awaited<ReturnType<ReturnType<typeof recordQuery>['execute']>>[number];

const toRecord = (row: RecordRow): BookRecord => ({
  year: row.year,
  number: row.number,
  confirmedAt: row.confirmed_at!,
  csv: row.csv!,
  documentSha256: row.document_sha256 ?? row.signed_sha256!,
  requestId: row.request_id,
  documentId: row.document_id,
  caseId: row.case_id,
  caseNumber: row.case_number,
  departmentId: row.department_id,
  procedureCode: row.procedure_code,
  procedureName: { es: row.name_es, 'ca-valencia': row.name_ca },
  signerId: row.signer_id,
  signerName: row.signer_name,
  signerNif: row.signer_nif,
});

export interface BookPage {
  total: number;
  records: BookRecord[];
}

/** One page of the year's confirmed entries that match, in book order (or newest first). */
export async function searchBook(
  db: Kysely<OfficeSchema>,
  scope: BookScope,
  query: BookQuery & { sort: 'number_asc' | 'number_desc'; offset: number; limit: number },
): Promise<BookPage> {
  const where = allOf(conditions(scope, query));
  const direction = query.sort === 'number_asc' ? 'asc' : 'desc';
  const [rows, count] = await Promise.all([
    recordQuery(db)
      .where(where)
      .orderBy('n.number', direction)
      .offset(query.offset)
      .limit(query.limit)
      .execute(),
    db
      .selectFrom('resolution_numbers as n')
      .innerJoin('cases as c', 'c.id', 'n.case_id')
      .innerJoin('users as u', 'u.id', 'n.signer_id')
      .where(where)
      .select(sql<number>`count(*)::int`.as('total'))
      .executeTakeFirstOrThrow(),
  ]);
  return { total: count.total, records: rows.map(toRecord) };
}

/** The year's whole book in number order, a batch at a time (a year may hold tens of thousands). */
export async function* bookRecordsOfYear(
  db: Kysely<OfficeSchema>,
  year: number,
  batch = 1000,
): AsyncGenerator<BookRecord[]> {
  let after = 0;
  for (;;) {
    const rows = await recordQuery(db)
      .where(allOf([sql`n.year = ${year}`, sql`n.state = 'confirmed'`, sql`n.number > ${after}`]))
      .orderBy('n.number', 'asc')
      .limit(batch)
      .execute();
    if (rows.length === 0) return;
    yield rows.map(toRecord);
    after = rows[rows.length - 1]!.number;
  }
}

/** The entry a CSV code belongs to, whatever its department (the code itself is the secret). */
export async function bookRecordByCsv(db: Kysely<OfficeSchema>, csv: string): Promise<BookRecord | null> {
  const row = await recordQuery(db)
    .where('n.csv', '=', csv)
    .where('n.state', '=', 'confirmed')
    .executeTakeFirst();
  return row ? toRecord(row) : null;
}

/** Years that have a book, newest first, with the current year always among them. */
export async function bookYears(db: Kysely<OfficeSchema>, now: Date): Promise<number[]> {
  const rows = await db.selectFrom('resolution_book_years').select('year').execute();
  const years = new Set([bookYear(now), ...rows.map((row) => row.year)]);
  return [...years].sort((a, b) => b - a);
}

/**
 * What the closing certificate states: how many resolutions the year holds, its first and last
 * numbers, and the numbers below the last one handed out that no document took. Once the year is
 * over nothing can take them any more (a 2026 number is never confirmed in 2027): they are void.
 * While the year runs they are waiting to be reused (or held by a signature in progress).
 */
export interface BookYearSummary {
  year: number;
  closed: boolean;
  confirmed: number;
  first: { number: number; confirmedAt: Date } | null;
  last: { number: number; confirmedAt: Date } | null;
  unused: number[];
}

export async function bookYearSummary(
  db: Kysely<OfficeSchema>,
  year: number,
  now: Date,
): Promise<BookYearSummary> {
  const confirmed = db
    .selectFrom('resolution_numbers')
    .where('year', '=', year)
    .where('state', '=', 'confirmed');
  const [counts, unused] = await Promise.all([
    confirmed
      .select((eb) => [
        sql<number>`count(*)::int`.as('confirmed'),
        eb.fn.min('number').as('first'),
        eb.fn.max('number').as('last'),
      ])
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('resolution_numbers')
      .where('year', '=', year)
      .where('state', '<>', 'confirmed')
      .select('number')
      .orderBy('number')
      .execute(),
  ]);
  const ends =
    counts.first === null || counts.last === null
      ? []
      : await confirmed
          .where('number', 'in', [counts.first, counts.last])
          .select(['number', 'confirmed_at'])
          .orderBy('number')
          .execute();
  const end = (row: (typeof ends)[number] | undefined) =>
    row ? { number: row.number, confirmedAt: row.confirmed_at! } : null;
  return {
    year,
    closed: year < bookYear(now),
    confirmed: counts.confirmed,
    first: end(ends[0]),
    last: end(ends[ends.length - 1]),
    unused: unused.map((row) => row.number),
  };
}

/** The entry as the contract carries it: the signer's NIF, as the certificate said it, masked. */
export function toBookEntry(record: BookRecord): BookEntry {
  return {
    year: record.year,
    number: record.number,
    label: bookLabel(record),
    signedAt: record.confirmedAt.toISOString(),
    caseId: String(record.caseId),
    caseNumber: record.caseNumber,
    departmentId: record.departmentId,
    procedureCode: record.procedureCode,
    procedureName: record.procedureName,
    signer: {
      id: record.signerId,
      name: record.signerName,
      nif: record.signerNif ? maskNif(record.signerNif) : null,
    },
    csv: record.csv,
    sha256: record.documentSha256,
  };
}

import type { Kysely } from 'kysely';
import type { BookEntry } from '../../../shared/api/book';
import type { Locale } from '../../../shared/api/session';
import type { OfficeSchema } from '../store/schema';
import { bookCsvHeader, bookCsvLine, utf8Bom } from './book-csv';
import { renderBookPdf } from './book-pdf';
import { bookRecordsOfYear, bookYearSummary, toBookEntry } from './entries';

export interface BookExport {
  bytes: Uint8Array;
  /** Resolutions in the file. */
  count: number;
}

async function yearEntries(db: Kysely<OfficeSchema>, year: number): Promise<BookEntry[]> {
  const entries: BookEntry[] = [];
  for await (const batch of bookRecordsOfYear(db, year)) entries.push(...batch.map(toBookEntry));
  return entries;
}

/** The year's whole book as a CSV file (see book-csv.ts), in number order. */
export async function exportBookCsv(
  db: Kysely<OfficeSchema>,
  year: number,
  locale: Locale,
): Promise<BookExport> {
  const entries = await yearEntries(db, year);
  const text = utf8Bom + bookCsvHeader(locale) + entries.map((entry) => bookCsvLine(entry, locale)).join('');
  return { bytes: new TextEncoder().encode(text), count: entries.length };
}

/** The yearly book as a PDF with its opening and closing certificates (see book-pdf.ts). */
export async function exportBookPdf(
  db: Kysely<OfficeSchema>,
  year: number,
  document: { locale: Locale; issuer: string; verificationUrl: string; now: Date },
): Promise<BookExport> {
  const [entries, summary] = await Promise.all([
    yearEntries(db, year),
    bookYearSummary(db, year, document.now),
  ]);
  const bytes = await renderBookPdf({
    locale: document.locale,
    issuer: document.issuer,
    verificationUrl: document.verificationUrl,
    summary,
    entries,
    at: document.now,
  });
  return { bytes, count: entries.length };
}

import type { BookEntry } from '../../../shared/api/book';
import type { Locale } from '../../../shared/api/session';
import { translate, type MessageKey } from '../../../shared/i18n/index';

const columns: readonly MessageKey[] = [
  'book.col.number',
  'book.col.signedAtMadrid',
  'book.col.case',
  'book.col.procedure',
  'book.col.signer',
  'book.col.nifMasked',
  'book.col.csv',
  'book.col.sha256',
];

const madridParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Madrid',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** `2026-06-15 10:00:00`, Madrid's wall clock: what spreadsheets read as a date and time. */
export function madridDateTime(instant: Date): string {
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    madridParts.formatToParts(instant).find((candidate) => candidate.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}:${part('second')}`;
}

/**
 * One RFC 4180 field. A value a spreadsheet would run as a formula (=, +, -, @ first) gets a
 * leading apostrophe, so opening the export never executes what somebody typed into a name.
 */
function field(value: string): string {
  const inert = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(inert) ? `"${inert.replaceAll('"', '""')}"` : inert;
}

/** One record of an RFC 4180 file, its fields made inert and quoted as needed. */
export const csvLine = (values: readonly string[]): string => `${values.map(field).join(',')}\r\n`;

export function bookCsvHeader(locale: Locale): string {
  return csvLine(columns.map((key) => translate(locale, key)));
}

export function bookCsvLine(entry: BookEntry, locale: Locale): string {
  return csvLine([
    entry.label,
    madridDateTime(new Date(entry.signedAt)),
    entry.caseNumber,
    entry.procedureName[locale],
    entry.signer.name,
    entry.signer.nif ?? '',
    entry.csv,
    entry.sha256,
  ]);
}

/**
 * The book as a spreadsheet file: RFC 4180 (comma, CRLF, double quotes), UTF-8 with a byte-order
 * mark, because without it Excel reads UTF-8 as Windows-1252 and spoils every accent.
 */
export const utf8Bom = '\ufeff';

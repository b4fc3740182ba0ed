import type { BookEntry, BookSearch } from '../../../shared/api/book';
import type { Role } from '../../../shared/domain/cases';

/** Rows per page of the book screen. */
export const bookPageSize = 50;

/** What the search form holds, as typed. */
export interface BookForm {
  /** The year chosen; null until the years are known (then the current one). */
  year: number | null;
  number: string;
  caseNumber: string;
  signer: string;
  /** 'YYYY-MM-DD' from the date fields, or ''. */
  from: string;
  to: string;
}

export const emptyBookForm: BookForm = {
  year: null,
  number: '',
  caseNumber: '',
  signer: '',
  from: '',
  to: '',
};

export type NumberQuery = { year?: number; number?: number } | 'invalid';

/**
 * A book number as people type it: `123`, `000123` or `2026/000123` (which also names the year).
 * Empty means any number.
 */
export function parseBookNumber(typed: string): NumberQuery {
  const text = typed.trim();
  if (text === '') return {};
  const match = /^(?:(\d{4})\s*\/\s*)?(\d{1,6})$/.exec(text);
  if (!match) return 'invalid';
  const number = Number(match[2]);
  if (number < 1) return 'invalid';
  return match[1] ? { year: Number(match[1]), number } : { number };
}

export type BookQuery =
  { kind: 'search'; input: BookSearch } | { kind: 'invalid'; field: 'number' | 'to' } | { kind: 'waiting' };

/** The `book.search` call for the form, one page of it; or why the form cannot be searched. */
export function bookQuery(form: BookForm, page: number): BookQuery {
  if (form.year === null) return { kind: 'waiting' };
  const parsed = parseBookNumber(form.number);
  if (parsed === 'invalid') return { kind: 'invalid', field: 'number' };
  if (form.from && form.to && form.from > form.to) return { kind: 'invalid', field: 'to' };
  const text = (value: string) => (value.trim() === '' ? undefined : value.trim());
  return {
    kind: 'search',
    input: {
      year: parsed.year ?? form.year,
      number: parsed.number,
      caseNumber: text(form.caseNumber),
      signer: text(form.signer),
      from: form.from || undefined,
      to: form.to || undefined,
      sort: 'number_desc',
      offset: page * bookPageSize,
      limit: bookPageSize,
    },
  };
}

/** A typed number that names a year moves the year field to it, so the screen says what it searches. */
export function withNumber(form: BookForm, typed: string): BookForm {
  const parsed = parseBookNumber(typed);
  const year = parsed !== 'invalid' && parsed.year !== undefined ? parsed.year : form.year;
  return { ...form, number: typed, year };
}

export const isFiltered = (form: BookForm): boolean =>
  form.number !== '' || form.caseNumber !== '' || form.signer !== '' || form.from !== '' || form.to !== '';

/**
 * Whether the reader may open the case of an entry: the book is read city-wide by heads and
 * admins, but a case is opened only by those who work its department's cases.
 */
export function opensCase(
  entry: Pick<BookEntry, 'departmentId'>,
  reader: { roles: readonly Role[]; departmentId: string },
): boolean {
  return (
    entry.departmentId === reader.departmentId &&
    (reader.roles.includes('processor') || reader.roles.includes('head'))
  );
}

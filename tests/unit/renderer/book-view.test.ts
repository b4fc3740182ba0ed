import { describe, expect, it } from 'vitest';
import {
  bookPageSize,
  bookQuery,
  emptyBookForm,
  isFiltered,
  opensCase,
  parseBookNumber,
  withNumber,
} from '../../../src/renderer/features/resolutions/book-view';
import { readsBook } from '../../../src/renderer/features/resolutions/access';
import { parseRoute, routeHash } from '../../../src/renderer/app/routes';

describe('a book number as people type it', () => {
  it.each([
    ['', {}],
    ['123', { number: 123 }],
    [' 000123 ', { number: 123 }],
    ['2026/000123', { year: 2026, number: 123 }],
    ['2025 / 7', { year: 2025, number: 7 }],
  ])('reads %j', (typed, expected) => {
    expect(parseBookNumber(typed)).toEqual(expected);
  });

  it.each(['0', '000000', '1234567', '12a', '26/000123', '2026/', '/12', '-3'])('refuses %j', (typed) => {
    expect(parseBookNumber(typed)).toBe('invalid');
  });

  it('moves the year field to the year a typed number names', () => {
    const form = { ...emptyBookForm, year: 2026 };
    expect(withNumber(form, '2025/000010')).toMatchObject({ year: 2025, number: '2025/000010' });
    expect(withNumber(form, '10')).toMatchObject({ year: 2026, number: '10' });
    expect(withNumber(form, '20x')).toMatchObject({ year: 2026, number: '20x' });
  });
});

describe('the search the form asks for', () => {
  const form = { ...emptyBookForm, year: 2026 };

  it('waits for the year, then asks for one page, newest first, with only what was typed', () => {
    expect(bookQuery(emptyBookForm, 0)).toEqual({ kind: 'waiting' });
    expect(bookQuery({ ...form, caseNumber: '  urb-2026 ', signer: ' ' }, 2)).toEqual({
      kind: 'search',
      input: {
        year: 2026,
        number: undefined,
        caseNumber: 'urb-2026',
        signer: undefined,
        from: undefined,
        to: undefined,
        sort: 'number_desc',
        offset: 2 * bookPageSize,
        limit: bookPageSize,
      },
    });
    const byNumber = bookQuery({ ...form, number: '2025/000004' }, 0);
    expect(byNumber).toMatchObject({ kind: 'search', input: { year: 2025, number: 4 } });
  });

  it('names the field that cannot be searched as typed', () => {
    expect(bookQuery({ ...form, number: 'abc' }, 0)).toEqual({ kind: 'invalid', field: 'number' });
    expect(bookQuery({ ...form, from: '2026-05-02', to: '2026-05-01' }, 0)).toEqual({
      kind: 'invalid',
      field: 'to',
    });
    expect(bookQuery({ ...form, from: '2026-05-01', to: '2026-05-01' }, 0)).toMatchObject({ kind: 'search' });
  });

  it('knows when something narrows the book (the year alone does not)', () => {
    expect(isFiltered(form)).toBe(false);
    expect(isFiltered({ ...form, from: '2026-01-01' })).toBe(true);
  });
});

describe('who reads the book and who opens its cases', () => {
  it('is read by heads, processors and administrators, not by a trainer alone', () => {
    expect(readsBook(['head'])).toBe(true);
    expect(readsBook(['processor'])).toBe(true);
    expect(readsBook(['admin'])).toBe(true);
    expect(readsBook(['trainer'])).toBe(false);
  });

  it('opens a case only for those who work or lead its department', () => {
    const entry = { departmentId: 'urbanismo' };
    expect(opensCase(entry, { roles: ['head'], departmentId: 'urbanismo' })).toBe(true);
    expect(opensCase(entry, { roles: ['processor'], departmentId: 'urbanismo' })).toBe(true);
    expect(opensCase(entry, { roles: ['head'], departmentId: 'tributos' })).toBe(false);
    expect(opensCase(entry, { roles: ['admin'], departmentId: 'urbanismo' })).toBe(false);
  });

  it('lives at #/book', () => {
    expect(parseRoute('#/book')).toEqual({ screen: 'book' });
    expect(routeHash({ screen: 'book' })).toBe('#/book');
  });
});

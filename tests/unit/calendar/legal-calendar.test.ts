import { describe, expect, it } from 'vitest';
import {
  defaultBodyMunicipality,
  type DueDateRule,
  type TermUnit,
} from '../../../src/shared/domain/calendar';
import { loadCalendar } from '../../../src/main/office/calendar/load';
import { apiError } from './support';

/**
 * Every expectation below was worked out by hand on a printed calendar against the files of
 * resources/calendars (national BOE + Comunitat Valenciana DOGV + Elche/Alicante local days).
 * E = Elche only (the body); EA = Elche body + applicant in Alicante.
 */
const calendar = loadCalendar();
const E: string[] = [];
const EA = ['alicante'];

describe('isBusinessDay', () => {
  it.each([
    ['2026-03-07', E, false, 'Saturday'],
    ['2026-03-08', E, false, 'Sunday'],
    ['2026-03-09', E, true, 'an ordinary Monday'],
    ['2025-04-17', E, true, 'Jueves Santo 2025 is not a holiday in the Comunitat Valenciana'],
    ['2025-04-18', E, false, 'Viernes Santo 2025 (national)'],
    ['2025-04-21', E, false, 'Lunes de Pascua 2025 (regional)'],
    ['2026-04-02', E, true, 'Jueves Santo 2026: working day in the Comunitat Valenciana'],
    ['2026-04-03', E, false, 'Viernes Santo 2026'],
    ['2026-04-06', E, false, 'Lunes de Pascua 2026'],
    ['2027-03-25', E, true, 'Jueves Santo 2027: working day'],
    ['2027-03-29', E, false, 'Lunes de Pascua 2027'],
    ['2025-03-19', E, false, 'San José 2025, Wednesday (regional)'],
    ['2026-03-19', E, false, 'San José 2026, Thursday (regional)'],
    ['2025-10-09', E, false, '9 October 2025, Thursday (Día de la Comunitat Valenciana)'],
    ['2026-10-09', E, false, '9 October 2026, Friday'],
    ['2026-06-24', E, false, 'San Juan is a non-recoverable regional holiday in 2026'],
    ['2025-06-24', E, true, 'San Juan 2025 was only a recoverable labour holiday: business day in Elche'],
    ['2025-06-24', EA, false, '…but a local holiday in Alicante, the applicant’s municipality'],
    ['2025-06-23', EA, false, 'Hogueras, Alicante local 2025'],
    ['2025-04-28', E, false, 'San Vicente Ferrer 2025, Elche local'],
    ['2026-04-13', E, false, 'San Vicente Ferrer 2026, Elche local'],
    ['2026-04-13', EA, false, 'the body’s local days count whoever the applicant is'],
    ['2026-12-29', E, false, 'Venida de la Virgen 2026, Elche local (Tuesday)'],
    ['2026-04-16', E, true, 'Santa Faz is not a holiday in Elche'],
    ['2026-04-16', EA, false, 'Santa Faz 2026: holiday in the applicant’s municipality (art. 30.6)'],
    ['2026-04-16', ['Alacant'], false, 'the Valencian name is an alias'],
    ['2026-04-16', ['03014'], false, 'so is the INE code'],
    ['2026-11-02', E, true, '1 November 2026 is a Sunday and is not moved to Monday'],
    ['2026-12-07', E, true, '6 December 2026 is a Sunday and is not moved either'],
  ])('%s for %j is %s: %s', (date, municipalities, expected) => {
    expect(calendar.isBusinessDay(date, municipalities)).toBe(expected);
  });
});

describe('addBusinessDays', () => {
  it.each([
    ['2026-03-06', 1, E, '2026-03-09', 'Friday + 1 skips the weekend'],
    ['2026-03-18', 1, E, '2026-03-20', 'Thursday 19 March is San José'],
    ['2026-04-01', 2, E, '2026-04-07', 'Thu 2 (1), Fri 3 and Mon 6 are Easter holidays, Tue 7 (2)'],
    ['2026-04-10', 1, E, '2026-04-14', 'Monday 13 April is Elche’s San Vicente Ferrer'],
    ['2026-04-15', 1, E, '2026-04-16', 'Santa Faz does not count for Elche alone'],
    ['2026-04-15', 1, EA, '2026-04-17', 'Santa Faz counts with an applicant from Alicante'],
    ['2026-12-28', 1, E, '2026-12-30', 'Tuesday 29 December is the Venida de la Virgen'],
    ['2026-12-30', 3, E, '2027-01-05', 'Thu 31 (1), 1 Jan holiday, weekend, Mon 4 (2), Tue 5 (3)'],
    ['2026-03-07', 0, E, '2026-03-07', 'zero days is the same date, even a Saturday'],
    ['2026-04-07', -2, E, '2026-04-01', 'backwards over Easter: Thu 2 (1), Wed 1 (2)'],
    ['2026-03-20', -1, E, '2026-03-18', 'backwards over San José'],
  ])('%s + %i for %j is %s: %s', (date, n, municipalities, expected) => {
    expect(calendar.addBusinessDays(date, n, municipalities)).toBe(expected);
  });

  it('rejects a fractional count and a malformed date', () => {
    expect(apiError(() => calendar.addBusinessDays('2026-03-06', 1.5, E)).code).toBe('invalid_input');
    expect(apiError(() => calendar.addBusinessDays('2026-02-30', 1, E)).code).toBe('invalid_input');
  });
});

describe('businessDaysBetween', () => {
  it.each([
    ['2026-03-09', '2026-03-09', E, 0, 'same day'],
    ['2026-03-06', '2026-03-09', E, 1, 'Friday to Monday'],
    ['2026-03-09', '2026-03-06', E, -1, 'Monday back to Friday: one day overdue'],
    ['2026-03-07', '2026-03-08', E, 0, 'Saturday to Sunday'],
    [
      '2026-04-01',
      '2026-04-20',
      E,
      10,
      'Apr 2, 7, 8, 9, 10, 14, 15, 16, 17, 20 (Easter and San Vicente skipped)',
    ],
    ['2026-04-01', '2026-04-20', EA, 9, 'the same without Santa Faz (16 April)'],
    ['2026-04-20', '2026-04-01', E, -10, 'signed the other way'],
    ['2026-12-28', '2027-01-08', E, 6, 'Dec 30, 31, Jan 4, 5, 7, 8 (29 Dec, 1 and 6 Jan skipped)'],
    ['2027-01-08', '2026-12-28', E, -6, 'across the year boundary, backwards'],
    [
      '2024-12-31',
      '2025-01-10',
      E,
      6,
      'Jan 2, 3, 7, 8, 9, 10: counting after 31 Dec 2024 needs no 2024 data',
    ],
    ['2025-01-10', '2024-12-31', E, -6, 'and backwards'],
    ['2025-12-31', '2026-12-31', E, 248, '2026: 261 weekdays − 13 weekday holidays for Elche'],
    ['2025-01-01', '2025-12-31', E, 249, '2025: 261 weekdays − 12 weekday holidays (1 Jan itself is one)'],
    ['2025-01-01', '2027-12-31', E, 747, '249 + 248 + 250 (2027: 261 weekdays − 11 holidays)'],
  ])('(%s, %s] for %j is %i: %s', (from, to, municipalities, expected) => {
    expect(calendar.businessDaysBetween(from, to, municipalities)).toBe(expected);
  });

  it('is the inverse of addBusinessDays', () => {
    for (const n of [1, 5, 17, 60]) {
      const end = calendar.addBusinessDays('2026-03-27', n, EA);
      expect(calendar.businessDaysBetween('2026-03-27', end, EA)).toBe(n);
    }
  });
});

describe('dueDate', () => {
  it.each<[string, TermUnit, number, string[], string, DueDateRule[], string]>([
    [
      '2026-03-27T09:00:00Z',
      'business_days',
      10,
      E,
      '2026-04-15',
      [],
      'from Mon 30: 30, 31, 1, 2 (4); Easter 3 and 6; 7–10 (8); 13 Elche; 14 (9), 15 (10)',
    ],
    [
      '2026-04-08T08:00:00Z',
      'business_days',
      10,
      E,
      '2026-04-23',
      [],
      '9, 10, 14, 15, 16, 17, 20, 21, 22, 23 (13 April is Elche’s)',
    ],
    [
      '2026-04-08T08:00:00Z',
      'business_days',
      10,
      EA,
      '2026-04-24',
      ['holiday_in_one_place'],
      'art. 30.6: the same, but 16 April (Santa Faz) is a holiday for an applicant from Alicante',
    ],
    [
      '2026-03-07T10:00:00Z',
      'business_days',
      10,
      E,
      '2026-03-23',
      [],
      'art. 31.2.c: entered on Saturday 7, counted from Sunday 8: 9–13 (5), 16–18 (8), 19 San José, 20 (9), 23 (10)',
    ],
    [
      '2025-12-31T23:30:00Z',
      'business_days',
      10,
      E,
      '2026-01-16',
      [],
      'art. 31.2.c: 00:30 on 1 Jan in Madrid (holiday), counted from Fri 2: 2 (1), 5 (2), 6 Reyes, 7–9 (5), 12–16 (10)',
    ],
    [
      '2025-12-31T22:59:00Z',
      'business_days',
      10,
      E,
      '2026-01-16',
      [],
      '23:59 on 31 Dec in Madrid: 2 (1), 5 (2), 7–9 (5), 12–16 (10)',
    ],
    [
      '2026-12-15T10:00:00Z',
      'business_days',
      15,
      E,
      '2027-01-11',
      [],
      'across the year: 16–18 (3), 21–24 (7), 28 (8), 30, 31 (10), 4, 5 (12), 7, 8 (14), 11 (15)',
    ],
    [
      '2026-03-27T10:00:00Z',
      'natural_days',
      10,
      E,
      '2026-04-07',
      ['last_day_not_business_day'],
      '27 March + 10 natural days = Lunes de Pascua 6 April, moved to Tuesday 7',
    ],
    [
      '2025-01-31T10:00:00Z',
      'months',
      1,
      E,
      '2025-02-28',
      ['month_has_no_such_day'],
      '31 January + 1 month: February has no 31st, so 28 February (a Friday)',
    ],
    [
      '2026-11-30T10:00:00Z',
      'months',
      3,
      E,
      '2027-03-01',
      ['month_has_no_such_day', 'last_day_not_business_day'],
      '30 November + 3 months: 28 February 2027 is a Sunday, so Monday 1 March',
    ],
    [
      '2026-01-31T10:00:00Z',
      'months',
      1,
      E,
      '2026-03-02',
      ['month_has_no_such_day', 'last_day_not_business_day'],
      'art. 31.2.c: from Saturday 31 January as entered; February has no 31st, Saturday 28 moves to Monday 2 March',
    ],
    [
      '2026-05-15T10:00:00Z',
      'months',
      3,
      E,
      '2026-08-17',
      ['last_day_not_business_day'],
      '15 August 2026 is a Saturday and a holiday: Monday 17',
    ],
    [
      '2026-09-29T10:00:00Z',
      'months',
      3,
      E,
      '2026-12-30',
      ['last_day_not_business_day'],
      '29 December is Elche’s Venida de la Virgen: Wednesday 30',
    ],
    [
      '2026-06-30T22:30:00Z',
      'months',
      1,
      E,
      '2026-08-03',
      ['last_day_not_business_day'],
      '00:30 on 1 July in Madrid (summer time); 1 August is a Saturday: Monday 3',
    ],
  ])('%s + %s %i for %j is %s', (registeredAt, unit, amount, municipalities, expected, rules) => {
    const input = { registeredAt: new Date(registeredAt), term: { unit, amount }, municipalities };
    expect(calendar.dueDate(input)).toBe(expected);
    expect(calendar.explainDueDate(input).rules).toEqual(rules);
  });

  it('art. 21.3.b: explains the Madrid date of the registry entry as the start, even a holiday', () => {
    const explained = calendar.explainDueDate({
      registeredAt: new Date('2025-12-31T23:30:00Z'),
      term: { unit: 'business_days', amount: 10 },
      municipalities: E,
    });
    expect(explained).toMatchObject({
      start: 'registry_entry',
      registeredAt: '2025-12-31T23:30:00.000Z',
      startsOn: '2026-01-01',
      nominalEnd: '2026-01-16',
    });
  });

  it('rejects a term that is not a positive whole number', () => {
    for (const amount of [0, -3, 1.5]) {
      const run = () =>
        calendar.dueDate({
          registeredAt: new Date('2026-03-02T10:00:00Z'),
          term: { unit: 'business_days', amount },
          municipalities: E,
        });
      expect(apiError(run).code).toBe('invalid_input');
    }
    const weeks = () =>
      calendar.dueDate({
        registeredAt: new Date('2026-03-02T10:00:00Z'),
        term: { unit: 'weeks' as TermUnit, amount: 2 },
        municipalities: E,
      });
    expect(apiError(weeks).params).toEqual({ field: 'term' });
  });
});

describe('a year without calendar data', () => {
  it.each([
    ['isBusinessDay in 2028', () => calendar.isBusinessDay('2028-01-03', E), '2028'],
    ['isBusinessDay in 2024', () => calendar.isBusinessDay('2024-12-31', E), '2024'],
    [
      'a business-day term running into 2028',
      () =>
        calendar.dueDate({
          registeredAt: new Date('2027-12-20T10:00:00Z'),
          term: { unit: 'business_days', amount: 10 },
          municipalities: E,
        }),
      '2028',
    ],
    [
      'a month term ending in 2028',
      () =>
        calendar.dueDate({
          registeredAt: new Date('2027-12-01T10:00:00Z'),
          term: { unit: 'months', amount: 1 },
          municipalities: E,
        }),
      '2028',
    ],
    ['a count reaching 2028', () => calendar.businessDaysBetween('2027-06-01', '2028-02-01', E), '2028'],
  ])('%s throws calendar_missing_year', (_what, run, year) => {
    const error = apiError(run);
    expect(error.code).toBe('calendar_missing_year');
    expect(error.params).toEqual({ year });
  });
});

describe('today', () => {
  it.each([
    [
      '2025-12-31T23:30:00Z',
      '2026-01-01',
      '23:30 UTC on New Year’s Eve is already 1 January in Madrid (UTC+1)',
    ],
    ['2026-01-15T22:30:00Z', '2026-01-15', '23:30 in Madrid in winter'],
    ['2026-07-15T22:30:00Z', '2026-07-16', '00:30 in Madrid in summer (UTC+2)'],
  ])('%s is %s: %s', (instant, expected) => {
    expect(calendar.today(new Date(instant))).toBe(expected);
  });

  it('rejects an invalid instant', () => {
    expect(apiError(() => calendar.today(new Date('not a date'))).code).toBe('invalid_input');
  });
});

describe('municipalities', () => {
  it('always includes the body (Elche) and rejects a municipality without a local calendar', () => {
    expect(defaultBodyMunicipality).toBe('elche');
    expect(calendar.bodyMunicipality).toBe('elche');
    expect(calendar.isBusinessDay('2026-04-13', ['elche'])).toBe(calendar.isBusinessDay('2026-04-13', E));
    expect(calendar.knowsMunicipality('ELX')).toBe(true);
    expect(calendar.knowsMunicipality('madrid')).toBe(false);
    expect(apiError(() => calendar.isBusinessDay('2026-04-13', ['madrid'])).params).toEqual({
      field: 'municipality',
    });
  });
});

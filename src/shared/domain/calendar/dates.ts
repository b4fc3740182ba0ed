import { ApiError } from '../../api/errors';

/**
 * Legal dates are calendar dates ('YYYY-MM-DD'), never instants. Internally a date is a day number
 * (days since 1970-01-01) so that arithmetic never meets a time zone or a daylight-saving change.
 */
export type DayNumber = number;

const msPerDay = 86_400_000;
const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

function toDayNumber(date: string): DayNumber | null {
  const match = isoDate.exec(date);
  if (!match) return null;
  const dayNumber = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / msPerDay;
  return formatDay(dayNumber) === date ? dayNumber : null;
}

/** A real calendar date written 'YYYY-MM-DD' (2026-02-30 is not one). */
export const isDate = (date: string): boolean => toDayNumber(date) !== null;

export function parseDate(date: string, field = 'date'): DayNumber {
  const day = toDayNumber(date);
  if (day === null) throw new ApiError('invalid_input', { field });
  return day;
}

export function formatDay(day: DayNumber): string {
  return new Date(day * msPerDay).toISOString().slice(0, 10);
}

export const yearOf = (day: DayNumber): number => new Date(day * msPerDay).getUTCFullYear();

export const firstDayOfYear = (year: number): DayNumber => Date.UTC(year, 0, 1) / msPerDay;

export const daysInYear = (year: number): number => firstDayOfYear(year + 1) - firstDayOfYear(year);

/** 0 Sunday … 6 Saturday (1970-01-01 was a Thursday). */
export const weekday = (day: DayNumber): number => (((day + 4) % 7) + 7) % 7;

export const isWeekend = (day: DayNumber): boolean => {
  const dow = weekday(day);
  return dow === 0 || dow === 6;
};

/**
 * Date to date (art. 30.4): the same day number `months` later; when that month is shorter, its
 * last day. Returns whether the day had to be clamped, because the explanation mentions it.
 */
export function addMonths(day: DayNumber, months: number): { day: DayNumber; clamped: boolean } {
  const date = new Date(day * msPerDay);
  const targetMonth = date.getUTCMonth() + months;
  const lastDayOfTarget = new Date(Date.UTC(date.getUTCFullYear(), targetMonth + 1, 0)).getUTCDate();
  const dayOfMonth = Math.min(date.getUTCDate(), lastDayOfTarget);
  return {
    day: Date.UTC(date.getUTCFullYear(), targetMonth, dayOfMonth) / msPerDay,
    clamped: dayOfMonth !== date.getUTCDate(),
  };
}

const madridDateFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Madrid',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The Europe/Madrid calendar date of an instant: 2025-12-31T23:30Z is already 1 January in Madrid. */
export function madridDate(instant: Date, field = 'date'): string {
  if (Number.isNaN(instant.getTime())) throw new ApiError('invalid_input', { field });
  const parts = madridDateFormat.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

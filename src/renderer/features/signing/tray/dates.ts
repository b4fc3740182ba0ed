import { formatDay, madridDate, parseDate } from '../../../../shared/domain/calendar/dates';

/** Today in Europe/Madrid: a request's last day and a substitution's dates are legal dates. */
export const madridToday = (): string => madridDate(new Date());

/** The calendar date `days` after `date` (both 'YYYY-MM-DD'). */
export const addDays = (date: string, days: number): string => formatDay(parseDate(date) + days);

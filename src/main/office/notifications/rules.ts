import { ApiError } from '../../../shared/api/errors';
import type { DeemedReading } from '../../../shared/api/notifications';
import type { LegalCalendar } from '../../../shared/domain/calendar';
import { madridDate } from '../../../shared/domain/calendar/dates';

/**
 * Art. 43.2 Ley 39/2015: an electronic notification "se entenderá rechazada cuando hayan
 * transcurrido diez días naturales desde la puesta a disposición de la notificación sin que se
 * acceda a su contenido". Both readings let the applicant open it during the whole tenth day (the
 * ten days count from the day after it was made available, art. 30.4; the engine also moves a
 * last day that is not a business day, art. 30.5, as it does for every term in natural days).
 * They differ on the day the rejection, and so the notification, is dated (which starts the terms
 * for the remedies):
 *
 * - `day_10`: deemed rejected on the tenth day, at its last instant (made available Mon 2 March
 *   2026 10:00 → rejected on Thu 12 March, 23:59:59.999 Madrid time);
 * - `from_day_11`: deemed rejected once the ten days have "transcurrido" whole, from the first
 *   instant of the eleventh (→ Fri 13 March 2026, 00:00 Madrid time).
 *
 * Despacho applies `from_day_11`: it is the literal reading of "hayan transcurrido diez días"
 * (the tenth day must be over), it never dates the rejection inside a day on which access was
 * still possible, and it is the one that cannot shorten the applicant's later terms. Source: the
 * text of art. 43.2 and art. 30.4–30.5 Ley 39/2015 (BOE-A-2015-10565); the courts' split is
 * summarised in docs/notifications.md.
 */
export const deemedRejectionReading: DeemedReading = 'from_day_11';

/** Art. 43.2's term: ten natural days. */
export const deemedRejectionTerm = { unit: 'natural_days', amount: 10 } as const;

const hourMs = 3_600_000;

/** The first instant of a Madrid calendar day (midnight never falls in a daylight-saving change there). */
export function madridDayStart(date: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const utcMidnight = Date.UTC(year, month - 1, day);
  for (const offsetHours of [2, 1]) {
    const candidate = new Date(utcMidnight - offsetHours * hourMs);
    if (madridDate(candidate) === date) return candidate;
  }
  throw new ApiError('invalid_input', { field: 'date' });
}

const nextDay = (date: string): string => {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
};

export interface DeemedRejection {
  /** The tenth day (after any move off a non-business day), 'YYYY-MM-DD'. */
  lastDay: string;
  /** The instant the notification is deemed rejected under the reading. */
  at: Date;
  reading: DeemedReading;
}

/** When an electronic notification made available at `madeAvailableAt` is deemed rejected (art. 43.2). */
export function deemedRejection(
  calendar: LegalCalendar,
  madeAvailableAt: Date,
  municipalities: readonly string[],
  reading: DeemedReading = deemedRejectionReading,
): DeemedRejection {
  const lastDay = calendar.explainDueDate({
    notifiedOn: madridDate(madeAvailableAt),
    term: deemedRejectionTerm,
    municipalities,
  }).dueDate;
  const eleventh = madridDayStart(nextDay(lastDay));
  return {
    lastDay,
    at: reading === 'from_day_11' ? eleventh : new Date(eleventh.getTime() - 1),
    reading,
  };
}

const madridHourFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Madrid',
  hour: '2-digit',
  hourCycle: 'h23',
});

const madridHour = (instant: Date): number => Number(madridHourFormat.format(instant));

/** Art. 42.2: the hour (Madrid) that splits the two attempts. */
const splitHour = 15;
/** Art. 42.2: "al menos un margen de diferencia de tres horas entre ambos intentos". */
const minimumGapMs = 3 * hourMs;
/** Art. 42.2: "dentro de los tres días siguientes". */
const withinDays = 3;

export type SecondAttemptProblem = 'before_first' | 'too_late' | 'same_side_of_15h' | 'less_than_3h';

/**
 * Art. 42.2 Ley 39/2015: when nobody takes the notice, the attempt "se repetirá por una sola vez y
 * en una hora distinta dentro de los tres días siguientes. En caso de que el primer intento de
 * notificación se haya realizado antes de las quince horas, el segundo intento deberá realizarse
 * después de las quince horas y viceversa, dejando en todo caso al menos un margen de diferencia de
 * tres horas entre ambos intentos". Read here as: the second attempt on the first one's day or one
 * of the three days after it (Madrid dates), on the other side of 15:00, and 3 hours or more later.
 * Null when the second attempt is valid.
 */
export function secondAttemptProblem(first: Date, second: Date): SecondAttemptProblem | null {
  if (second.getTime() <= first.getTime()) return 'before_first';
  let lastDay = madridDate(first);
  for (let day = 0; day < withinDays; day += 1) lastDay = nextDay(lastDay);
  if (madridDate(second) > lastDay) return 'too_late';
  if (madridHour(first) < splitHour === madridHour(second) < splitHour) return 'same_side_of_15h';
  if (second.getTime() - first.getTime() < minimumGapMs) return 'less_than_3h';
  return null;
}

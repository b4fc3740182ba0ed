import { ApiError } from '../../api/errors';
import { addMonths, formatDay, isWeekend, madridDate, parseDate, yearOf, type DayNumber } from './dates';
import type { HolidayFact, LegalCalendar, ProvisionalLayer } from './legal-calendar';

export type TermUnit = 'business_days' | 'natural_days' | 'months';
export interface Term {
  unit: TermUnit;
  amount: number;
}

/**
 * The term stood still from `from` (the day the amendment request was notified) to `to` (the day
 * the reply came in, or the granted term ended), both 'YYYY-MM-DD'. The suspended time is
 * `to − from` natural days (art. 22.1.a: "el tiempo que medie entre la notificación del
 * requerimiento y su efectivo cumplimiento"): notified 10 March, answered 20 March, 10 days.
 */
export interface Suspension {
  from: string;
  to: string;
}

/** Where a term starts, which decides the day it counts from. */
export type TermStartInput =
  /**
   * The term to resolve and notify (art. 21.3.b): from the registry entry's actual date (Europe/
   * Madrid), even a non-business day (art. 31.2.c). No "next business day" shift: that one is for
   * the applicant's filings (see deemedFiling).
   */
  | { registeredAt: Date }
  /** A term from a notification (art. 68's 10 days, art. 43.2's 10 natural days): from the day after. */
  | { notifiedOn: string };

export type DueDateInput = TermStartInput & {
  term: Term;
  /**
   * The applicant's municipality (an identifier, INE code or official name); the body's always
   * counts (art. 30.6). One without a local calendar is not guessed: it is listed in
   * `missingLocalCalendars` and its holidays are not counted.
   */
  municipalities: readonly string[];
  suspensions?: readonly Suspension[];
};

/** Why the due date is not simply "start + term". */
export type DueDateRule =
  /** Art. 30.4: the month of expiry has no such day; the term ends on its last day. */
  | 'month_has_no_such_day'
  /** Art. 22.1.a: the term's own last day is extended by the suspended time. */
  | 'suspended'
  /** Art. 30.6: a day skipped is a holiday in only one of the applicant's and the body's municipalities. */
  | 'holiday_in_one_place'
  /** Art. 30.5: the last day is not a business day; the term ends on the next business day. */
  | 'last_day_not_business_day';

/** A day left out of the count, or passed over by the final move, and why. */
export interface SkippedDay {
  date: string;
  weekend: boolean;
  holidays: HolidayFact[];
  /** Art. 30.6: a business day in one of the two municipalities and not in the other. */
  onlyIn?: { side: 'applicant' | 'body'; place: string };
  /** `count`: skipped while counting business days; `final_move`: the last day moved off it (art. 30.5). */
  during: 'count' | 'final_move';
}

export interface SuspensionApplied extends Suspension {
  days: number;
}

export interface DueDateExplanation {
  start: 'registry_entry' | 'notification';
  /** The registry entry's instant (ISO, UTC), for a term to resolve. */
  registeredAt?: string;
  /** The date the term starts from (the entry's Madrid date, or the notification's); it counts from the day after. */
  startsOn: string;
  term: Term;
  /** The term's own last day, before any suspension or move. */
  nominalEnd: string;
  suspensions: SuspensionApplied[];
  suspendedDays: number;
  /** The nominal end extended by the suspended time, before the move to a business day. */
  extendedEnd: string;
  dueDate: string;
  rules: DueDateRule[];
  skipped: SkippedDay[];
  /** The applicant's municipality as shown (first official name), when it has a calendar. */
  applicantMunicipality?: string;
  /**
   * The applicant's municipality when it has no local calendar for a year the term touches (or
   * none at all): its holidays are not counted. An INE code without a local file still counts its
   * region's layer (resources/calendars/provinces.json).
   */
  missingLocalCalendars: string[];
  /** The applicant's region when it has no regional calendar for a year the term touches: its days are not counted. */
  missingRegionalCalendars: string[];
  /** The due date depends on calendar data that is an assumption (`provisionalLayers`). */
  provisional: boolean;
  provisionalLayers: ProvisionalLayer[];
}

/** An applicant's filing and the day it counts as made. */
export interface FilingExplanation {
  filedOn: string;
  deemedOn: string;
  /** The registry seat's non-business days passed over (art. 31.2.b). */
  skipped: SkippedDay[];
  /** Against the term's due date, when one was given. */
  inTime?: boolean;
}

function checkAmount(value: number): void {
  if (!Number.isInteger(value) || value < 1) throw new ApiError('invalid_input', { field: 'term' });
}

interface Places {
  ids: string[];
  applicant?: string;
  missing: string[];
}

function places(calendar: LegalCalendar, municipalities: readonly string[]): Places {
  const missing: string[] = [];
  let applicant: string | undefined;
  for (const name of municipalities) {
    const id = calendar.placeId(name);
    if (id === undefined) missing.push(name.trim());
    else if (id !== calendar.bodyMunicipality) applicant ??= id;
  }
  const ids = applicant === undefined ? [calendar.bodyMunicipality] : [calendar.bodyMunicipality, applicant];
  return { ids: ids.sort(), ...(applicant === undefined ? {} : { applicant }), missing };
}

function skippedDay(
  calendar: LegalCalendar,
  where: Places,
  day: DayNumber,
  during: SkippedDay['during'],
): SkippedDay {
  const weekend = isWeekend(day);
  const result: SkippedDay = {
    date: formatDay(day),
    weekend,
    holidays: weekend ? [] : calendar.holidaysOn(where.ids, day, true),
    during,
  };
  if (weekend || where.applicant === undefined) return result;
  const body = calendar.bodyMunicipality;
  if (calendar.isBusinessIn([body], day))
    result.onlyIn = { side: 'applicant', place: calendar.placeName(where.applicant) };
  else if (calendar.isBusinessIn([where.applicant], day, true))
    result.onlyIn = { side: 'body', place: calendar.placeName(body) };
  return result;
}

/** The first business day on or after `day`, with the days passed over. */
function moveToBusinessDay(
  calendar: LegalCalendar,
  where: Places,
  day: DayNumber,
  during: SkippedDay['during'],
  skipped: SkippedDay[],
): DayNumber {
  let current = day;
  while (!calendar.isBusinessIn(where.ids, current, true)) {
    skipped.push(skippedDay(calendar, where, current, during));
    current += 1;
  }
  return current;
}

/**
 * The suspensions in order, and the last day they extend the term to. A suspension may start on
 * any day the term still runs: up to the running end moved off a non-business day (art. 30.5).
 * One that starts in those moved days cannot end the term before the day it ends itself.
 */
function applySuspensions(
  calendar: LegalCalendar,
  where: Places,
  suspensions: readonly Suspension[],
  startsOn: DayNumber,
  nominalEnd: DayNumber,
): { applied: SuspensionApplied[]; extendedEnd: DayNumber } {
  const applied: SuspensionApplied[] = [];
  let runningEnd = nominalEnd;
  let previousTo = startsOn;
  const ordered = [...suspensions].sort((a, b) => a.from.localeCompare(b.from));
  for (const suspension of ordered) {
    const from = parseDate(suspension.from, 'suspended');
    const to = parseDate(suspension.to, 'suspended');
    // A term stands still only while it runs, and one suspension at a time.
    if (
      to < from ||
      from < previousTo ||
      from > moveToBusinessDay(calendar, where, runningEnd, 'final_move', [])
    )
      throw new ApiError('invalid_input', { field: 'suspended' });
    applied.push({ from: suspension.from, to: suspension.to, days: to - from });
    runningEnd = Math.max(runningEnd + (to - from), to);
    previousTo = to;
  }
  return { applied, extendedEnd: runningEnd };
}

/**
 * Art. 30 of Ley 39/2015 on one term: the start (art. 21.3.b and 31.2.c, or the notification),
 * the count from the day after (business days skip the weekend and the holidays of the body's and
 * the applicant's municipalities, art. 30.2 and 30.6; months run date to date, art. 30.4), the
 * suspended time added to the term's own last day (art. 22.1.a), and only then the move off a
 * non-business day (art. 30.5).
 */
export function explainDueDate(calendar: LegalCalendar, input: DueDateInput): DueDateExplanation {
  const { term } = input;
  checkAmount(term.amount);
  const where = places(calendar, input.municipalities);
  const fromRegistry = 'registeredAt' in input;
  const startsOn = fromRegistry
    ? parseDate(madridDate(input.registeredAt, 'registeredAt'))
    : parseDate(input.notifiedOn, 'notifiedOn');
  const rules: DueDateRule[] = [];
  const skipped: SkippedDay[] = [];

  let nominalEnd: DayNumber;
  switch (term.unit) {
    case 'business_days': {
      nominalEnd = startsOn;
      for (let left = term.amount; left > 0;) {
        nominalEnd += 1;
        if (calendar.isBusinessIn(where.ids, nominalEnd, true)) left -= 1;
        else skipped.push(skippedDay(calendar, where, nominalEnd, 'count'));
      }
      break;
    }
    case 'natural_days':
      nominalEnd = startsOn + term.amount;
      break;
    case 'months': {
      const end = addMonths(startsOn, term.amount);
      if (end.clamped) rules.push('month_has_no_such_day');
      nominalEnd = end.day;
      break;
    }
    default:
      throw new ApiError('invalid_input', { field: 'term' });
  }

  const { applied: suspensions, extendedEnd } = applySuspensions(
    calendar,
    where,
    input.suspensions ?? [],
    startsOn,
    nominalEnd,
  );
  const suspendedDays = suspensions.reduce((total, suspension) => total + suspension.days, 0);
  if (suspendedDays > 0) rules.push('suspended');
  const dueDate = moveToBusinessDay(calendar, where, extendedEnd, 'final_move', skipped);
  if (skipped.some((day) => day.onlyIn !== undefined)) rules.push('holiday_in_one_place');
  if (dueDate !== extendedEnd) rules.push('last_day_not_business_day');

  const firstConsulted = term.unit === 'business_days' ? startsOn + 1 : extendedEnd;
  const provisionalLayers = calendar.provisionalLayers(
    where.ids,
    yearOf(firstConsulted),
    yearOf(dueDate),
    true,
  );
  const missingLayers = calendar.missingLayers(where.ids, yearOf(firstConsulted), yearOf(dueDate));
  const missingPlaces = (layer: 'regional' | 'local'): string[] =>
    missingLayers.filter((missing) => missing.layer === layer).map((missing) => missing.place);
  return {
    start: fromRegistry ? 'registry_entry' : 'notification',
    ...(fromRegistry ? { registeredAt: input.registeredAt.toISOString() } : {}),
    startsOn: formatDay(startsOn),
    term,
    nominalEnd: formatDay(nominalEnd),
    suspensions,
    suspendedDays,
    extendedEnd: formatDay(extendedEnd),
    dueDate: formatDay(dueDate),
    rules,
    skipped,
    ...(where.applicant === undefined ? {} : { applicantMunicipality: calendar.placeName(where.applicant) }),
    missingLocalCalendars: [...new Set([...where.missing, ...missingPlaces('local')])],
    missingRegionalCalendars: [...new Set(missingPlaces('regional'))],
    provisional: provisionalLayers.length > 0,
    provisionalLayers,
  };
}

/** The applicant's term a filing answers: its unit decides whether art. 31.2.b applies. */
export interface FiledAgainst {
  unit: TermUnit;
  dueDate: string;
}

/**
 * An applicant's filing made on a non-business day counts as made at the first hour of the next
 * business day, for terms in business days the applicant must meet (art. 31.2.b: is a reply in
 * time?). Whether the day is non-business is judged by the registry seat's calendar alone (art.
 * 31.3): the body's municipality, never the applicant's holidays. Against a term in natural days or
 * months the filing counts on its own day.
 */
export function deemedFiling(
  calendar: LegalCalendar,
  filedAt: Date,
  against?: FiledAgainst,
): FilingExplanation {
  const filedOn = parseDate(madridDate(filedAt, 'filedAt'));
  const seat: Places = { ids: [calendar.bodyMunicipality], missing: [] };
  const skipped: SkippedDay[] = [];
  const shifted = against === undefined || against.unit === 'business_days';
  const deemedOn = shifted ? moveToBusinessDay(calendar, seat, filedOn, 'count', skipped) : filedOn;
  return {
    filedOn: formatDay(filedOn),
    deemedOn: formatDay(deemedOn),
    skipped,
    ...(against === undefined ? {} : { inTime: deemedOn <= parseDate(against.dueDate, 'dueDate') }),
  };
}

import { ApiError } from '../../api/errors';
import type { CalendarFile } from './data';
import {
  addMonths,
  daysInYear,
  firstDayOfYear,
  formatDay,
  isWeekend,
  madridDate,
  parseDate,
  yearOf,
  type DayNumber,
} from './dates';

/** The city hall's own municipality (INE 03065): its holidays count for every case (art. 30.6). */
export const defaultBodyMunicipality = 'elche';
export const defaultBodyMunicipalityIne = '03065';

export type TermUnit = 'business_days' | 'natural_days' | 'months';
export interface Term {
  unit: TermUnit;
  amount: number;
}

export interface DueDateInput {
  /** The registry entry's instant; its Europe/Madrid date is the legal date. */
  registeredAt: Date;
  term: Term;
  /** The applicant's municipality (and any other); the body's municipality is always added. */
  municipalities: string[];
}

/** Why the due date is not simply "registered on + term". */
export type DueDateRule =
  /** Art. 31.2: filed on a non-business day, deemed filed at the first hour of the next business day. */
  | 'filed_on_non_business_day'
  /** Art. 30.4: the month of expiry has no such day; the term ends on its last day. */
  | 'month_has_no_such_day'
  /** Art. 30.5: the last day is not a business day; the term ends on the next business day. */
  | 'last_day_not_business_day';

export interface DueDateExplanation {
  registeredOn: string;
  /** The day the filing counts as made; the term runs from the day after. */
  filedOn: string;
  /** The last day before moving it to a business day. */
  nominalEnd: string;
  dueDate: string;
  rules: DueDateRule[];
}

/** Business days of one year for one set of municipalities, so counting a span costs two lookups. */
interface YearIndex {
  first: DayNumber;
  business: Uint8Array;
  /** cumulative[i]: business days from 1 January up to and including day i of the year. */
  cumulative: Uint16Array;
  total: number;
}

/** A resolved set of municipalities, with its per-year indexes built on first use. */
interface Scope {
  municipalities: readonly string[];
  years: Map<number, YearIndex>;
}

/** Two files contradict each other, or a file contradicts itself; `fileIndex` is the culprit. */
export class CalendarDataConflict extends Error {
  constructor(
    readonly fileIndex: number,
    message: string,
  ) {
    super(message);
    this.name = 'CalendarDataConflict';
  }
}

type LayerRef =
  | { layer: 'national'; year: number }
  | { layer: 'regional'; region: string; year: number }
  | { layer: 'local'; municipality: string; year: number };

function layerKey(ref: LayerRef): string {
  if (ref.layer === 'national') return `national:${ref.year}`;
  if (ref.layer === 'regional') return `regional:${ref.region}:${ref.year}`;
  return `local:${ref.municipality}:${ref.year}`;
}

const normalize = (name: string): string => name.trim().toLocaleLowerCase('es');

function checkInteger(value: number, field: string, min: number): void {
  if (!Number.isInteger(value) || value < min) throw new ApiError('invalid_input', { field });
}

/**
 * The art. 30 rules of Ley 39/2015 over the holiday layers of resources/calendars: national (BOE),
 * regional (DOGV) and local. A year without data throws `calendar_missing_year`: never a guess.
 * Business days exclude Saturdays, Sundays and the holidays of any of the given municipalities,
 * plus the national and regional ones of their regions (art. 30.2 and 30.6).
 */
export class LegalCalendar {
  readonly bodyMunicipality: string;
  /** Holiday sets keyed by layerKey(): 'national:2026', 'regional:valenciana:2026', 'local:elche:2026'. */
  private readonly layers = new Map<string, Set<DayNumber>>();
  private readonly nationalYears = new Set<number>();
  private readonly regionOf = new Map<string, string>();
  private readonly aliases = new Map<string, string>();
  private readonly scopes = new Map<string, Scope>();
  private readonly scopesAsGiven = new Map<string, Scope>();

  constructor(files: readonly CalendarFile[], options: { bodyMunicipality?: string } = {}) {
    files.forEach((file, index) => {
      try {
        this.add(file);
      } catch (error) {
        throw new CalendarDataConflict(index, error instanceof Error ? error.message : String(error));
      }
    });
    const body = this.aliases.get(normalize(options.bodyMunicipality ?? defaultBodyMunicipality));
    if (!body)
      throw new Error(
        `No local calendar for the body's municipality ${options.bodyMunicipality ?? defaultBodyMunicipality}`,
      );
    this.bodyMunicipality = body;
  }

  /** The years the national layer covers, ascending. */
  get years(): number[] {
    return [...this.nationalYears].sort((a, b) => a - b);
  }

  /** Canonical identifiers of the municipalities with a local calendar. */
  get municipalities(): string[] {
    return [...this.regionOf.keys()].sort();
  }

  /** Whether `name` (identifier, INE code or official name) has a local calendar. */
  knowsMunicipality(name: string): boolean {
    return this.aliases.has(normalize(name));
  }

  /** The Europe/Madrid calendar date of `now`, 'YYYY-MM-DD'. */
  today(now: Date): string {
    return madridDate(now, 'now');
  }

  isBusinessDay(date: string, municipalities: string[]): boolean {
    return this.isBusiness(this.scope(municipalities), parseDate(date));
  }

  /** The n-th business day after `date` (before it when n is negative); `date` itself when n is 0. */
  addBusinessDays(date: string, n: number, municipalities: string[]): string {
    if (!Number.isInteger(n)) throw new ApiError('invalid_input', { field: 'n' });
    return formatDay(this.stepBusinessDays(this.scope(municipalities), parseDate(date), n));
  }

  /**
   * Business days in (from, to]: 0 on the same day, 1 from a Friday to the next Monday, negative
   * when `to` is before `from` (overdue). Antisymmetric, and the inverse of addBusinessDays.
   */
  businessDaysBetween(from: string, to: string, municipalities: string[]): number {
    const scope = this.scope(municipalities);
    const start = parseDate(from, 'from');
    const end = parseDate(to, 'to');
    return end >= start ? this.countAfter(scope, start, end) : -this.countAfter(scope, end, start);
  }

  dueDate(input: DueDateInput): string {
    return this.explainDueDate(input).dueDate;
  }

  /** The due date with the rules that moved it, for the explanation shown next to it. */
  explainDueDate({ registeredAt, term, municipalities }: DueDateInput): DueDateExplanation {
    checkInteger(term.amount, 'term', 1);
    const scope = this.scope(municipalities);
    const rules: DueDateRule[] = [];
    const registeredOn = parseDate(madridDate(registeredAt, 'registeredAt'));
    const filedOn = this.businessDayOnOrAfter(scope, registeredOn);
    if (filedOn !== registeredOn) rules.push('filed_on_non_business_day');

    let nominalEnd: DayNumber;
    switch (term.unit) {
      case 'business_days':
        nominalEnd = this.stepBusinessDays(scope, filedOn, term.amount);
        break;
      case 'natural_days':
        nominalEnd = filedOn + term.amount;
        break;
      case 'months': {
        const end = addMonths(filedOn, term.amount);
        if (end.clamped) rules.push('month_has_no_such_day');
        nominalEnd = end.day;
        break;
      }
      default:
        throw new ApiError('invalid_input', { field: 'term' });
    }
    const dueDate = this.businessDayOnOrAfter(scope, nominalEnd);
    if (dueDate !== nominalEnd) rules.push('last_day_not_business_day');
    return {
      registeredOn: formatDay(registeredOn),
      filedOn: formatDay(filedOn),
      nominalEnd: formatDay(nominalEnd),
      dueDate: formatDay(dueDate),
      rules,
    };
  }

  /**
   * Suspension (art. 22.1): the term stops on `suspendedFrom` (the day the amendment request is
   * notified) and runs again on `resumedOn` (the day the applicant answers, or the day after the
   * time to answer ends). The suspended time is `resumedOn − suspendedFrom` NATURAL days, because
   * the term to resolve is a term in months, which runs on natural time; the due date moves by that
   * many natural days and, if it then falls on a non-business day, to the next business day.
   * Suspended 10 March, resumed 20 March: 10 days. Resumed the same day: no move. The days are
   * added to the due date as given, which may already have been moved off a holiday.
   */
  addSuspension(dueDate: string, suspendedFrom: string, resumedOn: string, municipalities: string[]): string {
    const scope = this.scope(municipalities);
    const due = parseDate(dueDate, 'dueDate');
    const from = parseDate(suspendedFrom, 'suspendedFrom');
    const until = parseDate(resumedOn, 'resumedOn');
    if (from > due) throw new ApiError('invalid_input', { field: 'suspendedFrom' });
    if (until < from) throw new ApiError('invalid_input', { field: 'resumedOn' });
    if (until === from) return formatDay(due);
    return formatDay(this.businessDayOnOrAfter(scope, due + (until - from)));
  }

  private add(file: CalendarFile): void {
    const days = new Set<DayNumber>();
    for (const holiday of file.holidays) {
      const day = parseDate(holiday.date, 'holidays');
      if (yearOf(day) !== file.year) throw new Error(`${holiday.date} is not in ${file.year}`);
      days.add(day);
    }
    const key = layerKey(file);
    if (this.layers.has(key)) throw new Error(`Two calendars for ${key}`);
    this.layers.set(key, days);
    if (file.layer === 'national') this.nationalYears.add(file.year);
    if (file.layer !== 'local') return;
    const known = this.regionOf.get(file.municipality);
    if (known && known !== file.region) throw new Error(`${file.municipality} is in two regions`);
    this.regionOf.set(file.municipality, file.region);
    for (const alias of [file.municipality, file.ine, ...file.names]) {
      const other = this.aliases.get(normalize(alias));
      if (other && other !== file.municipality) throw new Error(`${alias} names two municipalities`);
      this.aliases.set(normalize(alias), file.municipality);
    }
  }

  /** Called once per displayed row: the caller's own spelling is cached before any normalizing. */
  private scope(municipalities: readonly string[]): Scope {
    const asGiven = municipalities.join('\u0000');
    const known = this.scopesAsGiven.get(asGiven);
    if (known) return known;
    const ids = new Set([this.bodyMunicipality]);
    for (const name of municipalities) {
      const id = this.aliases.get(normalize(name));
      if (!id) throw new ApiError('invalid_input', { field: 'municipality' });
      ids.add(id);
    }
    const sorted = [...ids].sort();
    const key = sorted.join('|');
    let scope = this.scopes.get(key);
    if (!scope) {
      scope = { municipalities: sorted, years: new Map() };
      this.scopes.set(key, scope);
    }
    this.scopesAsGiven.set(asGiven, scope);
    return scope;
  }

  private yearIndex(scope: Scope, year: number): YearIndex {
    const cached = scope.years.get(year);
    if (cached) return cached;
    const missing = (municipality?: string): ApiError =>
      new ApiError(
        'calendar_missing_year',
        municipality ? { year: String(year), municipality } : { year: String(year) },
      );
    const national = this.layers.get(layerKey({ layer: 'national', year }));
    if (!national) throw missing();
    const holidays = [national];
    for (const municipality of scope.municipalities) {
      const region = this.regionOf.get(municipality)!;
      const regional = this.layers.get(layerKey({ layer: 'regional', region, year }));
      const local = this.layers.get(layerKey({ layer: 'local', municipality, year }));
      if (!regional || !local) throw missing(municipality);
      holidays.push(regional, local);
    }
    const first = firstDayOfYear(year);
    const length = daysInYear(year);
    const business = new Uint8Array(length);
    const cumulative = new Uint16Array(length);
    let total = 0;
    for (let i = 0; i < length; i += 1) {
      const day = first + i;
      const open = !isWeekend(day) && !holidays.some((set) => set.has(day));
      business[i] = open ? 1 : 0;
      if (open) total += 1;
      cumulative[i] = total;
    }
    const index = { first, business, cumulative, total };
    scope.years.set(year, index);
    return index;
  }

  private isBusiness(scope: Scope, day: DayNumber): boolean {
    const index = this.yearIndex(scope, yearOf(day));
    return index.business[day - index.first] === 1;
  }

  private businessDayOnOrAfter(scope: Scope, day: DayNumber): DayNumber {
    let current = day;
    while (!this.isBusiness(scope, current)) current += 1;
    return current;
  }

  private stepBusinessDays(scope: Scope, day: DayNumber, n: number): DayNumber {
    const step = Math.sign(n);
    let current = day;
    for (let left = Math.abs(n); left > 0;) {
      current += step;
      if (this.isBusiness(scope, current)) left -= 1;
    }
    return current;
  }

  /**
   * Business days in (start, end], start <= end, from per-year prefix sums: one lookup per year
   * crossed. The day `start` itself is never looked up, so counting from 31 December of a year
   * without data into a year with data still works.
   */
  private countAfter(scope: Scope, start: DayNumber, end: DayNumber): number {
    if (start === end) return 0;
    const first = start + 1;
    const firstIndex = this.yearIndex(scope, yearOf(first));
    const endIndex = this.yearIndex(scope, yearOf(end));
    const beforeFirst =
      firstIndex.cumulative[first - firstIndex.first]! - firstIndex.business[first - firstIndex.first]!;
    const upToEnd = endIndex.cumulative[end - endIndex.first]!;
    if (firstIndex === endIndex) return upToEnd - beforeFirst;
    let count = firstIndex.total - beforeFirst + upToEnd;
    for (let year = yearOf(first) + 1; year < yearOf(end); year += 1)
      count += this.yearIndex(scope, year).total;
    return count;
  }
}

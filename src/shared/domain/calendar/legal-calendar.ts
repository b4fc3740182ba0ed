import { ApiError } from '../../api/errors';
import type { CalendarFile, Province } from './data';
import {
  daysInYear,
  firstDayOfYear,
  formatDay,
  isWeekend,
  madridDate,
  parseDate,
  yearOf,
  type DayNumber,
} from './dates';
import {
  deemedFiling,
  explainDueDate,
  type DueDateExplanation,
  type DueDateInput,
  type FiledAgainst,
  type FilingExplanation,
} from './terms';

/** The city hall's own municipality (INE 03065): its holidays count for every case (art. 30.6). */
export const defaultBodyMunicipality = 'elche';
export const defaultBodyMunicipalityIne = '03065';

export type HolidayLayer = CalendarFile['layer'];

/** One holiday on one day, with the file it comes from. */
export interface HolidayFact {
  name: string;
  layer: HolidayLayer;
  /** The region id of a regional holiday, the municipality's shown name of a local one. */
  place?: string;
  source: string;
  provisional: boolean;
}

/** A layer an applicant's municipality has no file for in a year a computation read: its holidays are not counted. */
export interface MissingLayer {
  year: number;
  layer: 'regional' | 'local';
  /** The municipality as shown (a local layer), or the region id (a regional one). */
  place: string;
}

/** A layer file a computation read that is an assumption (`provisional` in the file). */
export interface ProvisionalLayer {
  year: number;
  layer: HolidayLayer;
  place?: string;
  basis: string;
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
  /** Layers missing for a municipality other than the body's are left out (see isBusinessIn). */
  lenient: boolean;
  years: Map<number, YearIndex>;
}

interface LayerData {
  days: Map<DayNumber, string>;
  layer: HolidayLayer;
  place?: string;
  source: string;
  basis?: string;
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

/** How a municipality's names are compared: the loader picks a place's files by the same key. */
export const normalize = (name: string): string => name.trim().toLocaleLowerCase('es');

const ineCode = /^\d{5}$/;

/** The identifier of a municipality known only by its INE code (no local file): never a file's identifier. */
const byProvinceId = (ine: string): string => `ine:${ine}`;

export interface LegalCalendarOptions {
  /** The body's own municipality (Elche unless told). */
  bodyMunicipality?: string;
  /** The INE provinces and their regions: an INE code without a local file gets its region's layer. */
  provinces?: readonly Province[];
}

/**
 * The art. 30 rules of Ley 39/2015 over the holiday layers of resources/calendars: national (BOE),
 * regional (DOGV) and local. A year without data throws `calendar_missing_year`: never a guess.
 * Business days exclude Saturdays, Sundays and the holidays of any of the given municipalities,
 * plus the national and regional ones of their regions (art. 30.2 and 30.6). The terms themselves
 * (start, suspension, final move) are in ./terms.ts.
 */
export class LegalCalendar {
  readonly bodyMunicipality: string;
  /** Keyed by layerKey(): 'national:2026', 'regional:valenciana:2026', 'local:elche:2026'. */
  private readonly layers = new Map<string, LayerData>();
  private readonly nationalYears = new Set<number>();
  private readonly regionOf = new Map<string, string>();
  private readonly shownName = new Map<string, string>();
  private readonly aliases = new Map<string, string>();
  private readonly scopes = new Map<string, Scope>();
  private readonly scopesAsGiven = new Map<string, Scope>();
  private readonly regionOfProvince = new Map<string, string>();

  constructor(files: readonly CalendarFile[], options: LegalCalendarOptions = {}) {
    for (const province of options.provinces ?? []) this.regionOfProvince.set(province.code, province.region);
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
    return [...this.regionOf.keys()].filter((id) => this.hasLocalCalendar(id)).sort();
  }

  /** Whether `name` (identifier, INE code or official name) has a local calendar. */
  knowsMunicipality(name: string): boolean {
    return this.aliases.has(normalize(name));
  }

  /** The canonical identifier of `name` (identifier, INE code or official name), if it has a calendar. */
  municipalityId(name: string): string | undefined {
    return this.aliases.get(normalize(name));
  }

  /**
   * The identifier of `name` for the rules: its local calendar's, or, for the INE code of a
   * municipality without one, an identifier that carries only its province's regional layer (the
   * explanation then names it in `missingLocalCalendars`). Undefined when neither is known.
   */
  placeId(name: string): string | undefined {
    const known = this.municipalityId(name);
    if (known !== undefined) return known;
    const code = name.trim();
    if (!ineCode.test(code)) return undefined;
    const region = this.regionOfProvince.get(code.slice(0, 2));
    if (region === undefined) return undefined;
    const id = byProvinceId(code);
    if (!this.regionOf.has(id)) {
      this.regionOf.set(id, region);
      this.shownName.set(id, code);
    }
    return id;
  }

  /** Whether `id` (canonical) has a local calendar file for some year. */
  hasLocalCalendar(id: string): boolean {
    return this.aliases.get(normalize(id)) === id;
  }

  /** The name shown for a canonical municipality identifier: the first of its file's `names`. */
  placeName(municipality: string): string {
    return this.shownName.get(municipality) ?? municipality;
  }

  /** The Europe/Madrid calendar date of `now`, 'YYYY-MM-DD'. */
  today(now: Date): string {
    return madridDate(now, 'now');
  }

  isBusinessDay(date: string, municipalities: string[]): boolean {
    return this.isBusinessIn(this.resolve(municipalities), parseDate(date));
  }

  /** The n-th business day after `date` (before it when n is negative); `date` itself when n is 0. */
  addBusinessDays(date: string, n: number, municipalities: string[]): string {
    if (!Number.isInteger(n)) throw new ApiError('invalid_input', { field: 'n' });
    return formatDay(this.stepBusinessDays(this.resolve(municipalities), parseDate(date), n));
  }

  /**
   * Business days in (from, to]: 0 on the same day, 1 from a Friday to the next Monday, negative
   * when `to` is before `from` (overdue). Antisymmetric, and the inverse of addBusinessDays.
   */
  businessDaysBetween(from: string, to: string, municipalities: string[]): number {
    const scope = this.scopeOf(this.resolve(municipalities));
    const start = parseDate(from, 'from');
    const end = parseDate(to, 'to');
    return end >= start ? this.countAfter(scope, start, end) : -this.countAfter(scope, end, start);
  }

  dueDate(input: DueDateInput): string {
    return explainDueDate(this, input).dueDate;
  }

  /** The due date with everything that placed it, for the explanation shown next to it. */
  explainDueDate(input: DueDateInput): DueDateExplanation {
    return explainDueDate(this, input);
  }

  /** The day an applicant's filing counts as made (art. 31.2.b), judged at the registry's seat (art. 31.3). */
  deemedFiling(filedAt: Date, against?: FiledAgainst): FilingExplanation {
    return deemedFiling(this, filedAt, against);
  }

  /**
   * Canonical ids of the body's municipality and of every given one; a name without a local
   * calendar is refused (only a due date's explanation counts a place by its province: placeId).
   */
  resolve(municipalities: readonly string[]): string[] {
    const ids = new Set([this.bodyMunicipality]);
    for (const name of municipalities) {
      const id = this.municipalityId(name);
      if (!id) throw new ApiError('invalid_input', { field: 'municipality' });
      ids.add(id);
    }
    return [...ids].sort();
  }

  /**
   * Whether `day` is a business day where all of `ids` (canonical) are concerned. `lenient`: a
   * layer missing for a municipality other than the body's is left out instead of refused (the
   * due date's explanation names it, see `missingLayers`); the national and the body's layers are
   * always required.
   */
  isBusinessIn(ids: readonly string[], day: DayNumber, lenient = false): boolean {
    const index = this.yearIndex(this.scopeOf(ids, lenient), yearOf(day));
    return index.business[day - index.first] === 1;
  }

  /** The holidays of `day` in the layers of `ids` (canonical), national first, without repeats. */
  holidaysOn(ids: readonly string[], day: DayNumber, lenient = false): HolidayFact[] {
    const facts: HolidayFact[] = [];
    for (const data of this.layersOf(ids, yearOf(day), lenient)) {
      const name = data.days.get(day);
      if (name === undefined) continue;
      // The regional decree repeats the national days it keeps: the national entry is the one shown.
      if (data.layer === 'regional' && facts.some((fact) => fact.layer === 'national')) continue;
      facts.push({
        name,
        layer: data.layer,
        ...(data.place === undefined ? {} : { place: data.place }),
        source: data.source,
        provisional: data.basis !== undefined,
      });
    }
    return facts;
  }

  /** The provisional layers among those of `ids` (canonical) for the years from `fromYear` to `toYear`. */
  provisionalLayers(
    ids: readonly string[],
    fromYear: number,
    toYear: number,
    lenient = false,
  ): ProvisionalLayer[] {
    const found: ProvisionalLayer[] = [];
    for (let year = fromYear; year <= toYear; year += 1)
      for (const data of this.layersOf(ids, year, lenient))
        if (data.basis !== undefined)
          found.push({
            year,
            layer: data.layer,
            ...(data.place === undefined ? {} : { place: data.place }),
            basis: data.basis,
          });
    return found;
  }

  /**
   * The layers of the municipalities of `ids` other than the body's that have no file in the years
   * from `fromYear` to `toYear`: a lenient computation did not count their holidays.
   */
  missingLayers(ids: readonly string[], fromYear: number, toYear: number): MissingLayer[] {
    const found: MissingLayer[] = [];
    for (const municipality of ids) {
      if (municipality === this.bodyMunicipality) continue;
      const region = this.regionOf.get(municipality)!;
      for (let year = fromYear; year <= toYear; year += 1) {
        if (!this.layers.has(layerKey({ layer: 'regional', region, year })))
          found.push({ year, layer: 'regional', place: region });
        if (!this.layers.has(layerKey({ layer: 'local', municipality, year })))
          found.push({ year, layer: 'local', place: this.placeName(municipality) });
      }
    }
    return found;
  }

  private add(file: CalendarFile): void {
    const days = new Map<DayNumber, string>();
    for (const holiday of file.holidays) {
      const day = parseDate(holiday.date, 'holidays');
      if (yearOf(day) !== file.year) throw new Error(`${holiday.date} is not in ${file.year}`);
      days.set(day, holiday.name);
    }
    const key = layerKey(file);
    if (this.layers.has(key)) throw new Error(`Two calendars for ${key}`);
    const place =
      file.layer === 'regional' ? file.region : file.layer === 'local' ? file.names[0] : undefined;
    this.layers.set(key, {
      days,
      layer: file.layer,
      ...(place === undefined ? {} : { place }),
      source: file.source,
      ...(file.basis === undefined ? {} : { basis: file.basis }),
    });
    if (file.layer === 'national') this.nationalYears.add(file.year);
    if (file.layer !== 'local') return;
    const known = this.regionOf.get(file.municipality);
    if (known && known !== file.region) throw new Error(`${file.municipality} is in two regions`);
    this.regionOf.set(file.municipality, file.region);
    this.shownName.set(file.municipality, file.names[0]!);
    for (const alias of [file.municipality, file.ine, ...file.names]) {
      const other = this.aliases.get(normalize(alias));
      if (other && other !== file.municipality) throw new Error(`${alias} names two municipalities`);
      this.aliases.set(normalize(alias), file.municipality);
    }
  }

  /**
   * The layers that hold for `ids` in `year`; a missing one throws `calendar_missing_year`, except,
   * when `lenient`, one of a municipality other than the body's (left out: see missingLayers).
   */
  private layersOf(ids: readonly string[], year: number, lenient: boolean): LayerData[] {
    const missing = (municipality?: string): ApiError =>
      new ApiError(
        'calendar_missing_year',
        municipality ? { year: String(year), municipality } : { year: String(year) },
      );
    const national = this.layers.get(layerKey({ layer: 'national', year }));
    if (!national) throw missing();
    const found = [national];
    for (const municipality of ids) {
      const region = this.regionOf.get(municipality)!;
      const regional = this.layers.get(layerKey({ layer: 'regional', region, year }));
      const local = this.layers.get(layerKey({ layer: 'local', municipality, year }));
      if ((!regional || !local) && !(lenient && municipality !== this.bodyMunicipality))
        throw missing(this.hasLocalCalendar(municipality) ? municipality : this.placeName(municipality));
      if (regional && !found.includes(regional)) found.push(regional);
      if (local) found.push(local);
    }
    return found;
  }

  /** Called once per displayed row: the caller's own spelling is cached before any sorting. */
  private scopeOf(ids: readonly string[], lenient = false): Scope {
    const asGiven = `${lenient ? '~' : ''}${ids.join('\u0000')}`;
    const known = this.scopesAsGiven.get(asGiven);
    if (known) return known;
    const sorted = [...new Set(ids)].sort();
    const key = `${lenient ? '~' : ''}${sorted.join('|')}`;
    let scope = this.scopes.get(key);
    if (!scope) {
      scope = { municipalities: sorted, lenient, years: new Map() };
      this.scopes.set(key, scope);
    }
    this.scopesAsGiven.set(asGiven, scope);
    return scope;
  }

  private yearIndex(scope: Scope, year: number): YearIndex {
    const cached = scope.years.get(year);
    if (cached) return cached;
    const holidays = this.layersOf(scope.municipalities, year, scope.lenient).map((data) => data.days);
    const first = firstDayOfYear(year);
    const length = daysInYear(year);
    const business = new Uint8Array(length);
    const cumulative = new Uint16Array(length);
    let total = 0;
    for (let i = 0; i < length; i += 1) {
      const day = first + i;
      const open = !isWeekend(day) && !holidays.some((days) => days.has(day));
      business[i] = open ? 1 : 0;
      if (open) total += 1;
      cumulative[i] = total;
    }
    const index = { first, business, cumulative, total };
    scope.years.set(year, index);
    return index;
  }

  private stepBusinessDays(ids: readonly string[], day: DayNumber, n: number): DayNumber {
    const step = Math.sign(n);
    let current = day;
    for (let left = Math.abs(n); left > 0;) {
      current += step;
      if (this.isBusinessIn(ids, current)) left -= 1;
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

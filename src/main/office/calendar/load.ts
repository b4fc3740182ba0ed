import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { z } from 'zod';
import {
  CalendarDataConflict,
  calendarFileSchema,
  defaultBodyMunicipality,
  LegalCalendar,
} from '../../../shared/domain/calendar';
import { normalize } from '../../../shared/domain/calendar/legal-calendar';
import {
  expandLocalList,
  localListFileSchema,
  provincesFileSchema,
  type CalendarFile,
  type Province,
} from '../../../shared/domain/calendar/data';
import { resourcesDir } from '../../package-root';

export const defaultCalendarDir = join(resourcesDir, 'calendars');

/** The INE provinces and their regions, at the root of the calendar folder; every other *.json is a layer. */
export const provincesFileName = 'provinces.json';

/** The calendar folder is data an administrator edits: every problem names the file to fix. */
export class CalendarDataError extends Error {
  constructor(
    readonly file: string,
    readonly detail: string,
  ) {
    super(`Calendar file ${file}: ${detail}`);
    this.name = 'CalendarDataError';
  }
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** What each loaded calendar was built from: the SHA-256 of its files' names and contents. */
const fingerprints = new WeakMap<LegalCalendar, string>();

/**
 * The fingerprint of a calendar built from every file of its folder (null for one built otherwise,
 * or from some of the files): when it differs from the one the due dates were derived with, they
 * must be derived again.
 */
export const calendarFingerprint = (calendar: LegalCalendar): string | null =>
  fingerprints.get(calendar) ?? null;

function parse<T>(schema: z.ZodType<T>, json: unknown, shownAs: string): T {
  // Each schema checks a few small files once per process: compiling zod's fast path for it (its
  // `new Function`) costs more than it saves, half the validation of one due date's files.
  const parsed = schema.safeParse(json, { jitless: true });
  if (!parsed.success) {
    const issues = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`,
    );
    throw new CalendarDataError(shownAs, issues.join('; '));
  }
  return parsed.data;
}

const isLocalList = (json: unknown): boolean =>
  typeof json === 'object' && json !== null && (json as { layer?: unknown }).layer === 'local-list';

/** The layers of one file: itself, or one per municipality of a `local-list` file. */
const readLayers = (json: unknown, shownAs: string): CalendarFile[] =>
  isLocalList(json)
    ? expandLocalList(parse(localListFileSchema, json, shownAs))
    : [parse(calendarFileSchema, json, shownAs)];

interface FolderFile {
  /** The path from the folder, as every message names the file. */
  shownAs: string;
  json: unknown;
}

/** One municipality a local layer (or an entry of a `local-list`) names, as its JSON says before validation. */
interface LocalEntry {
  id: string;
  region: string;
  aliases: string[];
}

const isText = (value: unknown): value is string => typeof value === 'string';
const texts = (value: unknown): string[] | null =>
  Array.isArray(value) && value.every(isText) ? value : null;

/**
 * The municipalities a file's JSON names, read without validating it, only to choose the files a
 * computation needs: null when the file is not a local layer, or is not shaped as one (then it is
 * read whole, and validating it names what is wrong).
 */
function localEntries(json: unknown): LocalEntry[] | null {
  const file = json as { layer?: unknown; region?: unknown };
  if (typeof json !== 'object' || json === null || !isText(file.region)) return null;
  const region = file.region;
  if (file.layer === 'local') {
    const { municipality, ine, names } = json as { municipality?: unknown; ine?: unknown; names?: unknown };
    const shown = texts(names);
    if (!isText(municipality) || !isText(ine) || !shown) return null;
    return [{ id: municipality, region, aliases: [municipality, ine, ...shown] }];
  }
  if (file.layer !== 'local-list') return null;
  const { municipalities } = json as { municipalities?: unknown };
  if (!Array.isArray(municipalities)) return null;
  const entries: LocalEntry[] = [];
  for (const entry of municipalities as { ine?: unknown; names?: unknown }[]) {
    const shown = texts(entry?.names);
    if (!isText(entry?.ine) || !shown) return null;
    entries.push({ id: entry.ine, region, aliases: [entry.ine, ...shown] });
  }
  return entries;
}

/** The places a calendar is built for: the body's municipality and the applicants'. */
export interface CalendarPlaces {
  /** The body's own municipality (Elche unless told). */
  bodyMunicipality?: string;
  /** The applicants' municipalities (identifier, INE code or official name), as the computation is given them. */
  municipalities?: readonly string[];
}

/**
 * A calendar folder read from disk: every *.json under it (resources/calendars by default; the
 * packaged app and the tests pass their own), each refused at once, with its name, when it is not
 * JSON. The calendar is built from every file (`calendar`), as the office needs, or from only the
 * files of some places (`calendarFor`), as one due date from the command line needs; either way a
 * file is validated when it is used, and a problem names the file.
 */
export class CalendarFolder {
  private readonly files: FolderFile[];
  private readonly hash = createHash('sha256');
  private indexed: { local: Map<FolderFile, LocalEntry[]>; ids: Map<string, Set<string>> } | undefined;

  constructor(private readonly dir: string = defaultCalendarDir) {
    if (!existsSync(dir)) throw new CalendarDataError(dir, 'the calendar folder does not exist');
    const paths = jsonFiles(dir);
    if (paths.length === 0) throw new CalendarDataError(dir, 'the calendar folder has no .json files');
    this.files = paths.map((path) => {
      const shownAs = relative(dir, path);
      try {
        const text = readFileSync(path, 'utf8');
        this.hash.update(`${shownAs}\0${text}\0`);
        return { shownAs, json: JSON.parse(text) as unknown };
      } catch (error) {
        throw new CalendarDataError(
          shownAs,
          `not valid JSON (${error instanceof Error ? error.message : error})`,
        );
      }
    });
  }

  /**
   * The legal calendar of every file. A year is added by dropping its files in: no rebuild.
   * Invalid data fails here, naming the file, never later while computing a due date.
   */
  calendar(options: { bodyMunicipality?: string } = {}): LegalCalendar {
    const calendar = this.build(this.files, options);
    fingerprints.set(
      calendar,
      this.hash
        .copy()
        .update(options.bodyMunicipality ?? '')
        .digest('hex'),
    );
    return calendar;
  }

  /**
   * The legal calendar of `places` alone, for every year the folder has: the national files, the
   * local files (or `local-list` files) that name one of the places, the regional files of their
   * regions, and provinces.json (an applicant's INE code finds its region there). A file whose
   * JSON cannot be placed is used too, so that a file broken in its shape is still refused. What
   * the calendar says about these places is what the whole folder's would say; it knows no others.
   */
  calendarFor(places: CalendarPlaces): LegalCalendar {
    const { local, ids } = this.index();
    const wanted = new Set<string>();
    const regions = new Set<string>();
    const names = [places.bodyMunicipality ?? defaultBodyMunicipality, ...(places.municipalities ?? [])];
    for (const name of names) {
      const known = ids.get(normalize(name));
      if (known) for (const id of known) wanted.add(id);
      else if (/^\d{5}$/.test(name.trim())) {
        const region = this.provinceRegion(name.trim().slice(0, 2));
        if (region !== undefined) regions.add(region);
      }
    }
    for (const entries of local.values())
      for (const entry of entries) if (wanted.has(entry.id)) regions.add(entry.region);
    const used = this.files.filter((file) => {
      const entries = local.get(file);
      if (entries) return entries.some((entry) => wanted.has(entry.id));
      const { layer, region } = file.json as { layer?: unknown; region?: unknown };
      return layer !== 'regional' || !isText(region) || regions.has(region);
    });
    return this.build(used, { bodyMunicipality: places.bodyMunicipality });
  }

  /** Whether `name` (identifier, INE code or official name) is a municipality some local file names. */
  knowsMunicipality(name: string): boolean {
    return this.index().ids.has(normalize(name));
  }

  /** Which local files name which municipalities, and each alias's municipalities, from the unvalidated JSON. */
  private index() {
    if (this.indexed) return this.indexed;
    const local = new Map<FolderFile, LocalEntry[]>();
    const ids = new Map<string, Set<string>>();
    for (const file of this.files) {
      const entries = localEntries(file.json);
      if (!entries) continue;
      local.set(file, entries);
      for (const entry of entries)
        for (const alias of entry.aliases) {
          const key = normalize(alias);
          ids.set(key, (ids.get(key) ?? new Set()).add(entry.id));
        }
    }
    this.indexed = { local, ids };
    return this.indexed;
  }

  /** The region of an INE province code, as provinces.json says before validation (it is validated when used). */
  private provinceRegion(code: string): string | undefined {
    const file = this.files.find((candidate) => candidate.shownAs === provincesFileName);
    const { provinces } = (file?.json ?? {}) as { provinces?: unknown };
    if (!Array.isArray(provinces)) return undefined;
    const found = (provinces as { code?: unknown; region?: unknown }[]).find(
      (province) => province?.code === code,
    );
    return isText(found?.region) ? found.region : undefined;
  }

  /** Validates `files` and builds their calendar: the one way a calendar is made from the folder. */
  private build(files: readonly FolderFile[], options: { bodyMunicipality?: string }): LegalCalendar {
    const calendars: CalendarFile[] = [];
    /** The file each layer comes from, to name it when two layers conflict. */
    const names: string[] = [];
    let provinces: readonly Province[] = [];
    for (const { shownAs, json } of files) {
      if (shownAs === provincesFileName) {
        provinces = parse(provincesFileSchema, json, shownAs).provinces;
        continue;
      }
      for (const layer of readLayers(json, shownAs)) {
        calendars.push(layer);
        names.push(shownAs);
      }
    }
    try {
      return new LegalCalendar(calendars, { ...options, provinces });
    } catch (error) {
      if (error instanceof CalendarDataConflict)
        throw new CalendarDataError(names[error.fileIndex]!, error.message);
      throw new CalendarDataError(this.dir, error instanceof Error ? error.message : String(error));
    }
  }
}

/**
 * Reads every *.json under `dir` and builds the legal calendar of them all (see CalendarFolder).
 * `bodyMunicipality` is the body's own municipality (Elche unless told).
 */
export const loadCalendar = (
  dir: string = defaultCalendarDir,
  options: { bodyMunicipality?: string } = {},
): LegalCalendar => new CalendarFolder(dir).calendar(options);

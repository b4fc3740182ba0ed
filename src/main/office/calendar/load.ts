import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { z } from 'zod';
import { CalendarDataConflict, calendarFileSchema, LegalCalendar } from '../../../shared/domain/calendar';
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
 * The fingerprint of a calendar `loadCalendar` built (null for one built otherwise): when it differs
 * from the one the due dates were derived with, they must be derived again.
 */
export const calendarFingerprint = (calendar: LegalCalendar): string | null =>
  fingerprints.get(calendar) ?? null;

function readJson(path: string, shownAs: string, hash: ReturnType<typeof createHash>): unknown {
  try {
    const text = readFileSync(path, 'utf8');
    hash.update(`${shownAs}\0${text}\0`);
    return JSON.parse(text);
  } catch (error) {
    throw new CalendarDataError(
      shownAs,
      `not valid JSON (${error instanceof Error ? error.message : error})`,
    );
  }
}

function parse<T>(schema: z.ZodType<T>, json: unknown, shownAs: string): T {
  const parsed = schema.safeParse(json);
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

/**
 * Reads every *.json under `dir` (resources/calendars by default; the packaged app and the tests
 * pass their own) and builds the legal calendar. A year is added by dropping its files in: no
 * rebuild. Invalid data fails here, naming the file, never later while computing a due date.
 * `bodyMunicipality` is the body's own municipality (Elche unless told).
 */
export function loadCalendar(
  dir: string = defaultCalendarDir,
  options: { bodyMunicipality?: string } = {},
): LegalCalendar {
  if (!existsSync(dir)) throw new CalendarDataError(dir, 'the calendar folder does not exist');
  const files = jsonFiles(dir);
  if (files.length === 0) throw new CalendarDataError(dir, 'the calendar folder has no .json files');
  const hash = createHash('sha256');
  const calendars: CalendarFile[] = [];
  /** The file each layer comes from, to name it when two layers conflict. */
  const names: string[] = [];
  let provinces: readonly Province[] = [];
  for (const path of files) {
    const shownAs = relative(dir, path);
    const json = readJson(path, shownAs, hash);
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
    const calendar = new LegalCalendar(calendars, { ...options, provinces });
    fingerprints.set(calendar, hash.update(options.bodyMunicipality ?? '').digest('hex'));
    return calendar;
  } catch (error) {
    if (error instanceof CalendarDataConflict)
      throw new CalendarDataError(names[error.fileIndex]!, error.message);
    throw new CalendarDataError(dir, error instanceof Error ? error.message : String(error));
  }
}

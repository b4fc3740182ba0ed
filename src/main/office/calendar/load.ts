import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  CalendarDataConflict,
  calendarFileSchema,
  LegalCalendar,
  type CalendarFile,
} from '../../../shared/domain/calendar';
import { resourcesDir } from '../../package-root';

export const defaultCalendarDir = join(resourcesDir, 'calendars');

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

function readCalendarFile(path: string, shownAs: string, hash: ReturnType<typeof createHash>): CalendarFile {
  let json: unknown;
  try {
    const text = readFileSync(path, 'utf8');
    hash.update(`${shownAs}\0${text}\0`);
    json = JSON.parse(text);
  } catch (error) {
    throw new CalendarDataError(
      shownAs,
      `not valid JSON (${error instanceof Error ? error.message : error})`,
    );
  }
  const parsed = calendarFileSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`,
    );
    throw new CalendarDataError(shownAs, issues.join('; '));
  }
  return parsed.data;
}

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
  const names = files.map((path) => relative(dir, path));
  const hash = createHash('sha256');
  const calendars = files.map((path, index) => readCalendarFile(path, names[index]!, hash));
  try {
    const calendar = new LegalCalendar(calendars, options);
    fingerprints.set(calendar, hash.update(options.bodyMunicipality ?? '').digest('hex'));
    return calendar;
  } catch (error) {
    if (error instanceof CalendarDataConflict)
      throw new CalendarDataError(names[error.fileIndex]!, error.message);
    throw new CalendarDataError(dir, error instanceof Error ? error.message : String(error));
  }
}

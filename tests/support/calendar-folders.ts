import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { CalendarDataError, defaultCalendarDir } from '../../src/main/office/calendar/load';
import { thrownBy } from './thrown';

/**
 * Calendar folders a test edits as an administrator would: a copy of the shipped calendars to break
 * in one place, or an empty folder. Each is removed after its test.
 */
export function calendarFolders(): { copy(): string; empty(): string } {
  const made: string[] = [];
  afterEach(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const empty = () => {
    const dir = mkdtempSync(join(tmpdir(), 'despacho-calendars-'));
    made.push(dir);
    return dir;
  };
  return {
    empty,
    copy() {
      const dir = empty();
      cpSync(defaultCalendarDir, dir, { recursive: true });
      return dir;
    },
  };
}

/** The CalendarDataError that `run` throws (any other failure, or none, fails the test). */
export const calendarDataError = (run: () => unknown): CalendarDataError => thrownBy(CalendarDataError, run);

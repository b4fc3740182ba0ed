import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DueDateInput } from '../../../src/shared/domain/calendar';
import { CalendarFolder, calendarFingerprint, loadCalendar } from '../../../src/main/office/calendar/load';
import { calendarDataError, calendarFolders } from '../../support/calendar-folders';

/**
 * `despacho deadline` builds the calendar of the body's and the applicant's municipalities only
 * (CalendarFolder.calendarFor), the office the calendar of every file (calendar, loadCalendar).
 */
const folder = new CalendarFolder();
const whole = folder.calendar();

const explainBoth = (body: string | undefined, applicant: string, input: DueDateInput) => {
  const scoped = folder.calendarFor({
    ...(body === undefined ? {} : { bodyMunicipality: body }),
    municipalities: [applicant],
  });
  const full = body === undefined ? whole : loadCalendar(undefined, { bodyMunicipality: body });
  const explain = (calendar: typeof whole) => {
    try {
      return calendar.explainDueDate({ ...input, municipalities: [applicant] });
    } catch (error) {
      return error;
    }
  };
  return { scoped: explain(scoped), full: explain(full) };
};

describe('the calendar of some places', () => {
  // Known by identifier, official name in either language, INE code with and without a local file
  // (Paiporta: no days in the DOGV list), only by name (Getafe), and outside the Comunitat.
  const applicants = ['alicante', 'Alacant', 'València', '46250', '28079', '46186', 'Getafe', 'ceuta'];
  /** Each given here without the applicant, who is put in for each case. */
  const inputs: DueDateInput[] = [
    {
      registeredAt: new Date('2026-01-09T10:00:00Z'),
      term: { unit: 'business_days', amount: 10 },
      municipalities: [],
    },
    { notifiedOn: '2026-03-31', term: { unit: 'business_days', amount: 30 }, municipalities: [] },
    { notifiedOn: '2025-12-15', term: { unit: 'months', amount: 2 }, municipalities: [] },
    {
      registeredAt: new Date('2026-11-30T12:00:00Z'),
      term: { unit: 'months', amount: 3 },
      municipalities: [],
    },
    { notifiedOn: '2027-12-01', term: { unit: 'months', amount: 1 }, municipalities: [] },
  ];

  it.each(applicants.flatMap((applicant) => [undefined, 'alicante'].map((body) => [applicant, body])))(
    'says for the applicant %s (body %s) what the whole folder says, in every year it covers',
    (applicant, body) => {
      for (const input of inputs) {
        const { scoped, full } = explainBoth(body, applicant!, input);
        expect(scoped).toEqual(full);
      }
    },
  );

  it('art. 30.6: an applicant from València, found in the DOGV list: 22 January 2026 is skipped, 10 days from 9 January end on 26 January', () => {
    const calendar = folder.calendarFor({ municipalities: ['València'] });
    const explained = calendar.explainDueDate({
      registeredAt: new Date('2026-01-09T10:00:00Z'),
      term: { unit: 'business_days', amount: 10 },
      municipalities: ['València'],
    });
    expect(explained.dueDate).toBe('2026-01-26');
    expect(explained.missingLocalCalendars).toEqual([]);
  });

  it('knows a municipality exactly when the whole calendar does', () => {
    for (const name of [...applicants, 'ELX', ' elche ', 'madrid', '03065', '99999'])
      expect(folder.knowsMunicipality(name), name).toBe(whole.knowsMunicipality(name));
  });

  it('has no fingerprint: only the calendar of every file has, the same as loadCalendar’s', () => {
    expect(calendarFingerprint(folder.calendarFor({}))).toBeNull();
    expect(calendarFingerprint(whole)).toMatch(/^[0-9a-f]{64}$/);
    expect(calendarFingerprint(whole)).toBe(calendarFingerprint(loadCalendar()));
  });
});

describe('the calendar of some places, on a folder an administrator edited', () => {
  const folders = calendarFolders();

  const edit = (dir: string, name: string, change: (json: Record<string, unknown>) => unknown) => {
    const path = join(dir, name);
    writeFileSync(path, JSON.stringify(change(JSON.parse(readFileSync(path, 'utf8')))));
  };

  it('validates a file when one of its places is asked for: a bad date in the DOGV list stops València, not Elche', () => {
    const dir = folders.copy();
    edit(dir, join('2026', 'local-valenciana.json'), (json) => ({
      ...json,
      municipalities: (json.municipalities as { ine: string }[]).map((entry) =>
        entry.ine === '46250' ? { ...entry, days: ['2026-02-30'] } : entry,
      ),
    }));
    const edited = new CalendarFolder(dir);
    expect(edited.calendarFor({}).isBusinessDay('2026-04-13', [])).toBe(false);
    const error = calendarDataError(() => edited.calendarFor({ municipalities: ['València'] }));
    expect(error.file).toBe(join('2026', 'local-valenciana.json'));
    expect(error.detail).toContain('not a date written YYYY-MM-DD');
    expect(calendarDataError(() => edited.calendar()).file).toBe(join('2026', 'local-valenciana.json'));
  });

  it('refuses a file whose JSON does not say which place it is for, whatever the places asked', () => {
    const dir = folders.copy();
    edit(dir, join('2026', 'local-melilla.json'), ({ names: _names, ...json }) => json);
    const error = calendarDataError(() => new CalendarFolder(dir).calendarFor({}));
    expect(error.file).toBe(join('2026', 'local-melilla.json'));
    expect(error.detail).toContain('names');
    edit(dir, join('2026', 'local-melilla.json'), (json) => ({ ...json, names: ['Melilla'] }));
    edit(dir, join('2026', 'regional-galicia.json'), ({ region: _region, ...json }) => json);
    expect(calendarDataError(() => new CalendarFolder(dir).calendarFor({})).file).toBe(
      join('2026', 'regional-galicia.json'),
    );
  });

  it('refuses a file that is not JSON, whatever the places asked', () => {
    const dir = folders.copy();
    writeFileSync(join(dir, '2026', 'regional-galicia.json'), '{ "layer": ');
    const error = calendarDataError(() => new CalendarFolder(dir));
    expect(error.file).toBe(join('2026', 'regional-galicia.json'));
    expect(error.message).toContain('not valid JSON');
  });

  it('refuses a name two files give to two municipalities when that name is asked', () => {
    const dir = folders.copy();
    edit(dir, join('2026', 'local-ceuta.json'), (json) => ({
      ...json,
      names: [...(json.names as string[]), 'Alacant'],
    }));
    const error = calendarDataError(() =>
      new CalendarFolder(dir).calendarFor({ municipalities: ['Alacant'] }),
    );
    expect(error.detail).toContain('Alacant names two municipalities');
  });
});

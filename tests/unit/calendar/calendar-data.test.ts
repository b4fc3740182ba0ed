import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/shared/api/errors';
import { calendarFileSchema, type CalendarFile } from '../../../src/shared/domain/calendar';
import { defaultCalendarDir, loadCalendar } from '../../../src/main/office/calendar/load';
import { calendarDataError, calendarFolders } from '../../support/calendar-folders';

const years = [2025, 2026, 2027];
/** The layers shipped for every year: the country, the region, and the two municipalities the demo city serves. */
const layerFiles = ['national.json', 'regional-valenciana.json', 'local-elche.json', 'local-alicante.json'];

function readLayer(year: number, name: string): CalendarFile {
  return calendarFileSchema.parse(
    JSON.parse(readFileSync(join(defaultCalendarDir, String(year), name), 'utf8')),
  );
}

const dateOf = (file: CalendarFile, name: string): string | undefined =>
  file.holidays.find((holiday) => holiday.name === name)?.date;

/** Easter Sunday (anonymous Gregorian algorithm), to check the movable feasts in the files. */
function easter(year: number): Date {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return new Date(Date.UTC(year, month - 1, day));
}

const easterPlus = (year: number, days: number): string =>
  new Date(easter(year).getTime() + days * 86_400_000).toISOString().slice(0, 10);

describe('the shipped calendars', () => {
  it('load, cover 2025–2027 and know Elche, Alicante, the 2026 DOGV list, Ceuta and Melilla', () => {
    const calendar = loadCalendar();
    expect(calendar.years).toEqual(years);
    expect(calendar.municipalities).toEqual(
      expect.arrayContaining(['alicante', 'elche', '46250', 'ceuta', 'melilla']),
    );
    // 542 municipalities in the Comunitat Valenciana, three without days in the DOGV list.
    expect(calendar.municipalities).toHaveLength(539 + 2);
  });

  it.each(years)('%i: the Easter feasts sit on the right days (Easter Sunday by computus)', (year) => {
    expect(dateOf(readLayer(year, 'national.json'), 'Viernes Santo')).toBe(easterPlus(year, -2));
    const regional = readLayer(year, 'regional-valenciana.json');
    expect(dateOf(regional, 'Viernes Santo')).toBe(easterPlus(year, -2));
    expect(dateOf(regional, 'Lunes de Pascua')).toBe(easterPlus(year, 1));
    expect(regional.holidays.map((holiday) => holiday.date)).not.toContain(easterPlus(year, -3));
    expect(dateOf(readLayer(year, 'local-elche.json'), 'San Vicente Ferrer')).toBe(easterPlus(year, 8));
  });

  it.each(years)('%i: every file names its bulletin, and assumptions say so', (year) => {
    for (const name of layerFiles) {
      const file = readLayer(year, name);
      expect(file.source).toMatch(/Resolución|Decreto|Real Decreto/);
      expect(file.holidays.length).toBeGreaterThan(0);
    }
  });

  it('marks the assumed 2027 files provisional, with their basis, and no bulletin-based file', () => {
    for (const year of years)
      for (const name of layerFiles) {
        const file = readLayer(year, name);
        const assumed = year === 2027 && name !== 'regional-valenciana.json';
        expect(file.provisional === true, `${year}/${name}`).toBe(assumed);
        if (assumed) expect(file.basis).toMatch(/^Assumed until the (BOE|DOGV) resolution for 2027/);
      }
  });

  it('has the fixed regional days: 19 March and 9 October every year', () => {
    for (const year of years) {
      const dates = readLayer(year, 'regional-valenciana.json').holidays.map((holiday) => holiday.date);
      expect(dates).toEqual(expect.arrayContaining([`${year}-03-19`, `${year}-10-09`]));
    }
  });
});

describe('loadCalendar on a folder an administrator edited', () => {
  const folders = calendarFolders();
  const loadError = (folder: string) => calendarDataError(() => loadCalendar(folder));

  it('names a file that is not JSON', () => {
    const dir = folders.copy();
    writeFileSync(join(dir, '2026', 'local-elche.json'), '{ "layer": "local", ');
    const error = loadError(dir);
    expect(error.file).toBe(join('2026', 'local-elche.json'));
    expect(error.message).toContain('not valid JSON');
  });

  it('names the file and the field that fail the schema', () => {
    const dir = folders.copy();
    const path = join(dir, '2025', 'national.json');
    const { source: _source, ...withoutSource } = JSON.parse(readFileSync(path, 'utf8'));
    writeFileSync(path, JSON.stringify(withoutSource));
    const error = loadError(dir);
    expect(error.file).toBe(join('2025', 'national.json'));
    expect(error.detail).toContain('source');
  });

  it('names the file with an impossible date or a date outside its year', () => {
    const dir = folders.copy();
    const path = join(dir, '2026', 'local-alicante.json');
    const file = JSON.parse(readFileSync(path, 'utf8'));
    writeFileSync(path, JSON.stringify({ ...file, holidays: [{ date: '2026-02-30', name: 'x' }] }));
    expect(loadError(dir).file).toBe(join('2026', 'local-alicante.json'));
    writeFileSync(path, JSON.stringify({ ...file, holidays: [{ date: '2025-06-23', name: 'x' }] }));
    const error = loadError(dir);
    expect(error.file).toBe(join('2026', 'local-alicante.json'));
    expect(error.detail).toContain('2025-06-23 is not in 2026');
  });

  it('names the second file of a layer and year given twice', () => {
    const dir = folders.copy();
    mkdirSync(join(dir, 'extra'));
    cpSync(join(dir, '2026', 'national.json'), join(dir, 'extra', 'national-again.json'));
    const error = loadError(dir);
    expect(error.file).toBe(join('extra', 'national-again.json'));
    expect(error.detail).toContain('national:2026');
  });

  it('refuses an empty or missing folder', () => {
    const dir = folders.empty();
    expect(loadError(dir).detail).toContain('no .json files');
    expect(loadError(join(dir, 'nowhere')).detail).toContain('does not exist');
  });

  it('takes a new year dropped in without a rebuild', () => {
    const dir = folders.copy();
    const next = join(dir, '2028');
    mkdirSync(next);
    for (const name of ['national.json', 'regional-valenciana.json', 'local-elche.json']) {
      const file = JSON.parse(readFileSync(join(dir, '2027', name), 'utf8'));
      const holidays = [{ date: '2028-01-03', name: 'Día de prueba' }];
      writeFileSync(join(next, name), JSON.stringify({ ...file, year: 2028, holidays }));
    }
    const calendar = loadCalendar(dir);
    expect(calendar.years).toEqual([2025, 2026, 2027, 2028]);
    expect(calendar.isBusinessDay('2028-01-03', [])).toBe(false);
    expect(calendar.isBusinessDay('2028-01-04', [])).toBe(true);
  });

  it('refuses a provisional file without its basis, and a basis on a file that is not provisional', () => {
    const dir = folders.copy();
    const path = join(dir, '2027', 'national.json');
    const { basis: _basis, ...withoutBasis } = JSON.parse(readFileSync(path, 'utf8'));
    writeFileSync(path, JSON.stringify(withoutBasis));
    expect(loadError(dir)).toMatchObject({ file: join('2027', 'national.json') });
    expect(loadError(dir).detail).toContain('basis');
    writeFileSync(
      path,
      JSON.stringify({ ...withoutBasis, provisional: undefined, basis: 'Assumed for a test only.' }),
    );
    expect(loadError(dir).detail).toContain('provisional');
  });

  it('takes a new municipality as one file per place and year, in its own region, each with its source', () => {
    const dir = folders.copy();
    const place = (year: number, region: string) => ({
      layer: 'local',
      year,
      municipality: 'testville',
      ine: '99001',
      names: ['Testville', 'Vila de Prova'],
      region,
      source: 'Test fixture standing for the bulletin of this place',
      holidays: [{ date: `${year}-01-22`, name: 'Fiesta de prueba' }],
    });
    writeFileSync(join(dir, '2026', 'local-testville.json'), JSON.stringify(place(2026, 'testland')));
    writeFileSync(
      join(dir, '2026', 'regional-testland.json'),
      JSON.stringify({
        layer: 'regional',
        year: 2026,
        region: 'testland',
        source: 'Test fixture standing for the AGE calendar of non-business days',
        holidays: [{ date: '2026-04-02', name: 'Jueves Santo' }],
      }),
    );
    const calendar = loadCalendar(dir);
    expect(calendar.knowsMunicipality('vila de prova')).toBe(true);
    expect(calendar.isBusinessDay('2026-01-22', ['99001'])).toBe(false);
    expect(calendar.isBusinessDay('2026-04-02', ['Testville'])).toBe(false);
    expect(calendar.isBusinessDay('2026-04-02', [])).toBe(true);
    const explained = calendar.explainDueDate({
      notifiedOn: '2026-01-21',
      term: { unit: 'natural_days', amount: 1 },
      municipalities: ['Testville'],
    });
    expect(explained).toMatchObject({ dueDate: '2026-01-23', missingLocalCalendars: [] });
    expect(explained.skipped[0]).toMatchObject({
      onlyIn: { side: 'applicant', place: 'Testville' },
      holidays: [
        { name: 'Fiesta de prueba', source: 'Test fixture standing for the bulletin of this place' },
      ],
    });
    expect(() => calendar.isBusinessDay('2027-01-22', ['Testville'])).toThrow(ApiError);
  });

  it('a municipality without the year fails for that municipality only', () => {
    const dir = folders.copy();
    rmSync(join(dir, '2027', 'local-alicante.json'));
    const calendar = loadCalendar(dir);
    expect(calendar.isBusinessDay('2027-04-08', ['elche'])).toBe(true);
    let error: unknown;
    try {
      calendar.isBusinessDay('2027-04-08', ['alicante']);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).toData()).toEqual({
      code: 'calendar_missing_year',
      params: { year: '2027', municipality: 'alicante' },
    });
  });
});

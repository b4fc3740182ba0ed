import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localListFileSchema, provincesFileSchema } from '../../../src/shared/domain/calendar/data';
import { calendarFileSchema } from '../../../src/shared/domain/calendar';
import { defaultCalendarDir, loadCalendar } from '../../../src/main/office/calendar/load';
import { calendarDataError, calendarFolders } from '../../support/calendar-folders';

/**
 * The regional layers of every autonomous community (BOE-A-2025-23702), the INE provinces that
 * lead an applicant's municipality code to its community, and the DOGV list of local holidays of
 * the Comunitat Valenciana for 2026. Every date below was worked out by hand on a printed 2026
 * calendar; the body is Elche (local 13 April and 29 December; Comunitat Valenciana: 19 March,
 * 6 April, 24 June, 9 October).
 */
const calendar = loadCalendar();
const readJson = (...path: string[]): unknown =>
  JSON.parse(readFileSync(join(defaultCalendarDir, ...path), 'utf8'));
const provinces = provincesFileSchema.parse(readJson('provinces.json')).provinces;

describe('art. 30.6: the applicant’s community counts', () => {
  it('art. 30.6: an applicant from Madrid (INE 28079): 2 April 2026 (Jueves Santo) is not a business day there, so 3 days from 31 March end on 8 April, not 7', () => {
    const input = { notifiedOn: '2026-03-31', term: { unit: 'business_days', amount: 3 } } as const;
    expect(calendar.explainDueDate({ ...input, municipalities: [] }).dueDate).toBe('2026-04-07');
    const explained = calendar.explainDueDate({ ...input, municipalities: ['28079'] });
    expect(explained.dueDate).toBe('2026-04-08');
    expect(explained.skipped.find((day) => day.date === '2026-04-02')).toMatchObject({
      holidays: [expect.objectContaining({ name: 'Jueves Santo', layer: 'regional', place: 'madrid' })],
      onlyIn: { side: 'applicant', place: '28079' },
    });
    expect(explained.rules).toContain('holiday_in_one_place');
    expect(explained.missingLocalCalendars).toEqual(['28079']);
    expect(explained.missingRegionalCalendars).toEqual([]);
  });

  it('art. 30.6: an applicant from València: 22 January 2026 (San Vicente Mártir) is a local holiday there, so 10 days from 9 January end on 26 January, not 23', () => {
    const input = {
      registeredAt: new Date('2026-01-09T10:00:00Z'),
      term: { unit: 'business_days', amount: 10 },
    } as const;
    expect(calendar.explainDueDate({ ...input, municipalities: [] }).dueDate).toBe('2026-01-23');
    for (const name of ['València', 'Valencia', '46250']) {
      const explained = calendar.explainDueDate({ ...input, municipalities: [name] });
      expect(explained.dueDate).toBe('2026-01-26');
      expect(explained.applicantMunicipality).toBe('València');
      expect(explained.missingLocalCalendars).toEqual([]);
      expect(explained.skipped.find((day) => day.date === '2026-01-22')).toMatchObject({
        holidays: [
          expect.objectContaining({ name: 'San Vicente Mártir', layer: 'local', place: 'València' }),
        ],
        onlyIn: { side: 'applicant', place: 'València' },
      });
    }
  });

  it('art. 30.6: a municipality with no local file (Barcelona, INE 08019) gets Cataluña’s layer and the “no local calendar” notice: 11 September 2026 (Diada) is skipped, 2 days from 9 September end on 14 September, not 11', () => {
    const input = { notifiedOn: '2026-09-09', term: { unit: 'business_days', amount: 2 } } as const;
    expect(calendar.explainDueDate({ ...input, municipalities: [] }).dueDate).toBe('2026-09-11');
    const explained = calendar.explainDueDate({ ...input, municipalities: ['08019'] });
    expect(explained).toMatchObject({
      dueDate: '2026-09-14',
      applicantMunicipality: '08019',
      missingLocalCalendars: ['08019'],
      missingRegionalCalendars: [],
    });
    expect(explained.skipped[0]).toMatchObject({
      date: '2026-09-11',
      holidays: [expect.objectContaining({ name: 'Diada Nacional de Catalunya', place: 'cataluna' })],
    });
  });

  it.each(provinces.map((province) => [province.code, province.name, province.region]))(
    'art. 30.2: 2 April 2026 (Jueves Santo) in province %s (%s, %s) is a holiday everywhere except Cataluña and the Comunitat Valenciana',
    (code, _name, region) => {
      // One business day from 1 April: 2 April where it is one; else 7 April (3 April Viernes Santo, 6 April Lunes de Pascua in Elche).
      const explained = calendar.explainDueDate({
        notifiedOn: '2026-04-01',
        term: { unit: 'business_days', amount: 1 },
        municipalities: [`${code}999`],
      });
      const open = region === 'cataluna' || region === 'valenciana';
      expect(explained.dueDate).toBe(open ? '2026-04-02' : '2026-04-07');
    },
  );

  it('art. 30.6: a term running into 2027 names the layers the applicant has no file for, and counts the rest', () => {
    // 28 December 2026 + 5: 29 Dec (Elche), 1 Jan and 6 Jan 2027 (national) are skipped: 30, 31 Dec, 4, 5, 7 Jan.
    const input = { notifiedOn: '2026-12-28', term: { unit: 'business_days', amount: 5 } } as const;
    const valencia = calendar.explainDueDate({ ...input, municipalities: ['València'] });
    expect(valencia).toMatchObject({
      dueDate: '2027-01-07',
      missingLocalCalendars: ['València'],
      missingRegionalCalendars: [],
    });
    const madrid = calendar.explainDueDate({ ...input, municipalities: ['28079'] });
    expect(madrid).toMatchObject({
      dueDate: '2027-01-07',
      missingLocalCalendars: ['28079'],
      missingRegionalCalendars: ['madrid'],
    });
  });

  it('a name without a file and an INE code of no province are named and counted with the body’s calendar alone', () => {
    for (const place of ['Getafe', '99001']) {
      const explained = calendar.explainDueDate({
        notifiedOn: '2026-03-31',
        term: { unit: 'business_days', amount: 3 },
        municipalities: [place],
      });
      expect(explained).toMatchObject({ dueDate: '2026-04-07', missingLocalCalendars: [place] });
      expect(explained.applicantMunicipality).toBeUndefined();
    }
  });
});

describe('the shipped 2026 data', () => {
  const regionalFiles = readdirSync(join(defaultCalendarDir, '2026')).filter((name) =>
    name.startsWith('regional-'),
  );

  it('every province of Spain (INE 01–52) belongs to a community with a 2026 regional file', () => {
    expect(provinces.map((province) => province.code)).toEqual(
      Array.from({ length: 52 }, (_, index) => String(index + 1).padStart(2, '0')),
    );
    const regions = regionalFiles.map((name) => name.slice('regional-'.length, -'.json'.length));
    for (const province of provinces) expect(regions).toContain(province.region);
    expect(new Set(provinces.map((province) => province.region)).size).toBe(19);
  });

  it.each(regionalFiles)('%s names BOE-A-2025-23702 and the pages it was transcribed from', (name) => {
    const file = calendarFileSchema.parse(readJson('2026', name));
    expect(file.layer).toBe('regional');
    if (name === 'regional-valenciana.json') return expect(file.source).toContain('Consell');
    expect(file.source).toContain('BOE-A-2025-23702');
    expect(file.transcribedFrom?.length).toBeGreaterThanOrEqual(2);
  });

  it('the DOGV list: one entry per INE code of the three Valencian provinces, two days each, its bulletin named', () => {
    const list = localListFileSchema.parse(readJson('2026', 'local-valenciana.json'));
    expect(list.source).toContain('DOGV n.º 10238');
    expect(list.municipalities).toHaveLength(537);
    const codes = list.municipalities.map((entry) => entry.ine);
    expect(new Set(codes).size).toBe(codes.length);
    for (const entry of list.municipalities) {
      expect(['03', '12', '46']).toContain(entry.ine.slice(0, 2));
      expect(entry.days).toHaveLength(2);
    }
    // Alicante and Elche keep their own files; three municipalities had set no days.
    for (const code of ['03014', '03065', '46186', '12097', '12132']) expect(codes).not.toContain(code);
  });
});

describe('loading a local list and the provinces', () => {
  const folders = calendarFolders();
  const refusal = (dir: string) => calendarDataError(() => loadCalendar(dir));

  it('a list entry that takes another municipality’s name is refused, naming the list', () => {
    const dir = folders.copy();
    const path = join(dir, '2026', 'local-valenciana.json');
    const list = JSON.parse(readFileSync(path, 'utf8'));
    list.municipalities[0].names.push('Elche');
    writeFileSync(path, JSON.stringify(list));
    expect(refusal(dir)).toMatchObject({ file: join('2026', 'local-valenciana.json') });
  });

  it('a province listed twice is refused, naming provinces.json', () => {
    const dir = folders.copy();
    const path = join(dir, 'provinces.json');
    const file = JSON.parse(readFileSync(path, 'utf8'));
    file.provinces.push(file.provinces[0]);
    writeFileSync(path, JSON.stringify(file));
    expect(refusal(dir)).toMatchObject({
      file: 'provinces.json',
      detail: expect.stringContaining('listed twice'),
    });
  });

  it('without provinces.json an INE code without a local file is only named, never placed', () => {
    const dir = folders.copy();
    rmSync(join(dir, 'provinces.json'));
    const explained = loadCalendar(dir).explainDueDate({
      notifiedOn: '2026-03-31',
      term: { unit: 'business_days', amount: 3 },
      municipalities: ['28079'],
    });
    expect(explained).toMatchObject({ dueDate: '2026-04-07', missingLocalCalendars: ['28079'] });
  });
});

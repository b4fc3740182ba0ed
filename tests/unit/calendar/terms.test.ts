import { describe, expect, it } from 'vitest';
import type { DueDateInput, TermUnit } from '../../../src/shared/domain/calendar';
import { loadCalendar } from '../../../src/main/office/calendar/load';
import { apiError } from './support';

/**
 * The rules a hand check against Ley 39/2015 found subtle (issue 9), each worked on a printed 2026
 * calendar against resources/calendars: Elche (the registry's seat) has 13 April and 29 December,
 * Alicante has 16 April (Santa Faz) and 23 June; 19 March, 6 April, 24 June and 9 October are
 * regional; 1 May, 15 August and 12 October national.
 */
const calendar = loadCalendar();
const at = (instant: string): Date => new Date(instant);

describe('art. 31.3: the registry seat’s calendar alone judges the filing day', () => {
  it('art. 31.3: an Alicante resident’s filing on Santa Faz (16 April 2026), a working day in Elche, is not moved', () => {
    expect(calendar.deemedFiling(at('2026-04-16T09:00:00Z'))).toEqual({
      filedOn: '2026-04-16',
      deemedOn: '2026-04-16',
      skipped: [],
    });
  });

  it('art. 31.3: the term to resolve of that filing starts on 16 April: 10 business days end Thursday 30 April', () => {
    const explained = calendar.explainDueDate({
      registeredAt: at('2026-04-16T09:00:00Z'),
      term: { unit: 'business_days', amount: 10 },
      municipalities: ['Alicante'],
    });
    expect(explained.startsOn).toBe('2026-04-16');
    expect(explained.dueDate).toBe('2026-04-30');
    expect(explained.skipped.map((day) => day.date)).toEqual([
      '2026-04-18',
      '2026-04-19',
      '2026-04-25',
      '2026-04-26',
    ]);
    expect(explained.rules).toEqual([]);
  });

  it('art. 31.3: Elche’s San Vicente Ferrer (Monday 13 April 2026) moves an Alicante resident’s filing to Tuesday 14', () => {
    const filing = calendar.deemedFiling(at('2026-04-13T08:00:00Z'));
    expect(filing.deemedOn).toBe('2026-04-14');
    expect(filing.skipped).toMatchObject([
      { date: '2026-04-13', holidays: [{ name: 'San Vicente Ferrer', layer: 'local', place: 'Elche' }] },
    ]);
  });
});

describe('art. 31.2.b and c: the shift to the next business day is the applicant’s, not the administration’s', () => {
  it('art. 31.2.b: a reply filed on Saturday 7 March 2026 counts as filed on Monday 9 March', () => {
    const filing = calendar.deemedFiling(at('2026-03-07T17:00:00Z'), {
      unit: 'business_days',
      dueDate: '2026-03-09',
    });
    expect(filing).toMatchObject({ filedOn: '2026-03-07', deemedOn: '2026-03-09', inTime: true });
    expect(filing.skipped.map((day) => [day.date, day.weekend])).toEqual([
      ['2026-03-07', true],
      ['2026-03-08', true],
    ]);
  });

  it('art. 31.2.b: a reply due Friday 6 March 2026 and filed on Saturday 7 is late', () => {
    expect(
      calendar.deemedFiling(at('2026-03-07T17:00:00Z'), { unit: 'business_days', dueDate: '2026-03-06' })
        .inTime,
    ).toBe(false);
  });

  it('art. 31.2.b: against a term in natural days a filing on Saturday 7 March 2026 counts on the Saturday', () => {
    expect(
      calendar.deemedFiling(at('2026-03-07T17:00:00Z'), { unit: 'natural_days', dueDate: '2026-03-09' }),
    ).toEqual({ filedOn: '2026-03-07', deemedOn: '2026-03-07', skipped: [], inTime: true });
  });

  it('art. 31.2.b: 23:30 UTC on Friday 6 March 2026 is 00:30 on Saturday in Madrid: deemed Monday 9', () => {
    expect(calendar.deemedFiling(at('2026-03-06T23:30:00Z')).deemedOn).toBe('2026-03-09');
  });

  it.each<[string, TermUnit, number, string, string]>([
    [
      '2026-03-07T10:00:00Z',
      'business_days',
      10,
      '2026-03-23',
      'Saturday 7: 9–13, 16–18, 20, 23 (19 San José)',
    ],
    ['2026-03-08T10:00:00Z', 'business_days', 10, '2026-03-23', 'Sunday 8 starts on the same Monday 9'],
    ['2026-04-03T10:00:00Z', 'months', 1, '2026-05-04', 'Viernes Santo 3 April; 3 May is a Sunday: Monday 4'],
    [
      '2026-01-06T10:00:00Z',
      'months',
      3,
      '2026-04-07',
      'Reyes 6 January; 6 April is Lunes de Pascua: Tuesday 7',
    ],
  ])(
    'art. 31.2.c: the term to resolve runs from the entry’s own day %s (%s %i) → %s: %s',
    (registeredAt, unit, amount, expected) => {
      const explained = calendar.explainDueDate({
        registeredAt: at(registeredAt),
        term: { unit, amount },
        municipalities: [],
      });
      expect(explained.startsOn).toBe(registeredAt.slice(0, 10));
      expect(explained.dueDate).toBe(expected);
    },
  );
});

describe('terms from a notification: from the day after, with no filing shift', () => {
  it('art. 68: 10 business days from a notification accessed on Saturday 7 March 2026 end Monday 23 March', () => {
    const explained = calendar.explainDueDate({
      notifiedOn: '2026-03-07',
      term: { unit: 'business_days', amount: 10 },
      municipalities: [],
    });
    expect(explained).toMatchObject({ start: 'notification', startsOn: '2026-03-07', dueDate: '2026-03-23' });
    expect(explained.registeredAt).toBeUndefined();
  });

  it('art. 68: 10 business days from Wednesday 1 April 2026 skip Easter and San Vicente Ferrer: Monday 20 April', () => {
    const explained = calendar.explainDueDate({
      notifiedOn: '2026-04-01',
      term: { unit: 'business_days', amount: 10 },
      municipalities: [],
    });
    expect(explained.dueDate).toBe('2026-04-20');
    expect(
      explained.skipped.filter((day) => !day.weekend).map((day) => [day.date, day.holidays[0]!.name]),
    ).toEqual([
      ['2026-04-03', 'Viernes Santo'],
      ['2026-04-06', 'Lunes de Pascua'],
      ['2026-04-13', 'San Vicente Ferrer'],
    ]);
  });

  it('art. 43.2 and 30.5: 10 natural days from Tuesday 29 September 2026 end on 9 October, moved past 12 October to Tuesday 13', () => {
    const explained = calendar.explainDueDate({
      notifiedOn: '2026-09-29',
      term: { unit: 'natural_days', amount: 10 },
      municipalities: [],
    });
    expect(explained).toMatchObject({
      nominalEnd: '2026-10-09',
      dueDate: '2026-10-13',
      rules: ['last_day_not_business_day'],
    });
    expect(explained.skipped.map((day) => [day.date, day.during])).toEqual([
      ['2026-10-09', 'final_move'],
      ['2026-10-10', 'final_move'],
      ['2026-10-11', 'final_move'],
      ['2026-10-12', 'final_move'],
    ]);
    expect(explained.skipped[0]!.holidays).toMatchObject([
      { name: 'Día de la Comunitat Valenciana', layer: 'regional', place: 'valenciana' },
    ]);
  });

  it('art. 30.4: a month from a notification on 31 March 2026 ends on 30 April', () => {
    const explained = calendar.explainDueDate({
      notifiedOn: '2026-03-31',
      term: { unit: 'months', amount: 1 },
      municipalities: [],
    });
    expect(explained).toMatchObject({ dueDate: '2026-04-30', rules: ['month_has_no_such_day'] });
  });

  it('art. 30.4: a notification date that is not a date is refused', () => {
    const run = () =>
      calendar.explainDueDate({
        notifiedOn: '2026-02-30',
        term: { unit: 'business_days', amount: 10 },
        municipalities: [],
      });
    expect(apiError(run).params).toEqual({ field: 'notifiedOn' });
  });
});

describe('art. 22.1.a: the suspended time extends the term’s own last day, then art. 30.5 moves it', () => {
  const threeMonths = (registeredAt: string, suspensions: DueDateInput['suspensions']) =>
    calendar.explainDueDate({
      registeredAt: at(registeredAt),
      term: { unit: 'months', amount: 3 },
      municipalities: [],
      suspensions,
    });

  it('art. 22.1.a: 3 months from 15 May 2026 end on Saturday 15 August, a holiday; 10 days suspended give Tuesday 25 August, not 27', () => {
    expect(threeMonths('2026-05-15T10:00:00Z', []).dueDate).toBe('2026-08-17');
    const explained = threeMonths('2026-05-15T10:00:00Z', [{ from: '2026-06-01', to: '2026-06-11' }]);
    expect(explained).toMatchObject({
      nominalEnd: '2026-08-15',
      suspendedDays: 10,
      extendedEnd: '2026-08-25',
      dueDate: '2026-08-25',
      rules: ['suspended'],
      suspensions: [{ from: '2026-06-01', to: '2026-06-11', days: 10 }],
    });
  });

  it('art. 22.1.a and 30.5: 3 months from 10 March 2026 end 10 June; 14 days suspended land on San Juan (24 June): Thursday 25', () => {
    const explained = threeMonths('2026-03-10T10:00:00Z', [{ from: '2026-04-01', to: '2026-04-15' }]);
    expect(explained).toMatchObject({
      nominalEnd: '2026-06-10',
      extendedEnd: '2026-06-24',
      dueDate: '2026-06-25',
      rules: ['suspended', 'last_day_not_business_day'],
    });
  });

  it('art. 22.1.a: two suspensions add up (10 + 3 days) from the nominal Saturday 2 May 2026: Friday 15 May', () => {
    const explained = threeMonths('2026-02-02T10:00:00Z', [
      { from: '2026-03-02', to: '2026-03-05' },
      { from: '2026-02-10', to: '2026-02-20' },
    ]);
    expect(explained).toMatchObject({ nominalEnd: '2026-05-02', suspendedDays: 13, dueDate: '2026-05-15' });
    expect(explained.suspensions.map((s) => s.from)).toEqual(['2026-02-10', '2026-03-02']);
  });

  it('art. 22.1.a: a reply on the day of the request suspends nothing', () => {
    const explained = threeMonths('2026-05-15T10:00:00Z', [{ from: '2026-06-01', to: '2026-06-01' }]);
    expect(explained).toMatchObject({ suspendedDays: 0, dueDate: '2026-08-17' });
    expect(explained.rules).toEqual(['last_day_not_business_day']);
  });

  it('art. 22.1.a: a suspension may start on the last day of the running term (Friday 5 June 2026 + 3 days: Monday 8)', () => {
    const explained = threeMonths('2026-03-05T10:00:00Z', [{ from: '2026-06-05', to: '2026-06-08' }]);
    expect(explained.dueDate).toBe('2026-06-08');
  });

  it('art. 22.1.a and 30.5: a request notified on Monday 17 August 2026, the last day moved off Saturday 15, still suspends: 10 days end Thursday 27', () => {
    const explained = threeMonths('2026-05-15T10:00:00Z', [{ from: '2026-08-17', to: '2026-08-27' }]);
    expect(explained).toMatchObject({
      nominalEnd: '2026-08-15',
      extendedEnd: '2026-08-27',
      dueDate: '2026-08-27',
    });
  });

  it.each([
    [[{ from: '2026-06-11', to: '2026-06-01' }], 'ends before it starts'],
    [[{ from: '2026-05-14', to: '2026-05-20' }], 'starts before the registry entry'],
    [
      [{ from: '2026-08-18', to: '2026-08-20' }],
      'starts after the term ended (15 August, moved to Monday 17)',
    ],
    [
      [
        { from: '2026-06-01', to: '2026-06-11' },
        { from: '2026-06-05', to: '2026-06-20' },
      ],
      'overlaps the previous one',
    ],
    [[{ from: '2026-06-31', to: '2026-07-02' }], 'names no real date'],
  ])('art. 22.1.a: a suspension that %j is refused: %s', (suspensions) => {
    expect(apiError(() => threeMonths('2026-05-15T10:00:00Z', suspensions)).params).toEqual({
      field: 'suspended',
    });
  });
});

describe('art. 30.6: a day that is a holiday in only one of the two municipalities', () => {
  it('art. 30.6: a month from 16 March 2026 ends on 16 April, a holiday in the applicant’s municipality, Alicante: Friday 17', () => {
    const explained = calendar.explainDueDate({
      registeredAt: at('2026-03-16T10:00:00Z'),
      term: { unit: 'months', amount: 1 },
      municipalities: ['03014'],
    });
    expect(explained).toMatchObject({
      dueDate: '2026-04-17',
      applicantMunicipality: 'Alicante',
      rules: ['holiday_in_one_place', 'last_day_not_business_day'],
      skipped: [
        {
          date: '2026-04-16',
          weekend: false,
          onlyIn: { side: 'applicant', place: 'Alicante' },
          holidays: [{ name: 'Santa Faz', layer: 'local', place: 'Alicante', provisional: false }],
          during: 'final_move',
        },
      ],
    });
  });

  it('art. 30.6: the same term for an applicant from Elche ends on 16 April itself', () => {
    const explained = calendar.explainDueDate({
      registeredAt: at('2026-03-16T10:00:00Z'),
      term: { unit: 'months', amount: 1 },
      municipalities: ['Elx'],
    });
    expect(explained).toMatchObject({ dueDate: '2026-04-16', rules: [], skipped: [] });
    expect(explained.applicantMunicipality).toBeUndefined();
  });

  it('art. 30.6 the other way: 13 April 2026 is a holiday in the body’s municipality, Elche, and not in Alicante', () => {
    const explained = calendar.explainDueDate({
      registeredAt: at('2026-03-13T10:00:00Z'),
      term: { unit: 'months', amount: 1 },
      municipalities: ['Alacant'],
    });
    expect(explained.dueDate).toBe('2026-04-14');
    expect(explained.skipped[0]!.onlyIn).toEqual({ side: 'body', place: 'Elche' });
  });

  it('art. 30.6 does not apply to a day that is a holiday in both places (Lunes de Pascua)', () => {
    const explained = calendar.explainDueDate({
      registeredAt: at('2026-01-06T10:00:00Z'),
      term: { unit: 'months', amount: 3 },
      municipalities: ['alicante'],
    });
    expect(explained.dueDate).toBe('2026-04-07');
    expect(explained.skipped[0]!.onlyIn).toBeUndefined();
    expect(explained.rules).toEqual(['last_day_not_business_day']);
  });

  it('art. 30.2: a national day the regional decree repeats is named once (Viernes Santo, 3 April 2026)', () => {
    const explained = calendar.explainDueDate({
      registeredAt: at('2026-03-03T10:00:00Z'),
      term: { unit: 'months', amount: 1 },
      municipalities: [],
    });
    expect(explained.skipped[0]!.holidays).toEqual([
      expect.objectContaining({ name: 'Viernes Santo', layer: 'national' }),
    ]);
    expect(explained.dueDate).toBe('2026-04-07');
  });
});

describe('art. 30.6: no silent calendars', () => {
  it.each(['Madrid', 'Paiporta', '99001'])(
    'art. 30.6: an applicant from %s (no local calendar, no province known) is named as not counted, never guessed',
    (place) => {
      const explained = calendar.explainDueDate({
        registeredAt: at('2026-01-09T10:00:00Z'),
        term: { unit: 'business_days', amount: 10 },
        municipalities: [place],
      });
      expect(explained.missingLocalCalendars).toEqual([place]);
      expect(explained.applicantMunicipality).toBeUndefined();
      expect(explained.dueDate).toBe('2026-01-23');
    },
  );

  it('art. 30.6: a known applicant has nothing missing', () => {
    const explained = calendar.explainDueDate({
      registeredAt: at('2026-01-09T10:00:00Z'),
      term: { unit: 'business_days', amount: 10 },
      municipalities: ['alicante'],
    });
    expect(explained.missingLocalCalendars).toEqual([]);
  });
});

describe('provisional calendar years', () => {
  it('art. 30.5 on 2027 data: 3 months from 30 November 2026 depend on the provisional 2027 files', () => {
    const explained = calendar.explainDueDate({
      registeredAt: at('2026-11-30T10:00:00Z'),
      term: { unit: 'months', amount: 3 },
      municipalities: ['alicante'],
    });
    expect(explained.dueDate).toBe('2027-03-01');
    expect(explained.provisional).toBe(true);
    expect(explained.provisionalLayers.map((layer) => [layer.year, layer.layer, layer.place])).toEqual([
      [2027, 'national', undefined],
      [2027, 'local', 'Alicante'],
      [2027, 'local', 'Elche'],
    ]);
    expect(explained.provisionalLayers[0]!.basis).toContain('BOE');
  });

  it('a term that stays in 2026 is not provisional', () => {
    const explained = calendar.explainDueDate({
      registeredAt: at('2026-09-29T10:00:00Z'),
      term: { unit: 'months', amount: 3 },
      municipalities: [],
    });
    expect(explained).toMatchObject({ dueDate: '2026-12-30', provisional: false, provisionalLayers: [] });
  });

  it('art. 30.2: business days counted into January 2027 are provisional', () => {
    const explained = calendar.explainDueDate({
      registeredAt: at('2026-12-15T10:00:00Z'),
      term: { unit: 'business_days', amount: 15 },
      municipalities: [],
    });
    expect(explained).toMatchObject({ dueDate: '2027-01-11', provisional: true });
  });
});

import { describe, expect, it } from 'vitest';
import { amendmentTermEnd, explainCaseDueDate, replyOutcome } from '../../../../src/main/office/deadlines';
import { calendar } from '../support';

const threeMonthsFrom15May = {
  // Friday 15 May 2026, 10:00 in Madrid.
  registeredAt: new Date('2026-05-15T08:00:00Z'),
  term: { unit: 'months', amount: 3 } as const,
  applicantMunicipality: 'Elche',
};

describe('the amendment term (art. 68)', () => {
  it('art. 68: the amendment term is 10 business days from the day after notification: notified Mon 2026-03-02 → ends Mon 2026-03-16', () => {
    expect(amendmentTermEnd(calendar(), '2026-03-02', 10, 'Elche')).toBe('2026-03-16');
  });

  it('art. 68.2: extended by 2 days, notified Fri 2026-02-27 → Tue 2026-03-17 instead of Fri 2026-03-13', () => {
    expect(amendmentTermEnd(calendar(), '2026-02-27', 10, 'Elche')).toBe('2026-03-13');
    expect(amendmentTermEnd(calendar(), '2026-02-27', 12, 'Elche')).toBe('2026-03-17');
  });

  it('art. 30.6: an Alicante applicant notified Tue 2026-04-07 loses Elche’s San Vicente (13 April) and Alicante’s Santa Faz (16 April) → ends Thu 2026-04-23', () => {
    expect(amendmentTermEnd(calendar(), '2026-04-07', 10, 'Alicante')).toBe('2026-04-23');
    // Only Elche's holiday for an applicant from Elche: one day earlier.
    expect(amendmentTermEnd(calendar(), '2026-04-07', 10, 'Elche')).toBe('2026-04-22');
  });
});

describe('the suspended term to resolve (art. 22.1.a, then art. 30.5)', () => {
  it('art. 22.1.a: 3 months from Fri 2026-05-15 end on Sat 15 August (a holiday) → Mon 17 August', () => {
    const explained = explainCaseDueDate(calendar(), { ...threeMonthsFrom15May, suspensions: [] });
    expect(explained).toMatchObject({ nominalEnd: '2026-08-15', dueDate: '2026-08-17' });
  });

  it('art. 22.1.a: suspended 15 → 25 June (10 days) the last day is Tue 25 August, not 27 (the suspension extends the nominal end, then art. 30.5)', () => {
    const explained = explainCaseDueDate(calendar(), {
      ...threeMonthsFrom15May,
      suspensions: [{ from: '2026-06-15', to: '2026-06-25', until: '2026-06-29' }],
    });
    expect(explained).toMatchObject({ suspendedDays: 10, extendedEnd: '2026-08-25', dueDate: '2026-08-25' });
    expect(explained.rules).toContain('suspended');
  });

  it('art. 22.1.a: a running suspension counts to the end of the granted term: 15 → 29 June is 14 days → Sat 29 August → Mon 31 August', () => {
    const explained = explainCaseDueDate(calendar(), {
      ...threeMonthsFrom15May,
      suspensions: [{ from: '2026-06-15', to: null, until: '2026-06-29' }],
    });
    expect(explained).toMatchObject({ suspendedDays: 14, extendedEnd: '2026-08-29', dueDate: '2026-08-31' });
    expect(explained.rules).toContain('last_day_not_business_day');
  });

  it('art. 30.6: an applicant without a local calendar is named, not guessed', () => {
    const explained = explainCaseDueDate(calendar(), {
      ...threeMonthsFrom15May,
      applicantMunicipality: 'Villarreal de Nadie',
      suspensions: [],
    });
    expect(explained.missingLocalCalendars).toEqual(['Villarreal de Nadie']);
  });
});

describe('the reply to an amendment request (art. 31.2.b)', () => {
  it('art. 31.2.b: a reply filed on Sat 2026-03-14 against a term ending Fri 2026-03-13 counts as filed Mon 16: late, and the suspension lasted to the 13th', () => {
    expect(replyOutcome(calendar(), new Date('2026-03-14T10:00:00+01:00'), '2026-03-13')).toEqual({
      deemedOn: '2026-03-16',
      late: true,
      suspensionEnds: '2026-03-13',
    });
  });

  it('art. 31.2.b: a reply filed on Sat 2026-03-14 against a term ending Mon 2026-03-16 is in time, and the suspension ends on Monday', () => {
    expect(replyOutcome(calendar(), new Date('2026-03-14T10:00:00+01:00'), '2026-03-16')).toEqual({
      deemedOn: '2026-03-16',
      late: false,
      suspensionEnds: '2026-03-16',
    });
  });

  it('art. 31.2.b: a reply filed at 23:30 in Madrid on Thu 2026-03-05 counts that day (the registry seat’s date, not UTC’s)', () => {
    expect(replyOutcome(calendar(), new Date('2026-03-05T22:30:00Z'), '2026-03-13')).toEqual({
      deemedOn: '2026-03-05',
      late: false,
      suspensionEnds: '2026-03-05',
    });
  });
});

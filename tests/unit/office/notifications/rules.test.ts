import { describe, expect, it } from 'vitest';
import {
  deemedRejection,
  deemedRejectionReading,
  madridDayStart,
  secondAttemptProblem,
} from '../../../../src/main/office/notifications/rules';
import { calendar } from '../support';

const at = (iso: string) => new Date(iso);

describe('art. 43.2: an electronic notification is deemed rejected after ten natural days without access', () => {
  it('the app applies the "from day 11" reading', () => {
    expect(deemedRejectionReading).toBe('from_day_11');
  });

  it('art. 43.2: made available Mon 2026-03-02 10:00 → day 10 is Thu 12 March; rejected from Fri 13 March 00:00 (Madrid)', () => {
    const rejection = deemedRejection(calendar(), at('2026-03-02T10:00:00+01:00'), []);
    expect(rejection.lastDay).toBe('2026-03-12');
    expect(rejection.at.toISOString()).toBe('2026-03-12T23:00:00.000Z');
  });

  it('art. 43.2, the other reading: the same notification is rejected on Thu 12 March, at 23:59:59.999 (Madrid)', () => {
    const rejection = deemedRejection(calendar(), at('2026-03-02T10:00:00+01:00'), [], 'day_10');
    expect(rejection.lastDay).toBe('2026-03-12');
    expect(rejection.at.toISOString()).toBe('2026-03-12T22:59:59.999Z');
  });

  it('art. 43.2 with art. 30.5: made available Wed 2026-03-04 → day 10 is Sat 14 March, moved to Mon 16 March; rejected from Tue 17 March 00:00', () => {
    const rejection = deemedRejection(calendar(), at('2026-03-04T12:00:00+01:00'), []);
    expect(rejection.lastDay).toBe('2026-03-16');
    expect(rejection.at.toISOString()).toBe('2026-03-16T23:00:00.000Z');
  });

  it('art. 43.2 across the change to summer time: made available Fri 2026-03-20 → day 10 is Mon 30 March; rejected from Tue 31 March 00:00 CEST', () => {
    const rejection = deemedRejection(calendar(), at('2026-03-20T09:00:00+01:00'), []);
    expect(rejection.lastDay).toBe('2026-03-30');
    expect(rejection.at.toISOString()).toBe('2026-03-30T22:00:00.000Z');
  });

  it('made available late in the evening counts by its Madrid date: Mon 2026-03-02 23:30 CET is still 2 March', () => {
    const rejection = deemedRejection(calendar(), at('2026-03-02T22:30:00Z'), []);
    expect(rejection.lastDay).toBe('2026-03-12');
  });

  it('the first instant of a Madrid day, in winter and in summer', () => {
    expect(madridDayStart('2026-01-15').toISOString()).toBe('2026-01-14T23:00:00.000Z');
    expect(madridDayStart('2026-07-15').toISOString()).toBe('2026-07-14T22:00:00.000Z');
  });
});

describe('art. 42.2: the second attempt at the address, within three days, on the other side of 15:00, 3 hours apart', () => {
  const first = at('2026-03-02T10:00:00+01:00');

  it('art. 42.2: first Mon 2 March 10:00 → Thu 5 March 17:00 is valid (third day after, afternoon)', () => {
    expect(secondAttemptProblem(first, at('2026-03-05T17:00:00+01:00'))).toBeNull();
  });

  it('art. 42.2: the same day in the afternoon is valid (10:00 → 16:00)', () => {
    expect(secondAttemptProblem(first, at('2026-03-02T16:00:00+01:00'))).toBeNull();
  });

  it('art. 42.2: Fri 6 March is the fourth day: too late', () => {
    expect(secondAttemptProblem(first, at('2026-03-06T17:00:00+01:00'))).toBe('too_late');
  });

  it('art. 42.2: a morning first attempt needs an afternoon second one (Tue 3 March 11:00 is refused)', () => {
    expect(secondAttemptProblem(first, at('2026-03-03T11:00:00+01:00'))).toBe('same_side_of_15h');
  });

  it('art. 42.2: and the other way round: first 17:00, second next day 16:00 is refused, 12:00 accepted', () => {
    const afternoon = at('2026-03-02T17:00:00+01:00');
    expect(secondAttemptProblem(afternoon, at('2026-03-03T16:00:00+01:00'))).toBe('same_side_of_15h');
    expect(secondAttemptProblem(afternoon, at('2026-03-03T12:00:00+01:00'))).toBeNull();
  });

  it('art. 42.2: at least three hours apart: 13:00 → 15:30 the same day is refused, 13:00 → 16:00 accepted', () => {
    const lunch = at('2026-03-02T13:00:00+01:00');
    expect(secondAttemptProblem(lunch, at('2026-03-02T15:30:00+01:00'))).toBe('less_than_3h');
    expect(secondAttemptProblem(lunch, at('2026-03-02T16:00:00+01:00'))).toBeNull();
  });

  it('a second attempt before the first is refused', () => {
    expect(secondAttemptProblem(first, at('2026-03-01T17:00:00+01:00'))).toBe('before_first');
  });
});

import { describe, expect, it } from 'vitest';
import { dueSoonBusinessDays } from '../../../src/shared/domain/cases';
import { loadCalendar } from '../../../src/main/office/calendar/load';
import { businessDaysLeft, dependsOnProvisionalCalendar, queueDay } from '../../../src/main/office/deadlines';

const calendar = loadCalendar();

describe('the desk counts days left and the due-soon window on one calendar', () => {
  it('a row is in the due-soon window exactly when its days left are 0 to 5, every day of 2026 (due dates are business days, art. 30.5)', () => {
    const first = Date.UTC(2026, 0, 1);
    for (let offset = 0; offset < 365; offset += 1) {
      const now = new Date(first + offset * 86_400_000 + 12 * 3_600_000);
      const day = queueDay(calendar, now);
      for (let ahead = 0; ahead <= 14; ahead += 1) {
        const due = new Date(first + (offset + ahead) * 86_400_000).toISOString().slice(0, 10);
        if (!calendar.isBusinessDay(due, [])) continue;
        const left = businessDaysLeft(calendar, day.today, due);
        const inWindow = due >= day.today && due <= day.dueSoonUntil;
        expect(inWindow, `${day.today} → ${due}`).toBe(left >= 0 && left <= dueSoonBusinessDays);
      }
    }
  });

  it('counts Santa Faz (16 April 2026) as a working day of the desk: from 14 April, a due date of 17 April is 3 days away', () => {
    expect(businessDaysLeft(calendar, '2026-04-14', '2026-04-17')).toBe(3);
    expect(queueDay(calendar, new Date('2026-04-14T10:00:00Z'))).toEqual({
      today: '2026-04-14',
      dueSoonUntil: '2026-04-21',
    });
  });
});

describe('a stored due date that depends on provisional calendar data is marked', () => {
  it.each([
    ['2026-11-30T10:00:00Z', '2027-03-01', 'Alicante', true, 'it reads the provisional 2027 files'],
    ['2026-05-15T10:00:00Z', '2026-08-17', 'Elche', false, 'a 2026 term reads bulletin data only'],
    ['2026-05-15T10:00:00Z', '2026-08-17', 'Madrid', false, 'a place without a calendar is no error'],
    ['2027-01-04T10:00:00Z', '2027-02-04', 'Madrid', true, 'the body’s own 2027 files are provisional'],
  ])('registered %s, due %s, applicant from %s: %s (%s)', (registeredAt, dueDate, place, expected) => {
    const record = {
      registered_at: new Date(registeredAt),
      due_date: dueDate,
      applicant_municipality: place,
    };
    expect(dependsOnProvisionalCalendar(calendar, record)).toBe(expected);
  });
});

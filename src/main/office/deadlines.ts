import type { LegalCalendar } from '../../shared/domain/calendar';
import { dueSoonBusinessDays } from '../../shared/domain/cases';

/**
 * The desk's count of days left and its "due soon" window use one calendar, the body's (the
 * registry seat's, Elche): they measure the office's working days up to a due date, and a row
 * shown as "5 business days left" is exactly a row of the due-soon queue. The applicant's holidays
 * (art. 30.6) already placed the due date itself.
 */
const deskCalendar: string[] = [];

/** Business days from `today` to `dueDate` on the desk's calendar: negative when overdue. */
export const businessDaysLeft = (calendar: LegalCalendar, today: string, dueDate: string): number =>
  calendar.businessDaysBetween(today, dueDate, deskCalendar);

/** The legal day the queues are computed for, and the last due date that still counts as "due soon". */
export interface QueueDay {
  today: string;
  dueSoonUntil: string;
}

export function queueDay(calendar: LegalCalendar, now: Date): QueueDay {
  const today = calendar.today(now);
  return { today, dueSoonUntil: calendar.addBusinessDays(today, dueSoonBusinessDays, deskCalendar) };
}

/**
 * The municipalities whose holidays count for a case besides the body's own (the calendar always
 * adds that one, art. 30.6). One without a local calendar file is left out here, so the demo seed
 * never fails on it; the explanation of a due date names such a place instead (explainDueDate's
 * `missingLocalCalendars`).
 */
export const caseMunicipalities = (calendar: LegalCalendar, applicantMunicipality: string): string[] =>
  calendar.knowsMunicipality(applicantMunicipality) ? [applicantMunicipality] : [];

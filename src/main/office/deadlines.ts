import type { LegalCalendar } from '../../shared/domain/calendar';
import { dueSoonBusinessDays } from '../../shared/domain/cases';

/**
 * The municipalities whose holidays count for a case besides the body's own (the calendar always
 * adds that one, art. 30.6). An applicant's municipality without a local calendar file contributes
 * no local holidays here, so one such applicant cannot make a whole queue fail to show.
 */
export const caseMunicipalities = (calendar: LegalCalendar, applicantMunicipality: string): string[] =>
  calendar.knowsMunicipality(applicantMunicipality) ? [applicantMunicipality] : [];

/** The legal day the queues are computed for, and the last due date that still counts as "due soon". */
export interface QueueDay {
  today: string;
  dueSoonUntil: string;
}

export function queueDay(calendar: LegalCalendar, now: Date): QueueDay {
  const today = calendar.today(now);
  return { today, dueSoonUntil: calendar.addBusinessDays(today, dueSoonBusinessDays, []) };
}

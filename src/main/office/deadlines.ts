import type { DueDateExplanation, LegalCalendar, Term } from '../../shared/domain/calendar';
import { madridDate } from '../../shared/domain/calendar/dates';
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

/**
 * Whether a stored due date may depend on a provisional calendar file: one of the layers of the
 * case's municipalities is provisional in a year from the registry entry's to the due date's. It
 * errs on the side of saying so (a month term reads only the last days), never of hiding it.
 */
export function dependsOnProvisionalCalendar(
  calendar: LegalCalendar,
  record: { registered_at: Date; due_date: string; applicant_municipality: string },
): boolean {
  const ids = calendar.resolve(caseMunicipalities(calendar, record.applicant_municipality));
  const fromYear = Number(madridDate(record.registered_at).slice(0, 4));
  const toYear = Number(record.due_date.slice(0, 4));
  return calendar.provisionalLayers(ids, fromYear, toYear).length > 0;
}

/**
 * A suspension as stored (case_suspensions): a running one has no `to` yet and lasts at most until
 * its amendment term ends (`until`, art. 22.1.a: "o, en su defecto, por el del plazo concedido").
 */
export interface StoredSuspension {
  from: string;
  to: string | null;
  until: string;
}

/** All a case's due date is derived from, besides the calendars. */
export interface CaseTermInputs {
  registeredAt: Date;
  term: Term;
  applicantMunicipality: string;
  suspensions: readonly StoredSuspension[];
}

/**
 * The case's due date and why, from its stored inputs: the registry entry (art. 21.3.b), the
 * procedure's term, the suspensions (a running one counted to its longest, the end of the granted
 * term) and the holidays of the body's and the applicant's municipalities (art. 30.6). An applicant's
 * municipality without a local calendar is named in `missingLocalCalendars`, never guessed.
 */
export const explainCaseDueDate = (calendar: LegalCalendar, inputs: CaseTermInputs): DueDateExplanation =>
  calendar.explainDueDate({
    registeredAt: inputs.registeredAt,
    term: inputs.term,
    municipalities: [inputs.applicantMunicipality],
    suspensions: inputs.suspensions.map((suspension) => ({
      from: suspension.from,
      to: suspension.to ?? suspension.until,
    })),
  });

/**
 * The last day of an amendment term (art. 68.1): `days` business days from the day after the
 * notification, skipping the holidays of the body's and the applicant's municipalities (art. 30.6).
 */
export const amendmentTermEnd = (
  calendar: LegalCalendar,
  notifiedOn: string,
  days: number,
  applicantMunicipality: string,
): string =>
  calendar.explainDueDate({
    notifiedOn,
    term: { unit: 'business_days', amount: days },
    municipalities: [applicantMunicipality],
  }).dueDate;

/** What a reply to an amendment request does to the term and the suspension. */
export interface ReplyOutcome {
  /** The day the filing counts as made (art. 31.2.b). */
  deemedOn: string;
  late: boolean;
  /** The suspension's last day: the reply's, or the granted term's when the reply came after it (art. 22.1.a). */
  suspensionEnds: string;
}

/**
 * A reply filed on a non-business day of the registry seat counts as filed on the next business
 * day (art. 31.2.b); after the granted term's last day it is late, and the suspension lasted only
 * until that last day ("o, en su defecto, por el del plazo concedido", art. 22.1.a).
 */
export function replyOutcome(calendar: LegalCalendar, receivedAt: Date, endsOn: string): ReplyOutcome {
  const filing = calendar.deemedFiling(receivedAt, { unit: 'business_days', dueDate: endsOn });
  const late = filing.inTime === false;
  return { deemedOn: filing.deemedOn, late, suspensionEnds: late ? endsOn : filing.deemedOn };
}

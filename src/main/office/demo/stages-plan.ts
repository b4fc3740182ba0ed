import type { LegalCalendar } from '../../../shared/domain/calendar';
import { madridDate } from '../../../shared/domain/calendar/dates';
import type { CaseState } from '../../../shared/domain/cases';
import { amendmentTermDays } from '../../../shared/api/amendments';
import { amendmentTermEnd, caseMunicipalities } from '../deadlines';
import { bookYear } from '../book/reservations';
import { madridDayStart } from '../notifications/rules';
import type { DemoApplicant } from './applicants';
import type { DemoUser } from './city';
import { Prng } from './prng';

/**
 * The stages of a case's life the demo city shows with their real records (issue 9): each staged
 * case is seeded `in_progress` with its application only, and then walked to the state the seed
 * gave it through the office's own functions (stages-walk.ts), on the instants planned here.
 */
export type DemoStage =
  /** awaiting_amendment: the request notified a few days ago, its term running. */
  | 'amendment_running'
  /** awaiting_amendment: the term ended unanswered, so deemed withdrawal is offered. */
  | 'amendment_ended'
  /** awaiting_amendment: the term extended by five days on the applicant's request (art. 68.2). */
  | 'amendment_extended'
  /** in_progress: the reply registered, the suspension closed, the due date moved. */
  | 'amendment_replied'
  /** in_progress: a technical report filed. */
  | 'reported'
  /** withdrawn: the applicant withdrew (art. 94). */
  | 'withdrawn_by_applicant'
  /** withdrawn: deemed withdrawn when the amendment term ended unanswered (art. 68.1). */
  | 'withdrawn_deemed'
  /** resolved: the signed resolution made available electronically, not yet opened. */
  | 'notice_pending'
  /** notified: the electronic notification was opened. */
  | 'notice_accessed'
  /** notified: the applicant rejected it. */
  | 'notice_rejected'
  /** notified: ten natural days went by unopened; the sweep deemed it rejected (art. 43.2). */
  | 'notice_deemed_rejected'
  /** notified: on paper, absent at the first attempt, delivered at the second (art. 42.2). */
  | 'notice_paper'
  /** archived: the whole file — request, amendment and reply, report, signed resolution, notification opened. */
  | 'archived_whole_file';

/** What the seed planned for a case, as the planner needs it. */
export interface CaseSketch {
  id: number;
  state: CaseState;
  registeredAt: Date;
  /** The term's last day as the seed derived it (no suspension yet). */
  dueDate: string;
  departmentId: string;
  assignee: DemoUser | null;
  applicant: DemoApplicant;
}

/** One amendment request on the case's way. */
export interface PlannedAmendment {
  requestAt: Date;
  /** Extended by five business days at this instant. */
  extendAt?: Date;
  /** The applicant's reply came in at this instant (registered then too). */
  replyAt?: Date;
}

export interface StagedCase {
  caseId: number;
  stage: DemoStage;
  processor: DemoUser;
  amendment?: PlannedAmendment;
  reportAt?: Date;
  /** The applicant's withdrawal: filed on this day, registered at `at`. */
  withdrawal?: { kind: 'applicant'; filedOn: string; at: Date } | { kind: 'deemed'; at: Date };
  /** When the case reached `withdrawn` after its withdrawal was recorded. */
  closedAt?: Date;
  /** The resolution's instant (its document; the book's head signs it that day). */
  resolutionAt?: Date;
}

/** How many cases of each stage a department gets, taken from the cases the seed put in that state. */
const quota: Record<DemoStage, number> = {
  amendment_running: 2,
  amendment_ended: 1,
  amendment_extended: 1,
  amendment_replied: 1,
  reported: 1,
  withdrawn_by_applicant: 1,
  withdrawn_deemed: 1,
  notice_pending: 2,
  notice_accessed: 1,
  notice_rejected: 1,
  notice_deemed_rejected: 1,
  notice_paper: 1,
  archived_whole_file: 2,
};

/** The stages a case the seed put in a state may take, in the order they are filled. */
const stagesOf: Partial<Record<CaseState, readonly DemoStage[]>> = {
  awaiting_amendment: ['amendment_running', 'amendment_ended', 'amendment_extended'],
  in_progress: ['amendment_replied', 'reported'],
  withdrawn: ['withdrawn_by_applicant', 'withdrawn_deemed'],
  resolved: ['notice_pending'],
  notified: ['notice_paper', 'notice_deemed_rejected', 'notice_accessed', 'notice_rejected'],
  archived: ['archived_whole_file'],
};

const hourMs = 3_600_000;
/** The seed's resolutions are dated 20 days after the registry entry (seed.ts, planDocuments). */
const resolutionAfterMs = 480 * hourMs;

/**
 * Picks the staged cases while the seed plans its cases, and works out their instants with the
 * legal calendar. A case is staged only when the whole of its stage fits between its registry
 * entry and `now` as the law has it (a request while the term runs, a term that ended before a
 * deemed withdrawal…); otherwise it stays as the seed made it. Its own generator, so the rest of
 * the demo city is the same with or without stages.
 */
export class DemoStagePlanner {
  readonly #calendar: LegalCalendar;
  readonly #now: Date;
  readonly #today: string;
  readonly #random: Prng;
  readonly #taken = new Map<string, number>();
  readonly #staged: StagedCase[] = [];

  constructor(calendar: LegalCalendar, now: Date, seed = 2026) {
    this.#calendar = calendar;
    this.#now = now;
    this.#today = calendar.today(now);
    this.#random = new Prng(seed ^ 0x5ca1ab1e);
  }

  /** The staged cases so far, in the order the seed planned them. */
  get staged(): readonly StagedCase[] {
    return this.#staged;
  }

  /** The state the seed stores a case in: `in_progress` for a staged one, to be walked on. */
  consider(sketch: CaseSketch): CaseState {
    const processor = sketch.assignee;
    if (!processor) return sketch.state;
    for (const stage of stagesOf[sketch.state] ?? []) {
      const key = `${sketch.departmentId}:${stage}`;
      if ((this.#taken.get(key) ?? 0) >= quota[stage]) continue;
      const planned = this.#plan(stage, sketch);
      if (!planned) continue;
      this.#taken.set(key, (this.#taken.get(key) ?? 0) + 1);
      this.#staged.push({ caseId: sketch.id, stage, processor, ...planned });
      return 'in_progress';
    }
    return sketch.state;
  }

  #plan(stage: DemoStage, sketch: CaseSketch): Omit<StagedCase, 'caseId' | 'stage' | 'processor'> | null {
    const places = caseMunicipalities(this.#calendar, sketch.applicant.municipality);
    const businessDays = (date: string, n: number) => this.#calendar.addBusinessDays(date, n, places);
    const registeredOn = madridDate(sketch.registeredAt);
    /** The first day the processor acts: the seed moves the case on 48 hours after the entry. */
    const firstDay = businessDays(madridDate(new Date(sketch.registeredAt.getTime() + 48 * hourMs)), 1);
    const at = (date: string, hour: number) => new Date(madridDayStart(date).getTime() + hour * hourMs);
    const termEnd = (notifiedOn: string, days = amendmentTermDays) =>
      amendmentTermEnd(this.#calendar, notifiedOn, days, sketch.applicant.municipality);
    const past = (instant: Date) => instant.getTime() <= this.#now.getTime();
    // A request suspends a running term only (art. 22.1.a): it is notified before the term's last day.
    const requestOn = (daysBeforeToday: number) => {
      const day = businessDays(this.#today, -daysBeforeToday);
      return day >= firstDay && day < sketch.dueDate ? day : null;
    };
    switch (stage) {
      case 'amendment_running': {
        const day = requestOn(this.#random.int(1, 6));
        return day ? { amendment: { requestAt: at(day, 10) } } : null;
      }
      case 'amendment_extended': {
        const day = requestOn(7);
        if (!day) return null;
        const extendAt = at(businessDays(day, 3), 11);
        return termEnd(day, amendmentTermDays + 5) >= this.#today && past(extendAt)
          ? { amendment: { requestAt: at(day, 10), extendAt } }
          : null;
      }
      case 'amendment_ended': {
        const day = requestOn(amendmentTermDays + this.#random.int(3, 6));
        return day && termEnd(day) < this.#today ? { amendment: { requestAt: at(day, 10) } } : null;
      }
      case 'amendment_replied': {
        const day = requestOn(amendmentTermDays + this.#random.int(1, 4));
        if (!day) return null;
        const replyAt = at(businessDays(day, this.#random.int(2, 6)), 12);
        return past(replyAt) ? { amendment: { requestAt: at(day, 10), replyAt } } : null;
      }
      case 'reported': {
        const reportAt = at(firstDay, 11);
        return past(reportAt) ? { reportAt } : null;
      }
      case 'withdrawn_by_applicant': {
        const filedOn = businessDays(registeredOn, 2);
        const recordedAt = at(businessDays(filedOn, 1), 10);
        const closedAt = at(businessDays(filedOn, 3), 10);
        return filedOn >= firstDay && past(closedAt)
          ? { withdrawal: { kind: 'applicant', filedOn, at: recordedAt }, closedAt }
          : null;
      }
      case 'withdrawn_deemed': {
        if (firstDay >= sketch.dueDate) return null;
        const ended = termEnd(firstDay);
        const deemedAt = at(businessDays(ended, 1), 10);
        const closedAt = at(businessDays(ended, 3), 10);
        return past(closedAt)
          ? {
              amendment: { requestAt: at(firstDay, 10) },
              withdrawal: { kind: 'deemed', at: deemedAt },
              closedAt,
            }
          : null;
      }
      default:
        return this.#planResolved(stage, sketch, { firstDay, businessDays, at });
    }
  }

  /**
   * A resolved case's way: a report (and for an archived one an amendment answered in time) before
   * the resolution of the seed's date, which the demo book's head signs that day; the notification
   * follows the signature (stages-walk.ts reads its instant), so there must be days enough to now.
   */
  #planResolved(
    stage: DemoStage,
    sketch: CaseSketch,
    days: {
      firstDay: string;
      businessDays: (date: string, n: number) => string;
      at: (date: string, hour: number) => Date;
    },
  ): Omit<StagedCase, 'caseId' | 'stage' | 'processor'> | null {
    const resolutionAt = new Date(sketch.registeredAt.getTime() + resolutionAfterMs);
    const resolvedOn = madridDate(resolutionAt);
    // The demo book holds this year's resolutions only.
    if (Number(resolvedOn.slice(0, 4)) !== bookYear(this.#now)) return null;
    const daysToNow = (this.#now.getTime() - resolutionAt.getTime()) / (24 * hourMs);
    const needed = stage === 'notice_deemed_rejected' ? 13 : stage === 'archived_whole_file' ? 4 : 3;
    if (daysToNow < needed) return null;
    // Paper for a natural person who chose it; the others are notified electronically (art. 14).
    const onPaper = sketch.applicant.kind === 'natural' && sketch.applicant.channel === 'paper';
    if (onPaper !== (stage === 'notice_paper')) return null;
    const { firstDay, businessDays, at } = days;
    if (stage !== 'archived_whole_file') {
      const reportAt = at(firstDay, 11);
      return reportAt.getTime() < resolutionAt.getTime() - 24 * hourMs ? { reportAt, resolutionAt } : null;
    }
    if (firstDay >= sketch.dueDate) return null;
    const replyAt = at(businessDays(firstDay, 4), 12);
    const reportAt = at(businessDays(firstDay, 6), 11);
    return reportAt.getTime() < resolutionAt.getTime() - 24 * hourMs
      ? { amendment: { requestAt: at(firstDay, 10), replyAt }, reportAt, resolutionAt }
      : null;
  }
}

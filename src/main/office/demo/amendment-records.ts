import { sql, type Insertable, type Transaction } from 'kysely';
import { amendmentTermDays } from '../../../shared/api/amendments';
import type { LegalCalendar } from '../../../shared/domain/calendar';
import { madridDate } from '../../../shared/domain/calendar/dates';
import { loadTermRecords } from '../amendments/derivation';
import { renderAmendmentRequest } from '../amendments/document';
import type { RequestToSign } from '../amendments/requests';
import { markedPdf, type GeneratedPdfMark } from '../generated-pdf';
import { amendmentText, loadAmendmentTemplate, type AmendmentTemplate } from '../amendments/template';
import { amendmentTermEnd, caseMunicipalities, explainCaseDueDate } from '../deadlines';
import { renderNotice } from '../notifications/notice-pdf';
import { deemedRejection, madridDayStart } from '../notifications/rules';
import { translate } from '../../../shared/i18n/index';
import { loadResolutionTemplates } from '../resolutions/template';
import { appendAudit, type AuditEntry } from '../store/audit';
import type { OfficeSchema } from '../store/schema';

/**
 * The amendment request of every other case the seed leaves awaiting its amendment (the staged
 * ones are walked through requestAmendment itself): written in bulk with the records
 * requestAmendment and the site's access write — the request (TD06) from the template, its
 * notification (opened on the site, or its paper notice delivered, when it went out), the running
 * suspension from that day, the
 * audit entries and the due date derived again — so no demo case awaits an amendment nobody asked for.
 */
export interface SeededAmendment {
  caseId: number;
  /** The processor who asked for it (the case's, or the department's first). */
  actorId: string;
  requestAt: Date;
  notifiedOn: string;
  endsOn: string;
  documentId: number;
  /** The paper notice (TD07) of a natural person who chose paper; null for the site. */
  noticeDocumentId: number | null;
}

export const demoMissing =
  'Plano de situación firmado por técnico competente.\nJustificante del pago de la tasa correspondiente.';

const hourMs = 3_600_000;

/**
 * When the request went out: a few business days after the entry (by the case's id, not the
 * seed's generator), never after today, and while the term to resolve still ran (art. 22.1.a
 * suspends a running term only). Null when no day fits (a case registered past its own term).
 */
export function planAmendmentRequest(
  calendar: LegalCalendar,
  now: Date,
  sketch: { id: number; registeredAt: Date; dueDate: string; applicantMunicipality: string },
): { requestAt: Date; notifiedOn: string; endsOn: string } | null {
  const places = caseMunicipalities(calendar, sketch.applicantMunicipality);
  const registeredOn = madridDate(sketch.registeredAt);
  const today = calendar.today(now);
  let day = calendar.addBusinessDays(registeredOn, 1 + (sketch.id % 5), places);
  if (day > today) day = today;
  if (day >= sketch.dueDate) day = calendar.addBusinessDays(sketch.dueDate, -1, places);
  if (day < registeredOn) return null;
  const morning = madridDayStart(day).getTime() + 10 * hourMs;
  const earliest = sketch.registeredAt.getTime() + hourMs;
  const requestAt = new Date(Math.min(now.getTime(), Math.max(morning, earliest)));
  return {
    requestAt,
    notifiedOn: madridDate(requestAt),
    endsOn: amendmentTermEnd(
      calendar,
      madridDate(requestAt),
      amendmentTermDays,
      sketch.applicantMunicipality,
    ),
  };
}

/** Signs a request as the office issues it without a card (its seal); the signed bytes. */
export type SealRequest = (request: RequestToSign) => Promise<Uint8Array>;

/**
 * The request's PDF as requestAmendment renders it, from the city hall's template, with the desk's
 * mark, and sealed as it is issued when a seal is given (the benches' cities go without).
 */
export class AmendmentRequestPdfs {
  readonly #template: AmendmentTemplate = loadAmendmentTemplate();
  readonly #issuer = loadResolutionTemplates().issuer.es;

  readonly #mark: GeneratedPdfMark | undefined;
  readonly #seal: SealRequest | undefined;

  constructor(mark?: GeneratedPdfMark, seal?: SealRequest) {
    this.#mark = mark;
    this.#seal = seal;
  }

  get title(): string {
    return this.#template.title.es;
  }

  readonly noticeTitle = translate('es', 'notifications.notice.documentTitle');

  /** The paper notice the messenger takes with the request, as the notifications module prints it. */
  notice(facts: {
    caseNumber: string;
    procedureName: string;
    applicant: { name: string; address: string; municipality: string };
    documentTitle: string;
    at: Date;
  }): Promise<Uint8Array> {
    return markedPdf(
      this.#mark,
      renderNotice({
        locale: 'es',
        issuer: this.#issuer,
        caseNumber: facts.caseNumber,
        procedureName: facts.procedureName,
        applicantName: facts.applicant.name,
        applicantAddress: facts.applicant.address,
        applicantMunicipality: facts.applicant.municipality,
        documentTitle: facts.documentTitle,
        at: facts.at,
      }),
    );
  }

  async render(facts: {
    caseNumber: string;
    procedureName: string;
    registryNumber: string;
    departmentName: string;
    applicantName: string;
    at: Date;
  }): Promise<Uint8Array> {
    const { title, text } = amendmentText(this.#template, 'es', {
      caseNumber: facts.caseNumber,
      procedureName: facts.procedureName,
      registryNumber: facts.registryNumber,
      missing: demoMissing,
      days: amendmentTermDays,
      allowsExtension: true,
    });
    const pdf = await markedPdf(
      this.#mark,
      renderAmendmentRequest({
        locale: 'es',
        issuer: this.#issuer,
        departmentName: facts.departmentName,
        caseNumber: facts.caseNumber,
        applicantName: facts.applicantName,
        title,
        text,
        at: facts.at,
      }),
    );
    return this.#seal ? this.#seal({ pdf, name: facts.caseNumber, reason: title, at: facts.at }) : pdf;
  }
}

/** The requests, their suspensions, their audit entries and the due dates they move, in the seed's transaction. */
export async function insertAmendmentRecords(
  trx: Transaction<OfficeSchema>,
  calendar: LegalCalendar,
  amendments: readonly SeededAmendment[],
): Promise<void> {
  if (amendments.length === 0) return;
  const notificationOf = await insertAccessedNotifications(trx, calendar, amendments);
  const requests = await trx
    .insertInto('amendment_requests')
    .values(
      amendments.map((amendment) => ({
        case_id: amendment.caseId,
        missing: demoMissing,
        term_days: amendmentTermDays,
        notified_on: amendment.notifiedOn,
        ends_on: amendment.endsOn,
        document_id: amendment.documentId,
        notification_id: notificationOf.get(amendment.caseId)!,
        state: 'pending' as const,
        created_by: amendment.actorId,
        created_at: amendment.requestAt,
      })),
    )
    .returning(['id', 'case_id'])
    .execute();
  const requestOf = new Map(requests.map((request) => [request.case_id, request.id]));
  await trx
    .insertInto('case_suspensions')
    .values(
      amendments.map((amendment) => ({
        case_id: amendment.caseId,
        from_on: amendment.notifiedOn,
        to_on: null,
        reason: 'amendment' as const,
        amendment_request_id: requestOf.get(amendment.caseId)!,
      })),
    )
    .execute();
  const audit = amendments.flatMap((amendment): AuditEntry[] => [
    {
      at: amendment.requestAt,
      actorId: amendment.actorId,
      caseId: amendment.caseId,
      action: 'amendment.requested',
      details: {
        amendment: requestOf.get(amendment.caseId)!,
        document: amendment.documentId,
        notificationId: notificationOf.get(amendment.caseId)!,
        pendingNotification: 1,
      },
    },
    {
      at: amendment.requestAt,
      actorId: amendment.actorId,
      caseId: amendment.caseId,
      action: 'case.state_changed',
      details: { from: 'in_progress', to: 'awaiting_amendment' },
    },
    {
      at: amendment.requestAt,
      actorId: amendment.actorId,
      caseId: amendment.caseId,
      action: 'notification.effective',
      details: {
        notificationId: notificationOf.get(amendment.caseId)!,
        state: amendment.noticeDocumentId === null ? 'accessed' : 'delivered',
        effectiveAt: amendment.requestAt.toISOString(),
      },
    },
    {
      at: amendment.requestAt,
      actorId: amendment.actorId,
      caseId: amendment.caseId,
      action: 'amendment.notified',
      details: {
        amendment: requestOf.get(amendment.caseId)!,
        notificationId: notificationOf.get(amendment.caseId)!,
        notifiedOn: amendment.notifiedOn,
        endsOn: amendment.endsOn,
        suspended: 1,
      },
    },
  ]);
  await appendAudit(trx, audit);
  await storeSuspendedDueDates(trx, calendar, amendments);
}

/**
 * The due dates the suspensions move, derived and audited as storeDerivedDueDates stores them
 * (the case's version and update dated at its request, by its processor, why `amendment_notified`),
 * but one statement and one audit append for the whole batch: storeDerivedDueDates takes one
 * instant and one actor, and called per case it was four statements a case (a second of a
 * 2,000-case seed).
 */
async function storeSuspendedDueDates(
  trx: Transaction<OfficeSchema>,
  calendar: LegalCalendar,
  amendments: readonly SeededAmendment[],
): Promise<void> {
  const byCase = new Map(amendments.map((amendment) => [amendment.caseId, amendment]));
  const changes = (await loadTermRecords(trx, [...byCase.keys()]))
    .map((record) => ({
      record,
      amendment: byCase.get(record.caseId)!,
      explanation: explainCaseDueDate(calendar, record),
    }))
    .filter(
      ({ record, explanation }) =>
        explanation.dueDate !== record.dueDate || explanation.nominalEnd !== record.nominalEnd,
    );
  if (changes.length === 0) return;
  const given = JSON.stringify(
    changes.map(({ record, amendment, explanation }) => ({
      id: record.caseId,
      moved: explanation.dueDate !== record.dueDate,
      due_date: explanation.dueDate,
      nominal_end: explanation.nominalEnd,
      at: amendment.requestAt,
    })),
  );
  // A due date that did not move only gets its nominal end, as storeDerivedDueDates fills one.
  await sql`update cases set due_date = given.due_date, nominal_end = given.nominal_end,
      version = cases.version + (case when given.moved then 1 else 0 end),
      updated_at = case when given.moved then given.at else cases.updated_at end
    from jsonb_to_recordset(${given}::jsonb)
      as given (id int, moved boolean, due_date date, nominal_end date, at timestamptz)
    where cases.id = given.id`.execute(trx);
  await appendAudit(
    trx,
    changes
      .filter(({ record, explanation }) => explanation.dueDate !== record.dueDate)
      .map(({ record, amendment, explanation }): AuditEntry => ({
        at: amendment.requestAt,
        actorId: amendment.actorId,
        caseId: record.caseId,
        action: 'case.due_date_recomputed',
        details: {
          from: record.dueDate,
          to: explanation.dueDate,
          why: 'amendment_notified',
          nominalEnd: explanation.nominalEnd,
          suspendedDays: explanation.suspendedDays,
        },
      })),
  );
}

type NotificationEventRow = Insertable<OfficeSchema['notification_events']>;

/**
 * Each seeded request's notification, as the desk makes it on the applicant's channel: made
 * available on the site and opened at once, or (a natural person who chose paper) its notice
 * printed and delivered at once; so the request is notified the day it went out, which is what its
 * term and suspension were planned from.
 */
async function insertAccessedNotifications(
  trx: Transaction<OfficeSchema>,
  calendar: LegalCalendar,
  amendments: readonly SeededAmendment[],
): Promise<Map<number, number>> {
  const cases = await trx
    .selectFrom('cases as c')
    .innerJoin('applicants as a', 'a.id', 'c.applicant_id')
    .select(['c.id', 'c.department_id', 'a.municipality'])
    .where(
      'c.id',
      'in',
      amendments.map((amendment) => amendment.caseId),
    )
    .execute();
  const caseOf = new Map(cases.map((row) => [row.id, row]));
  const inserted = await trx
    .insertInto('notifications')
    .values(
      amendments.map((amendment) => {
        const found = caseOf.get(amendment.caseId)!;
        const places = caseMunicipalities(calendar, found.municipality);
        const paper = amendment.noticeDocumentId !== null;
        return {
          case_id: amendment.caseId,
          department_id: found.department_id,
          document_id: amendment.documentId,
          purpose: 'amendment_request' as const,
          channel: paper ? ('paper' as const) : ('electronic' as const),
          state: paper ? ('delivered' as const) : ('accessed' as const),
          created_by: amendment.actorId,
          created_at: amendment.requestAt,
          made_available_at: paper ? null : amendment.requestAt,
          rejects_at: paper ? null : deemedRejection(calendar, amendment.requestAt, places).at,
          notice_document_id: amendment.noticeDocumentId,
          effective_at: amendment.requestAt,
        };
      }),
    )
    .returning(['id', 'case_id'])
    .execute();
  const byCase = new Map(amendments.map((amendment) => [amendment.caseId, amendment]));
  await trx
    .insertInto('notification_events')
    .values(
      inserted.flatMap((row): NotificationEventRow[] => {
        const amendment = byCase.get(row.case_id)!;
        const at = amendment.requestAt;
        const event = {
          notification_id: row.id,
          at,
          recorded_by: null,
          recorded_at: at,
          outcome: null,
          details: '{}',
        };
        return amendment.noticeDocumentId === null
          ? [
              { ...event, kind: 'made_available' as const, idempotency_key: 'made_available' },
              { ...event, kind: 'accessed' as const, idempotency_key: `site:demo-${row.id}` },
            ]
          : [
              { ...event, kind: 'notice_printed' as const, idempotency_key: 'notice_printed' },
              {
                ...event,
                kind: 'attempt' as const,
                outcome: 'delivered' as const,
                idempotency_key: `attempt:${at.toISOString()}`,
                details: JSON.stringify({ attempt: 1 }),
              },
            ];
      }),
    )
    .execute();
  return new Map(inserted.map((row) => [row.case_id, row.id]));
}

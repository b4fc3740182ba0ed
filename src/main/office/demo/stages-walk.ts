import type { Kysely } from 'kysely';
import type { LegalCalendar } from '../../../shared/domain/calendar';
import { madridDate } from '../../../shared/domain/calendar/dates';
import {
  extendAmendment,
  registerReply,
  requestAmendment,
  type AmendmentsContext,
} from '../amendments/requests';
import type { AmendmentRequestSigner } from '../amendments/handlers';
import { loadAmendmentTemplate } from '../amendments/template';
import type { ChangeFeed } from '../change-feed';
import { lockCaseForChange } from '../casework/case-change';
import { fileCaseDocument } from '../casework/case-documents';
import type { CaseworkContext } from '../casework/context';
import { addReport, draftReport } from '../casework/reports';
import { caseworkTemplates } from '../casework/templates';
import { deemWithdrawn, withdraw } from '../casework/withdrawals';
import {
  archive,
  notify,
  recordAccess,
  recordPaperAttempt,
  type NotificationsDependencies,
} from '../notifications/actions';
import { madridDayStart } from '../notifications/rules';
import { sweepNotifications } from '../notifications/sweep';
import { loadResolutionTemplates } from '../resolutions/template';
import { DocumentContents } from '../signatures/document-contents';
import { moveCase } from '../signatures/progress';
import type { GeneratedPdfMark } from '../generated-pdf';
import type { Store } from '../store/open-store';
import type { OfficeSchema } from '../store/schema';
import type { Actor } from '../users';
import { demoPdfWriter, type DemoPdfWriter } from './pdf';
import type { DemoStage, StagedCase } from './stages-plan';

const hourMs = 3_600_000;
const dayMs = 24 * hourMs;
const locale = 'es';

/** The seed's own changes reach no desk: nobody is signed in while the city is built. */
const silentFeed: ChangeFeed = {
  announce: () => undefined,
  announceSignatures: () => undefined,
  close: async () => undefined,
};

/** The office's functions as the contract handlers call them, on a clock the walk sets per step. */
class StageOffice {
  instant = new Date(0);
  readonly amendments: AmendmentsContext;
  readonly casework: CaseworkContext;
  readonly notifications: NotificationsDependencies;

  constructor(
    readonly db: Kysely<OfficeSchema>,
    calendar: LegalCalendar,
    documentsDir: string | null,
    /** The applicants' and the walk's own documents, with the desk's mark when it has one. */
    readonly writePdf: DemoPdfWriter,
    markPdf: GeneratedPdfMark | undefined,
  ) {
    const now = () => this.instant;
    const contents = new DocumentContents(documentsDir);
    const resolutionTemplates = loadResolutionTemplates();
    const issuer = resolutionTemplates.issuer;
    this.amendments = { db, calendar, contents, now, issuer, template: loadAmendmentTemplate(), markPdf };
    this.casework = {
      db,
      calendar,
      contents,
      now,
      changes: silentFeed,
      templates: caseworkTemplates(),
      resolutionTemplates,
      markPdf,
    };
    this.notifications = { db, calendar, contents, now, issuer, markPdf };
  }

  /** The clock at `instant`, and the case's version now (each step is a fresh read, as a desk's is). */
  async at(instant: Date, caseId: number): Promise<number> {
    this.instant = instant;
    const row = await this.db
      .selectFrom('cases')
      .select('version')
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    return row.version;
  }
}

const stageOffice = async (store: Store, calendar: LegalCalendar, markPdf: GeneratedPdfMark | undefined) =>
  new StageOffice(store.db, calendar, store.documentsDir, await demoPdfWriter(markPdf), markPdf);

const actorOf = (staged: StagedCase): Actor => ({
  id: staged.processor.id,
  name: staged.processor.name,
  departmentId: staged.processor.departmentId,
  roles: staged.processor.roles,
});

async function caseNumber(db: Kysely<OfficeSchema>, caseId: number): Promise<string> {
  const row = await db
    .selectFrom('cases')
    .select('number')
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
  return row.number;
}

async function walkAmendment(
  office: StageOffice,
  staged: StagedCase,
  actor: Actor,
  signRequest: AmendmentRequestSigner,
): Promise<void> {
  const planned = staged.amendment;
  if (!planned) return;
  const caseId = staged.caseId;
  await requestAmendment(
    office.amendments,
    actor,
    {
      caseId,
      version: await office.at(planned.requestAt, caseId),
      locale,
      missing:
        'Plano de situación firmado por técnico competente.\nJustificante del pago de la tasa correspondiente.',
    },
    signRequest(actor, undefined),
  );
  const request = await office.db
    .selectFrom('amendment_requests as q')
    .innerJoin('notifications as n', 'n.id', 'q.notification_id')
    .select(['q.id', 'n.id as notificationId', 'n.channel'])
    .where('q.case_id', '=', caseId)
    .orderBy('q.id', 'desc')
    .executeTakeFirstOrThrow();
  // The applicant takes the request the day it goes out (opened on the site, or handed over on paper).
  if (request.channel === 'electronic')
    await recordAccess(office.notifications, actor, {
      notificationId: request.notificationId,
      outcome: 'accessed',
      at: planned.requestAt,
      eventId: `demo-amendment-${request.id}`,
    });
  else
    await recordPaperAttempt(office.notifications, actor, {
      notificationId: request.notificationId,
      at: planned.requestAt,
      outcome: 'delivered',
    });
  if (planned.extendAt)
    await extendAmendment(office.amendments, actor, {
      caseId,
      version: await office.at(planned.extendAt, caseId),
      amendmentId: request.id,
      days: 5,
    });
  if (planned.replyAt) {
    const number = await caseNumber(office.db, caseId);
    const bytes = await office.writePdf({
      title: `Documentación aportada — ${number}`,
      lines: [`Expediente: ${number}`, 'Plano de situación firmado.', 'Justificante del pago de la tasa.'],
      date: planned.replyAt,
    });
    await registerReply(office.amendments, actor, {
      caseId,
      version: await office.at(planned.replyAt, caseId),
      amendmentId: request.id,
      receivedAt: planned.replyAt,
      files: [{ name: 'Documentación aportada', bytes }],
    });
  }
}

async function walkReport(office: StageOffice, staged: StagedCase, actor: Actor): Promise<void> {
  if (!staged.reportAt) return;
  const version = await office.at(staged.reportAt, staged.caseId);
  const draft = await draftReport(office.casework, actor, staged.caseId, 'technical', locale);
  await addReport(office.casework, actor, staged.caseId, version, {
    kind: 'template',
    templateId: 'technical',
    locale,
    body: draft.body,
  });
}

async function walkWithdrawal(office: StageOffice, staged: StagedCase, actor: Actor): Promise<void> {
  const withdrawal = staged.withdrawal;
  if (!withdrawal) return;
  const version = await office.at(withdrawal.at, staged.caseId);
  if (withdrawal.kind === 'applicant')
    await withdraw(office.casework, actor, staged.caseId, version, {
      kind: 'registry',
      registryNumber: `RE-${withdrawal.filedOn.slice(0, 4)}-D${String(staged.caseId).padStart(6, '0')}`,
      filedOn: withdrawal.filedOn,
    });
  else await deemWithdrawn(office.casework, actor, staged.caseId, version, undefined);
  await moveTo(office, staged, ['withdrawn'], staged.closedAt!);
}

async function moveTo(
  office: StageOffice,
  staged: StagedCase,
  path: Parameters<typeof moveCase>[2],
  at: Date,
) {
  await office.db.transaction().execute((trx) => moveCase(trx, staged.caseId, path, staged.processor.id, at));
}

/**
 * The resolution as the seed dates it, unsigned: the demo book (compose/demo-book.ts) sends it to
 * the department's head, who signs it that day, and the book's entry replaces it with the signed PDF.
 */
async function walkResolution(office: StageOffice, staged: StagedCase, actor: Actor): Promise<void> {
  const resolutionAt = staged.resolutionAt;
  if (!resolutionAt) return;
  await moveTo(office, staged, ['proposal', 'awaiting_signature'], new Date(resolutionAt.getTime() - dayMs));
  const number = await caseNumber(office.db, staged.caseId);
  const bytes = await office.writePdf({
    title: `Resolución — ${number}`,
    lines: [`Expediente: ${number}`, `Fecha: ${madridDate(resolutionAt)}`],
    date: resolutionAt,
  });
  const version = await office.at(resolutionAt, staged.caseId);
  await office.db.transaction().execute(async (trx) => {
    const found = await lockCaseForChange(trx, actor, staged.caseId, version);
    await fileCaseDocument(
      trx,
      office.casework.contents,
      found,
      { title: 'Resolución', documentType: 'TD01', origin: 1 },
      bytes,
      resolutionAt,
    );
    await moveCase(trx, staged.caseId, ['resolved'], null, resolutionAt);
  });
}

/**
 * The stages' work before the resolutions are signed: amendments and replies, reports,
 * withdrawals, and the resolved cases' unsigned resolutions. Returns the cases the demo book must
 * sign (those on their way to a notification).
 */
export async function walkStagesBeforeBook(
  store: Store,
  calendar: LegalCalendar,
  staged: readonly StagedCase[],
  /** Signs the amendment requests, as a desk signs them (the demo office's seal). */
  signRequest: AmendmentRequestSigner,
  markPdf?: GeneratedPdfMark,
): Promise<number[]> {
  const office = await stageOffice(store, calendar, markPdf);
  for (const one of staged) {
    const actor = actorOf(one);
    await walkAmendment(office, one, actor, signRequest);
    await walkReport(office, one, actor);
    await walkWithdrawal(office, one, actor);
    await walkResolution(office, one, actor);
  }
  return staged.filter((one) => one.resolutionAt).map((one) => one.caseId);
}

const notifiedStages = new Set<DemoStage>([
  'notice_pending',
  'notice_accessed',
  'notice_rejected',
  'notice_deemed_rejected',
  'notice_paper',
  'archived_whole_file',
]);

/** The hour `hour` of the Madrid day after `instant`. */
const nextDayAt = (instant: Date, hour: number): Date =>
  new Date(madridDayStart(madridDate(new Date(instant.getTime() + dayMs))).getTime() + hour * hourMs);

async function walkNotification(office: StageOffice, staged: StagedCase, now: Date): Promise<void> {
  const signed = await office.db
    .selectFrom('signature_requests')
    .select('closed_at')
    .where('case_id', '=', staged.caseId)
    .where('state', '=', 'signed')
    .executeTakeFirst();
  // A resolution the book left unsigned is not notified: the case stays resolved.
  if (!signed?.closed_at) return;
  const actor = actorOf(staged);
  const deps = office.notifications;
  const pending = staged.stage === 'notice_pending';
  const notifyAt = pending
    ? new Date(Math.max(signed.closed_at.getTime() + 2 * hourMs, now.getTime() - 2 * dayMs))
    : new Date(signed.closed_at.getTime() + 2 * hourMs);
  await office.at(notifyAt, staged.caseId);
  await notify(deps, actor, staged.caseId, locale);
  if (pending || staged.stage === 'notice_deemed_rejected') return;
  const notification = await office.db
    .selectFrom('notifications')
    .select('id')
    .where('case_id', '=', staged.caseId)
    .where('purpose', '=', 'resolution')
    .executeTakeFirstOrThrow();
  if (staged.stage === 'notice_paper') {
    const first = nextDayAt(notifyAt, 10);
    await office.at(first, staged.caseId);
    await recordPaperAttempt(deps, actor, { notificationId: notification.id, at: first, outcome: 'absent' });
    const second = new Date(first.getTime() + 7 * hourMs);
    await office.at(second, staged.caseId);
    await recordPaperAttempt(deps, actor, {
      notificationId: notification.id,
      at: second,
      outcome: 'delivered',
    });
    return;
  }
  const openedAt = nextDayAt(notifyAt, 9);
  await office.at(openedAt, staged.caseId);
  await recordAccess(deps, actor, {
    notificationId: notification.id,
    outcome: staged.stage === 'notice_rejected' ? 'rejected' : 'accessed',
    at: openedAt,
    eventId: `demo-${notification.id}`,
  });
  if (staged.stage !== 'archived_whole_file') return;
  await office.at(nextDayAt(openedAt, 12), staged.caseId);
  await archive(deps, actor, staged.caseId);
}

/**
 * The stages' work after the demo book signed the resolutions: each notified as the processor does
 * (electronically or on paper, by the applicant's channel), the site's access events and the
 * paper attempts recorded, the whole-file cases archived, and the sweep run at `now` (art. 43.2
 * deems the notifications left unopened ten days rejected).
 */
export async function walkStagesAfterBook(
  store: Store,
  calendar: LegalCalendar,
  staged: readonly StagedCase[],
  now: Date,
  markPdf?: GeneratedPdfMark,
): Promise<void> {
  const office = await stageOffice(store, calendar, markPdf);
  for (const one of staged) if (notifiedStages.has(one.stage)) await walkNotification(office, one, now);
  await sweepNotifications(store.db, calendar, now);
}

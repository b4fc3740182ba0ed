import { sql, type Kysely, type Transaction } from 'kysely';
import {
  amendmentTermDays,
  maxAmendmentExtensionDays,
  type CaseAmendments,
} from '../../../shared/api/amendments';
import { ApiError } from '../../../shared/api/errors';
import type { Locale } from '../../../shared/api/session';
import type { SigningFailure } from '../../../shared/api/signing-failure';
import type { DueDateExplanation, LegalCalendar } from '../../../shared/domain/calendar';
import { madridDate } from '../../../shared/domain/calendar/dates';
import { canTransition, type CaseState } from '../../../shared/domain/cases';
import { amendmentTermEnd, explainCaseDueDate, replyOutcome } from '../deadlines';
import { loadCaseForResolution, type CaseForResolution } from '../signatures/resolution';
import type { DocumentContents } from '../signatures/document-contents';
import { sha256Hex } from '../signatures/document-contents';
import { appendAudit } from '../store/audit';
import type { AmendmentRequestsTable, OfficeSchema } from '../store/schema';
import type { Actor } from '../users';
import type { ReplyFile } from './attachments';
import { loadTermRecords, rederiveCase } from './derivation';
import { suspensionFits } from './notified';
import { renderAmendmentRequest } from './document';
import { markedPdf, type GeneratedPdfMark } from '../generated-pdf';
import { openNotification, printNotice } from '../notifications/actions';
import { caseOfActor } from '../notifications/records';
import { amendmentText, type AmendmentTemplate } from './template';

type Db = Kysely<OfficeSchema> | Transaction<OfficeSchema>;

export interface AmendmentsContext {
  db: Kysely<OfficeSchema>;
  calendar: LegalCalendar;
  template: AmendmentTemplate;
  contents: DocumentContents;
  /** The issuing body as the request's heading names it (the resolution templates' issuer). */
  issuer: Record<Locale, string>;
  now: () => Date;
  /** The desk's mark on every PDF the office generates (the composition's; none by default). */
  markPdf?: GeneratedPdfMark;
}

interface WorkedCase {
  found: CaseForResolution;
  version: number;
  assigneeId: string | null;
  applicantMunicipality: string;
  allowsExtension: boolean;
}

/** The rendered request, for the signing step to sign (PAdES) before anything is stored. */
export interface RequestToSign {
  pdf: Uint8Array;
  /** Names the signing's temporary file: the case's number. */
  name: string;
  /** The signature's /Reason: the request's title. */
  reason: string;
  /** The request's instant (the office's clock): the signature's time. */
  at: Date;
}

/** The signed request and what signed it, or why the card did not sign (a wrong PIN, the card removed…). */
export type SignedRequest = { signed: Uint8Array; signedWith: 'card' | 'seal' } | { failure: SigningFailure };

/** The signing step the composition supplies: the processor's card, or the office's seal. */
export type SignRequest = (document: RequestToSign) => Promise<SignedRequest>;

/** Another department's case is `not_found` before anything about the request is looked at. */
export async function assertCaseInScope(db: Db, actor: Actor, caseId: number): Promise<void> {
  await loadCaseForResolution(db, actor, caseId);
}

/** The case when it is the actor's department's (else `not_found`), with what amendments need. */
async function loadWorkedCase(db: Db, actor: Actor, caseId: number): Promise<WorkedCase> {
  const found = await loadCaseForResolution(db, actor, caseId);
  const extra = await db
    .selectFrom('cases as c')
    .innerJoin('procedures as p', 'p.code', 'c.procedure_code')
    .innerJoin('applicants as a', 'a.id', 'c.applicant_id')
    .select(['c.version', 'c.assignee_id', 'a.municipality', 'p.allows_extension'])
    .where('c.id', '=', caseId)
    .executeTakeFirstOrThrow();
  return {
    found,
    version: extra.version,
    assigneeId: extra.assignee_id,
    applicantMunicipality: extra.municipality,
    allowsExtension: extra.allows_extension !== false,
  };
}

/**
 * Inside a change: the case locked, in the actor's department, held by the actor, at the version
 * the desk saw. A stale version is `conflict` with the current one, so the desk shows fresh data.
 */
async function lockWorkedCase(
  trx: Transaction<OfficeSchema>,
  actor: Actor,
  caseId: number,
  version: number,
): Promise<WorkedCase> {
  await sql`select id from cases where id = ${caseId} for update`.execute(trx);
  return assertHeldAt(await loadWorkedCase(trx, actor, caseId), actor, version);
}

/** The case held by the actor, at the version the desk saw: a stale one is `conflict` with the current one. */
function assertHeldAt(worked: WorkedCase, actor: Actor, version: number): WorkedCase {
  if (worked.assigneeId !== actor.id) throw new ApiError('forbidden', { reason: 'not_holder' });
  if (worked.version !== version) throw new ApiError('conflict', { version: worked.version });
  return worked;
}

/** The request's wording for this case (what the preview shows and the document carries). */
export async function previewAmendment(
  context: AmendmentsContext,
  actor: Actor,
  caseId: number,
  missing: string,
  locale: Locale,
): Promise<{ title: string; text: string; endsOn: string }> {
  const worked = await loadWorkedCase(context.db, actor, caseId);
  const today = context.calendar.today(context.now());
  return {
    ...textFor(context, worked, missing, locale),
    endsOn: amendmentTermEnd(context.calendar, today, amendmentTermDays, worked.applicantMunicipality),
  };
}

const textFor = (context: AmendmentsContext, worked: WorkedCase, missing: string, locale: Locale) =>
  amendmentText(context.template, locale, {
    caseNumber: worked.found.number,
    procedureName: worked.found.procedureName[locale],
    registryNumber: worked.found.registryNumber,
    missing,
    days: amendmentTermDays,
    allowsExtension: worked.allowsExtension,
  });

async function bumpCase(
  trx: Transaction<OfficeSchema>,
  caseId: number,
  at: Date,
  state?: CaseState,
): Promise<void> {
  await trx
    .updateTable('cases')
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: at, ...(state ? { state } : {}) }))
    .where('id', '=', caseId)
    .execute();
}

async function nextPosition(trx: Transaction<OfficeSchema>, caseId: number): Promise<number> {
  const last = await trx
    .selectFrom('documents')
    .select((eb) => eb.fn.coalesce(eb.fn.max('position'), eb.lit(0)).as('last'))
    .where('case_id', '=', caseId)
    .executeTakeFirstOrThrow();
  return Number(last.last) + 1;
}

/** The ENI identifier of a case's new document: the case's body (DIR3) and year, and a unique tail. */
const documentEniId = (caseEniId: string, at: Date, tail: string): string => {
  const body = caseEniId.split('_')[1] ?? '';
  return `ES_${body}_${madridDate(at).slice(0, 4)}_${tail}`;
};

/**
 * Art. 68.1: the request is generated from the template (what is missing, the 10 business days,
 * the warning of deemed withdrawal), signed by `sign` (the processor's card or the office's seal:
 * an act notified unsigned is not valid), stored as a case document with its ENI metadata (TD06,
 * origin 1, EE01), and notified in the same transaction on the applicant's channel, as a
 * resolution is (electronic: made available; paper: the printed notice). The case moves to
 * `awaiting_amendment`; the request is pending notification: its 10 days and the suspension of the
 * term to resolve (art. 22.1.a) start only when the notification is made (amendmentNotificationMade).
 * A term to resolve that has already ended cannot be suspended: the request is refused then.
 * Signing happens outside the transaction (a card can take seconds), after the case's holder,
 * version and state were checked, so a stale desk is never asked for a PIN; when it fails nothing
 * is stored and the failure is returned.
 */
export async function requestAmendment(
  context: AmendmentsContext,
  actor: Actor,
  input: { caseId: number; version: number; missing: string; locale: Locale },
  sign: SignRequest,
): Promise<{ departmentId: string } | { failure: SigningFailure }> {
  const at = context.now();
  const today = context.calendar.today(at);
  const preview = assertHeldAt(await loadWorkedCase(context.db, actor, input.caseId), actor, input.version);
  if (!canTransition(preview.found.state, 'awaiting_amendment'))
    throw new ApiError('invalid_transition', { reason: 'not_amendable' });
  const { title, text } = textFor(context, preview, input.missing, input.locale);
  const documentTitle = `${title} · ${preview.found.number}`;
  const rendered = await markedPdf(
    context.markPdf,
    renderAmendmentRequest({
      locale: input.locale,
      issuer: context.issuer[input.locale],
      departmentName: preview.found.departmentName,
      caseNumber: preview.found.number,
      applicantName: preview.found.applicantName,
      title,
      text,
      at,
    }),
  );
  const signing = await sign({ pdf: rendered, name: preview.found.number, reason: title, at });
  if ('failure' in signing) return signing;
  const pdf = signing.signed;
  const sha256 = sha256Hex(pdf);
  context.contents.writeFile(pdf);
  const recipient = await caseOfActor(context.db, actor, input.caseId);
  const notice =
    recipient.channel === 'paper'
      ? await printNotice(context, actor, { caseId: input.caseId, documentTitle, locale: input.locale, at })
      : null;
  return context.db.transaction().execute(async (trx) => {
    const worked = await lockWorkedCase(trx, actor, input.caseId, input.version);
    if (!canTransition(worked.found.state, 'awaiting_amendment'))
      throw new ApiError('invalid_transition', { reason: 'not_amendable' });
    // A request closed unanswered bars another: the case was deemed withdrawn.
    const unanswered = await trx
      .selectFrom('amendment_requests')
      .select('id')
      .where('case_id', '=', input.caseId)
      .where('state', '=', 'unanswered')
      .executeTakeFirst();
    if (unanswered) throw new ApiError('invalid_transition', { reason: 'amendment_closed_unanswered' });
    const endsIfNotifiedToday = amendmentTermEnd(
      context.calendar,
      today,
      amendmentTermDays,
      worked.applicantMunicipality,
    );
    if (
      !(await suspensionFits(trx, context.calendar, input.caseId, {
        from: today,
        to: null,
        until: endsIfNotifiedToday,
      }))
    )
      throw new ApiError('invalid_transition', { reason: 'term_ended' });
    await context.contents.record(trx, sha256, pdf);
    const position = await nextPosition(trx, input.caseId);
    const document = await trx
      .insertInto('documents')
      .values({
        case_id: input.caseId,
        position,
        title: documentTitle,
        eni_id: documentEniId(worked.found.eniId, at, `REQ${input.caseId}_${position}`),
        document_type: 'TD06',
        origin: 1,
        elaboration_state: 'EE01',
        format: 'PDF',
        captured_at: at,
        sha256,
        size: pdf.length,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const notificationId = await openNotification(
      trx,
      context,
      actor,
      await caseOfActor(trx, actor, input.caseId),
      { documentId: document.id, purpose: 'amendment_request', notice, locale: input.locale, at },
    );
    const request = await trx
      .insertInto('amendment_requests')
      .values({
        case_id: input.caseId,
        missing: input.missing,
        term_days: amendmentTermDays,
        notified_on: null,
        ends_on: null,
        document_id: document.id,
        notification_id: notificationId,
        state: 'pending',
        created_by: actor.id,
        created_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await bumpCase(trx, input.caseId, at, 'awaiting_amendment');
    await appendAudit(trx, [
      {
        at,
        actorId: actor.id,
        caseId: input.caseId,
        action: 'amendment.requested',
        details: {
          amendment: request.id,
          document: document.id,
          notificationId,
          pendingNotification: 1,
          signed_with: signing.signedWith,
        },
      },
      {
        at,
        actorId: actor.id,
        caseId: input.caseId,
        action: 'case.state_changed',
        details: { from: worked.found.state, to: 'awaiting_amendment' },
      },
    ]);
    return { departmentId: worked.found.departmentId };
  });
}

async function lockPendingRequest(trx: Transaction<OfficeSchema>, caseId: number, amendmentId: number) {
  const request = await trx
    .selectFrom('amendment_requests')
    .selectAll()
    .where('id', '=', amendmentId)
    .where('case_id', '=', caseId)
    .forUpdate()
    .executeTakeFirst();
  if (!request) throw new ApiError('not_found');
  if (request.state === 'unanswered')
    throw new ApiError('invalid_transition', { reason: 'amendment_closed_unanswered' });
  if (request.state !== 'pending') throw new ApiError('invalid_transition', { reason: 'already_replied' });
  return request;
}

/** The state a reader sees: a pending request with no notification day yet waits for its notification. */
const shownState = (row: { state: AmendmentRequestsTable['state']; notified_on: string | null }) =>
  row.state === 'pending' && row.notified_on === null ? ('pending_notification' as const) : row.state;

/**
 * Art. 68.1 and 22.1.a: the case is deemed withdrawn because its amendment term ended unanswered.
 * Its request is closed as unanswered and its suspension ends on the granted term's last day (the
 * term to resolve stood still until then, no longer), and the due date is derived again. Returns
 * the request's term, or null when the office has no running request for the case (one made
 * before Despacho recorded them). In the caller's transaction, the case already locked.
 */
export async function closeUnansweredAmendment(
  trx: Transaction<OfficeSchema>,
  context: Pick<AmendmentsContext, 'calendar'>,
  actor: Actor,
  caseId: number,
  at: Date,
): Promise<{ notifiedOn: string; endsOn: string } | null> {
  const request = await trx
    .selectFrom('amendment_requests')
    .select(['id', 'notified_on', 'ends_on'])
    .where('case_id', '=', caseId)
    .where('state', '=', 'pending')
    .forUpdate()
    .executeTakeFirst();
  if (!request || request.notified_on === null || request.ends_on === null) return null;
  await trx
    .updateTable('amendment_requests')
    .set({ state: 'unanswered' })
    .where('id', '=', request.id)
    .execute();
  // A request notified after the term to resolve ended suspended nothing: there is no suspension to end.
  const ended = await trx
    .updateTable('case_suspensions')
    .set({ to_on: request.ends_on })
    .where('amendment_request_id', '=', request.id)
    .where('to_on', 'is', null)
    .executeTakeFirst();
  await appendAudit(trx, [
    {
      at,
      actorId: actor.id,
      caseId,
      action: 'amendment.closed_unanswered',
      details: {
        amendment: request.id,
        notifiedOn: request.notified_on,
        endsOn: request.ends_on,
        suspensionEnded: Number(ended.numUpdatedRows) > 0 ? 1 : 0,
      },
    },
  ]);
  await rederiveCase(trx, context.calendar, actor.id, caseId, at, 'amendment_unanswered');
  return { notifiedOn: request.notified_on, endsOn: request.ends_on };
}

/**
 * Art. 68.2: on the applicant's request, the term is extended by up to five business days in all,
 * where the procedure allows it and while the term still runs; the suspension lasts with it.
 */
export async function extendAmendment(
  context: AmendmentsContext,
  actor: Actor,
  input: { caseId: number; version: number; amendmentId: number; days: number },
): Promise<{ departmentId: string }> {
  const at = context.now();
  const today = context.calendar.today(at);
  return context.db.transaction().execute(async (trx) => {
    const worked = await lockWorkedCase(trx, actor, input.caseId, input.version);
    const request = await lockPendingRequest(trx, input.caseId, input.amendmentId);
    if (!worked.allowsExtension)
      throw new ApiError('invalid_transition', { reason: 'extension_not_allowed' });
    const extension = request.extension_days + input.days;
    if (extension > maxAmendmentExtensionDays)
      throw new ApiError('invalid_transition', {
        reason: 'extension_too_long',
        max: maxAmendmentExtensionDays,
      });
    // The term runs from the notification (art. 68.1): before it is made there is nothing to extend.
    if (request.notified_on === null || request.ends_on === null)
      throw new ApiError('invalid_transition', { reason: 'amendment_not_notified' });
    if (today > request.ends_on) throw new ApiError('invalid_transition', { reason: 'amendment_term_ended' });
    const endsOn = amendmentTermEnd(
      context.calendar,
      request.notified_on,
      request.term_days + extension,
      worked.applicantMunicipality,
    );
    await trx
      .updateTable('amendment_requests')
      .set({ extension_days: extension, ends_on: endsOn })
      .where('id', '=', request.id)
      .execute();
    await bumpCase(trx, input.caseId, at);
    await appendAudit(trx, [
      {
        at,
        actorId: actor.id,
        caseId: input.caseId,
        action: 'amendment.extended',
        details: { amendment: request.id, days: input.days, from: request.ends_on, to: endsOn },
      },
    ]);
    await rederiveCase(trx, context.calendar, actor.id, input.caseId, at, 'amendment_extended');
    return { departmentId: worked.found.departmentId };
  });
}

/**
 * The applicant's reply: its PDFs become case documents (origin 0, TD18), the filing is judged by
 * art. 31.2.b (a non-business day counts as the next business day, on the registry seat's calendar)
 * against the granted term, and the suspension ends: on the day the reply counts as filed, or, for
 * a late one, on the term's last day (art. 22.1.a). A reply that comes in before the request's
 * notification was made answers it too, in time, with nothing suspended. The case goes back to
 * `in_progress` and its due date is derived again.
 */
export async function registerReply(
  context: AmendmentsContext,
  actor: Actor,
  input: {
    caseId: number;
    version: number;
    amendmentId: number;
    receivedAt: Date;
    files: readonly ReplyFile[];
  },
): Promise<{ departmentId: string }> {
  const at = context.now();
  if (input.receivedAt.getTime() > at.getTime())
    throw new ApiError('invalid_input', { field: 'receivedAt', reason: 'future' });
  const hashed = input.files.map((file) => ({ ...file, sha256: sha256Hex(file.bytes) }));
  for (const file of hashed) context.contents.writeFile(file.bytes);
  return context.db.transaction().execute(async (trx) => {
    const worked = await lockWorkedCase(trx, actor, input.caseId, input.version);
    const request = await lockPendingRequest(trx, input.caseId, input.amendmentId);
    if (madridDate(input.receivedAt) < (request.notified_on ?? madridDate(request.created_at)))
      throw new ApiError('invalid_input', { field: 'receivedAt', reason: 'before_request' });
    // A reply before the notification was made answers the request: no term ran, nothing was suspended.
    const { deemedOn, late, suspensionEnds } =
      request.ends_on === null
        ? {
            deemedOn: context.calendar.deemedFiling(input.receivedAt).deemedOn,
            late: false,
            suspensionEnds: null,
          }
        : replyOutcome(context.calendar, input.receivedAt, request.ends_on);
    let position = await nextPosition(trx, input.caseId);
    const documentIds: number[] = [];
    for (const file of hashed) {
      await context.contents.record(trx, file.sha256, file.bytes);
      const document = await trx
        .insertInto('documents')
        .values({
          case_id: input.caseId,
          position,
          // The applicant's own name for the file: what the reply is, in their words.
          title: file.name,
          eni_id: documentEniId(worked.found.eniId, input.receivedAt, `SUB${input.caseId}_${position}`),
          document_type: 'TD18',
          origin: 0,
          elaboration_state: 'EE01',
          format: 'PDF',
          captured_at: input.receivedAt,
          sha256: file.sha256,
          size: file.bytes.length,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      documentIds.push(document.id);
      position += 1;
    }
    await trx
      .updateTable('amendment_requests')
      .set({
        state: 'replied',
        replied_at: input.receivedAt,
        reply_deemed_on: deemedOn,
        reply_late: late,
        reply_registered_by: actor.id,
        reply_document_ids: documentIds,
      })
      .where('id', '=', request.id)
      .where('state', '=', 'pending')
      .execute();
    if (suspensionEnds !== null)
      await trx
        .updateTable('case_suspensions')
        .set({ to_on: suspensionEnds })
        .where('amendment_request_id', '=', request.id)
        .execute();
    const back = worked.found.state === 'awaiting_amendment' ? 'in_progress' : null;
    await bumpCase(trx, input.caseId, at, back ?? undefined);
    await appendAudit(trx, [
      {
        at,
        actorId: actor.id,
        caseId: input.caseId,
        action: late ? 'amendment.replied_late' : 'amendment.replied',
        details: {
          amendment: request.id,
          receivedAt: input.receivedAt.toISOString(),
          deemedOn,
          endsOn: request.ends_on,
          documents: documentIds.length,
          ...(request.notified_on === null ? { beforeNotification: 1 } : {}),
        },
      },
      ...(back
        ? [
            {
              at,
              actorId: actor.id,
              caseId: input.caseId,
              action: 'case.state_changed',
              details: { from: worked.found.state, to: back },
            },
          ]
        : []),
    ]);
    await rederiveCase(trx, context.calendar, actor.id, input.caseId, at, 'amendment_replied');
    return { departmentId: worked.found.departmentId };
  });
}

/** The case's amendment requests, oldest first, for a reader of its department. */
export async function caseAmendments(db: Db, actor: Actor, caseId: number): Promise<CaseAmendments> {
  const worked = await loadWorkedCase(db, actor, caseId);
  const rows = await db
    .selectFrom('amendment_requests as q')
    .leftJoin('case_suspensions as s', 's.amendment_request_id', 'q.id')
    .leftJoin('notifications as n', 'n.id', 'q.notification_id')
    .innerJoin('users as creator', 'creator.id', 'q.created_by')
    .leftJoin('users as registrar', 'registrar.id', 'q.reply_registered_by')
    .select([
      'q.id',
      'q.missing',
      'q.term_days',
      'q.notified_on',
      'q.ends_on',
      'q.extension_days',
      'q.document_id',
      'q.state',
      'q.created_at',
      'q.replied_at',
      'q.reply_deemed_on',
      'q.reply_late',
      'q.reply_document_ids',
      'creator.name as created_by_name',
      'registrar.name as registered_by_name',
      's.from_on',
      's.to_on',
      'n.id as notification_id',
      'n.state as notification_state',
      'n.channel as notification_channel',
    ])
    .where('q.case_id', '=', caseId)
    .orderBy('q.created_at')
    .orderBy('q.id')
    .execute();
  return {
    caseId: String(caseId),
    caseVersion: worked.version,
    allowsExtension: worked.allowsExtension,
    amendments: rows.map((row) => ({
      id: String(row.id),
      missing: row.missing,
      termDays: row.term_days,
      notifiedOn: row.notified_on,
      endsOn: row.ends_on,
      extensionDays: row.extension_days,
      documentId: String(row.document_id),
      state: shownState(row),
      createdAt: row.created_at.toISOString(),
      createdByName: row.created_by_name,
      suspension: row.from_on === null ? null : { from: row.from_on, to: row.to_on },
      notification:
        row.notification_id === null || row.notification_state === null || row.notification_channel === null
          ? null
          : {
              id: String(row.notification_id),
              state: row.notification_state,
              channel: row.notification_channel,
            },
      reply:
        row.replied_at === null
          ? null
          : {
              at: row.replied_at.toISOString(),
              deemedOn: row.reply_deemed_on!,
              late: row.reply_late!,
              documentIds: row.reply_document_ids.map(String),
              registeredByName: row.registered_by_name,
            },
    })),
  };
}

/** The case's due date explained, with the running suspension if there is one, or a request not notified yet. */
export async function explainCase(
  db: Db,
  calendar: LegalCalendar,
  actor: Actor,
  caseId: number,
): Promise<{
  explanation: DueDateExplanation;
  runningSuspension: { from: string; until: string } | null;
  amendmentPendingNotification: boolean;
}> {
  await loadCaseForResolution(db, actor, caseId);
  const [record] = await loadTermRecords(db, [caseId]);
  if (!record) throw new ApiError('not_found');
  const running = record.suspensions.find((suspension) => suspension.to === null);
  const unnotified = await db
    .selectFrom('amendment_requests')
    .select('id')
    .where('case_id', '=', caseId)
    .where('state', '=', 'pending')
    .where('notified_on', 'is', null)
    .executeTakeFirst();
  return {
    explanation: explainCaseDueDate(calendar, record),
    runningSuspension: running ? { from: running.from, until: running.until } : null,
    amendmentPendingNotification: unnotified !== undefined,
  };
}

import type { Kysely, Transaction } from 'kysely';
import type { Withdrawal, WithdrawalEvidence } from '../../../shared/api/casework';
import type { CaseRow } from '../../../shared/api/cases';
import { ApiError } from '../../../shared/api/errors';
import type { Locale } from '../../../shared/api/session';
import { madridDate } from '../../../shared/domain/calendar/dates';
import { translate } from '../../../shared/i18n/index';
import { closeUnansweredAmendment } from '../amendments/requests';
import { amendmentTermEnd } from '../deadlines';
import { draftFacts, type CaseForResolution } from '../signatures/resolution';
import { moveCase } from '../signatures/progress';
import type { ResolutionTemplates, ResolutionText } from '../resolutions/template';
import { appendAudit } from '../store/audit';
import type { OfficeSchema } from '../store/schema';
import type { Actor } from '../users';
import { lockCaseForChange, touchCase, type LockedCase } from './case-change';
import { fileCaseDocument } from './case-documents';
import type { CaseworkContext } from './context';
import { changedCaseRow } from './reports';
import { caseworkTemplates, withdrawalResolution } from './templates';
import { readUploadedPdf } from './uploaded-pdf';
import { withdrawalOf, withWithdrawals, type WithdrawalsTable } from './withdrawal-records';

/** Art. 68.1: the applicant has 10 business days to remedy the application. */
export const amendmentTermBusinessDays = 10;

/**
 * A withdrawal is registered once, on an open case with no resolution on its way to signature (that
 * request is withdrawn first): a case in `registered` or `awaiting_amendment` goes `in_progress`, where
 * the resolution declaring the withdrawal is drafted and sent.
 */
async function recordWithdrawal(
  trx: Transaction<OfficeSchema>,
  found: LockedCase,
  row: Omit<WithdrawalsTable, 'case_id' | 'recorded_by' | 'recorded_at'>,
  actor: Actor,
  at: Date,
): Promise<void> {
  await withWithdrawals(trx)
    .insertInto('withdrawals')
    .values({ ...row, case_id: found.id, recorded_by: actor.id, recorded_at: at })
    .execute();
  if (found.state === 'registered' || found.state === 'awaiting_amendment')
    await moveCase(trx, found.id, ['in_progress'], actor.id, at);
  else await touchCase(trx, found.id, at);
}

async function refuseUnlessWithdrawable(trx: Transaction<OfficeSchema>, found: LockedCase): Promise<void> {
  if (!found.isOpen) throw new ApiError('invalid_transition', { reason: 'case_closed' });
  const already = await withWithdrawals(trx)
    .selectFrom('withdrawals')
    .select('kind')
    .where('case_id', '=', found.id)
    .executeTakeFirst();
  if (already) throw new ApiError('invalid_transition', { reason: 'already_withdrawn' });
  if (found.state === 'awaiting_signature') throw new ApiError('signature_request_pending');
}

async function withdrawn(context: CaseworkContext, caseId: number) {
  return {
    case: await changedCaseRow(context, caseId),
    withdrawal: (await withdrawalOf(context.db, caseId)) as Withdrawal,
  };
}

/**
 * Art. 94: the applicant's withdrawal, by a registry entry or their written request (a PDF filed in
 * the case as the applicant's document, TD14). The filing day is a past day, not before the case.
 */
export async function withdraw(
  context: CaseworkContext,
  actor: Actor,
  caseId: number,
  version: number,
  evidence: WithdrawalEvidence,
): Promise<{ case: CaseRow; withdrawal: Withdrawal }> {
  const at = context.now();
  if (evidence.filedOn > madridDate(at)) throw new ApiError('invalid_input', { field: 'evidence.filedOn' });
  const bytes = evidence.kind === 'pdf' ? await readUploadedPdf(evidence.file) : null;
  await context.db.transaction().execute(async (trx) => {
    const found = await lockCaseForChange(trx, actor, caseId, version);
    await refuseUnlessWithdrawable(trx, found);
    const registered = await trx
      .selectFrom('cases as c')
      .innerJoin('registry_entries as r', 'r.id', 'c.registry_entry_id')
      .select('r.registered_at')
      .where('c.id', '=', caseId)
      .executeTakeFirstOrThrow();
    if (evidence.filedOn < madridDate(registered.registered_at))
      throw new ApiError('invalid_input', { field: 'evidence.filedOn' });
    const document = bytes
      ? await fileCaseDocument(
          trx,
          context.contents,
          found,
          { title: translate('es', 'casework.withdrawal.documentTitle'), documentType: 'TD14', origin: 0 },
          bytes,
          at,
        )
      : null;
    const registryNumber = evidence.kind === 'registry' ? evidence.registryNumber : null;
    await recordWithdrawal(
      trx,
      found,
      {
        kind: 'applicant',
        registry_number: registryNumber,
        filed_on: evidence.filedOn,
        document_id: document ? Number(document.id) : null,
        amendment_notified_on: null,
        amendment_term_ended_on: null,
      },
      actor,
      at,
    );
    await appendAudit(trx, [
      {
        at,
        actorId: actor.id,
        caseId,
        action: 'casework.withdrawal_registered',
        details: {
          filedOn: evidence.filedOn,
          registryNumber,
          document: document ? Number(document.id) : null,
        },
      },
    ]);
  });
  return withdrawn(context, caseId);
}

/**
 * The amendment term the case awaits: the office's record of the request when there is one (its
 * notification day and last day, an extension included), or else the notification day the
 * processor gives (a request made before Despacho recorded them) and the 10 business days counted
 * from it on the body's and the applicant's calendars (art. 30).
 */
async function amendmentTerm(
  trx: Transaction<OfficeSchema>,
  context: Pick<CaseworkContext, 'calendar'>,
  caseId: number,
  givenNotifiedOn: string | undefined,
): Promise<{ notifiedOn: string; endsOn: string }> {
  const recorded = await trx
    .selectFrom('amendment_requests')
    .select(['notified_on', 'ends_on'])
    .where('case_id', '=', caseId)
    .where('state', '=', 'pending')
    .executeTakeFirst();
  if (recorded) {
    // Art. 68.1: the 10 days run from the request's notification; until it is made, none has ended.
    if (recorded.notified_on === null || recorded.ends_on === null)
      throw new ApiError('invalid_transition', { reason: 'amendment_not_notified' });
    return { notifiedOn: recorded.notified_on, endsOn: recorded.ends_on };
  }
  if (givenNotifiedOn === undefined)
    throw new ApiError('invalid_input', { field: 'amendmentNotifiedOn', reason: 'notification_date_needed' });
  const applicant = await trx
    .selectFrom('cases as c')
    .innerJoin('applicants as a', 'a.id', 'c.applicant_id')
    .select('a.municipality')
    .where('c.id', '=', caseId)
    .executeTakeFirstOrThrow();
  const endsOn = amendmentTermEnd(
    context.calendar,
    givenNotifiedOn,
    amendmentTermBusinessDays,
    applicant.municipality,
  );
  return { notifiedOn: givenNotifiedOn, endsOn };
}

/**
 * Art. 68.1: a case still awaiting its amendment after the 10 business days (from the day after the
 * notification) ended is deemed withdrawn. The term has ended only once its last day is over. The
 * office's request, if it recorded one, is closed unanswered and its suspension ends on that last day.
 */
export async function deemWithdrawn(
  context: CaseworkContext,
  actor: Actor,
  caseId: number,
  version: number,
  givenNotifiedOn: string | undefined,
): Promise<{ case: CaseRow; withdrawal: Withdrawal }> {
  const at = context.now();
  const today = madridDate(at);
  if (givenNotifiedOn !== undefined && givenNotifiedOn > today)
    throw new ApiError('invalid_input', { field: 'amendmentNotifiedOn' });
  await context.db.transaction().execute(async (trx) => {
    const found = await lockCaseForChange(trx, actor, caseId, version);
    await refuseUnlessWithdrawable(trx, found);
    if (found.state !== 'awaiting_amendment')
      throw new ApiError('invalid_transition', { reason: 'not_awaiting_amendment' });
    const { notifiedOn, endsOn: termEndedOn } = await amendmentTerm(trx, context, caseId, givenNotifiedOn);
    if (termEndedOn >= today)
      throw new ApiError('invalid_transition', { reason: 'amendment_term_running', termEndsOn: termEndedOn });
    await closeUnansweredAmendment(trx, context, actor, caseId, at);
    await recordWithdrawal(
      trx,
      found,
      {
        kind: 'deemed',
        registry_number: null,
        filed_on: null,
        document_id: null,
        amendment_notified_on: notifiedOn,
        amendment_term_ended_on: termEndedOn,
      },
      actor,
      at,
    );
    await appendAudit(trx, [
      {
        at,
        actorId: actor.id,
        caseId,
        action: 'casework.deemed_withdrawn',
        details: { notifiedOn, termEndedOn },
      },
    ]);
  });
  return withdrawn(context, caseId);
}

const longDate = (date: string | null, locale: Locale): string =>
  date === null
    ? ''
    : new Intl.DateTimeFormat(locale === 'es' ? 'es-ES' : 'ca-ES', {
        dateStyle: 'long',
        timeZone: 'UTC',
      }).format(new Date(`${date}T00:00:00Z`));

/**
 * The resolution to draft for a case with a recorded withdrawal: its template, filled from the case
 * and the withdrawal. Null when the case has none, or when a request sent after it came back (its
 * text, what the processor wrote, is the draft then).
 */
export async function withdrawalDraft(
  context: { db: Kysely<OfficeSchema>; templates: ResolutionTemplates },
  found: CaseForResolution,
  locale: Locale,
  lastSentAt: Date | null,
): Promise<{ title: string; text: ResolutionText } | null> {
  const withdrawal = await withdrawalOf(context.db, found.id);
  if (!withdrawal || (lastSentAt !== null && lastSentAt > new Date(withdrawal.recordedAt))) return null;
  return withdrawalResolution(
    caseworkTemplates(),
    context.templates,
    withdrawal.kind,
    draftFacts(found, locale),
    {
      registryNumber: withdrawal.registryNumber ?? translate(locale, 'casework.withdrawal.writtenRequest'),
      filedOn: longDate(withdrawal.filedOn, locale),
      amendmentNotifiedOn: longDate(withdrawal.amendmentNotifiedOn, locale),
      amendmentTermEndedOn: longDate(withdrawal.amendmentTermEndedOn, locale),
    },
    locale,
  );
}

import type { Transaction } from 'kysely';
import { ApiError } from '../../../shared/api/errors';
import type { Locale } from '../../../shared/api/session';
import type {
  ResolutionTextInput,
  SignaturePriority,
  SignatureRequest,
  SigningMode,
  StepAction,
} from '../../../shared/api/signatures';
import { withdrawalDraft } from '../casework/withdrawals';
import { markedPdf } from '../generated-pdf';
import { renderResolution } from '../resolutions/render';
import { draftResolutionText, type ResolutionTemplates } from '../resolutions/template';
import { appendAudit, type AuditEntry } from '../store/audit';
import type { OfficeSchema } from '../store/schema';
import type { Actor } from '../users';
import { clockOf, type SignaturesContext } from './context';
import { sha256Hex } from './document-contents';
import { actingStep, closedStateError, viewerStep } from './eligibility';
import { closeRequest, completeStep, moveCase, newsOf, type SignatureNews } from './progress';
import {
  idIn,
  isOverdue,
  loadRequestIn,
  loadRequests,
  lockRequest,
  requestsOfCase,
  toSignatureRequest,
  type RequestRecord,
} from './records';
import {
  defaultTitle,
  draftFacts,
  type CaseForResolution,
  loadCaseForResolution,
  resolutionDocument,
  resolutionSha256,
  sentResolution,
  signatureFieldName,
} from './resolution';
import { actingForToday, departmentHeads } from './substitutions';

const uniqueViolation = '23505';

/** The request as the actor sees it now, with the step they may act on. */
export async function requestFor(
  context: SignaturesContext,
  actor: Actor,
  id: number,
): Promise<SignatureRequest> {
  const { today } = clockOf(context);
  const record = await loadRequestIn(context.db, actor.departmentId, id);
  const actingFor = await actingForToday(context.db, actor.id, today);
  return toSignatureRequest(record, today, viewerStep(record, actor, actingFor, today));
}

export async function requestsForCase(
  context: SignaturesContext,
  actor: Actor,
  rawCaseId: string,
): Promise<SignatureRequest[]> {
  const { today } = clockOf(context);
  const found = await loadCaseForResolution(context.db, actor, idIn(rawCaseId));
  const [records, actingFor] = await Promise.all([
    requestsOfCase(context.db, found.id),
    actingForToday(context.db, actor.id, today),
  ]);
  return records.map((record) =>
    toSignatureRequest(record, today, viewerStep(record, actor, actingFor, today)),
  );
}

/**
 * The text to edit: the case's last request that came back, when it was written in this language
 * (nothing the processor wrote is lost), or the procedure's template filled from the case; after a
 * withdrawal was recorded (casework), the template of the resolution that declares it.
 */
export async function draft(context: SignaturesContext, actor: Actor, rawCaseId: string, locale: Locale) {
  const found = await loadCaseForResolution(context.db, actor, idIn(rawCaseId));
  const [previous] = await requestsOfCase(context.db, found.id);
  const withdrawal = await withdrawalDraft(context, found, locale, previous?.createdAt ?? null);
  if (withdrawal) return { locale, ...withdrawal, source: 'template' as const };
  if (previous && previous.state !== 'pending' && previous.state !== 'signed' && previous.locale === locale)
    return { locale, title: previous.title, text: previous.resolution.text, source: 'previous' as const };
  return {
    locale,
    title: defaultTitle(locale),
    text: draftResolutionText(context.templates, draftFacts(found, locale), locale),
    source: 'template' as const,
  };
}

async function eligibleSigners(
  db: SignaturesContext['db'] | Transaction<OfficeSchema>,
  departmentId: string,
  signerIds: readonly string[],
): Promise<void> {
  const heads = new Set((await departmentHeads(db, departmentId).execute()).map((head) => head.id));
  if (new Set(signerIds).size !== signerIds.length || signerIds.some((id) => !heads.has(id)))
    throw new ApiError('signature_signer_not_eligible');
}

/** The draft as its PDF will be, watermarked, with an empty field per signer asked for. */
export async function preview(
  context: SignaturesContext,
  actor: Actor,
  input: { caseId: string; locale: Locale; text: ResolutionTextInput; signerIds: readonly string[] },
) {
  const found = await loadCaseForResolution(context.db, actor, idIn(input.caseId));
  await eligibleSigners(context.db, found.departmentId, input.signerIds);
  const fields = input.signerIds.map((signerId, index) => signatureFieldName(index + 1, signerId));
  const resolution = sentResolution(context.templates, found, input.locale, input.text, fields);
  const pdf = await markedPdf(
    context.markPdf,
    renderResolution(resolutionDocument(input.locale, resolution, null, context.now())),
  );
  return { pdfBase64: Buffer.from(pdf).toString('base64'), sha256: sha256Hex(pdf), size: pdf.byteLength };
}

/**
 * Writes a request as sent (the resolution with its signature fields, its hash, its steps), in the
 * caller's transaction; `sentEntry` is its audit row. The caller checked who may send what.
 */
export async function writeRequest(
  trx: Transaction<OfficeSchema>,
  templates: ResolutionTemplates,
  found: CaseForResolution,
  input: Omit<SendInput, 'caseId'>,
  senderId: string,
  at: Date,
): Promise<{ id: number; sha256: string }> {
  const steps = input.steps.map((step, index) => ({
    position: index + 1,
    signer_id: step.signerId,
    action: step.action,
    field_name: step.action === 'sign' ? signatureFieldName(index + 1, step.signerId) : null,
    state: input.mode === 'parallel' || index === 0 ? ('pending' as const) : ('waiting' as const),
  }));
  const resolution = sentResolution(
    templates,
    found,
    input.locale,
    input.text,
    steps.flatMap((step) => step.field_name ?? []),
  );
  const sha256 = resolutionSha256(input.title, input.locale, resolution);
  const created = await trx
    .insertInto('signature_requests')
    .values({
      case_id: found.id,
      department_id: found.departmentId,
      title: input.title,
      locale: input.locale,
      resolution: JSON.stringify(resolution),
      resolution_sha256: sha256,
      mode: input.mode,
      priority: input.priority,
      expires_on: input.expiresOn,
      state: 'pending',
      created_by: senderId,
      created_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('signature_steps')
    .values(steps.map((step) => ({ ...step, request_id: created.id })))
    .execute();
  return { id: created.id, sha256 };
}

export const sentEntry = (
  caseId: number,
  input: Omit<SendInput, 'caseId'>,
  created: { id: number; sha256: string },
  senderId: string,
  at: Date,
): AuditEntry => ({
  at,
  actorId: senderId,
  caseId,
  action: 'signature.sent',
  details: {
    request: created.id,
    mode: input.mode,
    priority: input.priority,
    expiresOn: input.expiresOn,
    signers: input.steps.map((step) => `${step.signerId}:${step.action}`).join(','),
    sha256: created.sha256,
  },
});

export interface SendInput {
  caseId: string;
  locale: Locale;
  title: string;
  text: ResolutionTextInput;
  mode: SigningMode;
  priority: SignaturePriority;
  expiresOn: string;
  steps: readonly { signerId: string; action: StepAction }[];
}

/**
 * Sends the resolution for signature: the case goes `in_progress → proposal → awaiting_signature`
 * (each step audited), the first step (cascade) or every step (parallel) is pending.
 */
export async function send(
  context: SignaturesContext,
  actor: Actor,
  input: SendInput,
): Promise<SignatureRequest> {
  const { at, today } = clockOf(context);
  const caseId = idIn(input.caseId);
  if (!input.steps.some((step) => step.action === 'sign'))
    throw new ApiError('invalid_input', { field: 'steps' });
  if (input.expiresOn < today) throw new ApiError('invalid_input', { field: 'expiresOn' });
  await expireOverdue(
    context,
    (await requestsOfCase(context.db, caseId)).filter((r) => isOverdue(r, today)),
  );
  let news: SignatureNews;
  let id: number;
  try {
    ({ news, id } = await context.db.transaction().execute(async (trx) => {
      const found = await loadCaseForResolution(trx, actor, caseId);
      const pending = await trx
        .selectFrom('signature_requests')
        .select('id')
        .where('case_id', '=', caseId)
        .where('state', '=', 'pending')
        .executeTakeFirst();
      if (pending) throw new ApiError('signature_request_pending');
      if (found.state !== 'in_progress' && found.state !== 'proposal')
        throw new ApiError('invalid_transition');
      await eligibleSigners(
        trx,
        found.departmentId,
        input.steps.map((step) => step.signerId),
      );
      const created = await writeRequest(trx, context.templates, found, input, actor.id, at);
      await moveCase(
        trx,
        caseId,
        found.state === 'in_progress' ? ['proposal', 'awaiting_signature'] : ['awaiting_signature'],
        actor.id,
        at,
      );
      await appendAudit(trx, [sentEntry(caseId, input, created, actor.id, at)]);
      const request = { id: created.id, caseId, departmentId: found.departmentId, steps: input.steps };
      return { id: created.id, news: await newsOf(trx, request, 'sent', actor.id, today) };
    }));
  } catch (error) {
    // Two desks sending at once: the index on pending requests decides.
    if ((error as { code?: unknown }).code === uniqueViolation)
      throw new ApiError('signature_request_pending');
    throw error;
  }
  context.announce([news]);
  return requestFor(context, actor, id);
}

/**
 * Runs one change to a request under its row lock. A request found past its last day is expired
 * instead (committed, announced) and the change refused with `signature_expired`.
 */
async function changeRequest(
  context: SignaturesContext,
  actor: Actor,
  rawId: string,
  change: (
    trx: Transaction<OfficeSchema>,
    request: RequestRecord,
    clock: { at: Date; today: string },
  ) => Promise<SignatureNews>,
): Promise<SignatureRequest> {
  const clock = clockOf(context);
  const id = idIn(rawId);
  const outcome = await context.db.transaction().execute(async (trx) => {
    await lockRequest(trx, id);
    const request = await loadRequestIn(trx, actor.departmentId, id);
    if (isOverdue(request, clock.today)) return { expired: await expire(trx, request, clock), news: null };
    return { expired: null, news: await change(trx, request, clock) };
  });
  if (outcome.expired) {
    context.announce([outcome.expired]);
    throw new ApiError('signature_expired');
  }
  context.announce([outcome.news]);
  return requestFor(context, actor, id);
}

async function expire(
  trx: Transaction<OfficeSchema>,
  request: RequestRecord,
  { at, today }: { at: Date; today: string },
): Promise<SignatureNews> {
  await closeRequest(trx, request, { state: 'expired', by: null }, at);
  await appendAudit(trx, [
    {
      at,
      actorId: null,
      caseId: request.caseId,
      action: 'signature.expired',
      details: { request: request.id, expiresOn: request.expiresOn },
    },
  ]);
  return newsOf(trx, request, 'expired', null, today);
}

/** Closes these requests as expired when they still are pending and past their last day. */
export async function expireOverdue(
  context: SignaturesContext,
  records: readonly RequestRecord[],
): Promise<void> {
  const clock = clockOf(context);
  for (const record of records) {
    const news = await context.db.transaction().execute(async (trx) => {
      await lockRequest(trx, record.id);
      const [current] = await loadRequests(trx, [record.id]);
      return current && isOverdue(current, clock.today) ? expire(trx, current, clock) : null;
    });
    if (news) context.announce([news]);
  }
}

/** Takes back a request nobody has signed yet (approvals do not count); the case returns to `proposal`. */
export function withdraw(context: SignaturesContext, actor: Actor, rawId: string): Promise<SignatureRequest> {
  return changeRequest(context, actor, rawId, async (trx, request, { at, today }) => {
    if (request.state !== 'pending') throw new ApiError(closedStateError[request.state]);
    if (request.documentId !== null) throw new ApiError('signature_partly_signed');
    await closeRequest(trx, request, { state: 'withdrawn', by: actor.id }, at);
    await appendAudit(trx, [
      {
        at,
        actorId: actor.id,
        caseId: request.caseId,
        action: 'signature.withdrawn',
        details: { request: request.id },
      },
    ]);
    return newsOf(trx, request, 'withdrawn', actor.id, today);
  });
}

/** Visto bueno: the step is done without a signature. */
export function approve(context: SignaturesContext, actor: Actor, rawId: string): Promise<SignatureRequest> {
  return changeRequest(context, actor, rawId, async (trx, request, { at, today }) => {
    const acting = actingStep(request, actor, await actingForToday(trx, actor.id, today), today, 'approve');
    if (typeof acting === 'string') throw new ApiError(acting);
    await completeStep(trx, request, acting, actor.id, at);
    await appendAudit(trx, [
      {
        at,
        actorId: actor.id,
        caseId: request.caseId,
        action: 'signature.approved',
        details: {
          request: request.id,
          step: acting.step.position,
          onBehalfOf: acting.actingFor ? acting.step.signerId : null,
        },
      },
    ]);
    return newsOf(trx, request, 'approved', actor.id, today);
  });
}

/** Refuses to sign or approve: the request ends and the case returns to the processor with the reason. */
export function reject(
  context: SignaturesContext,
  actor: Actor,
  rawId: string,
  reason: string,
): Promise<SignatureRequest> {
  return changeRequest(context, actor, rawId, async (trx, request, { at, today }) => {
    const acting = actingStep(request, actor, await actingForToday(trx, actor.id, today), today, 'reject');
    if (typeof acting === 'string') throw new ApiError(acting);
    await trx
      .updateTable('signature_steps')
      .set({
        state: 'rejected',
        acted_by: actor.id,
        acted_at: at,
        substitution_id: acting.actingFor?.substitutionId ?? null,
      })
      .where('request_id', '=', request.id)
      .where('position', '=', acting.step.position)
      .execute();
    await closeRequest(trx, request, { state: 'rejected', by: actor.id, reason }, at);
    await appendAudit(trx, [
      {
        at,
        actorId: actor.id,
        caseId: request.caseId,
        action: 'signature.rejected',
        details: {
          request: request.id,
          step: acting.step.position,
          onBehalfOf: acting.actingFor ? acting.step.signerId : null,
          reason,
        },
      },
    ]);
    return newsOf(trx, request, 'rejected', actor.id, today);
  });
}

/** Who may be asked to sign or approve the case's resolution. */
export async function signersFor(context: SignaturesContext, actor: Actor, rawCaseId: string) {
  const found = await loadCaseForResolution(context.db, actor, idIn(rawCaseId));
  return departmentHeads(context.db, found.departmentId).execute();
}

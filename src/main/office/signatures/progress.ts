import { sql, type Transaction, type Updateable } from 'kysely';
import { ApiError } from '../../../shared/api/errors';
import { canTransition, type CaseState } from '../../../shared/domain/cases';
import { appendAudit, type AuditEntry } from '../store/audit';
import type { OfficeSchema, SignatureRequestsTable } from '../store/schema';
import type { Acting } from './eligibility';
import type { RequestRecord } from './records';
import { substitutesToday } from './substitutions';

/** What happened to a request, for its event: who hears of it is worked out in the transaction. */
export interface SignatureNews {
  requestId: number;
  caseId: number;
  departmentId: string;
  kind: 'sent' | 'withdrawn' | 'approved' | 'signed' | 'rejected' | 'expired';
  /** The request's signers, whoever substitutes them today, and who acted. */
  concerned: string[];
}

export async function newsOf(
  trx: Transaction<OfficeSchema>,
  request: Pick<RequestRecord, 'id' | 'caseId' | 'departmentId'> & { steps: readonly { signerId: string }[] },
  kind: SignatureNews['kind'],
  actorId: string | null,
  today: string,
): Promise<SignatureNews> {
  const signers = [...new Set(request.steps.map((step) => step.signerId))];
  const substitutes = await substitutesToday(trx, signers, today);
  return {
    requestId: request.id,
    caseId: request.caseId,
    departmentId: request.departmentId,
    kind,
    concerned: [...new Set([...signers, ...substitutes, ...(actorId === null ? [] : [actorId])])],
  };
}

/**
 * Moves a case along its life cycle (only by an allowed transition) and audits the step, in the
 * caller's transaction, with the caller's own audit entries that follow it (one append).
 */
export async function moveCase(
  trx: Transaction<OfficeSchema>,
  caseId: number,
  path: readonly CaseState[],
  actorId: string | null,
  at: Date,
  auditAfter: readonly AuditEntry[] = [],
): Promise<void> {
  const current = await trx
    .selectFrom('cases')
    .select('state')
    .where('id', '=', caseId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  let from = current.state;
  const audit: AuditEntry[] = [];
  for (const to of path) {
    if (!canTransition(from, to)) throw new ApiError('invalid_transition');
    audit.push({ at, actorId, caseId, action: 'case.state_changed', details: { from, to } });
    from = to;
  }
  await trx
    .updateTable('cases')
    .set({ state: from, version: sql`version + 1`, updated_at: at })
    .where('id', '=', caseId)
    .execute();
  await appendAudit(trx, [...audit, ...auditAfter]);
}

/** What the caller changes with the step, in the same statements: the request's columns, audit entries. */
export interface WithTheStep {
  request?: Updateable<SignatureRequestsTable>;
  audit?: readonly AuditEntry[];
}

/**
 * Marks the actor's step done (signed or approved). In a cascade the next step's turn comes; when
 * no step is left the request is signed and the case resolved. A step another desk completed first
 * is `signature_already_signed`.
 */
export async function completeStep(
  trx: Transaction<OfficeSchema>,
  request: RequestRecord,
  { step, actingFor }: Acting,
  actorId: string,
  at: Date,
  withTheStep: WithTheStep = {},
): Promise<{ requestSigned: boolean }> {
  const done = await trx
    .updateTable('signature_steps')
    .set({
      state: 'done',
      acted_by: actorId,
      acted_at: at,
      substitution_id: actingFor?.substitutionId ?? null,
    })
    .where('request_id', '=', request.id)
    .where('position', '=', step.position)
    .where('state', '=', 'pending')
    .returning('position')
    .executeTakeFirst();
  if (!done) throw new ApiError('signature_already_signed');
  const others = request.steps.filter((other) => other.position !== step.position);
  const open = others.filter((other) => other.state === 'pending' || other.state === 'waiting');
  if (request.mode === 'cascade' && !open.some((other) => other.state === 'pending')) {
    const next = open.find((other) => other.state === 'waiting');
    if (next)
      await trx
        .updateTable('signature_steps')
        .set({ state: 'pending' })
        .where('request_id', '=', request.id)
        .where('position', '=', next.position)
        .execute();
  }
  const requestSigned = open.length === 0;
  await trx
    .updateTable('signature_requests')
    .set({
      ...withTheStep.request,
      ...(requestSigned ? { state: 'signed', closed_at: at } : {}),
      version: sql`version + 1`,
    })
    .where('id', '=', request.id)
    .execute();
  const audit = withTheStep.audit ?? [];
  if (requestSigned) await moveCase(trx, request.caseId, ['resolved'], actorId, at, audit);
  else await appendAudit(trx, audit);
  return { requestSigned };
}

/**
 * Ends a pending request that will not be signed (withdrawn, rejected, expired): the case goes back
 * to `proposal`, to the processor.
 */
export async function closeRequest(
  trx: Transaction<OfficeSchema>,
  request: RequestRecord,
  close: { state: 'withdrawn' | 'rejected' | 'expired'; by: string | null; reason?: string },
  at: Date,
): Promise<void> {
  const closed = await trx
    .updateTable('signature_requests')
    .set({
      state: close.state,
      closed_by: close.by,
      closed_at: at,
      rejection_reason: close.reason ?? null,
      version: sql`version + 1`,
    })
    .where('id', '=', request.id)
    .where('state', '=', 'pending')
    .returning('id')
    .executeTakeFirst();
  if (!closed) throw new ApiError('invalid_transition');
  await moveCase(trx, request.caseId, ['proposal'], close.by, at);
}

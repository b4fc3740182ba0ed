import type { ErrorCode } from '../../../shared/api/errors';
import type { ViewerStep } from '../../../shared/api/signatures';
import type { Actor } from '../users';
import type { RequestRecord, StepRecord } from './records';
import { resolutionSha256 } from './resolution';
import type { ActingFor } from './substitutions';

/** What the actor means to do with their step; `view` only asks which step is theirs now. */
export type Intent = 'sign' | 'approve' | 'reject' | 'view';

export interface Acting {
  step: StepRecord;
  /** Set when the actor acts for an absent head. */
  actingFor: ActingFor | null;
}

/** Why nobody may act on a request that is no longer pending. */
export const closedStateError = {
  withdrawn: 'signature_withdrawn',
  rejected: 'signature_rejected',
  signed: 'signature_already_signed',
  expired: 'signature_expired',
} as const satisfies Record<string, ErrorCode>;

/**
 * Which step of the request the actor may act on now, or why not. A head acts on steps addressed
 * to them or to a head they substitute today (their own first); in a cascade only the step whose
 * turn it is; never on a request that is closed, past its last day, addressed to a head no longer
 * active, or whose resolution changed after it was sent. The caller checked the department.
 */
export function actingStep(
  request: RequestRecord,
  actor: Actor,
  actingFor: ReadonlyMap<string, ActingFor>,
  today: string,
  intent: Intent,
): Acting | ErrorCode {
  if (request.state !== 'pending') return closedStateError[request.state];
  if (request.expiresOn < today) return 'signature_expired';
  const mine = request.steps.filter((step) => step.signerId === actor.id || actingFor.has(step.signerId));
  if (mine.length === 0) return 'signature_not_addressed';
  const now = mine.filter((step) => step.state === 'pending');
  const step = now.find((candidate) => candidate.signerId === actor.id) ?? now[0];
  if (!step)
    return mine.some((candidate) => candidate.state === 'waiting')
      ? 'signature_not_your_turn'
      : 'signature_already_signed';
  if (intent === 'sign' && step.action === 'approve') return 'signature_step_is_approval';
  if (intent === 'approve' && step.action === 'sign') return 'signature_step_is_signature';
  if (!step.signerActive) return 'signature_signer_inactive';
  if (
    intent !== 'view' &&
    resolutionSha256(request.title, request.locale, request.resolution) !== request.resolutionSha256
  )
    return 'signature_document_changed';
  return { step, actingFor: step.signerId === actor.id ? null : (actingFor.get(step.signerId) ?? null) };
}

/** The step the viewer may act on now, as the contract shows it; null when there is none. */
export function viewerStep(
  request: RequestRecord,
  actor: Actor,
  actingFor: ReadonlyMap<string, ActingFor>,
  today: string,
): ViewerStep | null {
  const acting = actingStep(request, actor, actingFor, today, 'view');
  return typeof acting === 'string' ? null : toViewerStep(acting);
}

export const toViewerStep = ({ step, actingFor }: Acting): ViewerStep => ({
  position: step.position,
  action: step.action,
  onBehalfOf: actingFor && { id: step.signerId, name: step.signerName, kind: actingFor.kind },
});

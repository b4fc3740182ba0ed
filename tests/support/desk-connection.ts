import type { Desk } from '../../src/main/compose';
import { dispatch, type CallContext } from '../../src/shared/api/dispatch';
import { ApiError } from '../../src/shared/api/errors';
import type { CallInput, CallName, CallOutput } from '../../src/shared/api/index';

/**
 * One connection of `userId` (null: signed out) to a composed desk, through `dispatch` as the app's
 * transports call it; a refusal rejects with its ApiError. The desk is read at each call, so a
 * connection may be made before the desk is composed.
 */
export function deskConnection(desk: () => Desk, userId: string | null) {
  let signedIn = userId;
  const ctx: CallContext = {
    connectionId: `test-${userId}`,
    session: { get: () => signedIn, set: (next) => (signedIn = next) },
  };
  return async <N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> => {
    const result = await dispatch(desk(), name, input, ctx, {
      onInternalError: (_name, error) => {
        throw error;
      },
    });
    if (!result.ok) throw ApiError.fromData(result.error);
    return result.value as CallOutput<N>;
  };
}

/**
 * A processor drafts a case's resolution from its template and sends it, unchanged, for one
 * signer's signature (cascade, normal priority, no expiry to speak of). Returns the request's id.
 */
export async function sendDraftedResolution(
  processor: ReturnType<typeof deskConnection>,
  caseId: string,
  signerId: string,
): Promise<string> {
  const draft = await processor('resolutions.draft', { caseId, locale: 'es' });
  const request = await processor('signatures.send', {
    caseId,
    locale: draft.locale,
    title: draft.title,
    text: draft.text,
    mode: 'cascade',
    priority: 'normal',
    expiresOn: '2099-12-31',
    steps: [{ signerId, action: 'sign' }],
  });
  return request.id;
}

/**
 * The cases in progress a department's processors hold (`<prefix>-01` to `<prefix>-09`, those the
 * demo city has), handed out one per call with their processor: resolutions go out from them.
 */
export function casesInProgress(
  desk: () => Desk,
  prefix: string,
): () => Promise<{ processor: string; caseId: string }> {
  let found: { processor: string; caseId: string }[] | null = null;
  return async () => {
    if (found === null) {
      found = [];
      for (let n = 1; n <= 9; n++) {
        const processor = `${prefix}-0${n}`;
        // A processor the demo city does not have is no signed-in user: not_signed_in.
        const mine = await deskConnection(desk, processor)('cases.list', { queue: 'mine', limit: 500 }).catch(
          () => null,
        );
        for (const row of mine?.rows ?? [])
          if (row.state === 'in_progress') found.push({ processor, caseId: row.id });
      }
    }
    const next = found.shift();
    if (!next) throw new Error(`the demo city has no ${prefix} case in progress left`);
    return next;
  };
}

import { ApiError } from '../../../shared/api/errors';
import { describedFailure, type SigningFailure } from '../../../shared/api/signing-failure';
import { SigningError } from './errors';

export type { SigningFailure } from '../../../shared/api/signing-failure';

/**
 * What went wrong, as a code the CLI and the renderer translate: what an error says of itself (the
 * token layer's errors name the card's failure), the refusal of a document, certificate, time-stamp or output, the office's code when it
 * would not store a signed document. Anything else is `internal`: an unknown failure is never
 * passed off as the card's.
 */
export function failureOf(error: unknown): SigningFailure {
  const said = describedFailure(error);
  if (said) return said;
  if (error instanceof SigningError) {
    const token = /^tokens\.error\.(\w+)$/.exec(error.key);
    if (token) return { kind: 'token', code: token[1]!, params: { ...error.params } };
    if (error.key.startsWith('signing.'))
      return { kind: error.kind, code: error.key.slice('signing.'.length), params: { ...error.params } };
  }
  if (error instanceof ApiError) return { kind: 'office', code: error.code, params: { ...error.params } };
  return { kind: 'internal', code: 'internal', params: {} };
}

export const cancelledFailure: SigningFailure = { kind: 'cancelled', code: 'cancelled', params: {} };

/**
 * Whether a failure ends the batch: the card or its session is gone (or refused), the time-stamp
 * service is down, or nobody knows what happened. A refused document or an office that would not
 * store one concerns that item only.
 */
export const stopsTheBatch = (failure: SigningFailure): boolean =>
  failure.kind === 'token' || failure.kind === 'tsa' || failure.kind === 'internal';

/**
 * Whether a failure to store a signed document ends the batch: only an office out of reach, since
 * every further signature would go unstored. A refusal, or an unknown failure, concerns that item.
 */
export const storingStopsTheBatch = (failure: SigningFailure): boolean =>
  failure.kind === 'office' && failure.code === 'no_connection';

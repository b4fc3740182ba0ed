import type { MessageKey } from '../../shared/i18n/index';
import { SigningError } from '../desk/signing/errors';
import { TokenError } from '../desk/tokens/errors';

/** A failure of the token layer as the command reports it (signing and tokens meet here, not in desk/): one sentence per token error code. */
export function describeTokenFailure(error: unknown): SigningError {
  if (error instanceof SigningError) return error;
  if (error instanceof TokenError)
    return new SigningError('token', `tokens.error.${error.code}` as MessageKey, error.params, {
      cause: error,
    });
  return new SigningError(
    'token',
    'tokens.error.token_failure',
    { detail: error instanceof Error ? error.message : String(error) },
    { cause: error },
  );
}

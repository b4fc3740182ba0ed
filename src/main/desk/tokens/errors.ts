import type { SelfDescribingFailure, SigningFailure } from '../../../shared/api/signing';
import { CKF_TOKEN, CKR, ckrName } from './constants';

/**
 * Every way a token operation fails, in one place. Each code has a sentence in both catalogues
 * (`tokens.error.<code>`, src/shared/i18n/{es,ca-valencia}/tokens.ts). Params never carry the PIN.
 */
export const tokenErrorCodes = [
  'token_worker_crashed',
  'token_worker_timeout',
  'module_not_found',
  'module_load_failed',
  'token_not_found',
  'token_ambiguous',
  'token_busy',
  'key_not_found',
  'key_ambiguous',
  'pin_required',
  'pin_incorrect',
  'pin_incorrect_low',
  'pin_incorrect_final',
  'pin_invalid',
  'pin_locked',
  'pin_final_try_needs_confirmation',
  'pinpad_unsupported',
  'token_removed',
  'mechanism_unsupported',
  'session_closed',
  'token_failure',
] as const;

export type TokenErrorCode = (typeof tokenErrorCodes)[number];

export type TokenErrorParams = Record<string, string | number>;

export class TokenError extends Error implements SelfDescribingFailure {
  override readonly name = 'TokenError';

  constructor(
    readonly code: TokenErrorCode,
    readonly params: TokenErrorParams = {},
  ) {
    super(`${code}${Object.keys(params).length ? ` ${JSON.stringify(params)}` : ''}`);
  }

  /** How the signing service reports it: the card's failure, with this code. */
  get signingFailure(): SigningFailure {
    return { kind: 'token', code: this.code, params: { ...this.params } };
  }
}

/** A wrong PIN, told apart by what the card says about the tries left (PKCS#11 gives no count). */
function wrongPin(tokenFlags: number): TokenError {
  if (tokenFlags & CKF_TOKEN.USER_PIN_LOCKED) return new TokenError('pin_locked');
  if (tokenFlags & CKF_TOKEN.USER_PIN_FINAL_TRY) return new TokenError('pin_incorrect_final');
  if (tokenFlags & CKF_TOKEN.USER_PIN_COUNT_LOW) return new TokenError('pin_incorrect_low');
  return new TokenError('pin_incorrect');
}

const removalCodes: ReadonlySet<number> = new Set([
  CKR.DEVICE_REMOVED,
  CKR.TOKEN_NOT_PRESENT,
  CKR.SESSION_HANDLE_INVALID,
  CKR.SESSION_CLOSED,
]);

/**
 * Turns a PKCS#11 return value into the error the user sees. `tokenFlags` is the token's state read
 * again after the failure (that is how a card tells how many PIN tries are left).
 */
export function tokenErrorFromRv(rv: number, fn: string, tokenFlags?: number): TokenError {
  if (removalCodes.has(rv)) return new TokenError('token_removed');
  switch (rv) {
    case CKR.PIN_INCORRECT:
      return wrongPin(tokenFlags ?? 0);
    case CKR.PIN_INVALID:
    case CKR.PIN_LEN_RANGE:
      return new TokenError('pin_invalid');
    case CKR.PIN_LOCKED:
      return new TokenError('pin_locked');
    case CKR.MECHANISM_INVALID:
    case CKR.MECHANISM_PARAM_INVALID:
    case CKR.KEY_TYPE_INCONSISTENT:
    case CKR.KEY_FUNCTION_NOT_PERMITTED:
      return new TokenError('mechanism_unsupported', { mechanism: ckrName(rv) });
    default:
      return new TokenError('token_failure', { detail: `${ckrName(rv)} (${fn})` });
  }
}

import { useCallback } from 'react';
import { ApiError, type ApiErrorData } from '../../../../shared/api/errors';
import { signingFailureMessageKey, type SigningFailure } from '../../../../shared/api/signing';
import { isMessageKey } from '../../../../shared/i18n/index';
import { useI18n } from '../../../app/I18nProvider';
import { errorMessageKey } from '../../../app/useErrorMessage';

/**
 * Why something was not signed, in plain words: the app's own wording where the command line's
 * would not fit (`signFlow.failure.<kind>.<code>`), else the sentence of the failure's code.
 */
export function useFailureText(): (failure: SigningFailure) => string {
  const { tDynamic } = useI18n();
  return useCallback(
    (failure: SigningFailure) => {
      const own = `signFlow.failure.${failure.kind}.${failure.code}`;
      if (isMessageKey(own)) return tDynamic(own, 'errors.internal', failure.params);
      const key =
        failure.kind === 'office'
          ? errorMessageKey(new ApiError(failure.code as ApiErrorData['code'], failure.params))
          : signingFailureMessageKey(failure);
      return tDynamic(key, 'errors.internal', failure.params);
    },
    [tDynamic],
  );
}

/** Wrong PIN and the like: the PIN dialog opens again to say so. */
export const isPinFailure = (failure: SigningFailure | null | undefined): boolean =>
  failure?.kind === 'token' &&
  /^pin_(incorrect|invalid|required|final_try_needs_confirmation)/.test(failure.code);

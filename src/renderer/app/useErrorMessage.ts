import { useCallback } from 'react';
import { ApiError } from '../../shared/api/errors';
import { isMessageKey } from '../../shared/i18n/index';
import { useI18n } from './I18nProvider';

/**
 * Each contract code has a sentence, `errors.<code>`; an error that also says why (a `reason`
 * param, e.g. `not_signed_in` + `evicted`) gets `errors.<code>.<reason>` when that sentence exists.
 */
export function errorMessageKey(error: ApiError): string {
  const reason = error.params?.reason;
  const precise = `errors.${error.code}.${reason}`;
  return typeof reason === 'string' && isMessageKey(precise) ? precise : `errors.${error.code}`;
}

/** Turns any failure into a sentence in the user's language. */
export function useErrorMessage(): (error: unknown) => string {
  const { tDynamic } = useI18n();
  return useCallback(
    (error: unknown) => {
      if (error instanceof ApiError) return tDynamic(errorMessageKey(error), 'errors.internal', error.params);
      return tDynamic('errors.internal', 'errors.internal');
    },
    [tDynamic],
  );
}

import { useCallback } from 'react';
import { ApiError } from '../../shared/api/errors';
import { useI18n } from './I18nProvider';

/** Turns any failure into a sentence in the user's language: contract codes have one each. */
export function useErrorMessage(): (error: unknown) => string {
  const { tDynamic } = useI18n();
  return useCallback(
    (error: unknown) => {
      if (error instanceof ApiError) return tDynamic(`errors.${error.code}`, 'errors.internal', error.params);
      return tDynamic('errors.internal', 'errors.internal');
    },
    [tDynamic],
  );
}

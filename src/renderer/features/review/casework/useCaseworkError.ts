import { useCallback } from 'react';
import { ApiError } from '../../../../shared/api/errors';
import { useI18n } from '../../../app/I18nProvider';
import { useErrorMessage } from '../../../app/useErrorMessage';
import { formatLegalDate } from '../../../ui/format';

/**
 * A failed change in the user's words: `conflict` says the page now shows the fresh data and the
 * form kept what was typed; a date in the error (the end of a legal term) is written out.
 */
export function useCaseworkError(): (error: unknown) => string {
  const { t, intl } = useI18n();
  const errorMessage = useErrorMessage();
  return useCallback(
    (error: unknown) => {
      if (!(error instanceof ApiError)) return errorMessage(error);
      if (error.code === 'conflict') return t('casework.conflict');
      const termEndsOn = error.params?.termEndsOn;
      if (typeof termEndsOn !== 'string') return errorMessage(error);
      return errorMessage(
        new ApiError(error.code, { ...error.params, termEndsOn: formatLegalDate(termEndsOn, intl) }),
      );
    },
    [t, intl, errorMessage],
  );
}

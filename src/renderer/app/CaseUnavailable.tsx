import type { ReactNode } from 'react';
import { ApiError } from '../../shared/api/errors';
import { useI18n } from './I18nProvider';
import { useErrorMessage } from './useErrorMessage';

/** Long enough to recognise a pasted id, short enough never to push the page sideways. */
const shownIdLength = 40;

/** The id as typed, cut to fit a heading; the whole id stays in the element's title. */
export function shortCaseId(caseId: string): string {
  const characters = [...caseId];
  return characters.length > shownIdLength ? `${characters.slice(0, shownIdLength - 1).join('')}…` : caseId;
}

/**
 * A case page that has no case to show yet, or none at all: the heading names the id from the
 * address so the user knows which link failed, and the way back stays on the page.
 */
export function CaseUnavailable({
  caseId,
  back,
  error,
}: {
  caseId: string;
  back: ReactNode;
  error: unknown;
}) {
  const { t } = useI18n();
  const errorMessage = useErrorMessage();
  const id = shortCaseId(caseId);
  let message: string | null = null;
  if (error instanceof ApiError && error.code === 'not_found') message = t('caseLink.notFound', { id });
  else if (error instanceof ApiError && error.code === 'invalid_input')
    message = t('caseLink.invalidId', { id });
  else if (error) message = errorMessage(error);
  return (
    <section className="case-page" aria-labelledby="case-title">
      <div className="case-page__bar">{back}</div>
      <h1 id="case-title" className="case-page__unavailable-title" title={caseId}>
        {t('case.title', { number: id })}
      </h1>
      {message ? <p role="alert">{message}</p> : <p className="loading">{t('app.loading')}</p>}
    </section>
  );
}

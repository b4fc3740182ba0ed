import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useClient } from '../../../api/ClientProvider';
import { useI18n } from '../../../app/I18nProvider';
import { useErrorMessage } from '../../../app/useErrorMessage';
import { formatLegalDate } from '../../../ui/format';
import { ModalDialog } from '../../../ui/ModalDialog';
import { FormActions } from '../../../ui/FormActions';
import { useDebouncedValue } from '../../../ui/useDebouncedValue';
import { amendmentKeys, useAmendmentChange } from './useAmendments';

/**
 * Art. 68.1: what is missing, and a preview of the request the office generates from it (the ten
 * business days, the warning of deemed withdrawal) before it is issued.
 */
export function RequestDialog({
  caseId,
  version,
  onDone,
  onCancel,
}: {
  caseId: string;
  version: number;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t, locale, intl } = useI18n();
  const client = useClient();
  const errorMessage = useErrorMessage();
  const id = useId();
  const [missing, setMissing] = useState('');
  const settled = useDebouncedValue(missing.trim(), 400);
  const preview = useQuery({
    queryKey: [...amendmentKeys.list(caseId), 'preview', locale, settled],
    queryFn: () => client.call('amendments.preview', { caseId, missing: settled, locale }),
    enabled: settled.length > 0,
  });
  const request = useAmendmentChange('amendments.request', caseId);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (missing.trim().length === 0) return;
    request.mutate({ caseId, version, missing, locale }, { onSuccess: onDone });
  };

  return (
    <ModalDialog
      title={t('amendments.request.title')}
      description={t('amendments.request.notifiedNote')}
      onClose={onCancel}
    >
      <form onSubmit={submit} className="amendment-form">
        <div className="field">
          <label htmlFor={`${id}-missing`}>{t('amendments.request.missing')}</label>
          <textarea
            id={`${id}-missing`}
            data-tour="amendment-request.missing"
            rows={5}
            required
            maxLength={4000}
            value={missing}
            aria-describedby={`${id}-hint`}
            onChange={(event) => setMissing(event.target.value)}
          />
          <p className="field__hint" id={`${id}-hint`}>
            {t('amendments.request.missingHint')}
          </p>
        </div>
        <section aria-labelledby={`${id}-preview`} className="amendment-preview">
          <h3 id={`${id}-preview`}>{t('amendments.request.preview')}</h3>
          {preview.data && settled.length > 0 ? (
            <>
              <p>
                <strong>{preview.data.title}</strong>
              </p>
              {/* Scrolls when long: focusable, so the keyboard can scroll it too. */}
              <div
                className="amendment-preview__text"
                tabIndex={0}
                role="document"
                aria-label={preview.data.title}
              >
                {preview.data.text}
              </div>
              <p>{t('amendments.request.endsOn', { date: formatLegalDate(preview.data.endsOn, intl) })}</p>
            </>
          ) : preview.isError ? (
            <p role="alert">{errorMessage(preview.error)}</p>
          ) : (
            <p className="empty">{t('amendments.request.previewEmpty')}</p>
          )}
        </section>
        <FormActions
          error={request.isError ? errorMessage(request.error) : null}
          cancel={{ label: t('amendments.cancel'), onCancel: onCancel }}
          cancelPlacement="first"
        >
          <button
            type="submit"
            data-tour="amendment-request.submit"
            className="button button--primary"
            disabled={request.isPending || missing.trim().length === 0}
          >
            {t('amendments.request.submit')}
          </button>
        </FormActions>
      </form>
    </ModalDialog>
  );
}

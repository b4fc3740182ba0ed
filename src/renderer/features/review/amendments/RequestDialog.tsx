import { useQuery } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import type { CardKeyInput } from '../../../../shared/api/signing';
import { useClient } from '../../../api/ClientProvider';
import { useI18n } from '../../../app/I18nProvider';
import { useErrorMessage } from '../../../app/useErrorMessage';
import { formatLegalDate } from '../../../ui/format';
import { ModalDialog } from '../../../ui/ModalDialog';
import { FormActions } from '../../../ui/FormActions';
import { RadioChoices } from '../../../ui/RadioChoices';
import { useDebouncedValue } from '../../../ui/useDebouncedValue';
import { CardSignDialog } from '../../signing/sign/CardSignDialog';
import { amendmentKeys, useAmendmentChange } from './useAmendments';

type RequestSigner = 'seal' | 'card';

/**
 * Art. 68.1: what is missing, and a preview of the request the office generates from it (the ten
 * business days, the warning of deemed withdrawal) before it is issued, and who signs it: the
 * office's seal (one submit), or the processor's card (a certificate on it, then its PIN).
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
  const [signer, setSigner] = useState<RequestSigner>('seal');
  const [withCard, setWithCard] = useState(false);
  // The card's dialog closes both when the request is issued and when it is cancelled.
  const issued = useRef(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (missing.trim().length === 0) return;
    if (signer === 'card') return setWithCard(true);
    request.mutate({ caseId, version, missing, locale }, { onSuccess: onDone });
  };

  const signWithCard = async (card: CardKeyInput) => {
    const outcome = await request.mutateAsync({ caseId, version, missing, locale, card });
    if (outcome.failure) return outcome.failure;
    issued.current = true;
    return null;
  };

  if (withCard)
    return (
      <CardSignDialog
        title={t('amendments.request.card.title')}
        description={t('amendments.request.card.description')}
        submitLabel={t('amendments.request.card.sign')}
        pending={request.isPending}
        pendingLabel={t('amendments.request.card.signing')}
        withCard
        onSign={signWithCard}
        failureMessage={(reason) => t('amendments.request.card.failed', { reason })}
        onClose={() => (issued.current ? onDone() : setWithCard(false))}
      />
    );

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
        <fieldset className="casework-choice">
          <legend>{t('amendments.request.signer.legend')}</legend>
          <RadioChoices
            name="amendment-request-signer"
            options={['seal', 'card'] as const}
            value={signer}
            onChange={setSigner}
            label={(option) => t(`amendments.request.signer.${option}`)}
          />
        </fieldset>
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

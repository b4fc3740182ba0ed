import { useId, useState } from 'react';
import { useI18n } from '../../../app/I18nProvider';
import { useErrorMessage } from '../../../app/useErrorMessage';
import { useReject } from '../../../api/signatures';
import { ModalDialog } from '../../../ui/ModalDialog';
import { FormActions } from '../../../ui/FormActions';

/** Rejecting asks why: the reason goes back to the processor with the case. */
export function RejectDialog({
  request,
  onDone,
  onCancel,
}: {
  request: { id: string; caseNumber: string };
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const errorMessage = useErrorMessage();
  const reject = useReject();
  const id = useId();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);

  return (
    <ModalDialog
      title={t('tray.reject.title', { number: request.caseNumber })}
      description={t('tray.reject.description')}
      onClose={onCancel}
    >
      <form
        className="modal__form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (reason.trim() === '') {
            setMissing(true);
            return;
          }
          reject.mutate({ requestId: request.id, reason }, { onSuccess: onDone });
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-reason`}>{t('tray.reject.reason')}</label>
          <textarea
            id={`${id}-reason`}
            rows={5}
            maxLength={2000}
            required
            aria-invalid={missing}
            aria-describedby={missing ? `${id}-missing` : undefined}
            value={reason}
            onChange={(event) => {
              setReason(event.target.value);
              setMissing(false);
            }}
          />
          {missing && (
            <p id={`${id}-missing`} className="field__error" role="alert">
              {t('tray.reject.reasonRequired')}
            </p>
          )}
        </div>
        <FormActions
          error={reject.isError ? errorMessage(reject.error) : null}
          cancel={{ label: t('tray.cancel'), onCancel: onCancel }}
          cancelPlacement="first"
        >
          <button type="submit" className="button button--danger" disabled={reject.isPending}>
            {t('tray.reject.confirm')}
          </button>
        </FormActions>
      </form>
    </ModalDialog>
  );
}

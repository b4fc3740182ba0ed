import { useId, useState, type FormEvent } from 'react';
import { maxAmendmentExtensionDays, type Amendment } from '../../../../shared/api/index';
import { useI18n } from '../../../app/I18nProvider';
import { useErrorMessage } from '../../../app/useErrorMessage';
import { ModalDialog } from '../../../ui/ModalDialog';
import { FormActions } from '../../../ui/FormActions';
import { useAmendmentChange } from './useAmendments';

/** Art. 68.2: up to five more business days in all, on the applicant's request. */
export function ExtendDialog({
  caseId,
  version,
  amendment,
  onDone,
  onCancel,
}: {
  caseId: string;
  version: number;
  amendment: Amendment;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const errorMessage = useErrorMessage();
  const id = useId();
  const left = maxAmendmentExtensionDays - amendment.extensionDays;
  const [days, setDays] = useState(left);
  const extend = useAmendmentChange('amendments.extend', caseId);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    extend.mutate({ caseId, version, amendmentId: amendment.id, days }, { onSuccess: onDone });
  };
  return (
    <ModalDialog title={t('amendments.extend.title')} onClose={onCancel}>
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${id}-days`}>
            {t('amendments.extend.days', { left, max: maxAmendmentExtensionDays })}
          </label>
          <input
            id={`${id}-days`}
            type="number"
            min={1}
            max={left}
            required
            value={days}
            onChange={(event) => setDays(Number(event.target.value))}
          />
        </div>
        <FormActions
          error={extend.isError ? errorMessage(extend.error) : null}
          cancel={{ label: t('amendments.cancel'), onCancel: onCancel }}
          cancelPlacement="first"
        >
          <button type="submit" className="button button--primary" disabled={extend.isPending}>
            {t('amendments.extend.submit')}
          </button>
        </FormActions>
      </form>
    </ModalDialog>
  );
}

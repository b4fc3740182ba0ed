import { RadioChoices } from '../../../ui/RadioChoices';
import { useId, useState } from 'react';
import type { CaseDetail, UploadedPdf } from '../../../../shared/api/index';
import { useI18n } from '../../../app/I18nProvider';
import { ModalDialog } from '../../../ui/ModalDialog';
import { FormActions } from '../../../ui/FormActions';
import { useToasts } from '../../../ui/Toasts';
import { useDeemWithdrawn, useWithdraw } from './api';
import { PdfFilePicker } from './PdfFilePicker';
import { useCaseworkError } from './useCaseworkError';

interface DialogProps {
  detail: CaseDetail;
  onClose: () => void;
}

const todayInMadrid = (): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Madrid' }).format(new Date());

/** Art. 94: the applicant's withdrawal, by its registry entry or their written request (PDF). */
export function WithdrawDialog({ detail, onClose }: DialogProps) {
  const { t } = useI18n();
  const { notify } = useToasts();
  const errorText = useCaseworkError();
  const withdraw = useWithdraw();
  const id = useId();
  const [by, setBy] = useState<'registry' | 'pdf'>('registry');
  const [registryNumber, setRegistryNumber] = useState('');
  const [filedOn, setFiledOn] = useState(todayInMadrid());
  const [file, setFile] = useState<UploadedPdf | null>(null);
  const ready = filedOn !== '' && (by === 'registry' ? registryNumber.trim() !== '' : file !== null);

  return (
    <ModalDialog
      title={t('casework.withdrawal.registerTitle', { number: detail.case.number })}
      description={t('casework.withdrawal.registerDescription')}
      onClose={onClose}
    >
      <form
        className="modal__form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!ready) return;
          withdraw.mutate(
            {
              caseId: detail.case.id,
              version: detail.case.version,
              evidence:
                by === 'registry'
                  ? { kind: 'registry', registryNumber, filedOn }
                  : { kind: 'pdf', filedOn, file: file! },
            },
            {
              onSuccess: () => {
                notify(t('casework.withdrawal.registered'));
                onClose();
              },
            },
          );
        }}
      >
        <fieldset className="casework-choice">
          <legend>{t('casework.withdrawal.evidence')}</legend>
          <RadioChoices
            name={`${id}-by`}
            options={['registry', 'pdf'] as const}
            value={by}
            onChange={setBy}
            label={(option) =>
              t(option === 'registry' ? 'casework.withdrawal.byRegistry' : 'casework.withdrawal.byFile')
            }
          />
        </fieldset>
        {by === 'registry' ? (
          <div className="field">
            <label htmlFor={`${id}-number`}>{t('casework.withdrawal.registryNumber')}</label>
            <input
              id={`${id}-number`}
              maxLength={64}
              value={registryNumber}
              onChange={(event) => setRegistryNumber(event.target.value)}
            />
          </div>
        ) : (
          <PdfFilePicker onChange={setFile} />
        )}
        <div className="field">
          <label htmlFor={`${id}-filed`}>{t('casework.withdrawal.filedOn')}</label>
          <input
            id={`${id}-filed`}
            type="date"
            max={todayInMadrid()}
            value={filedOn}
            onChange={(event) => setFiledOn(event.target.value)}
          />
        </div>
        <FormActions
          error={withdraw.isError ? errorText(withdraw.error) : null}
          cancel={{ label: t('casework.cancel'), onCancel: onClose }}
          cancelPlacement="last"
        >
          <button type="submit" className="button button--danger" disabled={!ready || withdraw.isPending}>
            {t('casework.withdrawal.confirm')}
          </button>
        </FormActions>
      </form>
    </ModalDialog>
  );
}

/** Art. 68.1: the amendment request went unanswered; the office works out whether its term ended. */
export function DeemWithdrawnDialog({ detail, onClose }: DialogProps) {
  const { t } = useI18n();
  const { notify } = useToasts();
  const errorText = useCaseworkError();
  const deem = useDeemWithdrawn();
  const id = useId();
  const [notifiedOn, setNotifiedOn] = useState('');

  return (
    <ModalDialog
      title={t('casework.withdrawal.deemTitle', { number: detail.case.number })}
      description={t('casework.withdrawal.deemDescription')}
      onClose={onClose}
    >
      <form
        className="modal__form"
        onSubmit={(event) => {
          event.preventDefault();
          deem.mutate(
            {
              caseId: detail.case.id,
              version: detail.case.version,
              ...(notifiedOn === '' ? {} : { amendmentNotifiedOn: notifiedOn }),
            },
            {
              onSuccess: () => {
                notify(t('casework.withdrawal.deemed.done'));
                onClose();
              },
            },
          );
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-notified`}>{t('casework.withdrawal.notifiedOn')}</label>
          <input
            id={`${id}-notified`}
            type="date"
            max={todayInMadrid()}
            value={notifiedOn}
            aria-describedby={`${id}-notified-hint`}
            onChange={(event) => setNotifiedOn(event.target.value)}
          />
          <span id={`${id}-notified-hint`} className="hint">
            {t('casework.withdrawal.notifiedOnHint')}
          </span>
        </div>
        <FormActions
          error={deem.isError ? errorText(deem.error) : null}
          cancel={{ label: t('casework.cancel'), onCancel: onClose }}
          cancelPlacement="last"
        >
          <button type="submit" className="button button--danger" disabled={deem.isPending}>
            {t('casework.withdrawal.deemConfirm')}
          </button>
        </FormActions>
      </form>
    </ModalDialog>
  );
}

import { useId, useState } from 'react';
import { ApiError } from '../../../shared/api/errors';
import { reassignReasonMaxLength, type CaseRow } from '../../../shared/api/index';
import { useI18n } from '../../app/I18nProvider';
import { useErrorMessage } from '../../app/useErrorMessage';
import { ModalDialog } from '../../ui/ModalDialog';
import { FormActions } from '../../ui/FormActions';
import { useToasts } from '../../ui/Toasts';
import { useColleagues, useReassign } from './useReassign';

type Problem = 'target' | 'reason' | null;

/**
 * Hands a case to a colleague with a reason. `row` is the case as the page shows it now: after a
 * `conflict` the page refetches it, so the dialog shows who holds it now and retries on the fresh
 * version.
 */
export function ReassignDialog({ row, onClose }: { row: CaseRow; onClose: () => void }) {
  const { t } = useI18n();
  const errorMessage = useErrorMessage();
  const { notify } = useToasts();
  const colleagues = useColleagues(true);
  const reassign = useReassign();
  const id = useId();
  const [toUserId, setToUserId] = useState('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<Problem>(null);

  const choices = (colleagues.data ?? []).filter((colleague) => colleague.id !== row.assigneeId);
  const conflict = reassign.error instanceof ApiError && reassign.error.code === 'conflict';

  const submit = () => {
    if (toUserId === '') return setProblem('target');
    if (reason.trim() === '') return setProblem('reason');
    const name = choices.find((colleague) => colleague.id === toUserId)?.name ?? toUserId;
    reassign.mutate(
      { caseId: row.id, toUserId, reason, version: row.version },
      {
        onSuccess: () => {
          notify(t('reassign.done', { number: row.number, name }));
          onClose();
        },
      },
    );
  };

  return (
    <ModalDialog
      title={t('reassign.title', { number: row.number })}
      description={
        row.assigneeName ? t('reassign.current', { name: row.assigneeName }) : t('reassign.currentNobody')
      }
      onClose={onClose}
    >
      <form
        className="modal__form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-to`}>{t('reassign.to')}</label>
          <select
            id={`${id}-to`}
            required
            value={toUserId}
            aria-invalid={problem === 'target'}
            aria-describedby={problem === 'target' ? `${id}-to-error` : undefined}
            onChange={(event) => {
              setToUserId(event.target.value);
              setProblem(null);
            }}
          >
            <option value="">{t('reassign.choose')}</option>
            {choices.map((colleague) => (
              <option key={colleague.id} value={colleague.id}>
                {colleague.name}
              </option>
            ))}
          </select>
          {problem === 'target' && (
            <p id={`${id}-to-error`} className="field__error" role="alert">
              {t('reassign.targetRequired')}
            </p>
          )}
          {colleagues.isSuccess && choices.length === 0 && (
            <p className="hint">{t('reassign.noColleagues')}</p>
          )}
        </div>
        <div className="field">
          <label htmlFor={`${id}-reason`}>{t('reassign.reason')}</label>
          <textarea
            id={`${id}-reason`}
            rows={4}
            maxLength={reassignReasonMaxLength}
            required
            value={reason}
            aria-invalid={problem === 'reason'}
            aria-describedby={`${id}-reason-hint${problem === 'reason' ? ` ${id}-reason-error` : ''}`}
            onChange={(event) => {
              setReason(event.target.value);
              setProblem(null);
            }}
          />
          <span id={`${id}-reason-hint`} className="hint">
            {t('reassign.reasonHint', { max: reassignReasonMaxLength })}
          </span>
          {problem === 'reason' && (
            <p id={`${id}-reason-error`} className="field__error" role="alert">
              {t('reassign.reasonRequired')}
            </p>
          )}
        </div>
        <FormActions
          error={reassign.isError ? (conflict ? t('reassign.conflict') : errorMessage(reassign.error)) : null}
          cancel={{ label: t('reassign.cancel'), onCancel: onClose }}
          cancelPlacement="first"
        >
          <button type="submit" className="button button--primary" disabled={reassign.isPending}>
            {t('reassign.submit')}
          </button>
        </FormActions>
      </form>
    </ModalDialog>
  );
}

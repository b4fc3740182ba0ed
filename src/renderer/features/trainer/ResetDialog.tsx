import { useI18n } from '../../app/I18nProvider';
import { useErrorMessage } from '../../app/useErrorMessage';
import { ModalDialog } from '../../ui/ModalDialog';
import { useToasts } from '../../ui/Toasts';
import { useTrainerActions } from './useTrainer';

/** Asks before a trainee's scenario starts again: their progress so far is lost. Cancel has the focus. */
export function ResetDialog({
  trainee,
  onClose,
}: {
  trainee: { id: string; name: string };
  onClose: () => void;
}) {
  const { t } = useI18n();
  const errorMessage = useErrorMessage();
  const { notify } = useToasts();
  const { reset } = useTrainerActions();
  return (
    <ModalDialog
      title={t('trainer.reset.title', { name: trainee.name })}
      description={t('trainer.reset.description')}
      onClose={onClose}
    >
      {reset.error && (
        <p className="field__error" role="alert">
          {errorMessage(reset.error)}
        </p>
      )}
      <div className="modal__actions">
        <button type="button" className="button" data-autofocus onClick={onClose}>
          {t('trainer.cancel')}
        </button>
        <button
          type="button"
          className="button button--danger"
          disabled={reset.isPending}
          onClick={() =>
            reset.mutate(
              { traineeId: trainee.id },
              {
                onSuccess: () => {
                  notify(t('trainer.reset.done', { name: trainee.name }));
                  onClose();
                },
              },
            )
          }
        >
          {t('trainer.reset.confirm')}
        </button>
      </div>
    </ModalDialog>
  );
}

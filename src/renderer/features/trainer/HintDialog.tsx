import { useId, useState, type FormEvent } from 'react';
import { useI18n } from '../../app/I18nProvider';
import { useErrorMessage } from '../../app/useErrorMessage';
import { ModalDialog } from '../../ui/ModalDialog';
import { useToasts } from '../../ui/Toasts';
import { useTrainerActions } from './useTrainer';

/** The trainer's own hint for one trainee, in a text box; it reaches their guide at once. */
export function HintDialog({
  trainee,
  onClose,
}: {
  trainee: { id: string; name: string };
  onClose: () => void;
}) {
  const { t } = useI18n();
  const errorMessage = useErrorMessage();
  const { notify } = useToasts();
  const { hint } = useTrainerActions();
  const [text, setText] = useState('');
  const [empty, setEmpty] = useState(false);
  const id = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setEmpty(text.trim() === '');
    if (text.trim() === '') return;
    hint.mutate(
      { traineeId: trainee.id, text },
      {
        onSuccess: () => {
          notify(t('trainer.hint.sent', { name: trainee.name }));
          onClose();
        },
      },
    );
  };
  const problem = empty ? t('trainer.hint.empty') : hint.error ? errorMessage(hint.error) : null;
  return (
    <ModalDialog
      title={t('trainer.hint.title', { name: trainee.name })}
      description={t('trainer.hint.description')}
      onClose={onClose}
    >
      <form className="modal__form" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={`${id}-text`}>{t('trainer.hint.text')}</label>
          <input
            id={`${id}-text`}
            maxLength={500}
            autoComplete="off"
            value={text}
            aria-invalid={empty ? true : undefined}
            aria-describedby={problem ? `${id}-problem` : undefined}
            onChange={(event) => setText(event.target.value)}
          />
          {problem && (
            <p id={`${id}-problem`} className="field__error" role="alert">
              {problem}
            </p>
          )}
        </div>
        <div className="modal__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('trainer.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={hint.isPending}>
            {t('trainer.hint.send')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}

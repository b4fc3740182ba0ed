import { useId, useState, type FormEvent } from 'react';
import { useI18n } from '../../../app/I18nProvider';
import { ModalDialog } from '../../../ui/ModalDialog';
import type { CardChoice } from './cardChoice';

export interface PinDialogProps {
  choice: CardChoice;
  /** How many documents this PIN signs. */
  count: number;
  /** Why the last try did not work (a wrong PIN), in plain words. */
  error: string | null;
  /** The PIN leaves with this call: the dialog keeps nothing of it. */
  onSubmit(pin: string, confirmFinalTry: boolean): void;
  onCancel(): void;
}

/**
 * The card's PIN: which card and certificate it opens, how many tries the card says are left (few,
 * the last one, which needs an explicit confirmation), and why the last try failed. The field is
 * emptied the moment the PIN is sent.
 */
export function PinDialog({ choice, count, error, onSubmit, onCancel }: PinDialogProps) {
  const { t } = useI18n();
  const [pin, setPin] = useState('');
  const [confirmFinal, setConfirmFinal] = useState(false);
  const [missing, setMissing] = useState(false);
  const errorId = useId();
  const triesId = useId();
  const { card, certificate } = choice;
  const finalTry = card.pin === 'finalTry';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (pin.length === 0) return setMissing(true);
    if (finalTry && !confirmFinal) return;
    const typed = pin;
    setPin('');
    setMissing(false);
    onSubmit(typed, finalTry && confirmFinal);
  };
  const shownError = missing ? t('signFlow.pin.required') : error;
  const described = [shownError ? errorId : null, card.pin !== 'ready' ? triesId : null].filter(Boolean);
  return (
    <ModalDialog
      title={t('signFlow.pin.title')}
      description={t('signFlow.pin.description', {
        count,
        holder: certificate.holder.name,
        nif: certificate.holder.nif ?? t('signFlow.none'),
        card: card.label,
      })}
      onClose={onCancel}
    >
      <form className="modal__form" onSubmit={submit} noValidate>
        {card.pin === 'countLow' && (
          <p id={triesId} className="sign-warning">
            {t('signFlow.pin.countLow')}
          </p>
        )}
        {finalTry && (
          <p id={triesId} className="sign-warning sign-warning--strong">
            {t('signFlow.pin.finalTry')}
          </p>
        )}
        <div className="field">
          <label htmlFor="sign-pin">{t('signFlow.pin.label')}</label>
          <input
            id="sign-pin"
            data-tour="pin.input"
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={pin}
            aria-invalid={shownError ? true : undefined}
            aria-describedby={described.length > 0 ? described.join(' ') : undefined}
            onChange={(event) => setPin(event.target.value)}
          />
          {shownError && (
            <p id={errorId} className="field__error" role="alert">
              {shownError}
            </p>
          )}
        </div>
        {finalTry && (
          <label className="sign-confirm">
            <input
              type="checkbox"
              checked={confirmFinal}
              onChange={(event) => setConfirmFinal(event.target.checked)}
            />
            {t('signFlow.pin.confirmFinalTry')}
          </label>
        )}
        <div className="modal__actions">
          <button type="button" className="button" onClick={onCancel}>
            {t('signFlow.pin.cancel')}
          </button>
          <button
            type="submit"
            className="button button--primary"
            data-tour="pin.submit"
            disabled={finalTry && !confirmFinal}
          >
            {t('signFlow.pin.sign', { count })}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}

import { useState, type FormEvent, type ReactNode } from 'react';
import type { CardKeyInput, SigningFailure } from '../../../../shared/api/signing';
import { useI18n } from '../../../app/I18nProvider';
import { useErrorMessage } from '../../../app/useErrorMessage';
import { ModalDialog } from '../../../ui/ModalDialog';
import { CardPicker } from './CardPicker';
import { choicesOf, pickedChoice } from './cardChoice';
import { PinDialog } from './PinDialog';
import { SlowCardNotice } from './SlowCardNotice';
import { useCards } from './useCards';
import { isPinFailure, useFailureText } from './useFailureText';
import './sign.css';

export interface CardSignDialogProps {
  title: string;
  description: string;
  submitLabel: string;
  /** The call is under way: the submit button says `pendingLabel`. */
  pending: boolean;
  pendingLabel: string;
  /** Whether this submit uses the card (a certificate, then its PIN); otherwise `onSubmitWithoutCard`. */
  withCard: boolean;
  /** Signs with the key; resolves with the card's failure, or null when it is done; a refused call throws. */
  onSign(key: CardKeyInput): Promise<SigningFailure | null>;
  onSubmitWithoutCard?(): Promise<void>;
  /** The sentence that says a failure of the card (other than the PIN's). */
  failureMessage(reason: string): string;
  onClose(): void;
  /** Fields shown above the card's certificates. */
  children?: ReactNode;
}

/**
 * One document signed with a card of this desk, outside the signing tray: a certificate of the
 * cards in the reader, then the PIN dialog (the same as the tray's). A wrong PIN brings the PIN
 * dialog back saying so; any other failure of the card, or a refusal of the call, is said here.
 */
export function CardSignDialog(props: CardSignDialogProps) {
  const { t } = useI18n();
  const failureText = useFailureText();
  const errorMessage = useErrorMessage();
  const cards = useCards();
  const [wanted, setWanted] = useState<string | null>(null);
  const [askingPin, setAskingPin] = useState(false);
  const [pinError, setPinError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const choices = choicesOf(cards.data);
  const picked = pickedChoice(choices, wanted);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    if (props.withCard) return setAskingPin(true);
    await props.onSubmitWithoutCard?.();
    props.onClose();
  };

  const sign = async (pin: string, confirmFinalTry: boolean) => {
    if (!picked) return;
    // The PIN dialog goes while the card signs; a wrong PIN brings it back.
    setAskingPin(false);
    let refused: SigningFailure | null;
    try {
      refused = await props.onSign({
        token: { module: picked.card.module, label: picked.card.label },
        certificate: { id: picked.certificate.id },
        pin,
        confirmFinalTry,
      });
    } catch (error) {
      return setFailure(errorMessage(error));
    }
    if (!refused) return props.onClose();
    void cards.refetch();
    if (isPinFailure(refused)) {
      setPinError(failureText(refused));
      return setAskingPin(true);
    }
    setFailure(props.failureMessage(failureText(refused)));
  };

  if (askingPin && picked)
    return (
      <PinDialog
        choice={picked}
        count={1}
        error={pinError}
        onSubmit={(pin, confirmFinalTry) => void sign(pin, confirmFinalTry)}
        onCancel={() => {
          setPinError(null);
          setAskingPin(false);
        }}
      />
    );
  return (
    <ModalDialog title={props.title} description={props.description} onClose={props.onClose}>
      <form className="modal__form" onSubmit={(event) => void submit(event)} noValidate>
        {props.children}
        {props.withCard && (
          <>
            <SlowCardNotice />
            {cards.isPending && <p role="status">{t('signFlow.card.looking')}</p>}
            {cards.data && choices.length === 0 && (
              <p className="sign-warning" role="status">
                {t('signFlow.card.none')}
              </p>
            )}
            {choices.length > 0 && (
              <CardPicker choices={choices} picked={picked} onPick={setWanted} disabled={props.pending} />
            )}
          </>
        )}
        {failure && (
          <p className="field__error" role="alert">
            {failure}
          </p>
        )}
        <div className="modal__actions">
          <button type="button" className="button" onClick={props.onClose}>
            {t('signFlow.pin.cancel')}
          </button>
          <button
            type="submit"
            className="button button--primary"
            aria-busy={props.pending}
            disabled={props.pending || (props.withCard && !picked)}
          >
            {props.pending ? props.pendingLabel : props.submitLabel}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}

import { useState, type FormEvent } from 'react';
import { useI18n } from '../../../app/I18nProvider';
import { ModalDialog } from '../../../ui/ModalDialog';
import { CardPicker } from '../../signing/sign/CardPicker';
import { canSign, choicesOf, pickedChoice } from '../../signing/sign/cardChoice';
import { PinDialog } from '../../signing/sign/PinDialog';
import { SlowCardNotice } from '../../signing/sign/SlowCardNotice';
import { useCards } from '../../signing/sign/useCards';
import { isPinFailure, useFailureText } from '../../signing/sign/useFailureText';
import type { CaseExporter } from './useCaseExport';
import '../../signing/sign/sign.css';

type IndexSigner = 'card' | 'seal';

/**
 * A head's export: who signs the index, their card (a certificate on it, then its PIN) or the
 * office's seal. A wrong PIN brings the PIN dialog back saying so; any other failure of the card is
 * said here, and nothing is exported.
 */
export function ExportDialog({ exporter, onClose }: { exporter: CaseExporter; onClose: () => void }) {
  const { t } = useI18n();
  const failureText = useFailureText();
  const cards = useCards();
  const [chosen, setChosen] = useState<IndexSigner | null>(null);
  const [wanted, setWanted] = useState<string | null>(null);
  const [askingPin, setAskingPin] = useState(false);
  const [pinError, setPinError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const choices = choicesOf(cards.data);
  const picked = pickedChoice(choices, wanted);
  const signer: IndexSigner = chosen ?? (choices.some(canSign) ? 'card' : 'seal');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    if (signer === 'card') return setAskingPin(true);
    await exporter.run();
    onClose();
  };

  const signWithCard = async (pin: string, confirmFinalTry: boolean) => {
    if (!picked) return;
    // The PIN dialog goes while the card signs; a wrong PIN brings it back.
    setAskingPin(false);
    const refused = await exporter.run({
      token: { module: picked.card.module, label: picked.card.label },
      certificate: { id: picked.certificate.id },
      pin,
      confirmFinalTry,
    });
    if (!refused) return onClose();
    void cards.refetch();
    if (isPinFailure(refused)) {
      setPinError(failureText(refused));
      return setAskingPin(true);
    }
    setFailure(t('eniExport.failed', { reason: failureText(refused) }));
  };

  if (askingPin && picked)
    return (
      <PinDialog
        choice={picked}
        count={1}
        error={pinError}
        onSubmit={(pin, confirmFinalTry) => void signWithCard(pin, confirmFinalTry)}
        onCancel={() => {
          setPinError(null);
          setAskingPin(false);
        }}
      />
    );
  return (
    <ModalDialog
      title={t('eniExport.dialog.title')}
      description={t('eniExport.dialog.description')}
      onClose={onClose}
    >
      <form className="modal__form" onSubmit={(event) => void submit(event)} noValidate>
        <fieldset className="casework-choice">
          <legend>{t('eniExport.signer.legend')}</legend>
          {(['card', 'seal'] as const).map((option) => (
            <label key={option}>
              <input
                type="radio"
                name="eni-index-signer"
                value={option}
                checked={signer === option}
                onChange={() => setChosen(option)}
              />{' '}
              {t(`eniExport.signer.${option}`)}
            </label>
          ))}
        </fieldset>
        {signer === 'card' && (
          <>
            <SlowCardNotice />
            {cards.isPending && <p role="status">{t('signFlow.card.looking')}</p>}
            {cards.data && choices.length === 0 && (
              <p className="sign-warning" role="status">
                {t('signFlow.card.none')}
              </p>
            )}
            {choices.length > 0 && (
              <CardPicker choices={choices} picked={picked} onPick={setWanted} disabled={exporter.pending} />
            )}
          </>
        )}
        {failure && (
          <p className="field__error" role="alert">
            {failure}
          </p>
        )}
        <div className="modal__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('eniExport.cancel')}
          </button>
          <button
            type="submit"
            className="button button--primary"
            aria-busy={exporter.pending}
            disabled={exporter.pending || (signer === 'card' && !picked)}
          >
            {exporter.pending ? t('eniExport.working') : t('eniExport.export')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}

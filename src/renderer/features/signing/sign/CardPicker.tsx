import { useId } from 'react';
import { useI18n } from '../../../app/I18nProvider';
import { canSign, choiceKey, type CardChoice } from './cardChoice';
import { CertificateFacts } from './CertificateFacts';

/**
 * The certificates of the cards in the reader, as radio buttons: those that can sign first, the
 * others shown (disabled) with why they cannot.
 */
export function CardPicker({
  choices,
  picked,
  onPick,
  disabled,
}: {
  choices: readonly CardChoice[];
  picked: CardChoice | null;
  onPick: (key: string) => void;
  disabled: boolean;
}) {
  const { t } = useI18n();
  const legendId = useId();
  return (
    <fieldset className="card-picker" data-tour="sign.card" aria-labelledby={legendId} disabled={disabled}>
      <legend id={legendId} className="fieldset-legend">
        {t('signFlow.card.pick')}
      </legend>
      {choices.map((choice) => {
        const key = choiceKey(choice);
        const usable = canSign(choice);
        const { card, certificate } = choice;
        return (
          <div key={key} className={`card-picker__option${usable ? '' : ' card-picker__option--unusable'}`}>
            <label>
              <input
                type="radio"
                name="sign-certificate"
                value={key}
                checked={picked !== null && choiceKey(picked) === key}
                disabled={!usable}
                onChange={() => onPick(key)}
              />
              <span className="card-picker__name">
                {t('signFlow.card.option', {
                  holder: certificate.holder.name || certificate.label,
                  card: card.label,
                })}
              </span>
            </label>
            <CertificateFacts certificate={certificate} compact />
            {card.problems.map((problem) => (
              <p key={problem} className="certificate-facts__problems">
                {t(`signFlow.card.problem.${problem}`)}
              </p>
            ))}
          </div>
        );
      })}
    </fieldset>
  );
}

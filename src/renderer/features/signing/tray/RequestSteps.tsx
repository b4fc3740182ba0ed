import type { SignatureStep } from '../../../../shared/api/signatures';
import { positionName } from '../../../../shared/i18n/catalogue-names';
import { useI18n } from '../../../app/I18nProvider';
import { formatInstant } from '../../../ui/format';

/** Who is asked to sign or approve, in order, and what each has done (and for whom, if substituting). */
export function RequestSteps({ steps }: { steps: readonly SignatureStep[] }) {
  const { t, intl, locale } = useI18n();
  return (
    <ol className="request-steps">
      {steps.map((step) => (
        <li key={step.position} className={`request-steps__step request-steps__step--${step.state}`}>
          <span className="request-steps__who">
            {step.signer.name}
            <span className="request-steps__position"> · {positionName(step.signer.position, locale)}</span>
          </span>
          <span>
            {t(`signatures.action.${step.action}`)} · {t(`signatures.stepState.${step.state}`)}
            {step.actedAt && ` · ${formatInstant(step.actedAt, intl)}`}
          </span>
          {step.actedBy && step.substitution && (
            <span className="request-steps__substitute">
              {t(`signatures.actedFor.${step.substitution}`, { name: step.actedBy.name })}
            </span>
          )}
        </li>
      ))}
    </ol>
  );
}

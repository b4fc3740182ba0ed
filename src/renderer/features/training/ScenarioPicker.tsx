import { useEffect, useRef } from 'react';
import type { TrainingMode } from '../../../shared/api/training';
import { useSession } from '../../api/hooks';
import { useI18n } from '../../app/I18nProvider';
import { useScenarios } from './useTraining';

/** The exercises of this training desk, each started with the guide or as an assessment. */
export function ScenarioPicker({
  onStart,
  onClose,
  busy,
  error,
}: {
  onStart: (scenarioId: string, mode: TrainingMode) => void;
  onClose: () => void;
  busy: boolean;
  error: string | null;
}) {
  const { t, locale } = useI18n();
  const scenarios = useScenarios(true);
  const userId = useSession().data?.user.id;
  // The exercises written for the signed-in person (each scenario is done as one demo user).
  const mine = scenarios.data?.filter((scenario) => scenario.trainee === userId);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <aside
      className="walkthrough-panel walkthrough-panel--docked walkthrough-picker"
      aria-labelledby="walkthrough-picker-title"
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.stopPropagation();
        onClose();
      }}
    >
      <h2 id="walkthrough-picker-title" ref={headingRef} tabIndex={-1}>
        {t('walkthrough.picker.title')}
      </h2>
      {mine?.length === 0 && <p>{t('walkthrough.picker.none')}</p>}
      <ul className="walkthrough-scenarios">
        {mine?.map((scenario) => (
          <li key={scenario.id} data-scenario={scenario.id}>
            <h3>{scenario.title[locale]}</h3>
            <p>{scenario.description[locale]}</p>
            <p className="walkthrough-meta">{t('walkthrough.picker.steps', { count: scenario.steps })}</p>
            <div className="walkthrough-actions">
              <button
                type="button"
                className="button button--primary"
                disabled={busy}
                onClick={() => onStart(scenario.id, 'guided')}
              >
                {t('walkthrough.picker.guided')}
              </button>
              <button
                type="button"
                className="button"
                disabled={busy}
                onClick={() => onStart(scenario.id, 'assessment')}
              >
                {t('walkthrough.picker.assessment')}
              </button>
            </div>
          </li>
        ))}
      </ul>
      {error && <p role="alert">{error}</p>}
      <div className="walkthrough-actions">
        <button type="button" className="button" onClick={onClose}>
          {t('walkthrough.close')}
        </button>
      </div>
    </aside>
  );
}

import { useEffect, useId, useState } from 'react';
import type { ClassTrainee, ClassView } from '../../../shared/api/trainer';
import { useI18n } from '../../app/I18nProvider';
import { useErrorMessage } from '../../app/useErrorMessage';
import { CertificateDialog } from './CertificateDialog';
import { HintDialog } from './HintDialog';
import { RecordsButton } from './RecordsButton';
import { ResetDialog } from './ResetDialog';
import { clockText, timeOnStepMs } from './time-on-step';
import { useClass } from './useTrainer';

/** This machine's clock, once a second: the "time on this step" column ticks with it. */
function useSecondTicks(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

type Dialog = { kind: 'hint' | 'reset' | 'certificate'; trainee: { id: string; name: string } } | null;

function StepCell({ trainee }: { trainee: ClassTrainee }) {
  const { t, locale } = useI18n();
  if (trainee.step)
    return (
      <>
        {t('trainer.stepOf', { current: trainee.step.index + 1, total: trainee.step.of })}
        <span className="data-table__sub">{trainee.step.instruction[locale]}</span>
      </>
    );
  if (trainee.score)
    return <>{t('trainer.finished', { right: trainee.score.right, of: trainee.score.of })}</>;
  return <>{t('trainer.notStarted')}</>;
}

/** The class of a session, live: one row per trainee, refetched whenever one of them moves. */
export function ClassTable({ sessionId }: { sessionId: string }) {
  const { t, locale } = useI18n();
  const errorMessage = useErrorMessage();
  const query = useClass(sessionId);
  const nowMs = useSecondTicks();
  const [dialog, setDialog] = useState<Dialog>(null);
  const id = useId();

  if (query.isError)
    return (
      <p className="field__error" role="alert">
        {errorMessage(query.error)}
      </p>
    );
  const view: ClassView | undefined = query.data;
  if (!view) return <p className="loading">{t('trainer.class.loading')}</p>;
  return (
    <section className="trainer-class" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('trainer.class.heading', { name: view.session.name })}</h2>
      <div className="trainer-class__records">
        <RecordsButton sessionId={sessionId} />
      </div>
      <table className="data-table trainer-class__table">
        <caption>{t('trainer.class.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('trainer.col.trainee')}</th>
            <th scope="col">{t('trainer.col.scenario')}</th>
            <th scope="col">{t('trainer.col.step')}</th>
            <th scope="col">{t('trainer.col.time')}</th>
            <th scope="col" className="numeric">
              {t('trainer.col.hints')}
            </th>
            <th scope="col">{t('trainer.col.mistakes')}</th>
            <th scope="col">{t('trainer.col.completed')}</th>
            <th scope="col">{t('trainer.col.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {view.trainees.map((trainee, index) => {
            const who = { id: trainee.traineeId, name: trainee.personName ?? trainee.name };
            const { completed, passed, of, recorded } = trainee.completions;
            const nothingId = `${id}-nothing-${index}`;
            return (
              <tr key={trainee.traineeId} data-trainee={trainee.traineeId}>
                <th scope="row">
                  {who.name}
                  {trainee.personName !== null && (
                    <span className="data-table__sub">{t('trainer.seat', { name: trainee.name })}</span>
                  )}
                </th>
                <td>
                  {trainee.scenario ? trainee.scenario.title[locale] : '—'}
                  {trainee.mode && (
                    <span className="data-table__sub">
                      {t(
                        trainee.mode === 'guided' ? 'walkthrough.mode.guided' : 'walkthrough.mode.assessment',
                      )}
                    </span>
                  )}
                </td>
                <td data-column="step">
                  <StepCell trainee={trainee} />
                </td>
                <td data-column="time">
                  {trainee.step ? clockText(timeOnStepMs(trainee.step, query.dataUpdatedAt, nowMs)) : '—'}
                  {trainee.step?.away && <span className="data-table__sub">{t('trainer.away')}</span>}
                </td>
                <td className="numeric" data-column="hints">
                  {trainee.hintsUsed}
                </td>
                <td>
                  {trainee.mistakes.count}
                  {trainee.mistakes.lastFeedback && (
                    <span className="data-table__sub">
                      {t('trainer.lastMistake', { feedback: trainee.mistakes.lastFeedback[locale] })}
                    </span>
                  )}
                </td>
                <td data-column="completed">
                  {completed === 0
                    ? t('trainer.completions.none', { of })
                    : t('trainer.completions', { completed, of, count: passed })}
                </td>
                <td>
                  <div className="trainer-class__actions">
                    <button
                      type="button"
                      className="button"
                      disabled={!trainee.step}
                      aria-label={t('trainer.hint.openFor', { name: who.name })}
                      onClick={() => setDialog({ kind: 'hint', trainee: who })}
                    >
                      {t('trainer.hint.open')}
                    </button>
                    <button
                      type="button"
                      className="button"
                      disabled={!trainee.scenario}
                      aria-label={t('trainer.reset.openFor', { name: who.name })}
                      onClick={() => setDialog({ kind: 'reset', trainee: who })}
                    >
                      {t('trainer.reset.open')}
                    </button>
                    <button
                      type="button"
                      className="button"
                      disabled={recorded === 0}
                      aria-label={t('trainer.certificate.openFor', { name: who.name })}
                      aria-describedby={recorded === 0 ? nothingId : undefined}
                      onClick={() => setDialog({ kind: 'certificate', trainee: who })}
                    >
                      {t('trainer.certificate.open')}
                    </button>
                  </div>
                  {/* Said in the cell, not in a tooltip: a disabled button takes no focus to show one. */}
                  {recorded === 0 && (
                    <span id={nothingId} className="data-table__sub">
                      {t('trainer.certificate.nothing')}
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {dialog?.kind === 'hint' && <HintDialog trainee={dialog.trainee} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'reset' && <ResetDialog trainee={dialog.trainee} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'certificate' && (
        <CertificateDialog trainee={dialog.trainee} sessionId={sessionId} onClose={() => setDialog(null)} />
      )}
    </section>
  );
}

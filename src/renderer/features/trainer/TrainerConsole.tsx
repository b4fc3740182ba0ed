import { useId, useState } from 'react';
import { useI18n } from '../../app/I18nProvider';
import { useErrorMessage } from '../../app/useErrorMessage';
import { ClassTable } from './ClassTable';
import { CreateSession } from './CreateSession';
import { useClassSessions } from './useTrainer';
import './trainer.css';

/**
 * The trainer's console on a training desk: make a class session, pick one, and follow its class
 * live (step, time on it, hints, mistakes), with a hint of one's own or a restart per trainee.
 */
export function TrainerConsole() {
  const { t } = useI18n();
  const errorMessage = useErrorMessage();
  const sessions = useClassSessions();
  const [chosen, setChosen] = useState<string | null>(null);
  const id = useId();
  const sessionId = chosen ?? sessions.data?.[0]?.id ?? null;
  return (
    <div className="trainer-console">
      <h1>{t('trainer.title')}</h1>
      <div className="trainer-console__columns">
        <CreateSession onCreated={(session) => setChosen(session.id)} />
        <section aria-labelledby={`${id}-sessions`}>
          <h2 id={`${id}-sessions`}>{t('trainer.sessions.heading')}</h2>
          {sessions.isError && (
            <p className="field__error" role="alert">
              {errorMessage(sessions.error)}
            </p>
          )}
          {sessions.data?.length === 0 && <p>{t('trainer.sessions.none')}</p>}
          {sessions.data && sessions.data.length > 0 && (
            <div className="field">
              <label htmlFor={`${id}-pick`}>{t('trainer.sessions.pick')}</label>
              <select
                id={`${id}-pick`}
                value={sessionId ?? ''}
                onChange={(event) => setChosen(event.target.value)}
              >
                {sessions.data.map((session) => (
                  <option key={session.id} value={session.id}>
                    {t('trainer.sessions.option', { name: session.name, count: session.traineeIds.length })}
                  </option>
                ))}
              </select>
            </div>
          )}
        </section>
      </div>
      {sessionId && <ClassTable sessionId={sessionId} />}
    </div>
  );
}

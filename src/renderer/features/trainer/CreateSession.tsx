import { useId, useState, type FormEvent } from 'react';
import type { ClassSession } from '../../../shared/api/trainer';
import { useI18n } from '../../app/I18nProvider';
import { useErrorMessage } from '../../app/useErrorMessage';
import { useToasts } from '../../ui/Toasts';
import { useScenarios } from '../training/useTraining';
import { ParticipantNames } from './ParticipantNames';
import { TraineePicker } from './TraineePicker';
import { useTrainerActions } from './useTrainer';

type Missing = 'needName' | 'needScenario' | 'needTrainee';

/**
 * A new class session: a name, the scenarios (by checkbox) and the trainees, offered from every
 * active user of the sandbox who is not a trainer (checking a scenario checks its trainee too), and
 * the real name of the person on each of those seats, when the trainer gives it.
 */
export function CreateSession({ onCreated }: { onCreated: (session: ClassSession) => void }) {
  const { t, locale } = useI18n();
  const errorMessage = useErrorMessage();
  const { notify } = useToasts();
  const { create } = useTrainerActions();
  const scenarios = useScenarios(true);
  const [name, setName] = useState('');
  const [scenarioIds, setScenarioIds] = useState<string[]>([]);
  const [traineeIds, setTraineeIds] = useState<string[]>([]);
  const [names, setNames] = useState<Record<string, string>>({});
  const [missing, setMissing] = useState<Missing | null>(null);
  const id = useId();

  const toggle = (list: string[], value: string, on: boolean) =>
    on ? [...new Set([...list, value])] : list.filter((item) => item !== value);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const wanting: Missing | null =
      name.trim() === ''
        ? 'needName'
        : scenarioIds.length === 0
          ? 'needScenario'
          : traineeIds.length === 0
            ? 'needTrainee'
            : null;
    setMissing(wanting);
    if (wanting) return;
    const participants = Object.fromEntries(
      traineeIds.flatMap((traineeId) => {
        const person = names[traineeId]?.trim() ?? '';
        return person === '' ? [] : [[traineeId, person]];
      }),
    );
    create.mutate(
      { name, scenarioIds, traineeIds, participants },
      {
        onSuccess: (session) => {
          notify(t('trainer.create.created', { name: session.name }));
          setName('');
          setScenarioIds([]);
          setTraineeIds([]);
          setNames({});
          onCreated(session);
        },
      },
    );
  };

  const problem = missing ? t(`trainer.create.${missing}`) : create.error ? errorMessage(create.error) : null;
  return (
    <section className="trainer-create" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('trainer.create.heading')}</h2>
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('trainer.create.name')}</label>
          <input
            id={`${id}-name`}
            value={name}
            maxLength={120}
            aria-invalid={missing === 'needName' ? true : undefined}
            onChange={(event) => setName(event.target.value)}
          />
        </div>
        <fieldset className="trainer-choices">
          <legend>{t('trainer.create.scenarios')}</legend>
          {scenarios.data?.map((scenario) => (
            <label key={scenario.id} className="trainer-choice">
              <input
                type="checkbox"
                checked={scenarioIds.includes(scenario.id)}
                onChange={(event) => {
                  setScenarioIds((list) => toggle(list, scenario.id, event.target.checked));
                  if (event.target.checked) setTraineeIds((list) => toggle(list, scenario.trainee, true));
                }}
              />
              {scenario.title[locale]}
            </label>
          ))}
        </fieldset>
        <TraineePicker
          picked={traineeIds}
          invalid={missing === 'needTrainee'}
          onToggle={(traineeId, on) => setTraineeIds((list) => toggle(list, traineeId, on))}
        />
        <ParticipantNames
          seats={traineeIds}
          names={names}
          onName={(traineeId, person) => setNames((all) => ({ ...all, [traineeId]: person }))}
        />
        {problem && (
          <p className="field__error" role="alert">
            {problem}
          </p>
        )}
        <button type="submit" className="button button--primary" disabled={create.isPending}>
          {t('trainer.create.submit')}
        </button>
      </form>
    </section>
  );
}

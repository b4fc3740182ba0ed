import { useId } from 'react';
import { useI18n } from '../../app/I18nProvider';
import { useTraineeCandidates } from './useTrainer';

/**
 * The real name of the person on each chosen seat (one of the demo city's staff), optional: the
 * session names them in their records and on their certificate instead of the seat's name.
 */
export function ParticipantNames({
  seats,
  names,
  onName,
}: {
  seats: readonly string[];
  names: Readonly<Record<string, string>>;
  onName: (traineeId: string, person: string) => void;
}) {
  const { t } = useI18n();
  const candidates = useTraineeCandidates();
  const id = useId();
  if (seats.length === 0) return null;
  const seatName = new Map((candidates.data ?? []).map((candidate) => [candidate.id, candidate.name]));
  return (
    <fieldset className="trainer-choices" aria-describedby={`${id}-hint`}>
      <legend>{t('trainer.create.people')}</legend>
      <p id={`${id}-hint`} className="trainer-note">
        {t('trainer.create.peopleHint')}
      </p>
      {seats.map((traineeId, index) => (
        <div className="field" key={traineeId}>
          <label htmlFor={`${id}-${index}`}>
            {t('trainer.create.personFor', { name: seatName.get(traineeId) ?? traineeId })}
          </label>
          <input
            id={`${id}-${index}`}
            value={names[traineeId] ?? ''}
            maxLength={120}
            autoComplete="off"
            data-seat={traineeId}
            onChange={(event) => onName(traineeId, event.target.value)}
          />
        </div>
      ))}
    </fieldset>
  );
}

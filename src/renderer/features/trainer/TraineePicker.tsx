import { useId, useState } from 'react';
import type { TraineeCandidate } from '../../../shared/api/trainer';
import { departmentName } from '../../../shared/i18n/catalogue-names';
import { foldText } from '../../app/demo-users';
import { useI18n } from '../../app/I18nProvider';
import { useErrorMessage } from '../../app/useErrorMessage';
import { useTraineeCandidates } from './useTrainer';

/** Candidates whose name has every word typed (any case, any accents); the picked ones stay shown. */
export function matchingCandidates(
  candidates: readonly TraineeCandidate[],
  search: string,
  picked: readonly string[],
): TraineeCandidate[] {
  const words = foldText(search).split(/\s+/).filter(Boolean);
  return candidates.filter(
    (candidate) =>
      picked.includes(candidate.id) || words.every((word) => foldText(candidate.name).includes(word)),
  );
}

/**
 * The trainees of a new class session: every active user of the sandbox who is not a trainer, with
 * their department, narrowed by a search on the name. A live line says how many are shown and
 * picked; the picked ones stay in the list whatever is typed.
 */
export function TraineePicker({
  picked,
  onToggle,
  invalid,
}: {
  picked: readonly string[];
  onToggle: (traineeId: string, on: boolean) => void;
  invalid: boolean;
}) {
  const { t, locale } = useI18n();
  const errorMessage = useErrorMessage();
  const candidates = useTraineeCandidates();
  const [search, setSearch] = useState('');
  const id = useId();
  const all = candidates.data ?? [];
  const shown = matchingCandidates(all, search, picked);
  return (
    <fieldset
      className="trainer-choices"
      aria-describedby={`${id}-hint`}
      aria-invalid={invalid ? true : undefined}
    >
      <legend>{t('trainer.create.trainees')}</legend>
      <p id={`${id}-hint`} className="trainer-note">
        {t('trainer.create.traineesHint')}
      </p>
      <div className="field">
        <label htmlFor={`${id}-search`}>{t('trainer.create.search')}</label>
        <input
          id={`${id}-search`}
          type="search"
          value={search}
          autoComplete="off"
          aria-describedby={`${id}-search-hint ${id}-count`}
          onChange={(event) => setSearch(event.target.value)}
        />
        <p id={`${id}-search-hint`} className="trainer-note">
          {t('trainer.create.searchHint')}
        </p>
      </div>
      {candidates.isPending && <p className="loading">{t('trainer.create.loadingTrainees')}</p>}
      {candidates.isError && (
        <p className="field__error" role="alert">
          {errorMessage(candidates.error)}
        </p>
      )}
      <p id={`${id}-count`} className="trainer-note" role="status">
        {candidates.isSuccess &&
          (shown.length === 0
            ? t('trainer.create.noMatch')
            : t('trainer.create.shown', { shown: shown.length, total: all.length, picked: picked.length }))}
      </p>
      <ul className="trainer-trainees" aria-label={t('trainer.create.trainees')}>
        {shown.map((candidate) => (
          <li key={candidate.id}>
            <label className="trainer-choice">
              <input
                type="checkbox"
                checked={picked.includes(candidate.id)}
                onChange={(event) => onToggle(candidate.id, event.target.checked)}
              />
              {t('trainer.create.option', {
                name: candidate.name,
                department: departmentName(candidate.departmentId, candidate.departmentName, locale),
              })}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

import { RadioChoices } from '../../../ui/RadioChoices';
import { useId, useState } from 'react';
import type { Substitution, SubstitutionKind } from '../../../../shared/api/signatures';
import { positionName } from '../../../../shared/i18n/catalogue-names';
import { useI18n } from '../../../app/I18nProvider';
import { useErrorMessage } from '../../../app/useErrorMessage';
import { useCreateSubstitution, useRevokeSubstitution, useSubstitutions } from '../../../api/signatures';
import { formatLegalDate } from '../../../ui/format';
import { useToasts } from '../../../ui/Toasts';
import { madridToday } from './dates';
import './tray.css';

function SubstitutionsTable({
  substitutions,
  who,
  onRevoke,
}: {
  substitutions: readonly Substitution[];
  who: 'absent' | 'substitute';
  onRevoke?: (substitution: Substitution) => void;
}) {
  const { t, intl, locale } = useI18n();
  if (substitutions.length === 0) return <p className="empty">{t('substitutions.none')}</p>;
  return (
    <div className="table-scroll">
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">
              {t(who === 'substitute' ? 'substitutions.substitute' : 'substitutions.absent')}
            </th>
            <th scope="col">{t('substitutions.kind')}</th>
            <th scope="col">{t('substitutions.startsOn')}</th>
            <th scope="col">{t('substitutions.endsOn')}</th>
            <th scope="col">{t('substitutions.state')}</th>
            {onRevoke && (
              <th scope="col">
                <span className="visually-hidden">{t('substitutions.actions')}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {substitutions.map((substitution) => {
            const person = substitution[who];
            const state = substitution.revokedAt
              ? 'revoked'
              : substitution.activeToday
                ? 'active'
                : 'inactive';
            return (
              <tr key={substitution.id}>
                <th scope="row">
                  {person.name}
                  <span className="data-table__sub">{positionName(person.position, locale)}</span>
                </th>
                <td>{t(`substitutions.kind.${substitution.kind}`)}</td>
                <td>{formatLegalDate(substitution.startsOn, intl)}</td>
                <td>{formatLegalDate(substitution.endsOn, intl)}</td>
                <td>{t(`substitutions.state.${state}`)}</td>
                {onRevoke && (
                  <td>
                    {!substitution.revokedAt && (
                      <button
                        type="button"
                        className="button button--small button--danger"
                        aria-label={t('substitutions.revokeFor', { name: person.name })}
                        onClick={() => onRevoke(substitution)}
                      >
                        {t('substitutions.revoke')}
                      </button>
                    )}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** A head away names who signs for them, by substitution or delegation, between two dates. */
export function SubstitutionsScreen() {
  const { t, locale } = useI18n();
  const errorMessage = useErrorMessage();
  const { notify } = useToasts();
  const list = useSubstitutions();
  const create = useCreateSubstitution();
  const revoke = useRevokeSubstitution();
  const id = useId();
  const today = madridToday();
  const [substituteId, setSubstituteId] = useState('');
  const [kind, setKind] = useState<SubstitutionKind>('substitution');
  const [startsOn, setStartsOn] = useState(today);
  const [endsOn, setEndsOn] = useState(today);

  return (
    <section className="substitutions" aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>{t('substitutions.title')}</h1>
      <p className="hint">{t('substitutions.explanation')}</p>
      <form
        className="substitution-form"
        aria-labelledby={`${id}-new`}
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate(
            { substituteId, kind, startsOn, endsOn },
            {
              onSuccess: (created) => notify(t('substitutions.created', { name: created.substitute.name })),
              onError: (error) => notify(errorMessage(error), 'error'),
            },
          );
        }}
      >
        <h2 id={`${id}-new`} className="visually-hidden">
          {t('substitutions.new')}
        </h2>
        <div className="field">
          <label htmlFor={`${id}-who`}>{t('substitutions.substitute')}</label>
          <select
            id={`${id}-who`}
            required
            value={substituteId}
            onChange={(event) => setSubstituteId(event.target.value)}
          >
            <option value="">{t('substitutions.choose')}</option>
            {(list.data?.candidates ?? []).map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.name} · {positionName(candidate.position, locale)}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="send-options">
          <legend>{t('substitutions.kind')}</legend>
          <div className="radio-row">
            <RadioChoices
              name={`${id}-kind`}
              options={['substitution', 'delegation'] as const}
              value={kind}
              onChange={setKind}
              label={(option) => t(`substitutions.kind.${option}`)}
            />
          </div>
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-from`}>{t('substitutions.startsOn')}</label>
          <input
            id={`${id}-from`}
            type="date"
            required
            value={startsOn}
            onChange={(event) => setStartsOn(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>{t('substitutions.endsOn')}</label>
          <input
            id={`${id}-to`}
            type="date"
            required
            min={startsOn}
            value={endsOn}
            onChange={(event) => setEndsOn(event.target.value)}
          />
        </div>
        <button
          type="submit"
          className="button button--primary"
          disabled={create.isPending || substituteId === ''}
        >
          {t('substitutions.create')}
        </button>
      </form>
      {list.isError && <p role="alert">{errorMessage(list.error)}</p>}
      <h2>{t('substitutions.given')}</h2>
      <SubstitutionsTable
        substitutions={list.data?.given ?? []}
        who="substitute"
        onRevoke={(substitution) =>
          revoke.mutate(
            { substitutionId: substitution.id },
            {
              onSuccess: () => notify(t('substitutions.revoked', { name: substitution.substitute.name })),
              onError: (error) => notify(errorMessage(error), 'error'),
            },
          )
        }
      />
      <h2>{t('substitutions.received')}</h2>
      <SubstitutionsTable substitutions={list.data?.received ?? []} who="absent" />
    </section>
  );
}

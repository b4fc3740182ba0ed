import { useId } from 'react';
import type { CaseState, QueueName } from '../../../shared/domain/cases';
import { useI18n } from '../../app/I18nProvider';
import { useProcedures } from '../../api/hooks';
import { initialQueueView, statesOf, type QueueView, type SortOrder } from './view-state';

type FilterPatch = Partial<Pick<QueueView, 'procedureCode' | 'state' | 'text' | 'sort'>>;

/** The procedures offered are the department's own (the office lists only those). */
export function QueueFilters({
  queue,
  view,
  onChange,
}: {
  queue: QueueName;
  view: QueueView;
  onChange: (patch: FilterPatch) => void;
}) {
  const { t, locale, intl } = useI18n();
  const procedures = useProcedures();
  const id = useId();
  const collator = new Intl.Collator(intl);
  const sortedProcedures = [...(procedures.data ?? [])].sort((a, b) =>
    collator.compare(a.name[locale], b.name[locale]),
  );
  const states = statesOf(queue);
  const state = states.includes(view.state as CaseState) ? view.state : '';
  const filtered = view.procedureCode !== '' || state !== '' || view.text !== '';

  return (
    <form
      className="queue-filters"
      role="search"
      aria-label={t('queues.filters')}
      onSubmit={(event) => event.preventDefault()}
    >
      <div className="field field--grow">
        <label htmlFor={`${id}-text`}>{t('queues.filter.text')}</label>
        <input
          id={`${id}-text`}
          type="search"
          value={view.text}
          maxLength={100}
          autoComplete="off"
          aria-describedby={`${id}-text-hint`}
          onChange={(event) => onChange({ text: event.target.value })}
        />
        <span id={`${id}-text-hint`} className="hint">
          {t('queues.filter.textHint')}
        </span>
      </div>
      <div className="field">
        <label htmlFor={`${id}-procedure`}>{t('queues.filter.procedure')}</label>
        <select
          id={`${id}-procedure`}
          className="queue-filters__procedure"
          value={view.procedureCode}
          onChange={(event) => onChange({ procedureCode: event.target.value })}
        >
          <option value="">{t('queues.filter.procedureAll')}</option>
          {sortedProcedures.map((procedure) => (
            <option key={procedure.code} value={procedure.code}>
              {procedure.name[locale]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-state`}>{t('queues.filter.state')}</label>
        <select
          id={`${id}-state`}
          value={state}
          aria-describedby={queue === 'all' ? undefined : `${id}-state-hint`}
          onChange={(event) => onChange({ state: event.target.value as CaseState | '' })}
        >
          <option value="">{t('queues.filter.stateAll')}</option>
          {states.map((option) => (
            <option key={option} value={option}>
              {t(`case.state.${option}`)}
            </option>
          ))}
        </select>
        {queue !== 'all' && (
          <span id={`${id}-state-hint`} className="hint">
            {t('queues.filter.stateOpenOnly')}
          </span>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-sort`}>{t('queues.filter.sort')}</label>
        <select
          id={`${id}-sort`}
          value={view.sort}
          onChange={(event) => onChange({ sort: event.target.value as SortOrder })}
        >
          <option value="due_asc">{t('queues.sort.due_asc')}</option>
          <option value="due_desc">{t('queues.sort.due_desc')}</option>
        </select>
      </div>
      <button
        type="button"
        className="button button--quiet"
        disabled={!filtered}
        onClick={() =>
          onChange({
            procedureCode: initialQueueView.procedureCode,
            state: initialQueueView.state,
            text: initialQueueView.text,
          })
        }
      >
        {t('queues.filter.clear')}
      </button>
    </form>
  );
}

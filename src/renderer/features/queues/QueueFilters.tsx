import { useId } from 'react';
import { caseStates, type CaseState } from '../../../shared/domain/cases';
import { useI18n } from '../../app/I18nProvider';
import { useProcedures } from '../../api/hooks';
import { initialQueueView, type QueueView, type SortOrder } from './view-state';

type FilterPatch = Partial<Pick<QueueView, 'procedureCode' | 'state' | 'text' | 'sort'>>;

export function QueueFilters({
  view,
  onChange,
}: {
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
  const filtered = view.procedureCode !== '' || view.state !== '' || view.text !== '';

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
          value={view.state}
          onChange={(event) => onChange({ state: event.target.value as CaseState | '' })}
        >
          <option value="">{t('queues.filter.stateAll')}</option>
          {caseStates.map((state) => (
            <option key={state} value={state}>
              {t(`case.state.${state}`)}
            </option>
          ))}
        </select>
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

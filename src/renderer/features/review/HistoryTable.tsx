import type { HistoryEntry } from '../../../shared/api/index';
import { useI18n } from '../../app/I18nProvider';
import { formatInstant } from '../../ui/format';
import { historyActionKey, historyParams } from './eni';

/** The case's audit trail, newest first, in the reader's language. */
export function HistoryTable({ history }: { history: readonly HistoryEntry[] }) {
  const { t, tDynamic, intl } = useI18n();
  if (history.length === 0) return <p className="empty">{t('case.history.none')}</p>;
  const newestFirst = [...history].sort((a, b) => b.seq - a.seq);
  return (
    <div className="table-scroll">
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('case.history.when')}</th>
            <th scope="col">{t('case.history.who')}</th>
            <th scope="col">{t('case.history.what')}</th>
          </tr>
        </thead>
        <tbody>
          {newestFirst.map((entry) => (
            <tr key={entry.seq}>
              <td>
                <time dateTime={entry.at}>{formatInstant(entry.at, intl)}</time>
              </td>
              <td>{entry.actorName ?? t('case.history.system')}</td>
              <td>
                {tDynamic(
                  historyActionKey(entry.action),
                  'history.action.other',
                  historyParams(entry, (state) => t(`case.state.${state}`)),
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

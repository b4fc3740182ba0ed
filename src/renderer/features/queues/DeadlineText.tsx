import type { CaseRow } from '../../../shared/api/index';
import { useI18n } from '../../app/I18nProvider';
import { deadlineStatus } from './deadline';

type TermOf = Pick<CaseRow, 'businessDaysLeft' | 'state' | 'closedAt'>;

/** The day, in Madrid, the case closed (the desk may run in another time zone). */
const closedDate: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeZone: 'Europe/Madrid' };

/**
 * What is left of a case's term: the business days while it runs; "suspended" while the case
 * awaits its amendment (art. 22.1.a); for a closed case, no days at all but the day it closed.
 */
export function DeadlineText({ row }: { row: TermOf }) {
  const { t, intl } = useI18n();
  if (row.closedAt)
    return (
      <span className="deadline deadline--closed">
        {t('queues.closedOn', {
          date: new Intl.DateTimeFormat(intl, closedDate).format(new Date(row.closedAt)),
        })}
      </span>
    );
  if (row.state === 'awaiting_amendment')
    return <span className="deadline deadline--suspended">{t('queues.termSuspended')}</span>;
  const status = deadlineStatus(row.businessDaysLeft);
  return (
    <span className={`deadline deadline--${status.tone}`}>
      {status.tone === 'overdue' && (
        <span className="deadline__icon" aria-hidden="true">
          !
        </span>
      )}
      {t(status.key, { count: status.count })}
    </span>
  );
}

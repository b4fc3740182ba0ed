import { useI18n } from '../../app/I18nProvider';
import { deadlineStatus } from './deadline';

export function DeadlineText({ businessDaysLeft }: { businessDaysLeft: number }) {
  const { t } = useI18n();
  const status = deadlineStatus(businessDaysLeft);
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

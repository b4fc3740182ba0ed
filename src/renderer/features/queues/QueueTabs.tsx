import { dueSoonBusinessDays, type QueueName } from '../../../shared/domain/cases';
import { useI18n } from '../../app/I18nProvider';
import { useQueueCounts } from '../../api/hooks';
import { CountedTabs } from '../../ui/CountedTabs';

export const queueTabId = (queue: QueueName) => `queue-tab-${queue}`;
export const queuePanelId = 'queue-panel';

/** The user's queues as tabs with their counts. */
export function QueueTabs({
  queues,
  selected,
  onSelect,
}: {
  queues: readonly QueueName[];
  selected: QueueName;
  onSelect: (queue: QueueName) => void;
}) {
  const { t } = useI18n();
  const counts = useQueueCounts();
  return (
    <CountedTabs
      tabs={queues}
      selected={selected}
      onSelect={onSelect}
      label={t('queues.tabsLabel')}
      panelId={queuePanelId}
      tabId={queueTabId}
      nameOf={(queue) => t(`queues.name.${queue}`, { days: dueSoonBusinessDays })}
      countOf={(queue) => counts.data?.[queue]}
      countTestId={(queue) => `count-${queue}`}
      classNameOf={(queue) => `queue-tab queue-tab--${queue}`}
    />
  );
}

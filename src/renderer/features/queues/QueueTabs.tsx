import { useRef, type KeyboardEvent } from 'react';
import { dueSoonBusinessDays, type QueueName } from '../../../shared/domain/cases';
import { useI18n } from '../../app/I18nProvider';
import { useQueueCounts } from '../../api/hooks';
import { tabAfterKey } from '../../ui/tabs';

export const queueTabId = (queue: QueueName) => `queue-tab-${queue}`;
export const queuePanelId = 'queue-panel';

/** The user's queues as tabs (arrow keys move and select, as in the WAI-ARIA tabs pattern). */
export function QueueTabs({
  queues,
  selected,
  onSelect,
}: {
  queues: readonly QueueName[];
  selected: QueueName;
  onSelect: (queue: QueueName) => void;
}) {
  const { t, intl } = useI18n();
  const counts = useQueueCounts();
  const tabRefs = useRef(new Map<QueueName, HTMLButtonElement>());

  const onKeyDown = (event: KeyboardEvent) => {
    const queue = tabAfterKey(event.key, queues, selected);
    if (!queue) return;
    event.preventDefault();
    onSelect(queue);
    tabRefs.current.get(queue)?.focus();
  };

  return (
    <div className="queue-tabs" role="tablist" aria-label={t('queues.tabsLabel')} onKeyDown={onKeyDown}>
      {queues.map((queue) => {
        const count = counts.data?.[queue];
        return (
          <button
            key={queue}
            ref={(element) => {
              if (element) tabRefs.current.set(queue, element);
              else tabRefs.current.delete(queue);
            }}
            id={queueTabId(queue)}
            type="button"
            role="tab"
            aria-selected={queue === selected}
            aria-controls={queuePanelId}
            tabIndex={queue === selected ? 0 : -1}
            className={`queue-tab queue-tab--${queue}`}
            onClick={() => onSelect(queue)}
          >
            <span className="queue-tab__name">
              {t(`queues.name.${queue}`, { days: dueSoonBusinessDays })}
            </span>
            <span className="queue-tab__count" data-testid={`count-${queue}`}>
              {count === undefined ? '…' : count.toLocaleString(intl)}
            </span>
          </button>
        );
      })}
    </div>
  );
}

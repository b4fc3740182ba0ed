import { useEffect, useEffectEvent, useMemo } from 'react';
import { dueSoonBusinessDays, type QueueName } from '../../../shared/domain/cases';
import type { CaseRow } from '../../../shared/api/index';
import type { CaseWork } from '../../app/case-work';
import { useI18n } from '../../app/I18nProvider';
import { useProcedures } from '../../api/hooks';
import type { ListParams } from '../../api/query-keys';
import { isTypingTarget } from '../../ui/list-navigation';
import { useDebouncedValue } from '../../ui/useDebouncedValue';
import { CaseGrid } from './CaseGrid';
import { QueueFilters } from './QueueFilters';
import { QueueTabs, queuePanelId, queueTabId } from './QueueTabs';
import { useClaimActions } from './useClaimActions';
import { toCaseFilter, updateView, type QueueView } from './view-state';

const filterDebounceMs = 250;

interface QueuesScreenProps {
  queue: QueueName;
  /** Which queues, and whether this user claims: a head reviews the same screen without its actions. */
  work: CaseWork;
  view: QueueView;
  focusListOnMount: boolean;
  onViewChange: (update: (view: QueueView) => QueueView) => void;
  onSelectQueue: (queue: QueueName) => void;
  onOpenCase: (caseId: string) => void;
}

export function QueuesScreen({
  queue,
  work,
  view,
  focusListOnMount,
  onViewChange,
  onSelectQueue,
  onOpenCase,
}: QueuesScreenProps) {
  const { t } = useI18n();
  const procedures = useProcedures();
  const { claimCase, claimNextCase, busy } = useClaimActions();
  const text = useDebouncedValue(view.text, filterDebounceMs);

  const filter = useMemo(() => toCaseFilter(view, text, queue), [view, text, queue]);
  const params = useMemo<ListParams>(() => ({ queue, filter, sort: view.sort }), [queue, filter, view.sort]);
  const procedureMap = useMemo(
    () => new Map((procedures.data ?? []).map((p) => [p.code, p])),
    [procedures.data],
  );

  const queueName = t(`queues.name.${queue}`, { days: dueSoonBusinessDays });
  // From the queue being viewed, with its filters: what the processor sees is what they take from.
  const claimNext = () => claimNextCase({ queue, filter }, queueName);
  // N claims the next case from anywhere on this screen, except while typing in a field.
  const onWindowKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (!work.canClaim) return;
    if (event.key.toLowerCase() !== 'n' || event.ctrlKey || event.altKey || event.metaKey) return;
    if (isTypingTarget(event.target) || event.defaultPrevented) return;
    event.preventDefault();
    claimNext();
  });
  useEffect(() => {
    window.addEventListener('keydown', onWindowKeyDown);
    return () => window.removeEventListener('keydown', onWindowKeyDown);
  }, []);

  return (
    <section className="queues" aria-labelledby="queues-title">
      <div className="queues__top">
        <h1 id="queues-title">{t('queues.title')}</h1>
        {work.canClaim ? (
          <button
            type="button"
            data-tour="queues.claim-next"
            className="button button--primary"
            aria-keyshortcuts="N"
            disabled={busy}
            onClick={claimNext}
          >
            {t('queues.claimNext')} <kbd aria-hidden="true">N</kbd>
          </button>
        ) : (
          <p className="queues__note">{t('queues.reviewNote')}</p>
        )}
      </div>
      <QueueTabs queues={work.queues} selected={queue} onSelect={onSelectQueue} />
      <div className="queue-panel" id={queuePanelId} role="tabpanel" aria-labelledby={queueTabId(queue)}>
        <QueueFilters
          queue={queue}
          view={view}
          onChange={(patch) => onViewChange((current) => updateView(current, patch))}
        />
        <p className="hint" id="queue-shortcuts">
          {t(work.canClaim ? 'queues.shortcuts' : 'queues.shortcutsReview')}
        </p>
        <CaseGrid
          params={params}
          label={t('queues.list.label', { queue: queueName })}
          describedBy="queue-shortcuts"
          settling={view.text !== text}
          procedures={procedureMap}
          activeIndex={view.activeIndex}
          focusOnMount={focusListOnMount}
          onActiveChange={(activeIndex) => onViewChange((current) => ({ ...current, activeIndex }))}
          onOpen={(row: CaseRow) => onOpenCase(row.id)}
          onClaim={work.canClaim ? claimCase : undefined}
        />
      </div>
    </section>
  );
}

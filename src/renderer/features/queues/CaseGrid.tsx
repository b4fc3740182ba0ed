import { useQueryClient } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { CaseRow, Procedure } from '../../../shared/api/index';
import { useI18n } from '../../app/I18nProvider';
import { useErrorMessage } from '../../app/useErrorMessage';
import { listPageSize, useListPages } from '../../api/hooks';
import { queryKeys, type ListParams } from '../../api/query-keys';
import { formatLegalDate } from '../../ui/format';
import { nextActiveIndex } from '../../ui/list-navigation';
import { DeadlineText } from './DeadlineText';
import { pagesToLoad, rowAt } from './paging';

/** Fixed heights keep the virtual list exact at any length (the CSS uses the same figures). */
const rowHeight = 56;
const headerHeight = 40;

interface CaseGridProps {
  params: ListParams;
  label: string;
  describedBy: string;
  /** The filter is about to change (typing not yet debounced): what is shown is about to go. */
  settling: boolean;
  procedures: ReadonlyMap<string, Procedure>;
  activeIndex: number;
  focusOnMount: boolean;
  onActiveChange: (index: number) => void;
  onOpen: (row: CaseRow) => void;
  /** Absent for those who review the queue without working it: no claim column, no C key. */
  onClaim?: (row: CaseRow) => void;
}

type ListPage = { total: number; rows: CaseRow[] };

/**
 * The queue as a virtualized grid: only the rows on screen exist in the DOM, and only their pages
 * are fetched (and cached), so 100,000 cases scroll like 100. The grid keeps focus and points at
 * the active row with aria-activedescendant.
 */
export function CaseGrid({
  params,
  label,
  describedBy,
  settling,
  procedures,
  activeIndex,
  focusOnMount,
  onActiveChange,
  onOpen,
  onClaim,
}: CaseGridProps) {
  const { t, locale, intl } = useI18n();
  const errorMessage = useErrorMessage();
  const columnCount = onClaim ? 7 : 6;
  const queryClient = useQueryClient();
  const scrollRef = useRef<HTMLDivElement>(null);
  const mounted = useRef(false);

  const cachedTotal = queryClient
    .getQueriesData<ListPage>({ queryKey: [...queryKeys.lists, params] })
    .find(([, page]) => page !== undefined)?.[1]?.total;

  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler here; the virtualizer is read afresh each render
  const virtualizer = useVirtualizer({
    count: cachedTotal ?? 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 8,
    scrollMargin: headerHeight,
    scrollPaddingStart: headerHeight,
  });
  const items = virtualizer.getVirtualItems();
  const pages = pagesToLoad(items[0]?.index, items[items.length - 1]?.index, activeIndex, listPageSize);
  const results = useListPages(params, pages);
  const loaded = pages.map((page, i) => ({ page, rows: results[i]?.data?.rows }));
  const total = results.find((result) => result.data)?.data?.total ?? cachedTotal;
  const count = total ?? 0;
  const failed = results.find((result) => result.isError);
  const clampedActive = Math.min(activeIndex, Math.max(0, count - 1));

  useEffect(() => {
    if (mounted.current) return;
    mounted.current = true;
    if (!focusOnMount) return;
    scrollRef.current?.focus();
    virtualizer.scrollToIndex(activeIndex, { align: 'center' });
  }, [focusOnMount, activeIndex, virtualizer]);

  const moveTo = (index: number) => {
    onActiveChange(index);
    virtualizer.scrollToIndex(index, { align: 'auto' });
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.altKey || event.metaKey) return;
    const visibleRows = Math.floor(
      ((scrollRef.current?.clientHeight ?? rowHeight) - headerHeight) / rowHeight,
    );
    const next = event.ctrlKey ? null : nextActiveIndex(event.key, clampedActive, count, visibleRows);
    if (next !== null) {
      event.preventDefault();
      moveTo(next);
      return;
    }
    const row = rowAt(loaded, clampedActive, listPageSize);
    if (!row) return;
    if (event.key === 'Enter' && !event.ctrlKey) {
      event.preventDefault();
      onOpen(row);
    } else if (
      (event.key.toLowerCase() === 'c' && !event.ctrlKey) ||
      (event.key === 'Enter' && event.ctrlKey)
    ) {
      event.preventDefault();
      if (row.assigneeId === null) onClaim?.(row);
    }
  };

  const activeRendered = count > 0 && items.some((item) => item.index === clampedActive);
  const headers = [
    t('queues.col.number'),
    t('queues.col.procedure'),
    t('queues.col.applicant'),
    t('queues.col.stateAssignee'),
    t('queues.col.dueAndDays'),
    t('queues.col.silence'),
    ...(onClaim ? [t('queues.claim')] : []),
  ];

  return (
    <>
      <p className="queue-panel__status" role="status">
        {settling
          ? t('queues.list.updating')
          : total === undefined
            ? t('app.loading')
            : t('queues.count', { count: total })}
        {!settling && total === 0 && ` ${t('queues.list.empty')}`}
      </p>
      {failed && (
        <p className="queue-panel__error" role="alert">
          {errorMessage(failed.error)}
        </p>
      )}
      <div
        ref={scrollRef}
        className={onClaim ? 'case-grid' : 'case-grid case-grid--review'}
        data-tour="queues.grid"
        role="grid"
        tabIndex={0}
        aria-label={label}
        aria-describedby={describedBy}
        aria-rowcount={count + 1}
        aria-colcount={columnCount}
        aria-activedescendant={activeRendered ? `case-row-${clampedActive}` : undefined}
        aria-busy={settling || results.some((result) => result.isFetching)}
        onKeyDown={onKeyDown}
      >
        <div className="case-grid__head" role="rowgroup">
          <div className="case-grid__row case-grid__row--head" role="row" aria-rowindex={1}>
            {headers.map((header, column) => (
              <div key={column} role="columnheader" className="case-grid__cell" aria-colindex={column + 1}>
                {onClaim && column === columnCount - 1 ? (
                  <span className="visually-hidden">{header}</span>
                ) : (
                  header
                )}
              </div>
            ))}
          </div>
        </div>
        <div className="case-grid__body" role="rowgroup" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = rowAt(loaded, item.index, listPageSize);
            const active = item.index === clampedActive;
            const procedure = row ? procedures.get(row.procedureCode) : undefined;
            return (
              <div
                key={item.key}
                id={`case-row-${item.index}`}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={active}
                className={`case-grid__row${active ? ' case-grid__row--active' : ''}`}
                style={{ transform: `translateY(${item.start - headerHeight}px)` }}
                onClick={() => {
                  onActiveChange(item.index);
                  scrollRef.current?.focus();
                }}
                onDoubleClick={() => row && onOpen(row)}
              >
                {row ? (
                  <>
                    <div role="gridcell" className="case-grid__cell case-grid__number">
                      <a href={`#/cases/${encodeURIComponent(row.id)}`} tabIndex={-1}>
                        {row.number}
                      </a>
                    </div>
                    <div role="gridcell" className="case-grid__cell case-grid__procedure">
                      {procedure?.name[locale] ?? row.procedureCode}
                    </div>
                    <div role="gridcell" className="case-grid__cell case-grid__stacked">
                      <span className="case-grid__applicant">{row.applicantName}</span>
                      <span className="case-grid__sub case-grid__nif">{row.applicantNif}</span>
                    </div>
                    <div role="gridcell" className="case-grid__cell case-grid__stacked">
                      <span className="case-grid__state">{t(`case.state.${row.state}`)}</span>
                      <span className="case-grid__sub">{row.assigneeName ?? t('queues.unassigned')}</span>
                    </div>
                    <div role="gridcell" className="case-grid__cell case-grid__stacked">
                      <span className="case-grid__due">{formatLegalDate(row.dueDate, intl)}</span>
                      <DeadlineText row={row} />
                    </div>
                    <div role="gridcell" className={`case-grid__cell silence silence--${row.silence}`}>
                      {t(`case.silence.${row.silence}`)}
                    </div>
                    {onClaim && (
                      <div role="gridcell" className="case-grid__cell">
                        {row.assigneeId === null && (
                          <button
                            type="button"
                            data-tour="queues.row-claim"
                            tabIndex={-1}
                            className="button button--small"
                            aria-keyshortcuts="C"
                            onClick={(event) => {
                              event.stopPropagation();
                              onClaim(row);
                            }}
                          >
                            {t('queues.claim')}
                          </button>
                        )}
                      </div>
                    )}
                  </>
                ) : (
                  <div
                    role="gridcell"
                    className="case-grid__cell case-grid__loading"
                    aria-colspan={columnCount}
                  >
                    {t('queues.list.loadingRow')}
                  </div>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </>
  );
}

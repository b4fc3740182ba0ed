import { useId, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { TrayBox, TrayRow } from '../../../../shared/api/signatures';
import type { MessageKey } from '../../../../shared/i18n/index';
import { useI18n } from '../../../app/I18nProvider';
import { useErrorMessage } from '../../../app/useErrorMessage';
import { trayPageSize, useApprove, useSignatureRequest, useTrayPage } from '../../../api/signatures';
import { formatInstant, formatLegalDate } from '../../../ui/format';
import { Pager } from '../../../ui/Pager';
import { useToasts } from '../../../ui/Toasts';
import { RejectDialog } from './RejectDialog';
import { RequestDetail } from './RequestDetail';
import {
  emptySelection,
  selectionAfterClick,
  selectionAfterKey,
  withinRows,
  type TraySelection,
} from './selection';
import { trayPanelId, trayTabId, TrayTabs } from './TrayTabs';
import './tray.css';

const rowId = (index: number) => `tray-row-${index}`;

const columnKeys = {
  selected: 'tray.column.selected',
  expires: 'tray.column.expires',
  priority: 'tray.column.priority',
  case: 'tray.column.case',
  applicant: 'tray.column.applicant',
  action: 'tray.column.action',
  sent: 'tray.column.sent',
  number: 'tray.column.number',
  acted: 'tray.column.acted',
  reason: 'tray.column.reason',
} as const satisfies Record<string, MessageKey>;
type Column = keyof typeof columnKeys;
/** Rows the list shows at once, for the page keys (the CSS gives the list this height in rows). */
const visibleRows = 8;

interface TrayScreenProps {
  box: TrayBox;
  onSelectBox: (box: TrayBox) => void;
  onOpenCase: (caseId: string) => void;
  /** Goes to the signing flow with these requests (the card, the PIN, the final documents). */
  onSign: (requestIds: string[]) => void;
}

/** What the buttons act on: the selected rows, or the active row when none is selected. */
function target(rows: readonly TrayRow[], selection: TraySelection): TrayRow[] {
  const selected = rows.filter((row) => selection.selected.has(row.id));
  if (selected.length > 0) return selected;
  const active = rows[selection.active];
  return active ? [active] : [];
}

/**
 * The signing tray of a head (one per box: the page and the selection start afresh in another): what waits for them (or for whom they substitute today), expiry
 * first; what they signed or approved; what they rejected. Rows are picked with the keyboard
 * (Space, Shift+arrows, Ctrl+A) or the mouse, then signed as a batch, approved or rejected.
 */
export function TrayScreen({ box, onSelectBox, onOpenCase, onSign }: TrayScreenProps) {
  const { t, locale, intl } = useI18n();
  const errorMessage = useErrorMessage();
  const { notify } = useToasts();
  const [page, setPage] = useState(0);
  const [selection, setSelection] = useState<TraySelection>(emptySelection);
  const [rejecting, setRejecting] = useState<TrayRow | null>(null);
  const tray = useTrayPage(box, page);
  const approve = useApprove();
  const gridRef = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const shortcutsId = useId();

  const rows = tray.data?.rows ?? [];
  const total = tray.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / trayPageSize));
  const ids = rows.map((row) => row.id);
  const current = withinRows(selection, ids);
  const active = rows[Math.min(current.active, Math.max(0, rows.length - 1))];
  const detail = useSignatureRequest(active?.id ?? null);
  const acting = box === 'pending' ? target(rows, current) : [];
  const toSign = acting.filter((row) => row.step.action === 'sign' && !row.expired);
  const toApprove = acting.filter((row) => row.step.action === 'approve' && !row.expired);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.altKey) return;
    // The signed and rejected boxes are read, not picked from: only the arrows work there.
    const press =
      box === 'pending'
        ? event
        : { key: event.key === ' ' ? '' : event.key, shiftKey: false, ctrlKey: false, metaKey: false };
    const next = selectionAfterKey(current, press, ids, visibleRows);
    if (next) {
      event.preventDefault();
      setSelection(next);
      document.getElementById(rowId(next.active))?.scrollIntoView({ block: 'nearest' });
      return;
    }
    if (event.key === 'Enter' && active) {
      event.preventDefault();
      onOpenCase(active.caseId);
    }
  };

  const onRowClick = (event: MouseEvent, index: number) => {
    const onCheckBox = (event.target as HTMLElement).closest('.tray-grid__cell--selected') !== null;
    const toggle = box === 'pending' && (onCheckBox || event.ctrlKey || event.metaKey);
    setSelection((state) =>
      selectionAfterClick(withinRows(state, ids), index, ids, {
        shiftKey: box === 'pending' && event.shiftKey,
        toggle,
      }),
    );
    gridRef.current?.focus();
  };

  const approveAll = async () => {
    let done = 0;
    for (const row of toApprove) {
      try {
        await approve.mutateAsync({ requestId: row.id });
        done += 1;
      } catch (error) {
        notify(t('tray.failedFor', { number: row.caseNumber, reason: errorMessage(error) }), 'error');
      }
    }
    if (done > 0) notify(t('tray.approved', { count: done }));
    setSelection(emptySelection);
  };

  const columns: readonly Column[] =
    box === 'pending'
      ? ['selected', 'expires', 'priority', 'case', 'applicant', 'action', 'sent']
      : [
          'case',
          'applicant',
          'action',
          'number',
          'acted',
          ...(box === 'rejected' ? (['reason'] as const) : []),
        ];

  return (
    <section className="tray" aria-labelledby={titleId}>
      <div className="queues__top">
        <h1 id={titleId}>{t('tray.title')}</h1>
      </div>
      <TrayTabs selected={box} onSelect={onSelectBox} />
      <div className="queue-panel" id={trayPanelId} role="tabpanel" aria-labelledby={trayTabId(box)}>
        <p className="hint" id={shortcutsId}>
          {t(box === 'pending' ? 'tray.shortcuts' : 'tray.shortcutsRead')}
        </p>
        {box === 'pending' && (
          <div className="tray__actions" role="group" aria-label={t('tray.actionsLabel')}>
            <button
              type="button"
              data-tour="tray.sign"
              className="button button--primary"
              disabled={toSign.length === 0}
              onClick={() => onSign(toSign.map((row) => row.id))}
            >
              {t('tray.sign', { count: toSign.length })}
            </button>
            <button
              type="button"
              className="button"
              disabled={toApprove.length === 0 || approve.isPending}
              onClick={() => void approveAll()}
            >
              {t('tray.approve', { count: toApprove.length })}
            </button>
            <button
              type="button"
              className="button button--danger"
              disabled={!active || active.expired}
              onClick={() => active && setRejecting(active)}
            >
              {t('tray.rejectOne')}
            </button>
            <span className="tray__selected" role="status">
              {t('tray.selectedCount', { count: current.selected.size })}
            </span>
          </div>
        )}
        {tray.isError ? (
          <p role="alert" className="queue-panel__error">
            {errorMessage(tray.error)}
          </p>
        ) : (
          <>
            <p className="queue-panel__status" role="status">
              {tray.data ? t('tray.total', { count: total }) : t('app.loading')}
            </p>
            {tray.data && rows.length === 0 ? (
              <p className="empty">{t(`tray.empty.${box}`)}</p>
            ) : (
              <div
                ref={gridRef}
                className="tray-grid"
                data-tour="tray.grid"
                role="grid"
                tabIndex={0}
                aria-label={t('tray.list.label', { box: t(`tray.box.${box}`) })}
                aria-describedby={shortcutsId}
                aria-multiselectable={box === 'pending'}
                aria-rowcount={rows.length + 1}
                aria-activedescendant={active ? rowId(rows.indexOf(active)) : undefined}
                aria-busy={tray.isFetching}
                onKeyDown={onKeyDown}
              >
                <div className="tray-grid__row tray-grid__row--head" role="row" aria-rowindex={1}>
                  {columns.map((column) => (
                    <span
                      key={column}
                      role="columnheader"
                      className={`tray-grid__cell tray-grid__cell--${column}`}
                    >
                      {column === 'selected' ? (
                        <span className="visually-hidden">{t(columnKeys[column])}</span>
                      ) : (
                        t(columnKeys[column])
                      )}
                    </span>
                  ))}
                </div>
                {rows.map((row, index) => {
                  const isSelected = current.selected.has(row.id);
                  return (
                    <div
                      key={row.id}
                      id={rowId(index)}
                      role="row"
                      data-case-id={row.caseId}
                      aria-rowindex={index + 2}
                      aria-selected={box === 'pending' ? isSelected : undefined}
                      className={`tray-grid__row${row === active ? ' tray-grid__row--active' : ''}${isSelected ? ' tray-grid__row--selected' : ''}`}
                      onClick={(event) => onRowClick(event, index)}
                    >
                      {box === 'pending' && (
                        <span
                          role="gridcell"
                          className="tray-grid__cell tray-grid__cell--selected"
                          data-tour="tray.row-select"
                        >
                          <span
                            className={`tray-check${isSelected ? ' tray-check--on' : ''}`}
                            aria-hidden="true"
                          />
                        </span>
                      )}
                      {box === 'pending' && (
                        <span role="gridcell" className="tray-grid__cell">
                          {formatLegalDate(row.expiresOn, intl)}
                          {row.expired && <span className="badge badge--danger">{t('tray.expired')}</span>}
                        </span>
                      )}
                      {box === 'pending' && (
                        <span
                          role="gridcell"
                          className={`tray-grid__cell priority priority--${row.priority}`}
                        >
                          {t(`signatures.priority.${row.priority}`)}
                        </span>
                      )}
                      <span role="gridcell" className="tray-grid__cell tray-grid__stacked">
                        <span className="tray-grid__number">{row.caseNumber}</span>
                        <span className="tray-grid__sub">{row.procedureName[locale]}</span>
                      </span>
                      <span role="gridcell" className="tray-grid__cell">
                        {row.applicantName}
                      </span>
                      <span role="gridcell" className="tray-grid__cell tray-grid__stacked">
                        <span>{t(`signatures.action.${row.step.action}`)}</span>
                        {row.step.onBehalfOf && (
                          <span className="tray-grid__sub">
                            {t(`tray.onBehalfOf.${row.step.onBehalfOf.kind}`, {
                              name: row.step.onBehalfOf.name,
                            })}
                          </span>
                        )}
                      </span>
                      {box === 'pending' ? (
                        <span role="gridcell" className="tray-grid__cell tray-grid__stacked">
                          <span>{row.sentBy.name}</span>
                          <span className="tray-grid__sub">{formatInstant(row.sentAt, intl)}</span>
                        </span>
                      ) : (
                        <>
                          <span role="gridcell" className="tray-grid__cell">
                            {row.number ?? '—'}
                          </span>
                          <span role="gridcell" className="tray-grid__cell">
                            {row.actedAt ? formatInstant(row.actedAt, intl) : '—'}
                          </span>
                          {box === 'rejected' && (
                            <span role="gridcell" className="tray-grid__cell">
                              {row.rejectionReason}
                            </span>
                          )}
                        </>
                      )}
                    </div>
                  );
                })}
              </div>
            )}
            <Pager
              page={page}
              pages={pages}
              onPage={setPage}
              className="tray__pages"
              label={t('tray.pages')}
              previous={t('tray.previousPage')}
              status={t('tray.pageOf', { page: page + 1, pages })}
              next={t('tray.nextPage')}
            />
          </>
        )}
      </div>
      {active && (
        <section className="tray__detail" aria-labelledby="tray-detail-title">
          <div className="tray__detail-top">
            <h2 id="tray-detail-title">{t('tray.detail.title', { number: active.caseNumber })}</h2>
            <button type="button" className="button" onClick={() => onOpenCase(active.caseId)}>
              {t('tray.openCase')}
            </button>
          </div>
          {detail.data ? (
            <RequestDetail request={detail.data} />
          ) : detail.isError ? (
            <p role="alert">{errorMessage(detail.error)}</p>
          ) : (
            <p className="loading">{t('app.loading')}</p>
          )}
        </section>
      )}
      {rejecting && (
        <RejectDialog
          request={{ id: rejecting.id, caseNumber: rejecting.caseNumber }}
          onCancel={() => setRejecting(null)}
          onDone={() => {
            notify(t('tray.rejected', { number: rejecting.caseNumber }));
            setRejecting(null);
            setSelection(emptySelection);
            gridRef.current?.focus();
          }}
        />
      )}
    </section>
  );
}

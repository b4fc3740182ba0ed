import { useRef, type KeyboardEvent } from 'react';
import type { BookEntry } from '../../../shared/api/book';
import { useI18n } from '../../app/I18nProvider';
import { formatInstant } from '../../ui/format';
import { nextActiveIndex } from '../../ui/list-navigation';

const rowId = (index: number) => `book-row-${index}`;
/** Rows the table shows at once, for the page keys (book.css gives it this height in rows). */
const visibleRows = 10;

interface BookTableProps {
  entries: readonly BookEntry[];
  label: string;
  describedBy: string;
  busy: boolean;
  activeIndex: number;
  onActiveChange: (index: number) => void;
  /** Enter on a row: open its case, when the reader may. */
  onOpen: (entry: BookEntry) => void;
}

/**
 * One page of the book as a grid that keeps focus and points at the active row with
 * aria-activedescendant, like the queues: arrows, Home/End and the page keys move, Enter opens.
 */
export function BookTable({
  entries,
  label,
  describedBy,
  busy,
  activeIndex,
  onActiveChange,
  onOpen,
}: BookTableProps) {
  const { t, locale, intl } = useI18n();
  const gridRef = useRef<HTMLDivElement>(null);
  const active = Math.min(activeIndex, Math.max(0, entries.length - 1));

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const next = nextActiveIndex(event.key, active, entries.length, visibleRows);
    if (next !== null) {
      event.preventDefault();
      onActiveChange(next);
      document.getElementById(rowId(next))?.scrollIntoView({ block: 'nearest' });
      return;
    }
    const entry = entries[active];
    if (event.key === 'Enter' && entry) {
      event.preventDefault();
      onOpen(entry);
    }
  };

  const headers = [
    t('book.col.number'),
    t('book.col.signedAt'),
    t('book.col.case'),
    t('book.col.signer'),
    t('book.col.csv'),
  ];
  return (
    <div
      ref={gridRef}
      className="book-grid"
      role="grid"
      tabIndex={0}
      aria-label={label}
      aria-describedby={describedBy}
      aria-rowcount={entries.length + 1}
      aria-colcount={headers.length}
      aria-activedescendant={entries.length > 0 ? rowId(active) : undefined}
      aria-busy={busy}
      onKeyDown={onKeyDown}
    >
      <div className="book-grid__row book-grid__row--head" role="row" aria-rowindex={1}>
        {headers.map((header, column) => (
          <span key={header} role="columnheader" className="book-grid__cell" aria-colindex={column + 1}>
            {header}
          </span>
        ))}
      </div>
      {entries.map((entry, index) => (
        <div
          key={entry.label}
          id={rowId(index)}
          role="row"
          aria-rowindex={index + 2}
          aria-selected={index === active}
          className={`book-grid__row${index === active ? ' book-grid__row--active' : ''}`}
          onClick={() => {
            onActiveChange(index);
            gridRef.current?.focus();
          }}
          onDoubleClick={() => onOpen(entry)}
        >
          <span role="gridcell" className="book-grid__cell book-grid__number">
            {entry.label}
          </span>
          <span role="gridcell" className="book-grid__cell">
            {formatInstant(entry.signedAt, intl)}
          </span>
          <span role="gridcell" className="book-grid__cell book-grid__stacked">
            <span>{entry.caseNumber}</span>
            <span className="book-grid__sub">{entry.procedureName[locale]}</span>
          </span>
          <span role="gridcell" className="book-grid__cell book-grid__stacked">
            <span>{entry.signer.name}</span>
            <span className="book-grid__sub">
              {entry.signer.nif ? t('book.nif', { nif: entry.signer.nif }) : t('book.nifUnknown')}
            </span>
          </span>
          <span role="gridcell" className="book-grid__cell code">
            {entry.csv}
          </span>
        </div>
      ))}
    </div>
  );
}

import type { BookEntry } from '../../../shared/api/book';
import { useI18n } from '../../app/I18nProvider';
import { formatInstant } from '../../ui/format';

interface BookEntryDetailProps {
  entry: BookEntry;
  /** Null when the reader may not open this entry's case (another department's, or an admin). */
  onOpenCase: (() => void) | null;
}

/** The active entry in full: the codes a table cell cannot show whole, and the way to its case. */
export function BookEntryDetail({ entry, onOpenCase }: BookEntryDetailProps) {
  const { t, locale, intl } = useI18n();
  const rows: [string, string, string?][] = [
    [t('book.col.signedAt'), formatInstant(entry.signedAt, intl)],
    [t('book.col.case'), entry.caseNumber],
    [t('book.col.procedure'), entry.procedureName[locale]],
    [t('book.col.signer'), entry.signer.name],
    [t('book.col.nifMasked'), entry.signer.nif ?? t('book.nifUnknown')],
    [t('book.col.csv'), entry.csv, 'code'],
    [t('book.col.sha256'), entry.sha256, 'code book-detail__hash'],
  ];
  return (
    <section className="book-detail" aria-labelledby="book-detail-title">
      <div className="book-detail__top">
        <h2 id="book-detail-title">{t('book.detail.heading', { label: entry.label })}</h2>
        {onOpenCase ? (
          <button type="button" className="button" onClick={onOpenCase}>
            {t('book.detail.openCase', { number: entry.caseNumber })}
          </button>
        ) : (
          <p className="hint">{t('book.detail.otherDepartment')}</p>
        )}
      </div>
      <dl className="book-detail__list">
        {rows.map(([term, value, className]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd className={className}>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

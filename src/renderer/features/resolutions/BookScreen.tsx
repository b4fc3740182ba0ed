import { useId, useState } from 'react';
import type { Role } from '../../../shared/domain/cases';
import { useI18n } from '../../app/I18nProvider';
import { useErrorMessage } from '../../app/useErrorMessage';
import { Pager } from '../../ui/Pager';
import { useDebouncedValue } from '../../ui/useDebouncedValue';
import { BookEntryDetail } from './BookEntryDetail';
import { BookSearchForm } from './BookSearchForm';
import { BookTable } from './BookTable';
import { bookPageSize, bookQuery, emptyBookForm, opensCase, type BookForm } from './book-view';
import { useBookSearch, useBookYears } from './useBook';
import './book.css';

const typingDebounceMs = 250;

interface BookScreenProps {
  reader: { roles: readonly Role[]; departmentId: string };
  onOpenCase: (caseId: string) => void;
}

/**
 * The resolutions book: the year's signed resolutions, newest first, searched by number, case,
 * signer and dates. Heads and admins read the whole city hall's book; processors their
 * department's entries (the office decides, the screen says which).
 */
export function BookScreen({ reader, onOpenCase }: BookScreenProps) {
  const { t } = useI18n();
  const errorMessage = useErrorMessage();
  const titleId = useId();
  const shortcutsId = useId();
  const years = useBookYears();
  const [typedForm, setForm] = useState<BookForm>(emptyBookForm);
  const [page, setPage] = useState(0);
  const [active, setActive] = useState(0);

  const form = { ...typedForm, year: typedForm.year ?? years.data?.current ?? null };
  const settled = useDebouncedValue(form, typingDebounceMs);
  const shown = bookQuery(form, 0);
  const query = bookQuery(settled, page);
  const search = useBookSearch(query.kind === 'search' ? query.input : null);
  const settling = JSON.stringify(form) !== JSON.stringify(settled);

  const entries = search.data?.entries ?? [];
  const total = search.data?.total;
  const pages = Math.max(1, Math.ceil((total ?? 0) / bookPageSize));
  const current = entries[Math.min(active, Math.max(0, entries.length - 1))];
  const open = (caseId: string, departmentId: string) =>
    opensCase({ departmentId }, reader) ? () => onOpenCase(caseId) : null;

  const change = (next: BookForm) => {
    setForm(next);
    setPage(0);
    setActive(0);
  };
  const goTo = (next: number) => {
    setPage(next);
    setActive(0);
  };

  let status: string;
  if (shown.kind === 'invalid') status = '';
  else if (settling || (search.isFetching && search.isPlaceholderData)) status = t('book.updating');
  else if (total === undefined) status = t('app.loading');
  else status = total === 0 ? t('book.empty') : t('book.count', { count: total });

  return (
    <section className="book" aria-labelledby={titleId}>
      <div className="queues__top">
        <h1 id={titleId}>{t('book.title')}</h1>
        {years.data && <p className="queues__note">{t(`book.scope.${years.data.scope}`)}</p>}
      </div>
      <BookSearchForm
        form={form}
        years={years.data?.years ?? []}
        invalid={shown.kind === 'invalid' ? shown.field : null}
        onChange={change}
      />
      <p className="hint" id={shortcutsId}>
        {t('book.shortcuts')}
      </p>
      <p className="queue-panel__status" role="status">
        {status}
      </p>
      {(years.isError || search.isError) && (
        <p className="queue-panel__error" role="alert">
          {errorMessage(years.error ?? search.error)}
        </p>
      )}
      {entries.length > 0 && shown.kind === 'search' && (
        <>
          <BookTable
            entries={entries}
            label={t('book.list.label', { year: query.kind === 'search' ? query.input.year : '' })}
            describedBy={shortcutsId}
            busy={settling || search.isFetching}
            activeIndex={active}
            onActiveChange={setActive}
            onOpen={(entry) => open(entry.caseId, entry.departmentId)?.()}
          />
          <Pager
            page={page}
            pages={pages}
            onPage={goTo}
            className="book__pages"
            label={t('book.page.status', { page: page + 1, pages })}
            previous={t('book.page.previous')}
            status={t('book.page.status', { page: page + 1, pages })}
            next={t('book.page.next')}
          />
          {current && (
            <BookEntryDetail entry={current} onOpenCase={open(current.caseId, current.departmentId)} />
          )}
        </>
      )}
    </section>
  );
}

import { useId } from 'react';
import { useI18n } from '../../app/I18nProvider';
import { emptyBookForm, isFiltered, withNumber, type BookForm } from './book-view';

interface BookSearchFormProps {
  form: BookForm;
  years: readonly number[];
  /** Which field cannot be searched as typed, if any. */
  invalid: 'number' | 'to' | null;
  onChange: (form: BookForm) => void;
}

/** Number, case, signer and dates: every field narrows the year's book as it is typed. */
export function BookSearchForm({ form, years, invalid, onChange }: BookSearchFormProps) {
  const { t } = useI18n();
  const id = useId();
  const set = (patch: Partial<BookForm>) => onChange({ ...form, ...patch });
  return (
    <form
      className="queue-filters book-search"
      role="search"
      aria-label={t('book.search.label')}
      onSubmit={(event) => event.preventDefault()}
    >
      <div className="field">
        <label htmlFor={`${id}-year`}>{t('book.search.year')}</label>
        <select
          id={`${id}-year`}
          value={form.year ?? ''}
          onChange={(event) => set({ year: Number(event.target.value) })}
        >
          {years.map((year) => (
            <option key={year} value={year}>
              {year}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-number`}>{t('book.search.number')}</label>
        <input
          id={`${id}-number`}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          maxLength={16}
          value={form.number}
          aria-invalid={invalid === 'number'}
          aria-describedby={`${id}-number-hint`}
          onChange={(event) => onChange(withNumber(form, event.target.value))}
        />
        <span id={`${id}-number-hint`} className={invalid === 'number' ? 'book-search__error' : 'hint'}>
          {t(invalid === 'number' ? 'book.search.numberInvalid' : 'book.search.numberHint')}
        </span>
      </div>
      <div className="field field--grow">
        <label htmlFor={`${id}-case`}>{t('book.search.case')}</label>
        <input
          id={`${id}-case`}
          type="search"
          autoComplete="off"
          maxLength={64}
          value={form.caseNumber}
          onChange={(event) => set({ caseNumber: event.target.value })}
        />
      </div>
      <div className="field field--grow">
        <label htmlFor={`${id}-signer`}>{t('book.search.signer')}</label>
        <input
          id={`${id}-signer`}
          type="search"
          autoComplete="off"
          maxLength={100}
          value={form.signer}
          onChange={(event) => set({ signer: event.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-from`}>{t('book.search.from')}</label>
        <input
          id={`${id}-from`}
          type="date"
          value={form.from}
          onChange={(event) => set({ from: event.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-to`}>{t('book.search.to')}</label>
        <input
          id={`${id}-to`}
          type="date"
          value={form.to}
          aria-invalid={invalid === 'to'}
          aria-describedby={invalid === 'to' ? `${id}-to-error` : undefined}
          onChange={(event) => set({ to: event.target.value })}
        />
        {invalid === 'to' && (
          <span id={`${id}-to-error`} className="book-search__error">
            {t('book.search.rangeInvalid')}
          </span>
        )}
      </div>
      <button
        type="button"
        className="button button--quiet"
        disabled={!isFiltered(form)}
        onClick={() => onChange({ ...emptyBookForm, year: form.year })}
      >
        {t('book.search.clear')}
      </button>
    </form>
  );
}

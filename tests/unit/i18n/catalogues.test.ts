import { describe, expect, it } from 'vitest';
import { caValencia } from '../../../src/shared/i18n/ca-valencia';
import { es } from '../../../src/shared/i18n/es';
import { errorCodes } from '../../../src/shared/api/errors';
import { translate, translateDynamic } from '../../../src/shared/i18n/index';

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

describe('message catalogues', () => {
  it('Valencian has exactly the Spanish keys', () => {
    expect(Object.keys(caValencia).sort()).toEqual(Object.keys(es).sort());
  });

  it.each(Object.keys(es))('%s has the same placeholders and no empty text in both languages', (key) => {
    const spanish = es[key as keyof typeof es];
    const valencian = caValencia[key as keyof typeof es];
    expect(spanish.trim()).not.toBe('');
    expect(valencian.trim()).not.toBe('');
    expect(placeholders(valencian)).toEqual(placeholders(spanish));
  });

  it('has a sentence for every contract error code', () => {
    for (const code of errorCodes) expect(Object.keys(es)).toContain(`errors.${code}`);
  });

  it('fills placeholders with locale-formatted numbers and leaves unknown ones visible', () => {
    expect(translate('es', 'errors.calendar_missing_year', { year: 'dos mil' })).toContain('dos mil');
    expect(translate('es', 'errors.invalid_input')).toContain('{field}');
  });

  it('writes a year ungrouped in both languages, and groups from five digits', () => {
    expect(translate('es', 'book.list.label', { year: 2026 })).toBe('Libro de resoluciones de 2026');
    expect(translate('ca-valencia', 'book.list.label', { year: 2026 })).toBe('Llibre de resolucions de 2026');
    expect(translate('ca-valencia', 'book.list.label', { year: 12026 })).toBe(
      'Llibre de resolucions de 12.026',
    );
  });

  it('falls back to a known key for a code built at run time', () => {
    expect(translateDynamic('ca-valencia', 'errors.no_such_code', 'errors.internal')).toBe(
      caValencia['errors.internal'],
    );
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { cliText, loadCliText } from '../../../src/main/cli/text';
import { caValencia } from '../../../src/shared/i18n/ca-valencia';
import { es } from '../../../src/shared/i18n/es';
import { formatNumber } from '../../../src/shared/i18n/fill';
import { loadCatalogue } from '../../../src/shared/i18n/load-catalogue';

/**
 * The command line loads the catalogue of the language it speaks and no other; both stay complete
 * and reachable, and a message reads the same as through the desk's `translate`.
 */
describe('one catalogue at a time, for the command line', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('refuses to speak before its catalogue is loaded, rather than print a key', () => {
    vi.stubEnv('DESPACHO_LANG', 'es');
    expect(() => cliText('signing.cli.done', { count: 3 })).toThrow(/loadCliText/);
  });

  it('loads either language on its own, whole', async () => {
    expect(await loadCatalogue('es')).toBe(es);
    expect(await loadCatalogue('ca-valencia')).toBe(caValencia);
  });

  it.each([
    ['es', 'Documentos firmados: 100.', 'Documentos firmados: 12.026.'],
    ['ca_ES.UTF-8@valencia', 'Documents signats: 100.', 'Documents signats: 12.026.'],
  ])('speaks %s once loaded, numbers grouped from five digits', async (lang, hundred, many) => {
    vi.stubEnv('DESPACHO_LANG', lang);
    await loadCliText();
    expect(cliText('signing.cli.done', { count: 100 })).toBe(hundred);
    expect(cliText('signing.cli.done', { count: 12026 })).toBe(many);
  });

  it.each(['es', 'ca-valencia'] as const)(
    'writes every number as ICU does in %s, without ICU for whole numbers under 10,000',
    (locale) => {
      const icu = new Intl.NumberFormat(locale === 'es' ? 'es-ES' : 'ca-ES', { useGrouping: 'min2' });
      const numbers = [
        ...Array.from({ length: 10_100 }, (_, i) => i),
        -0,
        -1,
        -9999,
        0.5,
        2.25,
        9999.5,
        12_026,
        1_234_567,
      ];
      for (const value of numbers) expect(formatNumber(locale, value)).toBe(icu.format(value));
    },
  );
});

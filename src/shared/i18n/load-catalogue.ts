import type { Locale } from '../api/session';
import type { Catalogue } from './fill';

/**
 * One language's catalogue on its own, for a process that speaks one language (the command line):
 * the other is never loaded. The desk, which switches language on the fly, uses index.ts.
 */
export async function loadCatalogue(locale: Locale): Promise<Catalogue> {
  return locale === 'ca-valencia'
    ? (await import('./ca-valencia/index')).caValencia
    : (await import('./es/index')).es;
}

import type { Locale } from '../api/session';

/** Tag for Intl date and number formatting in each language of the desk. */
export const intlTags: Record<Locale, string> = { es: 'es-ES', 'ca-valencia': 'ca-ES' };

/**
 * Dates through Intl, written as each language's administrative style asks: ICU's Catalan says
 * "31 de desembre del 2026", the Valencian criteria (AVL, Generalitat) "31 de desembre de 2026".
 */
export function formatDate(date: Date, intl: string, options: Intl.DateTimeFormatOptions): string {
  const parts = new Intl.DateTimeFormat(intl, options).formatToParts(date);
  const catalan = intl.startsWith('ca');
  return parts
    .map((part, index) =>
      catalan && part.type === 'literal' && parts[index + 1]?.type === 'year'
        ? part.value.replace(/\bdel $/, 'de ')
        : part.value,
    )
    .join('');
}

/**
 * A legal date (a calendar day, YYYY-MM-DD) in words, the one way the desk and the command line
 * write it: "31 de diciembre de 2026", "31 de desembre de 2026"; with the weekday where it
 * explains a count of days. Never through the local zone.
 */
export function formatLegalDate(isoDate: string, intl: string, { weekday = false } = {}): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  const date = new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1));
  return formatDate(date, intl, { dateStyle: weekday ? 'full' : 'long', timeZone: 'UTC' });
}

/** An instant in the city hall's zone, whatever the machine's, with the date as `formatLegalDate` writes it. */
export function formatInstant(instant: Date, intl: string, timeStyle: 'short' | 'long' = 'short'): string {
  return formatDate(instant, intl, { dateStyle: 'long', timeStyle, timeZone: 'Europe/Madrid' });
}

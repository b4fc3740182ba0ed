import type { Locale } from '../api/session';
import { caValencia } from './ca-valencia';
import { es } from './es';

export type MessageKey = keyof typeof es;
export type MessageParams = Record<string, string | number>;

const catalogues: Record<Locale, Record<MessageKey, string>> = { es, 'ca-valencia': caValencia };

export const locales: readonly Locale[] = ['es', 'ca-valencia'];
export const defaultLocale: Locale = 'es';

const pluralRules: Record<Locale, Intl.PluralRules> = {
  es: new Intl.PluralRules('es'),
  'ca-valencia': new Intl.PluralRules('ca'),
};

/** Both languages' typography leaves four-digit numbers (years, most counts) ungrouped: 2026, 10.000. */
const numberFormats: Record<Locale, Intl.NumberFormat> = {
  es: new Intl.NumberFormat('es-ES', { useGrouping: 'min2' }),
  'ca-valencia': new Intl.NumberFormat('ca-ES', { useGrouping: 'min2' }),
};

export const isMessageKey = (key: string): key is MessageKey => Object.prototype.hasOwnProperty.call(es, key);

/**
 * Looks a message up and fills its `{name}` placeholders. With a numeric `count`, a key
 * `<key>.<plural category>` (e.g. `queues.daysLeft.one`) wins over the bare key when it exists.
 */
export function translate(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  const catalogue = catalogues[locale];
  let template: string = catalogue[key];
  if (typeof params.count === 'number') {
    const plural = `${key}.${pluralRules[locale].select(params.count)}`;
    if (isMessageKey(plural)) template = catalogue[plural];
  }
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? numberFormats[locale].format(value) : value;
  });
}

/** For messages whose key is built at run time (error codes, states): falls back to a known key. */
export function translateDynamic(
  locale: Locale,
  key: string,
  fallback: MessageKey,
  params?: MessageParams,
): string {
  return translate(locale, isMessageKey(key) ? key : fallback, params);
}

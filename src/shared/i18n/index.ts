import type { Locale } from '../api/session';
import { caValencia } from './ca-valencia';
import { es } from './es';
import { fillMessage, type Catalogue, type MessageKey, type MessageParams } from './fill';
import { isMessageKey } from './keys';

export { defaultLocale, locales, type MessageKey, type MessageParams } from './fill';
export { isMessageKey } from './keys';

const catalogues: Record<Locale, Catalogue> = { es, 'ca-valencia': caValencia };

/** Looks a message up in either language (fill.ts says how placeholders and plurals are filled). */
export function translate(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  return fillMessage(locale, catalogues[locale], key, params);
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

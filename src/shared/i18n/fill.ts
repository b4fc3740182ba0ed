import type { Locale } from '../api/session';
import { intlTags } from './dates';
import type { es } from './es';

/** The Spanish catalogue is the reference: its keys are the message keys. */
export type MessageKey = keyof typeof es;
export type MessageParams = Record<string, string | number>;
export type Catalogue = Record<MessageKey, string>;

export const locales: readonly Locale[] = ['es', 'ca-valencia'];
export const defaultLocale: Locale = 'es';

const pluralLanguages: Record<Locale, string> = { es: 'es', 'ca-valencia': 'ca' };

/**
 * Made on first use: ICU's first number formatter costs some 25 ms of CPU to create, which a
 * command that prints no number (or only small ones) should not pay at every start.
 */
const pluralRules = new Map<Locale, Intl.PluralRules>();
const numberFormats = new Map<Locale, Intl.NumberFormat>();

function pluralCategory(locale: Locale, count: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(pluralLanguages[locale])));
  return rules.select(count);
}

/**
 * Both languages' typography leaves four-digit numbers (years, most counts) ungrouped: 2026, 10.000.
 * So a whole number from 0 to 9999 is written as its digits, exactly as ICU would write it.
 */
export function formatNumber(locale: Locale, value: number): string {
  if (Number.isInteger(value) && value >= 0 && value < 10_000 && !Object.is(value, -0)) return String(value);
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(intlTags[locale], { useGrouping: 'min2' });
    numberFormats.set(locale, format);
  }
  return format.format(value);
}

/**
 * Looks a message up in one language's catalogue and fills its `{name}` placeholders. With a
 * numeric `count`, a key `<key>.<plural category>` (e.g. `queues.daysLeft.one`) wins over the bare
 * key when it exists.
 */
export function fillMessage(
  locale: Locale,
  catalogue: Catalogue,
  key: MessageKey,
  params: MessageParams = {},
): string {
  let template: string = catalogue[key];
  if (typeof params.count === 'number') {
    const plural = `${key}.${pluralCategory(locale, params.count)}`;
    if (Object.prototype.hasOwnProperty.call(catalogue, plural)) template = catalogue[plural as MessageKey];
  }
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(locale, value) : value;
  });
}

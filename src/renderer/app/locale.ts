import { localeSchema, type Locale } from '../../shared/api/session';
import { intlTags } from '../../shared/i18n/dates';
import { defaultLocale } from '../../shared/i18n/index';

const storageKey = 'despacho.locale';

/** BCP 47 tag for `<html lang>`: Valencian is Catalan with the registered `valencia` variant. */
export const htmlLang = (locale: Locale): string => (locale === 'es' ? 'es' : 'ca-ES-valencia');

/** Tag for Intl date and number formatting. */
export const intlTag = (locale: Locale): string => intlTags[locale];

export function loadLocale(storage: Pick<Storage, 'getItem'>): Locale {
  const stored = localeSchema.safeParse(storage.getItem(storageKey));
  return stored.success ? stored.data : defaultLocale;
}

export function saveLocale(storage: Pick<Storage, 'setItem'>, locale: Locale): void {
  storage.setItem(storageKey, locale);
}

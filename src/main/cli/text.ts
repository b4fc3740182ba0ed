import type { Locale } from '../../shared/api/session';
import { formatLegalDate, intlTags } from '../../shared/i18n/dates';
import {
  defaultLocale,
  fillMessage,
  type Catalogue,
  type MessageKey,
  type MessageParams,
} from '../../shared/i18n/fill';
import { loadCatalogue } from '../../shared/i18n/load-catalogue';

/** The command line speaks the user's language: DESPACHO_LANG, then LANG (ca_ES@valencia → Valencian). */
export function cliLocale(env: NodeJS.ProcessEnv = process.env): Locale {
  const wanted = env.DESPACHO_LANG ?? env.LC_ALL ?? env.LANG ?? '';
  return /^(ca|val)/i.test(wanted) ? 'ca-valencia' : defaultLocale;
}

/** Only the catalogue of the language in use is loaded: a command's start-up pays for one. */
const loaded = new Map<Locale, Catalogue>();

/** Loads the command line's catalogue; main.ts awaits it before any command runs. */
export async function loadCliText(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const locale = cliLocale(env);
  if (!loaded.has(locale)) loaded.set(locale, await loadCatalogue(locale));
}

export function cliText(key: MessageKey, params?: MessageParams): string {
  const locale = cliLocale();
  const catalogue = loaded.get(locale);
  if (!catalogue) throw new Error(`The ${locale} messages are not loaded: await loadCliText() first.`);
  return fillMessage(locale, catalogue, key, params);
}

/** The Intl tag of the command line's language. */
export const cliIntl = (): string => intlTags[cliLocale()];

/** A legal date as the desk writes it, in the command line's language. */
export const cliDate = (isoDate: string, options?: { weekday?: boolean }): string =>
  formatLegalDate(isoDate, cliIntl(), options);

import type { Locale } from '../../shared/api/session';
import { formatLegalDate, intlTags } from '../../shared/i18n/dates';
import { defaultLocale, translate, type MessageKey, type MessageParams } from '../../shared/i18n/index';

/** The command line speaks the user's language: DESPACHO_LANG, then LANG (ca_ES@valencia → Valencian). */
export function cliLocale(env: NodeJS.ProcessEnv = process.env): Locale {
  const wanted = env.DESPACHO_LANG ?? env.LC_ALL ?? env.LANG ?? '';
  return /^(ca|val)/i.test(wanted) ? 'ca-valencia' : defaultLocale;
}

export const cliText = (key: MessageKey, params?: MessageParams): string =>
  translate(cliLocale(), key, params);

/** The Intl tag of the command line's language. */
export const cliIntl = (): string => intlTags[cliLocale()];

/** A legal date as the desk writes it, in the command line's language. */
export const cliDate = (isoDate: string, options?: { weekday?: boolean }): string =>
  formatLegalDate(isoDate, cliIntl(), options);

import { formatInstant as instantText } from '../../shared/i18n/dates';

/** Legal dates are calendar days, written as the command line writes them too. */
export { formatLegalDate } from '../../shared/i18n/dates';

/** Instants are shown in the city hall's zone, whatever the machine's. */
export const formatInstant = (iso: string, intl: string): string => instantText(new Date(iso), intl);

export function formatBytes(bytes: number, intl: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return new Intl.NumberFormat(intl, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}

/** First and last characters of a hash, enough to compare by eye; the full value goes in a title. */
export const shortHash = (hash: string): string => `${hash.slice(0, 8)}…${hash.slice(-8)}`;

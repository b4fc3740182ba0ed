import { afterEach, describe, expect, it, vi } from 'vitest';
import { cliDate } from '../../../src/main/cli/text';
import { intlTag } from '../../../src/renderer/app/locale';
import { formatInstant, formatLegalDate } from '../../../src/renderer/ui/format';

describe('one date format per language, the same in the desk and the command line', () => {
  afterEach(() => vi.unstubAllEnvs());

  it.each([
    ['es', 'es', '31 de diciembre de 2026'],
    ['ca-valencia', 'ca_ES.UTF-8@valencia', '31 de desembre de 2026'],
  ] as const)('writes 2026-12-31 the same way in the app and the CLI (%s)', (locale, lang, expected) => {
    vi.stubEnv('DESPACHO_LANG', lang);
    expect(formatLegalDate('2026-12-31', intlTag(locale))).toBe(expected);
    expect(cliDate('2026-12-31')).toBe(expected);
  });

  it('writes "de" before the year in Valencian, also before a vowel-initial month and with the weekday', () => {
    expect(formatLegalDate('2026-04-14', 'ca-ES')).toBe('14 d’abril de 2026');
    expect(formatLegalDate('2026-05-14', 'ca-ES')).toBe('14 de maig de 2026');
    expect(formatLegalDate('2026-12-31', 'ca-ES', { weekday: true })).toBe('dijous, 31 de desembre de 2026');
  });

  it('shows instants in Madrid time whatever the machine zone, with the same date', () => {
    // 23:30 UTC on 31 December is already 1 January in Madrid (UTC+1 in winter).
    expect(formatInstant('2026-12-31T23:30:00Z', 'es-ES')).toBe('1 de enero de 2027 a las 0:30');
    expect(formatInstant('2026-12-31T23:30:00Z', 'ca-ES')).toBe('1 de gener de 2027, a les 0:30');
  });
});

import { describe, expect, it } from 'vitest';
import { formatBytes, formatInstant, formatLegalDate, shortHash } from '../../../src/renderer/ui/format';

describe('formatting', () => {
  it('shows a legal date as that calendar day in Spanish and Valencian', () => {
    expect(formatLegalDate('2027-01-01', 'es-ES')).toBe('1 de enero de 2027');
    expect(formatLegalDate('2026-12-31', 'ca-ES')).toBe('31 de desembre de 2026');
  });

  it('shows instants in Madrid time whatever the machine zone', () => {
    // 23:30 UTC on 31 December is already 1 January in Madrid (UTC+1 in winter).
    expect(formatInstant('2026-12-31T23:30:00Z', 'es-ES')).toBe('1 de enero de 2027 a las 0:30');
  });

  it('scales sizes with the locale decimal separator', () => {
    expect(formatBytes(512, 'es-ES')).toMatch(/^512 (B|byte)/);
    expect(formatBytes(1536, 'es-ES')).toMatch(/^1,5 kB/);
    expect(formatBytes(5 * 1024 * 1024, 'ca-ES')).toMatch(/^5 MB/);
  });

  it('shortens a SHA-256 to its ends', () => {
    const hash = 'a'.repeat(8) + 'b'.repeat(48) + 'c'.repeat(8);
    expect(shortHash(hash)).toBe('aaaaaaaa…cccccccc');
  });
});

import { describe, expect, it } from 'vitest';
import { plainText, withoutControlCharacters } from '../../../src/shared/api/text';

describe('plain text of the contract', () => {
  it('bounds the length and refuses NUL and every other control character on one line', () => {
    const line = plainText({ min: 1, max: 5 });
    expect(line.safeParse('abc').success).toBe(true);
    expect(line.safeParse('').success).toBe(false);
    expect(line.safeParse('abcdef').success).toBe(false);
    for (const control of ['\u0000', '\t', '\n', '\r', '\u007f', '\u0080', '\u009f'])
      expect(line.safeParse(`a${control}`).success).toBe(false);
    expect(line.safeParse('ñ€ · ').success).toBe(true);
  });

  it('lets a field of several lines keep its tabs and line breaks, and nothing else', () => {
    const lines = plainText({ max: 100, lineBreaks: true });
    expect(lines.safeParse('Primera línea\r\n\tSegunda').success).toBe(true);
    for (const control of ['\u0000', '\u0008', '\u000b', '\u000c', '\u001b', '\u0085'])
      expect(lines.safeParse(`a${control}b`).success).toBe(false);
  });

  it('trims before checking, when asked', () => {
    expect(plainText({ max: 3, trim: true }).parse('  abc\n')).toBe('abc');
  });

  it('turns control characters typed or pasted into a one-line field into spaces', () => {
    expect(withoutControlCharacters('12345678Z\tGarcía\u0000\u0085')).toBe('12345678Z García  ');
  });
});
